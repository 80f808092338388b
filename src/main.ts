/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set (one process, a process per shard, or a range
 * of shards: see discord/startMode.ts), the HTTP Interactions Endpoint when DISCORD_PUBLIC_KEY and
 * INTERACTIONS_PORT are set, else the local console.
 * A question's path: front end (src/discord or src/terminal) -> ConceptEngine.ask (src/answer)
 * -> searchSections (src/search) over the knowledge loaded from KNOWLEDGE_DIR (src/knowledge).
 */
import 'dotenv/config';
import { LiveEngine } from './answer/LiveEngine.js';
import { exitOnKnowledgeError } from './cli/exitOnKnowledgeError.js';
import { startMode } from './discord/startMode.js';
import { knowledgeDirFromEnv } from './knowledge/loadKnowledge.js';
import { runConsole } from './terminal/runConsole.js';

async function main(): Promise<void> {
  switch (startMode(process.env)) {
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
  // The console reloads the knowledge as it is edited, like the bot; notices go to stderr, apart from the answers.
  const notice = (_obj: object, msg: string) => process.stderr.write(`${msg}\n`);
  const live = await LiveEngine.start(knowledgeDirFromEnv(), {
    logger: { info() {}, warn: notice, error: notice },
  });
  live.on('reload', ({ engine }) => notice({}, `(knowledge reloaded: ${engine.sectionCount} sections)`));
  process.once('SIGINT', () => {
    process.stdout.write('\n');
    process.exit(0);
  });
  await runConsole(() => live.current, process.stdin, process.stdout);
  live.close();
}

main().catch(exitOnKnowledgeError);
