import { ratio, report, type EvalReport, type Outcome } from './evaluate.js';
import type { CrossValidation } from './leaveOneTopicOut.js';

/** The held-out figures of one topic (or a pool): what every table of `npm run eval` shows. */
export interface Figures {
  questions: number;
  inDomain: number;
  answeredRight: number;
  top1: number;
  /** Confidently wrong answers as a share of all questions. */
  confidentlyWrong: number;
  wrongCount: number;
  /** Questions to decline (uncovered or off-topic) that were not answered. */
  declined: number;
  toDecline: number;
}

export function figuresOf(report: EvalReport): Figures {
  return {
    questions: report.outcomes.length,
    inDomain: report.inDomain,
    answeredRight: ratio(report.answeredCorrectly, report.inDomain),
    top1: ratio(report.top1, report.inDomain),
    confidentlyWrong: ratio(report.confidentlyWrong, report.outcomes.length),
    wrongCount: report.confidentlyWrong,
    declined: ratio(report.offTopicRejected, report.offTopic),
    toDecline: report.offTopic,
  };
}

/**
 * Share of the in-domain questions answered right when the answer threshold is the lowest that keeps
 * confidently wrong answers within `wrongShare` of all questions, chosen on these very outcomes: a
 * figure that does not depend on how well a threshold was fitted, to compare engines at one bluff rate.
 */
export function rightAtWrongShare(outcomes: readonly Outcome[], wrongShare: number): number {
  const rows = outcomes
    .map((o) => ({
      confidence: (o.answer.match ?? o.answer.suggestions[0])?.confidence ?? 0,
      correct: o.correct,
    }))
    .sort((a, b) => b.confidence - a.confidence);
  const inDomain = outcomes.filter((o) => o.question.expect.length > 0).length;
  let right = 0;
  let wrong = 0;
  let best = 0;
  for (const row of rows) {
    if (row.correct) right++;
    else wrong++;
    if (wrong <= wrongShare * outcomes.length) best = Math.max(best, right);
  }
  return inDomain ? best / inDomain : 1;
}

/** Mean and worst topic of the per-topic answered-right figures. */
export function summaryOf(cv: CrossValidation): { mean: number; worst: { topic: string; value: number } } {
  const values = cv.folds.map((f) => ({ topic: f.topic, value: figuresOf(f.report).answeredRight }));
  const mean = values.reduce((sum, v) => sum + v.value, 0) / Math.max(1, values.length);
  const worst = values.reduce((a, b) => (b.value < a.value ? b : a), values[0] ?? { topic: '-', value: 1 });
  return { mean, worst };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(6);

/** The per-topic table of a cross-validation, then the off-topic line, the pool, mean and worst. */
export function formatCrossValidation(cv: CrossValidation, title: string): string {
  const header = `${'topic'.padEnd(22)} ${'qs'.padStart(4)} ${'right'.padStart(6)} ${'top-1'.padStart(6)} ${'wrong'.padStart(11)} ${'declined'.padStart(13)} ${'changed'.padStart(7)} ${'thr'.padStart(5)}`;
  const row = (name: string, f: Figures, extra = '') =>
    `${name.padEnd(22)} ${String(f.questions).padStart(4)} ${pct(f.answeredRight)} ${pct(f.top1)} ${`${pct(f.confidentlyWrong)} (${f.wrongCount})`.padStart(11)} ${`${pct(f.declined)} of ${f.toDecline}`.padStart(13)} ${extra}`;
  const lines = [title, header];
  for (const fold of cv.folds) {
    lines.push(
      row(
        fold.topic,
        figuresOf(fold.report),
        `${pct(fold.changed)} ${fold.thresholds.answer.toFixed(2).padStart(5)}`,
      ),
    );
  }
  const offTopic = cv.folds.flatMap((f) => f.offTopic.outcomes);
  if (offTopic.length) lines.push(row('(off-topic)', figuresOf(report(offTopic))));
  const { mean, worst } = summaryOf(cv);
  const changed = cv.folds.reduce((sum, f) => sum + f.changed, 0) / Math.max(1, cv.folds.length);
  lines.push(row('all, pooled', figuresOf(cv.pooled), `${pct(changed)}`));
  lines.push(
    `answered right: mean ${pct(mean).trim()} over topics, worst ${worst.topic} ${pct(worst.value).trim()}`,
  );
  return lines.join('\n');
}

/** Every held-out miss: a wrong or missing answer, or an answer to a question to decline. */
export function formatMisses(cv: CrossValidation): string {
  const misses = cv.folds.flatMap((f) => [...f.report.outcomes, ...f.offTopic.outcomes]).filter(isMiss);
  return [
    `Misses (${misses.length}): topic · what the bot did · confidence · expected :: question`,
    ...misses.map(describe),
  ].join('\n');
}

function isMiss(o: Outcome): boolean {
  return o.question.expect.length ? !(o.correct && o.answer.kind === 'answer') : o.answer.kind === 'answer';
}

function describe({ question, answer, pick }: Outcome): string {
  const confidence = (answer.match ?? answer.suggestions[0])?.confidence;
  const did = answer.kind === 'none' ? `none(${answer.reason})` : `${answer.kind} ${pick}`;
  const expected = question.expect.length ? question.expect.join('|') : 'decline';
  const text = question.question.replace(/\s+/g, ' ');
  return `  [${question.topic}] ${did} · ${confidence === undefined ? '-' : confidence.toFixed(2)} · want ${expected} :: ${text.length > 160 ? `${text.slice(0, 160)}…` : text}`;
}
