import { describe, expect, it } from 'vitest';
import { Outbox, OutboxClosedError } from '../../src/discord/lifecycle/Outbox.js';

/** A post that completes when released, recording the order posts started in. */
function gate(started: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return {
    run: async (signal: AbortSignal) => {
      started.push(name);
      await Promise.race([
        done,
        new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))),
      ]);
      return name;
    },
    release: () => release(),
  };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('Outbox', () => {
  it('posts one at a time per channel, answers before notices, channels in parallel', async () => {
    const outbox = new Outbox();
    const started: string[] = [];
    const first = gate(started, 'a1');
    const notice = gate(started, 'n1');
    const answer = gate(started, 'a2');
    const other = gate(started, 'x1');
    const results = [
      outbox.send('c', 'answer', first.run),
      outbox.send('c', 'notice', notice.run),
      outbox.send('c', 'answer', answer.run),
      outbox.send('d', 'notice', other.run),
    ];
    await tick();
    expect(started).toEqual(['a1', 'x1']);
    expect(outbox.pending).toBe(4);
    expect(outbox.pendingIn('c')).toBe(3);
    expect(outbox.pendingIn('d')).toBe(1);
    expect(outbox.pendingIn('elsewhere')).toBe(0);
    first.release();
    await tick();
    expect(started).toEqual(['a1', 'x1', 'a2']);
    answer.release();
    await tick();
    expect(started).toEqual(['a1', 'x1', 'a2', 'n1']);
    notice.release();
    other.release();
    expect(await Promise.all(results)).toEqual(['a1', 'n1', 'a2', 'x1']);
    expect(outbox.pending).toBe(0);
  });

  it('a failed post rejects its sender and the queue goes on', async () => {
    const outbox = new Outbox();
    const failed = outbox.send('c', 'answer', () => Promise.reject(new Error('403')));
    const next = outbox.send('c', 'answer', () => Promise.resolve('ok'));
    await expect(failed).rejects.toThrow('403');
    await expect(next).resolves.toBe('ok');
  });

  it('drain waits for the queue, then abandons what is left at the deadline and counts it', async () => {
    const outbox = new Outbox();
    const started: string[] = [];
    const slow = gate(started, 'slow');
    const sent = outbox.send('c', 'answer', () => Promise.resolve('quick'));
    const running = outbox.send('c', 'answer', slow.run);
    const queued = [
      outbox.send('c', 'notice', () => Promise.resolve('never')),
      outbox.send('d', 'answer', slow.run),
    ];
    const report = await outbox.drain(50);
    await expect(sent).resolves.toBe('quick');
    await expect(running).rejects.toBeInstanceOf(OutboxClosedError);
    for (const q of queued) await expect(q).rejects.toBeInstanceOf(OutboxClosedError);
    // 'd' had its post running (slow), 'c' one running and one queued.
    expect(report).toEqual({ unsent: 3, byChannel: { c: 2, d: 1 } });
    await expect(outbox.send('c', 'answer', () => Promise.resolve('late'))).rejects.toBeInstanceOf(
      OutboxClosedError,
    );
    expect(outbox.refused).toBe(1);
  });

  it('drain returns at once with nothing unsent when the queue empties in time', async () => {
    const outbox = new Outbox();
    const done = outbox.send('c', 'answer', () => new Promise((r) => setTimeout(() => r('late-ish'), 20)));
    const started = Date.now();
    expect(await outbox.drain(5_000)).toEqual({ unsent: 0, byChannel: {} });
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(done).resolves.toBe('late-ish');
  });
});
