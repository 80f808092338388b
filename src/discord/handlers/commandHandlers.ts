/**
 * Behaviour of the slash and context-menu commands (shapes in ../commands/definitions.ts). Each handler
 * reads a transport-neutral interaction and answers through an InteractionResponder, so the gateway and
 * the HTTP endpoint run the same code.
 */
import { Routes } from 'discord.js';
import type { APIMessage } from 'discord-api-types/v10';
import type { BotContext } from '../BotContext.js';
import {
  answerQuestion,
  confirmPosted,
  logOutcome,
  postFailed,
  showEntry,
  type Asker,
  type Outcome,
} from '../answerQuestion.js';
import type {
  AutocompleteInteraction,
  CommandInteraction,
  MessageCommandInteraction,
} from '../interaction/IncomingInteraction.js';
import type { InteractionResponder } from '../interaction/InteractionResponder.js';
import { cleanQuestion, questionText } from '../questions/cleanQuestion.js';
import { entryRef } from '../render/customIds.js';
import { BotLimits, DiscordLimits } from '../render/limits.js';
import { renderHelp } from '../render/renderHelp.js';
import { renderNothingToAnswer, renderPosted } from '../render/renderNotices.js';
import { renderTopics } from '../render/renderTopics.js';
import { truncate, truncateLine } from '../render/truncate.js';
import { messageLink } from '../reply/toDiscordJs.js';
import { resolveEntry } from '../resolveEntry.js';

type Replyable = CommandInteraction | MessageCommandInteraction;

/**
 * Sends an outcome as the interaction's reply: answers in public, notices ephemeral. Resolves once the
 * reply is sent, with `linked`: the work of recording where the answer landed (for duplicate
 * pointers), which over HTTP means asking Discord, so callers log the outcome before awaiting it.
 */
async function replyWithOutcome(
  ctx: BotContext,
  interaction: Replyable,
  reply: InteractionResponder,
  outcome: Outcome,
): Promise<{ linked: Promise<void> }> {
  if (outcome.type === 'silent') return { linked: Promise.resolve() };
  const ephemeral = outcome.type !== 'reply';
  try {
    await reply.reply(outcome.message, { ephemeral });
  } catch (error) {
    postFailed(ctx, outcome, interaction.channelId);
    throw error;
  }
  if (outcome.type !== 'reply' || !outcome.claim) return { linked: Promise.resolve() };
  const linked = reply.originalMessageId().then((id) => {
    if (id) confirmPosted(outcome, messageLink(interaction.guildId, interaction.channelId, id));
  });
  return { linked };
}

export async function handleAsk(
  ctx: BotContext,
  interaction: CommandInteraction,
  reply: InteractionResponder,
): Promise<void> {
  const startedAt = performance.now();
  const raw = interaction.options.string('question') ?? '';
  const question = truncate(raw.replace(/\s+/g, ' ').trim(), BotLimits.questionChars, '');
  const target = interaction.options.user('for');
  const asker: Asker = {
    userId: interaction.userId,
    channelId: interaction.channelId,
    via: 'ask',
    showQuestion: true,
    ...(target && !target.bot ? { forUserId: target.id } : {}),
  };
  const outcome = answerQuestion(ctx, question, asker);
  const { linked } = await replyWithOutcome(ctx, interaction, reply, outcome);
  logOutcome(ctx, question, asker, outcome, startedAt);
  await linked;
}

export async function handleLookup(
  ctx: BotContext,
  interaction: CommandInteraction,
  reply: InteractionResponder,
): Promise<void> {
  const startedAt = performance.now();
  const value = (interaction.options.string('entry') ?? '').trim();
  const asker: Asker = {
    userId: interaction.userId,
    channelId: interaction.channelId,
    via: 'lookup',
    showQuestion: true,
  };
  const found = resolveEntry(ctx.getEngine(), value);
  const outcome = found
    ? showEntry(ctx, found, value, asker)
    : answerQuestion(ctx, truncate(value, BotLimits.questionChars, ''), asker);
  const { linked } = await replyWithOutcome(ctx, interaction, reply, outcome);
  logOutcome(ctx, value, asker, outcome, startedAt, { picked: Boolean(found) });
  await linked;
}

