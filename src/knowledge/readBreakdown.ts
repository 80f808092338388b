import type { Breakdown, BreakdownParagraph, BreakdownSection, DroppedText } from './breakdown.js';
import { exampleTitle, isCloser, stripInterjection } from './breakdownChatter.js';
import { plainText, type Block, type Heading, type List, type ListItem, type Paragraph } from './markdown/blocks.js';
import { readMarkdown } from './markdown/readMarkdown.js';
import { oneLine } from './oneLine.js';
import { slugify } from './slug.js';

/**
 * Reads a breakdown in any of the shapes LLMs write into one model: bulleted or numbered items with bold
 * titles (sub-bullets or inline text), headings of any level as titles (a lone top heading titles the
 * whole text; a heading with nothing of its own under it only groups the next ones), plain `Title: text`
 * lines, code inside or between items, a final example block, chatter before and after. Every point keeps
 * the Markdown it was written with. Linear in the text's length. Returns no sections when nothing in the
 * text is one; the caller says what that means.
 */
export function readBreakdown(source: string): Breakdown {
  const doc = readMarkdown(source);
  const reader = new BreakdownReader(doc.text, doc.blocks);
  doc.blocks.forEach((block, i) => reader.read(block, i, doc.blocks[i + 1]));
  return reader.finish(doc.frontMatter);
}

/** What a reader without sections should say about the text (for an import's error message). */
export function whyNoSections(source: string): string {
  const { blocks } = readMarkdown(source);
  return blocks.some((b) => b.type === 'list' || b.type === 'heading')
    ? 'no sections: the list items have no titles (expected "- **Title**: point" or "### Title" headings)'
    : 'no list items or headings: nothing to split into sections (expected a breakdown such as "- **Purpose**: ...")';
}

interface ItemTitle {
  section: BreakdownSection;
  /** Text after the title on the same line (`- **Title**: text`), a point of its own. */
  inline: string;
}

/** How the text marks its sections, decided once from its top-level blocks. */
interface Shape {
  /** Index of the heading that titles the whole text. */
  titleHeading: number | undefined;
  /** Headings that only group what follows (nothing of their own, or a list of titled items under them). */
  groupHeadings: Set<number>;
  /** No bold titles or headings anywhere: `Title: text` paragraphs start the sections. */
  labelParagraphs: boolean;
}

class BreakdownReader {
  private heading: string | undefined;
  private readonly intro: BreakdownParagraph[] = [];
  private readonly sections: BreakdownSection[] = [];
  private readonly dropped: DroppedText[] = [];
  private readonly shape: Shape;
  /** The open section was started by a heading: lists and bold paragraphs under it are its content. */
  private underHeading = false;
  /** Where the last thematic break stood: sections so far and blocks of the last one. */
  private lastRule: { sections: number; blocks: number } | undefined;

  constructor(
    private readonly source: string,
    blocks: readonly Block[],
  ) {
    this.shape = this.readShape(blocks);
  }

  read(block: Block, index: number, next: Block | undefined): void {
    switch (block.type) {
      case 'heading':
        return this.readHeading(block, index);
      case 'list':
        return this.underHeading ? this.readContentList(block) : this.readList(block);
      case 'code':
        this.current().blocks.push({ kind: 'code', lang: block.lang, meta: block.meta, value: block.value, line: block.line });
        return;
      case 'paragraph':
        return this.readParagraph(block, next);
      case 'blockquote':
        if (this.sections.length === 0) this.addIntro(this.slice(block), plainOfBlocks(block.children), block.line);
        else this.addPoint(this.current(), oneLine(this.slice(block)), 0, true, block.line);
        return;
      case 'thematicBreak':
        this.lastRule = { sections: this.sections.length, blocks: this.lastSection()?.blocks.length ?? 0 };
        return;
      default: // HTML and the like: no content of a breakdown
        return;
    }
  }

  finish(frontMatter: Breakdown['frontMatter']): Breakdown {
    const last = this.lastSection();
    if (last) {
      // After a rule that follows the last section, loose paragraphs are the sign-off ("In short… Happy coding!").
      if (this.lastRule && this.lastRule.sections === this.sections.length && this.lastRule.sections > 0) {
        const kept = last.blocks.slice(0, this.lastRule.blocks);
        for (const block of last.blocks.slice(this.lastRule.blocks)) {
          if (block.kind === 'point' && block.loose) this.drop('closing chatter', block.markdown, block.line);
          else kept.push(block);
        }
        last.blocks = kept;
      }
      // "Hope this helps!", "Let me know if…": closing chatter after the last section is dropped.
      while (true) {
        const block = last.blocks[last.blocks.length - 1];
        if (block?.kind !== 'point' || !block.loose || !isCloser(plain(block.markdown))) break;
        last.blocks.pop();
        this.drop('closing chatter', block.markdown, block.line);
      }
    }
    const sections = this.sections.some((s) => !s.synthetic) ? this.sections : [];
    return { frontMatter, heading: this.heading, intro: this.intro, sections, dropped: this.dropped };
  }

