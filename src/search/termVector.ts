import type { Token } from './tokenize.js';

/** A text as weighted terms, for comparing phrasings (a question with a sample question). */
export interface TermVector {
  weights: Map<string, number>;
  norm: number;
}

export function termVector(
  tokens: Pick<Token, 'term' | 'stop'>[],
  weightOf: (t: Pick<Token, 'term' | 'stop'>) => number,
): TermVector {
  const weights = new Map<string, number>();
  for (const token of tokens) weights.set(token.term, weightOf(token));
  let sum = 0;
  for (const w of weights.values()) sum += w * w;
  return { weights, norm: Math.sqrt(sum) };
}

/** Cosine similarity of two term vectors, in [0, 1]. */
export function cosine(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small.weights) {
    const other = large.weights.get(term);
    if (other) dot += w * other;
  }
  return dot / (a.norm * b.norm);
}
