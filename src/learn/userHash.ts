import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SALT_FILE } from './dataDir.js';

/** A user id as the log stores it: HMAC-SHA256 with the install's salt, shortened. Stable per install, not reversible. */
export function hashUserId(salt: string, userId: string): string {
  return createHmac('sha256', salt).update(userId).digest('hex').slice(0, 16);
}

/** Reads the install's salt from `<dataDir>/salt`, creating it (random, owner-only) the first time. */
export async function loadSalt(dataDir: string): Promise<string> {
  const file = path.join(dataDir, SALT_FILE);
  const existing = await readSalt(file);
  if (existing) return existing;
  const salt = randomBytes(32).toString('hex');
  try {
    // `wx` unless an empty file is there: two processes starting together agree on the first salt written.
    await writeFile(file, `${salt}\n`, { flag: existing === '' ? 'w' : 'wx', mode: 0o600 });
    return salt;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = await readSalt(file);
    if (!winner) throw error;
    return winner;
  }
}

/** The salt, '' for an empty file, undefined when there is none. */
async function readSalt(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** `loadSalt` without waiting, for the learning log's synchronous spill (same file, same rules). */
export function loadSaltSync(dataDir: string): string {
  const file = path.join(dataDir, SALT_FILE);
  const existing = readSaltSync(file);
  if (existing) return existing;
  const salt = randomBytes(32).toString('hex');
  try {
    writeFileSync(file, `${salt}\n`, { flag: existing === '' ? 'w' : 'wx', mode: 0o600 });
    return salt;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = readSaltSync(file);
    if (!winner) throw error;
    return winner;
  }
}

function readSaltSync(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
