/** Longest question text the engine reads; a pasted wall of text is cut here, at a word boundary. */
export const MAX_QUESTION_CHARS = 1_500;

/**
 * Makes user text safe and comparable: Unicode-normalised, combining marks (zalgo) and
 * control characters removed, whitespace collapsed, cut to a bounded length.
 */
export function normalizeText(text: string, maxChars = MAX_QUESTION_CHARS): string {
  let clean = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean.length > maxChars) {
    const cut = clean.lastIndexOf(' ', maxChars);
    clean = clean.slice(0, cut > maxChars / 2 ? cut : maxChars);
  }
  return clean;
}
