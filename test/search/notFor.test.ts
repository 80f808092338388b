import { beforeAll, describe, expect, it } from 'vitest';
import { ConceptEngine } from '../../src/answer/ConceptEngine.js';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge.js';
import type { KnowledgeBase } from '../../src/knowledge/types.js';
import { sameQuestionKey } from '../../src/search/sameQuestionKey.js';

describe('sameQuestionKey', () => {
  it.each([
    ['How do I handle errors in async code?', 'how do i handle ERRORS in async code', true],
    ['how do I handle   errors in async code!!', 'how do I handle error in async code', true],
    ['Ｈow do I handle errors in async code', 'how do I handle errors in async code', true],
    ['how do I handle errors in async code', 'how do I handle errors in sync code', false],
    ['should I await it', 'should I not await it', false],
    ['how do I handle errors in async code', 'in async code how do I handle errors', false],
  ])('%j and %j are one question: %s', (a, b, same) => {
    expect(sameQuestionKey(a) === sameQuestionKey(b)).toBe(same);
  });
});

describe('a section is not given as the answer to a question it is not for', () => {
  const question = 'how do I handle errors in async code';
  let knowledge: KnowledgeBase;
  let before: ConceptEngine;
  let after: ConceptEngine;
  beforeAll(async () => {
    knowledge = await loadKnowledge('knowledge');
    before = ConceptEngine.build(knowledge);
    after = ConceptEngine.build({
      topics: knowledge.topics.map((t) => ({
        ...t,
        sections: t.sections.map((s) => (s.id === 'error-handling' ? { ...s, notFor: [question] } : s)),
      })),
    });
  });

  it('answers the question with the section before, and not after, in any case or punctuation', () => {
    expect(before.ask(question).match?.section.id).toBe('error-handling');
    expect(before.ask(question).kind).toBe('answer');
    for (const wording of [
      question,
      'How do I handle errors in async code?',
      'how do i handle ERRORS in async code',
    ])
      expect(after.ask(wording).match?.section.id).not.toBe('error-handling');
  });

  it('changes no answer to any other question', () => {
    const others = knowledge.topics.flatMap((t) => t.sections.flatMap((s) => s.questions));
    expect(others.length).toBeGreaterThan(50);
    const shape = (engine: ConceptEngine, q: string) => {
      const a = engine.ask(q);
      return [a.kind, a.match?.section.id, a.match?.confidence, a.suggestions.map((s) => s.section.id)];
    };
    for (const q of [...others, 'how do I handle errors in async methods', 'what does await do'])
      expect(shape(after, q), q).toEqual(shape(before, q));
  });
});
