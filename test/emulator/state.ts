/**
 * The emulated world: one application/bot, guilds with text channels (the first made at start, more
 * with `createGuild`), users, DM channels, stored messages and registered commands, plus builders that
 * turn them into Discord API v10 objects and the intents and shard rules for dispatches. Every user is a
 * member of every guild; roles and channels belong to one guild.
 */
import { randomBytes } from 'node:crypto';
import { ShardedSnowflakes, SnowflakeGenerator, snowflakeIso } from './snowflake.js';
import { Intents, type Gateway, type GatewaySession } from './gateway.js';
import { apiErrors } from './limits.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export const Permission = {
  CreateInstantInvite: 1n << 0n,
  Administrator: 1n << 3n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  UseExternalEmojis: 1n << 18n,
  ChangeNickname: 1n << 26n,
  UseApplicationCommands: 1n << 31n,
  CreatePublicThreads: 1n << 35n,
  SendMessagesInThreads: 1n << 38n,
} as const;
const ALL_PERMISSIONS = (1n << 53n) - 1n;

export interface EmuUser {
  id: string;
  username: string;
  bot?: boolean;
  globalName?: string | null;
}

export interface Overwrite {
  id: string;
  type: 0 | 1; // 0 role, 1 member
  allow: bigint;
  deny: bigint;
}

export interface EmuChannel {
  id: string;
  type: 0 | 1; // GUILD_TEXT | DM
  /** The guild of a guild channel. */
  guildId?: string;
  name?: string;
  position?: number;
  topic?: string | null;
  overwrites: Overwrite[];
  recipientId?: string;
  lastMessageId: string | null;
}

export interface EmuRole {
  id: string;
  guildId: string;
  name: string;
  permissions: bigint;
  position: number;
  managed: boolean;
  botId?: string;
}

export interface StoredAttachment {
  id: string;
  filename: string;
  size: number;
  content_type?: string;
  url: string;
  proxy_url: string;
}

export interface EmuGuild {
  id: string;
  name: string;
  ownerId: string;
  botRoleId: string;
  channelIds: { general: string; help: string; locked: string };
  joinedAt: string;
}

export interface WorldOptions {
  baseUrl: () => string;
  /** The application's public key (hex), shown as `verify_key`. */
  verifyKey: () => string;
}

const CHANNEL_TYPE_DM = 1;
const MESSAGE_TYPE_REPLY = 19;

export class World {
  readonly ids = new SnowflakeGenerator();
  private readonly shardedIds = new ShardedSnowflakes();
  readonly applicationId: string;
  readonly botUser: EmuUser;
  readonly token: string;
  /** The first guild's id, owner, bot role and channels. */
  readonly guildId: string;
  readonly ownerId: string;
  readonly botRoleId: string;
  readonly channelIds: { general: string; help: string; locked: string };
  /** Every guild the bot is in, in creation order. */
  readonly guilds = new Map<string, EmuGuild>();
  readonly users = new Map<string, EmuUser>();
  readonly members = new Map<string, { joinedAt: string; roles: string[] }>();
  readonly roles = new Map<string, EmuRole>();
  readonly channels = new Map<string, EmuChannel>();
  readonly dmByUser = new Map<string, string>();
  /** Every message the emulator knows, by id (user and bot messages). */
  readonly messages = new Map<string, Json>();
  /** Message ids per channel in creation order. */
  readonly channelMessages = new Map<string, string[]>();
  readonly globalCommands = new Map<string, Json>();
  readonly guildCommands = new Map<string, Map<string, Json>>();
  /** Channels where POSTs answer 403 50013 (see DiscordEmulator.denyChannel). */
  readonly deniedChannels = new Set<string>();
  readonly guildJoinedAt: string;

  constructor(
    readonly gateway: Gateway,
    private readonly opts: WorldOptions,
  ) {
    this.applicationId = this.ids.next();
    this.botUser = { id: this.applicationId, username: 'concept-bot', bot: true };
    this.users.set(this.botUser.id, this.botUser);
    const idPart = Buffer.from(this.botUser.id).toString('base64url');
    this.token = `${idPart}.${randomBytes(4).toString('base64url')}.${randomBytes(28).toString('base64url')}`;

    const first = this.createGuild({ name: 'Concept Bot Test Guild' });
    this.guildId = first.id;
    this.ownerId = first.ownerId;
    this.botRoleId = first.botRoleId;
    this.guildJoinedAt = first.joinedAt;
    this.channelIds = first.channelIds;
  }

