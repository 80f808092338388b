import type { Section, Topic } from '../knowledge/types.js';
import type { ConfidenceModel, EngineOptions } from './engineOptions.js';
import type { KnowledgeIndex } from './index/KnowledgeIndex.js';
import { bm25Idf } from './index/TopicIndex.js';
import { languagesRelated } from './languageMentions.js';
import { analyzeQuery } from './query/analyzeQuery.js';
import type { Query } from './query/Query.js';
import { FEATURE_NAMES, type MatchFeatures } from './rank/features.js';
import { scoreTopic } from './rank/scoreTopic.js';
import { sameQuestionKey } from './sameQuestionKey.js';

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
  const ranked = rankCandidates(
    index.topics,
    gathered.candidates,
    options.model,
    options.disabledFeatures,
    options.sampleQuestion.boost,
  );
  return { ...gathered, ranked: ranked.slice(0, limit) };
}

/** Candidates scored by a model, as ranked sections, best first. */
export function rankCandidates(
  topics: readonly Topic[],
  candidates: readonly Candidate[],
  model: ConfidenceModel,
  disabled: readonly string[] = [],
  sampleBoost = 0,
): ScoredSection[] {
  return scoreCandidates(candidates, model, disabled, sampleBoost).map(({ candidate, score, confidence }) => {
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
  /** The question is (almost word for word) one of the section's sample questions. */
  askedAsSample: boolean;
  /** The question is, word for word, one the section is not for (its answer to it was marked not helpful). */
  askedAsNotFor: boolean;
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
  if (query.words.length === 0) return { candidates: [], query, unknownLanguages: [], empty: true };
  const candidates: Candidate[] = [];
  let key: string | undefined;
  for (const { position, share } of routeTopics(
    index,
    query,
    allowed,
    options.maxTopics,
    options.minTopicShare,
  )) {
    const topic = index.indexes[position]!;
    const notFor = topic.notFor.size ? topic.notFor.get((key ??= sameQuestionKey(question))) : undefined;
    for (const match of scoreTopic(topic, query, options.sectionsPerTopic, share))
      candidates.push({
        topic: position,
        section: match.section,
        features: match.features,
        bestPoint: match.bestPoint,
        askedAsSample: match.sampleSimilarity >= options.sampleQuestion.similarity,
        askedAsNotFor: notFor?.includes(match.section) ?? false,
      });
  }
  return { candidates, query, unknownLanguages: [], empty: false };
}

/**
 * Scores candidates with the model, best first: each one's score, and its confidence, its share of
 * `exp(score)` among all the candidates and "none of them" (whose score is 0). A candidate asked
 * (almost) as one of its sample questions scores `sampleBoost` more: the maintainer said it answers that;
 * one asked as a question it is not for scores `sampleBoost` less.
 */
export function scoreCandidates(
  candidates: readonly Candidate[],
  model: ConfidenceModel,
  disabled: readonly string[] = [],
  sampleBoost = 0,
): { candidate: Candidate; score: number; confidence: number }[] {
  const scores = candidates.map(
    (c) =>
      logit(model, c.features, disabled) +
      (c.askedAsSample ? sampleBoost : 0) -
      (c.askedAsNotFor ? sampleBoost : 0),
  );
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

/** Weight of a word every topic uses in routing, beside one that names a single topic. */
const SHARED_WORD_FLOOR = 0.1;
/** How much more a word of a topic's own name ("join" for SQL joins) says the question is about that topic. */
const NAME_WORD_ROUTING = 2;

/**
 * The allowed topics that explain the question best, at most `limit`, best first, each with its share
 * of the best one's evidence. A topic's evidence is the importance of the question words it uses,
 * each weighted by how few topics use it (a word only this topic uses says the most) and doubled where
 * it is a word of the topic's own name. Only topics that use some question word are considered, and
 * only those with at least `minShare` of the best one's evidence are kept: a topic that explains much
 * less of the question than another is no rival for it, so adding one cannot move its answer.
 */
function routeTopics(
  index: KnowledgeIndex,
  query: Query,
  allowed: readonly number[],
  limit: number,
  minShare: number,
): { position: number; share: number }[] {
  const topicCount = index.indexes.length;
  // Arrays by topic position rather than Maps: a common word is used by nearly every topic.
  const permitted = new Uint8Array(topicCount);
  for (const position of allowed) permitted[position] = 1;
  const evidence = new Float64Array(topicCount);
  const evidenced = new Uint8Array(topicCount);
  /** The word's best alternative weight per topic; set back to 0 once added to the evidence. */
  const best = new Float64Array(topicCount);
  for (const word of query.words) {
    let using = 0;
    for (const alt of word.alternatives) {
      const positions = index.termTopics.get(alt.term) ?? NO_TOPICS;
      using = Math.max(using, positions.length);
      for (const position of positions) {
        if (permitted[position] && alt.weight > best[position]!) best[position] = alt.weight;
      }
    }
    const specificity = SHARED_WORD_FLOOR + bm25Idf(topicCount, using) / bm25Idf(topicCount, 1);
    for (const alt of word.alternatives) {
      for (const position of index.termTopics.get(alt.term) ?? NO_TOPICS) {
        const weight = best[position]!;
        if (!(weight > 0)) continue;
        const named = index.nameTerms[position]!.has(alt.term) ? NAME_WORD_ROUTING : 1;
        evidence[position] =
          evidence[position]! + word.importance * Math.min(1, weight) * specificity * named;
        evidenced[position] = 1;
        best[position] = 0;
      }
    }
  }
  const ranked = bestTopics(evidence, evidenced, limit);
  const top = ranked.length ? evidence[ranked[0]!]! : 1;
  return ranked
    .map((position) => ({ position, share: evidence[position]! / top }))
    .filter((r) => r.share >= minShare);
}

const NO_TOPICS: readonly number[] = [];

/** The `limit` evidenced positions with the most evidence, best first (the lower position first on a tie). */
function bestTopics(evidence: Float64Array, evidenced: Uint8Array, limit: number): number[] {
  const top: number[] = [];
  for (let position = 0; position < evidence.length; position++) {
    if (!evidenced[position]) continue;
    // Positions come in increasing order, so one ranks before another only with more evidence.
    let at = top.length;
    while (at > 0 && evidence[position]! > evidence[top[at - 1]!]!) at--;
    if (at >= limit) continue;
    top.splice(at, 0, position);
    if (top.length > limit) top.pop();
  }
  return top;
}

/** A section's score: the model's linear function of its features (disabled features left out). */
export function logit(model: ConfidenceModel, features: MatchFeatures, disabled: readonly string[]): number {
  let z = model.bias;
  for (const name of FEATURE_NAMES) if (!disabled.includes(name)) z += model.weights[name] * features[name];
  return z;
}
