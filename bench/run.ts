/**
 * `npm run bench [-- [--engine-only] [CORPUS...]]`: for the shipped knowledge and each synthetic corpus
 * (diverse at 1,000 and 10,000 sections, enriched, realistic, dense; bench/syntheticKnowledge.ts): index
 * build time, per-question latency (p50/p99), memory, and a one-question `ask` process over it; loading,
 * importing and hot-reloading a 1 MB topic (bench/knowledgePipeline.ts); then the
 * end-to-end Discord and HTTP interaction latency on the loopback emulator (left out with
 * `--engine-only`). CORPUS names pick some corpora (`realistic dense`). A script, not a test: the
 * figures vary with the machine. The big corpora are measured one after another, never at once.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { ConceptEngine } from '../src/answer/ConceptEngine.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import type { KnowledgeBase } from '../src/knowledge/types.js';
import { readLabelledQuestions } from '../src/eval/evaluate.js';
import {
  parseCommandLine,
  usageError,
  type CommandLineSpec,
  type FlagSpecs,
} from '../src/cli/commandLine.js';
import { timeAskProcess, timeAskProcessOver } from './askProcess.js';
import { benchKnowledgePipeline } from './knowledgePipeline.js';
import { answerLatencies, measureEngine, type EngineFigures } from './engineFigures.js';
import { percentile } from './percentile.js';
import {
  DENSE_VOCABULARY_SIZE,
  REALISTIC_VOCABULARY_SIZE,
  denseTopicSources,
  enrichedSyntheticKnowledge,
  knowledgeOf,
  realisticTopicSources,
  syntheticKnowledge,
  syntheticQuestions,
  syntheticTopicSources,
  type TopicSources,
} from './syntheticKnowledge.js';

const QUESTION_RUNS = 2_000;
const WARM_UP = 200;
/**
 * Questions a fresh process answers over the shipped knowledge before any corpus is measured: the JIT
 * compiles the engine's hot paths over its first few thousand questions, and on a small machine that
 * compiling preempts answering. Without it the first corpus measured would carry the whole cost, and
 * the others none. Its latencies are reported on their own line, as a fresh process's.
 */
const PROCESS_WARM_UP = 6_000;
const LABELLED_SETS = [
  'test/eval/questions.jsonl',
  'test/eval/calibration.jsonl',
  'test/eval/multi-topic.jsonl',
  'test/eval/unenriched.jsonl',
];
const SHIPPED_QUESTION = 'does await block the thread?';
/** The issue's speed targets, at 10,000 sections. */
const TARGETS = { askP99Ms: 2, buildMs: 2_000, heapBytes: 150 * 1024 * 1024, processMs: 3_000 };

interface Corpus {
  name: string;
  /** What the row says about the corpus. */
  note: string;
  /** The topic files, where the corpus is Markdown (what a one-question process loads). */
  sources?: () => TopicSources;
  /** The parsed knowledge, where there are no sources. */
  knowledge?: () => KnowledgeBase;
}

const CORPORA: Record<string, Corpus[]> = {
  diverse: [1_000, 10_000].map((size) => ({
    name: `diverse ${size}`,
    note: '20,000 made-up words, drawn uniformly',
    sources: () => syntheticTopicSources(size),
  })),
  enriched: [
    {
      name: 'enriched 10000',
      note: 'diverse, with 12 keywords and 12 sample questions a section',
      knowledge: () => enrichedSyntheticKnowledge(10_000),
    },
  ],
  realistic: [
    {
      name: 'realistic 10000',
      note: `Zipf over ${REALISTIC_VOCABULARY_SIZE.toLocaleString('en')} English and programming words`,
      sources: () => realisticTopicSources(10_000),
    },
  ],
  dense: [
    {
      name: 'dense 10000',
      note: `${DENSE_VOCABULARY_SIZE} shared programming words, drawn uniformly`,
      sources: () => denseTopicSources(10_000),
    },
  ],
};

