import { watch, type FSWatcher } from 'node:fs';

export interface WatchKnowledgeOptions {
  /** Quiet time after the last event before `onChange` fires. */
  debounceMs: number;
  /** Called once per burst of events, with the `.md` names that changed (empty if the platform gave none). */
  onChange(changed: string[]): void;
  /** The watch broke (folder removed or replaced, ...); it is re-established after the next quiet period. */
  onError(error: Error): void;
}

export interface KnowledgeWatcher {
  close(): void;
}

/**
 * Watches a knowledge folder for changes to topic files (`*.md`, not hidden), debouncing editor bursts:
 * an atomic save (write a temporary file, rename it over the topic) is one change. Editor temporaries
 * and other files are ignored. Does not keep the process alive on its own.
 */
export function watchKnowledge(dir: string, options: WatchKnowledgeOptions): KnowledgeWatcher {
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let failing = false;
  const changed = new Set<string>();

  const schedule = (name: string | undefined) => {
    if (name) changed.add(name);
    clearTimeout(timer);
    timer = setTimeout(fire, options.debounceMs);
    timer.unref();
  };
  const fire = () => {
    if (closed) return;
    if (!watcher) open();
    const names = [...changed].sort();
    changed.clear();
    options.onChange(names);
  };
  const open = () => {
    try {
      watcher = watch(dir, { persistent: false }, (_event, filename) => {
        const name = filename?.toString();
        if (name === undefined) schedule(undefined);
        else if (isTopicFile(name)) schedule(name);
      });
      failing = false;
      watcher.on('error', (error) => {
        watcher?.close();
        watcher = undefined;
        options.onError(error);
        if (!closed) schedule(undefined);
      });
    } catch (error) {
      // The folder is gone for now (being replaced?): try again a little later, then reload.
      watcher = undefined;
      if (!failing) options.onError(error as Error);
      failing = true;
      const retry = setTimeout(() => {
        if (closed || watcher) return;
        open();
        if (watcher) schedule(undefined);
      }, Math.max(1_000, options.debounceMs * 4));
      retry.unref();
    }
  };

  open();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      watcher?.close();
      watcher = undefined;
    },
  };
}

function isTopicFile(name: string): boolean {
  return name.endsWith('.md') && !name.startsWith('.') && !name.includes('/') && !name.includes('\\');
}
