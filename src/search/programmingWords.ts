import programmingData from './data/programmingWords.json' with { type: 'json' };

const EVERYDAY_PROGRAMMING_WORDS: ReadonlySet<string> = new Set(programmingData.everyday);
const PROGRAMMING_WORDS: ReadonlySet<string> = new Set([
  ...programmingData.words,
  ...programmingData.everyday,
]);

/** A general programming word (`struct`, `mutex`) or an everyday one (`docs`): meant as written, never a typo. */
export function isProgrammingWord(word: string): boolean {
  return PROGRAMMING_WORDS.has(word);
}

/** A programming word used about code of any kind (`docs`, `app`, `repo`): it says little about which topic is asked. */
export function isEverydayProgrammingWord(word: string): boolean {
  return EVERYDAY_PROGRAMMING_WORDS.has(word);
}
