import type { Section, Topic } from '../knowledge/types.js';
import type { ConfidenceModel, EngineOptions } from './engineOptions.js';
import type { KnowledgeIndex } from './index/KnowledgeIndex.js';
import { languagesRelated } from './languageMentions.js';
import { analyzeQuery } from './query/analyzeQuery.js';
import type { Query } from './query/Query.js';
import { FEATURE_NAMES, type MatchFeatures } from './rank/features.js';
import { scoreTopic } from './rank/scoreTopic.js';

export interface ScoredSection {
  topic: Topic;
  section: Section;
  features: MatchFeatures;
  /** The model's score: what ranks sections. */
  score: number;
  /** Calibrated confidence that the section answers the question (see scoreCandidates). */
  confidence: number;
  bestPoint: number | null;
}

export interface SearchResult {
  /** Best first. */
  ranked: ScoredSection[];
  query: Query;
  /** Languages the question asks about (as its subject) that no topic covers; set when that is why nothing ranks. */
  unknownLanguages: string[];
  /** The question has no word to search for. */
  empty: boolean;
}

/**
 * Answers "which sections answer this question, and how surely" in two stages. First the topics:
 * those about the language the question names (if any), ranked by how much of the question their
 * vocabulary covers. Then, within each of the best `maxTopics`, the sections, scored with that topic's
 * own statistics (rank/scoreTopic.ts). One fitted model turns every section's features into a score,
 * which ranks, and a confidence: the section's share among all candidates and "none of them".
 */
export function searchKnowledge(
  index: KnowledgeIndex,
  question: string,
  options: EngineOptions,
  limit: number,
): SearchResult {
  const gathered = gatherCandidates(index, question, options);
  const ranked = rankCandidates(index.topics, gathered.candidates, options.model, options.disabledFeatures);
  return { ...gathered, ranked: ranked.slice(0, limit) };
}

/** Candidates scored by a model, as ranked sections, best first. */
export function rankCandidates(
  topics: readonly Topic[],
  candidates: readonly Candidate[],
  model: ConfidenceModel,
  disabled: readonly string[] = [],
): ScoredSection[] {
  return scoreCandidates(candidates, model, disabled).map(({ candidate, score, confidence }) => {
    const topic = topics[candidate.topic]!;
    return {
      topic,
      section: topic.sections[candidate.section]!,
      features: candidate.features,
      score,
      confidence,
      bestPoint: candidate.bestPoint,
    };
  });
}

/** A section worth scoring for a question: its topic's position, and the features that do not depend on rivals. */
export interface Candidate {
  topic: number;
  section: number;
  features: MatchFeatures;
  bestPoint: number | null;
}

/** The question as read, and every candidate section of the topics it is routed to (before the model). */
export function gatherCandidates(
  index: KnowledgeIndex,
  question: string,
  options: EngineOptions,
): Omit<SearchResult, 'ranked'> & { candidates: Candidate[] } {
  const query = analyzeQuery(question, index.context, options.rules);
  const asked = [...new Set(query.languages.filter((m) => !m.comparative).map((m) => m.language))];
  const allowed = allowedTopics(index, asked);
  if (allowed.length === 0) return { candidates: [], query, unknownLanguages: asked, empty: false };
  if (!query.words.some((w) => !w.intent))
    return { candidates: [], query, unknownLanguages: [], empty: true };
  const candidates: Candidate[] = [];
  for (const position of routeTopics(index, query, allowed, options.maxTopics)) {
    const topic = index.indexes[position]!;
    const named = asked.some((a) => topic.languages.some((l) => languagesRelated(a, l)));
    for (const match of scoreTopic(topic, query, options.sectionsPerTopic, named).matches)
      candidates.push({
        topic: position,
        section: match.section,
        features: match.features,
        bestPoint: match.bestPoint,
      });
  }
  return { candidates, query, unknownLanguages: [], empty: false };
}

/**
 * Scores candidates with the model, best first: each one's score, and its confidence, its share of
 * `exp(score)` among all the candidates and "none of them" (whose score is 0).
 */
export function scoreCandidates(
  candidates: readonly Candidate[],
  model: ConfidenceModel,
  disabled: readonly string[] = [],
): { candidate: Candidate; score: number; confidence: number }[] {
  const scores = candidates.map((c) => logit(model, c.features, disabled));
  const top = Math.max(0, ...scores);
  let total = Math.exp(-top); // "none of them"
  for (const score of scores) total += Math.exp(score - top);
  return candidates
    .map((candidate, i) => ({ candidate, score: scores[i]!, confidence: Math.exp(scores[i]! - top) / total }))
    .sort((x, y) => y.score - x.score);
}

/** Positions of the topics a question may be answered from, given the languages it asks about. */
function allowedTopics(index: KnowledgeIndex, asked: readonly string[]): number[] {
  const positions = index.indexes.map((_, i) => i);
  if (asked.length === 0) return positions;
  return positions.filter((i) => {
    const { languages } = index.indexes[i]!;
    return languages.length === 0 || asked.some((a) => languages.some((l) => languagesRelated(a, l)));
  });
}

/**
 * The allowed topics whose vocabulary covers the most of the question (importance of the words
 * they use), at most `limit`, best first. Only topics that use some question word are considered.
 */
function routeTopics(
  index: KnowledgeIndex,
  query: Query,
  allowed: readonly number[],
  limit: number,
): number[] {
  const permitted = new Set(allowed);
  const covered = new Map<number, number>();
  for (const word of query.words) {
    if (word.intent) continue;
    const best = new Map<number, number>();
    for (const alt of word.alternatives) {
      for (const position of index.termTopics.get(alt.term) ?? []) {
        if (permitted.has(position) && alt.weight > (best.get(position) ?? 0)) best.set(position, alt.weight);
      }
    }
    for (const [position, weight] of best)
      covered.set(position, (covered.get(position) ?? 0) + word.importance * Math.min(1, weight));
  }
  return [...covered]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([position]) => position);
}

/** A section's score: the model's linear function of its features (disabled features left out). */
export function logit(model: ConfidenceModel, features: MatchFeatures, disabled: readonly string[]): number {
  let z = model.bias;
  for (const name of FEATURE_NAMES) if (!disabled.includes(name)) z += model.weights[name] * features[name];
  return z;
}
