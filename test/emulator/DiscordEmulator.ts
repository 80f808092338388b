/**
 * DiscordEmulator — a Discord API v10 emulator on loopback for end-to-end tests and benchmarks.
 *
 * One HTTP server on 127.0.0.1 (ephemeral port) serves the REST API under `/api/v10` and the gateway
 * WebSocket under `/gateway`. A real discord.js v14 Client connects to it unchanged:
 *
 *   const emu = await DiscordEmulator.start({ ackTimeoutMs: 3000 });
 *   const client = new Client({ intents: [...], rest: { api: emu.apiUrl } });
 *   await client.login(emu.token);                 // GET /gateway/bot → ws://127.0.0.1:PORT/gateway
 *   await emu.waitForReady();
 *   const alice = emu.createUser('alice');
 *   await emu.sendMessage({ author: alice, content: 'hi', mentionsBot: true });
 *   const call = await emu.waitForCall((c) => c.method === 'POST' && c.path.endsWith('/messages'));
 *   const ix = await emu.sendCommand({ name: 'ask', options: { question: 'closures' }, user: alice });
 *   await ix.acknowledged; const reply = await ix.waitForReply();
 *   await client.destroy(); await emu.stop();
 *
 * It behaves like Discord where bots notice: intents decide which MESSAGE_CREATEs arrive and whether
 * content is visible (MESSAGE_CONTENT); GUILD_CREATE needs GUILDS; DMs arrive without CHANNEL_CREATE
 * (so a client needs DirectMessages + Partials.Channel to see them); limits are enforced with
 * Discord's error shapes (50035 Invalid Form Body, 50006, 10062 after `ackTimeoutMs`, 40060 on a second
 * callback, 50013 for denied/locked channels); responses carry rate-limit headers from real per-route
 * buckets; sessions resume after `dropConnection()` with missed dispatches replayed. Every REST request
 * is recorded in `calls` (use `mark()` + `waitForCall(pred, timeout, mark)` to avoid races).
 *
 * The bot's messages come back to it as MESSAGE_CREATE/UPDATE/DELETE (as on Discord), so bot code
 * should ignore its own/bot-authored messages. `sendCommand`/`sendAutocomplete`/`sendMessageCommand`
 * need the command registered first (option types come from the registration); unknown commands or
 * options throw, as a Discord user could not send them. Rate limits default to 50 requests per route
 * bucket per second (`rateLimit: false` turns them off, e.g. for throughput benchmarks).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Gateway, Intents, receivesGuild, type GatewaySession, type IdentifyRecord } from './gateway.js';
import {
  InteractionRecord,
  InteractionType,
  basePayload,
  buildOptions,
  findCommand,
  type EmulatedInteraction,
  type OptionValue,
} from './interactions.js';
import { ApiError } from './limits.js';
import { InteractionsEndpoint, type EndpointResponse, type RawDelivery } from './interactionsEndpoint.js';
import { RestServer, type FailRule, type RateLimitOptions, type RecordedCall } from './rest.js';
import {
  APPLICATION_FLAGS,
  World,
  stripInternal,
  type EmuChannel,
  type EmuGuild,
  type EmuUser,
  type Json,
} from './state.js';
import { shardOf } from './snowflake.js';

export type { EmulatedInteraction } from './interactions.js';
export type { IdentifyRecord } from './gateway.js';
export type { EmuGuild } from './state.js';
export { shardOf } from './snowflake.js';
export type { FailRule, RateLimitOptions, RecordedCall, RecordedFile } from './rest.js';
export { DISCORD_ROUTE_LIMITS } from './rest.js';
export type { EndpointResponse, RawDelivery } from './interactionsEndpoint.js';

/** One interaction delivered to the Interactions Endpoint over HTTP. */
export interface DeliveryRecord {
  interactionId: string;
  /** Interaction type (1 PING, 2 command, 3 component, 4 autocomplete). */
  type: number;
  /** HTTP status, or 0 when no response came (timeout, connection refused). */
  status: number;
  /** Send to complete response (ms). */
  ms: number;
  /** The callback type of a 200 response. */
  callbackType?: number;
  /** Why Discord would show "This interaction failed": a bad status, body or callback. */
  error?: string;
}
export { Intents } from './gateway.js';

