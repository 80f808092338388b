/**
 * Routing: which handler serves which event. Every handler runs guarded: an error is logged, the user
 * gets a short ephemeral apology (interactions), and the bot keeps running. An interaction is always
 * acknowledged: one a handler left unanswered gets the apology too (or no choices, for autocomplete).
 *
 * Interactions arrive transport-neutral (see ./interaction/): the gateway and the HTTP endpoint both
 * call routeInteraction with the same data and differ only in the responder's transport.
 */
import type { Message } from 'discord.js';
import type { BotContext, GatewayContext } from './BotContext.js';
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
import { replyWhileDraining } from './lifecycle/DrainState.js';
import type { IncomingInteraction } from './interaction/IncomingInteraction.js';
import type { InteractionResponder } from './interaction/InteractionResponder.js';
import { renderApology } from './render/renderNotices.js';
import { isGone } from './reply/sendFailures.js';

export async function routeInteraction(
  ctx: BotContext,
  interaction: IncomingInteraction,
  reply: InteractionResponder,
): Promise<void> {
  try {
    if (ctx.drain.draining) return await replyWhileDraining(interaction, reply);
    await dispatch(ctx, interaction, reply);
    if (reply.state === 'pending') {
      ctx.logger.warn({ event: 'unanswered-interaction', ...describe(interaction) }, 'nothing answered');
      if (interaction.kind === 'autocomplete') await reply.autocomplete([]);
      else await reply.reply(renderApology(), { ephemeral: true });
    }
  } catch (error) {
    await apologize(ctx, interaction, reply, error);
  }
}

async function dispatch(
  ctx: BotContext,
  interaction: IncomingInteraction,
  reply: InteractionResponder,
): Promise<void> {
  switch (interaction.kind) {
    case 'autocomplete':
      if (interaction.commandName === CommandName.Lookup)
        return handleLookupAutocomplete(ctx, interaction, reply);
      return reply.autocomplete([]);
    case 'command':
      switch (interaction.commandName) {
        case CommandName.Ask:
          return handleAsk(ctx, interaction, reply);
        case CommandName.Lookup:
          return handleLookup(ctx, interaction, reply);
        case CommandName.Topics:
          return handleTopics(ctx, interaction, reply);
        case CommandName.Help:
          return handleHelp(ctx, interaction, reply);
        default:
          ctx.logger.warn({ event: 'unknown-command', command: interaction.commandName });
          return handleHelp(ctx, interaction, reply);
      }
    case 'message-command':
      if (interaction.commandName === CommandName.FindAnswer)
        return handleFindAnswer(ctx, interaction, reply);
      return;
    case 'button':
      return handleButton(ctx, interaction, reply);
  }
}

function describe(interaction: IncomingInteraction): { command?: string; customId?: string } {
  return interaction.kind === 'button'
    ? { customId: interaction.customId }
    : { command: interaction.commandName };
}

async function apologize(
  ctx: BotContext,
  interaction: IncomingInteraction,
  reply: InteractionResponder,
  error: unknown,
): Promise<void> {
  const where = describe(interaction);
  if (isGone(error)) {
    ctx.logger.warn({ event: 'interaction-expired', err: error, ...where }, 'interaction expired');
    return;
  }
  ctx.logger.error({ event: 'handler-error', err: error, ...where }, 'handler failed');
  try {
    if (interaction.kind === 'autocomplete') {
      if (reply.state === 'pending') await reply.autocomplete([]);
      return;
    }
    const apology = renderApology();
    if (reply.state === 'deferred') await reply.editReply(apology);
    else if (reply.state === 'replied') await reply.followUp(apology, { ephemeral: true });
    else await reply.reply(apology, { ephemeral: true });
  } catch (err) {
    ctx.logger.warn({ event: 'apology-failed', err }, 'could not send the apology');
  }
}

export async function routeMessage(ctx: GatewayContext, message: Message): Promise<void> {
  try {
    await handleMessage(ctx, message);
  } catch (error) {
    ctx.logger.error(
      { event: 'handler-error', err: error, channelId: message.channelId },
      'message handler failed',
    );
  }
}
