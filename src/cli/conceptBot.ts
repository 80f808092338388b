/**
 * `concept-bot <command> [ARGS]`: runs one of the project's commands (commands.ts) in this process, with
 * ARGS as its own arguments. Run from anywhere: when neither KNOWLEDGE_DIR nor ./knowledge exists, start,
 * ask and preview answer from the knowledge shipped with the package.
 */
import 'dotenv/config';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { COMMANDS, type CommandInfo } from './commands.js';
import { ExitCode } from './exitCodes.js';
import { exitOnBrokenPipe } from './exitOnBrokenPipe.js';

const PACKAGE_ROOT = path.resolve(import.meta.dirname, '../..');
/** Commands that only read the knowledge to answer: these may fall back to the shipped topics. */
const ANSWERING = new Set(['start', 'ask', 'preview']);

function programHelp(): string {
  const commands = COMMANDS.filter((c) => !('devOnly' in c && c.devOnly));
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'concept-bot - answers programming-concept questions from a knowledge base of breakdowns',
    '',
    'usage: concept-bot COMMAND [ARGS]',
    '       concept-bot COMMAND --help',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'From the repository, also `npm run COMMAND -- ARGS` (`npm start -- ARGS` for start).',
    'Exit status: 0 done, 1 failure, 2 usage or configuration error.',
    '',
  ].join('\n');
}

function version(): string {
  const manifest = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

async function main(): Promise<void> {
  exitOnBrokenPipe();
  const [name, ...args] = process.argv.slice(2);
  if (name === '-h' || name === '--help') return void process.stdout.write(programHelp());
  if (name === '-V' || name === '--version') return void process.stdout.write(`${version()}\n`);
  const command: CommandInfo | undefined = COMMANDS.find(
    (c) => c.name === name && !('devOnly' in c && c.devOnly),
  );
  if (!command) {
    const problem = name === undefined ? 'no command given' : `unknown command '${name}'`;
    process.stderr.write(`concept-bot: ${problem}\n\n${programHelp()}`);
    process.exit(ExitCode.usage);
  }
  if (ANSWERING.has(command.name) && !process.env.KNOWLEDGE_DIR?.trim() && !existsSync('knowledge')) {
    process.env.KNOWLEDGE_DIR = path.join(PACKAGE_ROOT, 'knowledge');
  }
  const script = path.join(PACKAGE_ROOT, command.script);
  process.argv = [process.argv[0]!, script, ...args];
  await import(pathToFileURL(script).href);
}

await main();
