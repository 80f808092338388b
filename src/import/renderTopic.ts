import { parseDocument, stringify } from 'yaml';
import type { Breakdown, BreakdownBlock, BreakdownCode, BreakdownSection } from '../knowledge/breakdown.js';

export interface TopicMeta {
  title: string;
  language: string | undefined;
  /** Write `title` into the input's own front matter too (`--title`); else that is kept as written. */
  replaceTitle?: boolean;
}

/**
 * Writes a breakdown in the canonical knowledge format: front matter (the input's own, as written, or
 * `title:` and `language:`), the intro, then one `- **Title**:` item a section with its points as
 * sub-bullets and its code fenced inside the item, in the order written. A last section that is only
 * code (`**Example**:`) stays a bare block after the list.
 */
export function renderTopic(breakdown: Breakdown, meta: TopicMeta): string {
  const yaml = breakdown.frontMatter
    ? meta.replaceTitle
      ? withTitle(breakdown.frontMatter.yaml, meta.title)
      : breakdown.frontMatter.yaml
    : stringify(meta.language ? { title: meta.title, language: meta.language } : { title: meta.title });
  const parts = [`---\n${yaml.replace(/\n$/, '')}\n---`];
  if (breakdown.intro.length > 0) parts.push(breakdown.intro.map((p) => p.markdown).join('\n\n'));
  const { sections } = breakdown;
  const last = sections[sections.length - 1];
  const bare = last && isBareBlock(last) ? last : undefined;
  for (const section of sections) parts.push(section === bare ? renderBare(section) : renderItem(section));
  return `${parts.join('\n\n')}\n`;
}

/** The front matter with its `title:` set, everything else kept as written. */
function withTitle(yaml: string, title: string): string {
  const doc = parseDocument(yaml);
  doc.set('title', title);
  return doc.toString();
}

/** Only code, maybe after one line of text: `**Example**:` and its fences read best outside the list. */
function isBareBlock(section: BreakdownSection): boolean {
  const [first, ...rest] = section.blocks;
  const code = first?.kind === 'point' && first.depth === 0 ? rest : section.blocks;
  return (
    (section.standalone || /^example\b/i.test(section.title)) &&
    code.length > 0 &&
    code.every((b) => b.kind === 'code')
  );
}

function renderBare(section: BreakdownSection): string {
  const [first, ...rest] = section.blocks;
  const inline = first?.kind === 'point' ? ` ${first.markdown}` : '';
  const code = first?.kind === 'point' ? rest : section.blocks;
  return [`**${section.titleMarkdown}**:${inline}`, ...code.filter(isCode).map((c) => fence(c, ''))].join(
    '\n',
  );
}

function renderItem(section: BreakdownSection): string {
  const lines = [`- **${section.titleMarkdown}**:`];
  let maxDepth = 0; // a point can be at most one level under the one before it, and at the top after code
  for (const block of section.blocks) {
    if (block.kind === 'code') {
      lines.push(fence(block, '  '));
      maxDepth = 0;
    } else {
      const depth = Math.min(block.depth, maxDepth);
      lines.push(`${'  '.repeat(depth + 1)}- ${block.markdown}`);
      maxDepth = depth + 1;
    }
  }
  return lines.join('\n');
}

function isCode(block: BreakdownBlock): block is BreakdownCode {
  return block.kind === 'code';
}

function fence(block: BreakdownCode, indent: string): string {
  const info = [block.lang, block.meta].filter(Boolean).join(' ');
  const char = info.includes('`') ? '~' : '`';
  const longest = Math.max(
    0,
    ...(block.value.match(char === '`' ? /`+/g : /~+/g) ?? []).map((run) => run.length),
  );
  const marker = char.repeat(Math.max(3, longest + 1));
  const body = block.value === '' ? [] : block.value.split('\n');
  return [`${marker}${info}`, ...body, marker].map((line) => (line ? indent + line : '')).join('\n');
}
