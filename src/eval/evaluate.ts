import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { ConceptEngine } from '../answer/ConceptEngine.js';
import type { Answer } from '../answer/types.js';

const labelledQuestionSchema = z.object({
  question: z.string().min(1),
  /** Acceptable `topic/section` ids; empty when the bot should not answer. */
  expect: z.array(z.string()),
  /** The topic the question was written for (blind sets), or `off-topic`; by default the first expected one's. */
  topic: z.string().optional(),
  kind: z.string().default('unlabelled'),
});
export type LabelledQuestion = z.infer<typeof labelledQuestionSchema> & { topic: string };

export const OFF_TOPIC = 'off-topic';

export async function readLabelledQuestions(file: string): Promise<LabelledQuestion[]> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  return lines.flatMap((line, i) => {
    if (!line.trim()) return [];
    const parsed = labelledQuestionSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message}`);
    const { data } = parsed;
    return [{ ...data, topic: data.topic ?? data.expect[0]?.split('/')[0] ?? OFF_TOPIC }];
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
  /** Questions the knowledge answers (some section expected). */
  inDomain: number;
  /** Questions it should decline: uncovered by the knowledge, or off-topic. */
  offTopic: number;
  /** In-domain questions whose first pick is an expected section. */
  top1: number;
  /** In-domain questions answered outright with an expected section. */
  answeredCorrectly: number;
  /** Questions answered outright with a section that is not expected (in-domain or not). */
  confidentlyWrong: number;
  /** Questions to decline that the bot did not answer outright. */
  offTopicRejected: number;
  outcomes: Outcome[];
}

export function outcomeOf(question: LabelledQuestion, answer: Answer): Outcome {
  const first = answer.match ?? answer.suggestions[0];
  const pick = first ? `${first.topic.id}/${first.section.id}` : null;
  return { question, answer, pick, correct: pick !== null && question.expect.includes(pick) };
}

export function evaluate(engine: ConceptEngine, questions: LabelledQuestion[]): EvalReport {
  return report(questions.map((question) => outcomeOf(question, engine.ask(question.question))));
}

/** The figures of a set of outcomes. */
export function report(outcomes: Outcome[]): EvalReport {
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
