import { z } from 'zod';

/** One line of `questions.jsonl`: a learning event as stored, the user id already hashed. */
export const learningRecordSchema = z.object({
  /** ISO time the event was recorded. */
  at: z.string(),
  type: z.enum(['unanswered', 'suggested', 'suggestion-picked', 'not-helpful', 'helpful']),
  question: z.string(),
  /** Salted hash of the user id; never the raw id. */
  user: z.string(),
  entry: z.string().optional(),
  offered: z.array(z.string()).optional(),
  /** Languages or tools asked about that no topic covers (`Java`). */
  languages: z.array(z.string()).optional(),
});

export type LearningRecord = z.infer<typeof learningRecordSchema>;