  private readShape(blocks: readonly Block[]): Shape {
    const headings = blocks.flatMap((b, i) => (b.type === 'heading' ? [{ block: b, index: i }] : []));
    const ownContent = (i: number) => {
      for (let k = i + 1; k < blocks.length; k++) {
        const type = blocks[k]!.type;
        if (type === 'heading') return false;
        if (type !== 'thematicBreak' && type !== 'html') return true;
      }
      return false;
    };
    const firstSection = blocks.findIndex(
      (b) =>
        b.type === 'code' ||
        (b.type === 'list' && b.items.some((item) => this.itemTitle(item))) ||
        (b.type === 'paragraph' && startsWithStrong(b)),
    );

    let titleHeading: number | undefined;
    const minDepth = Math.min(...headings.map((h) => h.block.depth));
    const top = headings.filter((h) => h.block.depth === minDepth);
    const candidate = top.length === 1 ? top[0]! : undefined;
    // The lone top heading titles the text when it comes before any section and is a `#`, stands over
    // deeper headings, or opens the text.
    const opensText = candidate !== undefined && blocks.slice(0, candidate.index).every((b) => b.type === 'thematicBreak' || b.type === 'html');
    if (
      candidate &&
      (firstSection === -1 || candidate.index < firstSection) &&
      (candidate.block.depth === 1 || opensText || headings.some((h) => h.block.depth > candidate.block.depth))
    ) {
      titleHeading = candidate.index;
    }

    // A heading over a list of titled items labels a group when every heading of its depth does so.
    const leadsTitledList = (i: number) => {
      const next = blocks[i + 1];
      const heading = blocks[i] as Heading;
      return (
        !/^\s*\d+[.)]/.test(plainText(heading.inline)) &&
        next?.type === 'list' &&
        next.items.length >= 2 &&
        next.items.every((item) => this.itemTitle(item))
      );
    };
    // Decided once a depth, so that a text of thousands of headings stays linear.
    const depthLeadsLists = new Map<number, boolean>();
    for (const { block, index } of headings) {
      if (index === titleHeading) continue;
      depthLeadsLists.set(block.depth, (depthLeadsLists.get(block.depth) ?? true) && leadsTitledList(index));
    }
    const groupHeadings = new Set<number>();
    for (const { block, index } of headings) {
      if (index === titleHeading) continue;
      if (!ownContent(index) || depthLeadsLists.get(block.depth)) groupHeadings.add(index);
    }

