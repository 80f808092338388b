/**
 * Discord's Interactions Endpoint, served with Node's http module: Discord POSTs each interaction here
 * (signed) and takes the HTTP response as the first callback. No gateway connection and no state shared
 * between processes, so any number can run behind a load balancer.
 *
 *   const server = await InteractionsServer.start({ publicKey, port, ctx, rest });
 *   ...
 *   await server.stop(); // stops listening, lets running interactions finish
 *
 * A request is answered only when it is `POST /` or `POST /interactions` with a body of at most
 * `maxBodyBytes`, a timestamp within `maxClockSkewSeconds` of now and a valid Ed25519 signature:
 * otherwise 404/405, 413 or 401. PING gets PONG; the rest goes through the router and handlers the
 * gateway uses, the handler's first callback becoming the response (type 4 in the response itself;
 * only work that may be slow defers). `GET /healthz` says whether the process takes interactions.
 * The raw body (which holds the interaction token) is never logged.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { REST } from 'discord.js';
import type { Logger } from 'pino';
import type { BotContext } from '../BotContext.js';
import { InFlight } from '../InFlight.js';
import { callbacks } from '../interaction/callbackBodies.js';
import { InteractionReplies } from '../interaction/InteractionReplies.js';
import { InteractionType, readInteraction } from '../interaction/readInteraction.js';
import { routeInteraction } from '../router.js';
import { httpCallbacks } from './httpCallbacks.js';
import { BodyTooLargeError, readBody } from './readBody.js';
import { signatureVerifier, type SignatureCheck } from './verifySignature.js';

export const INTERACTIONS_DEFAULTS = {
  /** Discord's interaction payloads are a few KB; resolved messages and members stay far below this. */
  maxBodyBytes: 256 * 1024,
  /** A signed request older or newer than this is refused as a replay (or a badly wrong clock). */
  maxClockSkewSeconds: 300,
  /** A client that takes longer to send its request is cut off. */
  requestTimeoutMs: 10_000,
  /** How long stop() waits for running interactions (their edits and follow-ups). */
  drainTimeoutMs: 10_000,
} as const;

export interface InteractionsServerOptions {
  /** The application's Ed25519 public key, 64 hex digits. */
  publicKey: string;
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  ctx: BotContext;
  /** REST for the interaction webhooks (edits, follow-ups); no bot token needed. */
  rest: REST;
  logger?: Logger;
  limits?: Partial<typeof INTERACTIONS_DEFAULTS>;
}

/** Counts since start, by outcome. */
export interface InteractionsStats {
  interactions: number;
  pings: number;
  rejected: { signature: number; stale: number; tooLarge: number; badRequest: number; notFound: number };
}

type Rejection = keyof InteractionsStats['rejected'];

const PATHS = new Set(['/', '/interactions']);

export class InteractionsServer {
  readonly stats: InteractionsStats = {
    interactions: 0,
    pings: 0,
    rejected: { signature: 0, stale: 0, tooLarge: 0, badRequest: 0, notFound: 0 },
  };
  private readonly inFlight = new InFlight();
  private readonly verify: SignatureCheck;
  private readonly limits: typeof INTERACTIONS_DEFAULTS;
  private readonly logger: Logger;
  private stopping = false;
  private stopped: Promise<void> | undefined;

