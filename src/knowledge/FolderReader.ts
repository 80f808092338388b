import { Worker } from 'node:worker_threads';
import type { TopicIndex } from '../search/index/TopicIndex.js';
import { readKnowledgeFolder, type FolderRead } from './loadKnowledge.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './readTopicFile.js';
import { fromPlainRead, type ReadReply, type ReadRequest } from './worker/folderReadMessages.js';

/** A folder read and whether a file changed while it was read (a writer still at work). */
export interface TimedFolderRead {
  read: FolderRead;
  changedWhileRead: boolean;
  /** The engine's topic indexes, built on the reader thread when the folder loaded there. */
  indexes?: TopicIndex[];
}

export interface FolderReaderOptions {
  limits?: ReadLimits;
  /** Read on a worker thread (the default), or on this one (tests, tools that have nothing else to do). */
  thread?: 'worker' | 'inline';
  /** A read that has not answered by then is abandoned and its worker replaced; default: every file's timeout, plus 30 s. */
  readTimeoutMs?: number;
}

/**
 * Reads and parses knowledge folders on one long-lived worker thread, so that a large or slow folder never
 * blocks the event loop of the process asking. The worker holds the process open only while a read is
 * pending; it is replaced after a crash or a read that never answers. Falls back to reading on this thread
 * when no worker can be started.
 */
export class FolderReader {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, { resolve: (r: TimedFolderRead) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private readonly limits: ReadLimits;
  private inline: boolean;
  private readonly readTimeoutMs: number;

  constructor(options: FolderReaderOptions = {}) {
    this.limits = options.limits ?? DEFAULT_READ_LIMITS;
    this.inline = options.thread === 'inline';
    this.readTimeoutMs = options.readTimeoutMs ?? this.limits.timeoutMs + 30_000;
  }

  async read(dir: string): Promise<TimedFolderRead> {
    if (this.inline) return { read: await readKnowledgeFolder(dir, this.limits), changedWhileRead: false };
    const worker = this.ensureWorker();
    if (!worker) return { read: await readKnowledgeFolder(dir, this.limits), changedWhileRead: false };
    const id = this.nextId++;
    const request: ReadRequest = { id, dir, limits: { ...this.limits } };
    return new Promise<TimedFolderRead>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.failAll(new Error(`reading ${dir} took longer than ${this.readTimeoutMs / 1000} s; the reader was restarted`));
      }, this.readTimeoutMs);
      timer.unref();
      this.pending.set(id, {
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      worker.ref();
      worker.postMessage(request);
    });
  }

  /** Ends the worker thread; reads still pending fail. */
  close(): void {
    this.failAll(new Error('the knowledge reader was closed'));
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker) return this.worker;
    try {
      const worker = new Worker(new URL('./worker/folderReaderWorker.mjs', import.meta.url));
      worker.unref();
      worker.on('message', (reply: ReadReply) => this.settle(reply));
      worker.on('error', (error) => this.failAll(error));
      worker.on('exit', () => {
        if (this.worker === worker) this.failAll(new Error('the knowledge reader thread stopped'));
      });
      this.worker = worker;
      return worker;
    } catch {
      this.inline = true; // no worker threads here: read on this thread
      return undefined;
    }
  }

  private settle(reply: ReadReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker?.unref();
    if ('failure' in reply) waiting.reject(new Error(reply.failure));
    else
      waiting.resolve({
        read: fromPlainRead(reply.read),
        changedWhileRead: reply.changedWhileRead,
        ...(reply.indexes ? { indexes: reply.indexes } : {}),
      });
  }

  private failAll(error: Error): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const w of waiting) w.reject(error);
  }
}
