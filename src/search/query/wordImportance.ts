import { commonWordSize } from '../englishWords.js';
import { isEverydayProgrammingWord } from '../programmingWords.js';
import type { Token } from '../tokenize.js';

/** Importance of a word by how common it is in everyday English (SCOWL size): jargon and rare words say most. */
const BY_SIZE: ReadonlyMap<number, number> = new Map([
  [10, 0.35],
  [20, 0.5],
  [35, 0.7],
  [40, 0.85],
]);

/** SCOWL size an everyday programming word ("docs", "app", "repo") counts as: a common, not the most common, English word. */
const EVERYDAY_PROGRAMMING_SIZE = 20;

/**
 * How rare a question word is, in (0, 1], whatever the knowledge: a code
 * identifier or a word rare in English ("goroutine", "monad") fully, an everyday word ("work", "rate",
 * or the programmer's "docs", "app") little. A number or a word of one or two letters counts half,
 * in code too: `x`, or the `c` of `c.id`, is a variable's name, not what is asked. Computed from the
 * word alone, so adding topics never changes it.
 */
export function wordRarity(token: Pick<Token, 'surface' | 'identifier'>): number {
  if (/^\d+$/.test(token.surface) || token.surface.length <= 2) return 0.5;
  if (token.identifier) return 1;
  if (isEverydayProgrammingWord(token.surface)) return BY_SIZE.get(EVERYDAY_PROGRAMMING_SIZE)!;
  return BY_SIZE.get(commonWordSize(token.surface) ?? 0) ?? 1;
}

/** Importance of a word a topic uses at least as high as this share of its weight: "drop" is everyday English but the topic's word. */
const KNOWN_FLOOR = 0.6;

/**
 * A question word's importance for one topic: a word the topic uses counts at least `KNOWN_FLOOR`;
 * one it does not use counts by its rarity squared, so an everyday word ("simple", "terms") the topic
 * lacks barely counts against it while a rare one ("monad", "tokio") counts fully.
 */
export function importanceIn(word: { rarity: number; weight: number }, known: boolean): number {
  return word.weight * (known ? Math.max(word.rarity, KNOWN_FLOOR) : word.rarity * word.rarity);
}