  static async start(options: InteractionsServerOptions): Promise<InteractionsServer> {
    const server = createServer();
    const instance = new InteractionsServer(server, options);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host ?? '0.0.0.0', () => {
        server.off('error', reject);
        resolve();
      });
    });
    instance.logger.info(
      { event: 'interactions-listening', host: options.host ?? '0.0.0.0', port: instance.port },
      'serving the Interactions Endpoint',
    );
    return instance;
  }

  private constructor(
    private readonly server: Server,
    private readonly options: InteractionsServerOptions,
  ) {
    this.verify = signatureVerifier(options.publicKey);
    this.limits = { ...INTERACTIONS_DEFAULTS, ...options.limits };
    this.logger = options.logger ?? options.ctx.logger;
    server.requestTimeout = this.limits.requestTimeoutMs;
    server.headersTimeout = Math.min(this.limits.requestTimeoutMs, 60_000);
    server.keepAliveTimeout = 65_000; // longer than common proxies' idle timeout, so they close first
    server.on('request', (req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        this.logger.error({ event: 'interactions-error', err }, 'interaction request failed');
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    server.on('clientError', (_err, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      else socket.destroy();
    });
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** `http://<host>:<port>/interactions` as this process sees it (behind a proxy, Discord uses the proxy's). */
  get url(): string {
    const host = this.options.host && this.options.host !== '0.0.0.0' ? this.options.host : '127.0.0.1';
    return `http://${host}:${this.port}/interactions`;
  }

  /** Interactions still being handled (edits and follow-ups included). */
  get running(): number {
    return this.inFlight.size;
  }

  /** Stops accepting connections, lets running interactions finish (up to drainTimeoutMs). Idempotent. */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      this.stopping = true;
      const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
      this.server.closeIdleConnections();
      const drained = await this.inFlight.drain(this.limits.drainTimeoutMs);
      if (!drained) {
        this.logger.warn(
          { event: 'shutdown-timeout', pending: this.inFlight.size },
          'gave up waiting for interactions',
        );
      }
      this.server.closeAllConnections();
      await closed;
    })();
    return this.stopped;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    // While stopping, keep-alive connections are closed after their current request.
    const closing: Record<string, string> = this.stopping ? { connection: 'close' } : {};
    if (path === '/healthz') {
      const status = this.stopping ? 503 : 200;
      return json(res, status, { status: this.stopping ? 'stopping' : 'ok' }, closing);
    }
    if (!PATHS.has(path)) return this.reject(res, 404, 'notFound', closing);
    if (req.method !== 'POST') {
      return json(res, 405, { message: 'use POST' }, { allow: 'POST', ...closing });
    }

    const signature = header(req, 'x-signature-ed25519');
    const timestamp = header(req, 'x-signature-timestamp');
    if (!signature || !timestamp) return this.reject(res, 401, 'signature', closing);
    let body: Buffer;
    try {
      body = await readBody(req, this.limits.maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return this.reject(res, 413, 'tooLarge', { ...closing, connection: 'close' });
      }
      // The client went away mid-body (Discord gave up, a proxy reset): nobody to answer.
      this.logger.debug({ event: 'interaction-aborted', err: error }, 'request aborted');
      res.destroy();
      return;
    }
    if (!this.fresh(timestamp)) return this.reject(res, 401, 'stale', closing);
    if (!this.verify(timestamp, body, signature)) return this.reject(res, 401, 'signature', closing);

    let raw: unknown;
    try {
      raw = JSON.parse(body.toString('utf8'));
    } catch {
      return this.reject(res, 400, 'badRequest', closing);
    }
    const type = (raw as { type?: unknown } | null)?.type;
    if (type === InteractionType.Ping) {
      this.stats.pings++;
      return json(res, 200, callbacks.pong(), closing);
    }
    const interaction = readInteraction(raw);
    const token = (raw as { token?: unknown }).token;
    if (!interaction || typeof token !== 'string' || token === '') {
      this.logger.warn({ event: 'interaction-unsupported', type }, 'interaction not handled');
      return this.reject(res, 400, 'badRequest', closing);
    }
    this.stats.interactions++;
    const target = { id: interaction.id, applicationId: interaction.applicationId, token };
    const reply = new InteractionReplies(target, httpCallbacks(res, closing), this.options.rest);
    await this.inFlight.track(routeInteraction(this.options.ctx, interaction, reply));
    // The router always answers; should even its apology fail, Discord is not left waiting.
    if (!res.headersSent) json(res, 500, { message: 'no response' }, closing);
  }

  private fresh(timestamp: string): boolean {
    if (!/^\d{1,12}$/.test(timestamp)) return false;
    const skew = Math.abs(Date.now() / 1000 - Number(timestamp));
    return skew <= this.limits.maxClockSkewSeconds;
  }

  private reject(res: ServerResponse, status: number, why: Rejection, headers: Record<string, string>): void {
    this.stats.rejected[why]++;
    this.logger.debug({ event: 'interaction-rejected', status, reason: why }, 'request refused');
    const message = status === 401 ? 'invalid request signature' : statusText(status);
    json(res, status, { message }, headers);
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text?.trim() || undefined;
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function statusText(status: number): string {
  switch (status) {
    case 400:
      return 'not an interaction this bot handles';
    case 404:
      return 'not found: Discord posts to /interactions';
    case 413:
      return 'request body too large';
    default:
      return 'error';
  }
}
