/** Behaviour of the slash and context-menu commands (shapes in ../commands/definitions.ts). */
import {
  MessageFlags,
  Routes,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type InteractionResponse,
  type Message,
  type MessageContextMenuCommandInteraction,
  type InteractionCallbackResponse,
} from 'discord.js';
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
import { cleanQuestion } from '../questions/cleanQuestion.js';
import { entryRef } from '../render/customIds.js';
import { BotLimits, DiscordLimits } from '../render/limits.js';
import { renderHelp } from '../render/renderHelp.js';
import { renderNothingToAnswer, renderPosted } from '../render/renderNotices.js';
import { renderTopics } from '../render/renderTopics.js';
import { truncate, truncateLine } from '../render/truncate.js';
import { messageLink, toEditOptions, toInteractionOptions } from '../reply/toDiscordJs.js';
import { resolveEntry } from '../resolveEntry.js';

type Replyable = ChatInputCommandInteraction | MessageContextMenuCommandInteraction;

/** Sends an outcome as the interaction's reply: answers in public, notices ephemeral. */
async function replyWithOutcome(ctx: BotContext, interaction: Replyable, outcome: Outcome): Promise<void> {
  if (outcome.type === 'silent') return;
  const ephemeral = outcome.type !== 'reply';
  let response: InteractionCallbackResponse | InteractionResponse;
  try {
    response = await interaction.reply({
      ...toInteractionOptions(outcome.message, { ephemeral }),
      withResponse: true,
    });
  } catch (error) {
    postFailed(ctx, outcome, interaction.channelId);
    throw error;
  }
  if (outcome.type === 'reply' && 'resource' in response) {
    const message = response.resource?.message;
    if (message) confirmPosted(outcome, messageLink(interaction.guildId, interaction.channelId, message.id));
  }
}

export async function handleAsk(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const startedAt = performance.now();
  const raw = interaction.options.getString('question', true);
  const question = truncate(raw.replace(/\s+/g, ' ').trim(), BotLimits.questionChars, '');
  const target = interaction.options.getUser('for');
  const asker: Asker = {
    userId: interaction.user.id,
    channelId: interaction.channelId,
    via: 'ask',
    showQuestion: true,
    ...(target && !target.bot ? { forUserId: target.id } : {}),
  };
  const outcome = answerQuestion(ctx, question, asker);
  await replyWithOutcome(ctx, interaction, outcome);
  logOutcome(ctx, question, asker, outcome, startedAt);
}

export async function handleLookup(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const startedAt = performance.now();
  const value = interaction.options.getString('entry', true).trim();
  const asker: Asker = {
    userId: interaction.user.id,
    channelId: interaction.channelId,
    via: 'lookup',
    showQuestion: true,
  };
  const found = resolveEntry(ctx.getEngine(), value);
  const outcome = found
    ? showEntry(ctx, found, value, asker)
    : answerQuestion(ctx, truncate(value, BotLimits.questionChars, ''), asker);
  await replyWithOutcome(ctx, interaction, outcome);
  logOutcome(ctx, value, asker, outcome, startedAt, { picked: Boolean(found) });
}

export async function handleLookupAutocomplete(
  ctx: BotContext,
  interaction: AutocompleteInteraction,
): Promise<void> {
  const focused = interaction.options.getFocused();
  const entries = ctx
    .getEngine()
    .lookup(String(focused).slice(0, BotLimits.lookupOption), DiscordLimits.autocompleteChoices);
  const seen = new Set<string>();
  const choices: { name: string; value: string }[] = [];
  for (const e of entries) {
    const value = entryRef(e.value, DiscordLimits.choiceValue);
    if (seen.has(value)) continue;
    seen.add(value);
    choices.push({ name: truncateLine(e.label, DiscordLimits.choiceName) || value, value });
    if (choices.length === DiscordLimits.autocompleteChoices) break;
  }
  await interaction.respond(choices);
}

export async function handleTopics(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const [first, ...rest] = renderTopics(ctx.getEngine().knowledge.topics);
  if (!first) return;
  await interaction.editReply(toEditOptions(first));
  for (const page of rest) {
    await interaction.followUp(toInteractionOptions(page, { ephemeral: true }));
  }
}

export async function handleHelp(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  await interaction.reply(
    toInteractionOptions(renderHelp({ answerChannels: ctx.config.answerChannelIds.length > 0 }), {
      ephemeral: true,
    }),
  );
}

/** "Find answer": answers the right-clicked message with a reply to it; notices stay ephemeral. */
export async function handleFindAnswer(
  ctx: BotContext,
  interaction: MessageContextMenuCommandInteraction,
): Promise<void> {
  const startedAt = performance.now();
  const target: Message = interaction.targetMessage;
  const question = cleanQuestion(target.content ?? '', { botId: ctx.client.user?.id });
  if (question === '') {
    await interaction.reply(toInteractionOptions(renderNothingToAnswer(), { ephemeral: true }));
    return;
  }
  const asker: Asker = { userId: interaction.user.id, channelId: interaction.channelId, via: 'context-menu' };
  const outcome = answerQuestion(ctx, question, asker);
  if (outcome.type !== 'reply' || outcome.answer?.kind === 'none') {
    if (outcome.type !== 'silent') {
      await interaction.reply(toInteractionOptions(outcome.message, { ephemeral: true }));
    }
    logOutcome(ctx, question, asker, outcome, startedAt);
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  try {
    const posted = (await ctx.client.rest.post(Routes.channelMessages(interaction.channelId), {
      body: { ...outcome.message, message_reference: { message_id: target.id, fail_if_not_exists: false } },
    })) as APIMessage;
    ctx.sendFailures.succeeded(interaction.channelId);
    confirmPosted(outcome, messageLink(interaction.guildId, interaction.channelId, posted.id));
    await interaction.editReply(toEditOptions(renderPosted()));
  } catch (error) {
    postFailed(ctx, outcome, interaction.channelId);
    ctx.sendFailures.report(interaction.channelId, error, { via: 'context-menu' });
    // Cannot post in the channel: show the answer to the user alone.
    await interaction.editReply(toEditOptions(outcome.message));
  }
  logOutcome(ctx, question, asker, outcome, startedAt);
}
