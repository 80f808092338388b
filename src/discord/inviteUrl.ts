/** The OAuth2 URL that adds the bot to a server with exactly the permissions it needs. */
import { PermissionFlagsBits } from 'discord.js';

export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory |
  // Thanks, "limited" and "answered just above" are reactions on the asker's message.
  PermissionFlagsBits.AddReactions;

export const BOT_SCOPES = ['bot', 'applications.commands'] as const;

export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: BOT_SCOPES.join(' '),
    permissions: BOT_PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${params.toString().replace(/\+/g, '%20')}`;
}
