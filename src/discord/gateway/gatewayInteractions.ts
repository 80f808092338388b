/**
 * The gateway transport for interactions: the raw INTERACTION_CREATE dispatch is read like an HTTP
 * interaction, and the first callback is POSTed to `/interactions/{id}/{token}/callback` (asking for
 * the created message when the handler wants its id). Everything else is the shared responder's.
 */
import { GatewayDispatchEvents, Routes, type Client, type REST } from 'discord.js';
import type { IncomingInteraction } from '../interaction/IncomingInteraction.js';
import type { InteractionResponder } from '../interaction/InteractionResponder.js';
import {
  InteractionReplies,
  type CallbackTransport,
  type InteractionTarget,
} from '../interaction/InteractionReplies.js';
import { readInteraction } from '../interaction/readInteraction.js';

export type InteractionListener = (interaction: IncomingInteraction, reply: InteractionResponder) => void;

/** Calls `listener` for every interaction the bot handles, on every shard of the client. */
export function onGatewayInteractions(client: Client, listener: InteractionListener): void {
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (raw: unknown) => {
    const interaction = readInteraction(raw);
    const token = (raw as { token?: unknown }).token;
    if (!interaction || typeof token !== 'string') return;
    const target = { id: interaction.id, applicationId: interaction.applicationId, token };
    listener(interaction, new InteractionReplies(target, restCallbacks(client.rest, target), client.rest));
  });
}

export function restCallbacks(rest: REST, target: InteractionTarget): CallbackTransport {
  return {
    async send(body, wantMessageId) {
      const response = (await rest.post(Routes.interactionCallback(target.id, target.token), {
        body,
        auth: false,
        ...(wantMessageId ? { query: new URLSearchParams({ with_response: 'true' }) } : {}),
      })) as { resource?: { message?: { id?: string } } } | undefined;
      return wantMessageId ? response?.resource?.message?.id : undefined;
    },
  };
}
