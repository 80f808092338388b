import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge.js';
import { capturePath, REPO } from './helpers.js';

const temp = mkdtempSync(path.join(tmpdir(), 'concept-bot-import-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function runImport(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync('npx', ['tsx', 'src/cli/import.ts', ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  // npx may print its own warnings on stderr: keep the importer's lines only.
  const errors = result.stderr
    .split('\n')
    .filter((l) => l.startsWith('import: ') || l.startsWith('concept-bot import: '));
  return { status: result.status, stdout: result.stdout, errors };
}

const seed = capturePath('seed-csharp-async.txt');

describe('npm run import', () => {
  const out = path.join(temp, 'nested', 'knowledge');

  it('writes one topic a capture into --out, creating it, and says what it wrote', async () => {
    const run = runImport([
      '--out',
      out,
      seed,
      capturePath('ansi-spinner.txt'),
      capturePath('clean-knowledge.md'),
    ]);
    expect(run.errors).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      `wrote ${path.join(out, 'async-and-await-in-csharp.md')}: "async and await in C#", 9 sections, 2 code examples`,
    );
    expect(run.stdout).toContain('"Promises in JavaScript", 4 sections, 1 code example');
    expect(readdirSync(out).sort()).toEqual([
      'async-and-await-in-csharp.md',
      'goroutines-in-go.md',
      'promises-in-javascript.md',
    ]);

    const { topics } = await loadKnowledge(out);
    const csharp = topics.find((t) => t.id === 'async-and-await-in-csharp')!;
    expect(csharp.title).toBe('async and await in C#');
    expect(csharp.sections.map((s) => s.id)).toEqual([
      'purpose',
      'async-modifier',
      'await-keyword',
      'thread-behavior',
      'syntax',
      'error-handling',
      'fire-and-forget',
      'key-rules',
      'example',
    ]);
  });

  it('refuses to overwrite an existing topic without --force, and overwrites with it', () => {
    const target = path.join(out, 'async-and-await-in-csharp.md');
    writeFileSync(target, 'edited by hand\n');
    const refused = runImport(['--out', out, seed]);
    expect(refused.status).toBe(1);
    expect(refused.errors).toEqual([
      `import: ${seed}: ${target} already exists (use --force to overwrite it)`,
    ]);
    expect(readFileSync(target, 'utf8')).toBe('edited by hand\n');

    const forced = runImport(['--out', out, '--force', seed]);
    expect(forced.status).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('- **`await` keyword**:');
    expect(readdirSync(out).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('reports each bad file, imports the good ones and exits 1', () => {
    const dest = path.join(temp, 'bad-out');
    const files = {
      empty: path.join(temp, 'empty.txt'),
      binary: path.join(temp, 'image.png'),
      prose: path.join(temp, 'prose.txt'),
      missing: path.join(temp, 'missing.txt'),
    };
    writeFileSync(files.empty, '');
    writeFileSync(
      files.binary,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    );
    writeFileSync(files.prose, 'Async code lets a program wait without blocking.\n\nThat is all.\n');

    const run = runImport(['--out', dest, files.empty, files.binary, seed, files.prose, files.missing, temp]);
    expect(run.status).toBe(1);
    expect(run.errors).toEqual([
      `import: ${files.empty}: empty file`,
      `import: ${files.binary}: binary file, not text (NUL byte at offset 8)`,
      expect.stringMatching(new RegExp(`^import: ${escape(files.prose)}: no list items or headings`)),
      `import: ${files.missing}: no such file`,
      `import: ${temp}: is a directory, not a file`,
    ]);
    expect(readdirSync(dest)).toEqual(['async-and-await-in-csharp.md']);
  });

  it('writes to KNOWLEDGE_DIR when no --out is given, and one topic only once a run', () => {
    const dir = path.join(temp, 'from-env');
    const copy = path.join(temp, 'seed-copy.txt');
    writeFileSync(copy, readFileSync(seed));
    const run = runImport([seed, copy], { KNOWLEDGE_DIR: dir });
    expect(run.status).toBe(1);
    expect(run.errors).toEqual([
      `import: ${copy}: same topic as ${seed}, already written to ${path.join(dir, 'async-and-await-in-csharp.md')}`,
    ]);
    expect(readdirSync(dir)).toEqual(['async-and-await-in-csharp.md']);
  });

  it('--name sets the topic id, for one input that is a valid id', async () => {
    const named = path.join(temp, 'named');
    const run = runImport(['--out', named, '--name', 'csharp-async-await', seed]);
    expect(run.status).toBe(0);
    expect(readdirSync(named)).toEqual(['csharp-async-await.md']);
    const { topics } = await loadKnowledge(named);
    expect(topics[0]?.id).toBe('csharp-async-await');
    expect(runImport(['--out', named, '--name', 'C# stuff', seed]).errors[0]).toMatch(
      /must be a topic id such as "c-stuff"/,
    );
    expect(runImport(['--out', named, '--name', 'two', seed, seed]).status).toBe(2);
  });

  it('prints usage and exits 2 without input files or with an unknown option', () => {
    expect(runImport([]).status).toBe(2);
    const unknown = runImport(['--nope', seed]);
    expect(unknown.status).toBe(2);
    expect(unknown.errors[0]).toMatch(/^concept-bot import: unknown option '--nope'/);
  });
});

describe('npm run import: summaries, limits and leftovers', () => {
  it('says what it took out of each capture, and --title names the topic', () => {
    const dest = path.join(temp, 'summary');
    const run = runImport(['--out', dest, '--title', 'Rust ownership', capturePath('heading-organised.txt')]);
    expect(run.errors).toEqual([]);
    expect(run.stdout).toContain(
      `wrote ${path.join(dest, 'rust-ownership.md')}: "Rust ownership", 3 sections, 1 code example\n`,
    );
    expect(run.stdout).toContain('  stripped: prompt line (1 line)\n');
    expect(run.stdout).toContain('            closing chatter: "In short, ownership decides');
    expect(runImport(['--title', 'x', seed, seed]).status).toBe(2);
  });

  it('removes temporary files an import killed mid-write left behind, and only those', () => {
    const dest = path.join(temp, 'orphans');
    mkdirSync(dest, { recursive: true });
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!; // a process id that has ended
    const orphan = `.topic.md.${gone}.0123456789ab.tmp`;
    const live = `.topic.md.${process.pid}.0123456789ab.tmp`; // its writer (this test) is running
    const old = '.older.md.fedcba987654.tmp';
    const fresh = '.fresh.md.abcdefabcdef.tmp';
    for (const name of [orphan, live, old, fresh]) writeFileSync(path.join(dest, name), 'half');
    utimesSync(path.join(dest, old), new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    const run = runImport(['--out', dest, seed]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      `removed ${path.join(dest, orphan)}, left by an import that was stopped mid-write`,
    );
    expect(readdirSync(dest).sort()).toEqual([fresh, live, 'async-and-await-in-csharp.md'].sort());
  });

  it('reads a capture from a FIFO or standard input, and refuses one over the size limit', async () => {
    const dest = path.join(temp, 'piped');
    const fifo = path.join(temp, 'capture.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', `sleep 0.3; cat "${seed}" > "${fifo}"`]);
    const fromFifo = runImport(['--out', dest, fifo]);
    await new Promise((resolve) => writer.once('exit', resolve));
    expect(fromFifo.errors).toEqual([]);
    expect(readdirSync(dest)).toEqual(['async-and-await-in-csharp.md']);

    const fromStdin = spawnSync(
      'npx',
      ['tsx', 'src/cli/import.ts', '--out', dest, '--name', 'from-stdin', '-'],
      {
        cwd: REPO,
        input: readFileSync(capturePath('think-after-prompt.txt')),
        encoding: 'utf8',
      },
    );
    expect(fromStdin.status).toBe(0);
    expect(readFileSync(path.join(dest, 'from-stdin.md'), 'utf8')).toContain('- **What an index is**:');

    const big = path.join(temp, 'big.txt');
    writeFileSync(big, `- **Big**: ${'word '.repeat(30_000)}\n`);
    const refused = runImport(['--out', dest, big], { KNOWLEDGE_MAX_FILE_MB: '0.1' });
    expect(refused.errors).toEqual([
      `import: ${big}: 146 KB is over the 102 KB limit for one file (split the topic, or raise KNOWLEDGE_MAX_FILE_MB)`,
    ]);
    expect(runImport(['--out', dest, big], { KNOWLEDGE_MAX_FILE_MB: 'lots' }).errors[0]).toMatch(
      /KNOWLEDGE_MAX_FILE_MB must be a positive number of megabytes, got "lots"/,
    );
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
