/**
 * The bot's posts to channels, one at a time per channel, answers first.
 *
 * Discord lets a bot post about 5 messages per 5 seconds in a channel. Handing every post to the REST
 * client at once would spend that budget first come, first served; here each channel has a queue that
 * releases one post at a time (the REST client still waits out the rate limit for it), and a queued
 * answer always goes before a queued notice (a pointer, a "limited" line, small talk).
 *
 * `drain` is for shutdown: it waits for the queues to empty, and at the deadline abandons what is left
 * (queued posts, and the one being sent, are rejected with OutboxClosedError at once; the running one is
 * also aborted through its signal, so it is never sent late) and reports how many were not sent, by channel. Transport-neutral: a job is any function that posts.
 */
export type SendPriority = 'answer' | 'notice';

export class OutboxClosedError extends Error {
  constructor() {
    super('not sent: the bot stopped before this message could be posted');
    this.name = 'OutboxClosedError';
  }
}

export interface DrainReport {
  /** Posts that were not sent (queued, or cut off mid-send) when the deadline passed. */
  unsent: number;
  byChannel: Record<string, number>;
}

interface Job {
  priority: SendPriority;
  run: (signal: AbortSignal) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  controller: AbortController;
}

interface ChannelQueue {
  waiting: Job[];
  running: Job | undefined;
}

export class Outbox {
  private readonly channels = new Map<string, ChannelQueue>();
  private readonly idleWaiters = new Set<() => void>();
  private closed = false;
  private count = 0;
  /** Posts refused because they came after `close`. */
  refused = 0;

  /** Posts queued or being sent. */
  get pending(): number {
    return this.count;
  }

  /** Posts queued or being sent in `channelId`: more than none means its budget is contended. */
  pendingIn(channelId: string): number {
    const queue = this.channels.get(channelId);
    return queue ? queue.waiting.length + (queue.running ? 1 : 0) : 0;
  }

  /** Queues a post in `channelId`; resolves with what `run` returns, rejects if it throws or is abandoned. */
  send<T>(channelId: string, priority: SendPriority, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.closed) {
      this.refused++;
      return Promise.reject(new OutboxClosedError());
    }
    return new Promise<T>((resolve, reject) => {
      const job: Job = {
        priority,
        run,
        resolve: resolve as (value: unknown) => void,
        reject,
        controller: new AbortController(),
      };
      let queue = this.channels.get(channelId);
      if (!queue) {
        queue = { waiting: [], running: undefined };
        this.channels.set(channelId, queue);
      }
      // Answers go after earlier answers but before every waiting notice.
      const at = priority === 'answer' ? queue.waiting.findIndex((j) => j.priority !== 'answer') : -1;
      if (at < 0) queue.waiting.push(job);
      else queue.waiting.splice(at, 0, job);
      this.count++;
      this.next(channelId, queue);
    });
  }

  /**
   * Waits until every queued post is sent, or `timeoutMs` passes; then abandons the rest and refuses
   * new posts. Resolves with what was not sent.
   */
  async drain(timeoutMs: number): Promise<DrainReport> {
    if (this.count > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => this.idleWaiters.add(resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
      ]);
      clearTimeout(timer);
    }
    return this.close();
  }

  /** Abandons everything queued or running and refuses new posts. */
  close(): DrainReport {
    this.closed = true;
    const byChannel: Record<string, number> = {};
    let unsent = 0;
    for (const [channelId, queue] of this.channels) {
      const left = queue.waiting.splice(0);
      for (const job of left) job.reject(new OutboxClosedError());
      if (queue.running) {
        // The REST client may sit out a rate limit before it sees the abort: the sender hears now.
        queue.running.controller.abort(new OutboxClosedError());
        queue.running.reject(new OutboxClosedError());
      }
      const n = left.length + (queue.running ? 1 : 0);
      if (n > 0) byChannel[channelId] = n;
      unsent += n;
      this.count -= left.length;
    }
    this.settleIdle();
    return { unsent, byChannel };
  }

  private next(channelId: string, queue: ChannelQueue): void {
    if (queue.running) return;
    const job = queue.waiting.shift();
    if (!job) {
      this.channels.delete(channelId);
      this.settleIdle();
      return;
    }
    queue.running = job;
    const finish = () => {
      queue.running = undefined;
      this.count--;
      this.next(channelId, queue);
    };
    let work: Promise<unknown>;
    try {
      work = job.run(job.controller.signal);
    } catch (error) {
      work = Promise.reject(error);
    }
    work.then(
      (value) => {
        finish();
        job.resolve(value);
      },
      (error: unknown) => {
        finish();
        job.reject(job.controller.signal.aborted ? new OutboxClosedError() : error);
      },
    );
  }

  private settleIdle(): void {
    if (this.count > 0) return;
    for (const resolve of this.idleWaiters) resolve();
    this.idleWaiters.clear();
  }
}
