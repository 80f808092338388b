import { parseFrontMatter } from '../knowledge/frontMatter.js';

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

/**
 * Finds the file line of each sample question (`sections.<id>.questions[i]`, or another list such as
 * `notFor`) in a topic's front matter. Returns a lookup that falls back to `fallback` (the section's
 * title line) when the line is unknown.
 */
export function sampleQuestionLines(
  source: string,
  file: string,
): (sectionId: string, index: number, fallback: number, list?: 'questions' | 'notFor') => number {
  const yaml = FRONT_MATTER.exec(source)?.[1];
  if (yaml === undefined) return (_id, _index, fallback) => fallback;
  try {
    const { lineOf } = parseFrontMatter(yaml, file, 2);
    return (id, index, fallback, list = 'questions') => {
      const line = lineOf(['sections', id, list, index]);
      // lineOf answers the first YAML line when the path is not found; a question is never there.
      return line > 2 ? line : fallback;
    };
  } catch {
    return (_id, _index, fallback) => fallback;
  }
}
