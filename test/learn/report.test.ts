import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LearningReport } from '../../src/learn/summarizeLearning.js';

let dataDir: string;
const at = '2025-01-01T00:00:00.000Z';
const line = (type: string, question: string, user: string, extra: object = {}) =>
  JSON.stringify({ at, type, question, user, ...extra });

const fixture = [
  line('unanswered', 'how do i cancel a task', 'u1'),
  line('unanswered', 'how to cancel tasks?', 'u2'),
  line('unanswered', 'cancelling a task?', 'u1'),
  line('suggested', 'How do I cancel a task?', 'u3', { offered: ['cs/key-rules', 'cs/fire-and-forget'] }),
  line('unanswered', 'how do i read a file line by line', 'u1'),
  '{"this line is cut short',
  line('suggested', 'what is a deadlock', 'u2', { offered: ['cs/key-rules', 'cs/thread-behavior'] }),
  line('suggestion-picked', 'what is a deadlock', 'u2', { entry: 'cs/key-rules' }),
  line('suggestion-picked', 'How do I cancel a task?', 'u3', { entry: 'cs/key-rules' }),
  line('not-helpful', 'does await block', 'u1', { entry: 'cs/await-keyword' }),
  line('not-helpful', 'await vs wait', 'u2', { entry: 'cs/await-keyword' }),
  line('helpful', 'what does await do', 'u3', { entry: 'cs/await-keyword' }),
  line('not-helpful', 'why async', 'u3', { entry: 'cs/purpose' }),
  'not json at all',
].join('\n');

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'concept-bot-report-'));
  await writeFile(path.join(dataDir, 'questions.jsonl'), fixture + '\n');
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

function report(...args: string[]) {
  const run = spawnSync('npx', ['tsx', 'src/cli/report.ts', ...args], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  return run.stdout;
}

describe('npm run report', () => {
  it('prints grouped unanswered questions, not-helpful sections and picked offers', () => {
    const out = report('--data', dataDir);
    expect(out).toContain('12 events (2 malformed lines skipped)');
    expect(out).toContain('Most asked questions without a confident answer (6 questions):');
    expect(out).toContain('4x  "how do i cancel a task"  (3 unanswered, 1 only got "did you mean"; 3 users)');
    expect(out).toContain('also: "cancelling a task?", "how to cancel tasks?"');
    expect(out).toContain('1x  "how do i read a file line by line"');
    expect(out).toContain('2 not helpful, 1 helpful  cs/await-keyword');
    expect(out).toContain('1 not helpful, 0 helpful  cs/purpose');
    expect(out).toContain('"Did you mean" offers picked (2 picks, 2 offers made):');
    expect(out).toContain(
      '2x picked cs/key-rules  (offered with: cs/fire-and-forget 1, cs/thread-behavior 1)',
    );
    expect(out.indexOf('cs/await-keyword')).toBeLessThan(out.indexOf('cs/purpose'));
  });

  it('prints JSON with --json', () => {
    const json = JSON.parse(report('--json', '--data', dataDir)) as LearningReport;
    expect(json.malformed).toBe(2);
    expect(json.unanswered.groups.map((g) => g.count)).toEqual([4, 1, 1]);
    expect(json.notHelpful[0]).toMatchObject({ entry: 'cs/await-keyword', notHelpful: 2, helpful: 1 });
    expect(json.offers.picks).toEqual([expect.objectContaining({ entry: 'cs/key-rules', count: 2 })]);
  });

  it('says nothing is logged yet when there is no log', () => {
    expect(report('--data', path.join(dataDir, 'nowhere'))).toMatch(/^Nothing logged yet/);
  });
});
