import { randomBytes } from 'node:crypto';
import { link, open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { ImportError } from './ImportError.js';

/**
 * Writes `content` to `target` all at once: into a hidden temporary file next to it (named with this
 * process's id, so a later run can tell it was orphaned: `removeOrphanedTempFiles`), flushed to disk,
 * then moved into place, so a reader never sees half a file. Unless `overwrite`, an existing target is
 * an `ImportError` and stays untouched (the move is a hard link, which fails rather than replace).
 */
export async function writeAtomically(target: string, content: string, overwrite: boolean): Promise<void> {
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  const handle = await open(temp, 'wx');
  try {
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (overwrite) await rename(temp, target);
    else await moveWithoutReplacing(temp, target);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

async function moveWithoutReplacing(temp: string, target: string): Promise<void> {
  try {
    await link(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw exists(target);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
    // No hard links on this file system: check, then move (not atomic against a concurrent writer).
    if (
      await stat(target).then(
        () => true,
        () => false,
      )
    )
      throw exists(target);
    await rename(temp, target);
  }
}

function exists(target: string): ImportError {
  return new ImportError(`${target} already exists (use --force to overwrite it)`);
}
