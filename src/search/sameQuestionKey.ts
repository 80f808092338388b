import { normalizeText } from './normalizeText.js';
import { tokenize } from './tokenize.js';

/**
 * A question's identity, for what people said of an answer to it: two wordings with one key are the
 * same question (the same words in the same order; case, punctuation, spacing and inflection aside).
 * Independent of any topic's statistics, so that recording a question changes nothing for another.
 */
export function sameQuestionKey(question: string): string {
  return tokenize(normalizeText(question))
    .map((t) => (t.negated ? `!${t.term}` : t.term))
    .join(' ');
}
