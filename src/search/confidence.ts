import { searchConfig } from './searchConfig.js';

/** What is known about how well one section matches a question, each in [0, 1]. */
export interface MatchFeatures {
  /** Share of the question's importance the section covers (unknown words count against it). */
  coverage: number;
  /** The same, counting only words the knowledge uses. */
  knownCoverage: number;
  /** Share of the question's importance in words the knowledge never uses. */
  unknownShare: number;
  /** Best resemblance to one of the section's sample questions. */
  sampleSimilarity: number;
  /** Share of the section title's words the question names. */
  titleCoverage: number;
  /** Share of the question's known words that the section title names. */
  titleFocus: number;
  /** 1 when the question contains one of the section's multi-word keywords (or its title) word for word. */
  phraseMatch: number;
  /** How far the section's score stands above the next one's, relative to its own. */
  lead: number;
  /** The section's BM25F score on a saturating scale: one passing mention is weak, many strong matches strong. */
  support: number;
  /** Share of the matched importance that needed a typo correction. */
  typoShare: number;
  /** 1 when the question uses one of the topic's core words (its title's, or those most sections use). */
  anchored: number;
  /** 1 when the section has sample questions to compare phrasings with. */
  enriched: number;
}

export const FEATURE_NAMES = [
  'coverage',
  'knownCoverage',
  'unknownShare',
  'sampleSimilarity',
  'titleCoverage',
  'titleFocus',
  'phraseMatch',
  'lead',
  'support',
  'typoShare',
  'anchored',
  'enriched',
] as const satisfies readonly (keyof MatchFeatures)[];

/**
 * Confidence in [0, 1] that a section answers the question: a logistic model over the match
 * features (weights fitted on labelled questions by `npm run calibrate`), at most what
 * `nearTie` allows when the next section scores about the same.
 */
export function confidenceOf(features: MatchFeatures, model = searchConfig.confidenceModel): number {
  let z = model.bias;
  for (const name of FEATURE_NAMES) z += model.weights[name] * features[name];
  // A near tie with the next section is a coin toss between them, however well both match.
  const { base, perLead } = searchConfig.nearTie;
  return Math.min(1 / (1 + Math.exp(-z)), base + perLead * Math.max(0, features.lead));
}
