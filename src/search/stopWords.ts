import stopWordData from './data/stopwords.json' with { type: 'json' };
import { editDistance } from './editDistance.js';

const STOP_WORDS: ReadonlySet<string> = new Set(stopWordData.words);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

const LONG_STOP_WORDS = [...STOP_WORDS].filter((w) => w.length >= 4);

/** A function word one slip away from a word of four letters or more ("shoud" -> "should"). */
export function misspeltStopWord(word: string): string | undefined {
  if (word.length < 4) return undefined;
  return LONG_STOP_WORDS.find(
    (stop) => Math.abs(stop.length - word.length) <= 1 && editDistance(word, stop, 1) === 1,
  );
}
