/** Markdown of a paragraph on one line, each line trimmed: how a point is kept. */
export function oneLine(markdown: string): string {
  return markdown
    .split('\n')
    .map((l) => l.trim())
    .join(' ')
    .trim();
}
