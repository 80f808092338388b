import { Parser, type Node } from 'commonmark';
import type { Block, Inline, ListItem } from './blocks.js';

export interface MarkdownDocument {
  /** The text the offsets refer to: the input without a BOM, with `\n` line ends. */
  text: string;
  /** YAML front matter (`---` lines at the very top), if any. */
  frontMatter: { yaml: string; /** 1-based line of the YAML's first line. */ line: number } | undefined;
  blocks: Block[];
}

const FRONT_MATTER = /^---[ \t]*\n((?:.*\n)*?)---[ \t]*(?:\n|$)/;

/**
 * Parses Markdown into located blocks with the CommonMark reference parser, which runs in linear time
 * (a megabyte in a few hundred milliseconds, whatever its shape). Front matter is cut out first and its
 * lines left blank, so every line number still points into the file as written.
 */
export function readMarkdown(source: string): MarkdownDocument {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const found = FRONT_MATTER.exec(text);
  const body = found ? found[0].replace(/[^\n]/g, '') + text.slice(found[0].length) : text;
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const reader = new BlockReader(text, lineStarts);
  const root = new Parser().parse(body);
  return {
    text,
    frontMatter: found ? { yaml: found[1] ?? '', line: 2 } : undefined,
    blocks: reader.children(root),
  };
}

class BlockReader {
  constructor(
    private readonly text: string,
    private readonly lineStarts: number[],
  ) {}

  children(parent: Node): Block[] {
    const blocks: Block[] = [];
    for (let node = parent.firstChild; node; node = node.next) {
      const block = this.block(node);
      if (block) blocks.push(block);
    }
    return blocks;
  }

  private block(node: Node): Block | undefined {
    const [[line, column], [endLine, endColumn]] = node.sourcepos;
    const start = this.offset(line, column);
    const end = Math.max(start, this.offset(endLine, endColumn + 1));
    const at = { start, end, line };
    switch (node.type) {
      case 'paragraph':
        return { type: 'paragraph', ...at, inline: inlineOf(node) };
      case 'heading': {
        const [contentStart, contentEnd] = this.headingContent(start, end);
        return { type: 'heading', ...at, depth: node.level, inline: inlineOf(node), contentStart, contentEnd };
      }
      case 'list': {
        const items: ListItem[] = [];
        for (let item = node.firstChild; item; item = item.next) {
          const [[l, c], [el, ec]] = item.sourcepos;
          const s = this.offset(l, c);
          items.push({ start: s, end: Math.max(s, this.offset(el, ec + 1)), line: l, children: this.children(item) });
        }
        return { type: 'list', ...at, ordered: node.listType === 'ordered', items };
      }
      case 'code_block': {
        const info = (node.info ?? '').trim();
        const space = info.search(/\s/);
        const lang = (space === -1 ? info : info.slice(0, space)) || undefined;
        const meta = space === -1 ? undefined : info.slice(space).trim() || undefined;
        return { type: 'code', ...at, lang, meta, value: (node.literal ?? '').replace(/\n$/, '') };
      }
      case 'block_quote':
        return { type: 'blockquote', ...at, children: this.children(node) };
      case 'thematic_break':
        return { type: 'thematicBreak', ...at };
      case 'html_block':
        return { type: 'html', ...at };
      default:
        return undefined;
    }
  }

  /** Offset of a 1-based line and column (a column past the line's end is its end). */
  private offset(line: number, column: number): number {
    const lineStart = this.lineStarts[line - 1] ?? this.text.length;
    const next = this.lineStarts[line];
    const lineEnd = next === undefined ? this.text.length : next - 1;
    return Math.min(lineStart + column - 1, lineEnd);
  }

  /** The heading's own text: `## Title ##` -> `Title`; a setext heading's lines without the underline. */
  private headingContent(start: number, end: number): [number, number] {
    const source = this.text.slice(start, end);
    const newline = source.lastIndexOf('\n');
    if (newline !== -1) return [start, start + source.slice(0, newline).trimEnd().length]; // setext
    const open = /^ {0,3}#{1,6}(?:[ \t]+|$)/.exec(source)?.[0].length ?? 0;
    const content = source.slice(open).replace(/(?:^|[ \t]+)#+[ \t]*$/, '').trimEnd();
    return [start + open, start + open + content.length];
  }
}

function inlineOf(parent: Node): Inline[] {
  const out: Inline[] = [];
  for (let node = parent.firstChild; node; node = node.next) {
    switch (node.type) {
      case 'text':
        out.push({ type: 'text', value: node.literal ?? '' });
        break;
      case 'code':
        out.push({ type: 'code', value: node.literal ?? '' });
        break;
      case 'html_inline':
        out.push({ type: 'html', value: node.literal ?? '' });
        break;
      case 'softbreak':
      case 'linebreak':
        out.push({ type: 'break' });
        break;
      case 'strong':
        out.push({ type: 'strong', children: inlineOf(node) });
        break;
      case 'emph':
        out.push({ type: 'emphasis', children: inlineOf(node) });
        break;
      case 'link':
      case 'image':
        out.push({ type: 'link', children: inlineOf(node) });
        break;
      default:
        break;
    }
  }
  return out;
}
