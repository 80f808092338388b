/**
 * Questions in chat: a mention of the bot and any DM are answered; in answer channels, plain messages
 * that read as questions are answered only when the engine is confident. Code, quotes and mentions are
 * dropped before matching. Cooldowns are silent here (a chat message cannot be ephemeral).
 */
import type { Message } from 'discord.js';
import type { GatewayContext } from '../BotContext.js';
import { answerQuestion, confirmPosted, logOutcome, postFailed, type Asker } from '../answerQuestion.js';
import { cleanQuestion, looksLikeQuestion } from '../questions/cleanQuestion.js';
import { renderHelp } from '../render/renderHelp.js';
import { renderNothingToAnswer } from '../render/renderNotices.js';
import type { RenderedMessage } from '../render/message.js';
import { toMessageOptions } from '../reply/toDiscordJs.js';

export async function handleMessage(ctx: GatewayContext, message: Message): Promise<void> {
  const botId = ctx.client.user?.id;
  if (!botId || message.author.bot || message.author.id === botId || message.system || message.webhookId)
    return;

  const isDm = !message.inGuild();
  const mentioned = message.mentions.users.has(botId) || new RegExp(`<@!?${botId}>`).test(message.content);
  const answerChannel = ctx.config.answerChannelIds.includes(message.channelId);
  if (!isDm && !mentioned && !answerChannel) return;

  const startedAt = performance.now();
  const question = cleanQuestion(message.content, { botId });
  const addressed = isDm || mentioned;

  if (question === '') {
    if (!addressed) return;
    const withoutMention = message.content.replace(new RegExp(`<@!?${botId}>`, 'g'), '').trim();
    const notice =
      withoutMention === ''
        ? renderHelp({ answerChannels: ctx.config.answerChannelIds.length > 0 })
        : renderNothingToAnswer();
    await send(ctx, message, notice);
    return;
  }
  if (!addressed && !looksLikeQuestion(question)) return;

  const asker: Asker = {
    userId: message.author.id,
    channelId: message.channelId,
    via: isDm ? 'dm' : mentioned ? 'mention' : 'channel',
    confidentOnly: !addressed,
  };
  const outcome = answerQuestion(ctx, question, asker);
  if (outcome.type === 'silent') {
    ctx.logger.debug({
      event: 'question-skipped',
      via: asker.via,
      reason: outcome.reason,
      channelId: message.channelId,
    });
    return;
  }
  const sent = await send(ctx, message, outcome.message);
  if (sent) confirmPosted(outcome, sent.url);
  else postFailed(ctx, outcome, message.channelId);
  logOutcome(ctx, question, asker, outcome, startedAt, { sent: Boolean(sent) });
}

/** Replies to the message without pinging anyone; a failed send is logged (403 once a channel), never thrown. */
async function send(
  ctx: GatewayContext,
  message: Message,
  body: RenderedMessage,
): Promise<Message | undefined> {
  try {
    const sent = await message.reply({ ...toMessageOptions(body), failIfNotExists: false });
    ctx.sendFailures.succeeded(message.channelId);
    return sent;
  } catch (error) {
    ctx.sendFailures.report(message.channelId, error, { via: 'message' });
    return undefined;
  }
}
