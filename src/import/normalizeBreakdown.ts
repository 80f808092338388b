import type { Code, Heading, List, ListItem, Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { toString } from 'mdast-util-to-string';
import { frontmatter } from 'micromark-extension-frontmatter';
import { slugify } from '../knowledge/slug.js';
import type { Breakdown, BreakdownSection } from './breakdown.js';
import { exampleTitle, isCloser, stripInterjection } from './chatter.js';
import { ImportError } from './ImportError.js';
import { oneLine } from '../knowledge/oneLine.js';

/**
 * Reads a breakdown in any of the shapes LLMs write (bulleted or numbered items, bold titles with
 * sub-bullets or inline text, headings as titles, code inside or between items, a final example block,
 * chatter around it) into one model. Structure comes from the Markdown parser; every point keeps the
 * Markdown it was written with. Throws an `ImportError` when nothing in the text is a section.
 */
export function normalizeBreakdown(markdown: string): Breakdown {
  const tree = fromMarkdown(markdown, {
    extensions: [frontmatter(['yaml'])],
    mdastExtensions: [frontmatterFromMarkdown(['yaml'])],
  });
  const reader = new BreakdownReader(markdown);
  const nodes = tree.children;
  const topHeadings = nodes.filter((n) => n.type === 'heading' && n.depth === 1).length;
  nodes.forEach((node, i) => reader.read(node, nodes[i + 1], topHeadings));
  return reader.finish(nodes);
}

interface ItemTitle {
  section: BreakdownSection;
  /** Text after the title on the same line (`- **Title**: text`), a point of its own. */
  inline: string;
}

class BreakdownReader {
  private frontMatter: string | undefined;
  private heading: string | undefined;
  private readonly intro: string[] = [];
  private readonly sections: BreakdownSection[] = [];

  constructor(private readonly source: string) {}

  read(node: RootContent, next: RootContent | undefined, topHeadings: number): void {
    switch (node.type) {
      case 'yaml':
        this.frontMatter ??= node.value;
        return;
      case 'heading':
        return this.readHeading(node, next, topHeadings);
      case 'list':
        return this.readList(node);
      case 'code':
        this.current().blocks.push(codeBlock(node));
        return;
      case 'paragraph':
        return this.readParagraph(node, next);
      case 'blockquote':
        if (this.sections.length === 0) this.intro.push(this.slice(node));
        else this.addPoint(this.current(), oneLine(this.slice(node)), 0, true);
        return;
      default: // thematic breaks, HTML, link definitions: no content of a breakdown
        return;
    }
  }

  finish(nodes: RootContent[]): Breakdown {
    const last = this.sections[this.sections.length - 1];
    if (last) {
      // "Hope this helps!", "Let me know if…": closing chatter after the last section is dropped.
      while (true) {
        const block = last.blocks[last.blocks.length - 1];
        if (block?.kind !== 'point' || !block.loose || !isCloser(plain(block.markdown))) break;
        last.blocks.pop();
      }
    }
    if (!this.sections.some((s) => !s.synthetic)) {
      const hasItems = nodes.some((n) => n.type === 'list' || n.type === 'heading');
      throw new ImportError(
        hasItems
          ? 'no sections: the list items have no titles (expected "- **Title**: point" or "### Title" headings)'
          : 'no list items or headings: nothing to split into sections (expected a breakdown such as "- **Purpose**: ...")',
      );
    }
    return {
      frontMatter: this.frontMatter,
      heading: this.heading,
      intro: this.intro,
      sections: uniqueTitles(this.sections),
    };
  }

  private readHeading(node: Heading, next: RootContent | undefined, topHeadings: number): void {
    const empty = this.sections.length === 0 && this.intro.length === 0;
    if (node.depth === 1 && topHeadings === 1 && empty && this.heading === undefined) {
      this.heading = cleanTitle(toString(node));
      return;
    }
    // `## Core ideas` over a list of titled items is a group label: the items are the sections.
    const numbered = /^\s*\d+[.)]/.test(toString(node));
    if (
      !numbered &&
      next?.type === 'list' &&
      next.children.length >= 2 &&
      next.children.every((i) => this.itemTitle(i))
    ) {
      return;
    }
    const section = this.titleSection(node.children, true);
    if (section) this.sections.push(section);
    else if (this.sections.length === 0) this.intro.push(this.slice(node));
  }

  private readList(list: List): void {
    const titles = list.children.map((item) => this.itemTitle(item));
    const anyTitled = titles.some(Boolean);
    // A plain `1. Purpose: text` list, no bold anywhere and no section yet, has its titles before the colons.
    const labels =
      !anyTitled && !this.lastSection() ? list.children.map((item) => this.labelTitle(item)) : [];
    const labelled = labels.length > 0 && labels.every(Boolean);
    // In a list most of whose items are `**Title**:` sections, a bold-led sibling is a section too.
    const separated = list.children.filter(
      (item, i) => titles[i] && titleSeparated(item, this.source),
    ).length;
    const siblingsAreSections = separated >= 2 && separated * 2 >= list.children.length;
    list.children.forEach((item, i) => {
      const bold = titles[i];
      // A bold phrase that is no title (`- **Never** block on async code`) is a point once a section is open.
      const title =
        bold && (titleSeparated(item, this.source) || !this.lastSection() || siblingsAreSections)
          ? bold
          : labelled
            ? labels[i]
            : undefined;
      if (title) {
        this.sections.push(title.section);
        if (title.inline) this.addPoint(title.section, escapeBlockStart(title.inline), 0, false);
        this.readItemContent(item.children.slice(1), title.section, 0, 0);
      } else {
        this.readItemContent(item.children, this.current(), 0, 1);
      }
    });
  }

  private readParagraph(node: Paragraph, next: RootContent | undefined): void {
    const text = toString(node);
    const open = this.lastSection();
    if (open && isCloser(text)) {
      this.addPoint(open, oneLine(this.slice(node)), 0, true);
      return;
    }
    // As in the knowledge format, a paragraph that starts with a bold phrase starts a section (`**Example**:`).
    const titled = this.paragraphTitle(node, true);
    if (titled) {
      this.sections.push(titled.section);
      if (titled.inline) this.addPoint(titled.section, escapeBlockStart(titled.inline), 0, false);
      return;
    }
    const example = next?.type === 'code' ? exampleTitle(text) : undefined;
    if (example) {
      this.sections.push(newSection(example, example, true));
      return;
    }
    if (!open) {
      const intro = stripInterjection(this.slice(node));
      if (intro.trim()) this.intro.push(intro);
      return;
    }
    this.addPoint(open, oneLine(this.slice(node)), 0, true);
  }

  /**
   * The content of a list item: paragraphs become points at `depth`, nested list items points at
   * `listDepth` (and deeper), code blocks the section's code, in the order written.
   */
  private readItemContent(
    children: RootContent[],
    section: BreakdownSection,
    depth: number,
    listDepth: number,
  ): void {
    for (const child of children) {
      switch (child.type) {
        case 'paragraph':
        case 'blockquote':
          this.addPoint(section, oneLine(this.slice(child)), depth, false);
          break;
        case 'heading':
          this.addPoint(section, `**${phrasingMarkdown(child.children, this.source)}**`, depth, false);
          break;
        case 'code':
          section.blocks.push(codeBlock(child));
          break;
        case 'list':
          for (const item of child.children)
            this.readItemContent(item.children, section, listDepth, listDepth + 1);
          break;
        default:
          break;
      }
    }
  }

  private itemTitle(item: ListItem): ItemTitle | undefined {
    const head = item.children[0];
    return head?.type === 'paragraph' ? this.paragraphTitle(head, false) : undefined;
  }

  /** `**Title**: text`, `**Title:** text`, `**1. Title** – text`: a section with its inline text. */
  private paragraphTitle(paragraph: Paragraph, standalone: boolean): ItemTitle | undefined {
    const strong = paragraph.children[0];
    if (strong?.type !== 'strong') return undefined;
    const section = this.titleSection(strong.children, standalone);
    if (!section) return undefined;
    const after = this.source.slice(strong.position!.end.offset, paragraph.position!.end.offset);
    return { section, inline: oneLine(after.replace(/^\s*(?::|[-–—.](?=\s|$))?/, '')) };
  }

  /** `Purpose: text` in a list without bold: the words before the colon are the title. */
  private labelTitle(item: ListItem): ItemTitle | undefined {
    const head = item.children[0];
    const first = head?.type === 'paragraph' ? head.children[0] : undefined;
    if (head?.type !== 'paragraph' || first?.type !== 'text') return undefined;
    const found = /^([^:\n.!?]{1,48}):(?:\s|$)/.exec(first.value);
    if (!found || found[1]!.trim().split(/\s+/).length > 6) return undefined;
    const label = cleanTitle(found[1]!);
    if (!slugify(label)) return undefined;
    const start = first.position!.start.offset! + found[0].length;
    return {
      section: newSection(label, label, false),
      inline: oneLine(this.source.slice(start, head.position!.end.offset)),
    };
  }

  private titleSection(children: PhrasingContent[], standalone: boolean): BreakdownSection | undefined {
    const titleMarkdown = cleanTitle(phrasingMarkdown(children, this.source));
    const title = cleanTitle(children.map((c) => toString(c)).join(''));
    if (!slugify(title) || !titleMarkdown) return undefined;
    return newSection(title, titleMarkdown, standalone);
  }

  private addPoint(section: BreakdownSection, markdown: string, depth: number, loose: boolean): void {
    if (markdown) section.blocks.push({ kind: 'point', markdown, depth, loose });
  }

  private lastSection(): BreakdownSection | undefined {
    return this.sections[this.sections.length - 1];
  }

  /** The open section; content before the first titled one goes to an "Overview" section. */
  private current(): BreakdownSection {
    const open = this.lastSection();
    if (open) return open;
    const overview = { ...newSection('Overview', 'Overview', false), synthetic: true };
    this.sections.push(overview);
    return overview;
  }

  private slice(node: Nodes): string {
    return this.source.slice(node.position!.start.offset, node.position!.end.offset);
  }
}

