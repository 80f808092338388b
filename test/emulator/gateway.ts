/**
 * The emulated Discord gateway (v10, JSON encoding) on top of `ws`.
 *
 * Protocol as @discordjs/ws 1.x speaks it: connect to `<url>?v=10&encoding=json` (plus `&compress=zlib-stream`
 * only if the optional `zlib-sync` package is installed, which it is not here), receive HELLO, send IDENTIFY
 * (or RESUME with the `resume_gateway_url` and `session_id` from READY), heartbeat with op 1 → op 11.
 * Sessions survive a dropped socket: dispatches meanwhile are numbered and buffered and replayed on RESUME.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import zlib from 'node:zlib';
import { EventEmitter } from 'node:events';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import { shardOf } from './snowflake.js';

export const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  VoiceStateUpdate: 4,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
  RequestSoundboardSounds: 31,
} as const;

export const Close = {
  UnknownError: 4000,
  UnknownOpcode: 4001,
  DecodeError: 4002,
  NotAuthenticated: 4003,
  AuthenticationFailed: 4004,
  AlreadyAuthenticated: 4005,
  InvalidSeq: 4007,
  SessionTimedOut: 4009,
  InvalidShard: 4010,
  ShardingRequired: 4011,
  InvalidAPIVersion: 4012,
  InvalidIntents: 4013,
  DisallowedIntents: 4014,
} as const;

export const Intents = {
  Guilds: 1 << 0,
  GuildMembers: 1 << 1,
  GuildPresences: 1 << 8,
  GuildMessages: 1 << 9,
  GuildMessageTyping: 1 << 11,
  DirectMessages: 1 << 12,
  DirectMessageTyping: 1 << 14,
  MessageContent: 1 << 15,
} as const;
export const PRIVILEGED_INTENTS = Intents.GuildMembers | Intents.GuildPresences | Intents.MessageContent;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

interface Payload {
  op: number;
  d: unknown;
  s: number | null;
  t: string | null;
}

export interface GatewaySession {
  readonly id: string;
  readonly intents: number;
  /** `[shard_id, num_shards]` from IDENTIFY; `[0, 1]` when none was sent. */
  readonly shard: readonly [number, number];
  /** Last sequence number assigned. */
  seq: number;
  /** Dispatches (with `s`) kept for replay on RESUME. */
  buffer: Payload[];
  conn: GatewayConnection | null;
  /** True once READY (or RESUMED) was sent on the current connection. */
  live: boolean;
  disconnectedAt: number | null;
  /** Whether payload-level zlib was requested in IDENTIFY (`compress: true`). */
  compress: boolean;
}

export interface GatewayOptions {
  /** The bot token IDENTIFY/RESUME must carry. */
  token: () => string;
  heartbeatIntervalMs: number;
  /** Privileged intents the application may use (default: all). */
  allowedPrivilegedIntents: number;
  /** Builds READY's `d` for a new session. */
  buildReady: (session: GatewaySession) => Json;
  /** Dispatches sent right after READY (GUILD_CREATE for each guild). */
  buildInitialDispatches: (session: GatewaySession) => { t: string; d: Json }[];
  /** GUILD_MEMBERS_CHUNK answer for op 8. */
  buildMembersChunk: (request: Json) => Json | null;
  /** How long a disconnected session stays resumable (ms). */
  sessionTtlMs: number;
  /** Max dispatches kept per session for replay. */
  bufferSize: number;
  /** `session_start_limit.max_concurrency`: identify buckets are `shard_id % maxConcurrency`. */
  maxConcurrency: number;
  /** Fewest shards the bot may run (more guilds than one shard may hold); fewer close with 4011. */
  requiredShards: number;
  /**
   * Whether a second IDENTIFY in one bucket within 5 s is refused with op 9 (as Discord rate-limits
   * identifies). Off by default: tests that restart a bot would trip it; every identify is logged anyway.
   */
  enforceIdentifyRate: boolean;
}

/** One IDENTIFY, as the gateway saw it. */
export interface IdentifyRecord {
  shard: readonly [number, number];
  /** `shard_id % max_concurrency`. */
  bucket: number;
  at: number;
  /** Another IDENTIFY in the same bucket less than 5 s earlier. */
  tooSoon: boolean;
}

/** Identify rate-limit window per bucket. */
export const IDENTIFY_WINDOW_MS = 5_000;

export interface GatewayEvents {
  identify: [session: GatewaySession];
  ready: [session: GatewaySession];
  resumed: [session: GatewaySession];
  close: [session: GatewaySession | null, code: number];
  connection: [url: string];
}

