import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { learningRecordSchema, type LearningRecord } from './LearningRecord.js';

export interface LearningLogContents {
  file: string;
  /** False when there is no log file yet. */
  exists: boolean;
  records: LearningRecord[];
  /** Lines that are not a valid record (cut short, hand-edited): skipped and counted. */
  malformed: number;
}

/** Reads `questions.jsonl` line by line; a bad line is skipped and counted, a missing file is an empty log. */
export async function readLearningLog(file: string): Promise<LearningLogContents> {
  const contents: LearningLogContents = { file, exists: true, records: [], malformed: 0 };
  const input = createReadStream(file, 'utf8');
  try {
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      if (!line.trim()) continue;
      const parsed = learningRecordSchema.safeParse(parseJson(line));
      if (parsed.success) contents.records.push(parsed.data);
      else contents.malformed++;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return { file, exists: false, records: [], malformed: 0 };
  } finally {
    input.destroy();
  }
  return contents;
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** Every learning log in a data folder: `questions.jsonl` and the per-process ones beside it (`questions-shard-0.jsonl`, …). */
export const LOG_FILE = /^questions(?:-[\w.-]+)?\.jsonl$/;

/**
 * Reads every learning log in `dataDir` (one per bot process of a sharded or HTTP deployment) as one log,
 * records in time order. `file` names the folder's logs; `exists` is false when there is none.
 */
export async function readLearningLogs(dataDir: string): Promise<LearningLogContents & { files: string[] }> {
  const names = (await readdir(dataDir).catch(() => [] as string[])).filter((n) => LOG_FILE.test(n)).sort();
  const files = names.map((n) => path.join(dataDir, n));
  const logs = await Promise.all(files.map(readLearningLog));
  const records = logs.flatMap((l) => l.records).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const file =
    files.length === 1
      ? files[0]!
      : files.length === 0
        ? path.join(dataDir, 'questions.jsonl')
        : `${dataDir} (${files.length} logs)`;
  return {
    file,
    files,
    exists: files.length > 0,
    records,
    malformed: logs.reduce((n, l) => n + l.malformed, 0),
  };
}
