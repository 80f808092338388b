import { afterEach, describe, expect, it } from 'vitest';
import { createShutdown, handleShutdownSignals } from '../../src/discord/shutdown.js';

const SIGNAL: NodeJS.Signals = 'SIGUSR2';
const tick = () => new Promise((r) => setImmediate(r));

describe('handleShutdownSignals', () => {
  let uninstall: (() => void) | undefined;
  afterEach(() => uninstall?.());

  it('stops then exits 0 on the first signal, exits 1 at once on a second one later', async () => {
    const exits: number[] = [];
    let release!: () => void;
    let stops = 0;
    uninstall = handleShutdownSignals(
      () => {
        stops++;
        return new Promise<void>((r) => (release = r));
      },
      { signals: [SIGNAL], exit: (code) => exits.push(code), repeatWindowMs: 0 },
    );
    process.emit(SIGNAL, SIGNAL);
    expect(stops).toBe(1);
    expect(exits).toEqual([]);
    await new Promise((r) => setTimeout(r, 5));
    process.emit(SIGNAL, SIGNAL);
    expect(exits).toEqual([1]);
    release();
    await tick();
    expect(exits).toEqual([1, 0]);
    expect(stops).toBe(1);
  });

  it('takes a signal repeated at once (npm forwarding a Ctrl+C) as the same request', async () => {
    const exits: number[] = [];
    let release!: () => void;
    uninstall = handleShutdownSignals(() => new Promise<void>((r) => (release = r)), {
      signals: [SIGNAL],
      exit: (code) => exits.push(code),
    });
    process.emit(SIGNAL, SIGNAL);
    process.emit(SIGNAL, SIGNAL);
    expect(exits).toEqual([]);
    release();
    await tick();
    expect(exits).toEqual([0]);
  });

  it('exits with the status stop() returns (replies lost), and 1 when stop fails', async () => {
    const exits: number[] = [];
    uninstall = handleShutdownSignals(() => Promise.resolve(1), {
      signals: [SIGNAL],
      exit: (code) => exits.push(code),
    });
    process.emit(SIGNAL, SIGNAL);
    await tick();
    expect(exits).toEqual([1]);
    uninstall();
    uninstall = handleShutdownSignals(() => Promise.reject(new Error('nope')), {
      signals: [SIGNAL],
      exit: (code) => exits.push(code),
    });
    process.emit(SIGNAL, SIGNAL);
    await tick();
    expect(exits).toEqual([1, 1]);
    uninstall();
    uninstall = undefined;
    expect(process.listenerCount(SIGNAL)).toBe(0);
  });

  it('begin() stops once with a least status: a fatal close exits non-zero after a clean drain', async () => {
    const exits: number[] = [];
    let stops = 0;
    const shutdown = createShutdown(
      async () => {
        stops++;
      },
      { signals: [SIGNAL], exit: (code) => exits.push(code) },
    );
    uninstall = shutdown.uninstall;
    shutdown.begin('gateway-fatal', 78);
    shutdown.begin('again', 1);
    process.emit(SIGNAL, SIGNAL);
    await tick();
    expect(stops).toBe(1);
    expect(exits).toEqual([78]);
  });
});
