import { readFile } from 'node:fs/promises';

/** A file of the preview page, ready to send. */
export interface PageAsset {
  contentType: string;
  body: Buffer;
}

const PAGE_DIR = new URL('./page/', import.meta.url);

/** URL path -> file in `page/`. */
const PAGE_FILES: Record<string, { file: string; contentType: string }> = {
  '/': { file: 'index.html', contentType: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', contentType: 'text/javascript; charset=utf-8' },
  '/markdown.js': { file: 'markdown.js', contentType: 'text/javascript; charset=utf-8' },
  '/discordMessage.js': { file: 'discordMessage.js', contentType: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', contentType: 'text/css; charset=utf-8' },
};

/** Reads the static page (HTML, vanilla JS modules, CSS) once; no build step. */
export async function loadPageAssets(): Promise<Map<string, PageAsset>> {
  const entries = await Promise.all(
    Object.entries(PAGE_FILES).map(
      async ([route, { file, contentType }]) =>
        [route, { contentType, body: await readFile(new URL(file, PAGE_DIR)) }] as const,
    ),
  );
  return new Map(entries);
}
