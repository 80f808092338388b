import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, colourCodes, conceptBot, REPO } from '../cli/runCommand.js';
import { Pty } from './Pty.js';
import { replyCount } from './replies.js';

const sessions: Pty[] = [];
const dataDirs: string[] = [];
afterEach(() => {
  sessions.splice(0).forEach((s) => s.kill());
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh DATA_DIR, removed after the test: the console writes its learning log there. */
function tempDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'concept-bot-console-data-'));
  dataDirs.push(dir);
  return dir;
}

/** `concept-bot start` on a terminal, no colour (so the screen reads as text), at the prompt. */
async function startConsole(env: NodeJS.ProcessEnv = {}, args: string[] = []): Promise<Pty> {
  const pty = new Pty([process.execPath, BIN, 'start', ...args], {
    env: { NO_COLOR: '1', DATA_DIR: tempDataDir(), ...env },
  });
  sessions.push(pty);
  await pty.waitFor(/Ctrl-D quits\.[\s\S]*> /);
  return pty;
}

/** Types a line and resolves with everything shown until the next prompt. */
async function ask(pty: Pty, keys: string): Promise<string> {
  const from = pty.output.length;
  pty.type(keys);
  return pty.waitFor(/\n\n> $/, from);
}

describe('the console on a terminal', () => {
  it('edits lines and recalls history with the arrow keys; Ctrl-D quits with 0', async () => {
    const pty = await startConsole();
    const first = await ask(pty, 'does await block the thread?\r');
    expect(replyCount(first)).toBe(1);
    const again = await ask(pty, '\u001b[A\r'); // up-arrow, Enter
    expect(again).not.toContain('^[[A');
    expect(again).toContain('does await block the thread?');
    const heading = (text: string) => text.split('\n').find((l) => / match\)/.test(l));
    expect(heading(again)).toBe(heading(first));
    // Editing keys: Ctrl-A to the start, Ctrl-K kills to the end, so only 'thanks!' is asked.
    const edited = await ask(pty, 'hello there\u0001\u000bthanks!\r');
    expect(edited).toContain("You're welcome!");
    pty.type('\u0004');
    expect(await pty.exited).toBe(0);
  });

  it('reads a multi-line paste as one question, asked at the next Enter', async () => {
    const pty = await startConsole();
    const code =
      'var page = client.GetStringAsync(url).Result;\nConsole.WriteLine(page);\nwhy does this deadlock';
    // A terminal with bracketed paste marks the block.
    let from = pty.output.length;
    pty.type(`\u001b[200~${code}\u001b[201~`);
    await pty.waitFor('… ', from);
    expect(replyCount(pty.output.slice(from))).toBe(0);
    const bracketed = await ask(pty, ' in a UI app?\r');
    expect(replyCount(bracketed)).toBe(1);
    // A terminal without it sends the lines at once: the same.
    from = pty.output.length;
    pty.type(code.replace(/\n/g, '\r'));
    await pty.waitFor('… ', from);
    const unmarked = await ask(pty, '\r');
    expect(replyCount(unmarked)).toBe(1);
    // Up-arrow brings the pasted question back as one line.
    const recalled = await ask(pty, '\u001b[A\r');
    expect(recalled).toContain('Console.WriteLine(page); why does this deadlock');
    expect(replyCount(recalled)).toBe(1);
  });

  it('Ctrl-C clears the line and a half-read paste; on an empty line it quits', async () => {
    const pty = await startConsole();
    let from = pty.output.length;
    pty.type('\u001b[200~first line\nsecond\u001b[201~');
    await pty.waitFor('… ', from);
    from = pty.output.length;
    pty.type('\u0003');
    await pty.waitFor('^C', from);
    const next = await ask(pty, 'does await block the thread?\r');
    expect(next).not.toContain('first line');
    expect(replyCount(next)).toBe(1);
    pty.type('\u0003');
    expect(await pty.exited).toBe(0);
  });

  it('opens a related section or a "did you mean" offer by its number', async () => {
    const pty = await startConsole();
    const answer = await ask(pty, 'how do I catch exceptions from an async method?\r');
    const related = /Related: 1 (.+?) · 2 /.exec(answer);
    expect(related, answer).not.toBeNull();
    const opened = await ask(pty, '1\r');
    expect(opened).toMatch(new RegExp(`\\n${escape(related![1]!)}  \\(C# async/await\\)`));

    const unsure = findSuggestQuestion();
    const offers = await ask(pty, `${unsure.question}\r`);
    expect(offers).toContain('Did you mean:');
    expect(offers).toContain(`1. ${unsure.first}`.replace(/`/g, ''));
    expect(await ask(pty, '9\r')).toMatch(/Pick a number from 1 to \d/);
    const picked = await ask(pty, '1\r');
    expect(picked.replace(/`/g, '')).toMatch(new RegExp(`\\n${escape(unsure.first)}  \\(`));
  });

  it('records what a person asks and picks, so that the report learns from it', async () => {
    const dataDir = tempDataDir();
    const pty = await startConsole({ DATA_DIR: dataDir });
    const unsure = findSuggestQuestion();
    expect(await ask(pty, `${unsure.question}\r`)).toContain('Did you mean:');
    await ask(pty, '1\r');
    await ask(pty, 'what is a monad\r');
    pty.type('\u0004');
    expect(await pty.exited).toBe(0);

    const log = path.join(dataDir, 'questions-console.jsonl');
    const records = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            type: string;
            question: string;
            user: string;
            entry?: string;
            offered?: string[];
          },
      );
    expect(records.map((r) => [r.type, r.question])).toEqual([
      ['suggested', unsure.question],
      ['suggestion-picked', unsure.question],
      ['unanswered', 'what is a monad'],
    ]);
    expect(records[1]!.entry).toBe(records[0]!.offered![0]);
    expect(records[0]!.user).not.toBe('console'); // hashed, as every user id is

    const report = conceptBot(['report', '--json', '--data', dataDir]);
    expect(report.status, report.stderr).toBe(0);
    const proposals = (
      JSON.parse(report.stdout) as { proposals: { entry: string; questions: { question: string }[] }[] }
    ).proposals;
    expect(proposals).toEqual([
      expect.objectContaining({
        entry: records[1]!.entry,
        questions: [expect.objectContaining({ question: unsure.question })],
      }),
    ]);
  });

  it('reloads the knowledge when a topic file is added, and says so', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'concept-bot-console-'));
    try {
      cpSync(path.join(REPO, 'knowledge'), dir, { recursive: true });
      const pty = await startConsole({ KNOWLEDGE_DIR: dir });
      const before = await ask(pty, 'what does yield do in a python generator\r');
      expect(before).not.toContain('Python generators');
      const from = pty.output.length;
      cpSync(
        path.join(REPO, 'test/fixtures/multi-topic/python-generators.md'),
        path.join(dir, 'python-generators.md'),
      );
      await pty.waitFor(/knowledge reloaded: \d+ sections \(python-generators\.md\)/, from);
      const after = await ask(pty, 'what does yield do in a python generator\r');
      expect(after).toMatch(/\(Python generators · \d+% match\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('colours on a terminal, not with NO_COLOR or FORCE_COLOR=0', async () => {
    const coloured = new Pty([process.execPath, BIN, 'ask', 'does await block the thread?']);
    sessions.push(coloured);
    expect(await coloured.exited).toBe(0);
    expect(colourCodes(coloured.output)).toContain('\u001b[1m'); // the bold title
    for (const env of [{ NO_COLOR: '1' }, { FORCE_COLOR: '0' }]) {
      const pty = new Pty([process.execPath, BIN, 'ask', 'does await block the thread?'], { env });
      sessions.push(pty);
      expect(await pty.exited).toBe(0);
      expect(colourCodes(pty.output)).toEqual([]);
    }
  });
});

describe('the console reading a pipe', () => {
  it('answers each line with no prompt; banner on stderr; a number picks there too; records nothing', () => {
    const dataDir = tempDataDir();
    const run = conceptBot(['start'], {
      input: 'what is a monad\nhow do I catch exceptions from an async method?\n\n   \n1\n',
      env: { DATA_DIR: dataDir },
    });
    expect(readdirSync(dataDir)).toEqual([]); // a pipe is a script, not a person: nothing to learn from
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^concept-bot local console.*DISCORD_TOKEN/);
    expect(run.stdout).not.toMatch(/^> /m);
    expect(replyCount(run.stdout)).toBe(3); // two questions and the pick; blank lines are skipped
    expect(run.stdout).toMatch(/\n\S.* {2}\(C# async\/await\)\n/);
  });

  it('reports every bad configuration variable at once, with exit 2, before answering', () => {
    const run = conceptBot(['start'], {
      input: 'does await block?\n',
      env: { COOLDOWN_SECONDS: 'soon', LOG_LEVEL: 'loud', LOG_FORMAT: 'xml' },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('COOLDOWN_SECONDS');
    expect(run.stderr).toContain('LOG_LEVEL');
    expect(run.stderr).toContain('LOG_FORMAT');
    expect(run.stdout).toBe('');
  });
});

let suggestQuestion: { question: string; first: string } | undefined;

/** A labelled question the engine answers with "did you mean" (found, not hard-coded: the engine changes). */
function findSuggestQuestion(): { question: string; first: string } {
  if (suggestQuestion) return suggestQuestion;
  for (const set of ['test/eval/calibration.jsonl', 'test/eval/questions.jsonl']) {
    const questions = readFileSync(path.join(REPO, set), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { question: string }).question);
    const run = conceptBot(['ask', '--jsonl'], { input: questions.join('\n') });
    for (const line of run.stdout.trim().split('\n')) {
      const record = JSON.parse(line) as { question: string; kind: string; suggestions: { title: string }[] };
      if (record.kind === 'suggest' && !/^\s*\d+\s*$/.test(record.question)) {
        suggestQuestion = { question: record.question, first: record.suggestions[0]!.title };
        return suggestQuestion;
      }
    }
  }
  throw new Error('no labelled question gets a "did you mean" answer');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
