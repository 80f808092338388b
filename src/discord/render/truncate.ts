/** Plain-text shortening for labels, titles, footers and choice names. */

const ELLIPSIS = '…';

/**
 * `text` if it fits in `max` characters, else cut at the last word boundary in the second half
 * (else mid-word) with `…` appended; the result is never longer than `max`.
 */
export function truncate(text: string, max: number, ellipsis = ELLIPSIS): string {
  if (text.length <= max) return text;
  if (max <= ellipsis.length) return safeSlice(text, max);
  const room = max - ellipsis.length;
  let cut = safeSlice(text, room);
  const space = cut.search(/\s\S*$/);
  if (space >= room / 2) cut = cut.slice(0, space);
  return cut.trimEnd() + ellipsis;
}

/** Collapses whitespace (newlines included) to single spaces, then truncates. */
export function truncateLine(text: string, max: number): string {
  return truncate(text.replace(/\s+/g, ' ').trim(), max);
}

/** The first `n` UTF-16 units, never splitting a surrogate pair. */
export function safeSlice(text: string, n: number): string {
  if (n <= 0) return '';
  if (text.length <= n) return text;
  const code = text.charCodeAt(n - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
}
