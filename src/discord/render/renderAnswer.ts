/**
 * Renders engine answers as Discord messages: pure, deterministic, no client state.
 *
 *   renderAnswer(answer: Answer, options: RenderOptions): RenderedMessage
 *   renderSection(entry: { topic, section }, options: RenderOptions & { confidence?, related? }): RenderedMessage
 *
 * `RenderedMessage` is `{ content?, embeds: APIEmbed[], components: APIActionRowComponent<APIButtonComponent>[],
 * allowed_mentions: APIAllowedMentions }`: the body of a Discord API v10 message create, ready to
 * POST or to preview. Every Discord limit is respected (see limits.ts): a long section is split across
 * embeds and, past the 6,000-character total, trimmed at a paragraph/line/word boundary with code fences
 * kept balanced. `allowed_mentions` never lets the message ping anyone but `options.forUserId`.
 *
 * - kind `answer`: the section embed (title, points, code in ```lang fences, footer "Topic · 87% match"),
 *   up to three related-section buttons, then Helpful / Not helpful / Dismiss.
 * - kind `suggest`: "Did you mean…" with one button per offer, and Dismiss.
 * - kind `none`: "I don't know that yet" with a pointer to `/topics`, and Dismiss.
 */
import type { APIButtonComponent, APIEmbed } from 'discord-api-types/v10';
import { lookupValue } from '../../answer/LookupIndex.js';
import type { Answer, RankedSection } from '../../answer/types.js';
import type { Section, Topic } from '../../knowledge/types.js';
import { ButtonAction, buildCustomId, entryRef } from './customIds.js';
import { BotLimits, DiscordLimits } from './limits.js';
import { Colors, embedSize, noMentions, type ButtonRow, type RenderedMessage } from './message.js';
import { splitMarkdown, truncateMarkdown } from './splitMarkdown.js';
import { truncate, truncateLine } from './truncate.js';

export type { RenderedMessage } from './message.js';

export interface RenderOptions {
  /** User who asked: the only one whose Dismiss press deletes the answer. */
  askerId: string;
  /** "Suggested for @user": this user, and only this user, may be pinged. */
  forUserId?: string;
  /** Short id (≤ 12 chars, no `:`) tying buttons to this answer; `-` when omitted. */
  key?: string;
  /** Echo the question above the answer (slash commands, where Discord does not show it). */
  showQuestion?: boolean;
  /** For an ephemeral message: no Dismiss button (Discord lets the viewer dismiss it). */
  ephemeral?: boolean;
}

export interface SectionEntry {
  topic: Topic;
  section: Section;
}

const TRIM_MARKER = '*… (trimmed: this section is longer than a Discord message allows)*';
const BUTTON_EMOJI = { helpful: '👍', notHelpful: '👎', dismiss: '🗑️' } as const;

export function renderAnswer(answer: Answer, options: RenderOptions): RenderedMessage {
  if (answer.kind === 'answer' && answer.match) {
    return renderSection(answer.match, {
      ...options,
      confidence: answer.match.confidence,
      related: answer.suggestions,
      question: answer.question,
    });
  }
  if (answer.kind === 'suggest' && answer.suggestions.length > 0) return renderSuggestions(answer, options);
  return renderNoMatch(options);
}

/** Lookup value of an entry: `topicId/sectionId` (the one format, `lookupValue`, that autocomplete and the log use too). */
export function entryValue(entry: SectionEntry): string {
  return lookupValue(entry.topic, entry.section);
}

