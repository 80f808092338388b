import { createHmac, randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { link, readFile, rename, unlink, writeFile } from 'node:fs/promises';
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
  // Written whole to a file of its own, then linked in place (or renamed over an empty one): the salt
  // file never exists half-written, and of processes starting together the first link wins.
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, `${salt}\n`, { mode: 0o600 });
  try {
    if (existing === '') await rename(temporary, file);
    else await link(temporary, file);
    return salt;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = await readSalt(file);
    if (!winner) throw error;
    return winner;
  } finally {
    await unlink(temporary).catch(() => undefined);
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
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, `${salt}\n`, { mode: 0o600 });
  try {
    if (existing === '') renameSync(temporary, file);
    else linkSync(temporary, file);
    return salt;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = readSaltSync(file);
    if (!winner) throw error;
    return winner;
  } finally {
    try {
      unlinkSync(temporary);
    } catch {
      // already gone
    }
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
