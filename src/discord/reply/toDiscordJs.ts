/** RenderedMessage (API JSON) → discord.js send/reply options. */
import {
  MessageFlags,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  type MessageCreateOptions,
} from 'discord.js';
import type { RenderedMessage } from '../render/message.js';

export function toMessageOptions(message: RenderedMessage): MessageCreateOptions {
  const am = message.allowed_mentions;
  return {
    ...(message.content !== undefined ? { content: message.content } : {}),
    embeds: message.embeds,
    components: message.components,
    allowedMentions: {
      parse: [],
      users: am.users ?? [],
      roles: am.roles ?? [],
      repliedUser: am.replied_user ?? false,
    },
  };
}

export function toInteractionOptions(
  message: RenderedMessage,
  options: { ephemeral?: boolean } = {},
): InteractionReplyOptions {
  const base = toMessageOptions(message);
  return {
    content: base.content,
    embeds: message.embeds,
    components: message.components,
    allowedMentions: base.allowedMentions,
    ...(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/** Options for editing a reply or updating a message: replaces content, embeds and buttons. */
export function toEditOptions(
  message: RenderedMessage,
): InteractionEditReplyOptions & InteractionUpdateOptions {
  const base = toMessageOptions(message);
  return {
    content: message.content ?? null,
    embeds: message.embeds,
    components: message.components,
    allowedMentions: base.allowedMentions,
  };
}

/** `https://discord.com/channels/<guild or @me>/<channel>/<message>` */
export function messageLink(
  guildId: string | null | undefined,
  channelId: string,
  messageId: string,
): string {
  return `https://discord.com/channels/${guildId ?? '@me'}/${channelId}/${messageId}`;
}
