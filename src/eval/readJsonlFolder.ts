import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Every line of every `*.jsonl` file in a folder, parsed, files in name order and lines in file order;
 * blank lines skipped. Empty when there is no such folder (an optional evaluation set).
 */
export async function readJsonlFolder(dir: string): Promise<unknown[]> {
  const files = await readdir(dir).catch(() => [] as string[]);
  const records: unknown[] = [];
  for (const file of files.filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of (await readFile(path.join(dir, file), 'utf8')).split('\n')) {
      if (line.trim()) records.push(JSON.parse(line));
    }
  }
  return records;
}