/** One section as an answer; `confidence` null/undefined leaves it out of the footer (a lookup pick). */
export function renderSection(
  entry: SectionEntry,
  options: RenderOptions & { confidence?: number | null; related?: RankedSection[]; question?: string },
): RenderedMessage {
  const key = safeKey(options.key);
  const { topic, section } = entry;
  const title =
    section.titleMarkdown.length <= DiscordLimits.embedTitle
      ? section.titleMarkdown
      : truncateLine(section.title, DiscordLimits.embedTitle);
  const footer = truncateLine(
    options.confidence === null || options.confidence === undefined
      ? topic.title
      : `${topic.title} · ${Math.round(options.confidence * 100)}% match`,
    DiscordLimits.footerText,
  );
  const author =
    options.showQuestion && options.question
      ? truncateLine(`❓ ${options.question}`, DiscordLimits.authorName)
      : '';

  const budget = DiscordLimits.embedTotal - title.length - footer.length - author.length;
  const descriptions = fitDescriptions(sectionMarkdown(topic, section), budget);
  const embeds: APIEmbed[] = descriptions.map((description) => ({ color: Colors.answer, description }));
  if (embeds.length === 0) embeds.push({ color: Colors.answer });
  const first = embeds[0] as APIEmbed;
  first.title = title;
  if (author) first.author = { name: author };
  (embeds[embeds.length - 1] as APIEmbed).footer = { text: footer };

  const value = entryValue(entry);
  const related = dedupe(options.related ?? [], value).slice(0, BotLimits.relatedButtons);
  const components: ButtonRow[] = [];
  if (related.length > 0) {
    components.push(
      row(
        related.map((r) => button(ButtonAction.Show, key, entryRef(entryValue(r)), entryLabel(r, topic), 2)),
      ),
    );
  }
  const ref = entryRef(value);
  components.push(
    row([
      button(ButtonAction.Helpful, key, ref, 'Helpful', 2, BUTTON_EMOJI.helpful),
      button(ButtonAction.NotHelpful, key, ref, 'Not helpful', 2, BUTTON_EMOJI.notHelpful),
      ...(options.ephemeral ? [] : [dismissButton(key, options.askerId)]),
    ]),
  );
  return withRecipient({ embeds, components }, options.forUserId);
}

function renderSuggestions(answer: Answer, options: RenderOptions): RenderedMessage {
  const key = safeKey(options.key);
  const offers = dedupe(answer.suggestions, '').slice(0, BotLimits.relatedButtons);
  const primaryTopic = offers[0]?.topic;
  const lines = offers.map(
    (o, i) => `${i + 1}. **${escapeMarkdown(o.section.title)}** (${escapeMarkdown(o.topic.title)})`,
  );
  const description = truncateMarkdown(
    `I'm not sure which part you mean. Pick one below, or ask again with more detail:\n\n${lines.join('\n')}`,
    DiscordLimits.embedDescription,
  ).text;
  const embed: APIEmbed = { color: Colors.suggest, title: 'Did you mean…', description };
  if (options.showQuestion)
    embed.author = { name: truncateLine(`❓ ${answer.question}`, DiscordLimits.authorName) };
  const components: ButtonRow[] = [
    row(
      offers.map((o) =>
        button(ButtonAction.Pick, key, entryRef(entryValue(o)), entryLabel(o, primaryTopic), 1),
      ),
    ),
    row([dismissButton(key, options.askerId)]),
  ];
  return withRecipient({ embeds: [embed], components }, options.forUserId);
}

/** "I don't know that yet", pointing at `/topics`. Pings nobody, even with `forUserId`. */
export function renderNoMatch(options: RenderOptions): RenderedMessage {
  return {
    content:
      "I don't know that yet. 🤔 Try rephrasing with the concept's name, or see what I can answer with `/topics`.",
    embeds: [],
    components: [row([dismissButton(safeKey(options.key), options.askerId)])],
    allowed_mentions: noMentions(),
  };
}

