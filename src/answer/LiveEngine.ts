import { EventEmitter } from 'node:events';
import { FolderReader, type TimedFolderRead } from '../knowledge/FolderReader.js';
import { KnowledgeError, KnowledgeLoadError } from '../knowledge/KnowledgeError.js';
import type { FileStamp } from '../knowledge/loadKnowledge.js';
import { readLimitsFromEnv, type ReadLimits } from '../knowledge/readTopicFile.js';
import { watchKnowledge, type KnowledgeWatcher } from '../knowledge/watchKnowledge.js';
import { ConceptEngine } from './ConceptEngine.js';
import { buildEngine } from './loadEngine.js';
import type { KnowledgeBase } from '../knowledge/types.js';

/** The pino-compatible slice of a logger that the live engine writes to. */
export interface LiveEngineLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface LiveEngineOptions {
  /** Where reloads and rejected edits are reported; default: a one-line-per-message console logger. */
  logger?: LiveEngineLogger;
  /**
   * Quiet time after the last file event before reloading (editors save in bursts); a file is loaded only
   * once it has been unchanged this long. Default 150 ms.
   */
  debounceMs?: number;
  /** How often the folder's identity is checked, to follow it being replaced; default 1,000 ms. */
  pollMs?: number;
  /** Per-file size limit and read timeout; default from `KNOWLEDGE_MAX_FILE_MB`. */
  limits?: ReadLimits;
  /** Read and parse on a worker thread (the default) or on this one. */
  thread?: 'worker' | 'inline';
}

export interface ReloadEvent {
  engine: ConceptEngine;
  /** `.md` files whose change triggered the reload (empty for a manual `reload()` or a replaced folder). */
  changed: string[];
}

export interface LiveEngineEvents {
  /** A new engine was built from the folder and swapped in. */
  reload: [ReloadEvent];
  /** The folder changed but does not load; the previous engine keeps serving. `error.errors` locate each problem. */
  error: [KnowledgeLoadError];
}

/**
 * The answer engine over a knowledge folder that keeps itself current. It watches the folder (following
 * it when it is replaced, recreated or a symbolic link to it is swapped), reads and parses the whole of it
 * on a worker thread after a `.md` file is changed, added or removed, and swaps the new engine in with one
 * reference assignment. A file still being written (changed within the debounce window, or while it was
 * read) is read again once it is quiet. Special files are skipped with a warning. An edit that does not
 * load is logged (file and line), kept as `lastError`, and the last good engine keeps serving.
 *
 * Engines are immutable: read `current` once per question and use that engine for the whole answer,
 * so every question is answered by one consistent knowledge base, old or new.
 *
 * Events: `reload` ({ engine, changed }) after a swap; `error` (KnowledgeLoadError) for a rejected change.
 * An `error` with no listener is only logged, never thrown.
 */
export class LiveEngine extends EventEmitter<LiveEngineEvents> {
  private engine: ConceptEngine;
  private watcher: KnowledgeWatcher | undefined;
  private queued: Promise<boolean> | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private retry: NodeJS.Timeout | undefined;
  private closed = false;
  private error: KnowledgeLoadError | undefined;
  private skippedReported = '';
  /** Digest of the files the serving engine was built from. */
  private digest = '';

  private constructor(
    readonly dir: string,
    engine: ConceptEngine,
    private readonly reader: FolderReader,
    private readonly logger: LiveEngineLogger,
    private readonly debounceMs: number,
  ) {
    super();
    this.engine = engine;
  }

  /** Loads the folder (throws `KnowledgeLoadError` if it is invalid now) and starts watching it. */
  static async start(dir: string, options: LiveEngineOptions = {}): Promise<LiveEngine> {
    const logger = options.logger ?? consoleLogger;
    const debounceMs = options.debounceMs ?? 150;
    const reader = new FolderReader({
      limits: options.limits ?? readLimitsFromEnv(),
      thread: options.thread,
    });
    let first: TimedFolderRead;
    try {
      first = await reader.read(dir);
    } catch (error) {
      reader.close();
      throw asLoadError(dir, error);
    }
    if (!first.read.knowledge) {
      reader.close();
      throw new KnowledgeLoadError(first.read.errors);
    }
    const live = new LiveEngine(dir, engineOf(first, first.read.knowledge), reader, logger, debounceMs);
    live.digest = first.read.digest;
    live.reportSkipped(first.read.skipped);
    live.watcher = watchKnowledge(dir, {
      debounceMs,
      pollMs: options.pollMs,
      onChange: (changed) => void live.reloadFor(changed),
      onError: (error) => logger.warn({ dir, err: error }, `knowledge watcher: ${error.message}`),
    });
    logger.info({ dir, sections: live.engine.sectionCount }, 'knowledge loaded; watching for changes');
    return live;
  }

