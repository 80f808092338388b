/**
 * Questions in chat: a mention of the bot and any DM are answered; in answer channels, plain messages
 * that read as questions are answered only when the engine is confident. The engine gets the whole
 * message (mentions taken out, code kept); what to reply is decided in ../answerQuestion.ts.
 *
 * A chat message cannot be ephemeral, so notices that would only add noise are reactions on the
 * asker's message (👍 thanks, ⏳ limited, 👆 "answered just above", 🔄 restarting). Posts go through
 * the channel's outbox, answers first (see ../lifecycle/Outbox.ts); while the bot drains before it
 * exits, new questions get 🔄 and no answer.
 */
import { Routes, type Message } from 'discord.js';
import type { APIMessage } from 'discord-api-types/v10';
import type { GatewayContext } from '../BotContext.js';
import {
  answerNotice,
  answerQuestion,
  confirmPosted,
  logOutcome,
  postFailed,
  type Asker,
  type Outcome,
} from '../answerQuestion.js';
import { RESTARTING_REACTION } from '../lifecycle/DrainState.js';
import { OutboxClosedError, type SendPriority } from '../lifecycle/Outbox.js';
import { cleanQuestion, looksLikeQuestion, questionText } from '../questions/cleanQuestion.js';
import { isMissingPermissions } from '../reply/sendFailures.js';
import { messageLink } from '../reply/toDiscordJs.js';

export async function handleMessage(ctx: GatewayContext, message: Message): Promise<void> {
  const botId = ctx.client.user?.id;
  if (!botId) return;
  // Every message moves the channel on, the bot's own included (duplicate pointers read this).
  ctx.recentPosts.saw(message.channelId);
  if (message.author.bot || message.author.id === botId || message.system || message.webhookId) return;

  const isDm = !message.inGuild();
  const mentioned = message.mentions.users.has(botId) || new RegExp(`<@!?${botId}>`).test(message.content);
  const answerChannel = ctx.config.answerChannelIds.includes(message.channelId);
  if (!isDm && !mentioned && !answerChannel) return;
  const addressed = isDm || mentioned;

  if (ctx.drain.draining) {
    if (addressed) await react(ctx, message, RESTARTING_REACTION);
    return;
  }

  const startedAt = performance.now();
  const prose = cleanQuestion(message.content, { botId });
  const text = questionText(message.content, { botId });
  if (!addressed && (prose === '' || !looksLikeQuestion(prose))) return;

  const asker: Asker = {
    userId: message.author.id,
    channelId: message.channelId,
    via: isDm ? 'dm' : mentioned ? 'mention' : 'channel',
    confidentOnly: !addressed,
    ...(message.reference?.messageId ? { repliesTo: message.reference.messageId } : {}),
  };
  const outcome =
    text === ''
      ? answerNotice(ctx, asker, 'help')
      : prose === ''
        ? answerNotice(ctx, asker, 'code-only')
        : answerQuestion(ctx, text, asker);
  if (outcome.type === 'silent') {
    ctx.logger.debug({
      event: 'question-skipped',
      via: asker.via,
      reason: outcome.reason,
      channelId: message.channelId,
    });
    return;
  }
  const delivered = await deliver(ctx, message, outcome);
  logOutcome(ctx, text, asker, outcome, startedAt, { delivered });
}

type Delivery = 'posted' | 'reacted' | 'failed';

/** Reacts or posts, as the outcome says; a reaction that is not allowed falls back to the notice. */
async function deliver(
  ctx: GatewayContext,
  message: Message,
  outcome: Exclude<Outcome, { type: 'silent' }>,
): Promise<Delivery> {
  const reaction = 'reaction' in outcome ? outcome.reaction : undefined;
  if (reaction) {
    const reacted = await react(ctx, message, reaction);
    if (reacted !== 'denied') return reacted ? 'reacted' : 'failed';
    // Cannot react here: a thanks needs nothing more; a limit or a pointer is said in words.
    if (outcome.type === 'notice' && outcome.reason === 'thanks') return 'failed';
  }
  const priority: SendPriority =
    outcome.type === 'reply' && outcome.answer?.kind !== 'none' ? 'answer' : 'notice';
  const posted = await post(ctx, message, outcome, priority);
  if (posted) {
    const link = messageLink(message.guildId, message.channelId, posted.id);
    confirmPosted(outcome, link);
    if (outcome.type === 'reply' && outcome.key) ctx.memory.posted(outcome.key, posted.id);
    if (outcome.type === 'reply' && outcome.claim)
      ctx.recentPosts.posted(message.channelId, outcome.claim, link);
    return 'posted';
  }
  postFailed(ctx, outcome, message.channelId);
  return 'failed';
}

/** Replies to the message without pinging anyone; a failed send is logged (403 once a channel), never thrown. */
async function post(
  ctx: GatewayContext,
  message: Message,
  outcome: Exclude<Outcome, { type: 'silent' }>,
  priority: SendPriority,
): Promise<APIMessage | undefined> {
  const body = {
    ...outcome.message,
    message_reference: { message_id: message.id, fail_if_not_exists: false },
  };
  try {
    const sent = (await ctx.outbox.send(message.channelId, priority, (signal) =>
      ctx.client.rest.post(Routes.channelMessages(message.channelId), { body, signal }),
    )) as APIMessage;
    ctx.sendFailures.succeeded(message.channelId);
    return sent;
  } catch (error) {
    // Posts abandoned at shutdown are counted and logged once, together (startBot's stop).
    if (!(error instanceof OutboxClosedError)) {
      ctx.sendFailures.report(message.channelId, error, { via: 'message' });
    }
    return undefined;
  }
}

/** Adds the bot's reaction; `denied` when the channel does not allow it (the caller may say it in words). */
async function react(ctx: GatewayContext, message: Message, emoji: string): Promise<boolean | 'denied'> {
  try {
    await ctx.client.rest.put(
      Routes.channelMessageOwnReaction(message.channelId, message.id, encodeURIComponent(emoji)),
    );
    return true;
  } catch (error) {
    if (isMissingPermissions(error)) return 'denied';
    ctx.sendFailures.report(message.channelId, error, { via: 'reaction' });
    return false;
  }
}