export class GatewayConnection {
  session: GatewaySession | null = null;
  identified = false;
  heartbeats = 0;
  private deflate: zlib.Deflate | null = null;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    readonly ws: WebSocket,
    readonly url: URL,
    readonly zlibStream: boolean,
  ) {
    if (zlibStream) this.deflate = zlib.createDeflate({ flush: zlib.constants.Z_NO_FLUSH });
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  send(payload: Payload): void {
    if (!this.open) return;
    const json = JSON.stringify(payload);
    if (this.deflate) {
      // zlib-stream: one shared deflate context per connection, each payload ends with a Z_SYNC_FLUSH.
      const deflate = this.deflate;
      this.chain = this.chain.then(
        () =>
          new Promise<void>((resolve) => {
            const chunks: Buffer[] = [];
            const onData = (chunk: Buffer) => chunks.push(chunk);
            deflate.on('data', onData);
            deflate.write(json);
            deflate.flush(zlib.constants.Z_SYNC_FLUSH, () => {
              deflate.off('data', onData);
              if (this.open) this.ws.send(Buffer.concat(chunks), { binary: true });
              resolve();
            });
          }),
      );
    } else if (this.session?.compress) {
      this.ws.send(zlib.deflateSync(json), { binary: true });
    } else {
      this.ws.send(json);
    }
  }

  close(code: number, reason = ''): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
      this.ws.close(code, reason);
    }
  }

  dispose(): void {
    this.deflate?.close();
    this.deflate = null;
  }
}

export class Gateway extends EventEmitter<GatewayEvents> {
  readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  readonly sessions = new Map<string, GatewaySession>();
  readonly connections = new Set<GatewayConnection>();
  identifies = 0;
  resumes = 0;
  /** Every accepted or refused IDENTIFY with its shard and bucket. */
  readonly identifyLog: IdentifyRecord[] = [];
  lastIntents: number | undefined;
  /** Set to false to stop answering heartbeats (simulates a zombied connection). */
  ackHeartbeats = true;

  constructor(private readonly opts: GatewayOptions) {
    super();
  }

  /** Hook for the HTTP server's `upgrade` event. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'ws://127.0.0.1');
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, url));
  }

  private onConnection(ws: WebSocket, url: URL): void {
    const compress = url.searchParams.get('compress');
    const conn = new GatewayConnection(ws, url, compress === 'zlib-stream');
    this.connections.add(conn);
    this.emit('connection', url.toString());
    ws.on('message', (data, isBinary) => this.onMessage(conn, data, isBinary));
    ws.on('close', (code) => this.onClose(conn, code));
    ws.on('error', () => undefined);

    const version = url.searchParams.get('v');
    const encoding = url.searchParams.get('encoding') ?? 'json';
    if (version !== null && version !== '10') {
      conn.close(Close.InvalidAPIVersion, 'Invalid API version');
      return;
    }
    if (encoding !== 'json') {
      conn.close(Close.DecodeError, 'Only the json encoding is emulated');
      return;
    }
    if (compress !== null && compress !== 'zlib-stream') {
      conn.close(Close.DecodeError, 'Invalid compression');
      return;
    }
    conn.send({
      op: Op.Hello,
      d: { heartbeat_interval: this.opts.heartbeatIntervalMs, _trace: ['["emulator-gateway",{"micros":0}]'] },
      s: null,
      t: null,
    });
  }

  private onMessage(conn: GatewayConnection, data: RawData, isBinary: boolean): void {
    let payload: Json;
    try {
      const text = isBinary ? zlib.inflateSync(toBuffer(data)).toString() : toBuffer(data).toString();
      payload = JSON.parse(text);
    } catch {
      conn.close(Close.DecodeError, 'Error while decoding payload.');
      return;
    }
    if (payload === null || typeof payload !== 'object' || typeof payload.op !== 'number') {
      conn.close(Close.DecodeError, 'Error while decoding payload.');
      return;
    }
    switch (payload.op) {
      case Op.Heartbeat:
        conn.heartbeats++;
        if (this.ackHeartbeats) conn.send({ op: Op.HeartbeatAck, d: null, s: null, t: null });
        return;
      case Op.Identify:
        this.onIdentify(conn, payload.d);
        return;
      case Op.Resume:
        this.onResume(conn, payload.d);
        return;
      case Op.PresenceUpdate:
      case Op.VoiceStateUpdate:
      case Op.RequestSoundboardSounds:
        if (!conn.identified) conn.close(Close.NotAuthenticated, 'Not authenticated.');
        return;
      case Op.RequestGuildMembers: {
        if (!conn.identified || !conn.session) {
          conn.close(Close.NotAuthenticated, 'Not authenticated.');
          return;
        }
        const chunk = this.opts.buildMembersChunk(payload.d);
        if (chunk) this.sendTo(conn.session, 'GUILD_MEMBERS_CHUNK', chunk);
        return;
      }
      default:
        conn.close(Close.UnknownOpcode, 'Unknown opcode.');
    }
  }

  private checkToken(conn: GatewayConnection, token: unknown): boolean {
    const raw = typeof token === 'string' ? token.replace(/^Bot\s+/i, '') : '';
    if (raw !== this.opts.token()) {
      conn.close(Close.AuthenticationFailed, 'Authentication failed.');
      return false;
    }
    return true;
  }

  /** IDENTIFY and RESUME alike: once per connection, a payload object, the bot's token. */
  private acceptsLogin(conn: GatewayConnection, d: Json): boolean {
    if (conn.identified) {
      conn.close(Close.AlreadyAuthenticated, 'Already authenticated.');
      return false;
    }
    if (!d || typeof d !== 'object') {
      conn.close(Close.DecodeError, 'Error while decoding payload.');
      return false;
    }
    return this.checkToken(conn, d.token);
  }

