import { tokenize } from '../../tokenize.js';
import type { Query, QueryContext, QueryWord } from '../Query.js';

const MIN_PART = 3;

/** A word the knowledge lacks that is two of its words run together ("threadpool") reads as both. */
export function compounds(query: Query, context: QueryContext): Query {
  const words = query.words.flatMap((word): QueryWord[] => {
    const { surface } = word;
    if (word.identifier || word.intent || context.knowsSurface(surface) || context.knowsTerm(word.term))
      return [word];
    for (let cut = MIN_PART; cut <= surface.length - MIN_PART; cut++) {
      const [left, right] = [surface.slice(0, cut), surface.slice(cut)];
      if (!context.knowsSurface(left) || !context.knowsSurface(right)) continue;
      const parts = tokenize(`${left} ${right}`).filter((t) => !t.stop);
      if (parts.length !== 2) continue;
      return parts.map((t) => ({
        ...word,
        surface: t.surface,
        term: t.term,
        alternatives: [{ term: t.term, weight: 1 }],
      }));
    }
    return [word];
  });
  return { ...query, words };
}
