import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ConceptEngine } from '../answer/ConceptEngine.js';
import { loadEngine } from '../answer/loadEngine.js';

/**
 * An engine source that rebuilds the engine whenever a topic file in `dir` is added, removed or
 * saved, so an author sees an edit on the next page load. Unchanged files reuse the last build.
 */
export function reloadingEngine(dir: string): () => Promise<ConceptEngine> {
  let built: { signature: string; engine: Promise<ConceptEngine> } | undefined;
  return async () => {
    const signature = await folderSignature(dir);
    if (built?.signature !== signature) built = { signature, engine: loadEngine(dir) };
    return built.engine;
  };
}

/** Names, sizes and modification times of the topic files: changes whenever the knowledge does. */
async function folderSignature(dir: string): Promise<string> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.md') && !n.startsWith('.')).sort();
  } catch {
    return 'unreadable';
  }
  const parts = await Promise.all(
    names.map(async (name) => {
      const info = await stat(path.join(dir, name)).catch(() => undefined);
      return `${name}:${info?.size ?? -1}:${info?.mtimeMs ?? -1}`;
    }),
  );
  return parts.join('|');
}
