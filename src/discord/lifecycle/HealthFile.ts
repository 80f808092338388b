/**
 * A small JSON file the bot rewrites while it runs, for a supervisor's healthcheck (Docker HEALTHCHECK
 * runs scripts/healthcheck.mjs, which reads it): `{ status, since, at, pid }`.
 *
 * - `status`: `connected` (the gateway session is live), `reconnecting` (dropped, discord.js is
 *   resuming), `stopping` (draining before exit) or `failed` (a fatal gateway close);
 * - `since`: when the status last changed; `at`: when the file was last written (every `intervalMs`,
 *   so a hung process goes stale).
 *
 * Writes are atomic (a temporary file renamed over the old one); a failed write is logged once and
 * never stops the bot. The file is removed on `close()`.
 */
import { rmSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import type { Logger } from 'pino';

export type HealthStatus = 'connected' | 'reconnecting' | 'stopping' | 'failed';

export const HEALTH_FILE_DEFAULTS = { intervalMs: 10_000 } as const;

export class HealthFile {
  private status: HealthStatus = 'reconnecting';
  private since = Date.now();
  private readonly timer: NodeJS.Timeout;
  private warned = false;
  private closed = false;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly logger: Logger,
    intervalMs: number = HEALTH_FILE_DEFAULTS.intervalMs,
  ) {
    this.timer = setInterval(() => this.write(), intervalMs);
    this.timer.unref();
    this.write();
  }

  set(status: HealthStatus): void {
    if (status === this.status || this.closed) return;
    this.status = status;
    this.since = Date.now();
    this.write();
  }

  /** Stops writing and removes the file. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.writing;
    rmSync(this.file, { force: true });
  }

  private write(): void {
    if (this.closed) return;
    const body = JSON.stringify({
      status: this.status,
      since: new Date(this.since).toISOString(),
      at: new Date().toISOString(),
      pid: process.pid,
    });
    const temporary = `${this.file}.${process.pid}.tmp`;
    this.writing = this.writing
      .then(() => writeFile(temporary, body + '\n'))
      .then(() => rename(temporary, this.file))
      .catch((err: unknown) => {
        if (this.warned) return;
        this.warned = true;
        this.logger.warn(
          { event: 'health-file-failed', file: this.file, err },
          'cannot write the health file',
        );
      });
  }
}
