/**
 * The named match features of one (question, section) pair, each in [0, 1]. One fitted model over
 * them (engineOptions.model) both ranks sections and gives the confidence: a section's score is
 * `bias + Σ weight·feature`, and its confidence is its share of `exp(score)` among every candidate of
 * the question and "none of them" (score 0), so a near tie or a crowd of rivals lowers it.
 */
export interface MatchFeatures {
  /** The topic's routing evidence as a share of the best-routed topic's (1 for the best; words few topics use count most). */
  topicShare: number;
  /** The section's BM25F score as a share of what a perfect match of every question word would score in its topic. */
  bm25Share: number;
  /** Share of the question's identifiers that the topic uses (`Task.WhenAll`) which the section mentions. */
  identifierMatch: number;
  /** Share of the question's identifiers (`Task.Yield`, `asyncio.gather`) that the topic uses at all. */
  topicIdentifiers: number;
  /** Share of the question's pairs of neighbouring words ("borrow checker") the section has side by side. */
  pairMatch: number;
  /**
   * How much more the question's phrasing resembles the section's title ("it" read as the topic's
   * name) than the best other title of its topic, in [-1, 1]: the title that reads most like the
   * question leads by what sets it apart. Titles only, so that it means the same in a topic with sample
   * questions and one without; a sample question counts when the question is one of them
   * (engineOptions.sampleQuestion).
   */
  phrasingMargin: number;
  /**
   * For the topic's overview section (its first whose title names the topic alone, "What a decorator
   * is"), the share of what the topic knows of the question that is the topic's own name; 0 elsewhere.
   */
  overview: number;
  /**
   * Share of the question's words, weighted as in bm25Share's perfect match, that the section's
   * best-matching point holds: words asked together should be answered together, not scattered
   * over a section's points.
   */
  pointMatch: number;
  /** How much the question asks that the topic knows: its known words' importance, 1 - e^-sum. */
  knownEvidence: number;
}

export type FeatureName = keyof MatchFeatures;

export const FEATURE_NAMES = [
  'topicShare',
  'bm25Share',
  'identifierMatch',
  'topicIdentifiers',
  'pairMatch',
  'phrasingMargin',
  'knownEvidence',
  'overview',
  'pointMatch',
] as const satisfies readonly FeatureName[];
