import type { Query, QueryContext } from '../Query.js';

/**
 * "don't await", "without awaiting": the negated word is its own term (`not-await`) where the
 * knowledge uses that form; elsewhere the plain word, which tokenizing keeps too, carries it.
 */
export function negation(query: Query, context: QueryContext): Query {
  return {
    ...query,
    words: query.words.filter((w) => !w.term.startsWith('not-') || context.knowsTerm(w.term)),
  };
}
