import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { importCapture } from '../import/importCapture.js';
import { ImportError } from '../import/ImportError.js';
import { writeAtomically } from '../import/writeAtomically.js';
import { knowledgeDirFromEnv } from '../knowledge/loadKnowledge.js';
import { slugify } from '../knowledge/slug.js';
import { parseCommandLine, usageError, type CommandLineSpec, type FlagSpecs } from './commandLine.js';

const SPEC = {
  command: 'import',
  usage: ['[--out DIR] [--force] [--name ID] FILE...'],
  details: `Turns raw LLM captures (terminal recordings of a breakdown) into clean topic files in the
knowledge format, one <slug>.md a capture, named by the topic's title.`,
  flags: {
    out: {
      type: 'string',
      short: 'o',
      value: 'DIR',
      help: 'where to write (default: $KNOWLEDGE_DIR or ./knowledge; created if missing)',
    },
    force: { type: 'boolean', short: 'f', help: 'overwrite topic files that already exist' },
    name: {
      type: 'string',
      short: 'n',
      value: 'ID',
      help: "the topic id (file name) instead of the title's slug; one input file only",
    },
  },
  positionals: true,
} as const satisfies CommandLineSpec<FlagSpecs>;

/** `npm run import`: imports every file it can, reports each one that fails, exits 1 if any did. */
async function main(argv: string[]): Promise<number> {
  const { flags: options, positionals: files } = parseCommandLine(SPEC, argv);
  if (files.length === 0) usageError(SPEC, 'no input files');

  if (options.name !== undefined && (files.length !== 1 || slugify(options.name) !== options.name)) {
    const why =
      files.length !== 1
        ? 'takes exactly one input file'
        : `must be a topic id such as "${slugify(options.name)}"`;
    usageError(SPEC, `--name ${why}`);
  }

  const outDir = options.out ?? knowledgeDirFromEnv();
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    process.stderr.write(`import: ${outDir}: cannot create the output folder: ${messageOf(error)}\n`);
    return 1;
  }

  const written = new Map<string, string>(); // target -> the input it came from, in this run
  let failures = 0;
  for (const file of files) {
    try {
      const { slug, topic, markdown } = importCapture(await readInput(file), file);
      const target = path.join(outDir, `${options.name ?? slug}.md`);
      const earlier = written.get(target);
      if (earlier !== undefined)
        throw new ImportError(`same topic as ${earlier}, already written to ${target}`);
      await writeAtomically(target, markdown, options.force ?? false);
      written.set(target, file);
      const code = topic.sections.reduce((n, s) => n + s.code.length, 0);
      process.stdout.write(
        `wrote ${target}: "${topic.title}", ${plural(topic.sections.length, 'section')}, ${plural(code, 'code example')}\n`,
      );
    } catch (error) {
      failures += 1;
      process.stderr.write(`import: ${file}: ${messageOf(error)}\n`);
    }
  }
  return failures > 0 ? 1 : 0;
}

async function readInput(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ImportError('no such file');
    if (code === 'EISDIR') throw new ImportError('is a directory, not a file');
    if (code === 'EACCES' || code === 'EPERM') throw new ImportError('cannot read it (permission denied)');
    throw new ImportError(`cannot read it: ${messageOf(error)}`);
  }
}

function messageOf(error: unknown): string {
  if (error instanceof ImportError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

process.exitCode = await main(process.argv.slice(2));