  /**
   * A guild with @everyone, the bot's role and the channels general, help and locked (the bot may not
   * send in locked). With `shard`, its id is chosen so that Discord's formula puts it on that shard.
   */
  createGuild(options: { name?: string; shard?: { id: number; count: number } } = {}): EmuGuild {
    const id = options.shard ? this.shardedIds.next(options.shard.id, options.shard.count) : this.ids.next();
    const owner = this.createUser(`owner-${this.guilds.size}`);
    const joinedAt = new Date().toISOString().replace('Z', '+00:00');
    this.roles.set(id, {
      id,
      guildId: id,
      name: '@everyone',
      position: 0,
      managed: false,
      permissions:
        Permission.CreateInstantInvite |
        Permission.AddReactions |
        Permission.ViewChannel |
        Permission.SendMessages |
        Permission.EmbedLinks |
        Permission.AttachFiles |
        Permission.ReadMessageHistory |
        Permission.UseExternalEmojis |
        Permission.ChangeNickname |
        Permission.UseApplicationCommands,
    });
    const botRoleId = this.ids.next();
    this.roles.set(botRoleId, {
      id: botRoleId,
      guildId: id,
      name: 'concept-bot',
      position: 1,
      managed: true,
      botId: this.botUser.id,
      permissions:
        Permission.ViewChannel |
        Permission.SendMessages |
        Permission.EmbedLinks |
        Permission.ReadMessageHistory |
        Permission.AttachFiles,
    });
    const botMember = this.members.get(this.botUser.id) ?? { joinedAt, roles: [] };
    botMember.roles.push(botRoleId);
    this.members.set(this.botUser.id, botMember);

    const mk = (name: string, position: number, overwrites: Overwrite[] = []): string =>
      this.createTextChannel(id, name, position, overwrites);
    const guild: EmuGuild = {
      id,
      name: options.name ?? `Test Guild ${this.guilds.size + 1}`,
      ownerId: owner.id,
      botRoleId,
      joinedAt,
      channelIds: {
        general: mk('general', 0),
        help: mk('help', 1),
        locked: mk('locked', 2, [{ id: this.botUser.id, type: 1, allow: 0n, deny: Permission.SendMessages }]),
      },
    };
    this.guilds.set(id, guild);
    return guild;
  }

  /** A text channel in guild `guildId` (before the bot connects, so its GUILD_CREATE lists it). */
  createTextChannel(guildId: string, name: string, position?: number, overwrites: Overwrite[] = []): string {
    const channelId = this.ids.next();
    this.channels.set(channelId, {
      id: channelId,
      type: 0,
      guildId,
      name,
      position: position ?? [...this.channels.values()].filter((c) => c.guildId === guildId).length,
      topic: null,
      overwrites,
      lastMessageId: null,
    });
    this.channelMessages.set(channelId, []);
    return channelId;
  }

  guild(id: string): EmuGuild | undefined {
    return this.guilds.get(id);
  }

