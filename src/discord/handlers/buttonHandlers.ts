/** Behaviour of the buttons under answers (ids in ../render/customIds.ts), for every transport. */
import type { BotContext } from '../BotContext.js';
import type { ButtonInteraction } from '../interaction/IncomingInteraction.js';
import type { InteractionResponder } from '../interaction/InteractionResponder.js';
import { ButtonAction, parseCustomId, type ParsedCustomId } from '../render/customIds.js';
import { entryValue, renderSection } from '../render/renderAnswer.js';
import { renderDismissRefused, renderFeedbackThanks, renderUnknownEntry } from '../render/renderNotices.js';
import { messageLink } from '../reply/toDiscordJs.js';
import { resolveEntry } from '../resolveEntry.js';

export async function handleButton(
  ctx: BotContext,
  interaction: ButtonInteraction,
  reply: InteractionResponder,
): Promise<void> {
  const parsed = parseCustomId(interaction.customId);
  if (!parsed) {
    ctx.logger.warn({ event: 'unknown-button', customId: interaction.customId }, 'unknown button');
    await reply.reply(renderUnknownEntry(), { ephemeral: true });
    return;
  }
  switch (parsed.action) {
    case ButtonAction.Dismiss:
      return dismiss(ctx, interaction, reply, parsed);
    case ButtonAction.Helpful:
    case ButtonAction.NotHelpful:
      return feedback(ctx, interaction, reply, parsed);
    case ButtonAction.Show:
    case ButtonAction.Pick:
      return show(ctx, interaction, reply, parsed);
  }
}

/** Only the asker may delete the answer; anyone else gets an ephemeral refusal. */
async function dismiss(
  ctx: BotContext,
  interaction: ButtonInteraction,
  reply: InteractionResponder,
  parsed: ParsedCustomId,
): Promise<void> {
  if (interaction.userId !== parsed.arg) {
    await reply.reply(renderDismissRefused(), { ephemeral: true });
    return;
  }
  await reply.deferUpdate();
  await reply.deleteReply();
  ctx.logger.info({ event: 'dismissed', channelId: interaction.channelId }, 'answer dismissed');
}

async function feedback(
  ctx: BotContext,
  interaction: ButtonInteraction,
  reply: InteractionResponder,
  parsed: ParsedCustomId,
): Promise<void> {
  const helpful = parsed.action === ButtonAction.Helpful;
  const remembered = ctx.memory.get(parsed.key);
  const found = resolveEntry(ctx.getEngine(), parsed.arg);
  const entry = found ? entryValue(found) : (remembered?.entry ?? parsed.arg);
  ctx.learn({
    type: helpful ? 'helpful' : 'not-helpful',
    question: remembered?.question ?? '',
    userId: interaction.userId,
    entry,
  });
  await reply.reply(renderFeedbackThanks(helpful), { ephemeral: true });
  ctx.logger.info({ event: 'feedback', helpful, entry }, 'feedback');
}

/**
 * A related section or a "did you mean" offer. The asker's pick replaces the "did you mean" message with
 * the section; anyone else (and every related-section press) sees the section ephemerally.
 */
async function show(
  ctx: BotContext,
  interaction: ButtonInteraction,
  reply: InteractionResponder,
  parsed: ParsedCustomId,
): Promise<void> {
  const found = resolveEntry(ctx.getEngine(), parsed.arg);
  if (!found) {
    await reply.reply(renderUnknownEntry(), { ephemeral: true });
    return;
  }
  const remembered = ctx.memory.get(parsed.key);
  const askerId = remembered?.askerId ?? dismissOwner(interaction);
  const entry = entryValue(found);
  const key = ctx.memory.remember({
    question: remembered?.question ?? found.section.title,
    askerId: interaction.userId,
    entry,
  });
  if (parsed.action === ButtonAction.Pick) {
    ctx.learn({
      type: 'suggestion-picked',
      question: remembered?.question ?? '',
      userId: interaction.userId,
      entry,
    });
  }
  if (
    parsed.action === ButtonAction.Pick &&
    askerId === interaction.userId &&
    !interaction.message.ephemeral
  ) {
    await reply.update(renderSection(found, { askerId, key }));
    const link = messageLink(interaction.guildId, interaction.channelId, interaction.message.id);
    ctx.recentPosts.remember(interaction.channelId, entry, link);
    ctx.logger.info({ event: 'suggestion-picked', entry }, 'suggestion picked');
    return;
  }
  const message = renderSection(found, { askerId: interaction.userId, key, ephemeral: true });
  await reply.reply(message, { ephemeral: true });
  ctx.logger.info({ event: 'section-shown', entry, via: parsed.action }, 'section shown');
}

/** The asker named in the message's Dismiss button (survives restarts, unlike the answer memory). */
function dismissOwner(interaction: ButtonInteraction): string | undefined {
  for (const id of interaction.message.customIds) {
    const parsed = parseCustomId(id);
    if (parsed?.action === ButtonAction.Dismiss) return parsed.arg;
  }
  return undefined;
}
