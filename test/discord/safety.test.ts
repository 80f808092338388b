import { describe, expect, it } from 'vitest';
import { AnswerMemory } from '../../src/discord/safety/AnswerMemory.js';
import { Cooldown } from '../../src/discord/safety/Cooldown.js';
import { RecentPosts } from '../../src/discord/safety/RecentPosts.js';
import { buildCustomId, entryRef, hashValue, parseCustomId } from '../../src/discord/render/customIds.js';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('Cooldown', () => {
  it('blocks a user for the configured seconds after an answer', () => {
    const c = clock();
    const cd = new Cooldown(5, c.now);
    expect(cd.take('u1')).toEqual({ ok: true });
    expect(cd.take('u1')).toEqual({ ok: false, retryAfterMs: 5000 });
    expect(cd.remaining('u2')).toBe(0);
    c.advance(4999);
    expect(cd.remaining('u1')).toBe(1);
    c.advance(1);
    expect(cd.take('u1')).toEqual({ ok: true });
  });

  it('is disabled at 0 seconds', () => {
    const cd = new Cooldown(0);
    cd.start('u');
    expect(cd.remaining('u')).toBe(0);
    expect(cd.enabled).toBe(false);
  });
});

describe('RecentPosts', () => {
  it('remembers a section per channel within the window', () => {
    const c = clock();
    const rp = new RecentPosts(120, c.now);
    const post = rp.remember('ch1', 't/s');
    post.link = 'https://discord.com/channels/1/2/3';
    expect(rp.find('ch1', 't/s')?.link).toBe('https://discord.com/channels/1/2/3');
    expect(rp.find('ch2', 't/s')).toBeUndefined();
    expect(rp.find('ch1', 't/other')).toBeUndefined();
    c.advance(120_000);
    expect(rp.find('ch1', 't/s')).toBeUndefined();
  });

  it('forgets a failed claim, and does nothing at 0 seconds', () => {
    const rp = new RecentPosts(60);
    const post = rp.remember('c', 'e');
    rp.forget('c', 'e', post);
    expect(rp.find('c', 'e')).toBeUndefined();
    const off = new RecentPosts(0);
    off.remember('c', 'e');
    expect(off.find('c', 'e')).toBeUndefined();
  });
});

describe('AnswerMemory', () => {
  it('returns short unique keys and forgets the oldest past capacity', () => {
    const m = new AnswerMemory(2);
    const a = m.remember({ question: 'a', askerId: '1' });
    const b = m.remember({ question: 'b', askerId: '1' });
    const c = m.remember({ question: 'c', askerId: '1' });
    expect(new Set([a, b, c]).size).toBe(3);
    for (const k of [a, b, c]) expect(k).toMatch(/^[0-9a-z]{1,12}$/);
    expect(m.get(a)).toBeUndefined();
    expect(m.get(c)?.question).toBe('c');
  });
});

describe('custom ids', () => {
  it('round-trips and stays within 100 characters', () => {
    const id = buildCustomId('show', 'k1', 'topic/section');
    expect(parseCustomId(id)).toEqual({ action: 'show', key: 'k1', arg: 'topic/section' });
    expect(parseCustomId('other:thing')).toBeNull();
    expect(parseCustomId('cb:nope:k:x')).toBeNull();
    expect(() => buildCustomId('show', 'k', 'x'.repeat(100))).toThrow(RangeError);
  });

  it('hashes long values stably', () => {
    const long = `${'t'.repeat(80)}/${'s'.repeat(80)}`;
    expect(entryRef('a/b')).toBe('a/b');
    expect(entryRef(long)).toBe(`#${hashValue(long)}`);
    expect(hashValue(long)).toBe(hashValue(long));
    expect(hashValue('a/b')).not.toBe(hashValue('a/c'));
    expect(entryRef(long).length).toBeLessThanOrEqual(20);
  });
});
