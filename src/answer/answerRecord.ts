import type { Answer, AnswerKind, NoAnswerReason, RankedSection } from './types.js';

/** One ranked section as the command line's JSON contract spells it (see DESIGN.md). */
export interface SectionRecord {
  topic: string;
  topicTitle: string;
  id: string;
  title: string;
  confidence: number;
  /** The point to lead with (its index in the section's points, and its Markdown); null without points. */
  bestPoint: { index: number; text: string } | null;
}

export interface AnswerRecord {
  question: string;
  match: SectionRecord | null;
  suggestions: SectionRecord[];
  kind: AnswerKind;
  /** Why there is no answer, when `kind` is `none`. */
  reason: NoAnswerReason | null;
  /** Languages or tools asked about that no topic covers. */
  unknownLanguages: string[];
}

export function toAnswerRecord(answer: Answer): AnswerRecord {
  return {
    question: answer.question,
    match: answer.match && toSectionRecord(answer.match),
    suggestions: answer.kind === 'suggest' ? answer.suggestions.map(toSectionRecord) : [],
    kind: answer.kind,
    reason: answer.reason,
    unknownLanguages: answer.unknownLanguages,
  };
}

function toSectionRecord({ topic, section, confidence, bestPoint }: RankedSection): SectionRecord {
  return {
    topic: topic.id,
    topicTitle: topic.title,
    id: section.id,
    title: section.title,
    confidence: round(confidence),
    bestPoint: bestPoint === null ? null : { index: bestPoint, text: section.points[bestPoint]! },
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
