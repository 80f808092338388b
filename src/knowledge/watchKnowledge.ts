import { realpathSync, statSync, watch, type FSWatcher } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { isTopicFileName } from './loadKnowledge.js';

export interface WatchKnowledgeOptions {
  /** Quiet time after the last event before `onChange` fires. */
  debounceMs: number;
  /** How often the folder's identity is checked, to notice it being replaced; default 1,000 ms. */
  pollMs?: number;
  /** Called once per burst of events, with the `.md` names that changed (empty when the whole folder did). */
  onChange(changed: string[]): void;
  /** The folder went missing or could not be watched; watching resumes by itself once it is back. */
  onError(error: Error): void;
}

export interface KnowledgeWatcher {
  close(): void;
}

/**
 * Watches a knowledge folder for changes to topic files (`*.md`, not hidden), debouncing editor bursts:
 * an atomic save (write a temporary file, rename it over the topic) is one change. Editor temporaries
 * and other files are ignored.
 *
 * The folder is watched by path, not by what it is now: its identity (real path, device and inode) is
 * checked every `pollMs`, so replacing it (`mv k k.old; mv k.new k`), deleting and recreating it, or
 * swapping a symbolic link to it moves the watch to the new folder and reports a change. Does not keep
 * the process alive on its own.
 */
export function watchKnowledge(dir: string, options: WatchKnowledgeOptions): KnowledgeWatcher {
  let watcher: FSWatcher | undefined;
  let watched: string | undefined; // identity of the folder `watcher` watches
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let missing = false;
  let polling = false;
  const changed = new Set<string>();

  const schedule = (name: string | undefined) => {
    if (name) changed.add(name);
    clearTimeout(timer);
    timer = setTimeout(fire, options.debounceMs);
    timer.unref();
  };
  const fire = () => {
    if (closed) return;
    const names = [...changed].sort();
    changed.clear();
    options.onChange(names);
  };
  const stop = () => {
    watcher?.close();
    watcher = undefined;
    watched = undefined;
  };
  const open = (identity: string) => {
    try {
      const next = watch(dir, { persistent: false }, (_event, filename) => {
        const name = filename?.toString();
        if (name === undefined) schedule(undefined);
        else if (isTopicFileName(name)) schedule(name);
      });
      next.on('error', (error) => {
        if (watcher === next) stop();
        options.onError(error);
      });
      watcher = next;
      watched = identity;
      missing = false;
    } catch (error) {
      if (!missing) options.onError(error as Error);
      missing = true;
    }
  };
  const check = async () => {
    if (closed || polling) return;
    polling = true;
    try {
      const identity = await identityOf(dir);
      if (closed) return;
      if (identity === undefined) {
        if (!missing) {
          missing = true;
          stop();
          options.onError(new Error(`the knowledge folder ${dir} is gone; watching for it to come back`));
        }
        return;
      }
      if (identity !== watched) {
        stop();
        open(identity);
        schedule(undefined); // a new folder: reload all of it
      }
    } finally {
      polling = false;
    }
  };

  // The identity is taken with the watch, at once: a folder swapped a moment after the start is still seen.
  const initial = identityNow(dir);
  if (initial === undefined) {
    missing = true;
    options.onError(new Error(`the knowledge folder ${dir} is missing; watching for it to appear`));
  } else open(initial);
  void check();
  const poll = setInterval(() => void check(), options.pollMs ?? 1_000);
  poll.unref();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      clearInterval(poll);
      stop();
    },
  };
}

/** What the folder is now: its real path and its device and inode; undefined when there is none. */
function identityNow(dir: string): string | undefined {
  try {
    const real = realpathSync(dir);
    const info = statSync(real);
    return info.isDirectory() ? `${real}\u0000${info.dev}:${info.ino}` : undefined;
  } catch {
    return undefined;
  }
}

async function identityOf(dir: string): Promise<string | undefined> {
  try {
    const real = await realpath(dir);
    const info = await stat(real);
    return info.isDirectory() ? `${real}\u0000${info.dev}:${info.ino}` : undefined;
  } catch {
    return undefined;
  }
}
