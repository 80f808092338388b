import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { KnowledgeError, KnowledgeLoadError } from '../../src/knowledge/KnowledgeError.js';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge.js';
import { parseTopic } from '../../src/knowledge/parseTopic.js';
import { slugify } from '../../src/knowledge/slug.js';

const SHIPPED_IDS = ['purpose', 'async-modifier', 'await-keyword', 'thread-behavior', 'syntax', 'error-handling', 'fire-and-forget', 'key-rules', 'example'];

function parseError(source: string): KnowledgeError {
  try {
    parseTopic(source, 'topic.md', 'topic');
  } catch (error) {
    if (error instanceof KnowledgeError) return error;
    throw error;
  }
  throw new Error('expected a KnowledgeError');
}

describe('slugify', () => {
  it('follows the section id contract', () => {
    expect(slugify('`await` keyword')).toBe('await-keyword');
    expect(slugify('Fire-and-forget')).toBe('fire-and-forget');
    expect(slugify('  Thread   behavior: ')).toBe('thread-behavior');
    expect(slugify('Promise.all')).toBe('promiseall');
  });
});

describe('parseTopic', () => {
  it('reads the raw seed capture as its nine sections, in the seed shape', async () => {
    const seed = await readFile('test/fixtures/captures/seed-csharp-async.txt', 'utf8');
    const topic = parseTopic(seed, 'seed.txt', 'seed');
    expect(topic.sections.map((s) => s.id)).toEqual(SHIPPED_IDS);
    const syntax = topic.sections.find((s) => s.id === 'syntax')!;
    expect(syntax.code[0]?.language).toBe('csharp');
    expect(syntax.code[0]?.code).toContain('public async Task<string> FetchDataAsync()');
    const awaitKeyword = topic.sections.find((s) => s.id === 'await-keyword')!;
    expect(awaitKeyword.titleMarkdown).toBe('`await` keyword');
    expect(awaitKeyword.points).toEqual([
      'Pauses the `async` method **without blocking the thread**, resuming when the awaited task completes.',
      'Only works inside `async` methods.',
    ]);
    expect(topic.sections.find((s) => s.id === 'example')!.code[0]?.code).toContain('GetStringAsync');
  });

  it('takes title, language, aliases and per-section enrichment from front matter', () => {
    const topic = parseTopic(
      '---\ntitle: Go channels\nlanguage: go\naliases: [golang]\nsections:\n  buffering:\n    keywords: [capacity]\n    questions: [what is a buffered channel?]\n---\nIntro.\n\n1. **Buffering** - a channel may hold values.\n',
      'go.md',
      'go-channels',
    );
    expect(topic).toMatchObject({ title: 'Go channels', language: 'go', aliases: ['golang'] });
    expect(topic.sections[0]).toMatchObject({ id: 'buffering', points: ['a channel may hold values.'], keywords: ['capacity'], questions: ['what is a buffered channel?'] });
  });

  it('gives code fences without a language the topic language, and code between items to the item before', () => {
    const topic = parseTopic('Intro\n\n- **One**: a\n\n```\nx = 1\n```\n\n- **Two**:\n  - b\n\n```python\ny = 2\n```\n\nHope this helps!\n', 't.md', 't');
    expect(topic.sections.map((s) => s.code.map((c) => c.language))).toEqual([['python'], ['python']]);
    expect(topic.sections[1]!.points).toEqual(['b']);
  });

  it('names the file, line and problem of a broken file', () => {
    expect(parseError('---\ntitle: [unclosed\n---\n- **A**: b\n').message).toMatch(/^topic\.md:[23]: invalid YAML front matter/);
    expect(parseError('---\nsections:\n  nope:\n    keywords: [x]\n---\n- **A**: b\n')).toMatchObject({ line: 3, problem: expect.stringContaining('unknown section `nope`') });
    expect(parseError('---\ncolour: red\n---\n- **A**: b\n')).toMatchObject({ line: 2, problem: expect.stringContaining('unknown key `colour`') });
    expect(parseError('- **A**: b\n- **A**: c\n')).toMatchObject({ line: 2, problem: expect.stringContaining('duplicate section') });
    expect(parseError('Just some prose.\n')).toMatchObject({ line: 1, problem: expect.stringContaining('no sections') });
  });

  it('reads a plain item after a titled one as its point, as the importer does', () => {
    expect(parseTopic('- **A**: b\n- plain item\n', 't.md', 't').sections).toMatchObject([{ id: 'a', points: ['b', 'plain item'] }]);
  });
});

describe('loadKnowledge', () => {
  it('loads nothing when any file is broken, and lists every problem', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kb-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    await writeFile(path.join(dir, 'good.md'), '- **A**: b\n');
    await writeFile(path.join(dir, 'bad.md'), '---\nsections: 3\n---\n- **A**: b\n');
    await writeFile(path.join(dir, 'empty.md'), '');
    const error = await loadKnowledge(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeLoadError);
    const files = (error as KnowledgeLoadError).errors.map((e) => path.basename(e.file)).sort();
    expect(files).toEqual(['bad.md', 'empty.md']);
  });

  it('loads the shipped knowledge with the agreed ids, a code example per section and enrichment', async () => {
    const { topics } = await loadKnowledge('knowledge');
    const topic = topics.find((t) => t.id === 'csharp-async-await')!;
    expect(topic.sections.map((s) => s.id)).toEqual(SHIPPED_IDS);
    for (const section of topic.sections) {
      expect(section.code.length, section.id).toBeGreaterThan(0);
      expect(section.points.length, section.id).toBeGreaterThan(0);
      expect(section.questions.length, section.id).toBeGreaterThan(0);
    }
    expect(topic.sections.find((s) => s.id === 'example')!.code[0]!.code).not.toMatch(/HttpClient\.GetStringAsync/);
  });
});