  /** The guild a channel belongs to (undefined for DMs and unknown channels). */
  guildOf(channelId: string): EmuGuild | undefined {
    const ch = this.channels.get(channelId);
    return ch?.guildId ? this.guilds.get(ch.guildId) : undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Users, members, channels

  createUser(username: string, opts: { bot?: boolean; globalName?: string | null } = {}): EmuUser {
    const user: EmuUser = { id: this.ids.next(), username, ...opts };
    this.users.set(user.id, user);
    this.members.set(user.id, { joinedAt: new Date().toISOString().replace('Z', '+00:00'), roles: [] });
    return user;
  }

  /** Accepts users the emulator has not seen (e.g. hand-made ids) by registering them. */
  ensureUser(u: { id: string; username: string }): EmuUser {
    const known = this.users.get(u.id);
    if (known) return known;
    const user: EmuUser = { id: u.id, username: u.username };
    this.users.set(user.id, user);
    this.members.set(user.id, { joinedAt: new Date().toISOString().replace('Z', '+00:00'), roles: [] });
    return user;
  }

  dmChannelFor(userId: string): EmuChannel {
    let id = this.dmByUser.get(userId);
    if (!id) {
      id = this.ids.next();
      this.dmByUser.set(userId, id);
      this.channels.set(id, { id, type: 1, overwrites: [], recipientId: userId, lastMessageId: null });
      this.channelMessages.set(id, []);
    }
    return this.channels.get(id)!;
  }

  channel(id: string): EmuChannel {
    const ch = this.channels.get(id);
    if (!ch) throw apiErrors.unknownChannel();
    return ch;
  }

  isGuildChannel(ch: EmuChannel): boolean {
    return ch.type !== CHANNEL_TYPE_DM;
  }

  permissionsFor(userId: string, channelId: string): bigint {
    const ch = this.channels.get(channelId);
    const guild = ch ? this.guildOf(ch.id) : undefined;
    if (!ch || !guild || !this.isGuildChannel(ch)) return ALL_PERMISSIONS;
    if (userId === guild.ownerId) return ALL_PERMISSIONS;
    const memberRoles = this.memberRoles(userId, guild.id);
    const everyone = this.roles.get(guild.id)!;
    let perms = everyone.permissions;
    for (const r of memberRoles) perms |= this.roles.get(r)?.permissions ?? 0n;
    if (perms & Permission.Administrator) return ALL_PERMISSIONS;
    const ow = (pred: (o: Overwrite) => boolean) => ch.overwrites.filter(pred);
    for (const o of ow((o) => o.id === guild.id)) perms = (perms & ~o.deny) | o.allow;
    let allow = 0n;
    let deny = 0n;
    for (const o of ow((o) => o.type === 0 && memberRoles.includes(o.id))) {
      allow |= o.allow;
      deny |= o.deny;
    }
    perms = (perms & ~deny) | allow;
    for (const o of ow((o) => o.type === 1 && o.id === userId)) perms = (perms & ~o.deny) | o.allow;
    return perms;
  }

  userPayload(u: EmuUser): Json {
    return {
      id: u.id,
      username: u.username,
      discriminator: '0',
      global_name: u.bot ? null : (u.globalName ?? u.username),
      avatar: null,
      avatar_decoration_data: null,
      public_flags: 0,
      ...(u.bot ? { bot: true } : {}),
    };
  }

  /** A member's roles in one guild. */
  memberRoles(userId: string, guildId: string): string[] {
    return (this.members.get(userId)?.roles ?? []).filter((r) => this.roles.get(r)?.guildId === guildId);
  }

  memberPayload(userId: string, withUser: boolean, guildId: string = this.guildId): Json {
    const m = this.members.get(userId) ?? { joinedAt: this.guildJoinedAt, roles: [] };
    const user = this.users.get(userId);
    return {
      ...(withUser && user ? { user: this.userPayload(user) } : {}),
      nick: null,
      avatar: null,
      banner: null,
      roles: this.memberRoles(userId, guildId),
      joined_at: m.joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      communication_disabled_until: null,
    };
  }

  rolePayload(r: EmuRole): Json {
    return {
      id: r.id,
      name: r.name,
      description: null,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: r.position,
      permissions: r.permissions.toString(),
      managed: r.managed,
      mentionable: false,
      flags: 0,
      ...(r.botId ? { tags: { bot_id: r.botId } } : {}),
    };
  }

  channelPayload(ch: EmuChannel, opts: { withGuildId?: boolean } = {}): Json {
    if (ch.type === CHANNEL_TYPE_DM) {
      const recipient = this.users.get(ch.recipientId ?? '');
      return {
        id: ch.id,
        type: 1,
        last_message_id: ch.lastMessageId,
        flags: 0,
        recipients: recipient ? [this.userPayload(recipient)] : [],
      };
    }
    return {
      id: ch.id,
      type: 0,
      ...(opts.withGuildId === false ? {} : { guild_id: ch.guildId }),
      name: ch.name,
      position: ch.position ?? 0,
      parent_id: null,
      topic: ch.topic ?? null,
      nsfw: false,
      rate_limit_per_user: 0,
      last_message_id: ch.lastMessageId,
      flags: 0,
      permission_overwrites: ch.overwrites.map((o) => ({
        id: o.id,
        type: o.type,
        allow: o.allow.toString(),
        deny: o.deny.toString(),
      })),
    };
  }

  /** The GUILD_CREATE payload: guild, roles, channels, the bot as member. */
  guildCreatePayload(guildId: string = this.guildId): Json {
    const guild = this.guilds.get(guildId);
    if (!guild) throw new Error(`unknown guild ${guildId}`);
    const guildChannels = [...this.channels.values()].filter((c) => c.guildId === guild.id);
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      icon_hash: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: guild.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [...this.roles.values()].filter((r) => r.guildId === guild.id).map((r) => this.rolePayload(r)),
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: guild.channelIds.general,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      vanity_url_code: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      premium_progress_bar_enabled: false,
      preferred_locale: 'en-US',
      nsfw_level: 0,
      max_members: 500000,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      joined_at: guild.joinedAt,
      large: false,
      unavailable: false,
      lazy: true,
      member_count: this.members.size,
      voice_states: [],
      members: [this.memberPayload(this.botUser.id, true, guild.id)],
      channels: guildChannels.map((c) => this.channelPayload(c, { withGuildId: false })),
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      embedded_activities: [],
    };
  }

