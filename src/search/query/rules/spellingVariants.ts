import { americanSpellings, britishSpellings } from '../../englishWords.js';
import type { Query, QueryContext } from '../Query.js';

/**
 * A word also matches its other spelling where the knowledge uses that one: British for American and
 * back ("serialise" finds `serialize`). The tokenizer already reads every British spelling SCOWL
 * confirms as its American form ("behaviour" is `behavior`); this rule covers the jargon SCOWL does
 * not list.
 */
export function spellingVariants(query: Query, context: QueryContext): Query {
  const words = query.words.map((word) => {
    if (word.identifier) return word;
    const extra = [...americanSpellings(word.surface), ...britishSpellings(word.surface)]
      .map((variant) => context.termOfSurface(variant))
      .filter((term): term is string => !!term && !word.alternatives.some((a) => a.term === term))
      .map((term) => ({ term, weight: 1 }));
    return extra.length ? { ...word, alternatives: [...word.alternatives, ...extra] } : word;
  });
  return { ...query, words };
}
