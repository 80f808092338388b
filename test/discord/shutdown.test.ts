import { afterEach, describe, expect, it } from 'vitest';
import { handleShutdownSignals } from '../../src/discord/shutdown.js';

const SIGNAL: NodeJS.Signals = 'SIGUSR2';

describe('handleShutdownSignals', () => {
  let uninstall: (() => void) | undefined;
  afterEach(() => uninstall?.());

  it('stops then exits 0 on the first signal, exits 1 at once on a second', async () => {
    const exits: number[] = [];
    let release!: () => void;
    let stops = 0;
    uninstall = handleShutdownSignals(
      () => {
        stops++;
        return new Promise<void>((r) => (release = r));
      },
      { signals: [SIGNAL], exit: (code) => exits.push(code) },
    );
    process.emit(SIGNAL, SIGNAL);
    expect(stops).toBe(1);
    expect(exits).toEqual([]);
    process.emit(SIGNAL, SIGNAL);
    expect(exits).toEqual([1]);
    release();
    await new Promise((r) => setImmediate(r));
    expect(exits).toEqual([1, 0]);
    expect(stops).toBe(1);
  });

  it('exits 1 when stop fails, and the handlers can be removed', async () => {
    const exits: number[] = [];
    uninstall = handleShutdownSignals(() => Promise.reject(new Error('nope')), {
      signals: [SIGNAL],
      exit: (code) => exits.push(code),
    });
    process.emit(SIGNAL, SIGNAL);
    await new Promise((r) => setImmediate(r));
    expect(exits).toEqual([1]);
    uninstall();
    uninstall = undefined;
    expect(process.listenerCount(SIGNAL)).toBe(0);
  });
});
