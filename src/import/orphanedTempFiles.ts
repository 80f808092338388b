import { readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/** `.name.md.<pid>.<hex>.tmp`: the temporary file `writeAtomically` writes beside its target. */
const TEMP_NAME = /^\..+\.md\.(?:(\d+)\.)?[0-9a-f]{12}\.tmp$/;

/** Temporary files with no process id are left alone this long, in case their writer is still at work. */
const UNOWNED_GRACE_MS = 10 * 60_000;
/** After this long a temporary file is orphaned whatever its process id says (ids get reused). */
const OWNED_GRACE_MS = 24 * 60 * 60_000;

/**
 * Removes the temporary files an import killed mid-write left in `dir`: those whose writing process is
 * gone (or that are a day old), and those without a process id once they are ten minutes old. Returns the names
 * removed. Never throws.
 */
export async function removeOrphanedTempFiles(dir: string, now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await removableTempFiles(dir, now)) {
    if (
      await unlink(path.join(dir, name)).then(
        () => true,
        () => false,
      )
    )
      removed.push(name);
  }
  return removed;
}

/** The orphaned temporary files `removeOrphanedTempFiles` would remove from `dir`. */
export async function removableTempFiles(dir: string, now = Date.now()): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const orphans: string[] = [];
  for (const name of names) {
    const found = TEMP_NAME.exec(name);
    if (!found) continue;
    const file = path.join(dir, name);
    const pid = found[1] === undefined ? undefined : Number(found[1]);
    const age = now - ((await stat(file).catch(() => undefined))?.mtimeMs ?? now);
    const orphaned =
      pid === undefined
        ? age > UNOWNED_GRACE_MS
        : pid !== process.pid && (!isRunning(pid) || age > OWNED_GRACE_MS);
    if (orphaned) orphans.push(name);
  }
  return orphans;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}
