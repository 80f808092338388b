/**
 * Short notices: limits, duplicate pointer, replies to chatter and uncovered languages, restarting,
 * apology, feedback thanks, refusals. Pure.
 */
import { DiscordLimits } from './limits.js';
import { noMentions, type RenderedMessage } from './message.js';
import { escapeMarkdown, type SectionEntry } from './renderAnswer.js';
import { truncateLine } from './truncate.js';

function notice(content: string): RenderedMessage {
  return {
    content: truncateLine(content, DiscordLimits.content),
    embeds: [],
    components: [],
    allowed_mentions: noMentions(),
  };
}

/** `/ask` and the other interactions, when the asker has used up their questions for now (ephemeral). */
export function renderLimited(retryAfterMs: number): RenderedMessage {
  return notice(
    `⏳ That's a lot of questions at once — you can ask again in ${secondsText(retryAfterMs)}. ` +
      'Meanwhile, `/topics` lists everything I know.',
  );
}

/** A DM, the first time its asker is limited in a spell (later ones get a ⏳ reaction). */
export function renderDmLimited(retryAfterMs: number): RenderedMessage {
  return notice(
    `⏳ You're asking faster than I can answer — ask again in ${secondsText(retryAfterMs)}. ` +
      "Until then I'll mark new questions with ⏳ instead of answering them.",
  );
}

function secondsText(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

/** What the bot knows, for replies that say so: topic titles, a few at most. */
export interface KnownTopics {
  titles: string[];
  /** A question the knowledge answers, to show as an example (a topic's own sample question). */
  example?: string;
}

const TOPICS_NAMED = 4;

function topicList({ titles }: KnownTopics): string {
  if (titles.length === 0) return 'nothing yet (my knowledge folder is empty)';
  const named = titles.slice(0, TOPICS_NAMED).map((t) => `**${escapeMarkdown(t)}**`);
  const more = titles.length - named.length;
  if (more > 0) return `${named.join(', ')} and ${more} more`;
  if (named.length === 1) return named[0]!;
  return `${named.slice(0, -1).join(', ')} and ${named.at(-1)!}`;
}

/** Thanks or praise by `/ask` (in chat a 👍 reaction says it). Ephemeral. */
export function renderThanks(): RenderedMessage {
  return notice("🙏 You're welcome! Ask me again whenever you like.");
}

/**
 * The asker says an answer missed: how to ask so that the next one lands, and where feedback goes.
 * `noted`: the complaint replied to an answer, which is now logged as not helpful.
 */
export function renderComplaint(known: KnownTopics, { noted = false } = {}): RenderedMessage {
  const feedback = noted
    ? "I've noted that answer as not helpful for my maintainers."
    : 'The 👎 **Not helpful** button under an answer tells my maintainers which answers miss.';
  return notice(
    `😕 Sorry that missed. Ask again with the exact term, identifier or error message you're stuck on, ` +
      `or browse with \`/lookup\` (I know ${topicList(known)}). ${feedback}`,
  );
}

/** Greetings and chatter addressed to the bot: one friendly line saying what it can answer. */
export function renderSmallTalk(known: KnownTopics): RenderedMessage {
  const example = known.example ? ` — for example “${truncateLine(known.example, 120)}”` : '';
  return notice(
    `👋 Hi! I answer programming-concept questions. I know ${topicList(known)}. ` +
      `Ask me a question${example}, or see \`/topics\`.`,
  );
}

/** A question about a language or tool no topic covers, named (`Java`). */
export function renderUncoveredLanguage(languages: string[], known: KnownTopics): RenderedMessage {
  const names = languages.slice(0, 3).map((l) => escapeMarkdown(l));
  const which =
    names.length <= 1 ? (names[0] ?? 'that') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)!}`;
  const ask = known.titles.length === 1 ? 'Ask me about that' : 'Ask about one of those';
  return notice(
    `📚 I don't have a ${which} topic yet; I know ${topicList(known)}. ` +
      `${ask}, or see \`/topics\` for everything I cover.`,
  );
}

/** A message that is only code: ask what the user wants to know about it. */
export function renderCodeOnly(): RenderedMessage {
  return notice(
    '🤔 I see code but no question — what would you like to know about it? ' +
      'Add a sentence in your own words, like “why does this block?”.',
  );
}

/** An interaction arriving while the bot drains before it exits. Ephemeral. */
export function renderRestarting(): RenderedMessage {
  return notice("🔄 I'm restarting — ask again in a moment.");
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
  return notice("🤔 I couldn't find a question in that message. Try `/ask`, or mention me with a question.");
}

export function renderPosted(): RenderedMessage {
  return notice('✅ Answered in the channel.');
}
