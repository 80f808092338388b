import type { Topic } from '../knowledge/types.js';
import type { CheckProblem } from './CheckProblem.js';

/** A section with a title but nothing under it has nothing to answer with: an error. */
export function checkSectionPoints(topics: readonly Topic[]): CheckProblem[] {
  return topics.flatMap((topic) =>
    topic.sections
      .filter((section) => section.points.every((point) => point.trim() === ''))
      .map((section) => ({
        severity: 'error' as const,
        file: topic.file,
        line: section.line,
        message: `section \`${section.id}\` has no points (add sub-bullets or text after its title)`,
      })),
  );
}
