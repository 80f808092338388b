import type { EventEmitter } from 'node:events';
import { copyFile, cp, mkdtemp, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
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
    // Another explicit reload queues behind nothing and runs at once.
    expect(await live.reload()).toBe(true);
    expect(reloads).toBe(2);
  });

  it('throws at start when the folder is invalid, and does not throw on a rejected reload without listeners', async () => {
    await save(TOPIC, 'no sections here\n');
    await expect(LiveEngine.start(dir, { logger: silent })).rejects.toThrow(/no sections/);
    expect(await live.reload()).toBe(false);
  });
});

const silent = { info() {}, warn() {}, error() {} };
