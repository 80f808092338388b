import { copyFile, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/answer/loadEngine.js';
import { evaluate, ratio, readLabelledQuestions, type EvalReport } from '../../src/eval/evaluate.js';

// The shipped knowledge must meet the targets: 95% in-domain top-1 and 90% off-topic rejection.
// The other floors sit at the figures measured when they were set (see `npm run eval`): a drop is a regression.
describe('accuracy on labelled questions', () => {
  it('shipped knowledge: in-domain top-1, answers given, off-topic rejection', async () => {
    const report = evaluate(
      await loadEngine('knowledge'),
      await readLabelledQuestions('test/eval/questions.jsonl'),
    );
    expect(report.inDomain).toBeGreaterThanOrEqual(150);
    expectFigures(report, { top1: 0.95, rejected: 0.9, answered: 0.92, wrong: 4 });
  });

  it('short questions about concepts the knowledge lacks are not answered', async () => {
    const report = evaluate(
      await loadEngine('knowledge'),
      await readLabelledQuestions('test/eval/calibration.jsonl'),
    );
    expectFigures(report, { rejected: 0.95, answered: 0.9 });
  });

  it('three topics loaded: no answer comes from the wrong topic', async () => {
    const report = evaluate(
      await engineBesideShipped('test/fixtures/multi-topic'),
      await readLabelledQuestions('test/eval/multi-topic.jsonl'),
    );
    const wrongTopic = report.outcomes.filter(
      (o) =>
        o.answer.kind === 'answer' &&
        o.question.expect.length &&
        !o.question.expect.some((e) => e.split('/')[0] === o.pick!.split('/')[0]),
    );
    expect(wrongTopic.map((o) => o.question.question)).toEqual([]);
    expectFigures(report, { top1: 0.75, wrong: 6 });
  });

  it('three unenriched topics beside the shipped one: answered from their own words', async () => {
    // Questions written without seeing the engine, about topics pasted as an LLM printed them.
    const report = evaluate(
      await engineBesideShipped('test/fixtures/unenriched-topics'),
      await readLabelledQuestions('test/eval/unenriched.jsonl'),
    );
    expect(report.inDomain).toBeGreaterThanOrEqual(90);
    expectFigures(report, { top1: 0.5, rejected: 0.9, wrong: 12 });
  });
});

/** Floors: shares of in-domain top-1, off-topic rejected and answered right; a ceiling on confident wrong answers. */
function expectFigures(
  report: EvalReport,
  floors: { top1?: number; rejected?: number; answered?: number; wrong?: number },
) {
  const figures = {
    top1: ratio(report.top1, report.inDomain),
    rejected: ratio(report.offTopicRejected, report.offTopic),
    answered: ratio(report.answeredCorrectly, report.inDomain),
  };
  for (const key of ['top1', 'rejected', 'answered'] as const) {
    const floor = floors[key];
    if (floor !== undefined) expect(figures[key], key).toBeGreaterThanOrEqual(floor);
  }
  if (floors.wrong !== undefined) expect(report.confidentlyWrong, 'wrong').toBeLessThanOrEqual(floors.wrong);
}

/** An engine over the shipped topic and the topic files of `fixtures`. */
async function engineBesideShipped(fixtures: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'multi-eval-'));
  await copyFile('knowledge/csharp-async-await.md', path.join(dir, 'csharp-async-await.md'));
  for (const name of await readdir(fixtures)) await copyFile(path.join(fixtures, name), path.join(dir, name));
  return loadEngine(dir);
}
