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
 * The answer threshold that keeps confidently wrong answers within `maxWrongShare` of the questions
 * and, within that, maximises right answers minus `bluffCost` times confidently wrong ones
 * (wrong sections, and answers to questions that should be declined), judged on confidences the model
 * gives questions it was not fitted on: the questions are split by `groupOf` (their topic) into
 * `groups` folds, and each fold's confidences come from a model fitted on the others.
 */
export function fitThresholds(
  questions: readonly (TrainingQuestion & { group: string })[],
  settings: { suggest: number; bluffCost: number; maxWrongShare: number; l2: number; groups: number },
  disabled: readonly FeatureName[] = [],
): EngineOptions['thresholds'] {
  const names = [...new Set(questions.map((q) => q.group))].sort();
  const foldOf = new Map(names.map((name, i) => [name, i % settings.groups]));
  const tops: { confidence: number; right: boolean }[] = [];
  for (let fold = 0; fold < settings.groups; fold++) {
    const held = questions.filter((q) => foldOf.get(q.group) === fold);
    if (!held.length) continue;
    const model = fitModel(
      questions.filter((q) => foldOf.get(q.group) !== fold),
      disabled,
      settings.l2,
    );
    for (const q of held) tops.push(topOf(q, model, disabled));
  }
  // The lowest threshold whose confidently wrong answers stay within the allowed share, and that
  // maximises right answers minus `bluffCost` times wrong ones among those.
  let best = { answer: 0.975, value: -Infinity };
  for (let t = 0.2; t <= 0.975; t += 0.005) {
    let value = 0;
    let wrong = 0;
    for (const top of tops) {
      if (top.confidence < t) continue;
      value += top.right ? 1 : -settings.bluffCost;
      if (!top.right) wrong++;
    }
    if (wrong <= settings.maxWrongShare * tops.length && value > best.value) best = { answer: t, value };
  }
  return { answer: Math.round(best.answer * 1000) / 1000, suggest: settings.suggest };
}

function topOf(
  question: TrainingQuestion,
  model: ConfidenceModel,
  disabled: readonly FeatureName[],
): { confidence: number; right: boolean } {
  const best = scoreCandidates(question.candidates, model, disabled)[0];
  if (!best) return { confidence: 0, right: false };
  return {
    confidence: best.confidence,
    right: question.labels[question.candidates.indexOf(best.candidate)] === 1,
  };
}
