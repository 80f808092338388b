import programmingData from './data/programmingWords.json' with { type: 'json' };

const PROGRAMMING_WORDS: ReadonlySet<string> = new Set(programmingData.words);

/** A general programming word (`struct`, `mutex`): meant as written, never a typo. */
export function isProgrammingWord(word: string): boolean {
  return PROGRAMMING_WORDS.has(word);
}
