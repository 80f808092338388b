/**
 * A chat message as the engine reads it, and its prose.
 *
 * - `questionText`: the whole message with mentions taken out and everything else kept, code blocks
 *   included: the engine finds the question sentence in a long message and uses a block's identifiers
 *   without matching on its text.
 * - `cleanQuestion`: only the asker's own words (code blocks, inline code, quoted lines and mentions
 *   dropped), to tell whether a message says anything besides code and whether it reads as a question.
 */
import { BotLimits } from '../render/limits.js';
import { truncate } from '../render/truncate.js';

export interface CleanOptions {
  /** The bot's user id: its mentions are removed. Other user/role/channel mentions are removed too. */
  botId?: string;
  /** Cut the result to this many characters at a word boundary (default `BotLimits.questionChars`). */
  maxLength?: number;
}

/** The message for the engine: mentions (the bot's, users', roles', channels', @everyone/@here) removed. */
export function questionText(content: string, options: Pick<CleanOptions, 'botId'> = {}): string {
  return removeMentions(content.replace(/\r\n?/g, '\n'), options.botId).trim();
}

function removeMentions(text: string, botId: string | undefined): string {
  let out = text;
  if (botId) out = out.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ');
  out = out.replace(/<(@[!&]?|#)\d{17,20}>/g, ' ');
  out = out.replace(/<a?:\w+:\d{17,20}>/g, ' ');
  return out.replace(/@(everyone|here)\b/g, ' ');
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
  text = removeMentions(text, options.botId).replace(/\s+/g, ' ').trim();
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
