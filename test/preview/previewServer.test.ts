import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConceptEngine } from '../../src/answer/ConceptEngine.js';
import { loadEngine } from '../../src/answer/loadEngine.js';
import {
  MAX_QUESTION_LENGTH,
  startPreviewServer,
  type AskResponse,
  type KnowledgeResponse,
  type PreviewServer,
} from '../../src/preview/previewServer.js';
import { previewAnswer } from '../../src/preview/renderPreviewMessage.js';

let engine: ConceptEngine;
let server: PreviewServer;

beforeAll(async () => {
  engine = await loadEngine('knowledge');
  server = await startPreviewServer({ engine, port: 0, label: 'knowledge' });
});

afterAll(async () => {
  await server?.close();
});

async function get(path: string, init?: RequestInit) {
  const response = await fetch(new URL(path, server.url), init);
  return { response, text: await response.text() };
}

async function ask(question: string): Promise<AskResponse> {
  const { response, text } = await get(`/api/ask?q=${encodeURIComponent(question)}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return JSON.parse(text) as AskResponse;
}

describe('preview server /api/ask', () => {
  it('returns the engine decision and the Discord message renderAnswer makes of it', async () => {
    const question = 'does await block the thread?';
    const expected = engine.ask(question);
    const body = await ask(question);

    expect(body.question).toBe(question);
    expect(body.kind).toBe(expected.kind);
    expect(body.kind).toBe('answer');
    expect(body.confidence).toBeCloseTo(expected.match!.confidence, 6);
    expect(body.match).toMatchObject({
      topic: expected.match!.topic.id,
      topicTitle: expected.match!.topic.title,
      id: expected.match!.section.id,
      title: expected.match!.section.title,
    });
    expect(body.thresholds).toEqual({ answer: expect.any(Number), suggest: expect.any(Number) });
    expect(body.message).toEqual(JSON.parse(JSON.stringify(previewAnswer(expected))));
    expect(body.message.embeds[0]?.footer?.text).toMatch(/%/);
    expect(body.message.components.length).toBeGreaterThan(0);
  });

  it('says so when the bot would not answer', async () => {
    const question = "what's the weather in Paris";
    const body = await ask(question);
    expect(body).toMatchObject({ question, kind: 'none', match: null, suggestions: [], confidence: null });
    expect(body.message).toEqual(JSON.parse(JSON.stringify(previewAnswer(engine.ask(question)))));
    expect(body.message.content).toMatch(/don't know/i);
  });

  it('rejects a missing, blank or over-long question with a JSON error', async () => {
    for (const path of [
      '/api/ask',
      '/api/ask?q=%20%20',
      `/api/ask?q=${'a'.repeat(MAX_QUESTION_LENGTH + 1)}`,
    ]) {
      const { response, text } = await get(path);
      expect(response.status).toBe(400);
      expect(JSON.parse(text)).toEqual({ error: expect.any(String) });
    }
  });
});

describe('preview server pages', () => {
  it('lists every section of every topic with its rendered message', async () => {
    const { response, text } = await get('/api/knowledge');
    expect(response.status).toBe(200);
    const body = JSON.parse(text) as KnowledgeResponse;
    expect(body.label).toBe('knowledge');
    expect(body.topics.map((t) => t.id)).toEqual(engine.knowledge.topics.map((t) => t.id));
    for (const [i, topic] of engine.knowledge.topics.entries()) {
      const listed = body.topics[i]!;
      expect(listed.sections.map((s) => s.value)).toEqual(topic.sections.map((s) => `${topic.id}/${s.id}`));
      for (const section of listed.sections) {
        expect(section.message.embeds.length).toBeGreaterThan(0);
        expect(section.sample.question).toEqual(expect.any(String));
      }
    }
  });

  it('serves the static page with a strict content security policy', async () => {
    const { response, text } = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(text).toContain('<script type="module" src="/app.js">');
    for (const [path, type] of [
      ['/app.js', /^text\/javascript/],
      ['/markdown.js', /^text\/javascript/],
      ['/discordMessage.js', /^text\/javascript/],
      ['/style.css', /^text\/css/],
    ] as const) {
      const asset = await get(path);
      expect(asset.response.status, path).toBe(200);
      expect(asset.response.headers.get('content-type'), path).toMatch(type);
    }
  });

  it('answers unknown paths with 404 and other methods with 405', async () => {
    expect((await get('/nope')).response.status).toBe(404);
    expect((await get('/api/ask?q=x', { method: 'POST' })).response.status).toBe(405);
  });

  it('reports an engine that fails to load as a 500 with its message', async () => {
    const broken = await startPreviewServer({
      getEngine: () => Promise.reject(new Error('knowledge/x.md:3: no sections')),
      port: 0,
    });
    try {
      const response = await fetch(new URL('/api/knowledge', broken.url));
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ error: 'knowledge/x.md:3: no sections' });
      expect((await fetch(broken.url)).status).toBe(200);
    } finally {
      await broken.close();
    }
  });
});
