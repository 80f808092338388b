/** The slice of a tty.WriteStream this reads; a pipe or file has no `isTTY`. */
export interface OutputStream {
  isTTY?: boolean;
  columns?: number;
  hasColors?(): boolean;
}

/**
 * Whether to colour output written to `stream`, by the conventions Node itself follows:
 * `FORCE_COLOR` wins (`''`, `1`, `2`, `3`, `true` turn colour on, any other value off), then `NO_COLOR`
 * or `NODE_DISABLE_COLORS` (any non-empty value) turn it off; otherwise colour only on a terminal
 * that has colours (not `TERM=dumb`).
 */
export function colorEnabled(stream: OutputStream, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return ['', '1', '2', '3', 'true'].includes(force.trim().toLowerCase());
  if (env.NO_COLOR || env.NODE_DISABLE_COLORS) return false;
  return stream.isTTY === true && (stream.hasColors?.() ?? false);
}
