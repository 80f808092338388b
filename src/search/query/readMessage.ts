import { normalizeText } from '../normalizeText.js';

/** Longest message the engine reads at all; the rest of a pasted wall of text is ignored. */
export const MAX_MESSAGE_CHARS = 20_000;

/** A message split into what the asker wrote and the code they pasted. */
export interface Message {
  /** The asker's own words, normalised (zalgo, control characters and runs of spaces removed). */
  prose: string;
  /** Fenced code blocks, as pasted. */
  code: string[];
}

const FENCE = /```[^\n`]*\n?([\s\S]*?)(?:```|$)/g;

/** Splits a message into prose and fenced code (a fence left open runs to the end). */
export function readMessage(question: string): Message {
  const text = question.length > MAX_MESSAGE_CHARS ? question.slice(0, MAX_MESSAGE_CHARS) : question;
  const code: string[] = [];
  const prose = text.replace(FENCE, (_, body: string) => {
    if (body.trim()) code.push(body);
    return ' . ';
  });
  return {
    prose: normalizeText(prose, MAX_MESSAGE_CHARS).replace(/^(?:\s*\.\s*)+|(?:\s*\.\s*)+$/g, ''),
    code,
  };
}