  applicationPayload(): Json {
    return {
      id: this.applicationId,
      name: this.botUser.username,
      icon: null,
      description: 'Emulated application',
      summary: '',
      type: null,
      bot_public: true,
      bot_require_code_grant: false,
      verify_key: this.opts.verifyKey(),
      flags: APPLICATION_FLAGS,
      hook: true,
      is_monetized: false,
      team: null,
      owner: this.userPayload(this.users.get(this.ownerId)!),
      bot: { ...this.userPayload(this.botUser), flags: 0 },
      interactions_endpoint_url: null,
      approximate_guild_count: this.guilds.size,
      tags: [],
      redirect_uris: [],
    };
  }

  // -------------------------------------------------------------------------------------------
  // Messages

  storeMessage(msg: Json): void {
    this.messages.set(msg.id, msg);
    const list = this.channelMessages.get(msg.channel_id);
    if (list) list.push(msg.id);
    else this.channelMessages.set(msg.channel_id, [msg.id]);
    const ch = this.channels.get(msg.channel_id);
    if (ch) ch.lastMessageId = msg.id;
  }

  message(channelId: string, messageId: string): Json {
    const msg = this.messages.get(messageId);
    if (!msg || msg.channel_id !== channelId) throw apiErrors.unknownMessage();
    return msg;
  }

  deleteMessage(msg: Json): void {
    this.messages.delete(msg.id);
    const list = this.channelMessages.get(msg.channel_id);
    const i = list?.indexOf(msg.id) ?? -1;
    if (list && i >= 0) list.splice(i, 1);
  }

  /** Builds a full message object (as the API returns it) and stores it. */
  buildMessage(input: {
    channel: EmuChannel;
    author: EmuUser;
    id?: string;
    body: Json;
    type?: number;
    attachments?: StoredAttachment[];
    mentions?: EmuUser[];
    webhookId?: string;
    interaction?: Json;
    /** Whether the author asked for pings (bot messages): allowed_mentions filters the parsed mentions. */
    applyAllowedMentions?: boolean;
  }): Json {
    const { channel, author, body } = input;
    const id = input.id ?? this.ids.next();
    const ref = body.message_reference;
    let referenced: Json = undefined;
    if (ref && ref.message_id) referenced = this.messages.get(String(ref.message_id)) ?? null;
    const mentions =
      input.mentions ?? this.parseMentions(body, referenced, input.applyAllowedMentions ?? false);
    const guild = this.isGuildChannel(channel);
    const msg: Json = {
      id,
      type: input.type ?? (ref && ref.type !== 1 ? MESSAGE_TYPE_REPLY : 0),
      channel_id: channel.id,
      ...(guild ? { guild_id: channel.guildId } : {}),
      author: this.userPayload(author),
      content: typeof body.content === 'string' ? body.content : '',
      timestamp: snowflakeIso(id),
      edited_timestamp: null,
      tts: body.tts === true,
      mention_everyone: false,
      mentions: mentions.map((u) => this.userPayload(u)),
      mention_roles: [],
      attachments: input.attachments ?? [],
      embeds: normalizeEmbeds(body.embeds),
      components: Array.isArray(body.components) ? body.components : [],
      pinned: false,
      flags: typeof body.flags === 'number' ? body.flags : 0,
      ...(body.nonce !== undefined && body.nonce !== null ? { nonce: body.nonce } : {}),
      ...(input.webhookId ? { webhook_id: input.webhookId, application_id: this.applicationId } : {}),
      ...(ref ? { message_reference: { type: 0, channel_id: channel.id, ...ref } } : {}),
      ...(referenced !== undefined
        ? { referenced_message: referenced ? stripInternal(referenced) : null }
        : {}),
      ...(input.interaction ?? {}),
      ...(body.allowed_mentions !== undefined ? { allowed_mentions: body.allowed_mentions } : {}),
    };
    if (msg.message_reference) delete msg.message_reference.fail_if_not_exists;
    this.storeMessage(msg);
    return msg;
  }

