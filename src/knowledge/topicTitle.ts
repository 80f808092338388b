import path from 'node:path';
import type { Breakdown } from './breakdown.js';

const SPELLED_COUNT = '\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several';
const SUBJECT = new RegExp(
  '\\b(?:breakdown|overview|explanation|summary|rundown|introduction|guide|look)\\s+(?:at|of|to|on)\\s+' +
    '(?:how\\s+)?(.+?)(?:\\s+works?)?' +
    `(?:\\s*[,—–-]?\\s+in\\s+(?:${SPELLED_COUNT})\\s+(?:\\w+\\s+)?(?:bullet\\s+)?(?:points?|sections?|parts?|steps?|bullets?))?` +
    '(?:\\s*[,—–-]?\\s+(?:with|including)\\b.*)?\\s*[:.!]?\\s*$',
  'i',
);

/**
 * What a sentence says it breaks down, as a title: `Here's a concise breakdown of async and await in C#
 * in 8 bullet points:` -> `async and await in C#`. A parenthesis, or a comma or dash followed by more
 * words, ends the subject (`Kotlin coroutines, from the basics…` -> `Kotlin coroutines`).
 */
export function subjectOf(sentence: string): string | undefined {
  const subject = SUBJECT.exec(sentence.replace(/\s+/g, ' ').trim())?.[1];
  if (!subject) return undefined;
  const cut = subject
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/\s*(?:,|\s[—–-])\s.*$/, '')
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/[\s\p{Emoji_Presentation}\p{Extended_Pictographic}…!.:]+$/u, '')
    .trim();
  return cut || undefined;
}

/**
 * The topic's title, as plain text: the heading that titles the text, else what the intro says it breaks
 * down, else what the prompt asked to break down (`hint`, from a capture's prompt line), else `fallbackName`
 * (a file name: its extension dropped, `-` and `_` read as spaces, the first letter capitalised).
 */
export function topicTitle(breakdown: Breakdown, fallbackName: string, hint?: string): string {
  if (breakdown.heading) return breakdown.heading;
  for (const paragraph of breakdown.intro) {
    for (const sentence of paragraph.text.replace(/\s+/g, ' ').split(/(?<=[.!?:])\s+/)) {
      const subject = subjectOf(sentence);
      if (subject) return subject;
    }
  }
  const asked = hint && subjectOf(hint);
  if (asked) return asked.charAt(0).toUpperCase() + asked.slice(1);
  const name = path
    .basename(fallbackName)
    .replace(/\.[^.]*$/, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return name.charAt(0).toUpperCase() + name.slice(1) || 'Untitled topic';
}
