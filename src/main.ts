/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, else the local console.
 * A question's path: front end (src/discord or src/terminal) -> ConceptEngine.ask (src/answer)
 * -> searchSections (src/search) over the knowledge loaded from KNOWLEDGE_DIR (src/knowledge).
 */
import 'dotenv/config';
import { loadEngine } from './answer/loadEngine.js';
import { exitOnKnowledgeError } from './cli/exitOnKnowledgeError.js';
import { runConsole } from './terminal/runConsole.js';

async function main(): Promise<void> {
  if (process.env.DISCORD_TOKEN?.trim()) {
    const { runBot } = await import('./runBot.js');
    await runBot();
    return;
  }
  const engine = await loadEngine();
  process.once('SIGINT', () => {
    process.stdout.write('\n');
    process.exit(0);
  });
  await runConsole(() => engine, process.stdin, process.stdout);
}

main().catch(exitOnKnowledgeError);