    const titledMarkup = blocks.some(
      (b) => b.type === 'heading' || (b.type === 'list' && b.items.some((item) => this.itemTitle(item))) || (b.type === 'paragraph' && startsWithStrong(b)),
    );
    const labels = blocks.filter((b) => b.type === 'paragraph' && this.labelTitle(b)).length;
    const labelParagraphs = !titledMarkup && labels >= 2;
    return { titleHeading, groupHeadings, labelParagraphs };
  }

  private readHeading(node: Heading, index: number): void {
    if (index === this.shape.titleHeading) {
      this.heading = cleanTitle(plainText(node.inline));
      return;
    }
    if (this.shape.groupHeadings.has(index)) {
      this.underHeading = false;
      if (this.sections.length > 0 || this.intro.length > 0) this.drop('group heading', plainText(node.inline), node.line);
      return;
    }
    const section = this.titleSection(this.headingMarkdown(node), plainText(node.inline), node.line, true);
    if (section) {
      this.sections.push(section);
      this.underHeading = true;
    } else if (this.sections.length === 0) this.addIntro(this.slice(node), plainText(node.inline), node.line);
  }

  /** Items of a list in a section opened by a heading: its points, bold titles kept as written. */
  private readContentList(list: List): void {
    const section = this.current();
    for (const item of list.items) this.readItemContent(item.children, section, 0, 1);
  }

  private readList(list: List): void {
    const titles = list.items.map((item) => this.itemTitle(item));
    const anyTitled = titles.some(Boolean);
    // A plain `1. Purpose: text` list, no bold anywhere and no section yet, has its titles before the colons.
    const labels = !anyTitled && !this.lastSection() ? list.items.map((item) => this.labelItemTitle(item)) : [];
    const labelled = labels.length > 0 && labels.every(Boolean);
    // In a list most of whose items are `**Title**:` sections, a bold-led sibling is a section too.
    const separated = list.items.filter((item, i) => titles[i] && this.titleSeparated(item)).length;
    const siblingsAreSections = separated >= 2 && separated * 2 >= list.items.length;
    list.items.forEach((item, i) => {
      const bold = titles[i];
      // A bold phrase that is no title (`- **Never** block on async code`) is a point once a section is open.
      const title =
        bold && (this.titleSeparated(item) || !this.lastSection() || siblingsAreSections)
          ? bold
          : labelled
            ? labels[i]
            : undefined;
      if (title) {
        this.sections.push(title.section);
        if (title.inline) this.addPoint(title.section, escapeBlockStart(title.inline), 0, false, item.line);
        this.readItemContent(item.children.slice(1), title.section, 0, 0);
      } else {
        this.readItemContent(item.children, this.current(), 0, 1);
      }
    });
  }

  private readParagraph(node: Paragraph, next: Block | undefined): void {
    const text = plainText(node.inline);
    const open = this.lastSection();
    if (open && (this.underHeading || isCloser(text))) {
      this.addPoint(open, oneLine(this.slice(node)), 0, true, node.line);
      return;
    }
    // As in the knowledge format, a paragraph that starts with a bold phrase starts a section (`**Example**:`).
    const titled = this.paragraphTitle(node, true) ?? (this.shape.labelParagraphs ? this.labelTitle(node) : undefined);
    if (titled) {
      this.underHeading = false;
      this.sections.push(titled.section);
      if (titled.inline) this.addPoint(titled.section, escapeBlockStart(titled.inline), 0, false, node.line);
      return;
    }
    const example = next?.type === 'code' ? exampleTitle(text) : undefined;
    if (example) {
      this.sections.push(newSection(example, example, node.line, true));
      return;
    }
    if (!open) {
      this.addIntro(this.slice(node), text, node.line);
      return;
    }
    this.addPoint(open, oneLine(this.slice(node)), 0, true, node.line);
  }

  private addIntro(markdown: string, text: string, line: number): void {
    if (this.intro.length === 0) {
      const rest = stripInterjection(markdown);
      if (rest !== markdown) {
        this.drop('intro chatter', markdown.slice(0, markdown.length - rest.length), line);
        if (!rest.trim()) return;
        this.intro.push({ markdown: rest, text: plain(rest), line });
        return;
      }
    }
    this.intro.push({ markdown, text, line });
  }

  /**
   * The content of a list item: paragraphs become points at `depth`, nested list items points at
   * `listDepth` (and deeper), code blocks the section's code, in the order written.
   */
  private readItemContent(children: readonly Block[], section: BreakdownSection, depth: number, listDepth: number): void {
    for (const child of children) {
      switch (child.type) {
        case 'paragraph':
        case 'blockquote':
          this.addPoint(section, oneLine(this.slice(child)), depth, false, child.line);
          break;
        case 'heading':
          this.addPoint(section, `**${this.headingMarkdown(child)}**`, depth, false, child.line);
          break;
        case 'code':
          section.blocks.push({ kind: 'code', lang: child.lang, meta: child.meta, value: child.value, line: child.line });
          break;
        case 'list':
          for (const item of child.items) this.readItemContent(item.children, section, listDepth, listDepth + 1);
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
    const strong = leadingStrong(paragraph, this.source);
    if (!strong) return undefined;
    const section = this.titleSection(strong.markdown, strong.text, paragraph.line, standalone);
    if (!section) return undefined;
    const after = this.source.slice(strong.end, paragraph.end);
    return { section, inline: oneLine(after.replace(/^\s*(?::|[-–—.](?=\s|$))?/, '')) };
  }

  /** Whether an item's bold phrase is set off as a title (`**T**:`, `**T:**`, `**T** –`, alone on its line). */
  private titleSeparated(item: ListItem): boolean {
    const head = item.children[0] as Paragraph;
    const strong = leadingStrong(head, this.source)!;
    const after = this.source.slice(strong.end, head.end);
    return /^[ \t]*(?::|[-–—.](?=\s|$)|\n|$)/.test(after) || /[:.]$/.test(strong.text.trim());
  }

  /** `Purpose: text` in a list without bold: the words before the colon are the title. */
  private labelItemTitle(item: ListItem): ItemTitle | undefined {
    const head = item.children[0];
    return head?.type === 'paragraph' ? this.labelTitle(head) : undefined;
  }

  /** `Purpose: text` or `Purpose:` alone: a short label before a colon at the start of a paragraph. */
  private labelTitle(paragraph: Paragraph): ItemTitle | undefined {
    if (paragraph.inline[0]?.type !== 'text') return undefined;
    const source = this.source.slice(paragraph.start, paragraph.end);
    const found = /^([^:\n.!?`*_[\]]{1,48}):(?:[ \t]|\n|$)/.exec(source);
    if (!found || found[1]!.trim().split(/\s+/).length > 6) return undefined;
    const label = cleanTitle(found[1]!);
    if (!slugify(label) || INTRO_LIKE.test(label)) return undefined;
    return {
      section: newSection(label, label, paragraph.line, true),
      inline: oneLine(source.slice(found[0].length)),
    };
  }

  private titleSection(titleMarkdown: string, titleText: string, line: number, standalone: boolean): BreakdownSection | undefined {
    const markdown = cleanTitle(titleMarkdown);
    const title = cleanTitle(titleText);
    if (!slugify(title) || !markdown) return undefined;
    return newSection(title, markdown, line, standalone);
  }

  /** A heading's text as Markdown, bold markers dropped (a title is rendered inside `**…**`). */
  private headingMarkdown(node: Heading): string {
    return oneLine(unbold(this.source.slice(node.contentStart, node.contentEnd)));
  }

  private addPoint(section: BreakdownSection, markdown: string, depth: number, loose: boolean, line: number): void {
    if (markdown) section.blocks.push({ kind: 'point', markdown, depth, loose, line });
  }

  private drop(kind: DroppedText['kind'], markdown: string, line: number): void {
    const text = oneLine(plain(markdown));
    if (text) this.dropped.push({ kind, text, line });
  }

  private lastSection(): BreakdownSection | undefined {
    return this.sections[this.sections.length - 1];
  }

  /** The open section; content before the first titled one goes to an "Overview" section. */
  private current(): BreakdownSection {
    const open = this.lastSection();
    if (open) return open;
    const overview = { ...newSection('Overview', 'Overview', 1, false), synthetic: true };
    this.sections.push(overview);
    return overview;
  }

  private slice(node: { start: number; end: number }): string {
    return this.source.slice(node.start, node.end);
  }
}

/** Labels that open an intro or a sign-off rather than a section (`Here is a breakdown of X:`). */
const INTRO_LIKE = /^(?:here|below|sure|okay|ok|so|note|in short|in summary|to summarize|summary of|this is|let's|let us)\b|\b(?:breakdown|overview|rundown)\b/i;

function newSection(title: string, titleMarkdown: string, line: number, standalone: boolean): BreakdownSection {
  return { title, titleMarkdown, line, blocks: [], standalone, synthetic: false };
}

function startsWithStrong(paragraph: Paragraph): boolean {
  const first = paragraph.inline[0];
  return first?.type === 'strong' && plainText(first.children).trim().length > 0;
}

/**
 * The bold phrase a paragraph starts with: its Markdown between the markers, its plain text, and where
 * it ends in the source. Found by scanning for the closing marker, skipping code spans and escapes.
 */
function leadingStrong(
  paragraph: Paragraph,
  source: string,
): { markdown: string; text: string; end: number } | undefined {
  const first = paragraph.inline[0];
  if (first?.type !== 'strong' || !startsWithStrong(paragraph)) return undefined;
  const marker = source.slice(paragraph.start, paragraph.start + 2);
  if (marker !== '**' && marker !== '__') return undefined;
  const text = plainText(first.children);
  let i = paragraph.start + 2;
  while (i < paragraph.end) {
    const char = source[i]!;
    if (char === '\\') {
      i += 2;
      continue;
    }
    if (char === '`') {
      const run = /^`+/.exec(source.slice(i, i + 64))![0];
      const close = source.slice(i + run.length, paragraph.end).indexOf(run); // within the paragraph only
      if (close !== -1) {
        i += run.length + close + run.length;
        continue;
      }
    }
    if (source.startsWith(marker, i) && !/\s/.test(source[i - 1]!) && source[i + 2] !== marker[0]) {
      return { markdown: source.slice(paragraph.start + 2, i), text, end: i + 2 };
    }
    i += 1;
  }
  return undefined;
}

/** Bold markers dropped from Markdown outside code spans (`**Purpose**` -> `Purpose`). */
function unbold(markdown: string): string {
  return markdown.replace(/(`+)[\s\S]*?\1|\*\*|__/g, (match) => (match.startsWith('`') ? match : ''));
}

function plainOfBlocks(blocks: readonly Block[]): string {
  return blocks
    .map((b) => (b.type === 'paragraph' || b.type === 'heading' ? plainText(b.inline) : ''))
    .filter(Boolean)
    .join('\n');
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

/** Plain text of one line of Markdown (a point), by the same parser. */
function plain(markdown: string): string {
  return readMarkdown(markdown)
    .blocks.map((b) => (b.type === 'paragraph' || b.type === 'heading' ? plainText(b.inline) : ''))
    .join(' ');
}
