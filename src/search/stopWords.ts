import stopWordData from './data/stopwords.json' with { type: 'json' };

const STOP_WORDS: ReadonlySet<string> = new Set(stopWordData.words);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}
