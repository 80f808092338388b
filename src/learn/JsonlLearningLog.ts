import { appendFileSync, mkdirSync } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { dataDirFromEnv, questionsLogPath } from './dataDir.js';
import type { LearningRecord } from './LearningRecord.js';
import type { LearningEvent, LearningLog } from './types.js';
import { hashUserId, loadSalt, loadSaltSync } from './userHash.js';

/** The pino-compatible slice of a logger the learning log reports to. */
export interface LearningLogLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface JsonlLearningLogOptions {
  /** Folder of `questions.jsonl` and `salt`; default `DATA_DIR` or `./data`. */
  dataDir?: string;
  /** The log's file name in `dataDir`; default `questions.jsonl` (each bot process of a sharded or HTTP deployment writes its own). */
  fileName?: string;
  /** Default: one console line per message. */
  logger?: LearningLogLogger;
  /** After a write fails, records wait in memory this long before writing is tried again; default 60 s. */
  retryAfterMs?: number;
  /** Records waiting in memory beyond this are written at once, synchronously (back-pressure); default 10,000. */
  maxQueue?: number;
}

/** Longest question stored; Discord messages are at most 2,000 characters anyway. */
const MAX_QUESTION_CHARS = 2_000;
/**
 * Characters handed to one asynchronous append. Node writes a buffer over 512 KiB in several system
 * calls, and a synchronous spill between two of them could split a line; this many characters are at
 * most 384 KiB of UTF-8, so an append is one call.
 */
const MAX_BATCH_CHARS = 128 * 1024;

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
 * `{at, type, question, user, entry?, offered?, languages?}`, where `user` is a salted hash of the
 * user id (salt in `<dataDir>/salt`, made on first use). The raw id is never written.
 *
 * `record()` never throws and normally never waits: it queues, and a background writer appends. A record
 * is never dropped silently:
 * - When more than `maxQueue` records wait (a burst faster than the disk), `record()` writes the whole
 *   backlog synchronously before returning: the burst slows down instead of losing records.
 * - When the folder cannot be written (read-only, full, not a folder), that is logged once per outage;
 *   records wait in memory and writing is tried again after `retryAfterMs`.
 * - Only when a record cannot be written at all (the backlog is full during an outage, or the file is
 *   still unwritable at `close()`) is it dropped, and a warning says how many; `dropped` counts them.
 * Call `close()` (or `flush()`) on shutdown. Lines are always whole; around a synchronous spill, one
 * batch may land out of order (each line carries its time).
 */
export class JsonlLearningLog implements LearningLog {
  readonly dataDir: string;
  readonly file: string;
  /** Records that could not be written since start. */
  dropped = 0;
  /** Records written synchronously because the backlog was full. */
  spilled = 0;

  private readonly logger: LearningLogLogger;
  private readonly retryAfterMs: number;
  private readonly maxQueue: number;
  private queue: Pending[] = [];
  private target: Promise<Target> | undefined;
  private writing: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private failedUntil = 0;
  private inOutage = false;
  private closed = false;
  /** Drops not yet reported in a warning. */
  private unreported = 0;
  private lastDropWarningAt = 0;

  constructor(options: JsonlLearningLogOptions = {}) {
    this.dataDir = options.dataDir ?? dataDirFromEnv();
    this.file = options.fileName ? path.join(this.dataDir, options.fileName) : questionsLogPath(this.dataDir);
    this.logger = options.logger ?? consoleLogger;
    this.retryAfterMs = options.retryAfterMs ?? 60_000;
    this.maxQueue = Math.max(1, options.maxQueue ?? 10_000);
  }

  record(event: LearningEvent): void {
    try {
      const pending: Pending = {
        at: new Date().toISOString(),
        event: {
          ...event,
          offered: event.offered && [...event.offered],
          languages: event.languages && [...event.languages],
        },
      };
      if (this.closed) {
        this.writeNow([pending]);
        return;
      }
      this.queue.push(pending);
      if (this.queue.length > this.maxQueue) {
        if (Date.now() < this.failedUntil) this.drop(this.queue.splice(0, this.queue.length - this.maxQueue));
        else this.writeNow(this.queue.splice(0));
        return;
      }
      this.drain();
    } catch {
      // Learning must never cost an answer.
    }
  }

