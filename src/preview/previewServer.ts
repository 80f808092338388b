import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toAnswerRecord, type AnswerRecord } from '../answer/answerRecord.js';
import type { ConceptEngine } from '../answer/ConceptEngine.js';
import type { AnswerKind } from '../answer/types.js';
import { searchConfig } from '../search/searchConfig.js';
import { buildCatalogue, type CatalogueTopic } from './catalogue.js';
import { loadPageAssets, type PageAsset } from './pageAssets.js';
import { previewAnswer, type PreviewMessage } from './renderPreviewMessage.js';

/** Longest question `/api/ask` accepts (a Discord message is at most 2,000 characters). */
export const MAX_QUESTION_LENGTH = 2000;

/** Where the server gets its engine: a fixed one, or a function asked on every request (reloads). */
export type EngineSource =
  { engine: ConceptEngine } | { getEngine: () => ConceptEngine | Promise<ConceptEngine> };

/** Whether the knowledge behind the engine has changed, and why its last change was rejected. */
export interface KnowledgeStatus {
  /** Changes whenever the engine is replaced or a change is rejected: the page re-reads the knowledge then. */
  version: number;
  /** The problems of a change that did not load; the engine is the last good one meanwhile. */
  error: { message: string; problems: { file: string; line: number; problem: string }[] } | null;
}

export type PreviewServerOptions = EngineSource & {
  /** 0 picks a free port. */
  port: number;
  /** The knowledge's status, for live reloads; default: never changes, never broken. */
  status?: () => KnowledgeStatus;
  /** Defaults to 127.0.0.1: the preview is for this machine only. */
  host?: string;
  /** Shown in the page header, e.g. the knowledge folder. */
  label?: string;
};

export interface PreviewServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** `GET /api/ask?q=`: the `npm run ask -- --json` record, with the decision and the bot's message. */
export interface AskResponse extends AnswerRecord {
  kind: AnswerKind;
  /** Of the section answered with, or of the best "did you mean" offer; null when the bot stays silent. */
  confidence: number | null;
  /** The bot's Discord message for this answer (`renderAnswer`'s JSON). */
  message: PreviewMessage;
  thresholds: { answer: number; suggest: number };
}

/** `GET /api/knowledge` */
export interface KnowledgeResponse extends KnowledgeStatus {
  label: string | null;
  topics: CatalogueTopic[];
  thresholds: { answer: number; suggest: number };
}

interface Reply {
  status: number;
  contentType: string;
  body: string | Buffer;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/**
 * Serves the knowledge preview: one static page showing every section as the bot's Discord answer,
 * and a JSON API the page's search box calls to run the real matcher.
 */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const getEngine = 'engine' in options ? () => options.engine : options.getEngine;
  const host = options.host ?? '127.0.0.1';
  const assets = await loadPageAssets();
  const label = options.label ?? null;
  const status = options.status ?? (() => ({ version: 0, error: null }));

  const server = createServer((request, response) => {
    route(request, { getEngine, assets, label, status })
      .catch((error: unknown) => json(500, { error: error instanceof Error ? error.message : String(error) }))
      .then((reply) => send(response, request, reply));
  });
  await listen(server, options.port, host);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    port,
    close: () => close(server),
  };
}

interface Context {
  getEngine: () => ConceptEngine | Promise<ConceptEngine>;
  assets: Map<string, PageAsset>;
  label: string | null;
  status: () => KnowledgeStatus;
}

async function route(request: IncomingMessage, context: Context): Promise<Reply> {
  const url = new URL(request.url ?? '/', 'http://preview.invalid');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return json(405, { error: `${request.method ?? 'this method'} is not supported; use GET` });
  }
  if (url.pathname === '/api/ask') return ask(url.searchParams.get('q'), await context.getEngine());
  if (url.pathname === '/api/knowledge')
    return knowledge(await context.getEngine(), context.label, context.status());
  if (url.pathname === '/api/status') return json(200, context.status());
  const asset = context.assets.get(url.pathname);
  if (asset) return { status: 200, contentType: asset.contentType, body: asset.body };
  return json(404, { error: `no such page: ${url.pathname}` });
}

function ask(question: string | null, engine: ConceptEngine): Reply {
  const text = question?.trim() ?? '';
  if (!text) return json(400, { error: 'ask a question with ?q=' });
  if (text.length > MAX_QUESTION_LENGTH) {
    return json(400, { error: `the question is longer than ${MAX_QUESTION_LENGTH} characters` });
  }
  const answer = engine.ask(text);
  const body: AskResponse = {
    ...toAnswerRecord(answer),
    kind: answer.kind,
    confidence: answer.kind === 'none' ? null : ((answer.match ?? answer.suggestions[0])?.confidence ?? null),
    message: previewAnswer(answer),
    thresholds: { ...searchConfig.thresholds },
  };
  return json(200, body);
}

function knowledge(engine: ConceptEngine, label: string | null, status: KnowledgeStatus): Reply {
  const body: KnowledgeResponse = {
    ...status,
    label,
    topics: buildCatalogue(engine),
    thresholds: { ...searchConfig.thresholds },
  };
  return json(200, body);
}

function json(status: number, body: unknown): Reply {
  return { status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) };
}

function send(response: ServerResponse, request: IncomingMessage, reply: Reply): void {
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
  response.writeHead(reply.status, {
    ...SECURITY_HEADERS,
    'Content-Type': reply.contentType,
    'Content-Length': body.length,
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
