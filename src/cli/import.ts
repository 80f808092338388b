import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { MAX_SLUG_BYTES } from '../import/fileSlug.js';
import { importCapture } from '../import/importCapture.js';
import { ImportError } from '../import/ImportError.js';
import { removeOrphanedTempFiles } from '../import/orphanedTempFiles.js';
import { readCapture } from '../import/readCapture.js';
import { writeAtomically } from '../import/writeAtomically.js';
import { knowledgeDirFromEnv } from '../knowledge/loadKnowledge.js';
import { readLimitsFromEnv } from '../knowledge/readTopicFile.js';
import { slugify } from '../knowledge/slug.js';
import { parseCommandLine, usageError, type CommandLineSpec, type FlagSpecs } from './commandLine.js';

const SPEC = {
  command: 'import',
  usage: ['[--out DIR] [--force] [--name ID] [--title TITLE] FILE...'],
  details: `Turns raw LLM captures (terminal recordings of a breakdown) into clean topic files in the
knowledge format, one <slug>.md a capture, named by the topic's title, and says what it took out of
each (prompt lines, runner logs and statistics, reasoning blocks, terminal codes, chatter, mojibake).
FILE may be - (standard input) or a pipe such as <(ollama run llama3 "give me a breakdown of X").
Each file may be at most KNOWLEDGE_MAX_FILE_MB megabytes (default 4).`,
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
    title: {
      type: 'string',
      short: 't',
      value: 'TITLE',
      help: 'the topic title instead of the one found in the capture; one input file only',
    },
  },
  positionals: true,
} as const satisfies CommandLineSpec<FlagSpecs>;

/** `npm run import`: imports every file it can, reports each one that fails, exits 1 if any did. */
async function main(argv: string[]): Promise<number> {
  const { flags: options, positionals: files } = parseCommandLine(SPEC, argv);
  if (files.length === 0) usageError(SPEC, 'no input files');
  if (options.name !== undefined) {
    const id = slugify(options.name);
    if (files.length !== 1) usageError(SPEC, '--name takes exactly one input file');
    if (id !== options.name) usageError(SPEC, `--name must be a topic id such as "${id}"`);
    if (Buffer.byteLength(id) > MAX_SLUG_BYTES)
      usageError(SPEC, `--name must be at most ${MAX_SLUG_BYTES} bytes long`);
  }
  if (options.title !== undefined && (files.length !== 1 || !options.title.trim())) {
    usageError(
      SPEC,
      files.length !== 1 ? '--title takes exactly one input file' : '--title must not be empty',
    );
  }
  let limits;
  try {
    limits = readLimitsFromEnv();
  } catch (error) {
    usageError(SPEC, messageOf(error));
  }

  const outDir = options.out ?? knowledgeDirFromEnv();
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    process.stderr.write(`import: ${outDir}: cannot create the output folder: ${messageOf(error)}\n`);
    return 1;
  }
  for (const name of await removeOrphanedTempFiles(outDir)) {
    process.stdout.write(
      `removed ${path.join(outDir, name)}, left by an import that was stopped mid-write\n`,
    );
  }

  const written = new Map<string, string>(); // target -> the input it came from, in this run
  let failures = 0;
  for (const file of files) {
    try {
      const { slug, topic, markdown, stripped } = importCapture(await readCapture(file, limits), file, {
        title: options.title,
      });
      const target = path.join(outDir, `${options.name ?? slug}.md`);
      const earlier = written.get(target);
      if (earlier !== undefined)
        throw new ImportError(`same topic as ${earlier}, already written to ${target}`);
      await writeAtomically(target, markdown, options.force);
      written.set(target, file);
      const code = topic.sections.reduce((n, s) => n + s.code.length, 0);
      process.stdout.write(
        `wrote ${target}: "${topic.title}", ${plural(topic.sections.length, 'section')}, ${plural(code, 'code example')}\n` +
          (stripped.length > 0
            ? `  stripped: ${stripped.join('\n            ')}\n`
            : '  stripped: nothing\n'),
      );
    } catch (error) {
      failures += 1;
      process.stderr.write(`import: ${file}: ${messageOf(error)}\n`);
    }
  }
  if (written.size > 0) process.stdout.write('Next: read the files, then run npm run check.\n');
  return failures > 0 ? 1 : 0;
}

function messageOf(error: unknown): string {
  if (error instanceof ImportError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENAMETOOLONG') return 'the file name is too long for this file system';
  return error instanceof Error ? error.message : String(error);
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

process.exitCode = await main(process.argv.slice(2));
