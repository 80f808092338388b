import { tokenize } from '../../tokenize.js';
import type { Query, QueryContext } from '../Query.js';

/** How much an identifier from pasted code counts beside the asker's own words. */
const CODE_IMPORTANCE = 0.3;

/**
 * Code pasted into a question names what it is about (`Task.WhenAll`, `useEffect`): its identifiers
 * that the knowledge uses join the search, weighted below the asker's own words.
 */
export function codeIdentifiers(query: Query, context: QueryContext): Query {
  if (!query.code.length) return query;
  const asked = new Set(query.words.map((w) => w.term));
  const words = [...query.words];
  for (const token of tokenize(query.code.join('\n'))) {
    if (!token.identifier || asked.has(token.term) || !context.knowsTerm(token.term)) continue;
    asked.add(token.term);
    words.push({
      surface: token.surface,
      term: token.term,
      importance: CODE_IMPORTANCE,
      rarity: 1,
      weight: CODE_IMPORTANCE,
      alternatives: [{ term: token.term, weight: 1 }],
      identifier: true,
    });
  }
  return { ...query, words };
}
