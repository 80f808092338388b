import { describe, expect, it } from 'vitest';
import { AnswerMemory } from '../../src/discord/safety/AnswerMemory.js';
import { RateLimits } from '../../src/discord/safety/RateLimits.js';
import { RecentPosts } from '../../src/discord/safety/RecentPosts.js';
import { buildCustomId, entryRef, hashValue, parseCustomId } from '../../src/discord/render/customIds.js';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('RateLimits', () => {
  it('always answers a burst, then one question per refill interval', () => {
    const c = clock();
    const limits = new RateLimits({ burst: 4, refillSeconds: 5, now: c.now });
    for (let i = 0; i < 4; i++) expect(limits.take('u1')).toEqual({ ok: true });
    expect(limits.take('u1')).toEqual({ ok: false, retryAfterMs: 5000, firstInSpell: true });
    expect(limits.take('u1')).toMatchObject({ ok: false, firstInSpell: false });
    // Another user is unaffected.
    expect(limits.take('u2')).toEqual({ ok: true });
    c.advance(4999);
    expect(limits.take('u1')).toMatchObject({ ok: false, retryAfterMs: 1 });
    c.advance(1);
    expect(limits.take('u1')).toEqual({ ok: true });
    expect(limits.take('u1')).toMatchObject({ ok: false, firstInSpell: true });
  });

  it('holds a sustained flood to the refill rate', () => {
    const c = clock();
    const limits = new RateLimits({ burst: 4, refillSeconds: 5, now: c.now });
    let answered = 0;
    // One question a second for a minute.
    for (let s = 0; s < 60; s++) {
      if (limits.take('flood').ok) answered++;
      c.advance(1000);
    }
    expect(answered).toBe(4 + 11);
  });

  it('refills up to the burst only, and peek takes nothing', () => {
    const c = clock();
    const limits = new RateLimits({ burst: 3, refillSeconds: 2, now: c.now });
    limits.take('u');
    c.advance(60_000);
    expect(limits.available('u')).toBe(3);
    expect(limits.peek('u')).toEqual({ ok: true });
    expect(limits.available('u')).toBe(3);
    for (let i = 0; i < 3; i++) limits.take('u');
    expect(limits.peek('u')).toMatchObject({ ok: false, retryAfterMs: 2000, firstInSpell: true });
  });

  it('is off at 0 seconds', () => {
    const limits = new RateLimits({ burst: 1, refillSeconds: 0 });
    for (let i = 0; i < 100; i++) expect(limits.take('u').ok).toBe(true);
    expect(limits.enabled).toBe(false);
  });

  it('forgets users whose allowance is full again first when it grows past its size', () => {
    const c = clock();
    const limits = new RateLimits({ burst: 1, refillSeconds: 10, now: c.now, maxUsers: 100 });
    for (let i = 0; i < 50; i++) limits.take(`old-${i}`);
    c.advance(20_000);
    limits.take('limited');
    for (let i = 0; i < 60; i++) limits.take(`new-${i}`);
    // The old users were full again and forgotten; the limited one is still limited.
    expect(limits.take('limited').ok).toBe(false);
    expect(limits.take('new-59').ok).toBe(false);
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

  it('tells an answer still on screen from one scrolled away', () => {
    const rp = new RecentPosts(120, Date.now, 3);
    const post = rp.remember('ch', 't/s');
    // Not posted yet: the pointer cannot link it, so it is "just above" (a reaction).
    expect(rp.scrolledAway('ch', post)).toBe(false);
    rp.posted('ch', post, 'https://discord.com/channels/1/2/3');
    for (let i = 0; i < 3; i++) rp.saw('ch');
    rp.saw('elsewhere');
    expect(rp.scrolledAway('ch', post)).toBe(false);
    rp.saw('ch');
    expect(rp.scrolledAway('ch', post)).toBe(true);
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
