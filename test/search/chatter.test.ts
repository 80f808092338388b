import { describe, expect, it } from 'vitest';
import { chatterReason, readChatter } from '../../src/search/chatter.js';

describe('readChatter', () => {
  it.each([
    ['thanks!', 'thanks', true],
    ['ty 🙏', 'thanks', true],
    ['cheers mate', 'thanks', false],
    ['lol this server is dead', 'small-talk', true],
    ['hey', 'small-talk', true],
    ['thanks, but how do I cancel a task?', 'thanks', false],
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
  });

  it('leaves a question that carries a greeting to be answered or declined as a question', () => {
    expect(chatterReason('hi, what is a monad?')).toBeNull();
    expect(chatterReason('hey how do generics work')).toBeNull();
    expect(chatterReason('asyncio is so confusing ngl, why do i need await everywhere')).toBeNull();
    expect(chatterReason('this server is so quiet lol')).toBe('small-talk');
  });
});
