/**
 * The Markdown of a topic file as the knowledge readers see it: CommonMark blocks, each located in the
 * text (offsets into it and 1-based lines), with the inline content of paragraphs and headings.
 * Plain data; produced by `readMarkdown`.
 */

export interface Located {
  /** Offset of the block's first character in the text. */
  start: number;
  /** Offset just past the block's last character. */
  end: number;
  /** 1-based line of its first character. */
  line: number;
}

export type Block = Paragraph | Heading | List | Code | Blockquote | ThematicBreak | Html;

export interface Paragraph extends Located {
  type: 'paragraph';
  inline: Inline[];
}

export interface Heading extends Located {
  type: 'heading';
  depth: number;
  inline: Inline[];
  /** Offsets of the heading's text, without the `#` markers or the setext underline. */
  contentStart: number;
  contentEnd: number;
}

export interface List extends Located {
  type: 'list';
  ordered: boolean;
  items: ListItem[];
}

export interface ListItem extends Located {
  children: Block[];
}

export interface Code extends Located {
  type: 'code';
  /** First word of the fence's info string (`csharp`), if any. */
  lang: string | undefined;
  /** The rest of the info string, if any. */
  meta: string | undefined;
  /** The code, without the final line break. */
  value: string;
}

export interface Blockquote extends Located {
  type: 'blockquote';
  children: Block[];
}

export interface ThematicBreak extends Located {
  type: 'thematicBreak';
}

export interface Html extends Located {
  type: 'html';
}

/** Inline content: enough to read a title and the plain text of a paragraph. */
export type Inline =
  | { type: 'text' | 'code' | 'html'; value: string }
  | { type: 'break' }
  | { type: 'strong' | 'emphasis' | 'link'; children: Inline[] };

/** The text of inline content without its markup, as a reader sees it (line breaks kept as `\n`). */
export function plainText(inline: readonly Inline[]): string {
  let out = '';
  for (const node of inline) {
    if (node.type === 'break') out += '\n';
    else if ('value' in node) out += node.value;
    else out += plainText(node.children);
  }
  return out;
}
