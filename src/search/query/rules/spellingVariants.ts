import { americanSpellings } from '../../englishWords.js';
import type { Query, QueryContext } from '../Query.js';

/** A British spelling reads as the American one the knowledge uses ("behaviour" -> `behavior`). */
export function spellingVariants(query: Query, context: QueryContext): Query {
  const words = query.words.map((word) => {
    if (word.identifier || context.knowsSurface(word.surface)) return word;
    for (const american of americanSpellings(word.surface)) {
      const term = context.termOfSurface(american);
      if (term) return { ...word, term, alternatives: [{ term, weight: 1 }, ...word.alternatives.slice(1)] };
    }
    return word;
  });
  return { ...query, words };
}