export interface EmulatorOptions {
  /** Interaction callbacks later than this (ms after dispatch) get 404 10062. Default 3000. */
  ackTimeoutMs?: number;
  /** HELLO heartbeat_interval. Default 41250. */
  heartbeatIntervalMs?: number;
  /**
   * Per-bucket (route + major parameter) limit reported in x-ratelimit-* and enforced with 429. Default 50
   * per 1000 ms; `routes` sets particular routes' (DISCORD_ROUTE_LIMITS: Discord's 5 messages per 5 s in
   * a channel); false disables headers and limiting.
   */
  rateLimit?: RateLimitOptions | false;
  /** Privileged intents the application is approved for; others close the gateway with 4014. Default: all. */
  allowedPrivilegedIntents?: number;
  /** How long a dropped session remains resumable. Default 120 s. */
  sessionTtlMs?: number;
  /** `shards` in `GET /gateway/bot` (Discord's recommended shard count). Default 1. */
  recommendedShards?: number;
  /** `session_start_limit.max_concurrency`. Default 1. */
  maxConcurrency?: number;
  /** IDENTIFY with fewer shards closes with 4011 Sharding Required. Default 1. */
  requiredShards?: number;
  /** Refuse (op 9) a second IDENTIFY in one rate-limit bucket within 5 s. Default false; always logged. */
  enforceIdentifyRate?: boolean;
}

export interface UserRef {
  id: string;
  username: string;
}

export interface SendMessageInput {
  author: UserRef;
  content: string;
  /** Guild channel (default: general). Ignored with `dm`. */
  channelId?: string;
  /** Send as a DM from `author` to the bot. */
  dm?: boolean;
  /** Prefixes `<@bot>` to the content if it is not already there (Discord mentions live in content). */
  mentionsBot?: boolean;
  mentionEveryone?: boolean;
  /** Makes the message a reply. A reply pings the replied-to author unless `pingReply: false`. */
  referenceMessageId?: string;
  pingReply?: boolean;
  embeds?: Json[];
}

export interface SendCommandInput {
  name: string;
  options?: Record<string, OptionValue>;
  subcommand?: string;
  subcommandGroup?: string;
  user: UserRef;
  channelId?: string;
  dm?: boolean;
  /** Extra users to put into data.resolved (USER options are resolved automatically). */
  resolvedUsers?: UserRef[];
}

export interface SendAutocompleteInput {
  name: string;
  focused: string;
  value: string;
  otherOptions?: Record<string, string>;
  subcommand?: string;
  subcommandGroup?: string;
  user: UserRef;
  channelId?: string;
  dm?: boolean;
}

export interface SendMessageCommandInput {
  name: string;
  target: Json;
  user: UserRef;
  channelId?: string;
}

export interface SendButtonInput {
  customId: string;
  message: Json;
  user: UserRef;
  channelId?: string;
}

export interface SendSelectInput extends SendButtonInput {
  values: string[];
}

export interface SendModalSubmitInput {
  customId: string;
  fields: Record<string, string>;
  user: UserRef;
  channelId?: string;
  dm?: boolean;
  /** The message whose component opened the modal, if any. */
  message?: Json;
}

interface CallWaiter {
  predicate: (c: RecordedCall) => boolean;
  resolve: (c: RecordedCall) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

export class DiscordEmulator {
  readonly apiUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: { id: string; username: string };
  readonly guildId: string;
  readonly channels: { general: string; help: string; locked: string };
  readonly calls: RecordedCall[] = [];
  /** Unexpected exceptions inside the emulator's handlers (each also answered 500). */
  readonly internalErrors: Error[] = [];
  /** Every interaction sent, in order. */
  readonly interactions: InteractionRecord[] = [];
  /** URLs the gateway was connected to (including the query string). */
  readonly gatewayConnections: string[] = [];
  readonly world: World;
  readonly gateway: Gateway;

  private readonly baseUrl: string;
  private readonly ackTimeoutMs: number;
  private readonly failRules: (FailRule & { remaining: number })[] = [];
  private readonly callWaiters = new Set<CallWaiter>();
  private readonly readyWaiters = new Set<() => void>();
  private readonly interactionsById = new Map<string, InteractionRecord>();
  private readonly interactionsByToken = new Map<string, InteractionRecord>();
  private readyCount = 0;
  private stopped = false;
  private readonly rest: RestServer;
  /** Signs and sends interactions to the bot's Interactions Endpoint, once one is set. */
  private readonly endpoint = new InteractionsEndpoint();
  /** HTTP deliveries of interactions (Interactions Endpoint mode), in order. */
  readonly deliveries: DeliveryRecord[] = [];

