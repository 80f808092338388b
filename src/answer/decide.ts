import type { Answer, NoAnswerReason, RankedSection } from './types.js';

export interface Thresholds {
  /** Confidence at or above which the best section is given as the answer. */
  answer: number;
  /** Confidence at or above which sections are offered as "did you mean". */
  suggest: number;
}

/**
 * Turns ranked sections (best first) into the bot's decision: answer, suggest ("did you mean", offers
 * in confidence order), or none with `noneReason`.
 */
export function decide(
  question: string,
  ranked: RankedSection[],
  thresholds: Thresholds,
  noneReason: NoAnswerReason = 'not-covered',
  unknownLanguages: string[] = [],
): Answer {
  const [best, ...rest] = ranked;
  if (!best || best.confidence < thresholds.suggest) {
    return { question, kind: 'none', match: null, suggestions: [], reason: noneReason, unknownLanguages };
  }
  if (best.confidence >= thresholds.answer) {
    return {
      question,
      kind: 'answer',
      match: best,
      suggestions: rest.filter((r) => r.confidence > 0).slice(0, 3),
      reason: null,
      unknownLanguages,
    };
  }
  const offers = [best, ...rest.filter((r) => r.confidence >= thresholds.suggest / 2)]
    .sort((a, b) => b.confidence - a.confidence)
    .slice(0, 3);
  return { question, kind: 'suggest', match: null, suggestions: offers, reason: null, unknownLanguages };
}
