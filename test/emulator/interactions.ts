/**
 * Interactions: INTERACTION_CREATE payload builders (slash command, autocomplete, message context
 * menu, button) and the per-interaction record that tracks acknowledgement, follow-ups and edits.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { OptionType } from './limits.js';
import type { EmuChannel, EmuUser, Json, World } from './state.js';

export interface EmulatedInteraction {
  id: string;
  token: string;
  raw: Json;
  /** Resolves with the first callback body (type 4/5/6/7/8/9) or rejects if none within ackTimeoutMs. */
  acknowledged: Promise<{ type: number; data?: Json; at: number }>;
  /** Callback bodies received for this interaction (including refused ones). */
  callbacks: Json[];
  /** Follow-up message bodies (POST /webhooks/{app}/{token}). */
  followups: Json[];
  /** Edit bodies (PATCH /webhooks/{app}/{token}/messages/{@original|id}). */
  edits: Json[];
  /**
   * Resolves with the first visible message body: type 4/7 callback data, the first edit after a
   * defer, or a follow-up.
   */
  waitForReply(timeoutMs?: number): Promise<Json>;
  /** performance.now() when INTERACTION_CREATE was sent. */
  dispatchedAt: number;
}

export const InteractionType = {
  Ping: 1,
  ApplicationCommand: 2,
  MessageComponent: 3,
  Autocomplete: 4,
  ModalSubmit: 5,
};

export class InteractionRecord implements EmulatedInteraction {
  readonly id: string;
  readonly token = `aW50ZXJhY3Rpb24${randomBytes(48).toString('base64url')}`;
  raw: Json;
  readonly callbacks: Json[] = [];
  readonly followups: Json[] = [];
  readonly edits: Json[] = [];
  readonly acknowledged: Promise<{ type: number; data?: Json; at: number }>;
  dispatchedAt = 0;
  /** Callback type that acknowledged the interaction, once it has. */
  ackType: number | null = null;
  ackedAt: number | null = null;
  /** The message `@original` refers to (the response, or for components the message clicked). */
  originalMessageId: string | null = null;
  /** Deferred with type 5 and not yet filled in by an edit or follow-up. */
  loading = false;
  ephemeral = false;
  expired = false;
  private resolveAck!: (v: { type: number; data?: Json; at: number }) => void;
  private rejectAck!: (e: Error) => void;
  private ackTimer: NodeJS.Timeout | null = null;
  private reply: Json = undefined;
  private replyWaiters: ((body: Json) => void)[] = [];

  constructor(
    id: string,
    readonly channel: EmuChannel,
    readonly user: EmuUser,
    private readonly ackTimeoutMs: number,
  ) {
    this.id = id;
    this.acknowledged = new Promise((resolve, reject) => {
      this.resolveAck = resolve;
      this.rejectAck = reject;
    });
    // Tests that never look at `acknowledged` must not trip an unhandled rejection.
    this.acknowledged.catch(() => undefined);
  }

  /** Marks the dispatch time and starts the acknowledgement deadline. */
  dispatched(): void {
    this.dispatchedAt = performance.now();
    this.ackTimer = setTimeout(() => {
      this.expired = true;
      if (this.ackType === null) {
        this.rejectAck(
          new Error(`Interaction ${this.id} was not acknowledged within ${this.ackTimeoutMs} ms`),
        );
      }
    }, this.ackTimeoutMs);
    this.ackTimer.unref();
  }

  /** Whether a callback now would be too late. */
  get tooLate(): boolean {
    return this.expired || performance.now() - this.dispatchedAt > this.ackTimeoutMs;
  }

  acknowledge(type: number, data: Json): void {
    this.ackType = type;
    this.ackedAt = performance.now();
    if (this.ackTimer) clearTimeout(this.ackTimer);
    this.resolveAck({ type, ...(data !== undefined ? { data } : {}), at: this.ackedAt });
  }

  /** Records the first visible reply body. */
  replied(body: Json): void {
    if (this.reply !== undefined) return;
    this.reply = body;
    for (const w of this.replyWaiters.splice(0)) w(body);
  }

  waitForReply(timeoutMs = 5000): Promise<Json> {
    if (this.reply !== undefined) return Promise.resolve(this.reply);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.replyWaiters.indexOf(done);
        if (i >= 0) this.replyWaiters.splice(i, 1);
        reject(new Error(`No reply to interaction ${this.id} within ${timeoutMs} ms`));
      }, timeoutMs);
      timer.unref();
      const done = (body: Json) => {
        clearTimeout(timer);
        resolve(body);
      };
      this.replyWaiters.push(done);
    });
  }

  dispose(): void {
    if (this.ackTimer) clearTimeout(this.ackTimer);
  }
}

// ---------------------------------------------------------------------------------------------
// Payload builders

export interface InteractionContext {
  world: World;
  user: EmuUser;
  channel: EmuChannel;
  id: string;
  token: string;
}

/** Fields every INTERACTION_CREATE carries, for a guild channel or a DM. */
export function basePayload(ctx: InteractionContext, type: number, data: Json): Json {
  const { world, user, channel } = ctx;
  const guild = world.isGuildChannel(channel);
  const guildId = channel.guildId ?? world.guildId;
  const appPermissions = world.permissionsFor(world.botUser.id, channel.id);
  return {
    id: ctx.id,
    application_id: world.applicationId,
    type,
    data,
    ...(guild
      ? {
          guild_id: guildId,
          guild: { id: guildId, locale: 'en-US', features: [] },
          guild_locale: 'en-US',
          member: {
            ...world.memberPayload(user.id, true, guildId),
            permissions: world.permissionsFor(user.id, channel.id).toString(),
          },
          context: 0,
          authorizing_integration_owners: { '0': guildId },
        }
      : {
          user: world.userPayload(user),
          context: 1,
          authorizing_integration_owners: { '0': world.guildId },
        }),
    channel: {
      ...world.channelPayload(channel),
      ...(guild ? {} : { recipients: [world.userPayload(user)] }),
    },
    channel_id: channel.id,
    token: ctx.token,
    version: 1,
    app_permissions: appPermissions.toString(),
    locale: 'en-US',
    entitlements: [],
    entitlement_sku_ids: [],
    attachment_size_limit: 10 * 1024 * 1024,
  };
}