/** The section as Markdown: bulleted points, then each code example in a fence with its language. */
export function sectionMarkdown(topic: Topic, section: Section): string {
  const points = section.points.map((p) => `- ${p.trim().replace(/\n/g, '\n  ')}`);
  const code = section.code.map((c) => {
    const lang = (c.language || topic.language || '').replace(/[^\w#+.-]/g, '');
    const body = c.code.replace(/\s+$/, '').replace(/```/g, '`\u200b``');
    return `\`\`\`${lang}\n${body}\n\`\`\``;
  });
  return [points.join('\n'), ...code].filter((s) => s !== '').join('\n\n');
}

/**
 * Splits the body into embed descriptions (≤ 4,096 each) totalling at most `budget` characters,
 * trimming the end at a sensible boundary, with a marker, when it does not all fit.
 */
export function fitDescriptions(markdown: string, budget: number): string[] {
  const maxEmbeds = DiscordLimits.embedsPerMessage;
  let pieces = splitMarkdown(markdown, DiscordLimits.embedDescription);
  if (total(pieces) <= budget && pieces.length <= maxEmbeds) return pieces;
  let room = budget;
  for (let attempt = 0; attempt < 20 && room > TRIM_MARKER.length + 40; attempt++) {
    const trimmed = truncateMarkdown(markdown, room, TRIM_MARKER).text;
    pieces = splitMarkdown(trimmed, DiscordLimits.embedDescription);
    const over = total(pieces) - budget;
    if (over <= 0 && pieces.length <= maxEmbeds) return pieces;
    room -= Math.max(over, 0) + 16;
  }
  return [];
}

function total(pieces: string[]): number {
  return pieces.reduce((n, p) => n + p.length, 0);
}

function entryLabel(entry: SectionEntry, primaryTopic: Topic | undefined): string {
  const label =
    primaryTopic && entry.topic.id === primaryTopic.id
      ? entry.section.title
      : `${entry.topic.title} › ${entry.section.title}`;
  return truncateLine(label, DiscordLimits.buttonLabel);
}

function dedupe(entries: RankedSection[], exclude: string): RankedSection[] {
  const seen = new Set<string>([exclude]);
  return entries.filter((e) => {
    const ref = entryRef(entryValue(e));
    if (seen.has(ref) || seen.has(entryValue(e))) return false;
    seen.add(ref);
    return true;
  });
}

function button(
  action: ButtonAction,
  key: string,
  arg: string,
  label: string,
  style: 1 | 2 | 3 | 4,
  emoji?: string,
): APIButtonComponent {
  return {
    type: 2,
    style,
    label: truncate(label, DiscordLimits.buttonLabel),
    custom_id: buildCustomId(action, key, arg),
    ...(emoji ? { emoji: { name: emoji } } : {}),
  };
}

function dismissButton(key: string, askerId: string): APIButtonComponent {
  return button(ButtonAction.Dismiss, key, askerId, 'Dismiss', 2, BUTTON_EMOJI.dismiss);
}

function row(components: APIButtonComponent[]): ButtonRow {
  return { type: 1, components: components.slice(0, DiscordLimits.buttonsPerRow) };
}

function withRecipient(
  message: { embeds: APIEmbed[]; components: ButtonRow[] },
  forUserId: string | undefined,
): RenderedMessage {
  if (!forUserId) return { ...message, allowed_mentions: noMentions() };
  return { content: `Suggested for <@${forUserId}>`, ...message, allowed_mentions: noMentions([forUserId]) };
}

function safeKey(key: string | undefined): string {
  return key && /^[\w-]{1,12}$/.test(key) ? key : '-';
}

/** Escapes Markdown control characters in plain text (titles shown inside bold). */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\*_`~|>[\]()])/g, '\\$1');
}

/** Checks a rendered message against Discord's limits; returns the problems (empty when valid). */
export function checkLimits(message: RenderedMessage): string[] {
  const problems: string[] = [];
  if ((message.content?.length ?? 0) > DiscordLimits.content) problems.push('content longer than 2000');
  if (message.embeds.length > DiscordLimits.embedsPerMessage) problems.push('more than 10 embeds');
  let sum = 0;
  for (const e of message.embeds) {
    sum += embedSize(e);
    if ((e.title?.length ?? 0) > DiscordLimits.embedTitle) problems.push('embed title longer than 256');
    if ((e.description?.length ?? 0) > DiscordLimits.embedDescription)
      problems.push('description longer than 4096');
    if ((e.fields?.length ?? 0) > DiscordLimits.embedFields) problems.push('more than 25 fields');
    for (const f of e.fields ?? [])
      if (f.value.length > DiscordLimits.fieldValue) problems.push('field value > 1024');
  }
  if (sum > DiscordLimits.embedTotal) problems.push(`embeds total ${sum} > 6000`);
  if (message.components.length > DiscordLimits.actionRows) problems.push('more than 5 rows');
  const ids = new Set<string>();
  for (const r of message.components) {
    if (r.components.length > DiscordLimits.buttonsPerRow) problems.push('more than 5 buttons in a row');
    for (const b of r.components) {
      if ('label' in b && (b.label?.length ?? 0) > DiscordLimits.buttonLabel)
        problems.push('label longer than 80');
      if ('custom_id' in b) {
        if (b.custom_id.length > DiscordLimits.customId) problems.push('custom_id longer than 100');
        if (ids.has(b.custom_id)) problems.push(`duplicate custom_id ${b.custom_id}`);
        ids.add(b.custom_id);
      }
    }
  }
  return problems;
}
