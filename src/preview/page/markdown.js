/* global document */
/**
 * The Markdown Discord renders in messages and embeds, minimally: code blocks (with a language
 * label), bullet and numbered lists, headings, quotes, subtext, and inline bold, italics,
 * underline, strike-through, spoilers, inline code, masked links and mentions.
 * Builds DOM nodes only: every piece of text becomes a text node, so nothing is parsed as HTML.
 */

/** ```lang\ncode``` — the first line is a language only when it is a single word. */
const CODE_BLOCK = /```(?:([\w#+.-]+)\n|\n?)([\s\S]*?)```/g;

export function renderMarkdown(text, { mentionName = 'you' } = {}) {
  const root = document.createElement('div');
  root.className = 'md';
  let last = 0;
  for (const match of text.matchAll(CODE_BLOCK)) {
    appendLines(root, text.slice(last, match.index), mentionName);
    root.append(codeBlock(match[1] ?? '', match[2].replace(/\n$/, '')));
    last = match.index + match[0].length;
  }
  appendLines(root, text.slice(last), mentionName);
  return root;
}

export function renderInline(text, { mentionName = 'you' } = {}) {
  const span = document.createElement('span');
  appendInline(span, text, mentionName);
  return span;
}

function codeBlock(language, code) {
  const box = el('div', 'md-codeblock');
  if (language) box.append(el('div', 'md-codeblock-lang', language));
  const lines = el('code', language ? `language-${language}` : '');
  for (const [i, line] of code.split('\n').entries()) {
    if (i > 0) lines.append('\n');
    lines.append(codeLine(line));
  }
  box.append(el('pre', '', lines));
  return box;
}

/** One line of code; when too long it wraps (as in Discord) with its continuation indented under it. */
function codeLine(line) {
  const span = el('span', 'md-code-line', line);
  const indent = /^ */.exec(line)[0].length;
  if (indent > 0) {
    span.style.paddingLeft = `${indent + 4}ch`;
    span.style.textIndent = `-${indent + 4}ch`;
  }
  return span;
}

/** Text between code blocks, line by line; a newline right next to a code block is dropped. */
function appendLines(root, text, mentionName) {
  const trimmed = text.replace(/^\n/, '').replace(/\n$/, '');
  if (trimmed === '') return;
  /** Open lists, outermost first: { indent, list }. */
  let lists = [];
  for (const line of trimmed.split('\n')) {
    const bullet = /^(\s*)(?:[-*•]|(\d+)[.)])\s+(.*)$/.exec(line);
    if (bullet) {
      const item = el('li');
      appendInline(item, bullet[3], mentionName);
      lists = listFor(root, lists, bullet[1].length, bullet[2] !== undefined ? 'ol' : 'ul');
      lists.at(-1).list.append(item);
      continue;
    }
    lists = [];
    root.append(lineBlock(line, mentionName));
  }
}

/** The open lists after placing a bullet indented by `indent`: nested deeper, same level, or back out. */
function listFor(root, lists, indent, tag) {
  const open = lists.filter((entry) => entry.indent <= indent);
  const top = open.at(-1);
  if (top && top.indent === indent && top.list.tagName.toLowerCase() === tag) return open;
  const outer = top && top.indent < indent ? open : open.slice(0, -1);
  const list = el(tag, 'md-list');
  (outer.at(-1)?.list.lastElementChild ?? root).append(list);
  return [...outer, { indent, list }];
}

