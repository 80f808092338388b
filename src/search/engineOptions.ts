import fittedModel from './data/model.json' with { type: 'json' };
import type { FeatureName } from './rank/features.js';
import type { QueryRuleName } from './query/queryRules.js';

/**
 * A linear model over the named match features: a candidate's score is `bias + Σ weight·feature`, and
 * its confidence its share of `exp(score)` among the question's candidates and "none" (score 0).
 */
export interface ConfidenceModel {
  bias: number;
  weights: Record<FeatureName, number>;
}

/**
 * Every default of the engine, in one object. `ConceptEngine.build(knowledge, options)` takes a partial
 * copy, so evaluation and calibration vary them without editing source. The confidence model and the
 * thresholds are fitted by `npm run calibrate -- --write` (src/search/data/model.json).
 */
export interface EngineOptions {
  /**
   * How much a match in each field of a section counts (BM25F). A sample question (one a user asked
   * and then picked the section for, or the maintainer wrote) says what the section answers as surely
   * as its title does.
   */
  fieldWeights: { title: number; keywords: number; questions: number; points: number; code: number };
  /** BM25 saturation (k1) and length normalisation (b). */
  bm25: { k1: number; b: number };
  /** Query rules, switchable one by one (see query/queryRules.ts). */
  rules: Record<QueryRuleName, boolean>;
  /** Features left out of the model (as if their weight were 0): for ablation. */
  disabledFeatures: FeatureName[];
  model: ConfidenceModel;
  /** Confidence needed to answer; from `suggest` up the bot offers "did you mean". */
  thresholds: { answer: number; suggest: number };
  /** Topics scored in full per question, best routed first. */
  maxTopics: number;
  /**
   * Topics whose routing evidence is less than this share of the best-routed topic's are not scored:
   * they explain too little of the question to answer it, and as rivals they would only thin the
   * confidence of the topic that does (so an unrelated topic added to the knowledge moves no answer).
   */
  minTopicShare: number;
  /** Sections scored in full per topic, best by BM25F first. */
  sectionsPerTopic: number;
  /** Alternatives returned beside the answer. */
  maxSuggestions: number;
  /**
   * A question that resembles one of a section's sample questions this much (cosine of phrasings) is
   * taken as asked of that section: its score rises by `boost`, so the maintainer's enrichment holds
   * whatever the fitted model says (`npm run check` asks every sample question).
   */
  sampleQuestion: { similarity: number; boost: number };
}

export const defaultEngineOptions: EngineOptions = {
  fieldWeights: { title: 3, keywords: 2, questions: 3, points: 1, code: 0.5 },
  bm25: { k1: 1.2, b: 0.5 },
  rules: {
    questionFocus: true,
    chatterWords: true,
    negation: true,
    backgroundLanguage: true,
    spellingVariants: true,
    typos: true,
    codeIdentifiers: true,
  },
  disabledFeatures: [],
  model: fittedModel.model as ConfidenceModel,
  thresholds: fittedModel.thresholds,
  maxTopics: 4,
  minTopicShare: 0.7,
  sectionsPerTopic: 12,
  maxSuggestions: 3,
  sampleQuestion: { similarity: 0.9, boost: 8 },
};

/** The defaults with some options replaced (nested objects merged one level deep). */
export function engineOptions(overrides: Partial<EngineOptions> = {}): EngineOptions {
  const base = defaultEngineOptions;
  return {
    ...base,
    ...overrides,
    fieldWeights: { ...base.fieldWeights, ...overrides.fieldWeights },
    bm25: { ...base.bm25, ...overrides.bm25 },
    rules: { ...base.rules, ...overrides.rules },
    thresholds: { ...base.thresholds, ...overrides.thresholds },
    sampleQuestion: { ...base.sampleQuestion, ...overrides.sampleQuestion },
  };
}
