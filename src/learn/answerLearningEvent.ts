import { lookupValue } from '../answer/LookupIndex.js';
import type { Answer } from '../answer/types.js';
import type { LearningEvent } from './types.js';

/**
 * What a front end records of the answer it gave: a question with no answer (with the languages no
 * topic covers, when that is why), or one only offered "did you mean" for (with the offers); nothing
 * for an outright answer, whose worth the asker's "helpful" or pick says.
 */
export function answerLearningEvent(
  answer: Answer,
  question: string,
  userId: string,
): LearningEvent | undefined {
  if (answer.kind === 'none') {
    return {
      type: 'unanswered',
      question,
      userId,
      ...(answer.reason === 'unknown-language' && answer.unknownLanguages.length > 0
        ? { languages: [...answer.unknownLanguages] }
        : {}),
    };
  }
  if (answer.kind === 'suggest') {
    return {
      type: 'suggested',
      question,
      userId,
      offered: answer.suggestions.map((s) => lookupValue(s.topic, s.section)),
    };
  }
  return undefined;
}
