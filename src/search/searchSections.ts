import { confidenceOf, type MatchFeatures } from './confidence.js';
import { languagesAskedAbout } from './languageMentions.js';
import { normalizeText } from './normalizeText.js';
import { searchConfig } from './searchConfig.js';
import { phraseTerms, withoutLanguageNames, type IndexedSection, type SectionIndex } from './SectionIndex.js';
import { cosine, termVector, type TermVector } from './termVector.js';
import { synonymsOf } from './synonyms.js';
import { negatedTerm, tokenize } from './tokenize.js';
import type { TypoCorrector } from './TypoCorrector.js';

/** One way a question word can match: itself, its typo correction, or a synonym. */
interface Alternative {
  term: string;
  weight: number;
  /** The word as asked (or its typo correction), as opposed to a synonym. */
  literal: boolean;
  /** Found by typo correction. */
  typo?: boolean;
}

/** A content word of the question with everything it may match. */
interface QueryWord {
  surface: string;
  /** The term it was read as: itself, or its typo correction. */
  term: string;
  importance: number;
  /** The knowledge uses the word (or its correction, or a synonym). */
  known: boolean;
  alternatives: Alternative[];
}

export interface ScoredSection extends IndexedSection {
  doc: number;
  /** The ranking score: BM25F plus the sample-question and title bonuses. */
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
}

/** Lexical score, in units of the rarest word's idf, at which `support` reaches 63%. */
const SUPPORT_SCALE = 2;

interface Candidate {
  doc: number;
  lexicalScore: number;
  covered: number;
  coveredByTypo: number;
  matched: Set<string>;
}

/** Ranks every section for a question and gives the best ones a calibrated confidence. */
export function searchSections(
  index: SectionIndex,
  typos: TypoCorrector,
  question: string,
  limit = 4,
): SearchResult {
  const text = normalizeText(question);
  const mentioned = languagesAskedAbout(text);
  const allowedTopics = topicsFor(index, mentioned);
  const unknownLanguages = allowedTopics ? [] : [...mentioned];
  const searchable = withoutLanguageNames(text);
  const words = queryWords(index, typos, searchable);
  if (words.length === 0 || !allowedTopics)
    return { ranked: [], unknownLanguages, empty: words.length === 0 };

  const totalImportance = words.reduce((sum, w) => sum + w.importance, 0);
  const knownImportance = words.reduce((sum, w) => sum + (w.known ? w.importance : 0), 0);
  const questionVector = phrasingVector(index, searchable, words);
  const knownWords = words.filter((w) => w.known).length;
  const phraseHits = phrasesContained(index, searchable, words);
  const scored = lexicalCandidates(index, words)
    .filter((c) => !allowedTopics.size || allowedTopics.has(index.entries[c.doc]!.topic.id))
    .sort((a, b) => b.lexicalScore - a.lexicalScore)
    .slice(0, searchConfig.rerankDepth)
    .map((candidate) => {
      const sampleSimilarity = bestSampleSimilarity(index.sampleQuestions[candidate.doc]!, questionVector);
      const titleTerms = index.titleTerms[candidate.doc]!;
      const titleCoverage = shareCovered(titleTerms, candidate.matched);
      // How much of what the question is about the title names ("what does await do" -> `await` keyword).
      const titleFocus = knownWords > 0 ? sharedCount(titleTerms, candidate.matched) / knownWords : 0;
      const scale = Math.max(totalImportance, index.maxIdf);
      const score =
        candidate.lexicalScore +
        searchConfig.sampleQuestionWeight * sampleSimilarity ** 2 * scale +
        searchConfig.sameQuestionWeight * index.maxIdf * Math.max(0, (sampleSimilarity - 0.85) / 0.15) +
        (titleCoverage === 1 ? searchConfig.fullTitleWeight * index.maxIdf : 0) +
        searchConfig.titleFocusWeight * titleFocus * index.maxIdf +
        searchConfig.coverageWeight * (candidate.covered / totalImportance) * scale +
        searchConfig.phraseWeight * Math.min(2, phraseHits.get(candidate.doc) ?? 0) * index.maxIdf;
      return { candidate, sampleSimilarity, titleCoverage, titleFocus, score };
    })
    .sort((a, b) => b.score - a.score);

  const ranked = scored
    .slice(0, limit)
    .map(({ candidate, sampleSimilarity, titleCoverage, titleFocus, score }, i) => {
      const other = i === 0 ? scored[1] : scored[0];
      const features: MatchFeatures = {
        coverage: candidate.covered / totalImportance,
        knownCoverage: knownImportance > 0 ? candidate.covered / knownImportance : 0,
        unknownShare: 1 - knownImportance / totalImportance,
        sampleSimilarity,
        titleCoverage,
        titleFocus,
        phraseMatch: Math.min(1, phraseHits.get(candidate.doc) ?? 0),
        lead: other ? (score - other.score) / score : 1,
        anchored:
          sharedCount(index.topicCoreTerms.get(index.entries[candidate.doc]!.topic.id)!, candidate.matched) >
          0
            ? 1
            : 0,
        support: 1 - Math.exp(-candidate.lexicalScore / (SUPPORT_SCALE * index.maxIdf)),
        typoShare: candidate.covered > 0 ? candidate.coveredByTypo / candidate.covered : 0,
      };
      return {
        ...index.entries[candidate.doc]!,
        doc: candidate.doc,
        score,
        lexicalScore: candidate.lexicalScore,
        features,
        confidence:
          i === 0 ? confidenceOf(features) : confidenceOf(features) * Math.min(1, score / scored[0]!.score),
      };
    });
  return { ranked, unknownLanguages, empty: false };
}

