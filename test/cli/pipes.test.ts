import { describe, expect, it } from 'vitest';
import { pipeline } from './runCommand.js';

const BIN = 'node bin/concept-bot.js';
/** Prints the exit status of every command of the pipeline just run, on stderr. */
const STATUSES = 'echo "statuses=${PIPESTATUS[*]}" >&2';

function statuses(stderr: string): string[] {
  return /statuses=([\d ]+)/.exec(stderr)![1]!.trim().split(' ');
}

describe('output into a pipe that closes early', () => {
  it.each([
    [
      'ask --jsonl | head -1',
      `yes 'does await block the thread?' | head -3000 | ${BIN} ask --jsonl | head -1`,
      1,
    ],
    [
      'start (console) | head -2',
      `yes 'does await block the thread?' | head -500 | ${BIN} start | head -2`,
      2,
    ],
    ['--help | head -1', `true | ${BIN} --help | head -1`, 1],
  ])('%s ends quietly with exit 0', (_name, script, lines) => {
    const run = pipeline(`${script}; ${STATUSES}`);
    expect(run.stdout.match(/\n/g)).toHaveLength(lines); // what head let through, whole lines
    expect(statuses(run.stderr)[2]).toBe('0');
    expect(run.stderr).not.toMatch(/EPIPE|Error|at .*:\d+:\d+/);
  });

  it('npm start | head -2 ends quietly too', () => {
    const run = pipeline(
      `yes 'does await block the thread?' | head -500 | npm start --silent | head -2; ${STATUSES}`,
    );
    expect(statuses(run.stderr).slice(1)).toEqual(['0', '0', '0']);
    expect(run.stderr).not.toMatch(/EPIPE|Error/);
  });
});

describe('a 600 MB line', () => {
  const hugeLine = `head -c 600000000 /dev/zero | tr '\\0' a`;

  it('--jsonl answers it as one over-long question and goes on with the next lines', () => {
    const run = pipeline(
      `{ echo 'does await block the thread?'; ${hugeLine}; printf '\\n\\nhow do I catch exceptions from an async method\\n'; } | ${BIN} ask --jsonl; ${STATUSES}`,
    );
    expect(statuses(run.stderr)[1]).toBe('0');
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { question: string; kind: string; reason: string | null });
    expect(lines).toHaveLength(4);
    expect(lines[1]!.question).toMatch(/^a{65536}$/); // its first 64 KiB, not buffered whole
    expect(lines[2]).toMatchObject({ question: '', kind: 'none', reason: 'empty' });
    expect(lines[3]!.question).toBe('how do I catch exceptions from an async method');
  }, 120_000);

  it('the console says it read only the start of it, and answers the next line', () => {
    const run = pipeline(
      `{ ${hugeLine}; printf '\\ndoes await block the thread?\\n'; } | ${BIN} start; ${STATUSES}`,
    );
    expect(statuses(run.stderr)[1]).toBe('0');
    expect(run.stdout).toMatch(/^\(That question is 572\.2 MiB long; I read its first 64 KiB\.\)\n/);
    expect(run.stdout).toMatch(/\n`await` keyword {2}\(C# async\/await · \d+% match\)\n/);
  }, 120_000);
});
