import type { Section, Topic } from '../knowledge/types.js';

/** What the engine decided to do with a question. */
export type AnswerKind = 'answer' | 'suggest' | 'none';

export interface RankedSection {
  topic: Topic;
  section: Section;
  /** Calibrated confidence in [0, 1] that this section answers the question. */
  confidence: number;
}

/** The engine's reply to one question: plain data, no presentation. */
export interface Answer {
  /** The question as asked. */
  question: string;
  kind: AnswerKind;
  /** The section to show; set only when `kind` is `answer`. */
  match: RankedSection | null;
  /**
   * Up to three other sections: related alternatives when answering,
   * the "did you mean" offers when `kind` is `suggest`, empty when `none`.
   */
  suggestions: RankedSection[];
}

/** One entry offered by typed lookup (slash-command autocomplete). */
export interface LookupEntry {
  topic: Topic;
  section: Section;
  /** `C# async/await › await keyword` */
  label: string;
  /** Stable value that names the entry: `topicId/sectionId`. */
  value: string;
}
