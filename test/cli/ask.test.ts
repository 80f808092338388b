import { describe, expect, it } from 'vitest';
import { conceptBot } from './runCommand.js';

const FIELDS = ['kind', 'match', 'question', 'reason', 'suggestions', 'unknownLanguages'];
const MATCH_FIELDS = ['bestPoint', 'confidence', 'id', 'title', 'topic', 'topicTitle'];

function records(stdout: string): Record<string, unknown>[] {
  expect(stdout.endsWith('\n')).toBe(true);
  return stdout
    .slice(0, -1)
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('concept-bot ask --jsonl', () => {
  it('writes exactly one object per input line, in order, blank lines included', () => {
    const questions = [
      'does await block the thread?',
      'what is the weather in Paris',
      '',
      '   ',
      'how do i catch exceptions from an async method\r', // a CRLF file
      'thanks!',
      'what does Task.Run do', // the last line has no newline
    ];
    const run = conceptBot(['ask', '--jsonl'], { input: questions.join('\n') });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const lines = records(run.stdout);
    expect(lines.map((l) => l.question)).toEqual(questions.map((q) => q.replace(/\r$/, '')));
    for (const line of lines) {
      // The contract's fields, and the extra ones DESIGN.md allows (kind, the best point, why not).
      expect(Object.keys(line).sort()).toEqual(FIELDS);
      expect(['answer', 'suggest', 'none']).toContain(line.kind);
      expect(line.match === null).toBe(line.kind !== 'answer');
      if (line.match) expect(Object.keys(line.match).sort()).toEqual(MATCH_FIELDS);
    }
    expect(lines[1]!.match).toBeNull();
    for (const blank of [lines[2]!, lines[3]!]) {
      expect(blank).toMatchObject({ match: null, kind: 'none', reason: 'empty', suggestions: [] });
    }
    expect(lines[4]!.match).toMatchObject({
      topic: 'csharp-async-await',
      id: 'error-handling',
      topicTitle: 'C# async/await',
    });
  });

  it('an empty input gives no output, and one newline gives one record', () => {
    expect(conceptBot(['ask', '--jsonl'], { input: '' }).stdout).toBe('');
    expect(records(conceptBot(['ask', '--jsonl'], { input: '\n' }).stdout)).toHaveLength(1);
  });
});

describe('concept-bot ask', () => {
  it('--json: exactly one JSON object on stdout', () => {
    const run = conceptBot(['ask', '--json', 'how', 'do I catch exceptions from an async method?']);
    expect(run.status).toBe(0);
    const record = JSON.parse(run.stdout) as { question: string; match: { id: string } };
    expect(record.question).toBe('how do I catch exceptions from an async method?');
    expect(record.match.id).toBe('error-handling');
  });

  it('answers a question that starts with a dash when it follows --', () => {
    const run = conceptBot(['ask', '--json', '--', '-h']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ question: '-h' });
  });

  it('a broken knowledge folder stops with the file and line, exit 1', () => {
    const run = conceptBot(['ask', 'anything'], { env: { KNOWLEDGE_DIR: 'test/fixtures/broken-knowledge' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/broken-knowledge\/broken\.md:3: /);
  });
});
