import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LearningReport } from '../../src/learn/summarizeLearning.js';

const TOPIC = 'csharp-async-await';
const at = (n: number) => `2025-01-01T00:00:${String(n).padStart(2, '0')}.000Z`;
let seconds = 0;
const line = (type: string, question: string, user: string, extra: object = {}) =>
  JSON.stringify({ at: at(seconds++ % 60), type, question, user, ...extra });

const compiler = 'what does the compiler turn my method into';
const errors = 'How do I handle errors in async code?';
/** What two bot processes (a sharded deployment) logged. */
const logs = {
  'questions.jsonl': [
    line('unanswered', 'thanks!', 'u1'),
    line('unanswered', 'cheers mate', 'u2'),
    line('unanswered', 'valorant', 'u3'),
    line('unanswered', 'how do i use async await in java', 'u1'),
    line('unanswered', 'how to use async await in javascript', 'u2'),
    line('unanswered', 'async await in java?', 'u4'),
    line('unanswered', 'how do i cancel a running task', 'u1'),
    line('suggested', compiler, 'u1', { offered: [`${TOPIC}/async-modifier`, `${TOPIC}/await-keyword`] }),
    line('suggestion-picked', compiler, 'u1', { entry: `${TOPIC}/async-modifier` }),
  ],
  'questions-shard-1.jsonl': [
    line('unanswered', 'how can I cancel a running task?', 'u5'),
    line('suggestion-picked', 'What does the compiler turn my method into?', 'u6', {
      entry: `${TOPIC}/async-modifier`,
    }),
    // Already answered with its own section (it is one of its sample questions): nothing to learn.
    line('helpful', 'what thread does my code continue on after await?', 'u6', {
      entry: `${TOPIC}/thread-behavior`,
    }),
    // Picked once for each of two sections: no proposal.
    line('suggestion-picked', 'which one should i use', 'u7', { entry: `${TOPIC}/key-rules` }),
    line('suggestion-picked', 'which one should i use', 'u8', { entry: `${TOPIC}/syntax` }),
    // Picked, then marked not helpful as often: no proposal.
    line('suggestion-picked', 'is it like a thread', 'u9', { entry: `${TOPIC}/purpose` }),
    line('not-helpful', 'is it like a thread', 'u9', { entry: `${TOPIC}/purpose` }),
    line('helpful', 'thanks!', 'u9', { entry: `${TOPIC}/purpose` }),
    // Answered with a section, and that answer marked not helpful: not to be given for it again.
    line('not-helpful', errors, 'u10', { entry: `${TOPIC}/error-handling` }),
    // Marked not helpful once and helpful once: the section stays its answer.
    line('not-helpful', 'what is fire and forget', 'u10', { entry: `${TOPIC}/fire-and-forget` }),
    line('helpful', 'what is fire and forget', 'u11', { entry: `${TOPIC}/fire-and-forget` }),
  ],
};

let dataDir: string;
let knowledgeDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'concept-bot-loop-data-'));
  knowledgeDir = await mkdtemp(path.join(tmpdir(), 'concept-bot-loop-knowledge-'));
  await cp('knowledge', knowledgeDir, { recursive: true });
  for (const [name, lines] of Object.entries(logs))
    await writeFile(path.join(dataDir, name), lines.join('\n') + '\n');
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await rm(knowledgeDir, { recursive: true, force: true });
});

function report(...args: string[]) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/report.ts', '--data', dataDir, ...args],
    {
      encoding: 'utf8',
      env: { ...process.env, KNOWLEDGE_DIR: knowledgeDir },
      timeout: 60_000,
    },
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The knowledge's answer to a question now, as `npm run ask -- --json` gives it. */
function ask(question: string): { match: { id: string } | null } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--json', question], {
    encoding: 'utf8',
    env: { ...process.env, KNOWLEDGE_DIR: knowledgeDir },
    timeout: 60_000,
  });
  return JSON.parse(run.stdout) as { match: { id: string } | null };
}

