import { describe, expect, it } from 'vitest';
import { readMessage } from '../../src/search/query/readMessage.js';

describe('readMessage: the asker’s words apart from what they pasted', () => {
  it('takes fenced code out of the prose, an unclosed fence running to the end', () => {
    const read = readMessage('why does this hang?\n```csharp\nvar x = Load().Result;\n```\nany idea');
    expect(read.prose).toBe('why does this hang? . any idea');
    expect(read.code).toEqual(['var x = Load().Result;\n']);
    expect(readMessage('look\n```\nawait Task.WhenAll(a, b);').code).toEqual(['await Task.WhenAll(a, b);']);
  });

  it('keeps a leading member name whole (`.finally()`), while code at either end leaves no stray stop', () => {
    expect(readMessage('.finally() vs .then()').prose).toBe('.finally() vs .then()');
    expect(readMessage('.Result deadlock?').prose).toBe('.Result deadlock?');
    expect(readMessage('```\nawait x;\n```\nwhy').prose).toBe('why');
    expect(readMessage('why\n```\nawait x;\n```').prose).toBe('why');
  });

  it('takes quoted lines out of the prose, as pasted output', () => {
    const read = readMessage(
      'does await block the thread?\n> Unhandled exception. System.InvalidOperationException',
    );
    expect(read.prose).toBe('does await block the thread?');
    expect(read.code).toEqual(['Unhandled exception. System.InvalidOperationException']);
  });

  it('reads a quote as the question when it is all there is', () => {
    const read = readMessage('> does await block the thread?');
    expect(read.prose).toBe('> does await block the thread?');
    expect(read.code).toEqual([]);
  });
});
