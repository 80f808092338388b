import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { ConceptEngine } from '../answer/ConceptEngine.js';
import type { Answer } from '../answer/types.js';

const labelledQuestionSchema = z.object({
  question: z.string().min(1),
  /** Acceptable `topic/section` ids; empty when the bot should not answer. */
  expect: z.array(z.string()),
  kind: z.string().default('unlabelled'),
});
export type LabelledQuestion = z.infer<typeof labelledQuestionSchema>;

export async function readLabelledQuestions(file: string): Promise<LabelledQuestion[]> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  return lines.flatMap((line, i) => {
    if (!line.trim()) return [];
    const parsed = labelledQuestionSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message}`);
    return [parsed.data];
  });
}

export interface Outcome {
  question: LabelledQuestion;
  answer: Answer;
  /** The bot's first pick: its answer, or its first "did you mean" offer. */
  pick: string | null;
  correct: boolean;
}

export interface EvalReport {
  inDomain: number;
  offTopic: number;
  /** In-domain questions whose first pick is an expected section. */
  top1: number;
  /** In-domain questions answered outright with an expected section. */
  answeredCorrectly: number;
  /** Questions answered outright with a section that is not expected (in-domain or not). */
  confidentlyWrong: number;
  /** Off-topic questions the bot did not answer outright. */
  offTopicRejected: number;
  outcomes: Outcome[];
}

export function evaluate(engine: ConceptEngine, questions: LabelledQuestion[]): EvalReport {
  const outcomes = questions.map((question): Outcome => {
    const answer = engine.ask(question.question);
    const first = answer.match ?? answer.suggestions[0];
    const pick = first ? `${first.topic.id}/${first.section.id}` : null;
    return { question, answer, pick, correct: pick !== null && question.expect.includes(pick) };
  });
  const inDomain = outcomes.filter((o) => o.question.expect.length > 0);
  const offTopic = outcomes.filter((o) => o.question.expect.length === 0);
  return {
    inDomain: inDomain.length,
    offTopic: offTopic.length,
    top1: inDomain.filter((o) => o.correct).length,
    answeredCorrectly: inDomain.filter((o) => o.correct && o.answer.kind === 'answer').length,
    confidentlyWrong: outcomes.filter((o) => o.answer.kind === 'answer' && !o.correct).length,
    offTopicRejected: offTopic.filter((o) => o.answer.kind !== 'answer').length,
    outcomes,
  };
}

export function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}
