/**
 * Signal handling for the bot process (called by src/main.ts): SIGINT/SIGTERM → stop() → exit 0.
 * A second signal while stopping exits at once with 1.
 */
import type { Logger } from 'pino';

export interface ShutdownOptions {
  logger?: Logger;
  signals?: NodeJS.Signals[];
  /** Give up on a clean stop after this long (default 15 s) and exit 1. */
  timeoutMs?: number;
  exit?: (code: number) => void;
}

/** Installs the handlers; returns a function that removes them. */
export function handleShutdownSignals(stop: () => Promise<void>, options: ShutdownOptions = {}): () => void {
  const signals = options.signals ?? ['SIGINT', 'SIGTERM'];
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      options.logger?.warn({ event: 'shutdown-forced', signal }, 'second signal: exiting now');
      exit(1);
      return;
    }
    stopping = true;
    options.logger?.info({ event: 'shutdown', signal }, 'shutting down');
    const timer = setTimeout(() => {
      options.logger?.error({ event: 'shutdown-timeout' }, 'shutdown took too long');
      exit(1);
    }, options.timeoutMs ?? 15_000);
    timer.unref();
    stop().then(
      () => {
        clearTimeout(timer);
        options.logger?.flush();
        exit(0);
      },
      (err: unknown) => {
        clearTimeout(timer);
        options.logger?.error({ event: 'shutdown-failed', err }, 'shutdown failed');
        exit(1);
      },
    );
  };
  for (const s of signals) process.on(s, onSignal);
  return () => {
    for (const s of signals) process.off(s, onSignal);
  };
}
