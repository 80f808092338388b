/**
 * What a chat message asks, in the asker's own words: code blocks, inline code, quoted lines and
 * mentions are dropped before matching, so a pasted stack trace or snippet never decides the answer.
 */
import { BotLimits } from '../render/limits.js';
import { truncate } from '../render/truncate.js';

export interface CleanOptions {
  /** The bot's user id: its mentions are removed. Other user/role/channel mentions are removed too. */
  botId?: string;
  /** Cut the result to this many characters at a word boundary (default `BotLimits.questionChars`). */
  maxLength?: number;
}

export function cleanQuestion(content: string, options: CleanOptions = {}): string {
  let text = content.replace(/\r\n?/g, '\n');
  // Everything after `>>> ` is one block quote.
  text = text.replace(/(^|\n)>>> [\s\S]*$/, '$1');
  // Fenced code blocks, closed or left open at the end.
  text = text.replace(/```[\s\S]*?(```|$)/g, ' ');
  // Quoted lines.
  text = text
    .split('\n')
    .filter((line) => !/^\s*>/.test(line))
    .join('\n');
  // Inline code (one or two backticks).
  text = text.replace(/``[^`]*?``|`[^`\n]*`/g, ' ');
  // Mentions: the bot's, users', roles', channels'; custom emoji; @everyone/@here.
  if (options.botId) text = text.replace(new RegExp(`<@!?${options.botId}>`, 'g'), ' ');
  text = text.replace(/<(@[!&]?|#)\d{17,20}>/g, ' ');
  text = text.replace(/<a?:\w+:\d{17,20}>/g, ' ');
  text = text.replace(/@(everyone|here)\b/g, ' ');
  text = text.replace(/\s+/g, ' ').trim();
  return truncate(text, options.maxLength ?? BotLimits.questionChars, '');
}

const QUESTION_START =
  /^(how|what|what's|whats|why|when|where|which|who|whom|whose|can|could|should|would|will|shall|do|does|did|is|are|was|were|am|has|have|had|may|might|must|explain|any ?one|anybody|somebody|someone|help|eli5|tell me|is there|difference|whats?\s+the)\b/i;

/**
 * Whether plain channel text reads as a question (for answer channels, where the bot speaks unasked):
 * a question mark, or a question word up front, in at least three words.
 */
export function looksLikeQuestion(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length < 3) return false;
  if (/\?\s*$/.test(text) || /\?\s/.test(text)) return true;
  return QUESTION_START.test(text.trim());
}