  private onIdentify(conn: GatewayConnection, d: Json): void {
    if (!this.acceptsLogin(conn, d)) return;
    const intents = d.intents;
    if (typeof intents !== 'number' || !Number.isInteger(intents) || intents < 0 || intents >= 2 ** 26) {
      conn.close(Close.InvalidIntents, 'Invalid intent(s).');
      return;
    }
    if ((intents & PRIVILEGED_INTENTS & ~this.opts.allowedPrivilegedIntents) !== 0) {
      conn.close(Close.DisallowedIntents, 'Disallowed intent(s).');
      return;
    }
    const shard = d.shard === undefined ? ([0, 1] as const) : validShard(d.shard);
    if (!shard) {
      conn.close(Close.InvalidShard, 'Invalid shard.');
      return;
    }
    if (shard[1] < this.opts.requiredShards) {
      conn.close(Close.ShardingRequired, 'Sharding required.');
      return;
    }
    const bucket = shard[0] % this.opts.maxConcurrency;
    const at = Date.now();
    const tooSoon = this.identifyLog.some(
      (r) => r.bucket === bucket && !r.tooSoon && at - r.at < IDENTIFY_WINDOW_MS,
    );
    this.identifyLog.push({ shard, bucket, at, tooSoon });
    if (tooSoon && this.opts.enforceIdentifyRate) {
      conn.send({ op: Op.InvalidSession, d: false, s: null, t: null });
      return;
    }
    const session: GatewaySession = {
      id: randomBytes(16).toString('hex'),
      intents,
      shard,
      seq: 0,
      buffer: [],
      conn,
      live: false,
      disconnectedAt: null,
      compress: d.compress === true && !conn.zlibStream,
    };
    this.sessions.set(session.id, session);
    conn.session = session;
    conn.identified = true;
    this.identifies++;
    this.lastIntents = intents;
    this.emit('identify', session);

    this.sendTo(session, 'READY', this.opts.buildReady(session), true);
    for (const { t, d: data } of this.opts.buildInitialDispatches(session))
      this.sendTo(session, t, data, true);
    this.emit('ready', session);
  }

  private onResume(conn: GatewayConnection, d: Json): void {
    if (!this.acceptsLogin(conn, d)) return;
    this.expireSessions();
    const session = this.sessions.get(String(d.session_id));
    const seq = typeof d.seq === 'number' ? d.seq : 0;
    const oldest = session?.buffer[0]?.s ?? (session ? session.seq + 1 : 0);
    if (!session || seq < oldest - 1) {
      // Unknown, expired or too-old session: not resumable.
      conn.send({ op: Op.InvalidSession, d: false, s: null, t: null });
      return;
    }
    if (seq > session.seq) {
      conn.close(Close.InvalidSeq, 'Invalid seq.');
      return;
    }
    if (session.conn && session.conn !== conn) {
      const old = session.conn;
      old.session = null;
      old.ws.terminate();
    }
    session.conn = conn;
    session.disconnectedAt = null;
    conn.session = session;
    conn.identified = true;
    this.resumes++;
    for (const p of session.buffer) if (p.s !== null && p.s > seq) conn.send(p);
    session.seq++;
    conn.send({ op: Op.Dispatch, t: 'RESUMED', s: session.seq, d: { _trace: ['["emulator-gateway",{}]'] } });
    session.live = true;
    this.emit('resumed', session);
  }

