import { synonymsOf } from '../../synonyms.js';
import type { Query, QueryContext } from '../Query.js';

/** How much a match through a synonym counts, relative to the word itself. */
const SYNONYM_WEIGHT = 0.5;

/** A word also matches its general programming-English synonyms (data/synonyms.json) that the knowledge uses. */
export function synonyms(query: Query, context: QueryContext): Query {
  const words = query.words.map((word) => {
    const extra = synonymsOf(word.term)
      .filter((s) => context.knowsTerm(s) && !word.alternatives.some((a) => a.term === s))
      .map((term) => ({ term, weight: SYNONYM_WEIGHT }));
    return extra.length ? { ...word, alternatives: [...word.alternatives, ...extra] } : word;
  });
  return { ...query, words };
}
