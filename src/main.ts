/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set (one process, a process per shard, or a range
 * of shards: see discord/startMode.ts), the HTTP Interactions Endpoint when DISCORD_PUBLIC_KEY and
 * INTERACTIONS_PORT are set, else the local console.
 * A question's path: front end (src/discord or src/terminal) -> ConceptEngine.ask (src/answer)
 * -> searchSections (src/search) over the knowledge loaded from KNOWLEDGE_DIR (src/knowledge).
 */
import 'dotenv/config';
import { loadEngine } from './answer/loadEngine.js';
import { exitOnKnowledgeError } from './cli/exitOnKnowledgeError.js';
import { startMode } from './discord/startMode.js';
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
  const engine = await loadEngine();
  process.once('SIGINT', () => {
    process.stdout.write('\n');
    process.exit(0);
  });
  await runConsole(() => engine, process.stdin, process.stdout);
}

main().catch(exitOnKnowledgeError);
