/**
 * The knowledge preview in a real headless browser: Debian's Chromium, driven by playwright-core.
 * Needs /usr/bin/chromium (`sh scripts/ensureChromium.sh` installs it); fails, never skips, without it.
 * Also takes a screenshot: to the git-ignored test/preview/screenshots/, or to the README's
 * docs/preview.png when UPDATE_SCREENSHOT=1 (so a test run never changes a tracked file).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConceptEngine } from '../../src/answer/ConceptEngine.js';
import { loadEngine } from '../../src/answer/loadEngine.js';
import type { Answer } from '../../src/answer/types.js';
import { previewAnswer } from '../../src/preview/renderPreviewMessage.js';
import { startPreviewServer, type PreviewServer } from '../../src/preview/previewServer.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCREENSHOT = process.env.UPDATE_SCREENSHOT
  ? path.join(ROOT, 'docs/preview.png')
  : path.join(ROOT, 'test/preview/screenshots/preview.png');
const ON_TOPIC = 'does await block the thread?';
const OFF_TOPIC = "what's the weather in Paris";

let engine: ConceptEngine;
let server: PreviewServer | undefined;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: the preview's browser test needs Debian's Chromium. ` +
        'Install it with `sh scripts/ensureChromium.sh` (as root), or `sudo apt-get install -y chromium`.',
    );
  }
  engine = await loadEngine(path.join(ROOT, 'knowledge'));
  server = await startPreviewServer({ engine, port: 0, label: 'knowledge' });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(server.url);
  await page.locator('[data-section]').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Types a question into the search box and waits for the page to show the bot's reply to it. */
async function askOnPage(question: string) {
  await page.fill('#question', question);
  const answer = page.locator(`#answer[data-question="${question.replace(/["\\]/g, '\\$&')}"]`);
  await answer.waitFor({ state: 'visible' });
  return answer;
}

/** The text a Discord client shows for a line of Markdown (markers dropped). */
function shownText(markdown: string): string {
  return markdown.replace(/[`*_~|]/g, '');
}

function percent(answer: Answer): string {
  const best = answer.match ?? answer.suggestions[0];
  return `${Math.round((best?.confidence ?? 0) * 100)}%`;
}

describe('knowledge preview page (Chromium)', () => {
  it('shows every section of the shipped knowledge as an answer embed with its code', async () => {
    const sections = engine.knowledge.topics.flatMap((topic) =>
      topic.sections.map((section) => ({ topic, section })),
    );
    expect(sections.length).toBeGreaterThan(0);
    expect(await page.locator('[data-section]').count()).toBe(sections.length);
    for (const { topic, section } of sections) {
      const card = page.locator(`[data-section="${topic.id}/${section.id}"]`);
      expect(await card.isVisible(), section.id).toBe(true);
      expect(await card.locator('.embed-title').first().innerText()).toBe(section.title);
      const codeBlocks = card.locator('.md-codeblock');
      expect(await codeBlocks.count(), `${section.id}: code blocks`).toBe(section.code.length);
      for (const [i, example] of section.code.entries()) {
        const block = codeBlocks.nth(i);
        expect(await block.locator('.md-codeblock-lang').innerText()).toBe(example.language);
        expect(await block.locator('code').innerText()).toBe(example.code.trimEnd());
      }
      expect(await card.locator('.dc-button', { hasText: 'Dismiss' }).count()).toBe(1);
    }
  });

  it('answers a question with the section the engine picks, and its confidence', async () => {
    const expected = engine.ask(ON_TOPIC);
    expect(expected.kind).not.toBe('none');
    const answer = await askOnPage(ON_TOPIC);
    expect(await answer.getAttribute('data-kind')).toBe(expected.kind);
    expect(await answer.locator('.confidence').innerText()).toContain(percent(expected));
    if (expected.kind === 'answer') {
      expect(await answer.locator('.embed-title').first().innerText()).toBe(expected.match!.section.title);
      expect(await answer.locator('.embed-footer').last().innerText()).toContain(percent(expected));
    } else {
      const labels = await answer.locator('.dc-button-label').allInnerTexts();
      for (const offer of expected.suggestions) expect(labels.join('\n')).toContain(offer.section.title);
    }
  });

  it('shows "I don\'t know that yet" for an off-topic question', async () => {
    const expected = engine.ask(OFF_TOPIC);
    expect(expected.kind).toBe('none');
    const content = previewAnswer(expected).content ?? '';
    expect(content).toMatch(/don't know/i);
    const answer = await askOnPage(OFF_TOPIC);
    expect(await answer.getAttribute('data-kind')).toBe('none');
    expect(await answer.locator('.msg-content').last().innerText()).toBe(shownText(content));
    expect(await answer.locator('.embed').count()).toBe(0);
  });

  it('runs without script errors or blocked resources, and saves the screenshot', async () => {
    await askOnPage(ON_TOPIC);
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    expect(existsSync(SCREENSHOT)).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('shows hostile knowledge as text, never as HTML', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'preview-xss-'));
    const hostile = await (async () => {
      await writeFile(
        path.join(dir, 'hostile.md'),
        [
          "Here's a concise breakdown of **Hostile <img src=x onerror=window.__xss=1> input**:",
          '',
          '- **<b>Bold</b> title**:',
          '  - A point with <img src=x onerror="window.__xss=2"> and `<script>window.__xss=3</script>`.',
          '  - A [link](javascript:window.__xss=4) and <@123> and **<i>nested</i>**.',
          '  ```html',
          '  <script>window.__xss = 5</script>',
          '  ```',
          '',
        ].join('\n'),
      );
      return startPreviewServer({ engine: await loadEngine(dir), port: 0 });
    })();
    const other = await browser!.newPage();
    try {
      await other.goto(hostile.url);
      await other.locator('[data-section]').first().waitFor();
      const card = other.locator('[data-section]').first();
      expect(await card.innerText()).toContain('<script>window.__xss=3</script>');
      expect(await card.locator('.md-codeblock code').innerText()).toContain(
        '<script>window.__xss = 5</script>',
      );
      expect(
        await other.locator('#catalogue img, #catalogue script, #catalogue b, #catalogue i').count(),
      ).toBe(0);
      expect(await other.locator('#catalogue a[href^="javascript:"]').count()).toBe(0);
      expect(await other.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    } finally {
      await other.close();
      await hostile.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
