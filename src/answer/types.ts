import type { Section, Topic } from '../knowledge/types.js';

/** What the engine decided to do with a question. */
export type AnswerKind = 'answer' | 'suggest' | 'none';

/**
 * Why a question got no answer (`kind` is `none`), so a front end can reply as a person would:
 * - `empty`: nothing to search for (blank, punctuation, only mentions);
 * - `thanks`: thanks or praise, not a question (a reaction fits);
 * - `complaint`: the asker says an answer missed ("wrong answer", "not what I asked"): say how to ask better;
 * - `small-talk`: greetings, laughter, chatter with no concept in it (one friendly line fits);
 * - `code-only`: only code, no words saying what the asker wants to know;
 * - `unknown-language`: it asks about a language or tool no topic covers (`unknownLanguages` names it);
 * - `not-covered`: the knowledge has nothing that answers it.
 */
export type NoAnswerReason =
  'empty' | 'thanks' | 'complaint' | 'small-talk' | 'code-only' | 'unknown-language' | 'not-covered';

export interface RankedSection {
  topic: Topic;
  section: Section;
  /** Calibrated confidence in [0, 1] that this section answers the question. */
  confidence: number;
  /**
   * Index in `section.points` of the point that answers the question best (the one to lead with);
   * null when the section has no points.
   */
  bestPoint: number | null;
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
   * the "did you mean" offers (in confidence order) when `kind` is `suggest`, empty when `none`.
   */
  suggestions: RankedSection[];
  /** Set when `kind` is `none`: why. */
  reason: NoAnswerReason | null;
  /** Display names of languages or tools the question asks about that no topic covers (`Java`). */
  unknownLanguages: string[];
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
