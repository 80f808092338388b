import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConceptEngine } from '../../src/answer/ConceptEngine.js';
import type { Answer, RankedSection } from '../../src/answer/types.js';
import { checkKnowledge } from '../../src/check/checkKnowledge.js';
import { checkSampleRouting } from '../../src/check/checkSampleRouting.js';
import { formatCheckReport } from '../../src/check/formatCheckReport.js';
import { SyntaxChecker } from '../../src/check/SyntaxChecker.js';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge.js';
import { cleanTopic, lineOf, makeKnowledgeDir, otherCleanTopic } from './knowledgeDir.js';

const checker = new SyntaxChecker();
const dirs: string[] = [];
afterAll(async () => {
  await checker.close();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function check(files: Record<string, string>) {
  const dir = await makeKnowledgeDir(files);
  dirs.push(dir);
  return checkKnowledge(dir, checker);
}

describe('checkKnowledge', () => {
  it('passes clean topics and summarises them', async () => {
    const report = await check({ 'widgets.md': cleanTopic, 'gadgets.md': otherCleanTopic });
    expect(report.problems).toEqual([]);
    expect(report.topics.map((t) => [t.id, t.sections, t.codeExamples])).toEqual([
      ['gadgets', 2, 0],
      ['widgets', 2, 2],
    ]);
    const text = formatCheckReport(report);
    expect(text).toContain('2 topics, 4 sections, 2 code examples');
    expect(text).toContain('1 code example in languages without a grammar: skipped (kotlin 1)');
    expect(text).toContain('OK: no errors');
  });

  it('flags a duplicate section title with its file and line, and still checks the other files', async () => {
    const duplicate = `${otherCleanTopic}- **Painting Gadgets**: again.\n`;
    const report = await check({ 'widgets.md': cleanTopic, 'gadgets.md': duplicate });
    const [problem] = report.problems;
    expect(report.problems).toHaveLength(1);
    expect(problem!.file).toMatch(/gadgets\.md$/);
    expect(problem!.line).toBe(lineOf(duplicate, '**Painting Gadgets**'));
    expect(problem!.message).toMatch(/duplicate section/);
    expect(report.loaded).toBe(false);
    expect(report.topics.map((t) => t.id)).toEqual(['widgets']);
    expect(formatCheckReport(report)).toMatch(/gadgets\.md:\d+: duplicate section/);
  });

  it('flags a section with no points', async () => {
    const empty = `${otherCleanTopic}- **Selling gadgets**:\n`;
    const report = await check({ 'gadgets.md': empty });
    expect(report.problems).toEqual([
      expect.objectContaining({ severity: 'error', line: lineOf(empty, '**Selling gadgets**') }),
    ]);
    expect(report.problems[0]!.message).toBe('section `selling-gadgets` is empty: no points and no code');
  });

  it('reports sample questions that do not route to their own section', async () => {
    const topic = `---
sections:
  painting-gadgets:
    questions:
      - which paint suits gadgets?
      - how do I keep my gadgets dry?
      - zzqx vrrbl wumpf?
---
${otherCleanTopic}`;
    const dir = await makeKnowledgeDir({ 'gadgets.md': topic });
    dirs.push(dir);
    const { topics } = await loadKnowledge(dir);
    const [painting, storing] = topics[0]!.sections;
    // A stand-in engine, so the test does not depend on the matcher's tuning.
    const routes: Record<string, Answer> = {
      'which paint suits gadgets?': answer('answer', {
        topic: topics[0]!,
        section: painting!,
        confidence: 0.9,
        bestPoint: 0,
      }),
      'how do I keep my gadgets dry?': answer('answer', {
        topic: topics[0]!,
        section: storing!,
        confidence: 0.62,
        bestPoint: 0,
      }),
      'zzqx vrrbl wumpf?': answer('none', null),
    };
    const engine = { ask: (q: string) => routes[q]! } as unknown as ConceptEngine;

    const { problems, stats } = await checkSampleRouting(topics, engine);
    expect(stats).toEqual({ total: 3, routed: 1, misrouted: 1, unsure: 1 });
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: lineOf(topic, 'keep my gadgets dry'),
        message:
          'sample question "how do I keep my gadgets dry?" of section `painting-gadgets` routes to `storing-gadgets` (62%)',
      }),
      expect.objectContaining({
        severity: 'warning',
        line: lineOf(topic, 'zzqx'),
        message:
          'sample question "zzqx vrrbl wumpf?" of section `painting-gadgets` gets no confident answer (nothing close)',
      }),
    ]);
  });
});

describe('notFor', () => {
  it('is read from the front matter, and a question listed as both sample and notFor is an error at its line', async () => {
    const topic = `---
sections:
  painting-gadgets:
    questions:
      - which paint suits gadgets?
    notFor:
      - can I paint a gadget while it is wet
      - Which paint SUITS gadgets
---
${otherCleanTopic}`;
    const report = await check({ 'gadgets.md': topic });
    const { topics } = await loadKnowledge(report.dir);
    expect(topics[0]!.sections[0]!.notFor).toEqual([
      'can I paint a gadget while it is wet',
      'Which paint SUITS gadgets',
    ]);
    expect(topics[0]!.sections[1]!.notFor).toBeUndefined();
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([
      expect.objectContaining({
        line: lineOf(topic, 'Which paint SUITS'),
        message:
          '"Which paint SUITS gadgets" is both a sample question of section `painting-gadgets` and one it is not for (notFor)',
      }),
    ]);
  });
});

function answer(kind: Answer['kind'], match: RankedSection | null): Answer {
  return {
    question: '',
    kind,
    match,
    suggestions: [],
    reason: kind === 'none' ? 'not-covered' : null,
    unknownLanguages: [],
  };
}