interface Row {
  name: string;
  figures: EngineFigures;
  processMs?: number;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function ms(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(value >= 10 ? 1 : 2);
}

function printRow({ name, figures: f, processMs }: Row): void {
  console.log(
    `${name.padEnd(18)} sections ${String(f.sections).padStart(6)} | build ${ms(f.firstBuildMs).padStart(5)} ms (median of 3: ${ms(f.medianBuildMs)}) | ask p50 ${f.askP50Ms.toFixed(3)} ms p99 ${f.askP99Ms.toFixed(3)} ms over ${f.questions} (best of 3 engines: p50 ${f.steadyP50Ms.toFixed(3)} p99 ${f.steadyP99Ms.toFixed(3)}) | index heap ${mb(f.indexHeapBytes)}, after the questions ${mb(f.heapAfterQuestionsBytes)} (rss ${mb(f.rssBytes)})` +
      (processMs === undefined ? '' : ` | one-question process ${ms(processMs)} ms (median of 5)`),
  );
}

function printTable(rows: readonly Row[]): void {
  console.log(
    '\n| knowledge | sections | build first / median of 3 | ask p50 / p99 | best of 3: p50 / p99 | index heap (after questions) | one-question process |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const { name, figures: f, processMs } of rows) {
    console.log(
      `| ${name} | ${f.sections.toLocaleString('en')} | ${ms(f.firstBuildMs)} / ${ms(f.medianBuildMs)} ms | ${f.askP50Ms.toFixed(2)} / ${f.askP99Ms.toFixed(2)} ms | ${f.steadyP50Ms.toFixed(2)} / ${f.steadyP99Ms.toFixed(2)} ms | ${mb(f.indexHeapBytes)} (${mb(f.heapAfterQuestionsBytes)}) | ${processMs === undefined ? '' : `${ms(processMs)} ms`} |`,
    );
  }
}

/** `count` questions: the given ones asked over and over. */
function cycled(questions: readonly string[], count: number): string[] {
  return Array.from({ length: count }, (_, i) => questions[i % questions.length]!);
}

/** A fresh process's answer latencies over the shipped knowledge, in order: the JIT's warm-up. */
function freshProcessLatency(shipped: KnowledgeBase, labelled: readonly string[]): number[] {
  return answerLatencies(ConceptEngine.build(shipped), cycled(labelled, PROCESS_WARM_UP));
}

function printFreshProcess(times: readonly number[]): void {
  const stretch = (from: number, to: number) => {
    const part = times.slice(from, to);
    return `questions ${from + 1}-${to}: p50 ${percentile(part, 50).toFixed(3)} ms p99 ${percentile(part, 99).toFixed(3)} ms`;
  };
  const half = times.length / 2;
  console.log(
    `fresh process, shipped knowledge, before measuring (the JIT's warm-up): ${stretch(0, QUESTION_RUNS)}; ${stretch(half, times.length)}`,
  );
}

/** What misses a target in a row: the raw p99 is judged, and the best-of-3 one shown beside it. */
function missedTargets({ figures: f, processMs }: Row): string[] {
  const missed: string[] = [];
  if (f.askP99Ms > TARGETS.askP99Ms)
    missed.push(`ask p99 ${ms(f.askP99Ms)} ms (best of 3: ${ms(f.steadyP99Ms)} ms)`);
  if (f.firstBuildMs > TARGETS.buildMs) missed.push(`first build ${ms(f.firstBuildMs)} ms`);
  if (f.heapAfterQuestionsBytes > TARGETS.heapBytes) missed.push(`heap ${mb(f.heapAfterQuestionsBytes)}`);
  if (processMs !== undefined && processMs > TARGETS.processMs)
    missed.push(`one-question process ${ms(processMs)} ms`);
  return missed;
}

function loadAverage(): string {
  return loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
}

/** The measured questions: every labelled one, and synthetic ones from the knowledge's own sections up to QUESTION_RUNS. */
function questionsFor(knowledge: KnowledgeBase, labelled: readonly string[]): string[] {
  return [...syntheticQuestions(knowledge, QUESTION_RUNS - labelled.length), ...labelled];
}

async function measureCorpus(corpus: Corpus, labelled: readonly string[]): Promise<Row> {
  const sources = corpus.sources?.();
  const parseStart = performance.now();
  const knowledge = sources ? knowledgeOf(sources) : corpus.knowledge!();
  const parseMs = performance.now() - parseStart;
  const warmUp = syntheticQuestions(knowledge, WARM_UP, 23);
  const figures = measureEngine(knowledge, questionsFor(knowledge, labelled), warmUp);
  // The first synthetic question (words of one section, the first with a slip) as a user's one question.
  const question = syntheticQuestions(knowledge, 1)[0]!;
  const processMs =
    sources && figures.sections >= 10_000
      ? (await timeAskProcessOver(sources, question)).medianMs
      : undefined;
  const row = { name: corpus.name, figures, processMs };
  printRow(row);
  console.log(
    `${''.padEnd(18)} ${corpus.note}; ${sources ? `parsing its Markdown took ${ms(parseMs)} ms` : `made in ${ms(parseMs)} ms`}` +
      (processMs === undefined ? '' : `; process question "${question}"`),
  );
  return row;
}

async function main(): Promise<void> {
  const spec = {
    command: 'bench',
    usage: ['[--engine-only] [CORPUS...]'] as string[],
    details: `For the shipped knowledge and each synthetic corpus (${Object.keys(CORPORA).join(', ')}): index build,
${QUESTION_RUNS.toLocaleString('en')} questions, heap and a one-question process; then the bot against the loopback
Discord emulator and in HTTP mode (left out with --engine-only). CORPUS names pick some corpora. A script, not a
test: the figures vary with the machine. Takes several minutes.`,
    flags: { 'engine-only': { type: 'boolean', help: 'only the engine figures, not Discord or HTTP' } },
    positionals: true,
  } as const satisfies CommandLineSpec<FlagSpecs>;
  const { flags, positionals: names } = parseCommandLine(spec);
  const engineOnly = flags['engine-only'];
  const unknown = names.filter((n) => n !== 'shipped' && !(n in CORPORA));
  if (unknown.length)
    usageError(
      spec,
      `unknown corpus ${unknown.join(', ')}; known: shipped, ${Object.keys(CORPORA).join(', ')}`,
    );
  const wanted = (name: string) => names.length === 0 || names.includes(name);
  console.log(
    `node ${process.version}, ${QUESTION_RUNS} questions per corpus after ${WARM_UP} warm-up ones, load average ${loadAverage()}${globalThis.gc ? '' : ' (run with --expose-gc for exact heap figures)'}`,
  );
  const labelled = (await Promise.all(LABELLED_SETS.map(readLabelledQuestions)))
    .flat()
    .map((q) => q.question);
  const rows: Row[] = [];
  const shipped = await loadKnowledge('knowledge');
  printFreshProcess(freshProcessLatency(shipped, labelled));
  if (wanted('shipped')) {
    // The shipped topic's questions are the labelled ones: asked over and over to make up the runs.
    const figures = measureEngine(shipped, cycled(labelled, QUESTION_RUNS), labelled.slice(0, WARM_UP));
    const processMs = timeAskProcess('knowledge', SHIPPED_QUESTION).medianMs;
    rows.push({ name: 'shipped knowledge', figures, processMs });
    printRow(rows[rows.length - 1]!);
  }
  for (const [name, corpora] of Object.entries(CORPORA)) {
    if (!wanted(name)) continue;
    for (const corpus of corpora) rows.push(await measureCorpus(corpus, labelled));
  }
  printTable(rows);
  console.log(
    `\ntargets (${TARGETS.askP99Ms} ms ask p99, ${TARGETS.buildMs / 1000} s build, ${mb(TARGETS.heapBytes)} heap, ${TARGETS.processMs / 1000} s one-question process); load average now ${loadAverage()}:`,
  );
  for (const row of rows) {
    const missed = missedTargets(row);
    console.log(`  ${row.name}: ${missed.length ? `missed: ${missed.join('; ')}` : 'all met'}`);
  }
  await benchKnowledgePipeline();
  if (engineOnly) return;
  const shippedLabelled = (await readLabelledQuestions('test/eval/questions.jsonl')).map((q) => q.question);

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
    const questions = knowledgeDir ? syntheticQuestions(syntheticKnowledge(10_000), 500) : shippedLabelled;
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
    questions: shippedLabelled,
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
