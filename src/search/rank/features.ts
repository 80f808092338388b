/**
 * The named match features of one (question, section) pair, each in [0, 1]. One fitted model over
 * them (engineOptions.model) both ranks sections and gives the confidence: a section's score is
 * `bias + Σ weight·feature`, and its confidence is its share of `exp(score)` among every candidate of
 * the question and "none of them" (score 0), so a near tie or a crowd of rivals lowers it.
 */
export interface MatchFeatures {
  /** Share of the question's importance in words the section's topic uses. */
  topicCoverage: number;
  /** The topic's routing evidence as a share of the best-routed topic's (1 for the best; words few topics use count most). */
  topicShare: number;
  /** Share of that known importance the section itself matches, words the topic's sections share counting less. */
  sectionCoverage: number;
  /** The same for the section's best single point or code block. */
  passageCoverage: number;
  /** Best resemblance of the question's phrasing to the section's title or one of its sample questions. */
  phrasing: number;
  /** Share of the section title's words the question names. */
  titleCoverage: number;
  /** The section's BM25F score as a share of what a perfect match of every question word would score in its topic. */
  bm25Share: number;
  /** Share of the question's identifiers that the topic uses (`Task.WhenAll`) which the section mentions. */
  identifierMatch: number;
  /** Share of the question's identifiers (`Task.Yield`, `asyncio.gather`) that the topic uses at all. */
  topicIdentifiers: number;
  /** 1 when the question names the topic's language or tool. */
  languageNamed: number;
  /** Share of the question's pairs of neighbouring words ("borrow checker") the section has side by side. */
  pairMatch: number;
  /** How well the section matches the question's focal word: the known word that best tells the topic's sections apart. */
  focusMatch: number;
  /** 1 when the question asks for a role the section plays (a definition, what goes wrong, when to use...). */
  roleMatch: number;
  /** `bm25Share` minus the best other section of the topic's (negative when another leads), in [-1, 1]. */
  bm25Margin: number;
  /** `phrasing` minus the best other section of the topic's, in [-1, 1]. */
  phrasingMargin: number;
}

export type FeatureName = keyof MatchFeatures;

export const FEATURE_NAMES = [
  'topicCoverage',
  'topicShare',
  'sectionCoverage',
  'passageCoverage',
  'phrasing',
  'titleCoverage',
  'bm25Share',
  'identifierMatch',
  'topicIdentifiers',
  'languageNamed',
  'roleMatch',
  'pairMatch',
  'focusMatch',
  'bm25Margin',
  'phrasingMargin',
] as const satisfies readonly FeatureName[];
