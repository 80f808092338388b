import { afterEach, describe, expect, it } from 'vitest';
import { BIN, colourCodes, conceptBot, plain } from '../cli/runCommand.js';
import { Pty, screenText } from './Pty.js';

interface Record {
  kind: string;
  reason: string | null;
  unknownLanguages: string[];
  match: { title: string; topicTitle: string; bestPoint: { index: number; text: string } | null } | null;
  suggestions: { title: string }[];
}

const QUESTION = 'how do I catch exceptions from an async method?';

function record(question: string): Record {
  return JSON.parse(conceptBot(['ask', '--json', question]).stdout) as Record;
}

/** A point's Markdown as the uncoloured terminal shows it: backticks kept, emphasis markers gone. */
function shown(markdown: string): string {
  return markdown.replace(/\*\*(.+?)\*\*/g, '$1').replace(/(?<![\w*])\*(?!\s)(.+?)\*(?![\w*])/g, '$1');
}

/** The points block of a text answer: bullet lines and their continuations, joined per bullet. */
function bullets(text: string): { marker: string; text: string; lines: string[] }[] {
  const out: { marker: string; text: string; lines: string[] }[] = [];
  for (const line of text.split('\n')) {
    const bullet = /^ {2}([▸•]) (.*)$/.exec(line);
    if (bullet) out.push({ marker: bullet[1]!, text: bullet[2]!, lines: [line] });
    else if (out.length && /^ {4}\S/.test(line) && out.at(-1)!.lines.at(-1) !== '') {
      out.at(-1)!.text += ` ${line.trim()}`;
      out.at(-1)!.lines.push(line);
    } else if (out.length) out.at(-1)!.lines.push('');
  }
  return out;
}

const sessions: Pty[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.kill()));

describe('an answer in the terminal', () => {
  it('leads with the best point, marked, then the other points, then the code', () => {
    const { match } = record(QUESTION);
    expect(match?.bestPoint).not.toBeNull();
    const run = conceptBot(['ask', QUESTION]);
    expect(run.status).toBe(0);
    const [title] = run.stdout.split('\n');
    expect(title).toMatch(/^Error handling {2}\(C# async\/await · \d+% match\)$/);
    const points = bullets(run.stdout);
    expect(points[0]).toMatchObject({ marker: '▸', text: shown(match!.bestPoint!.text) });
    expect(points.slice(1).every((p) => p.marker === '•')).toBe(true);
    expect(points.length).toBeGreaterThan(1);
    const codeAt = run.stdout.indexOf('\n  csharp\n');
    expect(codeAt).toBeGreaterThan(run.stdout.indexOf(points.at(-1)!.lines[0]!));
    expect(run.stdout).toContain('catch (');
  });

  it('--brief shows the best point alone and says what it left out', () => {
    const { match } = record(QUESTION);
    const run = conceptBot(['ask', '--brief', QUESTION]);
    const points = bullets(run.stdout);
    expect(points).toHaveLength(1);
    expect(points[0]!.text).toBe(shown(match!.bestPoint!.text));
    expect(run.stdout).toMatch(/\(\d+ more points and 1 code example: ask without --brief\)/);
    expect(run.stdout).not.toContain('catch (');
  });

  it('wraps at word boundaries with hanging indents: COLUMNS on a pipe, the width on a terminal', async () => {
    const { match } = record(QUESTION);
    const piped = conceptBot(['ask', QUESTION], { env: { COLUMNS: '40' } }).stdout;
    const unwrapped = bullets(conceptBot(['ask', QUESTION]).stdout);
    const terminal = new Pty([process.execPath, BIN, 'ask', QUESTION], { cols: 52, env: { NO_COLOR: '1' } });
    sessions.push(terminal);
    expect(await terminal.exited).toBe(0);
    for (const [text, width] of [
      [piped, 40],
      [screenText(terminal.output), 52],
    ] as const) {
      const points = bullets(text);
      // The same words in the same order: nothing broken mid-word, nothing lost.
      expect(points.map((p) => p.text)).toEqual(unwrapped.map((p) => p.text));
      expect(points.some((p) => p.lines.filter(Boolean).length > 1)).toBe(true);
      for (const point of points) {
        const [first, ...rest] = point.lines.filter(Boolean);
        expect(first!.length).toBeLessThanOrEqual(width);
        for (const line of rest) expect(line, line).toMatch(new RegExp(`^ {4}\\S.{0,${width - 5}}$`));
      }
      expect(points[0]!.text).toBe(shown(match!.bestPoint!.text));
    }
  });

  it('colours a pipe only with FORCE_COLOR; the text is the same without the codes', () => {
    const plainRun = conceptBot(['ask', 'does await block the thread?']);
    expect(colourCodes(plainRun.stdout)).toEqual([]);
    const forced = conceptBot(['ask', 'does await block the thread?'], { env: { FORCE_COLOR: '1' } });
    expect(colourCodes(forced.stdout).length).toBeGreaterThan(4);
    expect(plain(forced.stdout).replace(/`/g, '')).toBe(plainRun.stdout.replace(/`/g, ''));
    const dropped = conceptBot(['ask', 'does await block the thread?'], {
      env: { FORCE_COLOR: '1', NO_COLOR: '1' },
    });
    expect(colourCodes(dropped.stdout).length).toBeGreaterThan(0); // FORCE_COLOR wins, as in Node
  });

  it('numbers "did you mean" offers in confidence order', () => {
    const run = conceptBot(['ask', '--jsonl'], {
      input: ['thread?', 'await', 'task', 'exceptions', 'void', 'context', 'result', 'Task.Run'].join('\n'),
    });
    const unsure = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record & { question: string })
      .find((r) => r.kind === 'suggest');
    if (!unsure) return expect.soft(unsure, 'no short question got a "did you mean"').toBeDefined();
    const text = conceptBot(['ask', unsure.question]).stdout.replace(/`/g, '');
    expect(text).toContain('Did you mean:');
    unsure.suggestions.forEach((s, i) => expect(text).toContain(`  ${i + 1}. ${s.title}  (`));
    expect(text).toContain('Ask again with a few more words');
  });

  it('says why there is no answer, as a person would', () => {
    const cases: [string, RegExp][] = [
      ['thanks!', /^You're welcome!/],
      [
        'what is the weather in Paris',
        /^I don't know that yet\. Topics I can answer about:\n {2}- C# async\/await: /,
      ],
    ];
    for (const [question, expected] of cases) {
      expect(conceptBot(['ask', question]).stdout).toMatch(expected);
    }
    const java = 'how do I use async await in java';
    const { reason, unknownLanguages } = record(java);
    if (reason === 'unknown-language') {
      expect(conceptBot(['ask', java]).stdout).toContain(
        `I don't have a ${unknownLanguages.join(' or ')} topic yet.`,
      );
    }
  });
});
