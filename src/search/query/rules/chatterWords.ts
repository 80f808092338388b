import { isFillerWord } from '../../chatter.js';
import type { Query } from '../Query.js';

/** Chat filler inside a question ("yo does await block the thread or nah") is read past, not searched for. */
export function chatterWords(query: Query): Query {
  return { ...query, words: query.words.filter((w) => w.identifier || !isFillerWord(w.surface)) };
}