  private onClose(conn: GatewayConnection, code: number): void {
    this.connections.delete(conn);
    conn.dispose();
    const session = conn.session;
    if (session && session.conn === conn) {
      session.conn = null;
      session.live = false;
      session.disconnectedAt = Date.now();
      // A client closing with 1000/1001 ends its session (it cannot be resumed), like Discord.
      if (code === 1000 || code === 1001) this.sessions.delete(session.id);
    }
    this.emit('close', session, code);
  }

  private expireSessions(): void {
    const now = Date.now();
    for (const [id, s] of this.sessions) {
      if (s.disconnectedAt !== null && now - s.disconnectedAt > this.opts.sessionTtlMs)
        this.sessions.delete(id);
    }
  }

  /** Sends a dispatch to one session (numbered, buffered; written now if its socket is open). */
  sendTo(session: GatewaySession, t: string, d: Json, force = false): void {
    session.seq++;
    const payload: Payload = { op: Op.Dispatch, t, s: session.seq, d };
    session.buffer.push(payload);
    if (session.buffer.length > this.opts.bufferSize) session.buffer.shift();
    if (session.conn && (session.live || force)) session.conn.send(payload);
    if (t === 'READY') session.live = true;
  }

  /**
   * Sends a dispatch to every session; `produce` returns the per-session payload (intents filtering and
   * MESSAGE_CONTENT stripping happen there) or null to skip that session. With `guildId`, only the
   * sessions whose shard holds that guild get it (`(guild_id >> 22) % num_shards`); `null` (a DM)
   * goes to shard 0 alone, as on Discord.
   */
  dispatch(t: string, produce: (session: GatewaySession) => Json | null, guildId?: string | null): void {
    this.expireSessions();
    for (const session of this.sessions.values()) {
      if (guildId !== undefined && !receivesGuild(session, guildId)) continue;
      const d = produce(session);
      if (d !== null && d !== undefined) this.sendTo(session, t, d);
    }
  }

  /** Live sessions: identified and READY/RESUMED on an open socket. */
  liveSessions(): GatewaySession[] {
    return [...this.sessions.values()].filter((s) => s.live && s.conn?.open);
  }

  /**
   * Drops every live connection: without a code the TCP socket is destroyed (the client sees 1006),
   * with a code a close frame is sent. Resolves once the sockets are closed.
   */
  async drop(code?: number): Promise<void> {
    const conns = [...this.connections].filter((c) => c.ws.readyState !== WebSocket.CLOSED);
    await Promise.all(
      conns.map(
        (c) =>
          new Promise<void>((resolve) => {
            c.ws.once('close', () => resolve());
            if (code === undefined) c.ws.terminate();
            else c.close(code, 'Emulator dropped the connection');
            // A close handshake the client never answers still ends within a second.
            setTimeout(() => {
              c.ws.terminate();
            }, 1000).unref();
          }),
      ),
    );
  }

  /** Sends op 7 RECONNECT to every live connection (the client should close and RESUME). */
  requestReconnect(): void {
    for (const c of this.connections) c.send({ op: Op.Reconnect, d: null, s: null, t: null });
  }

  /** Sends op 9 INVALID_SESSION (resumable = d) to every live connection. */
  invalidateSessions(resumable = false): void {
    for (const c of this.connections) {
      if (!resumable && c.session) this.sessions.delete(c.session.id);
      c.send({ op: Op.InvalidSession, d: resumable, s: null, t: null });
    }
  }

  async close(): Promise<void> {
    for (const c of this.connections) c.ws.terminate();
    this.connections.clear();
    this.sessions.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

/** Whether a session's shard receives the events of `guildId` (null: a DM, shard 0 only). */
export function receivesGuild(session: GatewaySession, guildId: string | null): boolean {
  const [id, count] = session.shard;
  if (guildId === null) return id === 0;
  return count === 1 || shardOf(guildId, count) === id;
}

function validShard(value: unknown): readonly [number, number] | null {
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [id, count] = value as unknown[];
  if (!Number.isInteger(id) || !Number.isInteger(count)) return null;
  if ((count as number) < 1 || (id as number) < 0 || (id as number) >= (count as number)) return null;
  return [id as number, count as number];
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
