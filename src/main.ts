/**
 * `concept-bot start` (`npm start`): the Discord bot when DISCORD_TOKEN is set (one process, a process
 * per shard, or a range of shards: see discord/startMode.ts), the HTTP Interactions Endpoint when
 * DISCORD_PUBLIC_KEY and INTERACTIONS_PORT are set, else (or with --console) the local console.
 * A question's path: front end (src/discord or src/terminal) -> ConceptEngine.ask (src/answer)
 * -> searchKnowledge (src/search) -> answerFrom, over the knowledge loaded from KNOWLEDGE_DIR (src/knowledge).
 */
import 'dotenv/config';
import { LiveEngine } from './answer/LiveEngine.js';
import { parseCommandLine, type CommandLineSpec, type FlagSpecs } from './cli/commandLine.js';
import { exitOnKnowledgeError } from './cli/exitOnKnowledgeError.js';
import { loadConfig } from './config/env.js';
import { startMode } from './discord/startMode.js';
import { JsonlLearningLog } from './learn/JsonlLearningLog.js';
import { consoleNotices } from './terminal/consoleNotices.js';
import { startConsole } from './terminal/runConsole.js';

const SPEC = {
  command: 'start',
  usage: ['[--brief]', '--console [--brief]'],
  details: `With DISCORD_TOKEN set (in .env or the environment) it runs the Discord bot (sharded with
SHARD_COUNT/SHARD_IDS); with DISCORD_PUBLIC_KEY and INTERACTIONS_PORT, Discord's HTTP Interactions
Endpoint; otherwise, or with --console, a local console: type a question (or paste code) and read the
answer; type a number to open a section the last answer offered. Reading a pipe, it answers each line
and prints no prompt. The knowledge (KNOWLEDGE_DIR) is reloaded when a topic file changes.
Configuration is checked first: every bad variable is reported, with exit status 2.`,
  flags: {
    console: { type: 'boolean', help: 'the local console even when DISCORD_TOKEN is set' },
    brief: { type: 'boolean', short: 'b', help: 'console answers show only the best point' },
  },
} as const satisfies CommandLineSpec<FlagSpecs>;

async function main(): Promise<void> {
  const { flags } = parseCommandLine(SPEC);
  switch (flags.console ? 'console' : startMode(process.env)) {
    case 'http': {
      const { runInteractions } = await import('./discord/http/runInteractions.js');
      return runInteractions();
    }
    case 'shard-manager': {
      const { runShardManager } = await import('./discord/sharding/runShardManager.js');
      return runShardManager();
    }
    case 'gateway': {
      const { runBot } = await import('./runBot.js');
      return runBot();
    }
    case 'console':
      break;
  }
  await runLocalConsole(flags.brief);
}

/** The console over the live knowledge, validated like the bot's configuration. */
async function runLocalConsole(brief: boolean): Promise<void> {
  const config = loadConfig();
  let notify = (_message: string): void => {}; // the banner reports the first load
  const notices = consoleNotices(config.logLevel, (message) => notify(message));
  const live = await LiveEngine.start(config.knowledgeDir, { logger: notices });
  // A person's questions and picks, in a file of its own beside the bot's (`npm run report` reads both).
  const learningLog = new JsonlLearningLog({
    dataDir: config.dataDir,
    logger: notices,
    fileName: CONSOLE_LEARNING_LOG,
  });
  // The console's exit handler restores the terminal; what the log still holds is written first.
  const stop = () => void learningLog.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const running = startConsole({
    getEngine: () => live.current,
    input: process.stdin,
    output: process.stdout,
    errors: process.stderr,
    brief,
    banner:
      `concept-bot local console, not connected to Discord (set DISCORD_TOKEN in .env to run the bot). ` +
      `${live.current.sectionCount} sections from ${config.knowledgeDir}, reloaded when a file changes. ` +
      `Ask a question; Ctrl-D quits.`,
    learningLog,
  });
  notify = running.notify;
  await running.finished;
  await learningLog.close();
  live.close();
}

/** The console's learning log in DATA_DIR. */
const CONSOLE_LEARNING_LOG = 'questions-console.jsonl';

main().catch(exitOnKnowledgeError);
