import { tokenize } from '../../tokenize.js';
import type { Query, QueryContext } from '../Query.js';
import { wordRarity } from '../wordImportance.js';

/** How much a word of a pasted error message counts beside the asker's own words. */
const ERROR_WEIGHT = 0.5;
/** A line of compiler, runtime or linter output. */
const ERROR_LINE =
  /\b(?:error|errors|exception|warning|warn|panic(?:ked)?|fatal|traceback|uncaught|unhandled|cannot|can't|must|expected|undefined|not found|failed|denied|invalid)\b|\b[A-Z]{2,4}\d{3,5}\b|\bE\d{4}\b/i;

/**
 * An error message pasted in a code block ("error CS4032: The 'await' operator can only be used within
 * an async method") says what is asked in words: the words of such lines that the knowledge uses join
 * the search, weighted below the asker's own.
 */
export function errorMessages(query: Query, context: QueryContext): Query {
  const lines = query.code.flatMap((block) => block.split('\n')).filter((line) => ERROR_LINE.test(line));
  if (!lines.length) return query;
  const asked = new Set(query.words.map((w) => w.term));
  const words = [...query.words];
  for (const token of tokenize(lines.join('\n'))) {
    if (token.stop || asked.has(token.term) || !context.knowsTerm(token.term)) continue;
    asked.add(token.term);
    const rarity = wordRarity(token);
    words.push({
      surface: token.surface,
      term: token.term,
      importance: rarity * ERROR_WEIGHT,
      rarity,
      weight: ERROR_WEIGHT,
      alternatives: [{ term: token.term, weight: 1 }],
      identifier: token.identifier,
    });
  }
  return { ...query, words };
}
