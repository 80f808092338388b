import { report } from './evaluate.js';
import { figuresOf } from './formatCrossValidation.js';
import type { LearningFold } from './learningFromUse.js';

type Pair = LearningFold['askedAgain'];

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** Before → after, for answered right and confidently wrong. */
function change(pair: Pair): string {
  if (!pair.before.outcomes.length) return `${'-'.padStart(20)} ${'-'.padStart(7)}`;
  const [before, after] = [figuresOf(pair.before), figuresOf(pair.after)];
  const right = `${pct(before.answeredRight)} → ${pct(after.answeredRight)}`;
  return `${right.padStart(20)} ${`${before.wrongCount} → ${after.wrongCount}`.padStart(7)}`;
}

const COLUMNS = ['askedAgain', 'paraphrased', 'newQuestions'] as const;
const HEADINGS = { askedAgain: 'asked again', paraphrased: 'in other words', newQuestions: 'new questions' };

/**
 * Per topic and pooled: questions learned (sample questions and `notFor` ones), then, each as right before → after and wrong
 * before → after, the questions asked again, the same in other words, and the questions nobody asked.
 */
export function formatLearningFromUse(folds: readonly LearningFold[], title: string): string {
  const header = [
    `${'topic'.padEnd(22)} ${'learned'.padStart(7)}`,
    ...COLUMNS.map((c) => `${`${HEADINGS[c]}: right`.padStart(20)} ${'wrong'.padStart(7)}`),
  ].join('  ');
  const row = (name: string, learned: number, pairs: Record<(typeof COLUMNS)[number], Pair>) =>
    [`${name.padEnd(22)} ${String(learned).padStart(7)}`, ...COLUMNS.map((c) => change(pairs[c]))].join('  ');
  const pool = (c: (typeof COLUMNS)[number]): Pair => ({
    before: report(folds.flatMap((f) => f[c].before.outcomes)),
    after: report(folds.flatMap((f) => f[c].after.outcomes)),
  });
  return [
    title,
    header,
    ...folds.map((f) => row(f.topic, f.learned, f)),
    row(
      'all, pooled',
      folds.reduce((n, f) => n + f.learned, 0),
      {
        askedAgain: pool('askedAgain'),
        paraphrased: pool('paraphrased'),
        newQuestions: pool('newQuestions'),
      },
    ),
  ].join('\n');
}
