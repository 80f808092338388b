import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { importCapture, type ImportedTopic } from '../../src/import/importCapture.js';

export const CAPTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/captures');
export const REPO = path.resolve(CAPTURES, '../../..');

export function capturePath(name: string): string {
  return path.join(CAPTURES, name);
}

export function importFixture(name: string): ImportedTopic {
  return importCapture(readFileSync(capturePath(name)), name);
}

/** Each section as `[id, points, code]`, the shape most assertions compare. */
export function outline(imported: ImportedTopic): [string, string[], string[]][] {
  return imported.topic.sections.map((s) => [s.id, s.points, s.code.map((c) => c.code)]);
}

/** Leftovers of terminal noise, mojibake or runner statistics that must never reach a topic file. */
export function expectNoNoise(markdown: string): void {
  expect(/[\u0080-\u009F]/.test(markdown)).toBe(false);
  expect(/[\u2800-\u28FF]/.test(markdown)).toBe(false);
  // eslint-disable-next-line no-control-regex -- no control character may survive
  expect(/[\u0000-\u0008\u000B-\u001F\u007F]/.test(markdown)).toBe(false);
  expect(markdown.includes('â€')).toBe(false);
  expect(markdown.includes('duration:')).toBe(false);
  expect(markdown.includes('>>>')).toBe(false);
}
