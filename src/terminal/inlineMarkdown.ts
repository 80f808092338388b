import type { Paint } from './style.js';

const CODE_SPAN = /(`+)(.+?)\1(?!`)/g;
const LINK = /\[([^\]]+)\]\(([^)\s]+)\)/g;
const STRONG = /\*\*(.+?)\*\*|__(.+?)__/g;
const EMPHASIS =
  /(?<![\w*])\*(?![\s*])(.+?)(?<![\s*])\*(?![\w*])|(?<![\w_])_(?![\s_])(.+?)(?<![\s_])_(?![\w_])/g;

/**
 * One line of knowledge Markdown (a point, a title) as terminal text: `code` in colour, **strong** bold,
 * *emphasis* italic, [links](url) as `text (url)`. Without colour the backticks stay, so code still
 * reads as code, and the other markers go.
 */
export function inlineMarkdown(markdown: string, paint: Paint, colored: boolean): string {
  let out = '';
  let at = 0;
  // Code spans first: nothing inside them is Markdown.
  for (const match of markdown.matchAll(CODE_SPAN)) {
    out += prose(markdown.slice(at, match.index), paint);
    const code = match[2]!.length > 2 ? match[2]!.replace(/^ (.*) $/, '$1') : match[2]!;
    out += colored ? paint('cyan', code) : `\`${code}\``;
    at = match.index + match[0].length;
  }
  return out + prose(markdown.slice(at), paint);
}

function prose(text: string, paint: Paint): string {
  return text
    .replace(LINK, (_m, label: string, url: string) => (label === url ? url : `${label} (${url})`))
    .replace(STRONG, (_m, a?: string, b?: string) => paint('bold', a ?? b ?? ''))
    .replace(EMPHASIS, (_m, a?: string, b?: string) => paint('italic', a ?? b ?? ''));
}
