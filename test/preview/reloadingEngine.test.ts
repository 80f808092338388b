import { copyFile, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reloadingEngine } from '../../src/preview/reloadingEngine.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('reloadingEngine', () => {
  it('reuses the engine until a topic file changes, then rebuilds it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'preview-reload-'));
    dirs.push(dir);
    const file = path.join(dir, 'csharp-async-await.md');
    await copyFile('knowledge/csharp-async-await.md', file);
    const getEngine = reloadingEngine(dir);

    const first = await getEngine();
    expect(await getEngine()).toBe(first);

    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('Keeps UI apps responsive', 'Keeps desktop apps responsive'));
    await utimes(file, new Date(), new Date(Date.now() + 5_000));
    const second = await getEngine();
    expect(second).not.toBe(first);
    expect(second.knowledge.topics[0]!.sections[0]!.points.join('\n')).toContain(
      'Keeps desktop apps responsive',
    );
  });
});
