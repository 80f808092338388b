import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveKnowledge, type LiveKnowledge } from '../../src/preview/liveKnowledge.js';
import {
  startPreviewServer,
  type KnowledgeResponse,
  type PreviewServer,
} from '../../src/preview/previewServer.js';

const TOPIC = 'csharp-async-await.md';
let dir: string;
let knowledge: LiveKnowledge;
let server: PreviewServer;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'concept-bot-preview-'));
  await cp('knowledge', dir, { recursive: true });
  const silent = { info() {}, warn() {}, error() {} };
  knowledge = await liveKnowledge(dir, { logger: silent, debounceMs: 40, pollMs: 100 });
  server = await startPreviewServer({
    getEngine: knowledge.getEngine,
    status: knowledge.status,
    port: 0,
    label: dir,
  });
});

afterEach(async () => {
  knowledge.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function getJson<T>(route: string): Promise<{ status: number; body: T }> {
  const response = await fetch(new URL(route, server.url));
  return { status: response.status, body: (await response.json()) as T };
}

/** The knowledge once its version has moved past `version`; fails after a few seconds. */
async function nextKnowledge(version: number): Promise<KnowledgeResponse> {
  const deadline = Date.now() + 8_000;
  while (Date.now() < deadline) {
    const { body } = await getJson<{ version: number }>('/api/status');
    if (body.version !== version) return (await getJson<KnowledgeResponse>('/api/knowledge')).body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the knowledge did not change');
}

describe('the preview over a live knowledge folder', () => {
  it('keeps serving the last good knowledge while an edit is broken, shows the problem, and follows the fix', async () => {
    const first = (await getJson<KnowledgeResponse>('/api/knowledge')).body;
    expect(first.error).toBeNull();
    const sections = first.topics[0]!.sections.length;
    const original = await readFile(path.join(dir, TOPIC), 'utf8');

    await writeFile(path.join(dir, TOPIC), original.replace('title: C# async/await', 'title: [unclosed'));
    const broken = await nextKnowledge(first.version);
    expect(broken.topics[0]!.sections).toHaveLength(sections); // the last good knowledge, not a 500
    expect(broken.error?.problems).toEqual([
      expect.objectContaining({
        file: path.join(dir, TOPIC),
        line: 3,
        problem: expect.stringMatching(/invalid YAML/),
      }),
    ]);
    const answer = await getJson<{ kind: string }>(
      `/api/ask?q=${encodeURIComponent('does await block the thread?')}`,
    );
    expect(answer).toMatchObject({ status: 200, body: { kind: 'answer' } });

    await writeFile(
      path.join(dir, TOPIC),
      original + '\n- **Quokka sandwich protocol**: Feed every quokka at noon.\n',
    );
    const fixed = await nextKnowledge(broken.version);
    expect(fixed.error).toBeNull();
    expect(fixed.topics[0]!.sections.map((s) => s.id)).toContain('quokka-sandwich-protocol');
  });
});
