/** Behaviour of the buttons under answers (ids in ../render/customIds.ts). */
import { MessageFlags, type ButtonInteraction } from 'discord.js';
import type { BotContext } from '../BotContext.js';
import { ButtonAction, parseCustomId, type ParsedCustomId } from '../render/customIds.js';
import { entryValue, renderSection } from '../render/renderAnswer.js';
import { renderDismissRefused, renderFeedbackThanks, renderUnknownEntry } from '../render/renderNotices.js';
import { toEditOptions, toInteractionOptions } from '../reply/toDiscordJs.js';
import { resolveEntry } from '../resolveEntry.js';

export async function handleButton(ctx: BotContext, interaction: ButtonInteraction): Promise<void> {
  const parsed = parseCustomId(interaction.customId);
  if (!parsed) {
    ctx.logger.warn({ event: 'unknown-button', customId: interaction.customId }, 'unknown button');
    await interaction.reply(toInteractionOptions(renderUnknownEntry(), { ephemeral: true }));
    return;
  }
  switch (parsed.action) {
    case ButtonAction.Dismiss:
      return dismiss(ctx, interaction, parsed);
    case ButtonAction.Helpful:
    case ButtonAction.NotHelpful:
      return feedback(ctx, interaction, parsed);
    case ButtonAction.Show:
    case ButtonAction.Pick:
      return show(ctx, interaction, parsed);
  }
}

/** Only the asker may delete the answer; anyone else gets an ephemeral refusal. */
async function dismiss(
  ctx: BotContext,
  interaction: ButtonInteraction,
  parsed: ParsedCustomId,
): Promise<void> {
  if (interaction.user.id !== parsed.arg) {
    await interaction.reply(toInteractionOptions(renderDismissRefused(), { ephemeral: true }));
    return;
  }
  await interaction.deferUpdate();
  await interaction.deleteReply();
  ctx.logger.info({ event: 'dismissed', channelId: interaction.channelId }, 'answer dismissed');
}

async function feedback(
  ctx: BotContext,
  interaction: ButtonInteraction,
  parsed: ParsedCustomId,
): Promise<void> {
  const helpful = parsed.action === ButtonAction.Helpful;
  const remembered = ctx.memory.get(parsed.key);
  const found = resolveEntry(ctx.getEngine(), parsed.arg);
  const entry = found ? entryValue(found) : (remembered?.entry ?? parsed.arg);
  ctx.learn({
    type: helpful ? 'helpful' : 'not-helpful',
    question: remembered?.question ?? '',
    userId: interaction.user.id,
    entry,
  });
  await interaction.reply(toInteractionOptions(renderFeedbackThanks(helpful), { ephemeral: true }));
  ctx.logger.info({ event: 'feedback', helpful, entry }, 'feedback');
}

/**
 * A related section or a "did you mean" offer. The asker's pick replaces the "did you mean" message with
 * the section; anyone else (and every related-section press) sees the section ephemerally.
 */
async function show(ctx: BotContext, interaction: ButtonInteraction, parsed: ParsedCustomId): Promise<void> {
  const found = resolveEntry(ctx.getEngine(), parsed.arg);
  if (!found) {
    await interaction.reply(toInteractionOptions(renderUnknownEntry(), { ephemeral: true }));
    return;
  }
  const remembered = ctx.memory.get(parsed.key);
  const askerId = remembered?.askerId ?? dismissOwner(interaction);
  const entry = entryValue(found);
  const key = ctx.memory.remember({
    question: remembered?.question ?? found.section.title,
    askerId: interaction.user.id,
    entry,
  });
  if (parsed.action === ButtonAction.Pick) {
    ctx.learn({
      type: 'suggestion-picked',
      question: remembered?.question ?? '',
      userId: interaction.user.id,
      entry,
    });
  }
  if (
    parsed.action === ButtonAction.Pick &&
    askerId === interaction.user.id &&
    !interaction.message.flags.has(MessageFlags.Ephemeral)
  ) {
    await interaction.update(toEditOptions(renderSection(found, { askerId, key })));
    ctx.recentPosts.remember(interaction.channelId, entry, interaction.message.url);
    ctx.logger.info({ event: 'suggestion-picked', entry }, 'suggestion picked');
    return;
  }
  const message = renderSection(found, { askerId: interaction.user.id, key, ephemeral: true });
  await interaction.reply(toInteractionOptions(message, { ephemeral: true }));
  ctx.logger.info({ event: 'section-shown', entry, via: parsed.action }, 'section shown');
}

/** The asker named in the message's Dismiss button (survives restarts, unlike the answer memory). */
function dismissOwner(interaction: ButtonInteraction): string | undefined {
  for (const row of interaction.message.components) {
    if (!('components' in row)) continue;
    for (const component of row.components) {
      const id = 'customId' in component ? component.customId : null;
      const parsed = id ? parseCustomId(id) : null;
      if (parsed?.action === ButtonAction.Dismiss) return parsed.arg;
    }
  }
  return undefined;
}
