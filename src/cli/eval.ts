/**
 * `npm run eval [-- --misses] [--ablate] [--topic ID]...`:
 * held-out accuracy on the evaluation corpus, leave one topic out: for each topic, the model and the
 * answer threshold are fitted on the other topics' blind questions and measured on its own, with every
 * topic loaded. Per topic: answered right, top-1 (answer or first "did you mean"), confidently wrong,
 * uncovered and off-topic declined, and the share of answers that change when the rest of the corpus
 * is added. Then the shipped topic with its enrichment stripped, and what the bot learns from use
 * (learningFromUse.ts). `--ablate` switches each query rule
 * and each feature off in turn and shows what the held-out figures lose.
 */
import 'dotenv/config';
import type { KnowledgeBase } from '../knowledge/types.js';
import { defaultEngineOptions, type EngineOptions } from '../search/engineOptions.js';
import { QUERY_RULE_NAMES } from '../search/query/queryRules.js';
import { FEATURE_NAMES } from '../search/rank/features.js';
import {
  EVAL_CORPUS,
  PARAPHRASES,
  loadEvalCorpus,
  readParaphrases,
  withoutEnrichment,
} from '../eval/evalCorpus.js';
import type { LabelledQuestion } from '../eval/evaluate.js';
import {
  figuresOf,
  formatCrossValidation,
  formatMisses,
  rightAtWrongShare,
} from '../eval/formatCrossValidation.js';
import { formatLearningFromUse } from '../eval/formatLearningFromUse.js';
import { learningFromUse } from '../eval/learningFromUse.js';
import { formatPointAccuracy, pointAccuracy, readPointLabels } from '../eval/pointAccuracy.js';
import { ConceptEngine } from '../answer/ConceptEngine.js';
import { leaveOneTopicOut, type CrossValidation } from '../eval/leaveOneTopicOut.js';
import { parseCommandLine, type CommandLineSpec, type FlagSpecs } from './commandLine.js';
import { exitOnKnowledgeError } from './exitOnKnowledgeError.js';

const SPEC = {
  command: 'eval',
  usage: [
    '[--misses] [--ablate] [--topic ID]... [--captures DIR] [--questions DIR] [--knowledge DIR] [--paraphrases DIR]',
  ],
  details: `Leave one topic out over the evaluation corpus: raw captures (default ${EVAL_CORPUS.captures}),
imported as \`import\` would, beside the shipped knowledge (default ${EVAL_CORPUS.knowledge}), asked
the blind questions in ${EVAL_CORPUS.questions}/*.jsonl. Every figure is held out. Learning from use
asks the learned questions again in the words of ${PARAPHRASES}/*.jsonl too.`,
  flags: {
    misses: { type: 'boolean', help: 'list every held-out miss' },
    ablate: { type: 'boolean', help: 'switch each query rule and each feature off in turn' },
    topic: { type: 'string', multiple: true, value: 'ID', help: 'hold out only these topics' },
    captures: { type: 'string', value: 'DIR', help: 'folder of raw captures' },
    questions: { type: 'string', value: 'DIR', help: 'folder of labelled question sets' },
    knowledge: { type: 'string', value: 'DIR', help: 'the shipped knowledge folder' },
    paraphrases: { type: 'string', value: 'DIR', help: 'folder of the questions in other words' },
  },
} as const satisfies CommandLineSpec<FlagSpecs>;

