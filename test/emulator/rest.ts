/**
 * The emulated REST API (`/api/v10/...`): routing, body parsing (JSON and multipart `payload_json`),
 * auth, rate-limit headers/buckets, injected failures and the route handlers themselves.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import {
  ApiError,
  CommandType,
  InteractionCallbackType,
  MessageFlags,
  apiErrors,
  invalidFormBody,
  isEmptyMessage,
  validateAutocompleteChoices,
  validateCommand,
  validateCommandList,
  validateMessageBody,
  validateModal,
} from './limits.js';
import { InteractionType, type InteractionRecord } from './interactions.js';
import { Permission, type EmuChannel, type Json, type StoredAttachment, type World } from './state.js';

export interface RecordedFile {
  field: string;
  name: string;
  size: number;
  contentType: string;
}

export interface RecordedCall {
  method: string;
  /** Path after /api/v10, without the query string, e.g. /channels/123/messages. */
  path: string;
  /** The query string without `?` ('' if none), e.g. `with_response=false`. */
  query: string;
  /** Parsed JSON body or, for multipart, the parsed payload_json. */
  body: Json;
  /** Files of a multipart request. */
  files?: RecordedFile[];
  status: number;
  /** performance.now() when the request arrived. */
  at: number;
  /** The response body sent (parsed JSON), if any. */
  response?: Json;
}

export interface FailRule {
  method?: string;
  path: RegExp;
  status: 429 | 500 | 502 | 503 | 403;
  times?: number;
  /** Seconds, for 429. */
  retryAfter?: number;
  global?: boolean;
}

export interface RateLimitOptions {
  /** Requests allowed per bucket (route + major parameter) per window. */
  limit: number;
  windowMs: number;
  /**
   * Limits of particular routes, by `METHOD pattern` as the routes are declared here, e.g.
   * `POST /channels/:channel/messages` (see DISCORD_ROUTE_LIMITS for Discord's own).
   */
  routes?: Record<string, { limit: number; windowMs: number }>;
}

/**
 * The per-channel limits Discord applies where bots notice them: 5 messages per 5 s in a channel, and
 * one reaction per 250 ms. Pass as `rateLimit: { limit: 50, windowMs: 1000, routes: DISCORD_ROUTE_LIMITS }`.
 */
export const DISCORD_ROUTE_LIMITS = {
  'POST /channels/:channel/messages': { limit: 5, windowMs: 5_000 },
  'PUT /channels/:channel/messages/:message/reactions/:emoji/@me': { limit: 1, windowMs: 250 },
} as const;

export interface RestContext {
  world: World;
  interactionsById: Map<string, InteractionRecord>;
  interactionsByToken: Map<string, InteractionRecord>;
  baseUrl: () => string;
  gatewayUrl: () => string;
  identifies: () => number;
  /** `shards` and `session_start_limit.max_concurrency` of GET /gateway/bot. */
  sharding: { recommendedShards: number; maxConcurrency: number };
  record: (call: RecordedCall) => void;
  takeFailure: (method: string, path: string) => FailRule | null;
  rateLimit: RateLimitOptions | false;
  internalErrors: Error[];
}

interface Req {
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  body: Json;
  files: { field: string; file: File }[];
}

interface Res {
  status: number;
  body?: Json;
}

type Handler = (req: Req) => Res | Promise<Res>;

interface Route {
  method: string;
  pattern: string;
  regex: RegExp;
  keys: string[];
  auth: boolean;
  handler: Handler;
  /** Name of the parameter(s) that form the rate-limit major parameter. */
  major: string[];
}

const MAJOR_PARAMS = ['channel', 'guild', 'webhook', 'interaction'];
const TOKEN_TTL_MS = 15 * 60 * 1000;

export class RestServer {
  private readonly routes: Route[] = [];
  private readonly limiter: RateLimiter | null;

  constructor(private readonly ctx: RestContext) {
    this.limiter = ctx.rateLimit ? new RateLimiter(ctx.rateLimit) : null;
    this.registerRoutes();
  }

  private get world(): World {
    return this.ctx.world;
  }

  private route(method: string, pattern: string, handler: Handler, opts: { auth?: boolean } = {}): void {
    const keys: string[] = [];
    const source = pattern
      .split('/')
      .map((seg) => {
        if (seg.startsWith(':')) {
          keys.push(seg.slice(1));
          return '([^/]+)';
        }
        return seg.replace(/[.*+?^${}()|[\]\\@]/g, '\\$&');
      })
      .join('/');
    const major = keys.filter((k) => MAJOR_PARAMS.includes(k) || k === 'token');
    this.routes.push({
      method,
      pattern,
      regex: new RegExp(`^${source}$`),
      keys,
      auth: opts.auth ?? true,
      handler,
      major,
    });
  }

