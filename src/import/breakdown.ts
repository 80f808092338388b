/** A breakdown as the importer understands it, whatever shape the LLM wrote it in. */
export interface Breakdown {
  /** YAML front matter as written (without the `---` lines), if the input had any. */
  frontMatter: string | undefined;
  /** Plain text of a leading `# Heading`, a candidate for the topic's title. */
  heading: string | undefined;
  /** Paragraphs before the first section, Markdown as written. */
  intro: string[];
  sections: BreakdownSection[];
}

export interface BreakdownSection {
  /** Plain-text title; its slug is the section id. */
  title: string;
  /** Title as Markdown, without the bold markers around it (`` `await` keyword ``). */
  titleMarkdown: string;
  /** Points and code in the order they were written. */
  blocks: BreakdownBlock[];
  /** Written outside a list (`**Example**:`, `## Example`, `Example:`), so it may stay a bare block at the end. */
  standalone: boolean;
  /** Made up by the importer to hold content found before the first titled section. */
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
}

export interface BreakdownCode {
  kind: 'code';
  lang: string | undefined;
  meta: string | undefined;
  value: string;
}
