import type { ConceptEngine } from '../answer/ConceptEngine.js';
import { lookupValue } from '../answer/LookupIndex.js';
import { readJsonlFolder } from './readJsonlFolder.js';

/** Where the best-point labels live: per topic, which points of an expected section answer a blind question first. */
export const POINT_LABELS = 'test/eval/points';

/** A blind question, one section that answers it, and the points of that section a person would quote first. */
export interface PointLabel {
  question: string;
  /** `topicId/sectionId`. */
  section: string;
  /** Indexes of the best points (several when equally good). */
  best: number[];
}

export interface PointAccuracy {
  /** Labelled pairs whose section the engine scored for the question (the others it never ranks). */
  pairs: number;
  /** Pairs the engine does not score the section for. */
  unranked: number;
  /** Pairs where the point the answer leads with is a labelled best one. */
  right: number;
  /** Pairs where the section's first point is a labelled best one: what leading with it would get. */
  firstPoint: number;
  /** Per topic: pairs and right ones. */
  byTopic: Map<string, { pairs: number; right: number }>;
}

/** The best-point labels in a folder (one `<topic>.jsonl` a topic); empty when there is none. */
export async function readPointLabels(dir: string = POINT_LABELS): Promise<PointLabel[]> {
  return (await readJsonlFolder(dir)) as PointLabel[];
}

/**
 * How often the point an answer leads with (the section's best-matching point) is one a person would
 * quote first, for each labelled question and section. The point does not depend on the model or on
 * rival sections, so one engine over the whole knowledge measures it.
 */
export function pointAccuracy(engine: ConceptEngine, labels: readonly PointLabel[]): PointAccuracy {
  const result: PointAccuracy = { pairs: 0, unranked: 0, right: 0, firstPoint: 0, byTopic: new Map() };
  const { topics } = engine.knowledge;
  for (const label of labels) {
    const candidate = engine
      .candidates(label.question)
      .candidates.find(
        (c) => lookupValue(topics[c.topic]!, topics[c.topic]!.sections[c.section]!) === label.section,
      );
    if (!candidate || candidate.bestPoint === null) {
      result.unranked++;
      continue;
    }
    const topic = label.section.split('/')[0]!;
    const row = result.byTopic.get(topic) ?? { pairs: 0, right: 0 };
    const right = label.best.includes(candidate.bestPoint);
    row.pairs++;
    result.pairs++;
    if (right) {
      row.right++;
      result.right++;
    }
    if (label.best.includes(0)) result.firstPoint++;
    result.byTopic.set(topic, row);
  }
  return result;
}

/** One paragraph for `npm run eval`. */
export function formatPointAccuracy(accuracy: PointAccuracy): string {
  const pct = (n: number) => `${((100 * n) / Math.max(1, accuracy.pairs)).toFixed(1)}%`;
  const worst = [...accuracy.byTopic].sort((a, b) => a[1].right / a[1].pairs - b[1].right / b[1].pairs)[0];
  return [
    `Best point (the bullet an answer leads with), on ${accuracy.pairs} labelled question-section pairs` +
      (accuracy.unranked ? ` (${accuracy.unranked} more whose section is not scored for the question)` : '') +
      ':',
    `  the labelled point ${pct(accuracy.right)}; leading with the section's first point would give ${pct(accuracy.firstPoint)}` +
      (worst ? `; worst topic ${worst[0]} ${worst[1].right} of ${worst[1].pairs}` : ''),
  ].join('\n');
}
