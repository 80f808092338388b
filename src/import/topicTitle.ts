import path from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { Breakdown } from './breakdown.js';

const SPELLED_COUNT = '\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several';
const FROM_INTRO = new RegExp(
  '\\b(?:breakdown|overview|explanation|summary|rundown|introduction|guide|look)\\s+(?:at|of|to|on)\\s+' +
    '(?:how\\s+)?(.+?)(?:\\s+works?)?' +
    `(?:\\s*[,—–-]?\\s+in\\s+(?:${SPELLED_COUNT})\\s+(?:\\w+\\s+)?(?:bullet\\s+)?(?:points?|sections?|parts?|steps?|bullets?))?` +
    '(?:\\s*[,—–-]?\\s+(?:with|including)\\b.*)?\\s*(?:\\([^)]*\\))?\\s*[:.!]?\\s*$',
  'i',
);

/**
 * The topic's title, as plain text: a lone `# Heading`, else what the intro says it breaks down
 * (`Here's a concise breakdown of **`async`** and **`await`** in C# in **8 bullet points**:` ->
 * `async and await in C#`), else the input's file name.
 */
export function topicTitle(breakdown: Breakdown, file: string): string {
  if (breakdown.heading) return breakdown.heading;
  for (const paragraph of breakdown.intro) {
    const text = toString(fromMarkdown(paragraph)).replace(/\s+/g, ' ');
    for (const sentence of text.split(/(?<=[.!?:])\s+/)) {
      const subject = FROM_INTRO.exec(sentence.trim())?.[1]
        ?.replace(/^(?:the|a|an)\s+/i, '')
        .trim();
      if (subject) return subject;
    }
  }
  const name = path
    .basename(file)
    .replace(/\.[^.]*$/, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return name.charAt(0).toUpperCase() + name.slice(1) || 'Untitled topic';
}
