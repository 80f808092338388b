import { createInterface } from 'node:readline';

/** Longest line read from stdin; longer input is cut here rather than buffered without bound. */
export const MAX_LINE_CHARS = 8_000;

/** Lines of a stream, trimmed and bounded, in order. */
export async function* readLines(input: NodeJS.ReadableStream): AsyncGenerator<string> {
  const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
  for await (const line of lines) yield line.slice(0, MAX_LINE_CHARS).trim();
}
