/**
 * Every tuning constant of the search, in one place. The confidence model and thresholds are fitted
 * by `npm run calibrate` on the labelled questions; `npm run eval` shows what they give.
 */
export const searchConfig = {
  /** How much a match in each field of a section counts. */
  fieldWeights: {
    title: 2,
    keywords: 1,
    questions: 1,
    points: 0.5,
    code: 0.2,
    topic: 0.5,
  },
  /**
   * A section without keywords or sample questions has two fields fewer for a word to match in, so
   * beside an enriched topic it lost questions it answers best ("gorutine vs os thread" went to C#'s
   * thread section). Its BM25F score counts this many times when ranking (not in its confidence).
   */
  unenrichedLexicalBoost: 3,
  /** BM25 saturation: how fast repeated matches of a term stop adding. */
  k1: 1.2,
  /** Weight of a query word's synonyms, relative to the word itself. */
  synonymWeight: 0.5,
  /** Weight of a word found by typo correction, relative to an exact word. */
  typoWeight: 0.8,
  /** Extra weight of code identifiers (`Task.Run`, `.Result`) in a question. */
  identifierWeight: 1.3,
  /** Importance of a question word the knowledge never uses, as a share of the rarest word's. */
  unknownWordImportance: 0.45,
  /** How much resemblance to one of a section's sample questions adds to its score. */
  sampleQuestionWeight: 0.5,
  /** What covering the whole question adds to a section's score (scaled like the sample-question bonus). */
  coverageWeight: 0.5,
  /** What a title naming the question's own words adds (`what does await do` -> `await` keyword). */
  titleFocusWeight: 0.5,
  /** What containing a multi-word keyword or the title word for word adds (at most twice). */
  phraseWeight: 0.5,
  /** What naming every word of a section's title adds to its score, as a share of the rarest word's idf. */
  fullTitleWeight: 1,
  /** Words used by more than `share` of the sections, in a base of at least `minSections`, are not scanned. */
  ubiquitousTerms: { minSections: 64, share: 0.5 },
  /** What asking (almost) exactly one of a section's sample questions adds, rising from 85% resemblance. */
  sameQuestionWeight: 1,
  /** Sections scored in full per question (the rest are ranked by BM25 alone). */
  rerankDepth: 30,
  /** Alternatives returned beside the answer. */
  maxSuggestions: 3,
  /** Logistic model from match features to confidence (see confidence.ts), fitted by `npm run calibrate`. */
  confidenceModel: {
    bias: -4.14,
    weights: {
      coverage: 2.25,
      knownCoverage: 0.61,
      unknownShare: -1.75,
      sampleSimilarity: 1.85,
      titleCoverage: 1.06,
      titleFocus: 0.77,
      phraseMatch: 0.88,
      lead: 0.2,
      support: 3.71,
      typoShare: -0.23,
      anchored: 2.07,
      enriched: -0.82,
    },
  },
  /**
   * Confidence is at most `base + perLead * lead`: a section scoring within a few percent of the next
   * one is offered as "did you mean" (at the 0.65 answer threshold it needs a 1.5% lead to be answered).
   */
  nearTie: { base: 0.5, perLead: 10 },
  /** Confidence needed to answer; between `suggest` and `answer` the bot asks "did you mean". */
  thresholds: {
    answer: 0.65,
    suggest: 0.2,
  },
};
