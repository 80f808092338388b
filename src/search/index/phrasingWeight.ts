/** Question words that change what is asked ("why" vs "how"), weighted above other function words. */
const INTENT_WORDS: ReadonlySet<string> = new Set([
  'why',
  'how',
  'when',
  'what',
  'where',
  'which',
  'for',
  'not',
  'no',
  'without',
  'vs',
  'versus',
  'difference',
  'should',
]);
const INTENT_WORD_WEIGHT = 0.7;
const FUNCTION_WORD_WEIGHT = 0.25;
/** A word every section of a topic uses still says more about a phrasing than "what" or "does". */
const CONTENT_WORD_FLOOR = 0.5;

/** Share of its weight a word of the topic's own name keeps: it says which topic, not which section. */
const NAME_WORD_SHARE = 0.3;

/**
 * Weight of a word in a phrasing comparison (question vs title or sample question): function words
 * little, question words more, content words by how specific they are within the topic, the topic's
 * own name less.
 */
export function phrasingWeight(
  term: string,
  stop: boolean,
  idf: number,
  maxIdf: number,
  name = false,
): number {
  if (stop) return INTENT_WORDS.has(term) ? INTENT_WORD_WEIGHT : FUNCTION_WORD_WEIGHT;
  const weight = Math.max(CONTENT_WORD_FLOOR, maxIdf > 0 ? (2 * idf) / maxIdf : 1);
  return name ? weight * NAME_WORD_SHARE : weight;
}