export type OptionValue = string | number | boolean;

/** Finds the registered command a user would pick: guild commands first (in the guild), then global. */
export function findCommand(
  world: World,
  name: string,
  type: number,
  guildId: string | null,
): Json | undefined {
  const match = (c: Json) => c.name === name && (c.type ?? 1) === type;
  if (guildId) {
    const gc = [...(world.guildCommands.get(guildId)?.values() ?? [])].find(match);
    if (gc) return gc;
  }
  return [...world.globalCommands.values()].find(match);
}

/** Coerces a test-supplied value to what Discord would send for the option type. */
export function coerceOption(
  world: World,
  opt: Json,
  value: OptionValue,
  resolved: Json,
  guildId: string | null,
): OptionValue {
  switch (opt.type) {
    case OptionType.String:
      return String(value);
    case OptionType.Integer: {
      const n = Number(value);
      if (!Number.isInteger(n))
        throw new Error(`Option "${opt.name}" needs an integer, got ${String(value)}`);
      return n;
    }
    case OptionType.Number: {
      const n = Number(value);
      if (!Number.isFinite(n)) throw new Error(`Option "${opt.name}" needs a number, got ${String(value)}`);
      return n;
    }
    case OptionType.Boolean:
      return value === true || value === 'true';
    case OptionType.User:
    case OptionType.Mentionable: {
      const id = String(value);
      const u = world.users.get(id);
      if (u) {
        (resolved.users ??= {})[id] = world.userPayload(u);
        const g = guildId ? world.guild(guildId) : undefined;
        if (g) {
          (resolved.members ??= {})[id] = {
            ...world.memberPayload(id, false, g.id),
            permissions: world.permissionsFor(id, g.channelIds.general).toString(),
          };
        }
      } else if (opt.type === OptionType.Mentionable && world.roles.has(id)) {
        (resolved.roles ??= {})[id] = world.rolePayload(world.roles.get(id)!);
      }
      return id;
    }
    case OptionType.Channel: {
      const id = String(value);
      const ch = world.channels.get(id);
      if (ch) {
        (resolved.channels ??= {})[id] = {
          ...world.channelPayload(ch),
          permissions: world.permissionsFor(world.botUser.id, id).toString(),
        };
      }
      return id;
    }
    case OptionType.Role: {
      const id = String(value);
      const r = world.roles.get(id);
      if (r) (resolved.roles ??= {})[id] = world.rolePayload(r);
      return id;
    }
    default:
      return value;
  }
}

/**
 * Builds `data.options` for a chat input command from a flat record, nesting under a subcommand
 * (group) when given. Throws on unknown or missing required options, like the Discord client would
 * never let a user send them.
 */
export function buildOptions(
  world: World,
  command: Json,
  input: {
    options?: Record<string, OptionValue>;
    subcommand?: string;
    subcommandGroup?: string;
    focused?: { name: string; value: string };
  },
  resolved: Json,
  guildId: string | null,
): Json[] {
  let defs: Json[] = command.options ?? [];
  const wrap: ((inner: Json[]) => Json[])[] = [];
  if (input.subcommandGroup) {
    const g = defs.find((o) => o.type === OptionType.SubCommandGroup && o.name === input.subcommandGroup);
    if (!g) throw new Error(`Command "${command.name}" has no subcommand group "${input.subcommandGroup}"`);
    defs = g.options ?? [];
    wrap.push((inner) => [{ type: OptionType.SubCommandGroup, name: g.name, options: inner }]);
  }
  if (input.subcommand) {
    const s = defs.find((o) => o.type === OptionType.SubCommand && o.name === input.subcommand);
    if (!s) throw new Error(`Command "${command.name}" has no subcommand "${input.subcommand}"`);
    defs = s.options ?? [];
    wrap.push((inner) => [{ type: OptionType.SubCommand, name: s.name, options: inner }]);
  } else if (defs.some((o) => o.type === OptionType.SubCommand || o.type === OptionType.SubCommandGroup)) {
    throw new Error(`Command "${command.name}" needs a subcommand`);
  }
  const out: Json[] = [];
  for (const [name, value] of Object.entries(input.options ?? {})) {
    const def = defs.find((o) => o.name === name);
    if (!def) throw new Error(`Command "${command.name}" has no option "${name}"`);
    out.push({ name, type: def.type, value: coerceOption(world, def, value, resolved, guildId) });
  }
  if (input.focused) {
    const def = defs.find((o) => o.name === input.focused!.name);
    if (!def) throw new Error(`Command "${command.name}" has no option "${input.focused.name}"`);
    if (!def.autocomplete) throw new Error(`Option "${def.name}" of "${command.name}" has no autocomplete`);
    out.push({ name: def.name, type: def.type, value: input.focused.value, focused: true });
  } else {
    for (const def of defs) {
      if (def.required && !out.some((o) => o.name === def.name)) {
        throw new Error(`Command "${command.name}" needs option "${def.name}"`);
      }
    }
  }
  return wrap.reduceRight((inner, w) => w(inner), out);
}
