/**
 * The knowledge pipeline's figures for `npm run bench`: loading (read + parse) a 1 MB topic in three
 * shapes, importing a 1 MB and a 1.4 MB raw capture, refusing a 50 MB file, and the event-loop delay of
 * a live engine while a 1 MB topic is reloaded (what a bot serving slash commands would feel).
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { LiveEngine } from '../src/answer/LiveEngine.js';
import { ConceptEngine } from '../src/answer/ConceptEngine.js';
import { buildEngine } from '../src/answer/loadEngine.js';
import { defaultEngineOptions } from '../src/search/engineOptions.js';
import { buildTopicIndex } from '../src/search/index/TopicIndex.js';
import { importCapture } from '../src/import/importCapture.js';
import { readKnowledgeFolder } from '../src/knowledge/loadKnowledge.js';
import { parseTopic } from '../src/knowledge/parseTopic.js';
import { percentile } from './percentile.js';
import { syntheticTopicSources } from './syntheticKnowledge.js';

const MB = 1024 * 1024;

/** One topic of about `bytes`, in the seed's shape (titled bullets, sub-points, a code block each). */
function itemsTopic(bytes: number): string {
  for (let sections = 1_000; ; sections = Math.ceil(sections * 1.2)) {
    const source = syntheticTopicSources(sections, sections)[0]!.source;
    if (source.length >= bytes) return source.slice(0, source.lastIndexOf('\n- **', bytes));
  }
}

/** The same content as `###` headings with paragraphs and bullets under them. */
function headingsTopic(items: string): string {
  return items.replace(/^- \*\*(.+?)\*\*:$/gm, '### $1').replace(/^ {2}/gm, '');
}

/** Titled items in groups of two under `## Group n` headings (every heading a group label). */
function groupedTopic(items: string): string {
  let n = 0;
  return items.replace(/^- \*\*/gm, (m) => (n++ % 2 === 0 ? `## Group ${n}\n\n${m}` : m));
}

/** Nested items: every fourth section a sub-item of the one before (the "nested sections"). */
function nestedTopic(items: string): string {
  let n = 0;
  return items.replace(/^- \*\*/gm, (m) => (n++ % 4 === 3 ? '  - **' : m));
}

/** A raw capture: spinner frames, a prompt line, mojibake, runner statistics around the breakdown. */
function capture(markdown: string): string {
  const garbled = markdown.replace(/'/g, '\u00e2\u20ac\u2122'); // ’ read as cp1252
  return `$ ollama run llama3 --verbose "give me a breakdown of synthetic things"\n\u280b \u2819 \u2839 ${garbled}\n\nHope this helps!\n\ntotal duration:       21.4s\neval rate:            73.40 tokens/s\n`;
}

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

function median(runs: number[]): number {
  return [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
}

export async function benchKnowledgePipeline(): Promise<void> {
  const items = itemsTopic(MB);
  for (const [shape, source] of [
    ['items', items],
    ['nested items', nestedTopic(items)],
    ['headings', headingsTopic(items)],
    ['grouped', groupedTopic(items)],
  ] as const) {
    const runs = [0, 1, 2].map(() => time(() => parseTopic(source, 'big.md', 'big')));
    console.log(
      `load 1 MB topic, ${shape.padEnd(12)} ${(source.length / MB).toFixed(2)} MB, ${runs[0]!.value.sections.length} sections: parse ${runs[0]!.ms.toFixed(0)} ms (median of 3: ${median(runs.map((r) => r.ms)).toFixed(0)})`,
    );
  }

  for (const size of [1, 1.4]) {
    const raw = Buffer.from(capture(itemsTopic(size * MB)));
    const runs = [0, 1, 2].map(() => time(() => importCapture(raw, 'capture.txt')));
    console.log(
      `import ${size} MB capture: ${runs[0]!.ms.toFixed(0)} ms (median of 3: ${median(runs.map((r) => r.ms)).toFixed(0)}), ${runs[0]!.value.topic.sections.length} sections, peak rss of the bench so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    );
  }

  const dir = await mkdtemp(path.join(tmpdir(), 'concept-bot-bench-'));
  try {
    // A 50 MB file: refused by its size before it is read.
    await writeFile(path.join(dir, 'huge.md'), Buffer.alloc(50 * MB, 'word '));
    const refused = await (async () => {
      const start = performance.now();
      const read = await readKnowledgeFolder(dir);
      return { ms: performance.now() - start, message: read.errors[0]?.problem ?? 'loaded?' };
    })();
    console.log(`load 50 MB file: refused in ${refused.ms.toFixed(1)} ms ("${refused.message}")`);
    await rm(path.join(dir, 'huge.md'));

    // Reload stall: the event loop of a process serving from a live engine while a 1 MB topic reloads.
    await cp('knowledge', dir, { recursive: true });
    const live = await LiveEngine.start(dir, {
      debounceMs: 50,
      logger: { info() {}, warn() {}, error() {} },
    });
    const engine = buildEngine((await readKnowledgeFolder(dir)).knowledge!); // warm the builder
    void engine;
    const histogram = monitorEventLoopDelay({ resolution: 5 });
    // A 5 ms ticker stands in for the bot's traffic: each tick's lateness is the delay a command would see.
    const lateness: number[] = [];
    let expected = performance.now() + 5;
    const ticker = setInterval(() => {
      const now = performance.now();
      lateness.push(Math.max(0, now - expected));
      expected = now + 5;
    }, 5);
    const reloaded = new Promise<void>((resolve) => live.once('reload', () => resolve()));
    const start = performance.now();
    histogram.enable();
    await writeFile(path.join(dir, 'big.md'), items);
    await reloaded;
    const totalMs = performance.now() - start;
    // The build blocked the loop just before the swap: let the late timers fire so they are counted.
    await new Promise((resolve) => setTimeout(resolve, 50));
    histogram.disable();
    clearInterval(ticker);
    live.close();
    const withBig = (await readKnowledgeFolder(dir)).knowledge!;
    const indexes = withBig.topics.map((t) => buildTopicIndex(t, defaultEngineOptions));
    const build = time(() => buildEngine(withBig));
    // What the main thread does on a reload: receive the reader thread's message, assemble the engine.
    const clone = time(() => structuredClone({ knowledge: withBig, indexes }));
    const assemble = time(() => ConceptEngine.assemble(withBig, indexes));
    const ms = (ns: number) => (ns / 1e6).toFixed(0);
    console.log(
      `reload of a 1 MB topic (${withBig.topics.at(0)!.sections.length} sections) under a live engine: ${totalMs.toFixed(0)} ms from save to swap; ` +
        `event-loop delay p50 ${ms(histogram.percentile(50))} ms, p99 ${ms(histogram.percentile(99))} ms, max ${ms(histogram.max)} ms ` +
        `(5 ms ticker: ${lateness.length} ticks, p99 ${percentile(lateness, 99).toFixed(0)} ms, max ${Math.max(...lateness).toFixed(0)} ms late)`,
    );
    console.log(
      `${''.padEnd(22)} (reading, parsing and indexing run on the reader thread; on the main thread, receiving the knowledge and its indexes costs about ${clone.ms.toFixed(0)} ms and assembling the engine ${assemble.ms.toFixed(0)} ms, where building it there would take ${build.ms.toFixed(0)} ms)`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
