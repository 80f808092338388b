import { QUERY_RULE_NAMES, type QueryRuleName } from '../../../src/search/query/queryRules.js';
import { analyzeQuery } from '../../../src/search/query/analyzeQuery.js';
import type { Query, QueryContext } from '../../../src/search/query/Query.js';
import { tokenize } from '../../../src/search/tokenize.js';

/** A query context over a small vocabulary: the words a knowledge base would use. */
export function contextOf(text: string): QueryContext {
  const surfaces = new Map<string, string>();
  for (const token of tokenize(text)) if (!token.stop) surfaces.set(token.surface, token.term);
  const terms = new Set(surfaces.values());
  return {
    knowsTerm: (term) => terms.has(term),
    knowsSurface: (surface) => surfaces.has(surface),
    termOfSurface: (surface) => surfaces.get(surface),
    sectionsUsing: (term) => (terms.has(term) ? 1 : 0),
    correctTypo: (surface) =>
      [...surfaces.keys()].find((s) => s.length > 3 && s !== surface && sameLetters(s, surface)),
  };
}

function sameLetters(a: string, b: string): boolean {
  return a.length === b.length && [...a].sort().join('') === [...b].sort().join('');
}

/** The question read with only `rule` on (or every rule off, for `null`). */
export function readWith(rule: QueryRuleName | null, question: string, context: QueryContext): Query {
  const rules = Object.fromEntries(QUERY_RULE_NAMES.map((n) => [n, n === rule])) as Record<
    QueryRuleName,
    boolean
  >;
  return analyzeQuery(question, context, rules);
}

/** The terms a query searches for, each with its best alternative weight, as `term` or `term@weight`. */
export function searchedTerms(query: Query): string[] {
  return query.words.flatMap((w) =>
    w.alternatives.map((a) => (a.weight === 1 ? a.term : `${a.term}@${a.weight}`)),
  );
}
