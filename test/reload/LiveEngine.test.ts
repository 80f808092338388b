import type { EventEmitter } from 'node:events';
import { execFileSync } from 'node:child_process';
import {
  appendFile,
  copyFile,
  cp,
  mkdtemp,
  readFile,
  rename,
  rm,
  symlink,
  unlink,
  writeFile,
} from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveEngine, type ReloadEvent } from '../../src/answer/LiveEngine.js';
import type { KnowledgeLoadError } from '../../src/knowledge/KnowledgeError.js';

const TOPIC = 'csharp-async-await.md';
const OTHER = 'python-generators.md';
const NEW_SECTION =
  '\n- **Quokka sandwich protocol**:\n  - Feed every quokka a zucchini sandwich at noon sharp.\n';

let dir: string;
let live: LiveEngine;
let logged: { level: string; obj: object; msg: string }[];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'concept-bot-reload-'));
  await cp('knowledge', dir, { recursive: true });
  await copyFile(path.join('test/fixtures/multi-topic', OTHER), path.join(dir, OTHER));
  logged = [];
  const log = (level: string) => (obj: object, msg: string) => logged.push({ level, obj, msg });
  live = await LiveEngine.start(dir, {
    debounceMs: 40,
    logger: { info: log('info'), warn: log('warn'), error: log('error') },
  });
});

afterEach(async () => {
  live.close();
  await rm(dir, { recursive: true, force: true });
});

/** The next `event` from the live engine; fails after `ms` instead of hanging. */
function next<E extends 'reload' | 'error'>(
  event: E,
  ms = 5_000,
): Promise<E extends 'reload' ? ReloadEvent : KnowledgeLoadError> {
  const emitter = live as unknown as EventEmitter;
  return new Promise((resolve, reject) => {
    const other = event === 'reload' ? 'error' : 'reload';
    const timer = setTimeout(() => finish(() => reject(new Error(`no ${event} event within ${ms} ms`))), ms);
    const onEvent = (value: unknown) => finish(() => resolve(value as never));
    const onOther = (value: unknown) =>
      finish(() => reject(new Error(`expected ${event}, got ${other}: ${String(value)}`)));
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      emitter.off(event, onEvent);
      emitter.off(other, onOther);
      settle();
    };
    emitter.on(event, onEvent);
    emitter.on(other, onOther);
  });
}

/** Saves like an editor doing an atomic write: a temporary file renamed over the topic. */
async function save(name: string, text: string): Promise<void> {
  const temp = path.join(dir, `.${name}.${process.pid}.tmp`);
  await writeFile(temp, text);
  await rename(temp, path.join(dir, name));
}

const quokkaQuestion = 'what is the quokka sandwich protocol?';
const generatorsQuestion = 'how does yield work in a python generator?';

