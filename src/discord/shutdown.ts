/**
 * Stopping the bot process: on SIGINT/SIGTERM (or a fatal error, through `begin`), run `stop()` once
 * and exit with its status.
 *
 * - `stop()` may resolve with an exit status: non-zero when work was lost (replies that could not be
 *   sent before the drain timeout); nothing means 0. `begin(reason, status)` exits with the larger of
 *   the two, so a fatal gateway close still exits non-zero after a clean drain.
 * - A second signal while stopping exits at once with 1, unless it comes within `repeatWindowMs` of the
 *   first: a Ctrl+C under `npm start` arrives twice (the terminal signals the process group, and npm
 *   forwards its own copy), and that is still one request to stop.
 * - Past `timeoutMs` the process exits 1 whatever `stop()` is doing.
 */
import type { Logger } from 'pino';

export interface ShutdownOptions {
  logger?: Logger;
  signals?: NodeJS.Signals[];
  /** Give up on a clean stop after this long (default 15 s) and exit 1. */
  timeoutMs?: number;
  /** A repeated signal within this long of the first is the same request (default 1 s). */
  repeatWindowMs?: number;
  exit?: (code: number) => void;
}

export interface Shutdown {
  /** Starts stopping (once): `reason` is logged, `status` is the least exit status. */
  begin(reason: string, status?: number): void;
  /** Removes the signal handlers. */
  uninstall(): void;
}

export function createShutdown(stop: () => Promise<void | number>, options: ShutdownOptions = {}): Shutdown {
  const signals = options.signals ?? ['SIGINT', 'SIGTERM'];
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const repeatWindowMs = options.repeatWindowMs ?? 1_000;
  let startedAt: number | undefined;

  const begin = (reason: string, status = 0) => {
    if (startedAt !== undefined) return;
    startedAt = Date.now();
    options.logger?.info({ event: 'shutdown', reason }, 'shutting down');
    const timer = setTimeout(() => {
      options.logger?.error({ event: 'shutdown-timeout' }, 'shutdown took too long');
      exit(1);
    }, options.timeoutMs ?? 15_000);
    timer.unref();
    stop().then(
      (stopStatus) => {
        clearTimeout(timer);
        options.logger?.flush();
        exit(Math.max(status, typeof stopStatus === 'number' ? stopStatus : 0));
      },
      (err: unknown) => {
        clearTimeout(timer);
        options.logger?.error({ event: 'shutdown-failed', err }, 'shutdown failed');
        exit(Math.max(status, 1));
      },
    );
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (startedAt === undefined) return begin(signal);
    if (Date.now() - startedAt < repeatWindowMs) return;
    options.logger?.warn({ event: 'shutdown-forced', signal }, 'second signal: exiting now');
    exit(1);
  };
  for (const s of signals) process.on(s, onSignal);
  return {
    begin,
    uninstall: () => {
      for (const s of signals) process.off(s, onSignal);
    },
  };
}

/** Installs the signal handlers; returns a function that removes them. */
export function handleShutdownSignals(
  stop: () => Promise<void | number>,
  options: ShutdownOptions = {},
): () => void {
  return createShutdown(stop, options).uninstall;
}
