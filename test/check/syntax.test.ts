import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCodeExamples } from '../../src/check/checkCodeExamples.js';
import { SyntaxChecker } from '../../src/check/SyntaxChecker.js';
import { grammars } from '../../src/check/grammars.js';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge.js';
import { cleanTopic, lineOf, makeKnowledgeDir } from './knowledgeDir.js';

const checker = new SyntaxChecker();
const dirs: string[] = [];
afterAll(async () => {
  await checker.close();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function codeProblemsOf(files: Record<string, string>) {
  const dir = await makeKnowledgeDir(files);
  dirs.push(dir);
  return checkCodeExamples((await loadKnowledge(dir)).topics, checker);
}

describe('code example syntax', () => {
  it('parses every code example of the shipped knowledge cleanly', async () => {
    const { topics } = await loadKnowledge('knowledge');
    const { problems, stats } = await checkCodeExamples(topics, checker);
    expect(problems).toEqual([]);
    expect(stats.total).toBeGreaterThan(0);
    expect(stats.parsed.get('C#')).toBe(stats.total);
  });

  it('reports a missing semicolon at its line in the topic file, with the excerpt', async () => {
    const broken = cleanTopic.replace('WriteLine(turns);', 'WriteLine(turns)');
    const { problems, stats } = await codeProblemsOf({ 'widgets.md': broken });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      severity: 'error',
      line: lineOf(broken, 'WriteLine(turns)'),
      excerpt: 'Console.WriteLine(turns)',
    });
    expect(problems[0]!.file).toMatch(/widgets\.md$/);
    expect(problems[0]!.message).toMatch(/^C# syntax error in the code of section `creating-a-widget`: /);
    expect(stats.syntaxErrors).toBe(1);
  });

  it('names a missing token when the grammar can tell', async () => {
    const broken = cleanTopic.replace('int turns = 1;', 'int turns = Math.Max(1, 2;');
    const { problems } = await codeProblemsOf({ 'widgets.md': broken });
    expect(problems).toEqual([expect.objectContaining({ line: lineOf(broken, 'Math.Max(1, 2;') })]);
    expect(problems[0]!.message).toContain('missing ")"');
  });

  it('catches an unbalanced brace inside the code block', async () => {
    const broken = cleanTopic.replace(
      '          Console.WriteLine(turns);\n      }\n',
      '          Console.WriteLine(turns);\n',
    );
    const { problems } = await codeProblemsOf({ 'widgets.md': broken });
    expect(problems).toHaveLength(1);
    const fence = lineOf(broken, '```csharp');
    expect(problems[0]!.line).toBeGreaterThan(fence);
    expect(problems[0]!.line).toBeLessThan(lineOf(broken, '- **Scripting widgets**'));
  });

  it('counts code in languages without a grammar as skipped', async () => {
    const { problems, stats } = await codeProblemsOf({ 'widgets.md': cleanTopic });
    expect(problems).toEqual([]);
    expect(stats.parsed.get('C#')).toBe(1);
    expect(stats.skipped.get('python')).toBe(1);
  });

  it('selects a grammar by any of its fence names, from a data-driven registry', () => {
    for (const id of ['csharp', 'cs', 'C#']) expect(checker.grammarFor(id)?.name).toBe('C#');
    expect(checker.grammarFor('python')).toBeUndefined();
    expect(grammars.every((g) => g.wasm.endsWith('.wasm'))).toBe(true);
  });
});
