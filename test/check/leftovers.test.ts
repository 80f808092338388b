import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkKnowledge, type CheckReport } from '../../src/check/checkKnowledge.js';
import { SyntaxChecker } from '../../src/check/SyntaxChecker.js';
import { lineOf, makeKnowledgeDir } from './knowledgeDir.js';

/** 200 KB of binary junk pasted into a point: bytes read as Latin-1 carry control characters (NUL does not survive a paste). */
const junk = randomBytes(200_000)
  .toString('latin1')
  .replace(/[\0\n\r`*_[\]<>#\\|-]/g, 'x');

/** A topic pasted straight into the folder with what an import would have cleaned. */
const leftovers = [
  "Sure! Here's a breakdown of **widgets**:",
  '',
  '- **Spinning**:',
  '  - A widget spins when it’s told to; it doesnâ€™t spin on its own.',
  '  - Spinning stops when the \uFFFDbrake\uFFFD is set.',
  '- **Runner output**:',
  '  - >>> Send a message (/? for help)',
  '  - A widget can be copied. [end of text]',
  '- **Pasted junk**:',
  `  - ${junk}`,
  '- **Empty**:',
  '- **Signing off**:',
  '  - Widgets are round.',
  '  - Let me know if you want more examples!',
  '',
].join('\n');

const checker = new SyntaxChecker();
let dir: string;
let report: CheckReport;

beforeAll(async () => {
  dir = await makeKnowledgeDir({ 'widgets.md': leftovers, 'image.md': '- **A**: b\u0000\u0001\u0002' });
  execFileSync('mkfifo', [path.join(dir, 'x.md')]);
  await writeFile(path.join(dir, '.widgets.md.999999999.0123456789ab.tmp'), 'half a file');
  report = await checkKnowledge(dir, checker);
});

afterAll(async () => {
  await checker.close();
  await rm(dir, { recursive: true, force: true });
});

const at = (fragment: string) => lineOf(leftovers, fragment);
const find = (pattern: RegExp) => report.problems.filter((p) => pattern.test(p.message));

describe('npm run check catches what an import would have cleaned', () => {
  it('mojibake and characters lost in copy-paste, at their line, with a fix', () => {
    expect(find(/^mojibake in a point of `spinning`/)).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: at('doesnâ€™t'),
        message: 'mojibake in a point of `spinning`: "doesnâ€™t" should read "doesn’t"',
        hint: expect.stringContaining('npm run import -- --force'),
      }),
    ]);
    expect(find(/U\+FFFD/)).toEqual([expect.objectContaining({ severity: 'error', line: at('brake') })]);
  });

  it('model-runner output left in the text', () => {
    expect(find(/model-runner or terminal output/).map((p) => [p.line, p.message])).toEqual([
      [
        at('>>> Send'),
        'model-runner or terminal output in a point of `runner-output`: "Send a message (/? for help)"',
      ],
      [at('[end of text]'), 'model-runner or terminal output in a point of `runner-output`: "[end of text]"'],
    ]);
  });

  it('binary junk: control characters, and a point longer than Discord can show', () => {
    const line = at(junk.slice(0, 20));
    expect(find(/control characters \(binary data\?\)/)).toEqual([
      expect.objectContaining({ severity: 'error', line }),
    ]);
    expect(find(/characters; Discord shows at most 4,096 in one message/)).toEqual([
      expect.objectContaining({ severity: 'error', line, hint: expect.stringMatching(/split it/) }),
    ]);
    expect(find(/an answer shows about/)).toEqual([
      expect.objectContaining({ severity: 'warning', line: at('**Pasted junk**') }),
    ]);
  });

  it('an empty section, and chatter in the intro and the points', () => {
    expect(find(/is empty/)).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: at('**Empty**'),
        message: 'section `empty` is empty: no points and no code',
      }),
    ]);
    // "Sure!" before the intro is no part of it for the loader either; a sign-off inside a section is.
    expect(find(/^chatter/).map((p) => [p.severity, p.line, p.message])).toEqual([
      [
        'warning',
        at('Let me know'),
        'chatter in a point of `signing-off`: "Let me know if you want more examples!"',
      ],
    ]);
  });

  it('a file with NUL bytes is no topic file', () => {
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        file: path.join(dir, 'image.md'),
        line: 0,
        message: expect.stringMatching(/^binary data, not text \(NUL byte at offset 10\)/),
      }),
    );
  });

  it('a FIFO is skipped without waiting on it, and an interrupted import leaves a temporary file to delete', () => {
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        file: path.join(dir, 'x.md'),
        line: 0,
        message: 'not a regular file (a FIFO): skipped',
      }),
    );
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        message: 'temporary file left by an import that was stopped mid-write',
      }),
    );
  });

  it('the command exits 1 and prints file:line, the problem and the fix', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/check.ts'], {
      env: { ...process.env, KNOWLEDGE_DIR: dir },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `${path.join(dir, 'widgets.md')}:${at('doesnâ€™t')}: mojibake in a point of \`spinning\`: "doesnâ€™t" should read "doesn’t"\n    fix: `,
    );
    expect(run.stdout).toContain(
      `${path.join(dir, 'x.md')}: warning: not a regular file (a FIFO): skipped\n`,
    );
    expect(run.stdout).toMatch(/FAILED: \d+ errors/);
  });
});
