import { stripVTControlCharacters } from 'node:util';
import wrapAnsi from 'wrap-ansi';

/** Fewest columns given to text beside an indent, however narrow the terminal. */
const MIN_TEXT_COLUMNS = 20;

/**
 * Text wrapped at word boundaries to `width` columns with a hanging indent: the first line starts with
 * `first` (a bullet), the others with as many spaces. Colour codes do not count as columns; a word longer
 * than the line is the only thing ever broken. `width` undefined: one line, not wrapped.
 */
export function hangingWrap(text: string, width: number | undefined, first: string, rest?: string): string[] {
  const indent = stripVTControlCharacters(first).length;
  const hang = rest ?? ' '.repeat(indent);
  if (width === undefined) return [first + text];
  const columns = Math.max(MIN_TEXT_COLUMNS, width - indent);
  return wrapAnsi(text, columns, { hard: true, trim: true })
    .split('\n')
    .map((line, i) => (i === 0 ? first : hang) + line);
}