/**
 * BM25F over the postings of every way each question word can match; a word counts once per section.
 * In a large knowledge base a word most sections use ranks nothing and its postings are long,
 * so it is credited to every section instead of scanned.
 */
function lexicalCandidates(index: SectionIndex, words: QueryWord[]): Candidate[] {
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

/** Topic ids a question may be answered from, given the languages it names; null when none fits. */
function topicsFor(index: SectionIndex, mentioned: ReadonlySet<string>): ReadonlySet<string> | null {
  if (mentioned.size === 0) return new Set();
  const allowed = new Set<string>();
  for (const [topic, languages] of index.topicLanguages) {
    if (languages.size === 0 || [...mentioned].some((l) => languages.has(l))) allowed.add(topic);
  }
  return allowed.size ? allowed : null;
}

function queryWords(index: SectionIndex, typos: TypoCorrector, text: string): QueryWord[] {
  const byTerm = new Map<string, QueryWord>();
  for (const token of tokenize(text)) {
    if (token.stop || byTerm.has(token.term)) continue;
    const base = token.identifier ? searchConfig.identifierWeight : 1;
    let known: Alternative | undefined = index.has(token.term)
      ? { term: token.term, weight: base, literal: true }
      : undefined;
    const extra: Alternative[] = [];
    if (known && !token.negated && !index.vocabulary.has(token.surface)) {
      // A misspelling can share a stem with a rarer word ("cach" -> `cache`): the common word it is one edit from wins.
      const fix = typos.correct(token.surface);
      const corrected = fix ? index.vocabulary.get(fix.word) : undefined;
      if (
        corrected &&
        corrected !== known.term &&
        index.documentFrequency(corrected) > index.documentFrequency(known.term)
      ) {
        extra.push({ ...known, weight: searchConfig.synonymWeight, literal: false });
        known = { term: corrected, weight: base * searchConfig.typoWeight, literal: true, typo: true };
      }
    }
    if (!known && token.identifier && token.term.includes('.')) continue; // its parts carry it
    if (!known && token.surface.startsWith('un') && token.surface.length > 5) {
      // "unawaited" reads as "not awaited"
      const rest = tokenize(token.surface.slice(2))[0];
      if (rest && index.has(negatedTerm(rest.term)))
        known = { term: negatedTerm(rest.term), weight: base, literal: true };
    }
    if (!known) {
      const fix = typos.correct(token.surface);
      const corrected = fix ? index.vocabulary.get(fix.word) : undefined;
      const term = corrected && token.negated ? negatedTerm(corrected) : corrected;
      if (term && index.has(term))
        known = { term, weight: base * searchConfig.typoWeight, literal: true, typo: true };
    }
    const root = known?.term ?? token.term;
    const alternatives: Alternative[] = known ? [known, ...extra] : [];
    for (const synonym of synonymsOf(root)) {
      if (index.has(synonym))
        alternatives.push({ term: synonym, weight: searchConfig.synonymWeight, literal: false });
    }
    const importance = alternatives.length
      ? index.idf(alternatives[0]!.term)
      : searchConfig.unknownWordImportance * index.maxIdf;
    byTerm.set(token.term, {
      surface: token.surface,
      term: root,
      importance,
      known: alternatives.length > 0,
      alternatives,
    });
  }
  return [...byTerm.values()];
}

/** Per section, how many of its multi-word keywords (or its title) the question contains word for word, weighted by how specific each is. */
function phrasesContained(index: SectionIndex, text: string, words: QueryWord[]): Map<number, number> {
  const corrected = new Map(words.map((w) => [w.surface, w.term]));
  const sequence = phraseTerms(
    tokenize(text).map((t) => (t.stop ? t : { ...t, term: corrected.get(t.surface) ?? t.term })),
  );
  const hits = new Map<number, number>();
  for (let start = 0; start < sequence.length; start++) {
    for (const { doc, terms, specificity } of index.phrases.get(sequence[start]!) ?? []) {
      if (terms.every((term, i) => sequence[start + i] === term))
        hits.set(doc, (hits.get(doc) ?? 0) + specificity);
    }
  }
  return hits;
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

/** The question as a term vector for comparing its phrasing with sample questions (typos corrected). */
function phrasingVector(index: SectionIndex, text: string, words: QueryWord[]): TermVector {
  const corrected = new Map(words.map((w) => [w.surface, w.term]));
  const tokens = tokenize(text).map((t) =>
    t.stop ? t : { term: corrected.get(t.surface) ?? t.term, stop: false },
  );
  return termVector(tokens, (t) => index.termWeight(t));
}
