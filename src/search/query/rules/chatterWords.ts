import { isFillerWord } from '../../chatter.js';
import type { Query } from '../Query.js';

/**
 * Chat filler inside a question ("yo does await block the thread or nah") is read past: not searched
 * for, and left out of the phrasing, so that it does not hide a question asked in a title's or a
 * sample question's words.
 */
export function chatterWords(query: Query): Query {
  const spoken = (t: { surface: string; identifier: boolean }) => t.identifier || !isFillerWord(t.surface);
  return {
    ...query,
    words: query.words.filter(spoken),
    phrasing: query.phrasing.filter(spoken),
    wholePhrasing: query.wholePhrasing.filter(spoken),
  };
}