async function main(): Promise<void> {
  const { flags } = parseCommandLine(SPEC);
  const values = { ...flags, topic: flags.topic.length ? flags.topic : undefined };
  const corpus = await loadEvalCorpus({
    captures: flags.captures ?? EVAL_CORPUS.captures,
    questions: flags.questions ?? EVAL_CORPUS.questions,
    knowledge: flags.knowledge ?? EVAL_CORPUS.knowledge,
  });
  const { knowledge, questions } = corpus;
  const sections = knowledge.topics.reduce((n, t) => n + t.sections.length, 0);
  const out = (text: string) => process.stdout.write(`${text}\n`);
  out(`${knowledge.topics.length} topics, ${sections} sections; ${questions.length} blind questions\n`);

  const cv = leaveOneTopicOut(knowledge, questions, {}, undefined, values.topic);
  if (values.misses) out(`${formatMisses(cv)}\n`);
  out(formatCrossValidation(cv, 'Held out, leave one topic out (every topic loaded):'));

  const stripped = strippedShipped(knowledge, questions, corpus.shippedTopicIds);
  if (stripped && (!values.topic || values.topic.some((t) => corpus.shippedTopicIds.includes(t)))) {
    out('');
    out(formatCrossValidation(stripped, 'The shipped topics with their enrichment stripped, held out:'));
  }
  out('');
  out(
    formatLearningFromUse(
      learningFromUse(knowledge, questions, cv, await readParaphrases(flags.paraphrases ?? PARAPHRASES)),
      'Learning from use, held out (half of each topic asked, right offers picked, the report applied):',
    ),
  );
  const labels = await readPointLabels();
  if (labels.length) out(`\n${formatPointAccuracy(pointAccuracy(ConceptEngine.build(knowledge), labels))}`);
  if (values.ablate) out(`\n${ablation(knowledge, questions, cv, values.topic)}`);
}

/** Leave-one-topic-out over the shipped topics alone, with their keywords and sample questions taken out. */
function strippedShipped(
  knowledge: KnowledgeBase,
  questions: LabelledQuestion[],
  shipped: readonly string[],
): CrossValidation | undefined {
  if (!shipped.length) return undefined;
  const topics = knowledge.topics.map((t) => (shipped.includes(t.id) ? withoutEnrichment(t) : t));
  return leaveOneTopicOut({ topics }, questions, {}, undefined, shipped);
}

/** Each query rule and each feature switched off in turn: what the held-out figures lose. */
function ablation(
  knowledge: KnowledgeBase,
  questions: LabelledQuestion[],
  baseline: CrossValidation,
  only: string[] | undefined,
): string {
  const measure = (cv: CrossValidation) => {
    const outcomes = cv.folds.flatMap((f) => [...f.report.outcomes, ...f.offTopic.outcomes]);
    const f = figuresOf(cv.pooled);
    return {
      top1: f.top1,
      atBudget: rightAtWrongShare(outcomes, ABLATION_WRONG_SHARE),
      right: f.answeredRight,
      wrong: f.wrongCount,
    };
  };
  const base = measure(baseline);
  const rows = [
    `Ablation (held out, pooled): each rule or feature off, and the routing cut-off (minTopicShare 0: every routed topic scored). Change in points of top-1, of answered right at ${100 * ABLATION_WRONG_SHARE}% confidently wrong (the same bluff budget for every line), and of answered right and confidently wrong answers at the fitted thresholds:`,
    `${'switched off'.padEnd(24)} ${'top-1'.padStart(7)} ${`right@${100 * ABLATION_WRONG_SHARE}%`.padStart(9)} ${'right'.padStart(7)} ${'wrong'.padStart(6)}`,
  ];
  const variants: [string, Partial<EngineOptions>][] = [
    ...QUERY_RULE_NAMES.map((rule): [string, Partial<EngineOptions>] => [
      `rule ${rule}`,
      { rules: { ...defaultEngineOptions.rules, [rule]: false } },
    ]),
    ...FEATURE_NAMES.map((feature): [string, Partial<EngineOptions>] => [
      `feature ${feature}`,
      { disabledFeatures: [feature] },
    ]),
    ['routing minTopicShare', { minTopicShare: 0 }],
  ];
  const points = (x: number) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}`.padStart(7);
  for (const [name, options] of variants) {
    const m = measure(leaveOneTopicOut(knowledge, questions, options, undefined, only));
    rows.push(
      `${name.padEnd(24)} ${points(m.top1 - base.top1)} ${points(m.atBudget - base.atBudget).padStart(9)} ${points(m.right - base.right)} ${`${m.wrong - base.wrong >= 0 ? '+' : ''}${m.wrong - base.wrong}`.padStart(6)}`,
    );
  }
  return rows.join('\n');
}

/** The bluff budget at which the ablation compares engines. */
const ABLATION_WRONG_SHARE = 0.02;

main().catch(exitOnKnowledgeError);
