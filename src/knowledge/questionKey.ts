/** A sample question's (or keyword's) identity: wordings that differ only in case, spacing and end punctuation are one. */
export function questionKey(question: string): string {
  return question
    .toLowerCase()
    .replace(/[\s?!.]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
