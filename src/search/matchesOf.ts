/**
 * Every match of a global pattern in a text, in order: what `text.matchAll(pattern)` gives, without
 * the copy of the pattern that `matchAll` makes on each call (for the language-name pattern, the
 * copy costs more than the search).
 */
export function matchesOf(text: string, pattern: RegExp): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError(`matchesOf needs a global pattern: ${pattern}`);
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    matches.push(match);
    if (match[0] === '') pattern.lastIndex++; // an empty match must not stall the search
  }
  return matches;
}
