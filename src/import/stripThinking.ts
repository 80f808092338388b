/**
 * Removes the reasoning trace that thinking models print before their answer: a `<think>…</think>`
 * block (DeepSeek, Qwen; empty with `/no_think`), or Ollama's `Thinking...` … `...done thinking.` block.
 * Only a trace that starts a line is taken, so `<think>` written in prose stays. Returns the text and
 * how many lines the trace had (0 when there was none).
 */
export function stripThinking(text: string): { text: string; lines: number } {
  for (const trace of TRACES) {
    const found = trace.exec(text);
    if (found) {
      const rest = text.slice(0, found.index) + text.slice(found.index + found[0].length);
      return { text: rest, lines: found[0].split('\n').length - 1 || 1 };
    }
  }
  return { text, lines: 0 };
}

const TRACES = [
  /^[ \t]*<think>[\s\S]*?<\/think>[ \t]*\n?/m,
  /^[ \t]*Thinking\.\.\.[ \t]*\n[\s\S]*?\n\.\.\.done thinking\.[ \t]*\n?/m,
];