  private parseMentions(body: Json, referenced: Json, applyAllowed: boolean): EmuUser[] {
    const content = typeof body.content === 'string' ? body.content : '';
    const ids = new Set<string>();
    for (const m of content.matchAll(/<@!?(\d{5,25})>/g)) ids.add(m[1]!);
    const am = body.allowed_mentions;
    let allowed = (id: string) => this.users.has(id) && id !== '';
    if (applyAllowed && am && typeof am === 'object') {
      const parse: string[] = Array.isArray(am.parse) ? am.parse : [];
      const users: string[] = Array.isArray(am.users) ? am.users.map(String) : [];
      allowed = (id) => this.users.has(id) && (parse.includes('users') || users.includes(id));
    }
    const out = [...ids].filter(allowed);
    // A reply pings the replied-to author unless allowed_mentions.replied_user is false (default true
    // when allowed_mentions is absent, false when it is present without replied_user).
    if (referenced && referenced.author) {
      const ping = !applyAllowed || !am ? true : am.replied_user === true;
      if (ping && !out.includes(referenced.author.id)) out.push(referenced.author.id);
    }
    return out.map((id) => this.users.get(id)).filter((u): u is EmuUser => u !== undefined);
  }

  /** The message as the REST API returns it (internal bookkeeping fields removed). */
  apiMessage(msg: Json): Json {
    return stripInternal(msg);
  }

  // -------------------------------------------------------------------------------------------
  // Gateway message events with intents rules

  dispatchMessage(event: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE', msg: Json): void {
    const ch = this.channels.get(msg.channel_id);
    if (!ch) return;
    const dm = !this.isGuildChannel(ch);
    const guildId = dm ? null : (ch.guildId ?? null);
    this.gateway.dispatch(
      event,
      (s) => {
        if (!this.receivesMessageEvents(s, dm)) return null;
        const view = this.messageViewFor(s, msg, dm);
        return {
          ...view,
          channel_type: ch.type,
          ...(dm || !guildId ? {} : { member: this.memberPayload(msg.author.id, false, guildId) }),
        };
      },
      guildId,
    );
  }

  dispatchMessageDelete(msg: Json): void {
    const ch = this.channels.get(msg.channel_id);
    if (!ch) return;
    const dm = !this.isGuildChannel(ch);
    const guildId = dm ? null : (ch.guildId ?? null);
    this.gateway.dispatch(
      'MESSAGE_DELETE',
      (s) =>
        this.receivesMessageEvents(s, dm)
          ? { id: msg.id, channel_id: msg.channel_id, ...(guildId ? { guild_id: guildId } : {}) }
          : null,
      guildId,
    );
  }

  private receivesMessageEvents(s: GatewaySession, dm: boolean): boolean {
    return (s.intents & (dm ? Intents.DirectMessages : Intents.GuildMessages)) !== 0;
  }

  /** Without MESSAGE_CONTENT, content/embeds/attachments/components are emptied unless exempt. */
  messageViewFor(s: GatewaySession, msg: Json, dm: boolean): Json {
    const view = stripInternal(msg);
    const strip = (m: Json): Json => {
      if (!m) return m;
      const exempt =
        dm ||
        (s.intents & Intents.MessageContent) !== 0 ||
        m.author?.id === this.botUser.id ||
        (Array.isArray(m.mentions) && m.mentions.some((u: Json) => u.id === this.botUser.id));
      return exempt ? m : { ...m, content: '', embeds: [], attachments: [], components: [] };
    };
    const out = strip(view);
    if (out.referenced_message) out.referenced_message = strip(out.referenced_message);
    return out;
  }
}

/** The application flags in READY/`GET /applications/@me`: GATEWAY_MESSAGE_CONTENT_LIMITED | APPLICATION_COMMAND_BADGE. */
export const APPLICATION_FLAGS = (1 << 19) | (1 << 23);

function normalizeEmbeds(embeds: Json): Json[] {
  if (!Array.isArray(embeds)) return [];
  return embeds.map((e) => ({ type: 'rich', ...e }));
}

/** Removes emulator-only fields (allowed_mentions) from a stored message. */
export function stripInternal(msg: Json): Json {
  if (!msg || typeof msg !== 'object') return msg;
  const { allowed_mentions: _am, ...rest } = msg;
  return rest;
}
