import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/import/decodeText.js';
import { fileSlug } from '../../src/import/fileSlug.js';
import { repairMojibake } from '../../src/import/repairMojibake.js';
import { stripRunnerOutput } from '../../src/import/stripRunnerOutput.js';
import { stripTerminalNoise } from '../../src/import/stripTerminalNoise.js';
import { stripThinking } from '../../src/import/stripThinking.js';

const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** What a UTF-8 text looks like after being read as Windows-1252 (undefined bytes as C1 controls). */
function garble(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b)))
    .join('');
}

/** The same, read as Latin-1: every byte 0x80–0x9F becomes a C1 control. */
function garbleLatin1(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

describe('repairMojibake', () => {
  it('reverses UTF-8 read as Windows-1252', () => {
    expect(repairMojibake('Hereâ€™s')).toBe('Here\u2019s');
    expect(repairMojibake('â\u00A0™ â\u00A0¹')).toBe('⠙ ⠹');
    expect(repairMojibake('cafÃ©, naÃ¯ve, â†’, æ—¥æœ¬èªž, ðŸš€')).toBe('café, naïve, →, 日本語, 🚀');
  });

  it('maps C1 controls back to the bytes Windows-1252 leaves undefined', () => {
    const text = 'Ý Ð Á Í Ï ⠏ \u200D';
    expect(garble(text)).toMatch(/[\u0081\u008D\u008F\u0090\u009D]/);
    expect(repairMojibake(garble(text))).toBe(text);
  });

  it('keeps genuine non-ASCII text exactly', () => {
    const genuine = 'café naïve → 日本語 🚀 Zoë Zürich £5 ±1 «q» — “quotes” ’ … µs ✓ Ærø 👩‍💻';
    expect(repairMojibake(genuine)).toBe(genuine);
  });

  it('repairs the garbled runs of a mixed text and keeps the rest', () => {
    expect(repairMojibake(`${garble('It’s → 日本')} and café → 日本 stay`)).toBe(
      'It’s → 日本 and café → 日本 stay',
    );
  });

  it('undoes text read as Latin-1, and text garbled twice', () => {
    expect(repairMojibake(garbleLatin1('don’t → ⠏'))).toBe('don’t → ⠏');
    expect(repairMojibake(garble(garble('don’t')))).toBe('don’t');
    expect(repairMojibake(garbleLatin1(garbleLatin1('don’t')))).toBe('don’t');
  });
});

describe('stripTerminalNoise', () => {
  it('drops spinner frames before the text, plain or mojibaked, with spaces between them', () => {
    expect(stripTerminalNoise('⠋ ⠙ ⠹ Here is')).toBe('Here is');
    expect(stripTerminalNoise(`${garble('⠋ ⠙ ⠏')} Here is`)).toBe('Here is');
    expect(stripTerminalNoise('â ™ â ¹ Here is')).toBe('Here is'); // the NBSP turned into a space
  });

  it('replays ANSI codes and \\r redraws like a terminal', () => {
    const line =
      '\x1b[?25l⠋ \x1b[?25h\x1b[?25l\x1b[2K\x1b[1G⠙ \x1b[?25h\x1b[2K\x1b[1GHello \x1b[1mworld\x1b[0m';
    expect(stripTerminalNoise(line)).toBe('Hello world');
    expect(stripTerminalNoise('⠋\r⠙\rHere is\r\nnext\r\n')).toBe('Here is\nnext\n');
    expect(stripTerminalNoise('abcd\rxy')).toBe('xycd');
    expect(stripTerminalNoise('abc\b\bXY')).toBe('aXY');
  });

  it('drops escape codes that lost their ESC and stray control characters, keeps tabs', () => {
    expect(stripTerminalNoise('[?25l⠋ [?25h[2K[1GHi\u0007\tthere')).toBe('Hi\tthere');
  });

  it('leaves text without noise alone, braille inside a line included', () => {
    const text = '- **Braille**: `⠙` is U+2819.\n  - arrays: `a[2]`, `b[?]`';
    expect(stripTerminalNoise(text)).toBe(text);
  });
});

describe('stripRunnerOutput', () => {
  it('drops the statistics trailer and the prompt', () => {
    const text = [
      '>>> explain it',
      'Answer.',
      '',
      'total duration:       3.7817895s',
      'load duration:        1m2.5s',
      'prompt eval count:    569 token(s)',
      'prompt eval duration: 56.1295ms',
      'prompt eval rate:     10137.27 tokens/s',
      'eval count:           403 token(s)',
      'eval duration:        1.8434838s',
      'eval rate:            218.61 tokens/s',
      '>>> Send a message (/? for help)',
      '',
    ].join('\n');
    expect(stripRunnerOutput(text)).toMatchObject({ text: 'Answer.', prompt: 'explain it' });
  });

  it('keeps text that only mentions the words', () => {
    const text = '- **Eval rate**: how fast tokens come.\n  - eval duration: depends on the GPU';
    expect(stripRunnerOutput(text).text).toBe(text);
  });
});

describe('stripThinking', () => {
  it('drops a reasoning trace before the answer', () => {
    expect(stripThinking('<think>\nPlan it.\n\nThen write.\n</think>\n\nHere is')).toEqual({
      text: '\nHere is',
      lines: 5,
    });
    expect(stripThinking('Thinking...\nPlan it.\n...done thinking.\n\nHere is').text).toBe('\nHere is');
    expect(stripThinking('$ ollama run qwen3\n<think>\n\n</think>\n\nHere is').text).toBe(
      '$ ollama run qwen3\n\nHere is',
    );
    expect(stripThinking('Here is <think> in prose').text).toBe('Here is <think> in prose');
  });
});

describe('decodeText', () => {
  const bytes = (...b: number[]) => Uint8Array.from(b);

  it('reads UTF-8, dropping a BOM, and UTF-16 with a BOM', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xa9))).toBe('hé');
    expect(decodeText(Uint8Array.from(Buffer.from('\uFEFFhé →', 'utf16le')))).toBe('hé →');
  });

  it('reads bytes that are no UTF-8 as Windows-1252 when the result is text', () => {
    expect(decodeText(bytes(0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94))).toBe('café “q”');
    expect(decodeText(bytes(0xe2, 0x86, 0x92, 0x20, 0xe9))).toBe('→ é');
  });

  it('rejects empty and binary input', () => {
    expect(() => decodeText(bytes())).toThrow('empty file');
    expect(() => decodeText(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00))).toThrow(
      /binary file.*NUL/,
    );
    expect(() => decodeText(bytes(0xff, 0x01, 0x02, 0x80, 0x81))).toThrow(/binary file.*invalid UTF-8/);
  });
});

describe('fileSlug', () => {
  it('spells out # and + after a word', () => {
    expect(fileSlug('async and await in C#')).toBe('async-and-await-in-csharp');
    expect(fileSlug('C++ templates')).toBe('cplusplus-templates');
    expect(fileSlug('F# pipelines & .NET')).toBe('fsharp-pipelines-net');
    expect(fileSlug('# comments')).toBe('comments');
  });
});
