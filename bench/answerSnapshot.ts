/**
 * `npx tsx bench/answerSnapshot.ts OUT [BEFORE]`: every answer the engine gives, to check that a speed
 * change changes none of them. Writes one line per (knowledge, question) to OUT: the answer record
 * (`toAnswerRecord`, what the command line and the bot show) and the ranked sections at full
 * precision (so a change hidden by the record's rounding shows too). With BEFORE, an earlier snapshot,
 * it reports every line that differs and exits non-zero if any does.
 *
 * Knowledge and questions: every labelled question (test/eval/*.jsonl, and test/eval/blind/*.jsonl
 * where present) over the shipped knowledge alone, beside each fixture folder, and beside the whole
 * evaluation corpus; then 2,000 synthetic questions and the labelled ones over each 10,000-section
 * synthetic corpus (bench/syntheticKnowledge.ts), one corpus at a time.
 */
import { createWriteStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { toAnswerRecord } from '../src/answer/answerRecord.js';
import { ConceptEngine } from '../src/answer/ConceptEngine.js';
import { EVAL_CORPUS } from '../src/eval/evalCorpus.js';
import { readLabelledQuestions } from '../src/eval/evaluate.js';
import { importCapture } from '../src/import/importCapture.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import type { KnowledgeBase, Topic } from '../src/knowledge/types.js';
import {
  denseTopicSources,
  knowledgeOf,
  realisticTopicSources,
  syntheticQuestions,
  syntheticTopicSources,
} from './syntheticKnowledge.js';

const SYNTHETIC_QUESTIONS = 2_000;

async function jsonlFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((n) => n.endsWith('.jsonl'))
    .sort()
    .map((n) => path.join(dir, n));
}

/** The captures of the evaluation corpus, imported as `npm run import` would; one the importer refuses is left out. */
async function importedCaptures(): Promise<Topic[]> {
  const files = (await readdir(EVAL_CORPUS.captures)).filter((f) => f.endsWith('.txt')).sort();
  const topics: Topic[] = [];
  for (const file of files) {
    try {
      const topic = importCapture(await readFile(path.join(EVAL_CORPUS.captures, file)), file).topic;
      topics.push({ ...topic, id: path.basename(file, '.txt') });
    } catch (error) {
      process.stderr.write(`left out ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  return topics;
}

/** The knowledge bases to answer over, each built only when its turn comes. */
function knowledgeBases(): [string, () => Promise<KnowledgeBase>][] {
  const beside = (dir: string) => async () => ({
    topics: [...(await loadKnowledge('knowledge')).topics, ...(await loadKnowledge(dir)).topics],
  });
  return [
    ['shipped', () => loadKnowledge('knowledge')],
    ['shipped+multi-topic', beside('test/fixtures/multi-topic')],
    ['shipped+unenriched-topics', beside('test/fixtures/unenriched-topics')],
    [
      'eval corpus',
      async () => ({ topics: [...(await loadKnowledge('knowledge')).topics, ...(await importedCaptures())] }),
    ],
    ['diverse 10000', async () => knowledgeOf(syntheticTopicSources(10_000))],
    ['realistic 10000', async () => knowledgeOf(realisticTopicSources(10_000))],
    ['dense 10000', async () => knowledgeOf(denseTopicSources(10_000))],
  ];
}

function snapshotLine(name: string, engine: ConceptEngine, question: string): string {
  const ranked = engine
    .search(question)
    .ranked.map((r) => [r.topic.id, r.section.id, r.score, r.confidence, r.bestPoint]);
  return JSON.stringify({ knowledge: name, record: toAnswerRecord(engine.ask(question)), ranked });
}

async function main([out, before]: string[]): Promise<number> {
  if (!out) {
    process.stderr.write('usage: npx tsx bench/answerSnapshot.ts OUT [BEFORE]\n');
    return 2;
  }
  const files = [...(await jsonlFiles('test/eval')), ...(await jsonlFiles('test/eval/blind'))];
  const labelled = (await Promise.all(files.map(readLabelledQuestions))).flat().map((q) => q.question);
  const stream = createWriteStream(out);
  let lines = 0;
  for (const [name, load] of knowledgeBases()) {
    const knowledge = await load();
    const engine = ConceptEngine.build(knowledge);
    const synthetic = name.endsWith('10000') ? syntheticQuestions(knowledge, SYNTHETIC_QUESTIONS) : [];
    for (const question of [...labelled, ...synthetic]) {
      stream.write(`${snapshotLine(name, engine, question)}\n`);
      lines++;
    }
    process.stderr.write(`${name}: ${labelled.length + synthetic.length} questions\n`);
  }
  await new Promise<void>((resolve, reject) =>
    stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  process.stderr.write(`${lines} answers written to ${out}\n`);
  if (!before) return 0;
  const [now, then] = await Promise.all([readFile(out, 'utf8'), readFile(before, 'utf8')]);
  const [a, b] = [then.split('\n'), now.split('\n')];
  const differing = a.flatMap((line, i) => (line === b[i] ? [] : [i]));
  if (a.length !== b.length)
    process.stderr.write(`line counts differ: ${a.length} before, ${b.length} now\n`);
  for (const i of differing.slice(0, 10)) process.stderr.write(`line ${i + 1}:\n- ${a[i]}\n+ ${b[i]}\n`);
  process.stderr.write(
    differing.length || a.length !== b.length
      ? `${differing.length} answers differ from ${before}\n`
      : `identical to ${before}\n`,
  );
  return differing.length || a.length !== b.length ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
