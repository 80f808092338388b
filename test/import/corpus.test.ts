import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkKnowledge } from '../../src/check/checkKnowledge.js';
import { checkText } from '../../src/check/checkText.js';
import { SyntaxChecker } from '../../src/check/SyntaxChecker.js';
import { importCapture, type ImportedTopic } from '../../src/import/importCapture.js';
import { expectNoNoise, REPO } from './helpers.js';

const CORPUS = path.join(REPO, 'test/fixtures/corpus');
const names = (await readdir(CORPUS)).filter((n) => n.endsWith('.txt')).sort();
const imported = new Map<string, ImportedTopic>();
for (const name of names) imported.set(name, importCapture(await readFile(path.join(CORPUS, name)), name));

/** The title each capture names its topic by (its heading, what its intro breaks down, or its prompt). */
const TITLES: Record<string, string> = {
  'csharp-linq.txt': 'LINQ in C#',
  'css-flexbox.txt': 'CSS Flexbox',
  'docker-layers.txt': 'Docker image layers',
  'git-rebase.txt': 'git rebase',
  'go-goroutines.txt': 'Go Goroutines and Channels',
  'java-streams.txt': 'Java streams',
  'javascript-promises.txt': 'JavaScript Promises and async/await',
  'kotlin-coroutines.txt': 'Kotlin coroutines',
  'python-asyncio.txt': 'Python asyncio',
  'python-decorators.txt': 'Python decorators',
  'react-hooks.txt': 'React hooks',
  'rust-ownership.txt': "Rust's ownership and borrowing system",
  'sql-joins.txt': 'SQL Joins Explained',
  'typescript-generics.txt': 'TypeScript generics',
};

const checker = new SyntaxChecker();
const dirs: string[] = [];
afterAll(async () => {
  await checker.close();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('the evaluation corpus: raw captures in many shapes', () => {
  it('holds the fourteen captures its README lists', () => {
    expect(names).toEqual(Object.keys(TITLES).sort());
  });

  it.each(names)(
    '%s imports clean: its own title, no noise, chatter or empty section, the same on a second import',
    (name) => {
      const topic = imported.get(name)!;
      expect(topic.topic.title).toBe(TITLES[name]);
      // Like expectNoNoise, but git-rebase's code shows conflict markers (`>>>>>>>`) on purpose.
      expectNoNoise(topic.markdown.replace(/>{7}/g, ''));
      expect(topic.markdown).not.toMatch(
        /\[\/?INST\]|end of text|llama_|<\/?think>|Thinking\.\.\.|tok\/sec|^\$ |^>>>/m,
      );
      expect(topic.topic.intro).not.toMatch(/^(?:Sure|Absolutely|Great question|You\b)/);
      expect(topic.topic.sections.length).toBeGreaterThanOrEqual(7);
      for (const section of topic.topic.sections)
        expect(section.points.length, section.id).toBeGreaterThan(0);
      expect(checkText([topic.topic]).filter((p) => p.severity === 'error')).toEqual([]);
      expect(importCapture(topic.markdown, `${topic.slug}.md`).markdown).toBe(topic.markdown);
    },
  );

  it('imported together they pass npm run check: code parses in every language with a grammar', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'concept-bot-corpus-'));
    dirs.push(dir);
    for (const topic of imported.values())
      await writeFile(path.join(dir, `${topic.slug}.md`), topic.markdown);
    const report = await checkKnowledge(dir, checker);
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(report.loaded).toBe(true);
    expect([...report.code.parsed.keys()].sort()).toEqual([
      'Bash',
      'C#',
      'Go',
      'Java',
      'JavaScript',
      'Python',
      'Rust',
      'TSX',
      'TypeScript',
    ]);
    expect(report.code.syntaxErrors).toBeLessThanOrEqual(1); // the untagged history diagram of git-rebase: a warning
  });
});
