import { normalizeText } from '../normalizeText.js';

/** Longest message the engine reads at all; the rest of a pasted wall of text is ignored. */
export const MAX_MESSAGE_CHARS = 20_000;

/** A message split into what the asker wrote and what they pasted (code, quoted output). */
export interface Message {
  /** The asker's own words, normalised (zalgo, control characters and runs of spaces removed). */
  prose: string;
  /** Fenced code blocks and quoted lines (`> Unhandled exception…`), as pasted. */
  code: string[];
}

const FENCE = /```[^\n`]*\n?([\s\S]*?)(?:```|$)/g;

/** A Markdown quote line: in a question, pasted output or someone else's words, read like pasted code. */
const QUOTE_LINE = /^[ \t]*>(?!>>)[ \t]?(.*)$/gm;

/**
 * Splits a message into prose and what was pasted: fenced code (a fence left open runs to the end)
 * and quoted lines, unless the quote is all there is to read.
 */
export function readMessage(question: string): Message {
  const text = question.length > MAX_MESSAGE_CHARS ? question.slice(0, MAX_MESSAGE_CHARS) : question;
  const code: string[] = [];
  let prose = text.replace(FENCE, (_, body: string) => {
    if (body.trim()) code.push(body);
    return ' . ';
  });
  const quoted: string[] = [];
  const unquoted = prose.replace(QUOTE_LINE, (_, line: string) => {
    if (line.trim()) quoted.push(line);
    return ' . ';
  });
  if (quoted.length > 0 && /[\p{L}\p{N}]/u.test(unquoted)) {
    prose = unquoted;
    code.push(quoted.join('\n'));
  }
  return {
    // Left out: the stops that stand for code at either end, but not the dot of a leading `.finally()`.
    prose: normalizeText(prose, MAX_MESSAGE_CHARS).replace(/^(?:\s*\.(?!\w)\s*)+|(?:\s*\.\s*)+$/g, ''),
    code,
  };
}
