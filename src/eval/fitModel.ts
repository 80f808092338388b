import type { ConceptEngine } from '../answer/ConceptEngine.js';
import type { ConfidenceModel, EngineOptions } from '../search/engineOptions.js';
import { FEATURE_NAMES, type FeatureName } from '../search/rank/features.js';
import { scoreCandidates, type Candidate } from '../search/searchKnowledge.js';
import type { LabelledQuestion } from './evaluate.js';
import { fitChoiceModel } from './fitChoiceModel.js';

/** A labelled question's candidates (from `engine.candidates`), each marked right or not. */
export function trainingQuestion(
  engine: ConceptEngine,
  question: LabelledQuestion,
): TrainingQuestion & {
  gathered: ReturnType<ConceptEngine['candidates']>;
} {
  const gathered = engine.candidates(question.question);
  const { topics } = engine.knowledge;
  const labels = gathered.candidates.map((c): 0 | 1 => {
    const topic = topics[c.topic]!;
    return question.expect.includes(`${topic.id}/${topic.sections[c.section]!.id}`) ? 1 : 0;
  });
  return { gathered, candidates: gathered.candidates, labels, decline: question.expect.length === 0 };
}

/** A labelled question with its candidate sections, each marked right or not. */
export interface TrainingQuestion {
  candidates: Candidate[];
  /** Per candidate: 1 when it is an expected section. */
  labels: (0 | 1)[];
  /** The question should be declined (nothing expected). */
  decline: boolean;
}

/**
 * Fits the model on labelled questions: a conditional logit over each question's candidates and
 * "none of them", so one model both ranks (a candidate's score) and gives the confidence (its share).
 */
export function fitModel(
  questions: readonly TrainingQuestion[],
  disabled: readonly FeatureName[] = [],
  l2 = 0.01,
): ConfidenceModel {
  const active = FEATURE_NAMES.filter((n) => !disabled.includes(n));
  const fitted = fitChoiceModel(
    active,
    questions.map((q) => ({
      candidates: q.candidates.map((c) => c.features),
      right: q.labels.flatMap((label, i) => (label ? [i] : [])),
    })),
    { l2 },
  );
  const fittedWeights: Partial<Record<FeatureName, number>> = fitted.weights;
  const weights = Object.fromEntries(FEATURE_NAMES.map((n) => [n, fittedWeights[n] ?? 0])) as Record<
    FeatureName,
    number
  >;
  return { bias: fitted.bias, weights };
}

/**
 * The answer threshold that maximises right answers minus `bluffCost` times confidently wrong ones
 * (wrong sections, and answers to questions that should be declined) on the given questions; the
 * suggestion threshold stays as given.
 */
export function fitThresholds(
  questions: readonly TrainingQuestion[],
  model: ConfidenceModel,
  suggest: number,
  bluffCost: number,
  disabled: readonly FeatureName[] = [],
): EngineOptions['thresholds'] {
  const tops = questions.map((q) => {
    const labelOf = new Map(q.candidates.map((c, i) => [c, q.labels[i]!]));
    const best = scoreCandidates(q.candidates, model, disabled)[0];
    return best
      ? { confidence: best.confidence, right: labelOf.get(best.candidate) === 1 }
      : { confidence: 0, right: false };
  });
  let best = { answer: 0.5, value: -Infinity };
  for (let t = 0.3; t <= 0.975; t += 0.005) {
    let value = 0;
    for (const top of tops) if (top.confidence >= t) value += top.right ? 1 : -bluffCost;
    if (value > best.value) best = { answer: t, value };
  }
  return { answer: Math.round(best.answer * 1000) / 1000, suggest };
}
