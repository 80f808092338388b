import { describe, expect, it } from 'vitest';
import { cleanQuestion, looksLikeQuestion } from '../../src/discord/questions/cleanQuestion.js';

const BOT = '123456789012345678';

describe('cleanQuestion', () => {
  it('drops the bot mention and other mentions', () => {
    expect(cleanQuestion(`<@${BOT}> what does await do?`, { botId: BOT })).toBe('what does await do?');
    expect(
      cleanQuestion(`<@!${BOT}> hi <@&987654321098765432> <#987654321098765432> @everyone @here`, {
        botId: BOT,
      }),
    ).toBe('hi');
  });

  it('drops fenced code (closed or left open), inline code and quoted lines', () => {
    const text = [
      'why does this deadlock?',
      '```csharp',
      'var x = GetAsync().Result; // how do I fix this?',
      '```',
      '> System.AggregateException: One or more errors occurred',
      'I call `Task.Result` from the UI thread',
      '```',
      'unterminated code',
    ].join('\n');
    expect(cleanQuestion(text)).toBe('why does this deadlock? I call from the UI thread');
  });

  it('drops a >>> block quote to the end', () => {
    expect(cleanQuestion('what is this error\n>>> stack\ntrace\nlines')).toBe('what is this error');
  });

  it('leaves nothing for pasted code alone', () => {
    expect(cleanQuestion('```cs\nawait Task.Delay(1000);\n```')).toBe('');
    expect(cleanQuestion(`<@${BOT}>`, { botId: BOT })).toBe('');
  });

  it('caps the length at a word boundary', () => {
    const q = cleanQuestion('word '.repeat(2000), { maxLength: 100 });
    expect(q.length).toBeLessThanOrEqual(100);
    expect(q.endsWith('word')).toBe(true);
  });
});

describe('looksLikeQuestion', () => {
  it.each([
    ['how do I use async in C#', true],
    ['what does await do', true],
    ['my code is broken, any idea?', true],
    ['anyone know why await hangs', true],
    ['lol', false],
    ['nice one?', false],
    ['I had lunch with the team today', false],
  ])('%s → %s', (text, expected) => {
    expect(looksLikeQuestion(text)).toBe(expected);
  });
});
