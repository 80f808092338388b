import { copyFile, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/answer/loadEngine.js';
import { evaluate, ratio, readLabelledQuestions } from '../../src/eval/evaluate.js';

// The shipped knowledge must meet the targets: 95% in-domain top-1 and 90% off-topic rejection.
// The other floors sit at the figures measured when they were set (see `npm run eval`): a drop is a regression.
describe('accuracy on labelled questions', () => {
  it('shipped knowledge: in-domain top-1, answers given, off-topic rejection', async () => {
    const report = evaluate(
      await loadEngine('knowledge'),
      await readLabelledQuestions('test/eval/questions.jsonl'),
    );
    expect(report.inDomain).toBeGreaterThanOrEqual(150);
    expect(ratio(report.top1, report.inDomain)).toBeGreaterThanOrEqual(0.95);
    expect(ratio(report.offTopicRejected, report.offTopic)).toBeGreaterThanOrEqual(0.9);
    expect(ratio(report.answeredCorrectly, report.inDomain)).toBeGreaterThanOrEqual(0.9);
    expect(report.confidentlyWrong).toBeLessThanOrEqual(7);
  });

  it('short questions about concepts the knowledge lacks are not answered', async () => {
    const report = evaluate(
      await loadEngine('knowledge'),
      await readLabelledQuestions('test/eval/calibration.jsonl'),
    );
    expect(ratio(report.offTopicRejected, report.offTopic)).toBeGreaterThanOrEqual(0.95);
    expect(ratio(report.answeredCorrectly, report.inDomain)).toBeGreaterThanOrEqual(0.8);
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
    expect(ratio(report.top1, report.inDomain)).toBeGreaterThanOrEqual(0.75);
    expect(report.confidentlyWrong).toBeLessThanOrEqual(6);
  });

  it('three unenriched topics beside the shipped one: answered from their own words', async () => {
    // Questions written without seeing the engine, about topics pasted as an LLM printed them.
    const report = evaluate(
      await engineBesideShipped('test/fixtures/unenriched-topics'),
      await readLabelledQuestions('test/eval/unenriched.jsonl'),
    );
    expect(report.inDomain).toBeGreaterThanOrEqual(90);
    expect(ratio(report.top1, report.inDomain)).toBeGreaterThanOrEqual(0.5);
    expect(ratio(report.offTopicRejected, report.offTopic)).toBeGreaterThanOrEqual(0.9);
    expect(report.confidentlyWrong).toBeLessThanOrEqual(12);
  });
});

/** An engine over the shipped topic and the topic files of `fixtures`. */
async function engineBesideShipped(fixtures: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'multi-eval-'));
  await copyFile('knowledge/csharp-async-await.md', path.join(dir, 'csharp-async-await.md'));
  for (const name of await readdir(fixtures)) await copyFile(path.join(fixtures, name), path.join(dir, name));
  return loadEngine(dir);
}
