import { answerFrom } from '../answer/answerFrom.js';
import { ConceptEngine } from '../answer/ConceptEngine.js';
import type { Answer } from '../answer/types.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import type { ConfidenceModel, EngineOptions } from '../search/engineOptions.js';
import type { FeatureName } from '../search/rank/features.js';
import { rankCandidates } from '../search/searchKnowledge.js';
import {
  OFF_TOPIC,
  outcomeOf,
  report,
  type EvalReport,
  type LabelledQuestion,
  type Outcome,
} from './evaluate.js';
import { fitModel, fitThresholds, trainingQuestion, type TrainingQuestion } from './fitModel.js';

export interface CrossValidationSettings {
  /** What one confidently wrong answer costs against one right answer when the answer threshold is fitted. */
  bluffCost: number;
  /** Largest share of questions the fitted answer threshold may answer confidently wrong. */
  maxWrongShare: number;
  /** Confidence from which "did you mean" is offered (not fitted). */
  suggest: number;
  /** L2 penalty of the logistic fit. */
  l2: number;
  /** Folds (groups of topics) whose held-out confidences the answer threshold is fitted on. */
  thresholdFolds: number;
}

export const defaultCrossValidation: CrossValidationSettings = {
  bluffCost: 2,
  maxWrongShare: 0.025,
  suggest: 0.1,
  l2: 0.01,
  thresholdFolds: 4,
};

export interface FoldResult {
  /** The held-out topic. */
  topic: string;
  model: ConfidenceModel;
  thresholds: EngineOptions['thresholds'];
  /** Its questions (and its share of the off-topic ones), answered with the whole corpus loaded. */
  report: EvalReport;
  /** The off-topic questions of this fold alone. */
  offTopic: EvalReport;
  /** Share of the topic's own questions whose answer changes when the rest of the corpus is added. */
  changed: number;
}

export interface CrossValidation {
  folds: FoldResult[];
  /** Every held-out outcome pooled. */
  pooled: EvalReport;
}

/** A question with the engine's candidates for it, reusable across folds (candidates do not depend on the model). */
interface Prepared extends TrainingQuestion {
  question: LabelledQuestion;
  gathered: ReturnType<ConceptEngine['candidates']>;
}

/**
 * Leave one topic out: for each topic with questions, fit the model and the answer threshold on every
 * other topic's questions (and the off-topic questions of the other folds), then answer the held-out
 * topic's questions with the whole knowledge loaded. Only held-out figures come out of here.
 */
export function leaveOneTopicOut(
  knowledge: KnowledgeBase,
  questions: readonly LabelledQuestion[],
  options: Partial<EngineOptions> = {},
  settings: CrossValidationSettings = defaultCrossValidation,
  only?: readonly string[],
): CrossValidation {
  const engine = ConceptEngine.build(knowledge, options);
  const disabled = (options.disabledFeatures ?? []) as FeatureName[];
  const topics = [...new Set(questions.map((q) => q.topic).filter((t) => t !== OFF_TOPIC))].sort();
  const foldOf = (q: LabelledQuestion, i: number) =>
    q.topic === OFF_TOPIC ? topics[i % topics.length]! : q.topic;
  const prepared = questions.map((question) => prepare(engine, question));
  const folds = topics
    .filter((topic) => !only || only.includes(topic))
    .map((topic): FoldResult => {
      const train = prepared.filter((p, i) => foldOf(p.question, i) !== topic);
      const test = prepared.filter((p, i) => foldOf(p.question, i) === topic);
      const model = fitModel(train, disabled, settings.l2);
      const thresholds = fitThresholds(
        train.map((p, i) => ({
          ...p,
          group: p.question.topic === OFF_TOPIC ? `${OFF_TOPIC}-${i % 7}` : p.question.topic,
        })),
        { ...settings, groups: settings.thresholdFolds },
        disabled,
      );
      const answer = (p: Prepared) => answerWith(engine, p, model, thresholds, disabled);
      const outcomes = test.map((p) => outcomeOf(p.question, answer(p)));
      const own = test.filter((p) => p.question.topic === topic);
      return {
        topic,
        model,
        thresholds,
        report: report(outcomes.filter((o) => o.question.topic === topic)),
        offTopic: report(outcomes.filter((o) => o.question.topic === OFF_TOPIC)),
        changed: shareChanged(knowledge, engine, own, { ...options, model, thresholds }, topic),
      };
    });
  const pooled = report(folds.flatMap((f) => [...f.report.outcomes, ...f.offTopic.outcomes]));
  return { folds, pooled };
}

function prepare(engine: ConceptEngine, question: LabelledQuestion): Prepared {
  return { question, ...trainingQuestion(engine, question) };
}

function answerWith(
  engine: ConceptEngine,
  prepared: Prepared,
  model: ConfidenceModel,
  thresholds: EngineOptions['thresholds'],
  disabled: readonly string[],
): Answer {
  const ranked = rankCandidates(
    engine.knowledge.topics,
    prepared.candidates,
    model,
    disabled,
    engine.options.sampleQuestion.boost,
  ).slice(0, engine.options.maxSuggestions + 1);
  return answerFrom(prepared.question.question, { ...prepared.gathered, ranked }, thresholds);
}

/** Share of a topic's questions answered differently (another section, or answer vs not) with that topic alone. */
function shareChanged(
  knowledge: KnowledgeBase,
  engine: ConceptEngine,
  own: readonly Prepared[],
  options: Partial<EngineOptions>,
  topic: string,
): number {
  if (own.length === 0) return 0;
  const alone = ConceptEngine.build(
    { topics: knowledge.topics.filter((t) => t.id === topic) },
    options,
    engine.topicIndexes,
  );
  const whole = ConceptEngine.build(knowledge, options, engine.topicIndexes);
  const changed = own.filter((p) => differs(alone.ask(p.question.question), whole.ask(p.question.question)));
  return changed.length / own.length;
}

function differs(a: Answer, b: Answer): boolean {
  if ((a.kind === 'answer') !== (b.kind === 'answer')) return true;
  return a.kind === 'answer' && entry(a) !== entry(b);
}

function entry(answer: Answer): string | undefined {
  return answer.match ? `${answer.match.topic.id}/${answer.match.section.id}` : undefined;
}

export type { Outcome };
