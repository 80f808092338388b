import { questionIntents } from '../../questionIntents.js';
import { synonymsOf } from '../../synonyms.js';
import { tokenize } from '../../tokenize.js';
import type { Query, QueryContext, QueryWord } from '../Query.js';

/** How much an intent word counts beside the question's own words. */
const INTENT_IMPORTANCE = 0.5;
const SYNONYM_WEIGHT = 0.5;

/**
 * A question's shape can carry what it asks for ("what is X for?", "why bother with X" ask for a
 * purpose: data/intents.json): the intent's word joins the search, ranking only sections that the
 * question's own words found.
 */
export function intents(query: Query, context: QueryContext): Query {
  const text = query.segments
    .filter((s) => s.weight >= 1)
    .map((s) => s.text)
    .join(' ');
  const asked = new Set(query.words.map((w) => w.term));
  const added: QueryWord[] = [];
  for (const word of questionIntents(text)) {
    for (const token of tokenize(word)) {
      if (token.stop || asked.has(token.term)) continue;
      const alternatives = [token.term, ...synonymsOf(token.term)]
        .filter((term) => context.knowsTerm(term))
        .map((term, i) => ({ term, weight: i === 0 && term === token.term ? 1 : SYNONYM_WEIGHT }));
      if (!alternatives.length) continue;
      added.push({
        surface: token.surface,
        term: token.term,
        importance: INTENT_IMPORTANCE,
        rarity: 1,
        weight: INTENT_IMPORTANCE,
        alternatives,
        identifier: false,
        intent: true,
      });
    }
  }
  return added.length ? { ...query, words: [...query.words, ...added] } : query;
}
