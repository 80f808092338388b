/**
 * `npm run preview [-- --port N]`: the knowledge preview on http://127.0.0.1:4545/ (or PREVIEW_PORT).
 * Every section of KNOWLEDGE_DIR as the bot's Discord answer, and a search box running the real matcher.
 * Topic files are re-read when they change, and the page follows; while an edit does not load, the
 * last good knowledge is shown with the problem above it.
 */
import 'dotenv/config';
import { knowledgeDirFromEnv } from '../knowledge/loadKnowledge.js';
import { liveKnowledge } from '../preview/liveKnowledge.js';
import { startPreviewServer } from '../preview/previewServer.js';
import { exitOnKnowledgeError } from './exitOnKnowledgeError.js';

const DEFAULT_PORT = 4545;
const USAGE = 'usage: npm run preview [-- --port N]   (or PREVIEW_PORT=N; default 4545)';

function parsePort(argv: string[], env: NodeJS.ProcessEnv): number | string {
  let raw = env.PREVIEW_PORT?.trim() || String(DEFAULT_PORT);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--port') raw = argv[++i] ?? '';
    else if (arg.startsWith('--port=')) raw = arg.slice('--port='.length);
    else return `unknown argument ${arg}`;
  }
  const port = Number(raw);
  return /^\d+$/.test(raw) && port <= 65535 ? port : `invalid port "${raw}"`;
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = parsePort(argv, process.env);
  if (typeof port === 'string') {
    process.stderr.write(`${port}\n${USAGE}\n`);
    process.exit(2);
  }
  const dir = knowledgeDirFromEnv();
  const notice = (_obj: object, msg: string) => process.stderr.write(`${msg}\n`);
  // Fails now, with the located problems, if the knowledge is broken.
  const knowledge = await liveKnowledge(dir, { logger: { info: notice, warn: notice, error: notice } });
  const server = await startPreviewServer({
    getEngine: knowledge.getEngine,
    status: knowledge.status,
    port,
    label: dir,
  }).catch((error: unknown) => {
    knowledge.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`port ${port} is in use; pick another with --port N or PREVIEW_PORT`);
    }
    throw error;
  });
  process.stdout.write(`Knowledge preview of ${dir}: ${server.url}\n(Ctrl+C to stop)\n`);
  const stop = () => {
    knowledge.close();
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main(process.argv.slice(2)).catch(exitOnKnowledgeError);
