import type { Topic } from '../knowledge/types.js';
import type { CheckProblem } from './CheckProblem.js';

/**
 * A section with a title but nothing under it has nothing to answer with: an error. One with only code
 * answers with the code alone: a warning, since a line saying what it shows helps the reader.
 */
export function checkSectionPoints(topics: readonly Topic[]): CheckProblem[] {
  return topics.flatMap((topic) =>
    topic.sections
      .filter((section) => section.points.every((point) => point.trim() === ''))
      .map((section): CheckProblem => {
        const codeOnly = section.code.length > 0;
        return {
          severity: codeOnly ? 'warning' : 'error',
          file: topic.file,
          line: section.line,
          message: codeOnly
            ? `section \`${section.id}\` has code but no points`
            : `section \`${section.id}\` is empty: no points and no code`,
          hint: codeOnly
            ? 'add a line saying what the code shows'
            : 'add sub-bullets or text after its title, or delete the title if it only groups other sections',
        };
      }),
  );
}
