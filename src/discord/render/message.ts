/** The shape every renderer returns: a Discord message body as plain API v10 JSON (no client state). */
import type {
  APIActionRowComponent,
  APIAllowedMentions,
  APIButtonComponent,
  APIEmbed,
} from 'discord-api-types/v10';

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

export interface RenderedMessage {
  content?: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
  /** Always set: nobody is pinged unless listed in `users`; `replied_user` is false. */
  allowed_mentions: APIAllowedMentions;
}

/** Nobody may be pinged: no @everyone/@here, no roles, no users, not the replied-to author. */
export function noMentions(users: string[] = []): APIAllowedMentions {
  return { parse: [], users, roles: [], replied_user: false };
}

export const Colors = {
  answer: 0x5865f2,
  suggest: 0xf0b232,
  none: 0x80848e,
  info: 0x3ba55d,
} as const;

/** Characters an embed adds toward the 6,000 total. */
export function embedSize(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}
