/** `/topics`: every topic and its sections, as pages that each fit one message. Pure. */
import type { Topic } from '../../knowledge/types.js';
import { BotLimits, DiscordLimits } from './limits.js';
import { Colors, noMentions, type RenderedMessage } from './message.js';
import { escapeMarkdown } from './renderAnswer.js';
import { splitMarkdown } from './splitMarkdown.js';

/** Listing of all topics; at most `maxMessages` messages, the last saying how much was left out. */
export function renderTopics(
  topics: readonly Topic[],
  options: { maxMessages?: number; pageSize?: number } = {},
): RenderedMessage[] {
  const maxMessages = options.maxMessages ?? BotLimits.topicsMessages;
  const pageSize = Math.min(options.pageSize ?? BotLimits.topicsPage, DiscordLimits.embedDescription);
  if (topics.length === 0) {
    return [
      { content: 'I have no topics loaded yet.', embeds: [], components: [], allowed_mentions: noMentions() },
    ];
  }
  const sectionCount = topics.reduce((n, t) => n + t.sections.length, 0);
  const blocks = topics.map((t) => {
    const sections = t.sections.map((s) => `\`${s.title.replace(/`/g, "'")}\``).join(' · ');
    return `**${escapeMarkdown(t.title)}** (${t.sections.length})\n${sections}`;
  });
  const pages = splitMarkdown(blocks.join('\n\n'), pageSize);
  const shown = pages.slice(0, maxMessages);
  const title = `${topics.length} topic${topics.length === 1 ? '' : 's'}, ${sectionCount} section${sectionCount === 1 ? '' : 's'}`;
  return shown.map((description, i) => {
    const last = i === shown.length - 1;
    const more = last && pages.length > shown.length;
    return {
      embeds: [
        {
          color: Colors.info,
          ...(i === 0 ? { title } : {}),
          description,
          footer: {
            text: more
              ? `Showing ${shown.length} of ${pages.length} pages · use /lookup to search the rest`
              : `Page ${i + 1} of ${shown.length} · /lookup shows a section`,
          },
        },
      ],
      components: [],
      allowed_mentions: noMentions(),
    };
  });
}
