import { report } from './evaluate.js';
import { figuresOf } from './formatCrossValidation.js';
import type { LearningFold } from './learningFromUse.js';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** Before → after, for answered right and confidently wrong. */
function change(pair: LearningFold['askedAgain']): string {
  const [before, after] = [figuresOf(pair.before), figuresOf(pair.after)];
  const right = `${pct(before.answeredRight)} → ${pct(after.answeredRight)}`;
  return `${right.padStart(20)} ${`${before.wrongCount} → ${after.wrongCount}`.padStart(7)}`;
}

/** Per topic and pooled: sample questions learned, then the questions asked again and the new ones. */
export function formatLearningFromUse(folds: readonly LearningFold[], title: string): string {
  const header = `${'topic'.padEnd(22)} ${'learned'.padStart(7)}  ${'asked again: right'.padStart(20)} ${'wrong'.padStart(7)}  ${'new questions: right'.padStart(20)} ${'wrong'.padStart(7)}`;
  const row = (name: string, learned: number, f: Pick<LearningFold, 'askedAgain' | 'newQuestions'>) =>
    `${name.padEnd(22)} ${String(learned).padStart(7)}  ${change(f.askedAgain)}  ${change(f.newQuestions)}`;
  const pool = (pick: (f: LearningFold) => LearningFold['askedAgain']) => ({
    before: report(folds.flatMap((f) => pick(f).before.outcomes)),
    after: report(folds.flatMap((f) => pick(f).after.outcomes)),
  });
  return [
    title,
    header,
    ...folds.map((f) => row(f.topic, f.learned, f)),
    row(
      'all, pooled',
      folds.reduce((n, f) => n + f.learned, 0),
      { askedAgain: pool((f) => f.askedAgain), newQuestions: pool((f) => f.newQuestions) },
    ),
  ].join('\n');
}
