import { analyzeQuestion, type AnalyzedQuestion, type QueryWord } from './analyzeQuestion.js';
import { confidenceOf, type MatchFeatures } from './confidence.js';
import { lexicalCandidates, type Candidate } from './lexicalCandidates.js';
import { searchConfig } from './searchConfig.js';
import type { IndexedSection, SectionIndex } from './SectionIndex.js';
import { cosine, type TermVector } from './termVector.js';
import type { TypoCorrector } from './TypoCorrector.js';

export interface ScoredSection extends IndexedSection {
  doc: number;
  /** The ranking score: BM25F plus the sample-question, title, coverage and phrase bonuses. */
  score: number;
  /** BM25F score alone. */
  lexicalScore: number;
  features: MatchFeatures;
  confidence: number;
}

export interface SearchResult {
  ranked: ScoredSection[];
  /** Languages the question names that no topic is about (`Java` when only C# is known). */
  unknownLanguages: string[];
  /** The question had no word to search for. */
  empty: boolean;
  /** The question's content words as read, with what each may match. */
  words: QueryWord[];
}

/** Lexical score, in units of the rarest word's idf, at which `support` reaches 63%. */
const SUPPORT_SCALE = 2;

interface Reranked {
  candidate: Candidate;
  sampleSimilarity: number;
  titleCoverage: number;
  titleFocus: number;
  score: number;
}

/**
 * Ranks every section for a question and gives the best ones a calibrated confidence:
 * read the question, gather sections by BM25F, rerank the best with phrasing and title signals,
 * then turn each one's match features into a confidence.
 */
export function searchSections(
  index: SectionIndex,
  typos: TypoCorrector,
  question: string,
  limit = 4,
): SearchResult {
  const query = analyzeQuestion(index, typos, question);
  const { allowedTopics, unknownLanguages } = query;
  if (query.words.length === 0 || !allowedTopics) {
    return { ranked: [], unknownLanguages, empty: query.words.length === 0, words: query.words };
  }
  const reranked = lexicalCandidates(index, query.words)
    .filter((c) => !allowedTopics.size || allowedTopics.has(index.entries[c.doc]!.topic.id))
    .sort((a, b) => b.lexicalScore - a.lexicalScore)
    .slice(0, searchConfig.rerankDepth)
    .map((candidate) => rerank(index, query, candidate))
    .sort((a, b) => b.score - a.score);

  const ranked = reranked.slice(0, limit).map((entry, i) => {
    const features = matchFeatures(index, query, entry, i === 0 ? reranked[1] : reranked[0]);
    const confidence = confidenceOf(features);
    return {
      ...index.entries[entry.candidate.doc]!,
      doc: entry.candidate.doc,
      score: entry.score,
      lexicalScore: entry.candidate.lexicalScore,
      features,
      // A runner-up is never surer than its score allows beside the best.
      confidence: i === 0 ? confidence : confidence * Math.min(1, entry.score / reranked[0]!.score),
    };
  });
  return { ranked, unknownLanguages, empty: false, words: query.words };
}

function rerank(index: SectionIndex, query: AnalyzedQuestion, candidate: Candidate): Reranked {
  const sampleSimilarity = bestSampleSimilarity(index.sampleQuestions[candidate.doc]!, query.phrasing);
  const titleTerms = index.titleTerms[candidate.doc]!;
  const titleCoverage = shareCovered(titleTerms, candidate.matched);
  // How much of what the question is about the title names ("what does await do" -> `await` keyword).
  const titleFocus = query.knownWords > 0 ? sharedCount(titleTerms, candidate.matched) / query.knownWords : 0;
  const scale = Math.max(query.totalImportance, index.maxIdf);
  const { section } = index.entries[candidate.doc]!;
  const unenriched = section.keywords.length === 0 && section.questions.length === 0;
  const score =
    candidate.lexicalScore * (unenriched ? searchConfig.unenrichedLexicalBoost : 1) +
    searchConfig.sampleQuestionWeight * sampleSimilarity ** 2 * scale +
    searchConfig.sameQuestionWeight * index.maxIdf * Math.max(0, (sampleSimilarity - 0.85) / 0.15) +
    (titleCoverage === 1
      ? // "What a decorator is" is named whole by any question with "decorator" in it: that says less.
        searchConfig.fullTitleWeight * index.maxIdf * index.titleSpecificity[candidate.doc]!
      : 0) +
    searchConfig.titleFocusWeight * titleFocus * index.maxIdf +
    searchConfig.coverageWeight * (candidate.covered / query.totalImportance) * scale +
    searchConfig.phraseWeight * Math.min(2, query.phraseHits.get(candidate.doc) ?? 0) * index.maxIdf;
  return { candidate, sampleSimilarity, titleCoverage, titleFocus, score };
}

function matchFeatures(
  index: SectionIndex,
  query: AnalyzedQuestion,
  { candidate, sampleSimilarity, titleCoverage, titleFocus, score }: Reranked,
  other: Reranked | undefined,
): MatchFeatures {
  const coreTerms = index.topicCoreTerms.get(index.entries[candidate.doc]!.topic.id)!;
  return {
    coverage: candidate.covered / query.totalImportance,
    knownCoverage: query.knownImportance > 0 ? candidate.covered / query.knownImportance : 0,
    unknownShare: 1 - query.knownImportance / query.totalImportance,
    sampleSimilarity,
    titleCoverage,
    titleFocus,
    phraseMatch: Math.min(1, query.phraseHits.get(candidate.doc) ?? 0),
    lead: other ? (score - other.score) / score : 1,
    anchored: sharedCount(coreTerms, candidate.matched) > 0 ? 1 : 0,
    support: 1 - Math.exp(-candidate.lexicalScore / (SUPPORT_SCALE * index.maxIdf)),
    typoShare: candidate.covered > 0 ? candidate.coveredByTypo / candidate.covered : 0,
    enriched: index.sampleQuestions[candidate.doc]!.length > 0 ? 1 : 0,
  };
}

function sharedCount(terms: ReadonlySet<string>, matched: ReadonlySet<string>): number {
  let covered = 0;
  for (const term of terms) if (matched.has(term)) covered++;
  return covered;
}

function shareCovered(terms: ReadonlySet<string>, matched: ReadonlySet<string>): number {
  return terms.size === 0 ? 0 : sharedCount(terms, matched) / terms.size;
}

function bestSampleSimilarity(samples: readonly TermVector[], question: TermVector): number {
  let best = 0;
  for (const sample of samples) best = Math.max(best, cosine(sample, question));
  return best;
}
