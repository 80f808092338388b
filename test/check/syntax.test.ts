import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCodeExamples } from '../../src/check/checkCodeExamples.js';
import { SyntaxChecker } from '../../src/check/SyntaxChecker.js';
import { grammars } from '../../src/check/grammars.js';
import { codeLanguages } from '../../src/knowledge/codeLanguages.js';
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
    expect(stats.skipped.get('kotlin')).toBe(1);
  });

  it('selects a grammar by any of its fence names, from the one list of fence names', () => {
    for (const id of ['csharp', 'cs', 'C#']) expect(checker.grammarFor(id)?.name).toBe('C#');
    for (const [fence, name] of [
      ['py', 'Python'],
      ['js', 'JavaScript'],
      ['ts', 'TypeScript'],
      ['tsx', 'TSX'],
      ['rs', 'Rust'],
      ['golang', 'Go'],
      ['java', 'Java'],
      ['sh', 'Bash'],
    ]) {
      expect(checker.grammarFor(fence!)?.name, fence).toBe(name);
    }
    expect(checker.grammarFor('kotlin')).toBeUndefined();
    expect(
      grammars.every((g) => g.wasm.endsWith('.wasm') && codeLanguages.some((l) => l.id === g.language)),
    ).toBe(true);
  });

  const snippets: [fence: string, good: string, bad: string, problem: RegExp][] = [
    [
      'python',
      'def area(r):\n    return 3.14 * r * r',
      'def area(r)\n    return 3.14 * r * r',
      /Python syntax error/,
    ],
    [
      'js',
      'const users = await Promise.all(ids.map(fetchUser));',
      'const users = await Promise.all(ids.map(fetchUser);',
      /JavaScript syntax error.*missing "\)"/,
    ],
    [
      'ts',
      'function first<T>(items: T[]): T | undefined {\n  return items[0];\n}',
      'function first<T>(items: T[]: T {\n  return items[0];\n}',
      /TypeScript syntax error/,
    ],
    [
      'tsx',
      'export const Hi = () => <p>{count}</p>;',
      'export const Hi = () => <p>{count</p>;',
      /TSX syntax error/,
    ],
    [
      'rust',
      'let s = String::from("hi");\nlet n = s.len();',
      'let s = String::from("hi")\nlet n = s.len();',
      /Rust syntax error/,
    ],
    [
      'go',
      'jobs := make(chan string, 2)\njobs <- "a"',
      'jobs := make(chan string, 2\njobs <- "a"',
      /Go syntax error/,
    ],
    [
      'java',
      'List<String> names = List.of("ada");\nnames.forEach(System.out::println);',
      'List<String> names = List.of("ada")\nnames.forEach(System.out::println);',
      /Java syntax error/,
    ],
    [
      'bash',
      '$ git rebase -i HEAD~3\nSuccessfully rebased and updated refs/heads/main.',
      'for f in *.md; do echo "$f"',
      /Bash syntax error/,
    ],
  ];

  it.each(snippets)(
    '%s: a fragment such as a function body passes; broken code is an error at its line',
    async (fence, good, bad, problem) => {
      const topic = (code: string) =>
        `- **Example**: it shows the idea.\n  \`\`\`${fence}\n${code.replace(/^/gm, '  ')}\n  \`\`\`\n`;
      expect((await codeProblemsOf({ 'ok.md': topic(good) })).problems).toEqual([]);
      const { problems } = await codeProblemsOf({ 'bad.md': topic(bad) });
      expect(problems).toEqual([
        expect.objectContaining({ severity: 'error', message: expect.stringMatching(problem) }),
      ]);
      expect(problems[0]!.line).toBeGreaterThanOrEqual(3);
    },
  );

  it('an untagged fence read as the topic language is only a warning, with a hint to tag it', async () => {
    const { problems } = await codeProblemsOf({
      'diagram.md':
        '---\nlanguage: bash\n---\n- **History**: before and after.\n  ```\n  A---B---C  feature\n     /\n  D---E  main (was: "x\n  ```\n',
    });
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', hint: expect.stringMatching(/tag it, e\.g\. ```text/) }),
    ]);
  });
});
