import Fuse from 'fuse.js';
import { allowedEdits, editDistance } from './editDistance.js';

export interface Correction {
  /** The known word the typo most likely meant. */
  word: string;
  edits: number;
}

const CACHE_LIMIT = 10_000;

/**
 * Maps a misspelt word to the nearest word of the knowledge's own vocabulary, with fuse.js
 * finding candidates and an edit-distance bound deciding: no edit for 1-2 letters, one up to 5, two beyond.
 * Words are bucketed by first letter and length so a lookup scans small lists even with a large vocabulary.
 */
export class TypoCorrector {
  private readonly buckets = new Map<string, Fuse<string>>();
  private readonly cache = new Map<string, Correction | null>();

  constructor(
    words: Iterable<string>,
    private readonly frequency: (word: string) => number,
  ) {
    const byBucket = new Map<string, string[]>();
    for (const word of words) {
      if (word.length < 3) continue;
      const key = bucketKey(word[0]!, word.length);
      let list = byBucket.get(key);
      if (!list) byBucket.set(key, (list = []));
      list.push(word);
    }
    for (const [key, list] of byBucket) {
      this.buckets.set(
        key,
        new Fuse(list, { includeScore: true, ignoreLocation: true, threshold: 0.45, shouldSort: true }),
      );
    }
  }

  correct(word: string): Correction | null {
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
    // The first letter is rarely the wrong one; the second covers a swap of the first two.
    const letters = new Set([word[0]!, word[1]!]);
    let best: Correction | null = null;
    const buckets = [...letters].flatMap((letter) =>
      Array.from({ length: 2 * limit + 1 }, (_, i) =>
        this.buckets.get(bucketKey(letter, word.length - limit + i)),
      ),
    );
    for (const fuse of buckets) {
      if (!fuse) continue;
      for (const { item } of fuse.search(word, { limit: 8 })) {
        const edits = editDistance(word, item, limit);
        if (edits > limit || edits === 0) continue;
        if (
          !best ||
          edits < best.edits ||
          (edits === best.edits && this.frequency(item) > this.frequency(best.word))
        ) {
          best = { word: item, edits };
        }
      }
    }
    return best;
  }
}

function bucketKey(letter: string, length: number): string {
  return `${letter}${length}`;
}
