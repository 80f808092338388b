/** A breakdown as the readers understand it, whatever shape the LLM wrote it in. */
export interface Breakdown {
  /** YAML front matter as written (without the `---` lines), and the file line of its first line. */
  frontMatter: { yaml: string; line: number } | undefined;
  /** Plain text of the heading that titles the whole text (a lone top heading), if there is one. */
  heading: string | undefined;
  /** Paragraphs before the first section. */
  intro: BreakdownParagraph[];
  sections: BreakdownSection[];
  /** Text read as no part of the breakdown (chatter around it, group headings), for the import summary. */
  dropped: DroppedText[];
}

export interface BreakdownParagraph {
  /** Markdown as written. */
  markdown: string;
  /** Plain text, for reading what it says. */
  text: string;
  line: number;
}

export interface DroppedText {
  kind: 'intro chatter' | 'closing chatter' | 'group heading';
  /** Plain text, on one line. */
  text: string;
  line: number;
}

export interface BreakdownSection {
  /** Plain-text title; its slug is the section id. */
  title: string;
  /** Title as Markdown, without the bold markers around it (`` `await` keyword ``). */
  titleMarkdown: string;
  /** 1-based line of the title. */
  line: number;
  /** Points and code in the order they were written. */
  blocks: BreakdownBlock[];
  /** Written outside a list (`**Example**:`, `## Example`, `Example:`), so it may stay a bare block at the end. */
  standalone: boolean;
  /** Made up by the reader to hold content found before the first titled section. */
  synthetic: boolean;
}

export type BreakdownBlock = BreakdownPoint | BreakdownCode;

export interface BreakdownPoint {
  kind: 'point';
  /** One line of Markdown. */
  markdown: string;
  /** 0 for a point of the section, 1 for a point under that point, and so on. */
  depth: number;
  /** A paragraph between or after sections rather than inside one: a candidate closing remark. */
  loose: boolean;
  line: number;
}

export interface BreakdownCode {
  kind: 'code';
  lang: string | undefined;
  meta: string | undefined;
  value: string;
  /** 1-based line of the opening fence. */
  line: number;
}
