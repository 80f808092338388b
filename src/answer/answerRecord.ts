import type { Answer, RankedSection } from './types.js';

/** One ranked section as the command line's JSON contract spells it (see DESIGN.md). */
export interface SectionRecord {
  topic: string;
  topicTitle: string;
  id: string;
  title: string;
  confidence: number;
}

export interface AnswerRecord {
  question: string;
  match: SectionRecord | null;
  suggestions: SectionRecord[];
}

export function toAnswerRecord(answer: Answer): AnswerRecord {
  return {
    question: answer.question,
    match: answer.match && toSectionRecord(answer.match),
    suggestions: answer.kind === 'suggest' ? answer.suggestions.map(toSectionRecord) : [],
  };
}

function toSectionRecord({ topic, section, confidence }: RankedSection): SectionRecord {
  return {
    topic: topic.id,
    topicTitle: topic.title,
    id: section.id,
    title: section.title,
    confidence: round(confidence),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
