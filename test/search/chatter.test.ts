import { describe, expect, it } from 'vitest';
import { chatterReason, readChatter } from '../../src/search/chatter.js';

describe('readChatter', () => {
  it.each([
    ['thanks!', 'thanks', true],
    ['ty 🙏', 'thanks', true],
    ['cheers mate', 'thanks', true],
    ['thanks btw', 'thanks', true],
    ['thanks, the section on await helped', 'thanks', false],
    ['lol this server is dead', 'small-talk', true],
    ['hey', 'small-talk', true],
    ['thanks, but how do I cancel a task?', 'thanks', false],
    ['bad bot', 'complaint', true],
    ['you’re wrong btw', 'complaint', true],
    ["thanks, that's not what I asked", 'complaint', true],
    ["thanks but that's not what I asked", 'complaint', false],
    ['wrong answer, I asked about cancellation', 'complaint', false],
  ] as const)('%s -> %s (whole: %s)', (text, kind, whole) => {
    expect(readChatter(text)).toEqual({ kind, whole });
  });

  it('finds nothing in a plain question, or in words that merely contain a chat word', () => {
    expect(readChatter('does await block the thread?')).toBeNull();
    expect(readChatter('what does a typed hierarchy look like')).toBeNull();
  });
});

describe('chatterReason', () => {
  it('names chatter that does not read as a question', () => {
    expect(chatterReason('thanks bro that fixed it')).toBe('thanks');
    expect(chatterReason('hello')).toBe('small-talk');
    expect(chatterReason('nope, that didnt help at all')).toBe('complaint');
  });

  it('leaves a question that carries a complaint to be answered as a question', () => {
    expect(chatterReason("that's wrong, why does await not block the thread?")).toBeNull();
  });

  it('leaves a question that carries a greeting to be answered or declined as a question', () => {
    expect(chatterReason('hi, what is a monad?')).toBeNull();
    expect(chatterReason('hey how do generics work')).toBeNull();
    expect(chatterReason('asyncio is so confusing ngl, why do i need await everywhere')).toBeNull();
    expect(chatterReason('this server is so quiet lol')).toBe('small-talk');
  });
});
