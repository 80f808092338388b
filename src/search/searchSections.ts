import { confidenceOf } from './confidence.js';
import { languagesMentioned } from './languageMentions.js';
import { normalizeText } from './normalizeText.js';
import { searchConfig } from './searchConfig.js';
import {
  cosine,
  termVector,
  withoutLanguageNames,
  type IndexedSection,
  type SectionIndex,
  type TermVector,
} from './SectionIndex.js';
import { synonymsOf } from './synonyms.js';
import { negatedTerm, tokenize } from './tokenize.js';
import type { TypoCorrector } from './TypoCorrector.js';

/** One way a question word can match: itself, its typo correction, or a synonym. */
interface Alternative {
  term: string;
  weight: number;
}

/** A content word of the question with everything it may match. */
interface QueryWord {
  surface: string;
  /** The term it was read as: itself, or its typo correction. */
  term: string;
  importance: number;
  alternatives: Alternative[];
}

export interface ScoredSection extends IndexedSection {
  doc: number;
  score: number;
  /** BM25F score before the sample-question bonus. */
  lexicalScore: number;
  /** Share of the question's importance this section covers, in [0, 1]. */
  coverage: number;
  /** Best resemblance to one of the section's sample questions, in [0, 1]. */
  sampleSimilarity: number;
  confidence: number;
}

export interface SearchResult {
  ranked: ScoredSection[];
  /** Languages the question names that no topic is about (`Java` when only C# is known). */
  unknownLanguages: string[];
  /** The question had no word to search for. */
  empty: boolean;
}

/** Ranks every section for a question and gives the best ones a calibrated confidence. */
export function searchSections(
  index: SectionIndex,
  typos: TypoCorrector,
  question: string,
  limit = 4,
): SearchResult {
  const text = normalizeText(question);
  const mentioned = languagesMentioned(text);
  const allowedTopics = topicsFor(index, mentioned);
  const unknownLanguages = allowedTopics ? [] : [...mentioned];
  const searchable = withoutLanguageNames(text);
  const words = queryWords(index, typos, searchable);
  if (words.length === 0 || !allowedTopics)
    return { ranked: [], unknownLanguages, empty: words.length === 0 };

  const totalImportance = words.reduce((sum, w) => sum + w.importance, 0);
  const scores = new Map<number, { score: number; covered: number }>();
  for (const word of words) {
    const best = new Map<number, { contribution: number; credit: number }>();
    for (const alt of word.alternatives) {
      for (const { doc, weight } of index.postingsOf(alt.term)) {
        const contribution = alt.weight * weight;
        const previous = best.get(doc);
        if (!previous || contribution > previous.contribution)
          best.set(doc, { contribution, credit: Math.min(1, alt.weight) });
      }
    }
    for (const [doc, { contribution, credit }] of best) {
      const entry = scores.get(doc) ?? { score: 0, covered: 0 };
      entry.score += contribution;
      entry.covered += word.importance * credit;
      scores.set(doc, entry);
    }
  }

  const questionVector = phrasingVector(index, searchable, words);
  const candidates = [...scores]
    .filter(([doc]) => !allowedTopics.size || allowedTopics.has(index.entries[doc]!.topic.id))
    .sort((a, b) => b[1].score - a[1].score)
    .slice(0, searchConfig.rerankDepth)
    .map(([doc, { score, covered }]) => {
      const sampleSimilarity = bestSampleSimilarity(index.sampleQuestions[doc]!, questionVector);
      const bonus =
        searchConfig.sampleQuestionWeight *
        sampleSimilarity *
        sampleSimilarity *
        Math.max(totalImportance, index.maxIdf);
      return {
        ...index.entries[doc]!,
        doc,
        score: score + bonus,
        lexicalScore: score,
        coverage: covered / totalImportance,
        sampleSimilarity,
      };
    })
    .sort((a, b) => b.score - a.score);

  const ranked = candidates.slice(0, limit).map((candidate, i) => ({
    ...candidate,
    confidence: confidenceOf(candidate, i === 0 ? candidates[1] : candidates[0], i === 0),
  }));
  return { ranked, unknownLanguages, empty: false };
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
      ? { term: token.term, weight: base }
      : undefined;
    if (!known && token.identifier && token.term.includes('.')) continue; // its parts carry it
    if (!known && token.surface.startsWith('un') && token.surface.length > 5) {
      // "unawaited" reads as "not awaited"
      const rest = tokenize(token.surface.slice(2))[0];
      if (rest && index.has(negatedTerm(rest.term))) known = { term: negatedTerm(rest.term), weight: base };
      else if (rest && index.has(rest.term))
        known = { term: rest.term, weight: base * searchConfig.synonymWeight };
    }
    if (!known) {
      const fix = typos.correct(token.surface);
      const term = fix ? index.vocabulary.get(fix.word) : undefined;
      if (term) known = { term, weight: base * searchConfig.typoWeight };
    }
    const root = known?.term ?? token.term;
    const alternatives: Alternative[] = known ? [known] : [];
    for (const synonym of synonymsOf(root)) {
      if (index.has(synonym)) alternatives.push({ term: synonym, weight: searchConfig.synonymWeight });
    }
    const importance = known
      ? index.idf(known.term)
      : alternatives.length
        ? index.idf(alternatives[0]!.term)
        : searchConfig.unknownWordImportance * index.maxIdf;
    byTerm.set(token.term, { surface: token.surface, term: root, importance, alternatives });
  }
  return [...byTerm.values()];
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