describe('LiveEngine', () => {
  it('swaps in an edited topic, keeps serving through a broken edit, and follows removals and fixes', async () => {
    const original = await readFile(path.join(dir, TOPIC), 'utf8');
    const before = live.current;
    expect(before.ask(quokkaQuestion).match?.section.id).not.toBe('quokka-sandwich-protocol');

    // 1. A new section appears.
    let reloaded = next('reload');
    await save(TOPIC, original + NEW_SECTION);
    expect((await reloaded).changed).toContain(TOPIC);
    const edited = live.current;
    expect(edited).not.toBe(before);
    const answer = edited.ask(quokkaQuestion);
    expect(answer.kind).toBe('answer');
    expect(answer.match?.section.id).toBe('quokka-sandwich-protocol');
    expect(edited.lookup('quokka').map((e) => e.value)).toContain(
      'csharp-async-await/quokka-sandwich-protocol',
    );
    // An engine taken before the swap still answers from its own knowledge.
    expect(before.find('csharp-async-await/quokka-sandwich-protocol')).toBeUndefined();

    // 2. Invalid YAML: an error with file and line; the last good engine keeps serving.
    const failed = next('error');
    await save(
      TOPIC,
      original.replace('language: csharp', 'language: csharp\nlanguage: [unclosed') + NEW_SECTION,
    );
    const error = await failed;
    expect(error.errors[0]).toMatchObject({ file: path.join(dir, TOPIC), line: 4 });
    expect(error.errors[0]!.problem).toMatch(/invalid YAML/);
    expect(live.current).toBe(edited);
    expect(live.current.ask(quokkaQuestion).match?.section.id).toBe('quokka-sandwich-protocol');
    expect(logged).toContainEqual(
      expect.objectContaining({
        level: 'error',
        obj: expect.objectContaining({ file: path.join(dir, TOPIC), line: 4 }),
      }),
    );

    // 3. Removing a topic file removes its sections.
    expect(live.current.ask(generatorsQuestion).match?.topic.id).toBe('python-generators');
    const generators = await readFile(path.join(dir, OTHER), 'utf8');
    reloaded = next('reload');
    await unlink(path.join(dir, OTHER));
    await save(TOPIC, original + NEW_SECTION);
    await reloaded;
    expect(live.current.knowledge.topics.map((t) => t.id)).toEqual(['csharp-async-await']);
    expect(live.current.ask(generatorsQuestion).match?.topic.id).not.toBe('python-generators');
    expect(live.current.lookup('generator').some((e) => e.topic.id === 'python-generators')).toBe(false);

    // 4. Putting it back swaps it back in.
    reloaded = next('reload');
    await save(OTHER, generators);
    await reloaded;
    expect(live.current.ask(generatorsQuestion).match?.topic.id).toBe('python-generators');
    expect(live.current.knowledge.topics.map((t) => t.id)).toEqual([
      'csharp-async-await',
      'python-generators',
    ]);
  });

  it('coalesces a burst of edits into one reload', async () => {
    live.close();
    live = await LiveEngine.start(dir, { debounceMs: 300, logger: silent });
    const original = await readFile(path.join(dir, TOPIC), 'utf8');
    let reloads = 0;
    live.on('reload', () => reloads++);
    const reloaded = next('reload');
    for (let i = 0; i < 5; i++) await writeFile(path.join(dir, TOPIC), original + `\n<!-- edit ${i} -->\n`);
    await reloaded;
    expect(reloads).toBe(1);
    // An explicit reload of the same bytes builds nothing (no stall for a save without changes)…
    expect(await live.reload()).toBe(false);
    expect(reloads).toBe(1);
    // …while a change does.
    const again = next('reload');
    await writeFile(path.join(dir, TOPIC), original + '\n<!-- another edit -->\n');
    await again;
    expect(reloads).toBe(2);
  });

  it('throws at start when the folder is invalid, and does not throw on a rejected reload without listeners', async () => {
    await save(TOPIC, 'no sections here\n');
    await expect(LiveEngine.start(dir, { logger: silent })).rejects.toThrow(/no sections/);
    expect(await live.reload()).toBe(false);
  });
});

const silent = { info() {}, warn() {}, error() {} };

