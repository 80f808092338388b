import { describe, expect, it } from 'vitest';
import { splitMarkdown, truncateMarkdown } from '../../src/discord/render/splitMarkdown.js';
import { safeSlice, truncate, truncateLine } from '../../src/discord/render/truncate.js';

/** Every piece must have balanced ``` fences. */
function fencesBalanced(piece: string): boolean {
  return (piece.match(/^ {0,3}```/gm) ?? []).length % 2 === 0;
}

describe('splitMarkdown', () => {
  it('returns short text as one piece', () => {
    expect(splitMarkdown('hello\n\nworld', 100)).toEqual(['hello\n\nworld']);
    expect(splitMarkdown('   ', 100)).toEqual([]);
  });

  it('prefers paragraph boundaries', () => {
    const para = (c: string) => `${c.repeat(30)} ${c.repeat(30)}`;
    const text = [para('a'), para('b'), para('c')].join('\n\n');
    const pieces = splitMarkdown(text, 130);
    expect(pieces).toEqual([`${para('a')}\n\n${para('b')}`, para('c')]);
  });

  it('falls back to lines, then words, then hard cuts', () => {
    const lines = Array.from({ length: 10 }, (_, i) => `line ${i} ${'x'.repeat(20)}`).join('\n');
    for (const p of splitMarkdown(lines, 64)) {
      expect(p.length).toBeLessThanOrEqual(64);
      expect(p.startsWith('line')).toBe(true);
    }
    const words = Array.from({ length: 50 }, (_, i) => `word${i}`).join(' ');
    const pieces = splitMarkdown(words, 40);
    expect(pieces.join(' ')).toBe(words);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(40);
    const blob = 'y'.repeat(200);
    expect(splitMarkdown(blob, 50).join('')).toBe(blob);
  });

  it('closes and reopens code fences with the language', () => {
    const code = Array.from({ length: 40 }, (_, i) => `var x${i} = ${i};`).join('\n');
    const text = `Intro paragraph.\n\n\`\`\`csharp\n${code}\n\`\`\`\n\nOutro.`;
    const pieces = splitMarkdown(text, 200);
    expect(pieces.length).toBeGreaterThan(2);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(200);
      expect(fencesBalanced(p)).toBe(true);
    }
    expect(pieces[1]?.startsWith('```csharp\n')).toBe(true);
    // Nothing lost: stripping the added fences gives back every code line.
    const joined = pieces.join('\n');
    for (let i = 0; i < 40; i++) expect(joined).toContain(`var x${i} = ${i};`);
    expect(pieces.at(-1)).toContain('Outro.');
  });

  it('never leaves an empty code block or an opening fence at the end of a piece', () => {
    const text = `${'word '.repeat(30).trim()}\n\`\`\`js\n${'a();\n'.repeat(30)}\`\`\``;
    for (const p of splitMarkdown(text, 60)) {
      expect(p).not.toMatch(/```js\n```/);
      expect(p.endsWith('```js')).toBe(false);
      expect(fencesBalanced(p)).toBe(true);
    }
  });

  it('splits an over-long code line inside a fence and keeps the fence', () => {
    const text = `\`\`\`python\n${'z'.repeat(500)}\n\`\`\``;
    const pieces = splitMarkdown(text, 100);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(100);
      expect(p.startsWith('```python\n')).toBe(true);
      expect(p.endsWith('```')).toBe(true);
    }
  });

  it('does not split surrogate pairs', () => {
    const text = '😀'.repeat(100);
    const pieces = splitMarkdown(text, 33);
    expect(pieces.join('')).toBe(text);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(33);
  });

  it('rejects a tiny max', () => {
    expect(() => splitMarkdown('x', 5)).toThrow(RangeError);
  });
});

describe('truncateMarkdown', () => {
  it('keeps text that fits', () => {
    expect(truncateMarkdown('abc', 10)).toEqual({ text: 'abc', truncated: false });
  });
  it('trims with a marker and balanced fences', () => {
    const text = `Para one.\n\n\`\`\`cs\n${'Foo();\n'.repeat(100)}\`\`\``;
    const { text: out, truncated } = truncateMarkdown(text, 150, '…');
    expect(truncated).toBe(true);
    expect(out.length).toBeLessThanOrEqual(150);
    expect(out.endsWith('\n…')).toBe(true);
    expect(fencesBalanced(out)).toBe(true);
  });
});

describe('truncate', () => {
  it('cuts at a word boundary with an ellipsis', () => {
    expect(truncate('hello wonderful world', 15)).toBe('hello wonderfu…'); // boundary too early: mid-word
    expect(truncate('hello wonderful world', 17)).toBe('hello wonderful…');
    expect(truncate('hello wonderful world', 18)).toBe('hello wonderful…');
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('abcdefghij', 5)).toBe('abcd…');
  });
  it('never exceeds max and keeps surrogate pairs whole', () => {
    const out = truncate('😀😀😀😀😀', 4);
    expect(out.length).toBeLessThanOrEqual(4);
    expect(out).toBe('😀…');
    expect(safeSlice('a😀', 2)).toBe('a');
  });
  it('truncateLine collapses whitespace', () => {
    expect(truncateLine('a\n\n  b\tc', 100)).toBe('a b c');
  });
});
