/**
 * `npm run bench`: index build time, per-question latency (p50/p99) and memory at the shipped
 * knowledge, 1,000 and 10,000 sections; loading, importing and hot-reloading a 1 MB topic
 * (bench/knowledgePipeline.ts); start-up time of one `ask`; and the end-to-end Discord
 * latency on the loopback emulator. A script, not a test: the figures vary with the machine.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { ConceptEngine } from '../src/answer/ConceptEngine.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import type { KnowledgeBase } from '../src/knowledge/types.js';
import { readLabelledQuestions } from '../src/eval/evaluate.js';
import { parseCommandLine } from '../src/cli/commandLine.js';
import { benchKnowledgePipeline } from './knowledgePipeline.js';
import { percentile } from './percentile.js';
import { enrichedSyntheticKnowledge, syntheticKnowledge, syntheticQuestions } from './syntheticKnowledge.js';

const QUESTION_RUNS = 2_000;

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function measureEngine(name: string, knowledge: KnowledgeBase, questions: string[]): ConceptEngine {
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const buildStart = performance.now();
  const engine = ConceptEngine.build(knowledge);
  const buildMs = performance.now() - buildStart;
  globalThis.gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  // Later builds (hot reloads) run warm: report the median of three beside the first.
  const rebuilds = [buildMs];
  for (let i = 0; i < 2; i++) {
    const start = performance.now();
    ConceptEngine.build(knowledge);
    rebuilds.push(performance.now() - start);
    globalThis.gc?.();
  }
  for (const q of questions.slice(0, 200)) engine.ask(q); // warm up the JIT
  const times: number[] = [];
  for (let i = 0; i < QUESTION_RUNS; i++) {
    const q = questions[i % questions.length]!;
    const start = performance.now();
    engine.ask(q);
    times.push(performance.now() - start);
  }
  console.log(
    `${name.padEnd(22)} sections ${String(engine.sectionCount).padStart(6)} | build ${buildMs.toFixed(0).padStart(5)} ms (median of 3: ${percentile(rebuilds, 50).toFixed(0)}) | ask p50 ${percentile(times, 50).toFixed(3)} ms p99 ${percentile(times, 99).toFixed(3)} ms | index heap ${mb(heapAfter - heapBefore)} (rss ${mb(process.memoryUsage().rss)})`,
  );
  return engine;
}

async function main(): Promise<void> {
  parseCommandLine({
    command: 'bench',
    usage: [''],
    details: `Builds the index of the shipped knowledge and of 1,000 and 10,000 synthetic sections, times
${QUESTION_RUNS.toLocaleString('en')} questions on each, and runs the bot against the loopback Discord emulator. A script,
not a test: the figures vary with the machine. Takes a few minutes.`,
    flags: {},
  });
  console.log(
    `node ${process.version}, ${QUESTION_RUNS} questions per size${globalThis.gc ? '' : ' (run with --expose-gc for exact heap figures)'}`,
  );
  const shipped = await loadKnowledge('knowledge');
  const labelled = (await readLabelledQuestions('test/eval/questions.jsonl')).map((q) => q.question);
  measureEngine('shipped knowledge', shipped, labelled);
  for (const size of [1_000, 10_000]) {
    const parseStart = performance.now();
    const knowledge = syntheticKnowledge(size);
    const parseMs = performance.now() - parseStart;
    const questions = [...syntheticQuestions(knowledge, 1_000), ...labelled];
    measureEngine(`synthetic ${size}`, knowledge, questions);
    console.log(`${''.padEnd(22)} (parsing the ${size}-section Markdown took ${parseMs.toFixed(0)} ms)`);
  }
  // Real topics carry keywords and sample questions: more text to index and a vector per question.
  const enriched = enrichedSyntheticKnowledge(10_000);
  measureEngine('enriched 10000', enriched, [...syntheticQuestions(enriched, 1_000), ...labelled]);
  console.log(`${''.padEnd(22)} (12 keywords and 12 sample questions a section)`);

  await benchKnowledgePipeline();

  const starts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/ask.ts', '--json', 'does await block the thread?'],
      { encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(run.stderr);
    starts.push(performance.now() - start);
  }
  console.log(
    `one-question process (npm run ask, without npm's own start-up): median ${percentile(starts, 50).toFixed(0)} ms of 5`,
  );

  // The Discord end-to-end bench is optional here, so the path is resolved at run time.
  const discordBench = new URL('./discordLatency.ts', import.meta.url).href;
  const discord = await import(discordBench).catch(() => null);
  if (!discord) {
    console.log('discord end-to-end: bench/discordLatency.ts not available');
    return;
  }
  const load = await import(new URL('./discordLoad.ts', import.meta.url).href).catch(() => null);
  if (load) {
    const r = await load.benchDiscordLoad({ questions: labelled });
    console.log(
      `discord load: 300 /ask + 300 mentions from 300 users in 10 channels over 10 s, gateway dropped midway, Discord's channel limits:`,
    );
    console.log(
      `  /ask acknowledged ${r.interactions.acknowledged}/${r.interactions.sent} (within 3 s: ${r.interactions.within3s}, twice: ${r.interactions.duplicated}) dispatch -> callback p50 ${r.interactions.p50} ms p99 ${r.interactions.p99} ms max ${r.interactions.max} ms`,
    );
    console.log(
      `  mentions answered ${r.mentions.answered}/${r.mentions.sent} (reply ${r.mentions.byReply}, 👆 ${r.mentions.byPointerReaction}, ⏳ ${r.mentions.byLimitReaction}, other reaction ${r.mentions.byOtherReaction}; lost ${r.mentions.lost}, twice ${r.mentions.duplicated}) dispatch -> reply p50 ${r.mentions.p50} ms p99 ${r.mentions.p99} ms`,
    );
    console.log(
      `  channel posts: ${r.channelPosts.answers} answers, ${r.channelPosts.pointers} pointers, ${r.channelPosts.notices} notices | resumes ${r.gateway.resumes}, identifies ${r.gateway.identifies} | bot RSS ${r.idleRssMb} MB ready, ${r.peakRssMb} MB peak | SIGTERM exit ${r.exitCode} | ${r.wallSeconds} s`,
    );
    const failures = load.loadFailures(r);
    if (failures.length > 0) {
      console.log(`  FAILED: ${failures.join('; ')}`);
      process.exitCode = 1;
    }
  }
  for (const [name, knowledgeDir] of [
    ['shipped knowledge', undefined],
    ['synthetic 10000', 'synthetic:10000'],
  ] as const) {
    const questions = knowledgeDir ? syntheticQuestions(syntheticKnowledge(10_000), 500) : labelled;
    const result = await discord.benchDiscordLatency({ knowledgeDir, questions, runs: 500 });
    console.log(
      `discord e2e ${name.padEnd(18)} dispatch -> reply request over ${result.n}: p50 ${result.p50.toFixed(2)} ms p99 ${result.p99.toFixed(2)} ms`,
    );
  }

  // HTTP interactions mode: the bot in its own process, the emulator signing and posting to it.
  const httpBench = new URL('./httpInteractions.ts', import.meta.url).href;
  const http = await import(httpBench).catch(() => null);
  if (!http) {
    console.log('http interactions: bench/httpInteractions.ts not available');
    return;
  }
  const result = await http.benchHttpInteractions({
    questions: labelled,
    runs: 500,
    requests: 3_000,
    concurrency: 16,
  });
  const { latency, throughput } = result;
  const cpu = throughput.botCpuMsPerRequest;
  console.log(
    `http interactions      signed POST -> response over ${latency.n}: p50 ${latency.p50.toFixed(2)} ms p99 ${latency.p99.toFixed(2)} ms` +
      ` (/ask p50 ${latency.byKind.ask.p50.toFixed(2)} p99 ${latency.byKind.ask.p99.toFixed(2)}, autocomplete p50 ${latency.byKind.autocomplete.p50.toFixed(2)} p99 ${latency.byKind.autocomplete.p99.toFixed(2)})`,
  );
  console.log(
    `${''.padEnd(22)} ${throughput.answered} of ${throughput.requests} /ask with ${throughput.concurrency} in flight: ${throughput.perSecond.toFixed(0)} requests/s` +
      (cpu !== undefined ? ` (bot process CPU ${cpu.toFixed(2)} ms a request)` : ''),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