  static async start(opts: EmulatorOptions = {}): Promise<DiscordEmulator> {
    const server = createServer();
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return new DiscordEmulator(server, port, opts);
  }

  private constructor(
    private readonly server: Server,
    port: number,
    opts: EmulatorOptions,
  ) {
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.apiUrl = `${this.baseUrl}/api`;
    this.ackTimeoutMs = opts.ackTimeoutMs ?? 3000;
    const gatewayUrl = `ws://127.0.0.1:${port}/gateway`;
    const resumeUrl = `ws://127.0.0.1:${port}/gateway/resume`;

    this.gateway = new Gateway({
      token: () => this.world.token,
      heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 41250,
      allowedPrivilegedIntents: opts.allowedPrivilegedIntents ?? 0xffffffff,
      sessionTtlMs: opts.sessionTtlMs ?? 120_000,
      bufferSize: 10_000,
      buildReady: (session) => this.readyPayload(session, resumeUrl),
      // Like Discord, GUILD_CREATE (lazy guild load) needs the GUILDS intent; discord.js then stops waiting.
      buildInitialDispatches: (session) =>
        session.intents & Intents.Guilds
          ? this.guildsOf(session).map((g) => ({ t: 'GUILD_CREATE', d: this.world.guildCreatePayload(g.id) }))
          : [],
      buildMembersChunk: (d) => this.membersChunk(d),
      maxConcurrency: opts.maxConcurrency ?? 1,
      requiredShards: opts.requiredShards ?? 1,
      enforceIdentifyRate: opts.enforceIdentifyRate ?? false,
    });
    const world = new World(this.gateway, {
      baseUrl: () => this.baseUrl,
      verifyKey: () => this.endpoint.publicKey,
    });
    this.world = world;

    this.token = world.token;
    this.applicationId = world.applicationId;
    this.botUser = { id: world.botUser.id, username: world.botUser.username };
    this.guildId = world.guildId;
    this.channels = { ...world.channelIds };

    this.gateway.on('connection', (url) => this.gatewayConnections.push(url));
    const onLive = () => {
      this.readyCount++;
      for (const w of [...this.readyWaiters]) w();
    };
    this.gateway.on('ready', onLive);
    this.gateway.on('resumed', onLive);

    this.rest = new RestServer({
      world,
      interactionsById: this.interactionsById,
      interactionsByToken: this.interactionsByToken,
      baseUrl: () => this.baseUrl,
      gatewayUrl: () => gatewayUrl,
      identifies: () => this.gateway.identifies,
      sharding: {
        recommendedShards: opts.recommendedShards ?? 1,
        maxConcurrency: opts.maxConcurrency ?? 1,
      },
      record: (call) => this.record(call),
      takeFailure: (method, path) => this.takeFailure(method, path),
      rateLimit: opts.rateLimit === undefined ? { limit: 50, windowMs: 1000 } : opts.rateLimit,
      internalErrors: this.internalErrors,
    });
    server.on('request', (req, res) => {
      this.rest.handle(req, res).catch((err: unknown) => {
        this.internalErrors.push(err instanceof Error ? err : new Error(String(err)));
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    server.on('upgrade', (req, socket, head) => {
      const path = new URL(req.url ?? '/', 'ws://127.0.0.1').pathname;
      if (path === '/gateway' || path.startsWith('/gateway/')) this.gateway.handleUpgrade(req, socket, head);
      else socket.destroy();
    });
  }

  // -------------------------------------------------------------------------------------------
  // Gateway state

  get identifies(): number {
    return this.gateway.identifies;
  }
  set identifies(n: number) {
    this.gateway.identifies = n;
  }
  get resumes(): number {
    return this.gateway.resumes;
  }
  set resumes(n: number) {
    this.gateway.resumes = n;
  }
  get lastIntents(): number | undefined {
    return this.gateway.lastIntents;
  }
  set lastIntents(n: number | undefined) {
    this.gateway.lastIntents = n;
  }

  private readyPayload(session: GatewaySession, resumeUrl: string): Json {
    const world = this.world;
    return {
      v: 10,
      user_settings: {},
      user: {
        ...world.userPayload(world.botUser),
        verified: true,
        mfa_enabled: false,
        email: null,
        flags: 0,
      },
      guilds: this.guildsOf(session).map((g) => ({ id: g.id, unavailable: true })),
      guild_join_requests: [],
      relationships: [],
      private_channels: [],
      presences: [],
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: resumeUrl,
      shard: [...session.shard],
      application: { id: world.applicationId, flags: APPLICATION_FLAGS },
      auth: {},
      geo_ordered_rtc_regions: ['emulator'],
      _trace: ['["emulator-gateway",{"micros":0}]'],
    };
  }

  /** The guilds a session's shard holds. */
  private guildsOf(session: GatewaySession): EmuGuild[] {
    return [...this.world.guilds.values()].filter((g) => receivesGuild(session, g.id));
  }

  private membersChunk(d: Json): Json | null {
    const guildId = d ? String(d.guild_id) : '';
    if (!this.world.guild(guildId)) return null;
    const wanted: string[] | null = Array.isArray(d.user_ids) ? d.user_ids.map(String) : null;
    const ids = [...this.world.members.keys()].filter((id) => !wanted || wanted.includes(id));
    return {
      guild_id: guildId,
      members: ids.map((id) => this.world.memberPayload(id, true, guildId)),
      chunk_index: 0,
      chunk_count: 1,
      not_found: wanted ? wanted.filter((id) => !this.world.members.has(id)) : [],
      ...(d.nonce !== undefined ? { nonce: d.nonce } : {}),
    };
  }

  /**
   * Resolves when a bot session is connected and has been sent READY+GUILD_CREATE (or RESUMED) —
   * immediately if that is already the case, unless `fresh` asks for a new READY/RESUMED after this call.
   */
  waitForReady(timeoutMs = 10_000, opts: { fresh?: boolean } = {}): Promise<void> {
    if (!opts.fresh && this.gateway.liveSessions().length > 0) return Promise.resolve();
    const start = this.readyCount;
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.readyCount > start) {
          this.readyWaiters.delete(check);
          clearTimeout(timer);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        this.readyWaiters.delete(check);
        reject(new Error(`No READY/RESUMED within ${timeoutMs} ms`));
      }, timeoutMs);
      timer.unref();
      this.readyWaiters.add(check);
    });
  }

