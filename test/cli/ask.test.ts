import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const tsx = (args: string[], input?: string, env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, DISCORD_TOKEN: '', ...env },
    timeout: 30_000,
  });

describe('npm run ask', () => {
  it('--jsonl: one JSON object a line, same order, nothing else on stdout', () => {
    const questions = [
      'does await block the thread?',
      'what is the weather in Paris',
      '',
      'how do i catch exceptions from an async method',
    ];
    const run = tsx(['src/cli/ask.ts', '--jsonl'], questions.join('\n') + '\n');
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.question)).toEqual(questions.filter(Boolean));
    for (const line of lines) {
      // The contract's fields, and the extra ones DESIGN.md allows (kind, the best point, why not).
      expect(Object.keys(line).sort()).toEqual([
        'kind',
        'match',
        'question',
        'reason',
        'suggestions',
        'unknownLanguages',
      ]);
      if (line.match)
        expect(Object.keys(line.match).sort()).toEqual([
          'bestPoint',
          'confidence',
          'id',
          'title',
          'topic',
          'topicTitle',
        ]);
    }
    expect(lines[1].match).toBeNull();
    expect(lines[2].match).toMatchObject({
      topic: 'csharp-async-await',
      id: 'error-handling',
      topicTitle: 'C# async/await',
    });
  });

  it('--json: one object; human output shows title, points, code and topic', () => {
    const json = tsx(['src/cli/ask.ts', '--json', 'how do I catch exceptions from an async method?']);
    expect(JSON.parse(json.stdout).match.id).toBe('error-handling');
    const human = tsx(['src/cli/ask.ts', 'how do I catch exceptions from an async method?']);
    expect(human.stdout).toMatch(/^Error handling {2}\(C# async\/await, \d+% match\)/);
    expect(human.stdout).toContain('  csharp:');
    expect(human.stdout).toContain('catch (');
    const none = tsx(['src/cli/ask.ts', 'what is the weather in Paris']);
    expect(none.stdout).toContain("I don't know that yet");
    expect(none.stdout).toContain('C# async/await');
  });

  it('a broken knowledge folder stops with the file and line', () => {
    const run = tsx(['src/cli/ask.ts', 'anything'], undefined, {
      KNOWLEDGE_DIR: 'test/fixtures/broken-knowledge',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/broken-knowledge\/broken\.md:3: /);
  });
});

describe('npm start without DISCORD_TOKEN', () => {
  it('prints a one-line banner, answers piped lines and exits cleanly at end of input', () => {
    const run = tsx(['src/main.ts'], 'does await block the thread?\n\n' + 'why '.repeat(3000) + '\n');
    expect(run.status).toBe(0);
    const [banner] = run.stdout.split('\n');
    expect(banner).toMatch(/local console.*DISCORD_TOKEN/);
    expect(run.stdout).toContain('await keyword');
    expect(run.stderr).toBe('');
  });
});