  // -------------------------------------------------------------------------------------------
  // HTTP plumbing

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await readBody(req);
    const prefix = '/api/v10';
    const path = url.pathname.startsWith(prefix + '/') ? url.pathname.slice(prefix.length) : url.pathname;
    const call: RecordedCall = {
      method,
      path,
      query: url.search.replace(/^\?/, ''),
      body: undefined,
      status: 0,
      at,
    };
    let status: number;
    let body: Json;
    let headers: Record<string, string> = {};
    try {
      const parsed = await parseBody(raw, req.headers['content-type']);
      call.body = parsed.body;
      if (parsed.files.length > 0) {
        call.files = parsed.files.map(({ field, file }) => ({
          field,
          name: file.name,
          size: file.size,
          contentType: file.type,
        }));
      }
      if (!url.pathname.startsWith(prefix + '/')) throw apiErrors.notFound();

      const failure = this.ctx.takeFailure(method, path);
      if (failure) throw failureError(failure);

      const { route, params } = this.match(method, path);
      if (route.auth && !this.authorized(req.headers.authorization)) throw apiErrors.unauthorized();
      headers = this.rateLimitHeaders(route, params);
      const r = await route.handler({
        method,
        path,
        query: url.searchParams,
        params,
        body: parsed.body,
        files: parsed.files,
      });
      status = r.status;
      body = r.body;
    } catch (err) {
      if (err instanceof ApiError) {
        status = err.status;
        body = err.body;
        headers = { ...headers, ...err.headers };
      } else {
        const e = err instanceof Error ? err : new Error(String(err));
        this.ctx.internalErrors.push(e);
        status = 500;
        body = { message: '500: Internal Server Error', code: 0 };
      }
    }
    call.status = status;
    call.response = body;
    this.ctx.record(call);
    if (status === 204 || body === undefined) {
      res.writeHead(status === 200 && body === undefined ? 204 : status, headers);
      res.end();
    } else {
      res.writeHead(status, { ...headers, 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    }
  }

  private match(method: string, path: string): { route: Route; params: Record<string, string> } {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.regex.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1]!)));
      return { route, params };
    }
    throw pathMatched ? apiErrors.methodNotAllowed() : apiErrors.notFound();
  }

  private authorized(header: string | undefined): boolean {
    return header === `Bot ${this.world.token}`;
  }

  private rateLimitHeaders(route: Route, params: Record<string, string>): Record<string, string> {
    if (!this.limiter) return {};
    const bucket = createHash('sha1').update(`${route.method} ${route.pattern}`).digest('hex').slice(0, 16);
    const key = `${bucket}:${route.major.map((k) => params[k]).join(':')}`;
    const state = this.limiter.take(key, `${route.method} ${route.pattern}`);
    const headers: Record<string, string> = {
      'x-ratelimit-limit': String(state.limit),
      'x-ratelimit-remaining': String(state.remaining),
      'x-ratelimit-reset': state.resetAt.toFixed(3),
      'x-ratelimit-reset-after': state.resetAfter.toFixed(3),
      'x-ratelimit-bucket': bucket,
    };
    if (state.limited) {
      throw new ApiError(
        429,
        { message: 'You are being rate limited.', retry_after: state.resetAfter, global: false },
        { ...headers, 'retry-after': state.resetAfter.toFixed(3), 'x-ratelimit-scope': 'user' },
      );
    }
    return headers;
  }

  // -------------------------------------------------------------------------------------------
  // Routes

  private registerRoutes(): void {
    const w = () => this.world;
    this.route('GET', '/gateway', () => ({ status: 200, body: { url: this.ctx.gatewayUrl() } }), {
      auth: false,
    });
    this.route('GET', '/gateway/bot', () => ({
      status: 200,
      body: {
        url: this.ctx.gatewayUrl(),
        shards: this.ctx.sharding.recommendedShards,
        session_start_limit: {
          total: 1000,
          remaining: Math.max(0, 1000 - this.ctx.identifies()),
          reset_after: 86_400_000,
          max_concurrency: this.ctx.sharding.maxConcurrency,
        },
      },
    }));
    this.route('GET', '/users/@me', () => ({
      status: 200,
      body: {
        ...w().userPayload(w().botUser),
        verified: true,
        mfa_enabled: false,
        flags: 0,
        email: null,
        locale: 'en-US',
        banner: null,
        accent_color: null,
      },
    }));
    this.route('GET', '/users/:user', (r) => {
      const u = w().users.get(r.params.user!);
      if (!u) throw apiErrors.unknownUser();
      return { status: 200, body: w().userPayload(u) };
    });
    this.route('POST', '/users/@me/channels', (r) => {
      const id = String(r.body?.recipient_id ?? '');
      const u = w().users.get(id);
      if (!u) {
        throw invalidFormBody([{ path: ['recipient_id'], code: 'USER_NOT_FOUND', message: 'Unknown user' }]);
      }
      return { status: 200, body: w().channelPayload(w().dmChannelFor(u.id)) };
    });
    this.route('GET', '/applications/@me', () => ({ status: 200, body: w().applicationPayload() }));

    // Application commands (global and guild)
    for (const scope of ['global', 'guild'] as const) {
      const base =
        scope === 'global' ? '/applications/:app/commands' : '/applications/:app/guilds/:guild/commands';
      this.route('GET', base, (r) => ({ status: 200, body: [...this.commandMap(r).values()] }));
      this.route('PUT', base, (r) => this.bulkOverwrite(r));
      this.route('POST', base, (r) => this.createCommand(r));
      this.route('GET', `${base}/:command`, (r) => ({ status: 200, body: this.command(r) }));
      this.route('PATCH', `${base}/:command`, (r) => this.editCommand(r));
      this.route('DELETE', `${base}/:command`, (r) => {
        const cmd = this.command(r);
        this.commandMap(r).delete(cmd.id);
        return { status: 204 };
      });
    }

    // Interactions and their webhooks (no bot auth: the token in the path authorizes)
    this.route('POST', '/interactions/:interaction/:token/callback', (r) => this.interactionCallback(r), {
      auth: false,
    });
    this.route('POST', '/webhooks/:webhook/:token', (r) => this.followup(r), { auth: false });
    this.route('GET', '/webhooks/:webhook/:token/messages/:message', (r) => this.getWebhookMessage(r), {
      auth: false,
    });
    this.route('PATCH', '/webhooks/:webhook/:token/messages/:message', (r) => this.editWebhookMessage(r), {
      auth: false,
    });
    this.route('DELETE', '/webhooks/:webhook/:token/messages/:message', (r) => this.deleteWebhookMessage(r), {
      auth: false,
    });

    // Channels and messages
    this.route('GET', '/channels/:channel', (r) => ({
      status: 200,
      body: w().channelPayload(this.visibleChannel(r.params.channel!)),
    }));
    this.route('GET', '/channels/:channel/messages', (r) => this.listMessages(r));
    this.route('POST', '/channels/:channel/messages', (r) => this.createMessage(r));
    this.route('GET', '/channels/:channel/messages/:message', (r) => {
      const ch = this.visibleChannel(r.params.channel!);
      this.requirePermission(ch, Permission.ReadMessageHistory);
      return { status: 200, body: w().apiMessage(w().message(ch.id, r.params.message!)) };
    });
    this.route('PATCH', '/channels/:channel/messages/:message', (r) => this.editChannelMessage(r));
    this.route('DELETE', '/channels/:channel/messages/:message', (r) => {
      const ch = this.visibleChannel(r.params.channel!);
      const msg = w().message(ch.id, r.params.message!);
      if (msg.author.id !== w().botUser.id) throw apiErrors.missingPermissions();
      w().deleteMessage(msg);
      w().dispatchMessageDelete(msg);
      return { status: 204 };
    });
    this.route('POST', '/channels/:channel/typing', (r) => {
      const ch = this.visibleChannel(r.params.channel!);
      this.requirePermission(ch, Permission.SendMessages);
      if (w().deniedChannels.has(ch.id)) throw apiErrors.missingPermissions();
      return { status: 204 };
    });
    // The bot's own reactions are kept on the stored message (`reactions`, as the API shows them).
    const reaction = (r: Req): Res => {
      const ch = this.visibleChannel(r.params.channel!);
      const msg = w().message(ch.id, r.params.message!);
      this.requirePermission(ch, Permission.AddReactions | Permission.ReadMessageHistory);
      const name = r.params.emoji!;
      const reactions: Json[] = (msg.reactions ??= []);
      const existing = reactions.findIndex((x) => x.emoji?.name === name);
      if (r.method === 'PUT' && existing < 0) {
        reactions.push({ count: 1, me: true, emoji: { id: null, name } });
      } else if (r.method === 'DELETE' && existing >= 0) {
        reactions.splice(existing, 1);
      }
      return { status: 204 };
    };
    this.route('PUT', '/channels/:channel/messages/:message/reactions/:emoji/@me', reaction);
    this.route('DELETE', '/channels/:channel/messages/:message/reactions/:emoji/@me', reaction);
  }

  // -------------------------------------------------------------------------------------------
  // Commands

  private commandMap(r: Req): Map<string, Json> {
    if (r.params.app !== this.world.applicationId) throw apiErrors.unknownApplication();
    if (r.params.guild === undefined) return this.world.globalCommands;
    if (!this.world.guild(r.params.guild)) throw apiErrors.missingAccess();
    let map = this.world.guildCommands.get(r.params.guild);
    if (!map) {
      map = new Map();
      this.world.guildCommands.set(r.params.guild, map);
    }
    return map;
  }

  private command(r: Req): Json {
    const cmd = this.commandMap(r).get(r.params.command!);
    if (!cmd) throw apiErrors.unknownCommand();
    return cmd;
  }

  private buildCommand(body: Json, guildId: string | undefined, existing?: Json): Json {
    const type = body.type ?? CommandType.ChatInput;
    const chatInput = type === CommandType.ChatInput;
    return {
      id: existing?.id ?? this.world.ids.next(),
      application_id: this.world.applicationId,
      version: this.world.ids.next(),
      default_member_permissions: body.default_member_permissions ?? null,
      type,
      name: body.name,
      name_localizations: body.name_localizations ?? null,
      description: chatInput ? body.description : '',
      description_localizations: body.description_localizations ?? null,
      ...(chatInput && Array.isArray(body.options) && body.options.length > 0
        ? { options: body.options }
        : {}),
      ...(guildId
        ? { guild_id: guildId }
        : {
            dm_permission: body.dm_permission ?? true,
            contexts: body.contexts ?? (body.dm_permission === false ? [0] : [0, 1, 2]),
            integration_types: body.integration_types ?? [0],
          }),
      nsfw: body.nsfw ?? false,
    };
  }

  private bulkOverwrite(r: Req): Res {
    const map = this.commandMap(r);
    validateCommandList(r.body);
    const previous = [...map.values()];
    map.clear();
    for (const body of r.body as Json[]) {
      const existing = previous.find((c) => c.name === body.name && c.type === (body.type ?? 1));
      const cmd = this.buildCommand(body, r.params.guild, existing);
      map.set(cmd.id, cmd);
    }
    return { status: 200, body: [...map.values()] };
  }

  private createCommand(r: Req): Res {
    const map = this.commandMap(r);
    validateCommand(r.body);
    const type = r.body.type ?? 1;
    const existing = [...map.values()].find((c) => c.name === r.body.name && c.type === type);
    if (!existing) {
      const limit = type === 1 ? 100 : 15;
      if ([...map.values()].filter((c) => c.type === type).length >= limit) {
        throw new ApiError(400, {
          message: `Maximum number of application commands reached (${limit})`,
          code: 30032,
        });
      }
    }
    const cmd = this.buildCommand(r.body, r.params.guild, existing);
    map.set(cmd.id, cmd);
    return { status: existing ? 200 : 201, body: cmd };
  }

  private editCommand(r: Req): Res {
    const map = this.commandMap(r);
    const current = this.command(r);
    const merged = { ...current, ...r.body, type: current.type };
    validateCommand(merged);
    const cmd = this.buildCommand(merged, r.params.guild, current);
    map.set(cmd.id, cmd);
    return { status: 200, body: cmd };
  }

  // -------------------------------------------------------------------------------------------
  // Interactions

  /**
   * An interaction's HTTP response (Interactions Endpoint mode), taken as the callback Discord would
   * have received by REST: the same checks, the same effects. Throws ApiError when Discord would refuse it.
   */
  acceptInteractionResponse(rec: InteractionRecord, body: Json): void {
    this.interactionCallback({
      method: 'POST',
      path: `/interactions/${rec.id}/${rec.token}/callback`,
      query: new URLSearchParams(),
      params: { interaction: rec.id, token: rec.token },
      body,
      files: [],
    });
  }

  private interactionCallback(r: Req): Res {
    const rec = this.ctx.interactionsById.get(r.params.interaction!);
    if (!rec || rec.token !== r.params.token) throw apiErrors.unknownInteraction();
    const body = r.body ?? {};
    rec.callbacks.push(body);
    if (rec.ackType !== null) throw apiErrors.alreadyAcknowledged();
    if (rec.tooLate) throw apiErrors.unknownInteraction();

    const itype = rec.raw.type;
    const type = body.type;
    const data = body.data;
    const T = InteractionCallbackType;
    const invalidType = () =>
      invalidFormBody([
        {
          path: ['type'],
          code: 'INTERACTION_RESPONSE_TYPE_INVALID',
          message: 'Interaction response type is not valid for this interaction',
        },
      ]);
    const component =
      itype === InteractionType.MessageComponent ||
      (itype === InteractionType.ModalSubmit && rec.raw.message);
    switch (type) {
      case T.ChannelMessageWithSource:
        if (itype === InteractionType.Autocomplete) throw invalidType();
        validateMessageBody(data ?? {}, { prefix: ['data'], create: true, files: r.files.length });
        break;
      case T.DeferredChannelMessageWithSource:
        if (itype === InteractionType.Autocomplete) throw invalidType();
        break;
      case T.DeferredUpdateMessage:
        if (!component) throw invalidType();
        break;
      case T.UpdateMessage:
        if (!component) throw invalidType();
        validateMessageBody(data ?? {}, { prefix: ['data'], create: false, files: r.files.length });
        break;
      case T.ApplicationCommandAutocompleteResult:
        if (itype !== InteractionType.Autocomplete) throw invalidType();
        validateAutocompleteChoices(data);
        break;
      case T.Modal:
        if (itype === InteractionType.Autocomplete || itype === InteractionType.ModalSubmit)
          throw invalidType();
        validateModal(data);
        break;
      default:
        throw invalidFormBody([
          {
            path: ['type'],
            code: 'BASE_TYPE_CHOICES',
            message: 'Value must be one of {4, 5, 6, 7, 8, 9, 12}.',
          },
        ]);
    }

    rec.acknowledge(type, data);
    let message: Json = undefined;
    const flags = typeof data?.flags === 'number' ? data.flags : 0;
    if (type === T.ChannelMessageWithSource || type === T.DeferredChannelMessageWithSource) {
      const deferred = type === T.DeferredChannelMessageWithSource;
      rec.ephemeral = (flags & MessageFlags.Ephemeral) !== 0;
      rec.loading = deferred;
      const msgBody = deferred ? { content: '', flags: flags | MessageFlags.Loading } : data;
      message = this.world.buildMessage({
        channel: rec.channel,
        author: this.world.botUser,
        body: msgBody,
        type: this.responseMessageType(rec),
        attachments: deferred ? [] : this.attachments(r, rec.channel),
        webhookId: this.world.applicationId,
        interaction: interactionMetadata(this.world, rec),
        applyAllowedMentions: true,
      });
      rec.originalMessageId = message.id;
      if (!rec.ephemeral) this.world.dispatchMessage('MESSAGE_CREATE', message);
      if (!deferred) rec.replied(data);
    } else if (type === T.DeferredUpdateMessage || type === T.UpdateMessage) {
      rec.originalMessageId = rec.raw.message?.id ?? null;
      if (type === T.UpdateMessage) {
        const target = rec.originalMessageId ? this.world.messages.get(rec.originalMessageId) : undefined;
        if (target) {
          message = this.applyEdit(target, data ?? {}, r);
          if ((target.flags & MessageFlags.Ephemeral) === 0)
            this.world.dispatchMessage('MESSAGE_UPDATE', target);
        }
        rec.replied(data ?? {});
      }
    }

    if (r.query.get('with_response') === 'true') {
      return {
        status: 200,
        body: {
          interaction: {
            id: rec.id,
            type: rec.raw.type,
            ...(message
              ? {
                  response_message_id: message.id,
                  response_message_loading: rec.loading,
                  response_message_ephemeral: (message.flags & MessageFlags.Ephemeral) !== 0,
                }
              : {}),
          },
          resource: { type, ...(message ? { message: this.world.apiMessage(message) } : {}) },
        },
      };
    }
    return { status: 204 };
  }

  private responseMessageType(rec: InteractionRecord): number {
    if (rec.raw.type !== InteractionType.ApplicationCommand) return 0;
    return rec.raw.data?.type === CommandType.ChatInput ? 20 : 23;
  }

  private webhookInteraction(r: Req): InteractionRecord {
    const rec = this.ctx.interactionsByToken.get(r.params.token!);
    if (!rec || r.params.webhook !== this.world.applicationId) throw apiErrors.unknownWebhook();
    if (performance.now() - rec.dispatchedAt > TOKEN_TTL_MS) {
      throw new ApiError(401, { message: 'Invalid Webhook Token', code: 50027 });
    }
    return rec;
  }

  private webhookMessage(rec: InteractionRecord, id: string): Json {
    const msgId = id === '@original' ? rec.originalMessageId : id;
    const msg = msgId ? this.world.messages.get(msgId) : undefined;
    if (!msg || msg.channel_id !== rec.channel.id) throw apiErrors.unknownMessage();
    return msg;
  }

  private followup(r: Req): Res {
    const rec = this.webhookInteraction(r);
    if (rec.ackType === null) throw apiErrors.unknownWebhook();
    const body = r.body ?? {};
    validateMessageBody(body, { create: true, files: r.files.length });
    rec.followups.push(body);
    let message: Json;
    if (rec.loading && rec.originalMessageId) {
      // The first follow-up after a deferred reply fills in the "thinking…" message.
      const original = this.world.messages.get(rec.originalMessageId)!;
      message = this.applyEdit(original, body, r);
      message.flags &= ~MessageFlags.Loading;
      rec.loading = false;
      if (!rec.ephemeral) this.world.dispatchMessage('MESSAGE_UPDATE', message);
    } else {
      message = this.world.buildMessage({
        channel: rec.channel,
        author: this.world.botUser,
        body,
        type: this.responseMessageType(rec),
        attachments: this.attachments(r, rec.channel),
        webhookId: this.world.applicationId,
        interaction: interactionMetadata(this.world, rec),
        applyAllowedMentions: true,
      });
      if ((message.flags & MessageFlags.Ephemeral) === 0)
        this.world.dispatchMessage('MESSAGE_CREATE', message);
    }
    rec.replied(body);
    if (r.query.get('wait') === 'true') return { status: 200, body: this.world.apiMessage(message) };
    return { status: 204 };
  }

  private getWebhookMessage(r: Req): Res {
    const rec = this.webhookInteraction(r);
    return { status: 200, body: this.world.apiMessage(this.webhookMessage(rec, r.params.message!)) };
  }

  private editWebhookMessage(r: Req): Res {
    const rec = this.webhookInteraction(r);
    if (rec.ackType === null) throw apiErrors.unknownMessage();
    const body = r.body ?? {};
    validateMessageBody(body, { create: false, files: r.files.length });
    const msg = this.webhookMessage(rec, r.params.message!);
    rec.edits.push(body);
    const wasLoading = (msg.flags & MessageFlags.Loading) !== 0;
    this.applyEdit(msg, body, r);
    if (wasLoading) msg.flags &= ~MessageFlags.Loading;
    if (msg.id === rec.originalMessageId) rec.loading = false;
    if ((msg.flags & MessageFlags.Ephemeral) === 0) this.world.dispatchMessage('MESSAGE_UPDATE', msg);
    rec.replied(body);
    return { status: 200, body: this.world.apiMessage(msg) };
  }

  private deleteWebhookMessage(r: Req): Res {
    const rec = this.webhookInteraction(r);
    if (rec.ackType === null) throw apiErrors.unknownMessage();
    const msg = this.webhookMessage(rec, r.params.message!);
    this.world.deleteMessage(msg);
    if ((msg.flags & MessageFlags.Ephemeral) === 0) this.world.dispatchMessageDelete(msg);
    return { status: 204 };
  }

  // -------------------------------------------------------------------------------------------
  // Channels

  private visibleChannel(id: string): EmuChannel {
    const ch = this.world.channel(id);
    if (this.world.isGuildChannel(ch)) {
      const perms = this.world.permissionsFor(this.world.botUser.id, ch.id);
      if ((perms & Permission.ViewChannel) === 0n) throw apiErrors.missingAccess();
    }
    return ch;
  }

  private requirePermission(ch: EmuChannel, bits: bigint): void {
    const perms = this.world.permissionsFor(this.world.botUser.id, ch.id);
    if ((perms & bits) !== bits) throw apiErrors.missingPermissions();
  }

  private listMessages(r: Req): Res {
    const ch = this.visibleChannel(r.params.channel!);
    this.requirePermission(ch, Permission.ReadMessageHistory);
    const limit = Math.min(100, Math.max(1, Number(r.query.get('limit') ?? 50)));
    const before = r.query.get('before');
    const after = r.query.get('after');
    let ids = [...(this.world.channelMessages.get(ch.id) ?? [])];
    if (before) ids = ids.filter((id) => BigInt(id) < BigInt(before));
    if (after) ids = ids.filter((id) => BigInt(id) > BigInt(after));
    const picked = after ? ids.slice(0, limit) : ids.slice(-limit);
    const out = picked
      .reverse()
      .map((id) => this.world.messages.get(id))
      .filter((m) => m !== undefined && (m.flags & MessageFlags.Ephemeral) === 0);
    return { status: 200, body: out.map((m) => this.world.apiMessage(m)) };
  }

  private createMessage(r: Req): Res {
    const ch = this.visibleChannel(r.params.channel!);
    if (this.world.deniedChannels.has(ch.id)) throw apiErrors.missingPermissions();
    if (this.world.isGuildChannel(ch)) {
      this.requirePermission(ch, Permission.SendMessages);
      if (r.files.length > 0) this.requirePermission(ch, Permission.AttachFiles);
    } else {
      const recipient = this.world.users.get(ch.recipientId ?? '');
      if (!recipient || recipient.bot) throw apiErrors.cannotDmBot();
    }
    const body = r.body ?? {};
    validateMessageBody(body, { create: true, files: r.files.length });
    if ((body.flags ?? 0) & MessageFlags.Ephemeral) {
      throw invalidFormBody([{ path: ['flags'], code: 'MESSAGE_FLAGS_INVALID', message: 'Invalid flags' }]);
    }
    const ref = body.message_reference;
    if (ref && ref.message_id !== undefined) {
      const target = this.world.messages.get(String(ref.message_id));
      const sameChannel = target && target.channel_id === String(ref.channel_id ?? ch.id);
      if (!sameChannel && ref.fail_if_not_exists !== false) {
        throw invalidFormBody([
          {
            path: ['message_reference'],
            code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE',
            message: 'Unknown message',
          },
        ]);
      }
      if (!sameChannel) delete body.message_reference;
    }
    const msg = this.world.buildMessage({
      channel: ch,
      author: this.world.botUser,
      body,
      attachments: this.attachments(r, ch),
      applyAllowedMentions: true,
    });
    this.world.dispatchMessage('MESSAGE_CREATE', msg);
    return { status: 200, body: this.world.apiMessage(msg) };
  }

  private editChannelMessage(r: Req): Res {
    const ch = this.visibleChannel(r.params.channel!);
    const msg = this.world.message(ch.id, r.params.message!);
    if (msg.author.id !== this.world.botUser.id) throw apiErrors.cannotEditOthers();
    const body = r.body ?? {};
    validateMessageBody(body, { create: false, files: r.files.length });
    this.applyEdit(msg, body, r);
    this.world.dispatchMessage('MESSAGE_UPDATE', msg);
    return { status: 200, body: this.world.apiMessage(msg) };
  }

  /** Applies an edit body to a stored message (fields present replace), refusing an emptied message. */
  private applyEdit(msg: Json, body: Json, r: Req): Json {
    const next = { ...msg };
    if ('content' in body) next.content = body.content ?? '';
    if ('embeds' in body) next.embeds = (body.embeds ?? []).map((e: Json) => ({ type: 'rich', ...e }));
    if ('components' in body) next.components = body.components ?? [];
    if ('allowed_mentions' in body) next.allowed_mentions = body.allowed_mentions;
    if (typeof body.flags === 'number') {
      const mutable = MessageFlags.SuppressEmbeds | MessageFlags.IsComponentsV2;
      next.flags = (msg.flags & ~mutable) | (body.flags & mutable);
    }
    if ('attachments' in body || r.files.length > 0) {
      const keep = Array.isArray(body.attachments)
        ? msg.attachments.filter((a: StoredAttachment) =>
            body.attachments.some((b: Json) => String(b.id) === a.id),
          )
        : msg.attachments;
      next.attachments = [...keep, ...this.attachments(r, this.world.channel(msg.channel_id))];
    }
    if (isEmptyMessage(next, next.attachments.length)) throw apiErrors.emptyMessage();
    Object.assign(msg, next, { edited_timestamp: new Date().toISOString().replace('Z', '+00:00') });
    return msg;
  }

  private attachments(r: Req, ch: EmuChannel): StoredAttachment[] {
    const meta: Json[] = Array.isArray(r.body?.attachments) ? r.body.attachments : [];
    return r.files.map(({ field, file }, i) => {
      const index = /\[(\d+)\]/.exec(field)?.[1] ?? String(i);
      const m = meta.find((a) => String(a.id) === index);
      const id = this.world.ids.next();
      const filename = m?.filename ?? file.name;
      const url = `${this.ctx.baseUrl()}/attachments/${ch.id}/${id}/${encodeURIComponent(filename)}`;
      return {
        id,
        filename,
        size: file.size,
        ...(file.type ? { content_type: file.type } : {}),
        ...(m?.description ? { description: m.description } : {}),
        url,
        proxy_url: url,
      };
    });
  }
}

