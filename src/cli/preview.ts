/**
 * `concept-bot preview [--port N]`: the knowledge preview on http://127.0.0.1:4545/ (or PREVIEW_PORT).
 * Every section of KNOWLEDGE_DIR as the bot's Discord answer, and a search box running the real matcher.
 * Topic files are re-read when they change, and the page follows; while an edit does not load, the
 * last good knowledge is shown with the problem above it.
 */
import 'dotenv/config';
import { knowledgeDirFromEnv } from '../knowledge/loadKnowledge.js';
import { liveKnowledge } from '../preview/liveKnowledge.js';
import { startPreviewServer } from '../preview/previewServer.js';
import { parseCommandLine, usageError, type CommandLineSpec, type FlagSpecs } from './commandLine.js';
import { exitOnKnowledgeError } from './exitOnKnowledgeError.js';

const DEFAULT_PORT = 4545;

const SPEC = {
  command: 'preview',
  usage: ['[--port N]'],
  details: `Serves http://127.0.0.1:N/ (loopback only): every section of KNOWLEDGE_DIR as the bot's Discord
answer, and a search box running the real matcher. Topic files are re-read when they change and the
page follows; while an edit does not load, the last good knowledge is shown with the problem above it.
Ctrl-C stops it.`,
  flags: {
    port: { type: 'string', short: 'p', value: 'N', help: 'the port (default PREVIEW_PORT or 4545)' },
  },
} as const satisfies CommandLineSpec<FlagSpecs>;

async function main(): Promise<void> {
  const { flags } = parseCommandLine(SPEC);
  const raw = (flags.port ?? process.env.PREVIEW_PORT)?.trim() || String(DEFAULT_PORT);
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) usageError(SPEC, `invalid port "${raw}"`);
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

main().catch(exitOnKnowledgeError);
