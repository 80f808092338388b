/**
 * Removes what the model runner (`ollama run --verbose`) prints around an answer: its statistics trailer
 * (`total duration:`, `load duration:`, `prompt eval count:` … `eval rate:`), its `>>> ` prompt and the
 * `Send a message (/? for help)` hint, and a `>>> question` echo before the answer.
 */
export function stripRunnerStats(text: string): string {
  const lines = text.split('\n').filter((line) => !STAT_LINE.test(line));
  while (lines.length > 0 && isPromptOrBlank(lines[lines.length - 1]!)) lines.pop();
  while (lines.length > 0 && isPromptOrBlank(lines[0]!)) lines.shift();
  return lines.join('\n');
}

const STAT_LINE =
  /^\s*(?:total duration|load duration|prompt eval duration|eval duration|prompt eval count|eval count|prompt eval rate|eval rate):\s+\d[\d.,]*(?:[a-zµμ]+[\d.,]*)*\s*(?:token\(s\)|tokens\/s)?\s*$/i;

function isPromptOrBlank(line: string): boolean {
  const trimmed = line.trim();
  return (
    trimmed === '' ||
    trimmed === '>>>' ||
    trimmed.startsWith('>>> ') ||
    /^(?:>>>\s*)?Send a message \(\/\? for help\)$/.test(trimmed)
  );
}