function interactionMetadata(world: World, rec: InteractionRecord): Json {
  const raw = rec.raw;
  const user = world.userPayload(rec.user);
  return {
    interaction_metadata: {
      id: rec.id,
      type: raw.type,
      user,
      authorizing_integration_owners: raw.authorizing_integration_owners ?? {},
      ...(raw.type === InteractionType.ApplicationCommand
        ? { name: raw.data?.name, command_type: raw.data?.type }
        : {}),
      ...(raw.message ? { interacted_message_id: raw.message.id } : {}),
    },
    interaction: { id: rec.id, type: raw.type, name: raw.data?.name ?? raw.data?.custom_id ?? '', user },
  };
}

function failureError(rule: FailRule): ApiError {
  switch (rule.status) {
    case 429: {
      const retryAfter = rule.retryAfter ?? 0.2;
      return new ApiError(
        429,
        { message: 'You are being rate limited.', retry_after: retryAfter, global: rule.global ?? false },
        {
          'retry-after': String(retryAfter),
          'x-ratelimit-scope': rule.global ? 'global' : 'user',
          ...(rule.global
            ? { 'x-ratelimit-global': 'true' }
            : {
                'x-ratelimit-limit': '5',
                'x-ratelimit-remaining': '0',
                'x-ratelimit-reset-after': String(retryAfter),
                'x-ratelimit-reset': ((Date.now() + retryAfter * 1000) / 1000).toFixed(3),
              }),
        },
      );
    }
    case 403:
      return apiErrors.missingPermissions();
    case 500:
      return new ApiError(500, { message: '500: Internal Server Error', code: 0 });
    case 502:
      return new ApiError(502, { message: '502: Bad Gateway', code: 0 });
    case 503:
      return new ApiError(503, { message: '503: Service Unavailable', code: 0 });
  }
}

