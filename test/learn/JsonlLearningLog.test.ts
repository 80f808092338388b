import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JsonlLearningLog } from '../../src/learn/JsonlLearningLog.js';
import { learningRecordSchema } from '../../src/learn/LearningRecord.js';

let root: string;
let logged: { level: string; obj: object; msg: string }[];
const logger = {
  info: (obj: object, msg: string) => logged.push({ level: 'info', obj, msg }),
  warn: (obj: object, msg: string) => logged.push({ level: 'warn', obj, msg }),
  error: (obj: object, msg: string) => logged.push({ level: 'error', obj, msg }),
};

async function lines(file: string): Promise<Record<string, unknown>[]> {
  return (await readFile(file, 'utf8'))
    .trimEnd()
    .split('\n')
    .map((l) => learningRecordSchema.parse(JSON.parse(l)));
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'concept-bot-learn-'));
  logged = [];
});
afterEach(() => rm(root, { recursive: true, force: true }));

const RAW_ID = '412345678901234567';

describe('JsonlLearningLog', () => {
  it('appends one JSON line per event, with the user id hashed', async () => {
    const dataDir = path.join(root, 'data');
    const log = new JsonlLearningLog({ dataDir, logger });
    log.record({ type: 'unanswered', question: 'how do i cancel a task', userId: RAW_ID });
    log.record({ type: 'suggested', question: 'cancel?', userId: RAW_ID, offered: ['t/a', 't/b'] });
    log.record({ type: 'not-helpful', question: 'what is await', userId: 'someone-else', entry: 't/a' });
    await log.close();

    const text = await readFile(path.join(dataDir, 'questions.jsonl'), 'utf8');
    expect(text).not.toContain(RAW_ID);
    expect(text).not.toContain('someone-else');
    const records = text
      .trimEnd()
      .split('\n')
      .map((line) => learningRecordSchema.parse(JSON.parse(line)));
    expect(records.map((r) => r.type)).toEqual(['unanswered', 'suggested', 'not-helpful']);
    expect(records[1]).toMatchObject({ question: 'cancel?', offered: ['t/a', 't/b'] });
    expect(records[2]).toMatchObject({ entry: 't/a' });
    expect(records[0]!.user).toMatch(/^[0-9a-f]{16}$/);
    expect(records[0]!.user).toBe(records[1]!.user);
    expect(records[2]!.user).not.toBe(records[0]!.user);
    expect(Number.isNaN(Date.parse(records[0]!.at))).toBe(false);
    expect(logged).toEqual([]);

    // The salt is per install: a later process hashes the same person the same way.
    const again = new JsonlLearningLog({ dataDir, logger });
    again.record({ type: 'helpful', question: 'q', userId: RAW_ID, entry: 't/a' });
    await again.close();
    const last = JSON.parse(
      (await readFile(path.join(dataDir, 'questions.jsonl'), 'utf8')).trimEnd().split('\n').at(-1)!,
    );
    expect(last.user).toBe(records[0]!.user);
  });

  it('logs an unwritable data folder once, keeps the caller going, and says how many records were lost', async () => {
    const blocker = path.join(root, 'not-a-folder');
    await writeFile(blocker, 'a regular file');
    const log = new JsonlLearningLog({ dataDir: path.join(blocker, 'data'), logger, retryAfterMs: 0 });
    let answered = 0;
    for (let i = 0; i < 5; i++) {
      expect(() =>
        log.record({ type: 'unanswered', question: `question ${i}`, userId: RAW_ID }),
      ).not.toThrow();
      answered++;
      await log.flush();
    }
    await log.close();
    expect(answered).toBe(5);
    expect(logged.filter((l) => l.level === 'error')).toHaveLength(1);
    expect(logged[0]!.obj).toMatchObject({ code: expect.stringMatching(/^(ENOTDIR|EEXIST)$/) });
    expect(log.dropped).toBe(5);
    const warnings = logged.filter((l) => l.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.obj).toMatchObject({ event: 'learning-records-dropped', dropped: 5, total: 5 });
    expect(warnings[0]!.msg).toContain('5 learning records');
  });

  it('holds records through an outage, and writes them once the folder is back', async () => {
    const dataDir = path.join(root, 'data');
    await writeFile(dataDir, 'in the way');
    const log = new JsonlLearningLog({ dataDir, logger, retryAfterMs: 200 });
    log.record({ type: 'unanswered', question: 'first', userId: RAW_ID });
    await log.flush();
    expect(logged.filter((l) => l.level === 'error')).toHaveLength(1);
    for (let i = 0; i < 1_000; i++) log.record({ type: 'unanswered', question: `q${i}`, userId: RAW_ID });
    // The folder becomes writable; the retry writes everything held back.
    await rm(dataDir);
    for (
      let waited = 0;
      waited < 10_000 && !logged.some((l) => l.msg.includes('writable again'));
      waited += 50
    )
      await new Promise((r) => setTimeout(r, 50));
    await log.close();
    expect(log.dropped).toBe(0);
    const written = await lines(path.join(dataDir, 'questions.jsonl'));
    expect(written).toHaveLength(1_001);
    expect(written[0]).toMatchObject({ question: 'first' });
    expect(logged.filter((l) => l.level === 'warn')).toEqual([]);
    expect(logged.some((l) => l.level === 'info' && l.msg.includes('writable again'))).toBe(true);
  });

  it('writes a burst of 20,000 records, none dropped, spilling synchronously past the backlog limit', async () => {
    const dataDir = path.join(root, 'data');
    const log = new JsonlLearningLog({ dataDir, logger, maxQueue: 1_000 });
    for (let i = 0; i < 20_000; i++)
      log.record({ type: 'unanswered', question: `burst ${i}`, userId: RAW_ID });
    await log.close();
    expect(log.dropped).toBe(0);
    expect(log.spilled).toBeGreaterThan(0);
    const written = await lines(path.join(dataDir, 'questions.jsonl'));
    expect(written).toHaveLength(20_000);
    expect(new Set(written.map((r) => r.question)).size).toBe(20_000);
    expect(logged).toEqual([]);
  });

  it('drops only past the backlog limit during an outage, and warns with the count', async () => {
    const blocker = path.join(root, 'file');
    await writeFile(blocker, '');
    const log = new JsonlLearningLog({
      dataDir: path.join(blocker, 'data'),
      logger,
      retryAfterMs: 60_000,
      maxQueue: 100,
    });
    log.record({ type: 'unanswered', question: 'first', userId: RAW_ID });
    await log.flush();
    for (let i = 0; i < 150; i++) log.record({ type: 'unanswered', question: `q${i}`, userId: RAW_ID });
    expect(log.dropped).toBe(51);
    const warnings = logged.filter((l) => l.level === 'warn');
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    expect(warnings[0]!.obj).toMatchObject({ event: 'learning-records-dropped' });
    await log.close();
    // The 100 held back cannot be written at close either: counted and reported too.
    expect(log.dropped).toBe(151);
    const last = logged.filter((l) => l.level === 'warn').at(-1)!;
    expect(last.obj).toMatchObject({ total: 151 });
  });

  it('writes a record that arrives after close instead of dropping it', async () => {
    const dataDir = path.join(root, 'data');
    const log = new JsonlLearningLog({ dataDir, logger });
    log.record({ type: 'unanswered', question: 'before', userId: RAW_ID });
    await log.close();
    log.record({ type: 'unanswered', question: 'after', userId: RAW_ID });
    const written = await lines(path.join(dataDir, 'questions.jsonl'));
    expect(written.map((r) => r.question)).toEqual(['before', 'after']);
    expect(log.dropped).toBe(0);
  });

  it('stores the uncovered languages a question asked about', async () => {
    const dataDir = path.join(root, 'data');
    const log = new JsonlLearningLog({ dataDir, logger });
    log.record({ type: 'unanswered', question: 'async in java?', userId: RAW_ID, languages: ['Java'] });
    await log.close();
    const [record] = await lines(path.join(dataDir, 'questions.jsonl'));
    expect(record).toMatchObject({ type: 'unanswered', languages: ['Java'] });
  });
});