describe('npm run report: the maintainer loop', () => {
  it('reads every log in DATA_DIR, leaves chatter out and groups other languages by language', () => {
    const { status, stdout } = report('--json');
    expect(status).toBe(0);
    const json = JSON.parse(stdout) as LearningReport;
    expect(json.files.map((f) => path.basename(f))).toEqual(['questions-shard-1.jsonl', 'questions.jsonl']);
    expect(json.events).toBe(20);
    expect(json.chatter).toBe(2);
    expect(json.fragments).toEqual({ count: 1, examples: ['valorant'] });
    expect(json.otherLanguages).toEqual([
      { language: 'Java', count: 2, users: 2, questions: ['async await in java?'] }, // two wordings, one question
      { language: 'JavaScript', count: 1, users: 1, questions: ['how to use async await in javascript'] },
    ]);
    expect(json.unanswered.groups.map((g) => [g.count, [g.representative, ...g.variants].sort()])).toEqual([
      [2, ['how can I cancel a running task?', 'how do i cancel a running task']], // from both logs
      [1, [compiler]],
    ]);
  });

  it('proposes, per section, what users asked and then picked, only where it routes once added', () => {
    const json = JSON.parse(report('--json').stdout) as LearningReport;
    expect(json.proposals).toEqual([
      expect.objectContaining({
        entry: `${TOPIC}/async-modifier`,
        questions: [{ question: compiler, picked: 2, helpful: 0 }],
        unrouted: [],
        notFor: [],
      }),
      expect.objectContaining({
        entry: `${TOPIC}/error-handling`,
        questions: [],
        notFor: [{ question: errors, notHelpful: 1 }],
      }),
    ]);
    const text = report().stdout;
    expect(text).toContain(
      `  ${TOPIC}/async-modifier  (${path.join(knowledgeDir, `${TOPIC}.md`)})\n    + "${compiler}"  (picked 2x)`,
    );
    expect(text).toContain(
      `to list as its notFor (1 question):\n  ${TOPIC}/error-handling  (${path.join(knowledgeDir, `${TOPIC}.md`)})\n    - "${errors}"  (not helpful 1x)`,
    );
    expect(text).toContain("Write them into the topics' front matter with: npm run report -- --apply");
  });

  it('--apply writes them into the front matter, shows where, and runs the check', async () => {
    const file = path.join(knowledgeDir, `${TOPIC}.md`);
    const before = await readFile(file, 'utf8');
    expect(ask(errors).match?.id).toBe('error-handling');
    const { status, stdout } = report('--apply');
    expect(status).toBe(0);
    const after = await readFile(file, 'utf8');
    const added = after.split('\n').findIndex((l) => l.includes(compiler)) + 1;
    expect(added).toBeGreaterThan(0);
    expect(stdout).toContain(`${file}:${added}  + async-modifier question: "${compiler}"`);
    const rejected = after.split('\n').findIndex((l) => l.includes(errors)) + 1;
    expect(stdout).toContain(`${file}:${rejected}  + error-handling not for: "${errors}"`);
    expect(stdout).toContain('npm run check: OK: no errors');
    // Only those lines are new; the rest of the file is as it was.
    expect(after.split('\n').filter((l) => !before.split('\n').includes(l))).toEqual([
      `      - ${compiler}`,
      '    notFor:',
      `      - ${errors}`,
    ]);
    // Applied once: the one is a sample question now, the other no longer answered with that section
    // (in any case or punctuation), and nothing is left to propose.
    const again = report().stdout;
    expect(again).toMatch(/Sample questions to add[^\n]*\(0 questions\):\n {2}none/);
    expect(again).toMatch(/to list as its notFor \(0 questions\):\n {2}none/);
    for (const wording of [errors, 'how do i handle ERRORS in async code'])
      expect(ask(wording).match?.id).not.toBe('error-handling');
    expect(ask('what is fire and forget').match?.id).toBe('fire-and-forget');
  });
});