  /** Resolves once everything recorded so far has been written, or is waiting out an outage. Never rejects. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  /** Flushes, writes what an outage held back (or reports it lost), then closes the file. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    clearTimeout(this.retryTimer);
    if (this.queue.length > 0) this.writeNow(this.queue.splice(0));
    this.reportDrops(true);
    const target = this.target;
    this.target = undefined;
    await target?.then((t) => t.handle.close()).catch(() => undefined);
  }

  private drain(): void {
    if (this.writing || Date.now() < this.failedUntil) return;
    this.writing = this.writeQueued().then((ok) => {
      this.writing = undefined;
      // After a failure, the retry timer (or the next record) tries again.
      if (ok && this.queue.length > 0) this.drain();
    });
  }

  /** Writes until the queue is empty (true) or a write fails (false). */
  private async writeQueued(): Promise<boolean> {
    while (this.queue.length > 0) {
      let target: Target;
      try {
        this.target ??= this.openTarget();
        target = await this.target;
      } catch (error) {
        this.fail(error);
        return false;
      }
      const { lines, count } = takeBatch(this.queue, target.salt);
      // Out of the queue while it is written, so a synchronous spill meanwhile cannot write it twice.
      const batch = this.queue.splice(0, count);
      try {
        await target.handle.appendFile(lines);
        if (this.inOutage) {
          this.inOutage = false;
          this.logger.info({ file: this.file }, 'learning log is writable again');
        }
        this.reportDrops(false);
      } catch (error) {
        this.queue.unshift(...batch);
        this.fail(error);
        return false;
      }
    }
    return true;
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

  /** Writes `records` before returning; what cannot be written is dropped and reported. */
  private writeNow(records: Pending[]): void {
    if (records.length === 0) return;
    try {
      mkdirSync(this.dataDir, { recursive: true });
      const salt = loadSaltSync(this.dataDir);
      appendFileSync(this.file, records.map((p) => line(p, salt)).join(''));
      this.spilled += records.length;
    } catch (error) {
      this.drop(records);
      this.fail(error);
    }
  }

  private drop(records: Pending[]): void {
    this.dropped += records.length;
    this.unreported += records.length;
    this.reportDrops(false);
  }

  /** Warns how many records were lost since the last warning (at most once per retry period unless `now`). */
  private reportDrops(now: boolean): void {
    if (this.unreported === 0) return;
    const at = Date.now();
    if (!now && at - this.lastDropWarningAt < Math.max(this.retryAfterMs, 1_000)) return;
    this.lastDropWarningAt = at;
    this.logger.warn(
      { event: 'learning-records-dropped', file: this.file, dropped: this.unreported, total: this.dropped },
      `${this.unreported} learning record${this.unreported === 1 ? '' : 's'} could not be written to ${this.file} and ${this.unreported === 1 ? 'was' : 'were'} dropped`,
    );
    this.unreported = 0;
  }

  private fail(error: unknown): void {
    this.failedUntil = Date.now() + this.retryAfterMs;
    const target = this.target;
    this.target = undefined;
    void target?.then((t) => t.handle.close()).catch(() => undefined);
    if (!this.closed && this.queue.length > 0) {
      clearTimeout(this.retryTimer);
      // The retry is due when the timer fires, whatever Date.now() says: timers may fire a millisecond
      // early by the wall clock, and a drain that declined then would leave nothing to try again.
      this.retryTimer = setTimeout(
        () => {
          this.failedUntil = 0;
          this.drain();
        },
        Math.max(this.retryAfterMs, 100),
      );
      this.retryTimer.unref();
    }
    if (this.inOutage) return;
    this.inOutage = true;
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    this.logger.error(
      { file: this.file, code, err: error },
      `cannot write the learning log (${code ?? (error instanceof Error ? error.message : String(error))}); ` +
        'questions wait in memory and writing is tried again; answering goes on',
    );
  }
}

/** The first records of `queue` as JSON lines, up to MAX_BATCH_CHARS (at least one record). */
function takeBatch(queue: readonly Pending[], salt: string): { lines: string; count: number } {
  let lines = '';
  let count = 0;
  for (const pending of queue) {
    const next = line(pending, salt);
    if (count > 0 && lines.length + next.length > MAX_BATCH_CHARS) break;
    lines += next;
    count++;
  }
  return { lines, count };
}

function line(pending: Pending, salt: string): string {
  return JSON.stringify(toRecord(pending, salt)) + '\n';
}

function toRecord({ at, event }: Pending, salt: string): LearningRecord {
  return {
    at,
    type: event.type,
    question: String(event.question).slice(0, MAX_QUESTION_CHARS),
    user: hashUserId(salt, String(event.userId)),
    ...(event.entry !== undefined && { entry: event.entry }),
    ...(event.offered !== undefined && { offered: event.offered }),
    ...(event.languages !== undefined && { languages: event.languages }),
  };
}

const consoleLogger: LearningLogLogger = {
  info: (_obj, msg) => console.info(msg),
  warn: (_obj, msg) => console.warn(msg),
  error: (_obj, msg) => console.error(msg),
};