  /** Every IDENTIFY so far with its shard, bucket and time (see `tooSoon` for identify-rate breaches). */
  get identifyLog(): readonly IdentifyRecord[] {
    return this.gateway.identifyLog;
  }

  /** `[shard_id, num_shards]` of every live session. */
  liveShards(): [number, number][] {
    return this.gateway.liveSessions().map((s) => [s.shard[0], s.shard[1]]);
  }

  /** Resolves once shards 0..count-1 of `count` all have a live session. */
  async waitForShards(count: number, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const covered = () => {
      const live = new Set(
        this.liveShards()
          .filter(([, n]) => n === count)
          .map(([id]) => id),
      );
      return Array.from({ length: count }, (_, i) => i).every((i) => live.has(i));
    };
    while (!covered()) {
      if (Date.now() > deadline) {
        throw new Error(
          `shards of ${count} live within ${timeoutMs} ms: ${JSON.stringify(this.liveShards())}`,
        );
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /**
   * Adds the bot to a new guild (channels general, help and locked). With `shard`, the guild's id puts it
   * on that shard of `shard.count`. Shards already connected get its GUILD_CREATE, as when a bot joins.
   */
  createGuild(options: { name?: string; shard?: { id: number; count: number } } = {}): {
    id: string;
    name: string;
    channels: { general: string; help: string; locked: string };
  } {
    const guild = this.world.createGuild(options);
    this.gateway.dispatch(
      'GUILD_CREATE',
      (session) => (session.intents & Intents.Guilds ? this.world.guildCreatePayload(guild.id) : null),
      guild.id,
    );
    return { id: guild.id, name: guild.name, channels: { ...guild.channelIds } };
  }

  /** Every guild the bot is in (the first is `guildId`). */
  /** The variables that point a gateway bot (`npm start`) at this emulator, as its test guild's app. */
  botEnv(): {
    DISCORD_TOKEN: string;
    DISCORD_CLIENT_ID: string;
    DISCORD_GUILD_ID: string;
    DISCORD_API_URL: string;
  } {
    return {
      DISCORD_TOKEN: this.token,
      DISCORD_CLIENT_ID: this.applicationId,
      DISCORD_GUILD_ID: this.guildId,
      DISCORD_API_URL: this.apiUrl,
    };
  }

  guildIds(): string[] {
    return [...this.world.guilds.keys()];
  }

  /** Discord's formula: the shard of `shardCount` that receives the guild's events. */
  shardOf(guildId: string, shardCount: number): number {
    return shardOf(guildId, shardCount);
  }

  /**
   * Closes the bot's socket(s): no code = TCP reset without a close frame (the client sees 1006), or a
   * close frame with `code` (e.g. 4000). The client should RESUME; missed dispatches are replayed.
   */
  dropConnection(code?: number): Promise<void> {
    return this.gateway.drop(code);
  }

  /** Sends op 7 RECONNECT; discord.js closes and resumes. */
  requestReconnect(): void {
    this.gateway.requestReconnect();
  }

  // -------------------------------------------------------------------------------------------
  // Users and messages

  createUser(username: string): { id: string; username: string } {
    const u = this.world.createUser(username);
    return { id: u.id, username: u.username };
  }

  /**
   * Another text channel in the (first) guild. Create it before the bot connects: the channel list is
   * sent in GUILD_CREATE, and no CHANNEL_CREATE is dispatched.
   */
  createChannel(name: string, guildId = this.guildId): string {
    return this.world.createTextChannel(guildId, name);
  }

  /** The id of the DM channel between `userId` and the bot (created on first use). */
  dmChannelId(userId: string): string {
    return this.world.dmChannelFor(userId).id;
  }

  async sendMessage(input: SendMessageInput): Promise<Json> {
    this.assertRunning();
    const world = this.world;
    const author = world.ensureUser(input.author);
    const channel = input.dm
      ? world.dmChannelFor(author.id)
      : world.channel(input.channelId ?? this.channels.general);
    let content = input.content;
    const mention = `<@${world.botUser.id}>`;
    if (input.mentionsBot && !content.includes(mention) && !content.includes(`<@!${world.botUser.id}>`)) {
      content = `${mention} ${content}`;
    }
    const body: Json = { content, embeds: input.embeds ?? [] };
    if (input.referenceMessageId) {
      const target = world.messages.get(input.referenceMessageId);
      if (!target) throw new Error(`sendMessage: unknown referenced message ${input.referenceMessageId}`);
      body.message_reference = {
        type: 0,
        message_id: target.id,
        channel_id: target.channel_id,
        ...(target.guild_id ? { guild_id: target.guild_id } : {}),
      };
      if (input.pingReply === false) body.allowed_mentions = { parse: ['users'], replied_user: false };
    }
    const msg = world.buildMessage({
      channel,
      author,
      body,
      applyAllowedMentions: input.pingReply === false,
    });
    if (input.mentionEveryone) msg.mention_everyone = true;
    delete msg.allowed_mentions;
    world.dispatchMessage('MESSAGE_CREATE', msg);
    return stripInternal(msg);
  }

  /** Messages the bot created (channel messages, interaction responses, follow-ups) in a channel, as stored. */
  messagesIn(channelId: string): Json[] {
    return this.allMessagesIn(channelId).filter((m) => m.author.id === this.world.botUser.id);
  }

  /** Every message the emulator stores for a channel (users' and the bot's), oldest first. */
  allMessagesIn(channelId: string): Json[] {
    return (this.world.channelMessages.get(channelId) ?? [])
      .map((id) => this.world.messages.get(id))
      .filter((m): m is Json => m !== undefined);
  }

  /** A stored message by id (with the emulator-only `allowed_mentions`). */
  message(id: string): Json | undefined {
    return this.world.messages.get(id);
  }

  registeredCommands(guildId?: string): Json[] {
    const map = guildId === undefined ? this.world.globalCommands : this.world.guildCommands.get(guildId);
    return [...(map?.values() ?? [])];
  }

  // -------------------------------------------------------------------------------------------
  // Interactions

  async sendCommand(input: SendCommandInput): Promise<EmulatedInteraction> {
    const { user, channel, guild } = this.interactionTarget(input);
    const cmd = this.requireCommand(input.name, 1, guild);
    const resolved: Json = {};
    for (const u of input.resolvedUsers ?? []) {
      const eu = this.world.ensureUser(u);
      (resolved.users ??= {})[eu.id] = this.world.userPayload(eu);
    }
    const options = buildOptions(this.world, cmd, input, resolved, guild);
    const data = {
      id: cmd.id,
      name: cmd.name,
      type: 1,
      ...(options.length > 0 ? { options } : {}),
      ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
      ...(cmd.guild_id ? { guild_id: cmd.guild_id } : {}),
    };
    return this.dispatchInteraction(InteractionType.ApplicationCommand, data, user, channel);
  }

  async sendAutocomplete(input: SendAutocompleteInput): Promise<EmulatedInteraction> {
    const { user, channel, guild } = this.interactionTarget(input);
    const cmd = this.requireCommand(input.name, 1, guild);
    const options = buildOptions(
      this.world,
      cmd,
      { ...input, options: input.otherOptions ?? {}, focused: { name: input.focused, value: input.value } },
      {},
      guild,
    );
    const data = {
      id: cmd.id,
      name: cmd.name,
      type: 1,
      options,
      ...(cmd.guild_id ? { guild_id: cmd.guild_id } : {}),
    };
    return this.dispatchInteraction(InteractionType.Autocomplete, data, user, channel);
  }

  async sendMessageCommand(input: SendMessageCommandInput): Promise<EmulatedInteraction> {
    const channelId = input.channelId ?? input.target?.channel_id;
    const dm = channelId !== undefined && this.world.channels.get(channelId)?.type === 1;
    const { user, channel, guild } = this.interactionTarget({ user: input.user, channelId, dm });
    const cmd = this.requireCommand(input.name, 3, guild);
    const target = stripInternal(input.target);
    const data = {
      id: cmd.id,
      name: cmd.name,
      type: 3,
      target_id: target.id,
      resolved: { messages: { [target.id]: target } },
      ...(cmd.guild_id ? { guild_id: cmd.guild_id } : {}),
    };
    return this.dispatchInteraction(InteractionType.ApplicationCommand, data, user, channel);
  }

  async sendButton(input: SendButtonInput): Promise<EmulatedInteraction> {
    return this.sendComponent(input, 2, undefined);
  }

  /** A select-menu interaction (string/user/role/mentionable/channel select found in the message). */
  async sendSelect(input: SendSelectInput): Promise<EmulatedInteraction> {
    return this.sendComponent(input, undefined, input.values);
  }

  async sendModalSubmit(input: SendModalSubmitInput): Promise<EmulatedInteraction> {
    const channelId = input.channelId ?? input.message?.channel_id;
    const { user, channel } = this.interactionTarget({ user: input.user, channelId, dm: input.dm });
    const data = {
      custom_id: input.customId,
      components: Object.entries(input.fields).map(([customId, value]) => ({
        type: 1,
        components: [{ type: 4, custom_id: customId, value }],
      })),
    };
    const extra = input.message ? { message: stripInternal(input.message) } : {};
    return this.dispatchInteraction(InteractionType.ModalSubmit, data, user, channel, extra);
  }

  private async sendComponent(
    input: SendButtonInput,
    expectType: number | undefined,
    values: string[] | undefined,
  ): Promise<EmulatedInteraction> {
    const message = input.message;
    if (!message?.id) throw new Error('sendButton/sendSelect: `message` must be a message object');
    const channelId = input.channelId ?? message.channel_id;
    const dm = this.world.channels.get(channelId)?.type === 1;
    const { user, channel } = this.interactionTarget({ user: input.user, channelId, dm });
    const comp = findComponent(message.components ?? [], input.customId);
    if (!comp)
      throw new Error(`Message ${String(message.id)} has no component with custom_id "${input.customId}"`);
    if (expectType !== undefined && comp.type !== expectType) {
      throw new Error(`Component "${input.customId}" has type ${String(comp.type)}, not ${expectType}`);
    }
    if (values === undefined && comp.type !== 2)
      throw new Error(`Component "${input.customId}" is not a button`);
    const data = {
      custom_id: input.customId,
      component_type: comp.type,
      ...(values !== undefined ? { values } : {}),
    };
    const stored = this.world.messages.get(String(message.id));
    return this.dispatchInteraction(InteractionType.MessageComponent, data, user, channel, {
      message: stripInternal(stored ?? message),
    });
  }

  private interactionTarget(input: { user: UserRef; channelId?: string; dm?: boolean }): {
    user: EmuUser;
    channel: EmuChannel;
    guild: string | null;
  } {
    this.assertRunning();
    const user = this.world.ensureUser(input.user);
    const channel = input.dm
      ? this.world.dmChannelFor(user.id)
      : this.world.channel(input.channelId ?? this.channels.general);
    return { user, channel, guild: this.world.isGuildChannel(channel) ? (channel.guildId ?? null) : null };
  }

  private requireCommand(name: string, type: number, guild: string | null): Json {
    const cmd = findCommand(this.world, name, type, guild);
    if (!cmd) {
      throw new Error(
        `No registered ${type === 1 ? 'slash' : 'message'} command "${name}"` +
          ` (register it first, e.g. via client.application.commands.set)`,
      );
    }
    if (!guild && Array.isArray(cmd.contexts) && !cmd.contexts.includes(1)) {
      throw new Error(`Command "${name}" is not available in DMs (contexts ${JSON.stringify(cmd.contexts)})`);
    }
    return cmd;
  }

  private dispatchInteraction(
    type: number,
    data: Json,
    user: EmuUser,
    channel: EmuChannel,
    extra: Json = {},
  ): EmulatedInteraction {
    const id = this.world.ids.next();
    const rec = new InteractionRecord(id, channel, user, this.ackTimeoutMs);
    rec.raw = {
      ...basePayload({ world: this.world, user, channel, id, token: rec.token }, type, data),
      ...extra,
    };
    this.interactionsById.set(id, rec);
    this.interactionsByToken.set(rec.token, rec);
    this.interactions.push(rec);
    rec.dispatched();
    if (this.endpoint.url) void this.deliverInteraction(rec);
    else this.gateway.dispatch('INTERACTION_CREATE', () => rec.raw, channel.guildId ?? null);
    return rec;
  }

  // -------------------------------------------------------------------------------------------
  // Interactions Endpoint (HTTP) mode

  /** The application's Ed25519 public key (hex): what the bot's DISCORD_PUBLIC_KEY must be. */
  get publicKey(): string {
    return this.endpoint.publicKey;
  }

  /**
   * With a URL, interactions are POSTed there (signed) instead of sent over the gateway, and the HTTP
   * response is taken as the callback; null goes back to the gateway.
   */
  setInteractionsEndpoint(url: string | null): void {
    this.endpoint.url = url;
  }

  /** Signs (or, as told, mis-signs) and POSTs a raw body to the endpoint; returns the bot's response. */
  deliverRaw(input: RawDelivery): Promise<EndpointResponse> {
    return this.endpoint.deliver(input);
  }

  /** The hex signature Discord would send for `timestamp + body`. */
  signature(timestamp: string, body: string | Buffer): string {
    return this.endpoint.sign(timestamp, body);
  }

  /** A PING as Discord sends it (when the URL is saved, and now and then); returns the response. */
  ping(): Promise<EndpointResponse> {
    return this.endpoint.deliver({ body: JSON.stringify(this.pingPayload()) });
  }

  /**
   * What the Developer Portal checks before it saves an Interactions Endpoint URL: a signed PING must
   * get `{"type":1}` and a badly signed one a 401. Throws saying which check failed.
   */
  async verifyInteractionsEndpoint(): Promise<void> {
    const pong = await this.ping();
    if (pong.status !== 200 || (pong.json as { type?: unknown } | undefined)?.type !== 1) {
      throw new Error(`PING was answered ${pong.status} ${pong.text.slice(0, 200)}`);
    }
    const body = JSON.stringify(this.pingPayload());
    const forged = await this.endpoint.deliver({ body, signature: 'ab'.repeat(64) });
    if (forged.status !== 401) throw new Error(`a badly signed PING was answered ${forged.status}, not 401`);
  }

  private pingPayload(): Json {
    return {
      id: this.world.ids.next(),
      application_id: this.world.applicationId,
      type: InteractionType.Ping,
      token: `aW50ZXJhY3Rpb24${this.world.ids.next()}`,
      version: 1,
      user: this.world.userPayload(this.world.users.get(this.world.ownerId)!),
    };
  }

  private async deliverInteraction(rec: InteractionRecord): Promise<void> {
    const record: DeliveryRecord = { interactionId: rec.id, type: rec.raw.type, status: 0, ms: 0 };
    this.deliveries.push(record);
    let response: EndpointResponse;
    try {
      // Discord gives up on the HTTP response when the interaction's 3 s are over.
      response = await this.endpoint.deliver({ body: JSON.stringify(rec.raw), timeoutMs: this.ackTimeoutMs });
    } catch (err) {
      record.error = `no response: ${err instanceof Error ? err.message : String(err)}`;
      return;
    }
    record.status = response.status;
    record.ms = response.ms;
    if (response.status !== 200) {
      record.error = `status ${response.status}`;
      return;
    }
    if (!response.contentType?.startsWith('application/json') || typeof response.json !== 'object') {
      record.error = `not a JSON body (${response.contentType ?? 'no content-type'})`;
      return;
    }
    record.callbackType = (response.json as { type?: number }).type;
    try {
      this.rest.acceptInteractionResponse(rec, response.json);
    } catch (err) {
      record.error = err instanceof ApiError ? JSON.stringify(err.body) : String(err);
      if (!(err instanceof ApiError))
        this.internalErrors.push(err instanceof Error ? err : new Error(String(err)));
    }
  }

  // -------------------------------------------------------------------------------------------
  // REST bookkeeping and fault injection

  /** The current length of `calls`, to pass as `since` to waitForCall. */
  mark(): number {
    return this.calls.length;
  }

  /**
   * Resolves with the first recorded call matching `predicate`. Without `since` only calls recorded
   * after this call count; with `since`, calls already recorded at index >= since count too.
   */
  waitForCall(
    predicate: (c: RecordedCall) => boolean,
    timeoutMs = 5000,
    since?: number,
  ): Promise<RecordedCall> {
    if (since !== undefined) {
      const found = this.calls.slice(since).find(predicate);
      if (found) return Promise.resolve(found);
    }
    return new Promise((resolve, reject) => {
      const waiter: CallWaiter = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.callWaiters.delete(waiter);
          reject(new Error(`No matching REST call within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      waiter.timer.unref();
      this.callWaiters.add(waiter);
    });
  }

  private record(call: RecordedCall): void {
    this.calls.push(call);
    for (const w of [...this.callWaiters]) {
      let hit: boolean;
      try {
        hit = w.predicate(call);
      } catch (err) {
        this.callWaiters.delete(w);
        clearTimeout(w.timer);
        w.reject(err instanceof Error ? err : new Error(String(err)));
        continue;
      }
      if (hit) {
        this.callWaiters.delete(w);
        clearTimeout(w.timer);
        w.resolve(call);
      }
    }
  }

  /** The next `times` (default 1) requests matching method/path are answered with `status` before any handler runs. */
  failNext(rule: FailRule): void {
    this.failRules.push({ ...rule, remaining: rule.times ?? 1 });
  }

  private takeFailure(method: string, path: string): FailRule | null {
    const i = this.failRules.findIndex(
      (r) => (r.method === undefined || r.method.toUpperCase() === method) && r.path.test(path),
    );
    if (i < 0) return null;
    const rule = this.failRules[i]!;
    rule.remaining--;
    if (rule.remaining <= 0) this.failRules.splice(i, 1);
    return rule;
  }

  /** POSTs to the channel (messages, typing) answer 403 {message:'Missing Permissions', code:50013}. */
  denyChannel(channelId: string): void {
    this.world.deniedChannels.add(channelId);
  }

  allowChannel(channelId: string): void {
    this.world.deniedChannels.delete(channelId);
  }

  // -------------------------------------------------------------------------------------------

  private assertRunning(): void {
    if (this.stopped) throw new Error('DiscordEmulator was stopped');
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const w of this.callWaiters) {
      clearTimeout(w.timer);
      w.reject(new Error('DiscordEmulator stopped'));
    }
    this.callWaiters.clear();
    this.readyWaiters.clear();
    for (const rec of this.interactions) rec.dispose();
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function findComponent(components: Json[], customId: string): Json | undefined {
  for (const c of components) {
    if (c?.custom_id === customId) return c;
    const nested = [
      ...(Array.isArray(c?.components) ? c.components : []),
      ...(c?.accessory ? [c.accessory] : []),
    ];
    const found = findComponent(nested, customId);
    if (found) return found;
  }
  return undefined;
}
