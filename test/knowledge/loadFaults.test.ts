import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KnowledgeError } from '../../src/knowledge/KnowledgeError.js';
import { KnowledgeLoadError } from '../../src/knowledge/KnowledgeError.js';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'concept-bot-load-'));
  await cp('knowledge', dir, { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('loading a folder with files that are no topic', () => {
  it('skips a FIFO named like a topic without waiting on it, and says so', async () => {
    execFileSync('mkfifo', [path.join(dir, 'x.md')]);
    const skipped: KnowledgeError[] = [];
    const { topics } = await loadKnowledge(dir, { onSkip: (s) => skipped.push(s) });
    expect(topics.map((t) => t.id)).toEqual(['csharp-async-await']);
    expect(skipped.map((s) => s.message)).toEqual([`${path.join(dir, 'x.md')}: not a regular file (a FIFO): skipped`]);

    // `ask` answers (the FIFO would block it forever if it were opened for reading) and warns on stderr.
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--json', 'does await block the thread?'], {
      env: { ...process.env, KNOWLEDGE_DIR: dir },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).match.id).toBe('await-keyword');
    expect(run.stderr).toContain('x.md: not a regular file (a FIFO): skipped');
  });

  it('refuses a file over the size limit by its size, without reading it, and names the limit', async () => {
    await writeFile(path.join(dir, 'huge.md'), Buffer.alloc(5 * 1024 * 1024, 'word '));
    const error = await loadKnowledge(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeLoadError);
    expect((error as KnowledgeLoadError).errors.map((e) => e.message)).toEqual([
      `${path.join(dir, 'huge.md')}: 5 MB is over the 4 MB limit for one file (split the topic, or raise KNOWLEDGE_MAX_FILE_MB)`,
    ]);
    const raised = await loadKnowledge(dir, { limits: { maxBytes: 6 * 1024 * 1024, timeoutMs: 5_000 } }).catch((e: unknown) => e);
    expect((raised as KnowledgeLoadError).errors[0]!.problem).toMatch(/^no sections/); // read now: 5 MB of "word"
  });

  it('names a folder that cannot be read once, without a line number', async () => {
    const error = (await loadKnowledge(path.join(dir, 'nowhere')).catch((e: unknown) => e)) as KnowledgeLoadError;
    expect(error.errors[0]!.message).toMatch(new RegExp(`^${path.join(dir, 'nowhere')}: cannot read the knowledge folder: ENOENT`));
  });
});
