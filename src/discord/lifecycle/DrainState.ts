/**
 * Whether the bot is stopping. While it drains (sending what is queued before it exits), every door
 * keeps acknowledging people: an interaction gets a short ephemeral "restarting, ask again in a moment"
 * (renderRestarting) and a chat question a reaction (RESTARTING_REACTION), and no new question is
 * answered. Shared by the gateway and the HTTP endpoint.
 */
import type { IncomingInteraction } from '../interaction/IncomingInteraction.js';
import type { InteractionResponder } from '../interaction/InteractionResponder.js';
import { renderRestarting } from '../render/renderNotices.js';

export const RESTARTING_REACTION = '🔄';

export class DrainState {
  private startedAt: number | undefined;

  get draining(): boolean {
    return this.startedAt !== undefined;
  }

  /** Marks the start of the drain (idempotent). */
  begin(now = Date.now()): void {
    this.startedAt ??= now;
  }
}

/** The reply to an interaction that arrives during the drain: acknowledged, ephemeral, nothing answered. */
export async function replyWhileDraining(
  interaction: IncomingInteraction,
  reply: InteractionResponder,
): Promise<void> {
  if (interaction.kind === 'autocomplete') await reply.autocomplete([]);
  else await reply.reply(renderRestarting(), { ephemeral: true });
}
