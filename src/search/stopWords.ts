import stopWordData from './data/stopwords.json' with { type: 'json' };
import { editDistance } from './editDistance.js';

const STOP_WORDS: ReadonlySet<string> = new Set(stopWordData.words);

/** A function word with a contracted verb or "not" ("you're", "they've", "who'd", "mustn't"). */
const CONTRACTION = /^([\p{L}]+?)(?:'(?:re|ve|d|ll|m|s)|n't)$/u;

/** Whether a lowercased word is a function word or chat filler, contracted forms of function words included. */
export function isStopWord(word: string): boolean {
  if (STOP_WORDS.has(word)) return true;
  const base = word.includes("'") ? CONTRACTION.exec(word)?.[1] : undefined;
  return base !== undefined && STOP_WORDS.has(base);
}

const LONG_STOP_WORDS = [...STOP_WORDS].filter((w) => w.length >= 4);

/**
 * A function word of four letters or more one slip away from the word ("shoud" -> "should",
 * "wat" -> "what"), for a word of three letters or more.
 */
export function misspeltStopWord(word: string): string | undefined {
  if (word.length < 3) return undefined;
  return LONG_STOP_WORDS.find(
    (stop) => Math.abs(stop.length - word.length) <= 1 && editDistance(word, stop, 1) === 1,
  );
}
