/**
 * Removes the reasoning trace that thinking models print before their answer: a `<think>…</think>`
 * block, or Ollama's `Thinking...` … `...done thinking.` block. The trace is no part of the breakdown.
 */
export function stripThinking(text: string): string {
  return text
    .replace(/^\s*<think>[\s\S]*?<\/think>[ \t]*\n?/, '')
    .replace(/^\s*Thinking\.\.\.[ \t]*\n[\s\S]*?\n\.\.\.done thinking\.[ \t]*\n?/, '');
}
