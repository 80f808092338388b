/**
 * Fence-aware splitting of Markdown into pieces that each fit a Discord limit.
 *
 * Breaks prefer, in order: a paragraph boundary (a blank line, or the edge of a code block) in the
 * second half of the piece, then a line break, then a space, then a hard cut. A piece that ends inside
 * a fenced code block closes it, and the next piece reopens it with the same info string (```csharp),
 * so every piece renders as valid Markdown on its own.
 */
import { safeSlice } from './truncate.js';

/** Smallest `max` accepted: room for a reopened fence, a closing fence and some text. */
export const MIN_SPLIT_LENGTH = 32;

interface Line {
  text: string;
  /** The opening fence line if this line is inside a code block (the fence line itself excluded). */
  inside: string | null;
  /** The opening fence line if a code block is still open after this line. */
  after: string | null;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

function fenceMarker(openLine: string): string {
  return FENCE.exec(openLine)?.[1] ?? '```';
}

function closeCost(open: string | null): number {
  return open === null ? 0 : 1 + fenceMarker(open).length;
}

function reopenCost(open: string | null): number {
  return open === null ? 0 : open.trim().length + 1;
}

/** Annotates each line with the code-block state before and after it. */
function scanFences(text: string): Line[] {
  const lines: Line[] = [];
  let open: string | null = null;
  for (const raw of text.split('\n')) {
    const inside = open;
    const m = FENCE.exec(raw);
    if (m) {
      const marker = m[1] as string;
      if (open === null) {
        if (!(marker[0] === '`' && (m[2] ?? '').includes('`'))) open = raw;
      } else {
        const openMarker = fenceMarker(open);
        if (marker[0] === openMarker[0] && marker.length >= openMarker.length && (m[2] ?? '').trim() === '') {
          open = null;
        }
      }
    }
    lines.push({ text: raw, inside, after: open });
  }
  return lines;
}

/** Splits one over-long line into pieces of at most `budget`, at spaces when it can. */
function splitLongLine(text: string, budget: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > budget) {
    let cut = safeSlice(rest, budget);
    const space = cut.lastIndexOf(' ');
    if (space >= budget / 2) cut = cut.slice(0, space);
    pieces.push(cut);
    rest = rest.slice(cut.length);
    if (rest.startsWith(' ') && cut.length < budget) rest = rest.slice(1);
  }
  pieces.push(rest);
  return pieces;
}

function isBlankOutside(line: Line | undefined): boolean {
  return line !== undefined && line.inside === null && line.after === null && line.text.trim() === '';
}

/** Whether a piece may end before line `j` at a paragraph boundary. */
function paragraphBoundary(lines: Line[], j: number): boolean {
  const prev = lines[j - 1];
  const next = lines[j];
  if (!prev || !next) return false;
  if (isBlankOutside(prev) || isBlankOutside(next)) return true;
  const closesFence = prev.inside !== null && prev.after === null;
  const opensFence = next.inside === null && next.after !== null;
  return closesFence || opensFence;
}

/** Splits `text` into pieces of at most `max` characters each (see the file comment). */
export function splitMarkdown(text: string, max: number): string[] {
  if (max < MIN_SPLIT_LENGTH) throw new RangeError(`splitMarkdown: max must be at least ${MIN_SPLIT_LENGTH}`);
  const normalized = text.replace(/\r\n?/g, '\n');
  if (normalized.length <= max) return normalized.trim() === '' ? [] : [normalized.trimEnd()];

  const lines: Line[] = [];
  for (const line of scanFences(normalized)) {
    const budget = max - reopenCost(line.inside) - closeCost(line.after);
    if (line.text.length <= budget) lines.push(line);
    else
      for (const piece of splitLongLine(line.text, Math.max(1, budget))) lines.push({ ...line, text: piece });
  }

  const pieces: string[] = [];
  let i = 0;
  while (i < lines.length) {
    while (i < lines.length && isBlankOutside(lines[i])) i++;
    if (i >= lines.length) break;
    const first = lines[i] as Line;
    const prefix = first.inside === null ? '' : `${first.inside.trim()}\n`;
    let length = prefix.length;
    let j = i;
    let paragraphEnd = -1;
    while (j < lines.length) {
      const line = lines[j] as Line;
      const add = (j > i ? 1 : 0) + line.text.length;
      if (length + add + closeCost(line.after) > max) break;
      length += add;
      j++;
      if (length >= max / 2 && paragraphBoundary(lines, j)) paragraphEnd = j;
    }
    if (j === i) j = i + 1; // cannot happen after splitLongLine; guarantees progress
    let end = j < lines.length && paragraphEnd > i ? paragraphEnd : j;
    // Never end a piece on a fence's opening line (it would show an empty code block).
    const tail = lines[end - 1] as Line;
    if (end < lines.length && end - 1 > i && tail.inside === null && tail.after !== null) end--;
    const last = lines[end - 1] as Line;
    let piece =
      prefix +
      lines
        .slice(i, end)
        .map((l) => l.text)
        .join('\n');
    if (last.after === null) piece = piece.trimEnd();
    else piece += `\n${fenceMarker(last.after)}`;
    if (piece.trim() !== '') pieces.push(piece);
    i = end;
  }
  return pieces;
}

/**
 * `text` if it fits, else its first piece (split as above, so fences stay balanced) followed by
 * `marker` on its own line; never longer than `max`.
 */
export function truncateMarkdown(
  text: string,
  max: number,
  marker = '…',
): { text: string; truncated: boolean } {
  const normalized = text.replace(/\r\n?/g, '\n');
  if (normalized.length <= max) return { text: normalized, truncated: false };
  const first = splitMarkdown(normalized, max - marker.length - 1)[0] ?? '';
  return { text: first === '' ? marker : `${first}\n${marker}`, truncated: true };
}
