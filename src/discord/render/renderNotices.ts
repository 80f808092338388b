/** Short notices: cooldown, duplicate pointer, apology, feedback thanks, refusals. Pure. */
import type { SectionEntry } from './renderAnswer.js';
import { DiscordLimits } from './limits.js';
import { noMentions, type RenderedMessage } from './message.js';
import { truncateLine } from './truncate.js';

function notice(content: string): RenderedMessage {
  return {
    content: truncateLine(content, DiscordLimits.content),
    embeds: [],
    components: [],
    allowed_mentions: noMentions(),
  };
}

export function renderCooldown(retryAfterMs: number): RenderedMessage {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return notice(`⏳ Easy there — you can ask again in ${seconds} second${seconds === 1 ? '' : 's'}.`);
}

/** The second asker of a section recently posted in the same channel gets a pointer, not a repeat. */
export function renderDuplicatePointer(entry: SectionEntry, link: string | undefined): RenderedMessage {
  const where = link ? `here: ${link}` : 'just above';
  return notice(
    `↩️ I answered that a moment ago (**${entry.section.title}**, ${entry.topic.title}) — ${where}`,
  );
}

export function renderApology(): RenderedMessage {
  return notice('😵 Sorry, something went wrong while answering. Please try again in a moment.');
}

export function renderFeedbackThanks(helpful: boolean): RenderedMessage {
  return notice(
    helpful
      ? '🙏 Thanks! Glad it helped.'
      : "🙏 Thanks for telling me — I'll use that to improve this answer.",
  );
}

export function renderDismissRefused(): RenderedMessage {
  return notice('🚫 Only the person who asked can dismiss this answer.');
}

export function renderUnknownEntry(): RenderedMessage {
  return notice(
    "🤷 I can't find that section any more (the knowledge may have been updated). Try `/lookup`.",
  );
}

export function renderNothingToAnswer(): RenderedMessage {
  return notice("🤔 I couldn't find a question in that message (code and quotes are skipped). Try `/ask`.");
}

export function renderPosted(): RenderedMessage {
  return notice('✅ Answered in the channel.');
}
