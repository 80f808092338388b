/**
 * `npm run calibrate [-- SET ...] [--check SET ...]`, a SET being `questions.jsonl=dir[,dir]`:
 * fits the confidence model on the labelled questions of every training set (the top section's
 * match features; right = 1, wrong or off-topic = 0), then shows what each answer threshold gives
 * on every set. The printed model goes into src/search/searchConfig.ts by hand, so a change of
 * calibration is a reviewed commit. Default: the shipped topic's questions, the short near-miss set and the three-topic set,
 * and (checked only) three unenriched topics beside the shipped one.
 */
import 'dotenv/config';
import type { ConceptEngine } from '../answer/ConceptEngine.js';
import { fitLogistic, type Example } from '../eval/fitLogistic.js';
import { readLabelledQuestions, type LabelledQuestion } from '../eval/evaluate.js';
import { loadEvalEngine } from '../eval/loadEvalEngine.js';
import { confidenceOf, FEATURE_NAMES } from '../search/confidence.js';
import { parseCommandLine, type CommandLineSpec, type FlagSpecs } from './commandLine.js';
import { exitOnKnowledgeError } from './exitOnKnowledgeError.js';

const SPEC = {
  command: 'calibrate',
  usage: ['[SET...] [--check SET...]'],
  details: `A SET is questions.jsonl=dir[,dir]: labelled questions and the knowledge folders to ask them of.
The model is fitted on the SETs before --check and shown on every SET. Default: the shipped topic's
questions, the short near-miss set and the three-topic set, checked against three unenriched topics.
The printed model goes into src/search/searchConfig.ts by hand.`,
  flags: {
    check: { type: 'boolean', help: 'the SETs after it are shown, not fitted on' },
  },
  positionals: true,
} as const satisfies CommandLineSpec<FlagSpecs>;

type FeatureName = (typeof FEATURE_NAMES)[number];

function examplesFor(
  engine: ConceptEngine,
  questions: LabelledQuestion[],
): (Example<FeatureName> & { inDomain: boolean })[] {
  return questions.flatMap((q) => {
    const top = engine.rank(q.question, 2)[0];
    if (!top) return [];
    const right = q.expect.includes(`${top.topic.id}/${top.section.id}`);
    return [{ features: top.features, label: right ? 1 : 0, inDomain: q.expect.length > 0 }];
  });
}

const DEFAULT_SETS = [
  'test/eval/questions.jsonl=knowledge',
  'test/eval/calibration.jsonl=knowledge',
  'test/eval/multi-topic.jsonl=knowledge,test/fixtures/multi-topic',
];
/** Shown, not fitted on: unenriched topics written and asked blind, to see what a new topic gets. */
const DEFAULT_CHECKS = ['test/eval/unenriched.jsonl=knowledge,test/fixtures/unenriched-topics'];

interface LabelledSet {
  name: string;
  engine: ConceptEngine;
  questions: LabelledQuestion[];
}

async function readSet(spec: string): Promise<LabelledSet> {
  const [file, dirs = 'knowledge'] = spec.split('=');
  return { name: spec, engine: await loadEvalEngine(dirs), questions: await readLabelledQuestions(file!) };
}

async function main(): Promise<void> {
  parseCommandLine(SPEC); // validates; the order of SETs around --check is read below
  const argv = process.argv.slice(2).filter((a) => a !== '--');
  const checkAt = argv.indexOf('--check');
  const trainSpecs = (checkAt < 0 ? argv : argv.slice(0, checkAt)).filter(Boolean);
  const checkSpecs = checkAt < 0 ? (trainSpecs.length ? [] : DEFAULT_CHECKS) : argv.slice(checkAt + 1);
  const train = await Promise.all((trainSpecs.length ? trainSpecs : DEFAULT_SETS).map(readSet));
  const checks = await Promise.all(checkSpecs.map(readSet));
  const model = fitLogistic(
    FEATURE_NAMES,
    train.flatMap((set) => examplesFor(set.engine, set.questions)),
  );
  const rounded = {
    bias: round(model.bias),
    weights: Object.fromEntries(FEATURE_NAMES.map((n) => [n, round(model.weights[n])])) as Record<
      FeatureName,
      number
    >,
  };
  process.stdout.write(`confidenceModel: ${JSON.stringify(rounded)}\n`);
  for (const set of [...train, ...checks]) {
    const inDomain = set.questions.filter((q) => q.expect.length).length;
    const offTopic = set.questions.length - inDomain;
    const scored = examplesFor(set.engine, set.questions).map((e) => ({
      ...e,
      confidence: confidenceOf(e.features, rounded),
    }));
    process.stdout.write(
      `\n${set.name}: answer threshold -> answered right / confidently wrong / off-topic rejected\n`,
    );
    for (const threshold of [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75]) {
      const answered = scored.filter((e) => e.confidence >= threshold);
      const right = answered.filter((e) => e.label === 1).length;
      const wrong = answered.length - right;
      const offAnswered = answered.filter((e) => !e.inDomain).length;
      process.stdout.write(
        `  ${threshold.toFixed(2)}: ${pct(right, inDomain)} right, ${wrong} wrong, ${pct(offTopic - offAnswered, offTopic)} off-topic rejected\n`,
      );
    }
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function pct(part: number, whole: number): string {
  return `${((100 * part) / Math.max(1, whole)).toFixed(1)}%`;
}

main().catch(exitOnKnowledgeError);
