/**
 * Routing: which handler serves which event. Every handler runs guarded: an error is logged, the user
 * gets a short ephemeral apology (interactions), and the bot keeps running.
 */
import type { Interaction, Message } from 'discord.js';
import type { BotContext } from './BotContext.js';
import { CommandName } from './commands/definitions.js';
import { handleButton } from './handlers/buttonHandlers.js';
import {
  handleAsk,
  handleFindAnswer,
  handleHelp,
  handleLookup,
  handleLookupAutocomplete,
  handleTopics,
} from './handlers/commandHandlers.js';
import { handleMessage } from './handlers/messageHandler.js';
import { renderApology } from './render/renderNotices.js';
import { isGone } from './reply/sendFailures.js';
import { toInteractionOptions } from './reply/toDiscordJs.js';

export async function routeInteraction(ctx: BotContext, interaction: Interaction): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      if (interaction.commandName === CommandName.Lookup) await handleLookupAutocomplete(ctx, interaction);
      else await interaction.respond([]);
    } else if (interaction.isChatInputCommand()) {
      switch (interaction.commandName) {
        case CommandName.Ask:
          return await handleAsk(ctx, interaction);
        case CommandName.Lookup:
          return await handleLookup(ctx, interaction);
        case CommandName.Topics:
          return await handleTopics(ctx, interaction);
        case CommandName.Help:
          return await handleHelp(ctx, interaction);
        default:
          ctx.logger.warn({ event: 'unknown-command', command: interaction.commandName });
          return await handleHelp(ctx, interaction);
      }
    } else if (interaction.isMessageContextMenuCommand()) {
      if (interaction.commandName === CommandName.FindAnswer) await handleFindAnswer(ctx, interaction);
    } else if (interaction.isButton()) {
      await handleButton(ctx, interaction);
    }
  } catch (error) {
    await apologize(ctx, interaction, error);
  }
}

async function apologize(ctx: BotContext, interaction: Interaction, error: unknown): Promise<void> {
  const name = interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined;
  const customId = interaction.isMessageComponent() ? interaction.customId : undefined;
  if (isGone(error)) {
    ctx.logger.warn(
      { event: 'interaction-expired', err: error, command: name, customId },
      'interaction expired',
    );
    return;
  }
  ctx.logger.error({ event: 'handler-error', err: error, command: name, customId }, 'handler failed');
  if (!interaction.isRepliable()) return;
  try {
    const apology = toInteractionOptions(renderApology(), { ephemeral: true });
    if (interaction.deferred && !interaction.replied) {
      await interaction.editReply({ content: apology.content ?? null, embeds: [], components: [] });
    } else if (interaction.replied) {
      await interaction.followUp(apology);
    } else {
      await interaction.reply(apology);
    }
  } catch (err) {
    ctx.logger.warn({ event: 'apology-failed', err }, 'could not send the apology');
  }
}

export async function routeMessage(ctx: BotContext, message: Message): Promise<void> {
  try {
    await handleMessage(ctx, message);
  } catch (error) {
    ctx.logger.error(
      { event: 'handler-error', err: error, channelId: message.channelId },
      'message handler failed',
    );
  }
}
