import Fuse from 'fuse.js';
import { allowedEdits, editDistance } from './editDistance.js';
import { isCommonEnglishWord } from './englishWords.js';

export interface Correction {
  /** The known word the typo most likely meant. */
  word: string;
  edits: number;
}

const CACHE_LIMIT = 10_000;
/** Letter pairs in more than this share of the words (and at least this many) are too common to filter by. */
const COMMON_PAIR_SHARE = 0.05;
const COMMON_PAIR_MIN = 500;
/** Words compared in full per lookup, those sharing the most letter pairs first. */
const MAX_CANDIDATES = 48;
const FUSE_OPTIONS = { ignoreLocation: true, threshold: 0.45 } as const;

/**
 * Maps a misspelt word to the nearest word of the knowledge's own vocabulary. Candidates come from
 * shared letter pairs (cheap, so a lookup stays fast with a large vocabulary); an edit-distance bound
 * (no edit for 1-2 letters, one up to 5, two beyond, those two keeping the first letter) and fuse.js's
 * fuzzy match decide, and among equally close words the one more sections use wins, then the better
 * fuse.js score. Common English words and words with a digit are never corrected.
 */
export class TypoCorrector {
  private readonly words: string[] = [];
  /** Letter pair (with word boundaries, `^a`, `h$`) -> the words that contain it. */
  private readonly pairs = new Map<number, PairPostings>();
  private readonly shared: Uint16Array;
  private readonly commonPairSize: number;
  private readonly cache = new Map<string, Correction | null>();

  constructor(
    words: Iterable<string>,
    private readonly frequency: (word: string) => number,
  ) {
    for (const word of words) {
      if (word.length < 3 || word.length > 32) continue;
      const index = this.words.push(word) - 1;
      for (const pair of letterPairs(word)) {
        let postings = this.pairs.get(pair);
        if (!postings) this.pairs.set(pair, (postings = { byLength: [], words: 0 }));
        const list = (postings.byLength[word.length] ??= []);
        // Words are added in order, so a pair this word repeats ends its list already.
        if (list[list.length - 1] === index) continue;
        list.push(index);
        postings.words++;
      }
    }
    this.shared = new Uint16Array(this.words.length);
    this.commonPairSize = Math.max(COMMON_PAIR_MIN, this.words.length * COMMON_PAIR_SHARE);
  }

  correct(word: string): Correction | null {
    // A word with a digit is a size, a version or a code ("2gb", "v6", "es2020"), not a slip.
    if (isCommonEnglishWord(word) || /\d/.test(word)) return null;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const found = this.lookup(word);
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(word, found);
    return found;
  }

  private lookup(word: string): Correction | null {
    const limit = allowedEdits(word.length);
    if (limit === 0 || word.length > 32) return null;
    const touched: number[] = [];
    let skipped = 0;
    for (const pair of new Set(letterPairs(word))) {
      const postings = this.pairs.get(pair);
      if (!postings) continue;
      // A pair most words share selects nothing and costs the most: leave it out of the count.
      if (postings.words > this.commonPairSize) {
        skipped++;
        continue;
      }
      // Only words whose length is within the edit bound can be the one meant.
      for (let length = word.length - limit; length <= word.length + limit; length++) {
        for (const index of postings.byLength[length] ?? []) {
          if (this.shared[index] === 0) touched.push(index);
          this.shared[index]!++;
        }
      }
    }
    // Bucketed by shared pairs, so the nearest few are found without sorting every candidate.
    const byShared: number[][] = [];
    for (const index of touched) {
      const shared = this.shared[index]!;
      this.shared[index] = 0;
      const length = this.words[index]!.length;
      // Each edit changes at most three letter pairs (a swap of neighbours), so fewer shared pairs rules a word out.
      if (shared < Math.max(length, word.length) + 1 - 3 * limit - skipped) continue;
      (byShared[shared] ??= []).push(index);
    }
    const candidates: number[] = [];
    for (let shared = byShared.length - 1; shared >= 0 && candidates.length < MAX_CANDIDATES; shared--) {
      for (const index of byShared[shared] ?? [])
        if (candidates.length < MAX_CANDIDATES) candidates.push(index);
    }
    let best: Scored | null = null;
    for (const index of candidates) {
      const candidate = this.words[index]!;
      const edits = editDistance(word, candidate, limit);
      if (edits === 0 || edits > limit) continue;
      // Slips rarely hit the first letter: a word two edits away must keep it ("uvloop" is not "loop").
      if (edits > 1 && candidate[0] !== word[0]) continue;
      const match = Fuse.match(word, candidate, FUSE_OPTIONS);
      if (!match.isMatch) continue;
      const scored = { word: candidate, edits, score: match.score ?? 1 };
      if (!best || isBetter(scored, best, this.frequency)) best = scored;
    }
    return best && { word: best.word, edits: best.edits };
  }
}

/** The words that contain one letter pair. */
interface PairPostings {
  /** Word length -> indices of the words of that length with the pair. */
  byLength: number[][];
  /** How many words have the pair, whatever their length. */
  words: number;
}

type Scored = Correction & { score: number };

function isBetter(a: Scored, b: Scored, frequency: (word: string) => number): boolean {
  if (a.edits !== b.edits) return a.edits < b.edits;
  const [fa, fb] = [frequency(a.word), frequency(b.word)];
  if (fa !== fb) return fa > fb;
  return a.score < b.score;
}

/** Each pair of neighbouring letters as one number (its two UTF-16 codes): cheaper to key a map by than a string. */
function letterPairs(word: string): number[] {
  const padded = `^${word}$`;
  const pairs: number[] = [];
  for (let i = 0; i < padded.length - 1; i++)
    pairs.push(padded.charCodeAt(i) * 0x10000 + padded.charCodeAt(i + 1));
  return pairs;
}
