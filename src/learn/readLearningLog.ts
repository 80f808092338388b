import { createReadStream } from 'node:fs';
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
