/**
 * The preview page following live edits, in Debian's Chromium (see preview.browser.test.ts): a broken
 * edit shows its problem above the last good knowledge, and the fix brings the page up to date.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveKnowledge, type LiveKnowledge } from '../../src/preview/liveKnowledge.js';
import { startPreviewServer, type PreviewServer } from '../../src/preview/previewServer.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TOPIC = 'csharp-async-await.md';

let dir: string;
let knowledge: LiveKnowledge | undefined;
let server: PreviewServer | undefined;
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install it with \`sh scripts/ensureChromium.sh\``);
  dir = await mkdtemp(path.join(tmpdir(), 'concept-bot-live-page-'));
  await cp(path.join(ROOT, 'knowledge'), dir, { recursive: true });
  knowledge = await liveKnowledge(dir, {
    logger: { info() {}, warn() {}, error() {} },
    debounceMs: 40,
    pollMs: 200,
  });
  server = await startPreviewServer({
    getEngine: knowledge.getEngine,
    status: knowledge.status,
    port: 0,
    label: dir,
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await page.locator('[data-section]').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  knowledge?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the preview page while the knowledge is edited', () => {
  it('shows a broken edit above the last good knowledge, then the fix', async () => {
    const sections = await page.locator('[data-section]').count();
    const original = await readFile(path.join(dir, TOPIC), 'utf8');
    await writeFile(path.join(dir, TOPIC), original.replace('title: C# async/await', 'title: [unclosed'));
    const banner = page.locator('#knowledge-error');
    await banner.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await banner.textContent()).toContain(
      'The last edit does not load; this is the last good knowledge.',
    );
    expect(await banner.textContent()).toMatch(new RegExp(`${TOPIC}:3: invalid YAML front matter`));
    expect(await page.locator('[data-section]').count()).toBe(sections);
    await page.screenshot({ path: path.join(ROOT, 'test/preview/screenshots/preview-broken-edit.png') });

    await writeFile(
      path.join(dir, TOPIC),
      `${original}\n- **Quokka sandwich protocol**: Feed every quokka at noon.\n`,
    );
    await banner.waitFor({ state: 'hidden', timeout: 10_000 });
    await page.locator('[data-section]').nth(sections).waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-section]').count()).toBe(sections + 1);
  });
});