function lineBlock(line, mentionName) {
  const heading = /^(#{1,3})\s+(.*)$/.exec(line);
  if (heading) return inlineBlock(`md-h${heading[1].length}`, heading[2], mentionName);
  const subtext = /^-#\s+(.*)$/.exec(line);
  if (subtext) return inlineBlock('md-subtext', subtext[1], mentionName);
  const quote = /^>\s?(.*)$/.exec(line);
  if (quote) return inlineBlock('md-quote', quote[1], mentionName);
  if (line.trim() === '') return el('div', 'md-blank');
  return inlineBlock('md-line', line, mentionName);
}

function inlineBlock(className, text, mentionName) {
  const block = el('div', className);
  appendInline(block, text, mentionName);
  return block;
}

/** Inline spans, by delimiter: [markdown, element, class]. Longer delimiters first. */
const SPANS = [
  ['**', 'strong', ''],
  ['__', 'u', ''],
  ['~~', 's', ''],
  ['||', 'span', 'md-spoiler'],
  ['*', 'em', ''],
  ['_', 'em', ''],
];

function appendInline(parent, text, mentionName) {
  const codeSpans = findCodeSpans(text);
  let buffer = '';
  const flush = () => {
    if (buffer) parent.append(buffer);
    buffer = '';
  };
  let i = 0;
  outer: while (i < text.length) {
    const rest = text.slice(i);
    const escaped = /^\\([\\`*_~|[\]()<>#-])/.exec(rest);
    if (escaped) {
      buffer += escaped[1];
      i += 2;
      continue;
    }
    if (rest[0] === '`') {
      const ticks = /^`+/.exec(rest)[0];
      const end = text.indexOf(ticks, i + ticks.length);
      if (end > i + ticks.length) {
        flush();
        parent.append(el('code', 'md-code', text.slice(i + ticks.length, end)));
        i = end + ticks.length;
        continue;
      }
      buffer += ticks;
      i += ticks.length;
      continue;
    }
    for (const [delimiter, tag, className] of SPANS) {
      if (!rest.startsWith(delimiter)) continue;
      const end = closingDelimiter(text, delimiter, i + delimiter.length, codeSpans);
      if (end < 0) continue;
      flush();
      const node = el(tag, className);
      appendInline(node, text.slice(i + delimiter.length, end), mentionName);
      parent.append(node);
      i = end + delimiter.length;
      continue outer;
    }
    const special = inlineSpecial(rest, mentionName);
    if (special) {
      flush();
      parent.append(special.node);
      i += special.length;
      continue;
    }
    buffer += rest[0];
    i += 1;
  }
  flush();
}

/** [start, end) of each `inline code` span: code binds tighter than any other span. */
function findCodeSpans(text) {
  const spans = [];
  for (let i = text.indexOf('`'); i >= 0; i = text.indexOf('`', i)) {
    const ticks = /^`+/.exec(text.slice(i))[0];
    const end = text.indexOf(ticks, i + ticks.length);
    if (end <= i + ticks.length) {
      i += ticks.length;
      continue;
    }
    spans.push([i, end + ticks.length]);
    i = end + ticks.length;
  }
  return spans;
}

/** Index of the delimiter closing a span opened just before `from` (never inside inline code), or -1. */
function closingDelimiter(text, delimiter, from, codeSpans) {
  if (from >= text.length || /\s/.test(text[from])) return -1;
  const opening = from - delimiter.length;
  const wordy = delimiter === '_';
  if (wordy && opening > 0 && /\w/.test(text[opening - 1])) return -1;
  let at = text.indexOf(delimiter, from + 1);
  while (at >= 0) {
    const single = delimiter.length === 1;
    const doubled = single && (text[at + 1] === delimiter || text[at - 1] === delimiter);
    const spaced = /\s/.test(text[at - 1]);
    const glued = wordy && at + 1 < text.length && /\w/.test(text[at + 1]);
    const inCode = codeSpans.some(([start, end]) => at >= start && at < end);
    if (!doubled && !spaced && !glued && !inCode) return at;
    at = text.indexOf(delimiter, at + 1);
  }
  return -1;
}

/** A link that opens in a new tab and tells the target nothing about this page. */
function externalLink(text, href) {
  const anchor = el('a', 'md-link', text);
  anchor.href = href;
  anchor.rel = 'noopener noreferrer';
  anchor.target = '_blank';
  return anchor;
}

function inlineSpecial(rest, mentionName) {
  const link = /^\[([^\]\n]+)\]\(<?(https?:\/\/[^\s)>]+)>?\)/.exec(rest);
  if (link) return { node: externalLink(link[1], link[2]), length: link[0].length };
  const url = /^https?:\/\/[^\s<]+[^\s<.,:;"')\]]/.exec(rest);
  if (url) return { node: externalLink(url[0], url[0]), length: url[0].length };
  const user = /^<@!?\d+>/.exec(rest);
  if (user) return { node: el('span', 'md-mention', `@${mentionName}`), length: user[0].length };
  const channel = /^<#\d+>/.exec(rest);
  if (channel) return { node: el('span', 'md-mention', '#channel'), length: channel[0].length };
  const command = /^<\/([\w -]+):\d+>/.exec(rest);
  if (command) return { node: el('span', 'md-mention', `/${command[1]}`), length: command[0].length };
  const emoji = /^<a?:(\w+):\d+>/.exec(rest);
  if (emoji) return { node: el('span', 'md-emoji', `:${emoji[1]}:`), length: emoji[0].length };
  const time = /^<t:(-?\d+)(?::[tTdDfFR])?>/.exec(rest);
  if (time) {
    const date = new Date(Number(time[1]) * 1000);
    return { node: el('span', 'md-time', date.toLocaleString()), length: time[0].length };
  }
  return null;
}

/** An element with a class and text or element children (text is always a text node). */
export function el(tag, className = '', ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}
