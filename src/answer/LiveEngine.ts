import { EventEmitter } from 'node:events';
import { KnowledgeError, KnowledgeLoadError } from '../knowledge/KnowledgeError.js';
import { loadKnowledge } from '../knowledge/loadKnowledge.js';
import { watchKnowledge, type KnowledgeWatcher } from '../knowledge/watchKnowledge.js';
import { ConceptEngine } from './ConceptEngine.js';

/** The pino-compatible slice of a logger that the live engine writes to. */
export interface LiveEngineLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface LiveEngineOptions {
  /** Where reloads and rejected edits are reported; default: a one-line-per-message console logger. */
  logger?: LiveEngineLogger;
  /** Quiet time after the last file event before reloading (editors save in bursts); default 150 ms. */
  debounceMs?: number;
}

export interface ReloadEvent {
  engine: ConceptEngine;
  /** `.md` files whose change triggered the reload (empty for a manual `reload()`). */
  changed: string[];
}

export interface LiveEngineEvents {
  /** A new engine was built from the folder and swapped in. */
  reload: [ReloadEvent];
  /** The folder changed but does not load; the previous engine keeps serving. `error.errors` locate each problem. */
  error: [KnowledgeLoadError];
}

/**
 * The answer engine over a knowledge folder that keeps itself current. It watches the folder, reloads
 * the whole of it after a `.md` file is changed, added or removed, and swaps the new engine in with one
 * reference assignment. An edit that does not load is logged (file and line) and the last good engine
 * keeps serving.
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
  private closed = false;

  private constructor(
    readonly dir: string,
    engine: ConceptEngine,
    private readonly logger: LiveEngineLogger,
  ) {
    super();
    this.engine = engine;
  }

  /** Loads the folder (throws `KnowledgeLoadError` if it is invalid now) and starts watching it. */
  static async start(dir: string, options: LiveEngineOptions = {}): Promise<LiveEngine> {
    const logger = options.logger ?? consoleLogger;
    const live = new LiveEngine(dir, ConceptEngine.build(await loadKnowledge(dir)), logger);
    live.watcher = watchKnowledge(dir, {
      debounceMs: options.debounceMs ?? 150,
      onChange: (changed) => void live.reloadFor(changed),
      onError: (error) => logger.warn({ dir, err: error }, 'knowledge watcher error; still watching'),
    });
    logger.info({ dir, sections: live.engine.sectionCount }, 'knowledge loaded; watching for changes');
    return live;
  }

  /** The engine serving now. */
  get current(): ConceptEngine {
    return this.engine;
  }

  /**
   * Reloads the folder now. Resolves true if a new engine was swapped in, false if the folder is invalid
   * (the old engine stays). Reloads run one at a time; calls made while one is waiting share it.
   */
  reload(): Promise<boolean> {
    return this.reloadFor([]);
  }

  /** Stops watching. The current engine stays usable. */
  close(): void {
    this.closed = true;
    this.watcher?.close();
    this.watcher = undefined;
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
    try {
      const next = ConceptEngine.build(await loadKnowledge(this.dir));
      if (this.closed) return false;
      this.engine = next;
      this.logger.info({ dir: this.dir, changed, sections: next.sectionCount }, 'knowledge reloaded');
      this.emit('reload', { engine: next, changed });
      return true;
    } catch (error) {
      const failure =
        error instanceof KnowledgeLoadError
          ? error
          : new KnowledgeLoadError([
              new KnowledgeError(this.dir, 0, error instanceof Error ? error.message : String(error)),
            ]);
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
  }
}

const consoleLogger: LiveEngineLogger = {
  info: (_obj, msg) => console.info(msg),
  warn: (_obj, msg) => console.warn(msg),
  error: (_obj, msg) => console.error(msg),
};
