import { describe, expect, it } from 'vitest';
import { groupQuestions } from '../../src/learn/groupQuestions.js';

const group = (questions: string[]) => groupQuestions(questions, (q) => q);

describe('groupQuestions', () => {
  it('merges paraphrases', () => {
    const groups = group(['how do i cancel a task', 'how to cancel tasks?', 'How do I cancel a task?']);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ count: 3, representative: 'how do i cancel a task' });
    expect(groups[0]!.variants.map((v) => v.text)).toEqual([
      'how do i cancel a task',
      'how to cancel tasks?',
    ]);
  });

  it('separates unrelated questions', () => {
    const groups = group([
      'how do i cancel a task',
      'what does ConfigureAwait(false) do?',
      'how to cancel tasks?',
      'how do I read a file line by line',
      'is async faster than threads',
    ]);
    expect(groups.map((g) => g.count)).toEqual([2, 1, 1, 1]);
    expect(groups[0]!.representative).toMatch(/cancel/);
  });

  it('orders groups by how often they were asked', () => {
    const groups = group([
      'how do i cancel a task',
      'what is SynchronizationContext?',
      'what is the SynchronizationContext',
      'what is SynchronizationContext?',
    ]);
    expect(groups.map((g) => [g.representative, g.count])).toEqual([
      ['what is SynchronizationContext?', 3],
      ['how do i cancel a task', 1],
    ]);
  });

  it('keeps questions of only filler words apart unless worded alike', () => {
    expect(group(['hi', 'hi!', 'hello?']).map((g) => g.count)).toEqual([2, 1]);
  });
});
