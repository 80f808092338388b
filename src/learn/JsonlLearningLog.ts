import { mkdir, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { dataDirFromEnv, questionsLogPath } from './dataDir.js';
import type { LearningRecord } from './LearningRecord.js';
import type { LearningEvent, LearningLog } from './types.js';
import { hashUserId, loadSalt } from './userHash.js';

/** The pino-compatible slice of a logger the learning log reports to. */
export interface LearningLogLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface JsonlLearningLogOptions {
  /** Folder of `questions.jsonl` and `salt`; default `DATA_DIR` or `./data`. */
  dataDir?: string;
  /** The log's file name in `dataDir`; default `questions.jsonl` (each bot process of a sharded or HTTP deployment writes its own). */
  fileName?: string;
  /** Default: one console line per message. */
  logger?: LearningLogLogger;
  /** After a write fails, records are dropped for this long, then writing is tried again; default 60 s. */
  retryAfterMs?: number;
  /** Records waiting to be written beyond this are dropped; default 10,000. */
  maxQueue?: number;
}

/** Longest question stored; Discord messages are at most 2,000 characters anyway. */
const MAX_QUESTION_CHARS = 2_000;

interface Pending {
  at: string;
  event: LearningEvent;
}

interface Target {
  handle: FileHandle;
  salt: string;
}

/**
 * A `LearningLog` that appends one JSON line per event to `<dataDir>/questions.jsonl`:
 * `{at, type, question, user, entry?, offered?}`, where `user` is a salted hash of the user id
 * (salt in `<dataDir>/salt`, made on first use). The raw id is never written.
 *
 * `record()` only queues: it never throws and never waits for the disk. If the folder cannot be
 * written (read-only, full, not a folder), that is logged once per outage, records are dropped
 * quietly for `retryAfterMs`, and then writing is tried again. Call `close()` (or `flush()`) on shutdown.
 */
export class JsonlLearningLog implements LearningLog {
  readonly dataDir: string;
  readonly file: string;
  /** Records lost to write failures or a full queue since start. */
  dropped = 0;

  private readonly logger: LearningLogLogger;
  private readonly retryAfterMs: number;
  private readonly maxQueue: number;
  private queue: Pending[] = [];
  private target: Promise<Target> | undefined;
  private writing: Promise<void> | undefined;
  private failedUntil = 0;
  private inOutage = false;
  private closed = false;

  constructor(options: JsonlLearningLogOptions = {}) {
    this.dataDir = options.dataDir ?? dataDirFromEnv();
    this.file = options.fileName ? path.join(this.dataDir, options.fileName) : questionsLogPath(this.dataDir);
    this.logger = options.logger ?? consoleLogger;
    this.retryAfterMs = options.retryAfterMs ?? 60_000;
    this.maxQueue = options.maxQueue ?? 10_000;
  }

  record(event: LearningEvent): void {
    try {
      if (this.closed) return;
      if (Date.now() < this.failedUntil || this.queue.length >= this.maxQueue) {
        this.dropped++;
        return;
      }
      this.queue.push({
        at: new Date().toISOString(),
        event: { ...event, offered: event.offered && [...event.offered] },
      });
      this.drain();
    } catch {
      // Learning must never cost an answer.
    }
  }

  /** Resolves once everything recorded so far has been written (or dropped). Never rejects. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  /** Flushes, then closes the file. Later records are ignored. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    const target = this.target;
    this.target = undefined;
    await target?.then((t) => t.handle.close()).catch(() => undefined);
  }

  private drain(): void {
    if (this.writing) return;
    this.writing = this.writeQueued().finally(() => {
      this.writing = undefined;
      if (this.queue.length > 0 && Date.now() >= this.failedUntil) this.drain();
    });
  }

  private async writeQueued(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      try {
        this.target ??= this.openTarget();
        const { handle, salt } = await this.target;
        await handle.appendFile(batch.map((p) => JSON.stringify(toRecord(p, salt)) + '\n').join(''));
        if (this.inOutage) {
          this.inOutage = false;
          this.logger.info({ file: this.file, dropped: this.dropped }, 'learning log is writable again');
        }
      } catch (error) {
        this.fail(error, batch.length);
        return;
      }
    }
  }

  private async openTarget(): Promise<Target> {
    await mkdir(this.dataDir, { recursive: true });
    const salt = await loadSalt(this.dataDir);
    const handle = await open(this.file, 'a+');
    try {
      // A write cut short by a full disk leaves half a line: start the next one on a line of its own.
      const { size } = await handle.stat();
      if (size > 0) {
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        if (last[0] !== 0x0a) await handle.appendFile('\n');
      }
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
    return { handle, salt };
  }

  private fail(error: unknown, lost: number): void {
    this.dropped += lost + this.queue.length;
    this.queue = [];
    this.failedUntil = Date.now() + this.retryAfterMs;
    const target = this.target;
    this.target = undefined;
    void target?.then((t) => t.handle.close()).catch(() => undefined);
    if (this.inOutage) return;
    this.inOutage = true;
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    this.logger.error(
      { file: this.file, code, err: error },
      `cannot write the learning log (${code ?? (error instanceof Error ? error.message : String(error))}); ` +
        'questions are not being recorded, answering goes on',
    );
  }
}

function toRecord({ at, event }: Pending, salt: string): LearningRecord {
  return {
    at,
    type: event.type,
    question: String(event.question).slice(0, MAX_QUESTION_CHARS),
    user: hashUserId(salt, String(event.userId)),
    ...(event.entry !== undefined && { entry: event.entry }),
    ...(event.offered !== undefined && { offered: event.offered }),
  };
}

const consoleLogger: LearningLogLogger = {
  info: (_obj, msg) => console.info(msg),
  error: (_obj, msg) => console.error(msg),
};
