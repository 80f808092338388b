import type { Answer, RankedSection } from './types.js';

export interface Thresholds {
  /** Confidence at or above which the best section is given as the answer. */
  answer: number;
  /** Confidence at or above which sections are offered as "did you mean". */
  suggest: number;
}

/** Turns ranked sections into the bot's decision: answer, suggest ("did you mean"), or none. */
export function decide(question: string, ranked: RankedSection[], thresholds: Thresholds): Answer {
  const [best, ...rest] = ranked;
  if (!best || best.confidence < thresholds.suggest) {
    return { question, kind: 'none', match: null, suggestions: [] };
  }
  if (best.confidence >= thresholds.answer) {
    return {
      question,
      kind: 'answer',
      match: best,
      suggestions: rest.filter((r) => r.confidence > 0).slice(0, 3),
    };
  }
  const offers = [best, ...rest.filter((r) => r.confidence >= thresholds.suggest / 2)].slice(0, 3);
  return { question, kind: 'suggest', match: null, suggestions: offers };
}
