/** RenderedMessage (API JSON) → discord.js message options (chat replies), and message links. */
import type { MessageCreateOptions } from 'discord.js';
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

/** `https://discord.com/channels/<guild or @me>/<channel>/<message>` */
export function messageLink(
  guildId: string | null | undefined,
  channelId: string,
  messageId: string,
): string {
  return `https://discord.com/channels/${guildId ?? '@me'}/${channelId}/${messageId}`;
}
