import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseEnrichmentReply } from '../../src/enrich/enrichmentPrompt.js';

const TOPIC = `Here's a breakdown of **widgets**:

- **Spinning widgets**:
  - A widget spins when you call \`spin()\` with a number of turns.
  - Spinning stops at the brake.
- **Painting widgets**:
  - Widgets take any colour of paint; two coats cover the grain.
- **Storing widgets**:
  - Keep them dry and away from magnets.
`;

const API_KEY = 'sk-stub-4f1c9a';

/** What the stub model answers for each section (found by its title in the request). */
const REPLIES: Record<string, string> = {
  'Spinning widgets': JSON.stringify({
    questions: [
      'how do i make my widget spin faster',
      '2. why won\u2019t the widget turn when i call spin',
      'how do i paint a widget red',
    ],
    keywords: ['rotate', 'twirl'],
  }),
  'Painting widgets':
    '<think>They want colours.</think>\nHere you go:\n```json\n{"questions": ["what colours can a widget be painted", "how many coats of paint does a widget need"], "keywords": ["colour", "dye"]}\n```',
  'Storing widgets': 'Sorry, I cannot help with that.',
};

let server: Server;
let baseUrl: string;
const requests: { authorization?: string; model: string; section: string }[] = [];
let dir: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
        response.writeHead(404).end();
        return;
      }
      const { model, messages } = JSON.parse(body) as {
        model: string;
        messages: { role: string; content: string }[];
      };
      const section = /^Section: (.+)$/m.exec(messages.at(-1)!.content)?.[1] ?? '';
      requests.push({ authorization: request.headers.authorization, model, section });
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(
        JSON.stringify({ choices: [{ message: { role: 'assistant', content: REPLIES[section] ?? '{}' } }] }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(async () => {
  requests.length = 0;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = await mkdtemp(path.join(tmpdir(), 'concept-bot-enrich-'));
  await writeFile(path.join(dir, 'widgets.md'), TOPIC);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function enrich(
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/enrich.ts', ...args], {
      env: { ...process.env, LLM_BASE_URL: '', LLM_MODEL: '', LLM_API_KEY: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on('exit', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

describe('npm run enrich against an OpenAI-compatible endpoint (a stub on 127.0.0.1)', () => {
  it('keeps the questions that route to their own section, writes them to the front matter, and never prints the key', async () => {
    const file = path.join(dir, 'widgets.md');
    const run = await enrich([file], {
      LLM_BASE_URL: baseUrl,
      LLM_MODEL: 'stub-model',
      LLM_API_KEY: API_KEY,
    });
    expect(run.stderr).not.toContain(API_KEY);
    expect(run.stdout).not.toContain(API_KEY);
    expect(requests.map((r) => [r.section, r.model, r.authorization])).toEqual([
      ['Spinning widgets', 'stub-model', `Bearer ${API_KEY}`],
      ['Painting widgets', 'stub-model', `Bearer ${API_KEY}`],
      ['Storing widgets', 'stub-model', `Bearer ${API_KEY}`],
    ]);
    expect(run.stdout).toContain(
      'widgets/spinning-widgets: left out "how do i paint a widget red" (went to widgets/painting-widgets)',
    );
    expect(run.stdout).toMatch(
      /widgets\/storing-widgets: nothing from the model: the model's reply holds no JSON object/,
    );
    expect(run.stdout).toContain('Kept 4 of 5 questions');
    expect(run.stdout).toContain('npm run check: OK: no errors');
    expect(run.status).toBe(0);

    const written = await readFile(file, 'utf8');
    expect(written.endsWith(TOPIC)).toBe(true); // the breakdown itself is untouched
    expect(written).toMatch(
      /^---\nsections:\n {2}spinning-widgets:\n {4}questions:\n {6}- how do i make my widget spin faster\n {6}- why won’t the widget turn when i call spin\n {4}keywords:\n {6}- rotate\n {6}- twirl\n {2}painting-widgets:\n {4}questions:\n {6}- what colours can a widget be painted\n/,
    );
    expect(written).not.toContain('paint a widget red');
  });

  it('--dry-run writes nothing', async () => {
    const run = await enrich(['--dry-run', path.join(dir, 'widgets.md')], {
      LLM_BASE_URL: baseUrl,
      LLM_MODEL: 'stub-model',
    });
    expect(run.stdout).toContain('would add to spinning-widgets: "how do i make my widget spin faster"');
    expect(await readFile(path.join(dir, 'widgets.md'), 'utf8')).toBe(TOPIC);
    expect(requests[0]!.authorization).toBeUndefined();
  });

  it('says what to set when no endpoint is configured, and what failed when it is down', async () => {
    const unset = await enrich([path.join(dir, 'widgets.md')], {});
    expect(unset.status).toBe(1);
    expect(unset.stderr).toMatch(
      /enrich: set LLM_BASE_URL \(e\.g\. http:\/\/127\.0\.0\.1:11434\/v1 for a local Ollama\) and LLM_MODEL/,
    );

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const down = await enrich([path.join(dir, 'widgets.md')], {
      LLM_BASE_URL: `http://127.0.0.1:${port}/v1`,
      LLM_MODEL: 'm',
    });
    expect(down.stdout).toContain('connection refused (is the model server running?)');
    expect(down.status).toBe(1);
    expect(await readFile(path.join(dir, 'widgets.md'), 'utf8')).toBe(TOPIC);
  });
});

describe('parseEnrichmentReply', () => {
  it('reads the JSON in a fenced block or bare, cleans numbering and quotes, and drops duplicates', () => {
    expect(
      parseEnrichmentReply(
        '```json\n{"questions": ["1. \\"How?\\"", "how?", "  why\\n not  "], "keywords": ["a", 3]}\n```',
      ),
    ).toEqual({
      questions: ['How?', 'why not'],
      keywords: [],
    });
    expect(() => parseEnrichmentReply('no json here')).toThrow(/holds no JSON object/);
  });
});