describe('LiveEngine under faults', () => {
  const quokkaSection = (engine = live.current) =>
    engine.knowledge.topics.some((t) => t.sections.some((s) => s.id === 'quokka-sandwich-protocol'));

  /** Waits until `condition` holds, checking every 25 ms; fails after `ms`. */
  async function until(condition: () => boolean, ms = 8_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async function restart(options: Parameters<typeof LiveEngine.start>[1] = {}): Promise<void> {
    live.close();
    live = await LiveEngine.start(dir, {
      debounceMs: 40,
      pollMs: 100,
      logger: { info() {}, warn: (obj, msg) => logged.push({ level: 'warn', obj, msg }), error() {} },
      ...options,
    });
  }

  it('follows the folder when it is replaced, deleted and recreated, or a symbolic link to it is swapped', async () => {
    const original = await readFile(path.join(dir, TOPIC), 'utf8');
    const base = await mkdtemp(path.join(tmpdir(), 'concept-bot-swap-'));
    try {
      // The usual deploy: build the new folder beside it, move the old one away, move the new one in.
      await cp(dir, `${dir}.new`, { recursive: true });
      await writeFile(path.join(`${dir}.new`, TOPIC), original + NEW_SECTION);
      await restart();
      await rename(dir, `${dir}.old`);
      await rename(`${dir}.new`, dir);
      await until(() => quokkaSection());
      await rm(`${dir}.old`, { recursive: true });

      // Deleted, then created again with other content: the watch moves to the new folder.
      await rm(dir, { recursive: true });
      await new Promise((r) => setTimeout(r, 300));
      await cp('knowledge', dir, { recursive: true });
      await until(() => !quokkaSection());
      await save(TOPIC, original + NEW_SECTION); // and edits in it are seen
      await until(() => quokkaSection());

      // A symbolic link swapped from one release folder to another.
      const releaseA = path.join(base, 'a');
      const releaseB = path.join(base, 'b');
      await cp('knowledge', releaseA, { recursive: true });
      await cp('knowledge', releaseB, { recursive: true });
      await writeFile(path.join(releaseB, TOPIC), original + NEW_SECTION);
      const link = path.join(base, 'current');
      await symlink(releaseA, link);
      live.close();
      live = await LiveEngine.start(link, { debounceMs: 40, pollMs: 100, logger: silent });
      expect(quokkaSection()).toBe(false);
      await symlink(releaseB, `${link}.next`);
      await rename(`${link}.next`, link); // atomic swap, as deploy tools do it
      await until(() => quokkaSection());
    } finally {
      await rm(base, { recursive: true, force: true });
      await rm(`${dir}.new`, { recursive: true, force: true });
      await rm(`${dir}.old`, { recursive: true, force: true });
    }
  });

  it('skips a FIFO or socket named like a topic with a warning, and keeps reloading', async () => {
    execFileSync('mkfifo', [path.join(dir, 'x.md')]);
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(path.join(dir, 'socket.md'), resolve));
    try {
      await restart();
      expect(live.current.knowledge.topics.map((t) => t.id)).toEqual([
        'csharp-async-await',
        'python-generators',
      ]);
      const warnings = logged.filter((l) => l.level === 'warn').map((l) => l.msg);
      expect(warnings).toContainEqual(expect.stringMatching(/x\.md: not a regular file \(a FIFO\): skipped/));
      expect(warnings).toContainEqual(expect.stringMatching(/socket\.md: not a regular file/));
      const original = await readFile(path.join(dir, TOPIC), 'utf8');
      const reloaded = next('reload');
      await save(TOPIC, original + NEW_SECTION);
      await reloaded;
      expect(quokkaSection()).toBe(true);
    } finally {
      server.close();
    }
  });

  it('never serves a file changed within the debounce window, even when a reload is asked for mid-write', async () => {
    // Unenriched: half of it is a valid topic too (front matter would name sections not yet written).
    const whole = (await readFile(path.join(dir, TOPIC), 'utf8')).replace(/^---\n[\s\S]*?\n---\n/, '');
    await restart({ debounceMs: 150 });
    const sectionCounts: number[] = [];
    live.on('reload', ({ engine }) => {
      sectionCounts.push(engine.knowledge.topics.find((t) => t.id === 'csharp-async-await')!.sections.length);
    });
    // A slow writer: the topic arrives in 24 pieces, 50 ms apart, while reloads are asked for every 60 ms.
    const pieces = 24;
    const size = Math.ceil(whole.length / pieces);
    await writeFile(path.join(dir, TOPIC), whole.slice(0, size));
    const nudges = setInterval(() => void live.reload(), 60);
    try {
      for (let i = 1; i < pieces; i++) {
        await appendFile(path.join(dir, TOPIC), whole.slice(i * size, (i + 1) * size));
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      clearInterval(nudges);
    }
    await until(() => sectionCounts.at(-1) === 9);
    expect(sectionCounts.length).toBeGreaterThan(0);
    expect(sectionCounts.every((n) => n === 9)).toBe(true);
  });

  it('rejects a file over the size limit with a clear error and keeps the last good knowledge', async () => {
    await restart({ limits: { maxBytes: 64 * 1024, timeoutMs: 5_000 } });
    const before = live.current;
    const failed = next('error');
    await save('huge.md', `- **Huge**: ${'word '.repeat(20_000)}\n`);
    const error = await failed;
    expect(error.errors[0]!.message).toMatch(
      /huge\.md: 98 KB is over the 64 KB limit for one file \(split the topic, or raise KNOWLEDGE_MAX_FILE_MB\)$/,
    );
    expect(live.current).toBe(before);
    expect(live.lastError).toBe(error);
  });
});
