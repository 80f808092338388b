/** Longest line kept, in bytes; the rest of a longer line is read and dropped, never buffered. */
export const MAX_LINE_BYTES = 64 * 1024;

export interface InputLine {
  /** The line without its end (`\n` or `\r\n`), cut to the byte bound at a character boundary. */
  text: string;
  /** Length of the whole line as read, in bytes. */
  bytes: number;
  /** True when the line was longer than the bound and `text` holds only its start. */
  cut: boolean;
}

/**
 * The lines of a byte stream, in order, each bounded: memory stays at `maxBytes` a line whatever the
 * input (a 600 MB line costs 64 KB). Every line is yielded, blank ones included; a last line without a
 * newline counts; a leading byte-order mark is dropped.
 */
export async function* readLines(
  input: AsyncIterable<Buffer | string>,
  maxBytes = MAX_LINE_BYTES,
): AsyncGenerator<InputLine> {
  let kept: Buffer[] = [];
  let keptBytes = 0;
  let bytes = 0;
  let first = true;
  const finish = (): InputLine => {
    let line = Buffer.concat(kept, keptBytes);
    const cut = bytes > keptBytes;
    if (!cut && line.at(-1) === 0x0d) line = line.subarray(0, -1);
    let text = line.toString('utf8');
    if (cut) text = text.replace(/\uFFFD$/, ''); // a character split by the bound
    if (first && text.startsWith('\uFEFF')) text = text.slice(1);
    first = false;
    const result = { text, bytes, cut };
    kept = [];
    keptBytes = 0;
    bytes = 0;
    return result;
  };
  for await (const piece of input) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    let start = 0;
    while (start <= chunk.length) {
      const end = chunk.indexOf(0x0a, start);
      const stop = end < 0 ? chunk.length : end;
      const room = maxBytes - keptBytes;
      if (room > 0 && stop > start) {
        const part = chunk.subarray(start, Math.min(stop, start + room));
        kept.push(Buffer.from(part)); // a copy: the source chunk is not kept alive
        keptBytes += part.length;
      }
      bytes += stop - start;
      if (end < 0) break;
      yield finish();
      start = end + 1;
    }
  }
  if (bytes > 0 || keptBytes > 0) yield finish();
}
