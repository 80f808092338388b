import { isCommonEnglishWord } from '../../englishWords.js';
import { isProgrammingWord } from '../../programmingWords.js';
import { misspeltStopWord } from '../../stopWords.js';
import type { Query, QueryContext } from '../Query.js';

/** How much a match through a typo correction counts, relative to the word as written. */
const TYPO_WEIGHT = 0.8;
/** How much the stem of a misspelt word still counts, beside its correction. */
const STEM_WEIGHT = 0.4;

/**
 * A word the knowledge does not use, and that is neither a common English nor a general programming
 * word nor the name of a language the question names ("C++"), is read as the nearest
 * word the knowledge does use ("asnyc" -> `async`, "thred" -> `thread`), or, one slip from a function
 * word, as that function word ("shoud"), which is not searched for.
 */
export function typos(query: Query, context: QueryContext): Query {
  const words = query.words.flatMap((word) => {
    if (
      word.identifier ||
      word.language !== undefined ||
      isCommonEnglishWord(word.surface) ||
      isProgrammingWord(word.surface)
    )
      return [word];
    if (context.knowsTerm(word.term)) {
      if (context.knowsSurface(word.surface)) return [word];
      // Only its stem is known ("cach", from `cache`): a more common word one slip away is what was meant.
      const fixed = context.correctTypo(word.surface);
      const term = fixed && context.termOfSurface(fixed);
      if (!term || term === word.term || context.sectionsUsing(term) <= context.sectionsUsing(word.term))
        return [word];
      return [
        {
          ...word,
          term,
          alternatives: [
            { term, weight: TYPO_WEIGHT },
            { term: word.term, weight: STEM_WEIGHT },
          ],
        },
      ];
    }
    if (misspeltStopWord(word.surface)) return [];
    const fixed = context.correctTypo(word.surface);
    const term = fixed && context.termOfSurface(fixed);
    if (!term) return [word];
    return [{ ...word, term, alternatives: [{ term, weight: TYPO_WEIGHT }, ...word.alternatives.slice(1)] }];
  });
  return { ...query, words };
}