function newSection(title: string, titleMarkdown: string, standalone: boolean): BreakdownSection {
  return { title, titleMarkdown, blocks: [], standalone, synthetic: false };
}

/** Whether an item's bold phrase is set off as a title (`**T**:`, `**T:**`, `**T** –`, alone on its line). */
function titleSeparated(item: ListItem, source: string): boolean {
  const head = item.children[0] as Paragraph;
  const strong = head.children[0]!;
  const after = source.slice(strong.position!.end.offset, head.position!.end.offset);
  return /^[ \t]*(?::|[-–—.](?=\s|$)|\n|$)/.test(after) || /[:.]$/.test(toString(strong).trim());
}

/** Title Markdown with bold markers dropped (a title is rendered inside `**…**`), on one line. */
function phrasingMarkdown(children: PhrasingContent[], source: string): string {
  return oneLine(
    children
      .map((c) =>
        c.type === 'strong'
          ? phrasingMarkdown(c.children, source)
          : source.slice(c.position!.start.offset, c.position!.end.offset),
      )
      .join(''),
  );
}

/** `1. Purpose:` -> `Purpose`. */
function cleanTitle(title: string): string {
  return title
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\d{1,3}[.)]\s+/, '')
    .replace(/\s*[:.]$/, '')
    .trim();
}

function codeBlock(node: Code): BreakdownSection['blocks'][number] {
  return { kind: 'code', lang: node.lang ?? undefined, meta: node.meta ?? undefined, value: node.value };
}

/**
 * Text that followed a title on its line becomes a line of its own, where `2020. was…` or `- x` would
 * start a list: escape such a start so the point stays text.
 */
function escapeBlockStart(markdown: string): string {
  return markdown
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^([-*+]|#{1,6})(?=\s|$)/, '\\$1')
    .replace(/^(>|`{3}|~{3})/, '\\$1');
}

function plain(markdown: string): string {
  return toString(fromMarkdown(markdown));
}

/** Section ids must be unique: a second `Example` becomes `Example 2`. */
function uniqueTitles(sections: BreakdownSection[]): BreakdownSection[] {
  const seen = new Set<string>();
  return sections.map((section) => {
    let n = 1;
    let { title, titleMarkdown } = section;
    while (seen.has(slugify(title))) {
      n += 1;
      title = `${section.title} ${n}`;
      titleMarkdown = `${section.titleMarkdown} ${n}`;
    }
    seen.add(slugify(title));
    return { ...section, title, titleMarkdown };
  });
}