export async function handleLookupAutocomplete(
  ctx: BotContext,
  interaction: AutocompleteInteraction,
  reply: InteractionResponder,
): Promise<void> {
  const entries = ctx
    .getEngine()
    .lookup(interaction.focused.slice(0, BotLimits.lookupOption), DiscordLimits.autocompleteChoices);
  const seen = new Set<string>();
  const choices: { name: string; value: string }[] = [];
  for (const e of entries) {
    const value = entryRef(e.value, DiscordLimits.choiceValue);
    if (seen.has(value)) continue;
    seen.add(value);
    choices.push({ name: truncateLine(e.label, DiscordLimits.choiceName) || value, value });
    if (choices.length === DiscordLimits.autocompleteChoices) break;
  }
  await reply.autocomplete(choices);
}

export async function handleTopics(
  ctx: BotContext,
  _interaction: CommandInteraction,
  reply: InteractionResponder,
): Promise<void> {
  await reply.defer({ ephemeral: true });
  const [first, ...rest] = renderTopics(ctx.getEngine().knowledge.topics);
  if (!first) return;
  await reply.editReply(first);
  for (const page of rest) await reply.followUp(page, { ephemeral: true });
}

export async function handleHelp(
  ctx: BotContext,
  _interaction: CommandInteraction,
  reply: InteractionResponder,
): Promise<void> {
  await reply.reply(renderHelp({ answerChannels: ctx.config.answerChannelIds.length > 0 }), {
    ephemeral: true,
  });
}

/**
 * "Find answer": answers the right-clicked message with a reply to it (posted as the bot, so it needs a
 * bot token); notices stay ephemeral. Without a token (HTTP mode alone) the answer is the interaction's
 * own public reply.
 */
export async function handleFindAnswer(
  ctx: BotContext,
  interaction: MessageCommandInteraction,
  reply: InteractionResponder,
): Promise<void> {
  const startedAt = performance.now();
  const target = interaction.target;
  const question = questionText(target.content, { botId: interaction.applicationId });
  if (cleanQuestion(target.content, { botId: interaction.applicationId }) === '') {
    await reply.reply(renderNothingToAnswer(), { ephemeral: true });
    return;
  }
  const asker: Asker = { userId: interaction.userId, channelId: interaction.channelId, via: 'context-menu' };
  const outcome = answerQuestion(ctx, question, asker);
  if (outcome.type !== 'reply' || outcome.answer?.kind === 'none' || !ctx.botRest) {
    let linked = Promise.resolve();
    if (outcome.type === 'reply' && outcome.answer?.kind !== 'none') {
      ({ linked } = await replyWithOutcome(ctx, interaction, reply, outcome));
    } else if (outcome.type !== 'silent') {
      await reply.reply(outcome.message, { ephemeral: true });
    }
    logOutcome(ctx, question, asker, outcome, startedAt);
    await linked;
    return;
  }
  await reply.defer({ ephemeral: true });
  const rest = ctx.botRest;
  try {
    const body = {
      ...outcome.message,
      message_reference: { message_id: target.id, fail_if_not_exists: false },
    };
    const posted = (await ctx.outbox.send(interaction.channelId, 'answer', (signal) =>
      rest.post(Routes.channelMessages(interaction.channelId), { body, signal }),
    )) as APIMessage;
    ctx.sendFailures.succeeded(interaction.channelId);
    confirmPosted(outcome, messageLink(interaction.guildId, interaction.channelId, posted.id));
    await reply.editReply(renderPosted());
  } catch (error) {
    postFailed(ctx, outcome, interaction.channelId);
    ctx.sendFailures.report(interaction.channelId, error, { via: 'context-menu' });
    // Cannot post in the channel: show the answer to the user alone.
    await reply.editReply(outcome.message);
  }
  logOutcome(ctx, question, asker, outcome, startedAt);
}
