import path from 'node:path';

/** Where learning data lives unless `DATA_DIR` says otherwise (git-ignored). */
export const DEFAULT_DATA_DIR = './data';

/** The question log inside the data folder. */
export const QUESTIONS_FILE = 'questions.jsonl';

/** The per-install salt for hashing user ids, inside the data folder. */
export const SALT_FILE = 'salt';

export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATA_DIR?.trim() || DEFAULT_DATA_DIR;
}

export function questionsLogPath(dataDir: string): string {
  return path.join(dataDir, QUESTIONS_FILE);
}
