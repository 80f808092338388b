/**
 * The JSON the bot sends to answer an interaction (API v10), built from a RenderedMessage: the
 * callback body (`{type, data}`) for the first response, and message bodies for edits and follow-ups.
 */
import type { APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import type { RenderedMessage } from '../render/message.js';

/** Interaction callback types the bot uses. */
export const CallbackType = {
  Pong: 1,
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredUpdateMessage: 6,
  UpdateMessage: 7,
  AutocompleteResult: 8,
} as const;
export type CallbackType = (typeof CallbackType)[keyof typeof CallbackType];

export const EPHEMERAL_FLAG = 1 << 6;

export interface CallbackBody {
  type: CallbackType;
  data?: Record<string, unknown>;
}

/** A new message (a reply or follow-up): content only when the message has some. */
export function createBody(message: RenderedMessage, options: { ephemeral?: boolean } = {}) {
  return {
    ...(message.content !== undefined ? { content: message.content } : {}),
    embeds: message.embeds,
    components: message.components,
    allowed_mentions: message.allowed_mentions,
    ...(options.ephemeral ? { flags: EPHEMERAL_FLAG } : {}),
  };
}

/** An edit: replaces content (emptied when the message has none), embeds and buttons. */
export function editBody(message: RenderedMessage) {
  return {
    content: message.content ?? '',
    embeds: message.embeds,
    components: message.components,
    allowed_mentions: message.allowed_mentions,
  };
}

export const callbacks = {
  pong: (): CallbackBody => ({ type: CallbackType.Pong }),
  reply: (message: RenderedMessage, options: { ephemeral?: boolean } = {}): CallbackBody => ({
    type: CallbackType.ChannelMessageWithSource,
    data: createBody(message, options),
  }),
  defer: (options: { ephemeral?: boolean } = {}): CallbackBody => ({
    type: CallbackType.DeferredChannelMessageWithSource,
    ...(options.ephemeral ? { data: { flags: EPHEMERAL_FLAG } } : {}),
  }),
  deferUpdate: (): CallbackBody => ({ type: CallbackType.DeferredUpdateMessage }),
  update: (message: RenderedMessage): CallbackBody => ({
    type: CallbackType.UpdateMessage,
    data: editBody(message),
  }),
  autocomplete: (choices: APIApplicationCommandOptionChoice[]): CallbackBody => ({
    type: CallbackType.AutocompleteResult,
    data: { choices },
  }),
};
