/**
 * `npm run calibrate [-- --write]`: fits the engine's model (src/search/rank/features.ts) and its
 * answer threshold on every blind question of the evaluation corpus, all topics together, and prints
 * them; `--write` stores them in src/search/data/model.json, the defaults the engine ships with.
 * Figures on the questions it was fitted on are not shown: `npm run eval` gives the held-out ones.
 */
import 'dotenv/config';
import { writeFile } from 'node:fs/promises';
import { ConceptEngine } from '../answer/ConceptEngine.js';
import { EVAL_CORPUS, loadEvalCorpus } from '../eval/evalCorpus.js';
import { OFF_TOPIC } from '../eval/evaluate.js';
import { fitModel, fitThresholds, trainingQuestion } from '../eval/fitModel.js';
import { defaultCrossValidation } from '../eval/leaveOneTopicOut.js';
import { FEATURE_NAMES } from '../search/rank/features.js';
import { parseCommandLine, type CommandLineSpec, type FlagSpecs } from './commandLine.js';
import { exitOnKnowledgeError } from './exitOnKnowledgeError.js';

const MODEL_FILE = new URL('../search/data/model.json', import.meta.url);
const SPEC = {
  command: 'calibrate',
  usage: ['[--write] [--captures DIR] [--questions DIR] [--knowledge DIR]'],
  details: `Fits the model and the answer threshold on every blind question of the evaluation corpus and
prints them; npm run eval gives the held-out figures.`,
  flags: {
    write: { type: 'boolean', help: 'store them in src/search/data/model.json' },
    captures: { type: 'string', value: 'DIR', help: 'folder of raw captures' },
    questions: { type: 'string', value: 'DIR', help: 'folder of labelled question sets' },
    knowledge: { type: 'string', value: 'DIR', help: 'the shipped knowledge folder' },
  },
} as const satisfies CommandLineSpec<FlagSpecs>;

async function main(): Promise<void> {
  const { flags: values } = parseCommandLine(SPEC);
  const { knowledge, questions } = await loadEvalCorpus({
    captures: values.captures ?? EVAL_CORPUS.captures,
    questions: values.questions ?? EVAL_CORPUS.questions,
    knowledge: values.knowledge ?? EVAL_CORPUS.knowledge,
  });
  const engine = ConceptEngine.build(knowledge);
  const training = questions.map((q) => trainingQuestion(engine, q));
  const settings = defaultCrossValidation;
  const model = fitModel(training, [], settings.l2);
  const thresholds = fitThresholds(
    training.map((t, i) => ({
      ...t,
      group: questions[i]!.topic === OFF_TOPIC ? `${OFF_TOPIC}-${i % 7}` : questions[i]!.topic,
    })),
    { ...settings, groups: settings.thresholdFolds },
  );
  const rounded = {
    bias: round(model.bias),
    weights: Object.fromEntries(FEATURE_NAMES.map((n) => [n, round(model.weights[n])])),
  };
  process.stdout.write(
    `fitted on ${questions.length} questions over ${knowledge.topics.length} topics\nmodel: ${JSON.stringify(rounded)}\nthresholds: ${JSON.stringify(thresholds)}\n`,
  );
  if (values.write) {
    const file = {
      comment:
        'Written by `npm run calibrate -- --write`: the model over the match features (rank/features.ts) and the answer thresholds, fitted on every blind question of the evaluation corpus.',
      model: rounded,
      thresholds,
    };
    await writeFile(MODEL_FILE, `${JSON.stringify(file, null, 2)}\n`);
    process.stdout.write(`wrote ${MODEL_FILE.pathname}\n`);
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

main().catch(exitOnKnowledgeError);
