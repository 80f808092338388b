/** Outcomes worth learning from: what the bot could not answer well. */
export type LearningEventType = 'unanswered' | 'suggested' | 'suggestion-picked' | 'not-helpful' | 'helpful';

export interface LearningEvent {
  type: LearningEventType;
  question: string;
  /** Raw user id; the log hashes it before anything is written. */
  userId: string;
  /** `topicId/sectionId` of the section concerned (shown, picked or rated), when there is one. */
  entry?: string;
  /** The "did you mean" entries offered, for `suggested`. */
  offered?: string[];
  /** Languages or tools the question asked about that no topic covers (`Java`), for `unanswered`. */
  languages?: string[];
}

/** Where front ends report outcomes. Recording never throws and never blocks an answer. */
export interface LearningLog {
  record(event: LearningEvent): void;
}
