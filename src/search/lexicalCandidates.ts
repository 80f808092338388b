import type { Alternative, QueryWord } from './analyzeQuestion.js';
import { searchConfig } from './searchConfig.js';
import type { SectionIndex } from './SectionIndex.js';

/** A section some question word matches, with what its matches add up to. */
export interface Candidate {
  doc: number;
  /** Sum over question words of their best BM25F weight in this section. */
  lexicalScore: number;
  /** Importance of the question words it matches (synonyms count at their weight). */
  covered: number;
  /** The part of `covered` that needed a typo correction. */
  coveredByTypo: number;
  /** Terms matched as asked or as corrected (not through a synonym). */
  matched: Set<string>;
}

/**
 * BM25F over the postings of every way each question word can match; a word counts once per section.
 * In a large knowledge base a word most sections use ranks nothing and its postings are long,
 * so it is credited to every section instead of scanned.
 */
export function lexicalCandidates(index: SectionIndex, words: QueryWord[]): Candidate[] {
  const candidates = new Map<number, Candidate>();
  const ubiquitousFrom =
    index.size >= searchConfig.ubiquitousTerms.minSections
      ? index.size * searchConfig.ubiquitousTerms.share
      : Infinity;
  let coveredEverywhere = 0;
  for (const word of words) {
    const literal = word.alternatives.find((a) => a.literal);
    if (literal && index.documentFrequency(literal.term) > ubiquitousFrom) {
      coveredEverywhere += word.importance * Math.min(1, literal.weight);
      continue;
    }
    const best = new Map<number, { contribution: number; alt: Alternative }>();
    for (const alt of word.alternatives) {
      if (index.documentFrequency(alt.term) > ubiquitousFrom) continue;
      const { docs, weights } = index.postingsOf(alt.term);
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        const contribution = alt.weight * weights[i]!;
        const previous = best.get(doc);
        if (!previous || contribution > previous.contribution) best.set(doc, { contribution, alt });
      }
    }
    for (const [doc, { contribution, alt }] of best) {
      let candidate = candidates.get(doc);
      if (!candidate && word.intent) continue;
      if (!candidate)
        candidates.set(
          doc,
          (candidate = { doc, lexicalScore: 0, covered: 0, coveredByTypo: 0, matched: new Set() }),
        );
      candidate.lexicalScore += contribution;
      const credit = word.importance * Math.min(1, alt.weight);
      candidate.covered += credit;
      if (alt.typo) candidate.coveredByTypo += credit;
      if (alt.literal) candidate.matched.add(alt.term);
    }
  }
  for (const candidate of candidates.values()) candidate.covered += coveredEverywhere;
  return [...candidates.values()];
}
