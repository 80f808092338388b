import type { OutputStream } from './colorSupport.js';

/**
 * Columns to wrap prose at: the terminal's width (read each time: terminals resize), else `COLUMNS`
 * when set (a pipe or a test that wants wrapping), else none: piped text stays one line a paragraph.
 */
export function terminalWidth(
  stream: OutputStream,
  env: NodeJS.ProcessEnv = process.env,
): number | undefined {
  if (stream.isTTY && stream.columns && stream.columns > 0) return stream.columns;
  const columns = Number(env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : undefined;
}