class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly options: RateLimitOptions) {}

  take(
    key: string,
    route: string,
  ): {
    limit: number;
    remaining: number;
    resetAfter: number;
    resetAt: number;
    limited: boolean;
  } {
    const { limit, windowMs } = this.options.routes?.[route] ?? this.options;
    const now = Date.now();
    let w = this.windows.get(key);
    if (!w || now - w.start >= windowMs) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count++;
    const resetMs = w.start + windowMs;
    return {
      limit,
      remaining: Math.max(0, limit - w.count),
      resetAfter: Math.max(0, resetMs - now) / 1000,
      resetAt: resetMs / 1000,
      limited: w.count > limit,
    };
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseBody(
  raw: Buffer,
  contentType: string | undefined,
): Promise<{ body: Json; files: { field: string; file: File }[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  const ct = contentType ?? '';
  const invalidJson = () =>
    new ApiError(400, { message: 'The request body contains invalid JSON.', code: 50109 });
  if (ct.startsWith('multipart/form-data')) {
    // undici's Response parses multipart bodies for us.
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': ct } }).formData();
    const files: { field: string; file: File }[] = [];
    const fields: [string, string][] = [];
    form.forEach((value, field) => {
      if (typeof value === 'string') fields.push([field, value]);
      else files.push({ field, file: value });
    });
    let body: Json = undefined;
    for (const [field, value] of fields) {
      if (field === 'payload_json') {
        try {
          body = JSON.parse(value);
        } catch {
          throw invalidJson();
        }
      } else {
        (body ??= {})[field] = value;
      }
    }
    return { body, files };
  }
  try {
    return { body: JSON.parse(raw.toString('utf8')), files: [] };
  } catch {
    throw invalidJson();
  }
}
