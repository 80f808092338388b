/**
 * Delivering interactions the way Discord does to an application's Interactions Endpoint URL: an HTTP
 * POST of the interaction JSON, signed with Ed25519 over `timestamp + body`, the signature (hex) in
 * `X-Signature-Ed25519` and the Unix time in `X-Signature-Timestamp`. The response body is the callback.
 * The emulator holds the key pair; `publicKey` (hex) is what the Developer Portal shows.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { performance } from 'node:perf_hooks';

export interface EndpointResponse {
  status: number;
  /** The body as text ('' when none). */
  text: string;
  /** The body parsed as JSON, when it is JSON. */
  json: unknown;
  contentType: string | undefined;
  /** Time from sending the request to having the whole response (ms). */
  ms: number;
}

export interface RawDelivery {
  /** The exact body bytes (a string is sent as UTF-8). */
  body: string | Buffer;
  /** Default: now, in seconds. */
  timestamp?: string;
  /** Default: a valid signature of timestamp + body. `null` leaves the header out. */
  signature?: string | null;
  headers?: Record<string, string>;
  method?: string;
  timeoutMs?: number;
}

export class InteractionsEndpoint {
  readonly publicKey: string;
  private readonly privateKey: KeyObject;
  url: string | null = null;

  constructor() {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const jwk = publicKey.export({ format: 'jwk' });
    this.publicKey = Buffer.from(String(jwk.x), 'base64url').toString('hex');
    this.privateKey = privateKey;
  }

  /** The hex Ed25519 signature Discord would send for this timestamp and body. */
  sign(timestamp: string, body: string | Buffer): string {
    const bytes = Buffer.concat([
      Buffer.from(timestamp, 'utf8'),
      Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
    ]);
    return sign(null, bytes, this.privateKey).toString('hex');
  }

  /** POSTs to the endpoint exactly as given (tests use this for bad signatures, stale times, huge bodies). */
  async deliver(input: RawDelivery): Promise<EndpointResponse> {
    if (!this.url) throw new Error('no interactions endpoint set (setInteractionsEndpoint)');
    const timestamp = input.timestamp ?? String(Math.floor(Date.now() / 1000));
    const signature = input.signature === undefined ? this.sign(timestamp, input.body) : input.signature;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'Discord-Interactions/1.0 (+https://discord.com)',
      'x-signature-timestamp': timestamp,
      ...(signature !== null ? { 'x-signature-ed25519': signature } : {}),
      ...input.headers,
    };
    const started = performance.now();
    const response = await fetch(this.url, {
      method: input.method ?? 'POST',
      headers,
      body: typeof input.body === 'string' ? input.body : new Uint8Array(input.body),
      signal: AbortSignal.timeout(input.timeoutMs ?? 10_000),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    const contentType = response.headers.get('content-type') ?? undefined;
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, text, json, contentType, ms };
  }
}
