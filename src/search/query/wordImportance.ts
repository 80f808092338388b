import { commonWordSize } from '../englishWords.js';
import type { Token } from '../tokenize.js';

/** Importance of a word by how common it is in everyday English (SCOWL size): jargon and rare words say most. */
const BY_SIZE: ReadonlyMap<number, number> = new Map([
  [10, 0.35],
  [20, 0.5],
  [35, 0.7],
  [40, 0.85],
]);

/**
 * How much a question word says about what is asked, in (0, 1], whatever the knowledge: a code
 * identifier or a word rare in English ("goroutine", "monad") fully, an everyday word ("work", "rate")
 * little. Computed from the word alone, so adding topics never changes it.
 */
export function wordImportance(token: Pick<Token, 'surface' | 'identifier'>): number {
  if (token.identifier) return 1;
  if (/^\d+$/.test(token.surface) || token.surface.length <= 2) return 0.5;
  return BY_SIZE.get(commonWordSize(token.surface) ?? 0) ?? 1;
}
