import type { Section } from '../knowledge/types.js';
import type { QueryWord } from './analyzeQuestion.js';
import { tokenize } from './tokenize.js';

/**
 * The index of the point of a section that answers a question best: the one whose words carry the
 * most of the question's importance (a word counts once, through its best alternative); the earlier
 * point on a tie, since breakdowns put the main point first. Null when the section has no points.
 */
export function bestPoint(section: Section, words: readonly QueryWord[]): number | null {
  if (section.points.length === 0) return null;
  let best = 0;
  let bestScore = 0;
  section.points.forEach((point, i) => {
    const terms = new Set(tokenize(point).map((t) => t.term));
    let score = 0;
    for (const word of words) {
      let credit = 0;
      for (const alt of word.alternatives) if (terms.has(alt.term)) credit = Math.max(credit, alt.weight);
      score += word.importance * Math.min(1, credit);
    }
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return best;
}