  /** The engine serving now. */
  get current(): ConceptEngine {
    return this.engine;
  }

  /** Why the last change was rejected, while the folder stays broken; undefined once it loads again. */
  get lastError(): KnowledgeLoadError | undefined {
    return this.error;
  }

  /**
   * Reloads the folder now. Resolves true if a new engine was swapped in, false if the folder is invalid,
   * still being written, or holds the same bytes as the engine serving (the old engine stays). Reloads run one at a time; calls made while one is
   * waiting share it.
   */
  reload(): Promise<boolean> {
    return this.reloadFor([]);
  }

  /** Stops watching and ends the reader thread. The current engine stays usable. */
  close(): void {
    this.closed = true;
    clearTimeout(this.retry);
    this.watcher?.close();
    this.watcher = undefined;
    this.reader.close();
  }

  private reloadFor(changed: string[]): Promise<boolean> {
    if (this.queued) return this.queued;
    const run = this.running.then(() => {
      this.queued = undefined;
      return this.load(changed);
    });
    this.queued = run;
    this.running = run.catch(() => undefined);
    return run;
  }

  private async load(changed: string[]): Promise<boolean> {
    if (this.closed) return false;
    clearTimeout(this.retry);
    let result: TimedFolderRead;
    try {
      result = await this.reader.read(this.dir);
    } catch (error) {
      return this.reject(asLoadError(this.dir, error), changed);
    }
    if (this.closed) return false;
    const { read } = result;
    if (result.changedWhileRead || stillBeingWritten(read.stamps, this.debounceMs)) {
      // Half a file is no topic: read it again once it has been quiet for the debounce window.
      this.retry = setTimeout(() => void this.reloadFor(changed), this.debounceMs);
      this.retry.unref();
      return false;
    }
    this.reportSkipped(read.skipped);
    if (!read.knowledge) return this.reject(new KnowledgeLoadError(read.errors), changed);
    // The same bytes as the engine serving (a save without changes, a touch, a folder swapped for a copy):
    // no rebuild, so no stall.
    if (read.digest === this.digest && !this.error) return false;
    const next = engineOf(result, read.knowledge);
    if (this.closed) return false;
    this.engine = next;
    this.digest = read.digest;
    this.error = undefined;
    this.logger.info({ dir: this.dir, changed, sections: next.sectionCount }, 'knowledge reloaded');
    this.emit('reload', { engine: next, changed });
    return true;
  }

  private reject(failure: KnowledgeLoadError, changed: string[]): false {
    this.error = failure;
    for (const e of failure.errors) {
      this.logger.error(
        { file: e.file, line: e.line, problem: e.problem },
        `knowledge rejected: ${e.message}`,
      );
    }
    this.logger.warn({ dir: this.dir, changed }, 'keeping the last good knowledge');
    if (this.listenerCount('error') > 0) this.emit('error', failure);
    return false;
  }

  /** Skipped files are warned about when the set of them changes, not on every reload. */
  private reportSkipped(skipped: readonly KnowledgeError[]): void {
    const key = skipped.map((s) => s.message).join('\n');
    if (key === this.skippedReported) return;
    this.skippedReported = key;
    for (const s of skipped)
      this.logger.warn({ file: s.file, problem: s.problem }, `knowledge: ${s.message}`);
  }
}

/** Whether a file was modified within the last `windowMs`: its writer may not be done. */
function stillBeingWritten(stamps: readonly FileStamp[], windowMs: number): boolean {
  const now = Date.now();
  return stamps.some((s) => Math.abs(now - s.mtimeMs) < windowMs); // far-future times (clock skew) do not count
}

function asLoadError(dir: string, error: unknown): KnowledgeLoadError {
  return error instanceof KnowledgeLoadError
    ? error
    : new KnowledgeLoadError([
        new KnowledgeError(dir, 0, error instanceof Error ? error.message : String(error)),
      ]);
}

/** The engine over a read: assembled from the topic indexes the reader thread built, else built here. */
function engineOf(result: TimedFolderRead, knowledge: KnowledgeBase): ConceptEngine {
  return result.indexes ? ConceptEngine.assemble(knowledge, result.indexes) : buildEngine(knowledge);
}

const consoleLogger: LiveEngineLogger = {
  info: (_obj, msg) => console.info(msg),
  warn: (_obj, msg) => console.warn(msg),
  error: (_obj, msg) => console.error(msg),
};
