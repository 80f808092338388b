import type { Code, List, ListItem, Nodes, Paragraph, PhrasingContent, RootContent, Strong } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { toString } from 'mdast-util-to-string';
import { frontmatter } from 'micromark-extension-frontmatter';
import { parseFrontMatter, type LocatedFrontMatter } from './frontMatter.js';
import { KnowledgeError } from './KnowledgeError.js';
import { slugify } from './slug.js';
import type { Section, Topic } from './types.js';
import { oneLine } from './oneLine.js';

/** A section as read from the Markdown, before enrichment and defaults are applied. */
interface DraftSection {
  title: string;
  titleMarkdown: string;
  points: string[];
  code: DraftCode[];
  line: number;
}
interface DraftCode {
  language: string | undefined;
  code: string;
  line: number;
}

/**
 * Parses one topic file (a breakdown, optionally with YAML front matter) into the typed model.
 * Pure: the same text always gives the same topic or the same `KnowledgeError`.
 */
export function parseTopic(source: string, file: string, topicId: string): Topic {
  const text = source.replace(/^\uFEFF/, '');
  const tree = fromMarkdown(text, {
    extensions: [frontmatter(['yaml'])],
    mdastExtensions: [frontmatterFromMarkdown(['yaml'])],
  });
  const slice = (node: Nodes) => text.slice(node.position!.start.offset, node.position!.end.offset);

  let meta: LocatedFrontMatter | undefined;
  const introParts: string[] = [];
  const sections: DraftSection[] = [];
  const trailing: Paragraph[] = [];
  const current = () => sections[sections.length - 1];
  // Paragraphs between sections are points of the section before; closing chatter after the last one is not.
  const flushTrailing = () => {
    const section = current();
    if (section) for (const p of trailing) section.points.push(oneLine(slice(p)));
    trailing.length = 0;
  };

  for (const node of tree.children) {
    if (node.type === 'yaml') {
      meta = parseFrontMatter(node.value, file, node.position!.start.line + 1);
      continue;
    }
    if (node.type === 'list') {
      flushTrailing();
      for (const item of node.children) sections.push(sectionFromListItem(item, file, slice));
      continue;
    }
    if (node.type === 'heading' && node.depth >= 2 && sections.length + introParts.length > 0) {
      flushTrailing();
      sections.push(emptySection(toString(node), node.children.map(slice).join(''), node.position!.start.line));
      continue;
    }
    if (node.type === 'paragraph' && startsWithStrong(node)) {
      flushTrailing();
      sections.push(sectionFromTitledParagraph(node, slice));
      continue;
    }
    if (node.type === 'code') {
      const section = current();
      if (!section) throw new KnowledgeError(file, line(node), 'code block before the first section');
      flushTrailing();
      section.code.push(codeOf(node));
      continue;
    }
    if (node.type === 'paragraph' || node.type === 'blockquote') {
      if (!current()) introParts.push(slice(node));
      else if (node.type === 'paragraph') trailing.push(node);
      continue;
    }
  }
  if (sections.length === 0) {
    throw new KnowledgeError(file, 1, 'no sections: expected list items with a bold title, such as "- **Purpose**: ..."');
  }

  const fm = meta?.data ?? {};
  const intro = introParts.join('\n\n').trim();
  const language = fm.language ?? mostCommonLanguage(sections);
  const seen = new Map<string, number>();
  const built: Section[] = sections.map((draft) => {
    const id = slugify(draft.title);
    if (!id) throw new KnowledgeError(file, draft.line, `section title "${draft.titleMarkdown}" has no letters or digits`);
    const first = seen.get(id);
    if (first !== undefined) {
      throw new KnowledgeError(file, draft.line, `duplicate section "${draft.title}" (id \`${id}\`, first at line ${first})`);
    }
    seen.set(id, draft.line);
    const enrichment = fm.sections?.[id] ?? undefined;
    return {
      id,
      title: draft.title,
      titleMarkdown: draft.titleMarkdown,
      points: draft.points,
      code: draft.code.map((c) => ({ ...c, language: c.language ?? language ?? '' })),
      line: draft.line,
      keywords: enrichment?.keywords ?? [],
      questions: enrichment?.questions ?? [],
    };
  });

  for (const id of Object.keys(fm.sections ?? {})) {
    if (!seen.has(id)) {
      const known = [...seen.keys()].join(', ');
      throw new KnowledgeError(file, meta!.lineOf(['sections', id]), `enrichment for unknown section \`${id}\` (sections: ${known})`);
    }
  }

  return {
    id: topicId,
    title: fm.title ?? titleFromIntro(intro) ?? humanize(topicId),
    language,
    aliases: fm.aliases ?? [],
    intro,
    sections: built,
    file,
  };
}

function sectionFromListItem(item: ListItem, file: string, slice: (node: Nodes) => string): DraftSection {
  const [head, ...rest] = item.children;
  if (!head || head.type !== 'paragraph' || !startsWithStrong(head)) {
    throw new KnowledgeError(file, line(item), 'list item has no bold title (expected "- **Title**: point")');
  }
  const section = sectionFromTitledParagraph(head, slice);
  for (const child of rest) collectPoints(child, section, slice);
  return section;
}

function sectionFromTitledParagraph(paragraph: Paragraph, slice: (node: Nodes) => string): DraftSection {
  const strong = paragraph.children[0] as Strong;
  const titleMarkdown = strong.children.map(slice).join('').trim().replace(/\s*:$/, '');
  const section = emptySection(toString(strong), titleMarkdown, line(paragraph));
  const after = paragraph.children.slice(1);
  const inline = phrasingMarkdown(after, slice).replace(/^\s*[:\-–—]\s*/, '').trim();
  if (inline) section.points.push(inline);
  return section;
}

function emptySection(rawTitle: string, titleMarkdown: string, titleLine: number): DraftSection {
  const title = rawTitle.trim().replace(/\s*:$/, '').trim();
  return { title, titleMarkdown: titleMarkdown.replace(/\s*:$/, ''), points: [], code: [], line: titleLine };
}

function collectPoints(node: RootContent, section: DraftSection, slice: (node: Nodes) => string): void {
  switch (node.type) {
    case 'list':
      for (const item of (node as List).children) {
        for (const child of item.children) collectPoints(child, section, slice);
      }
      return;
    case 'code':
      section.code.push(codeOf(node));
      return;
    case 'paragraph':
      section.points.push(oneLine(slice(node)));
      return;
    case 'blockquote':
      section.points.push(oneLine(slice(node)));
      return;
    default:
      return;
  }
}

function startsWithStrong(paragraph: Paragraph): boolean {
  const first = paragraph.children[0];
  return first?.type === 'strong' && toString(first).trim().length > 0;
}

function phrasingMarkdown(nodes: PhrasingContent[], slice: (node: Nodes) => string): string {
  return oneLine(nodes.map(slice).join(''));
}

function codeOf(node: Code): DraftCode {
  return { language: node.lang ?? undefined, code: node.value, line: line(node) };
}


function line(node: Nodes): number {
  return node.position?.start.line ?? 1;
}

function mostCommonLanguage(sections: DraftSection[]): string | undefined {
  const counts = new Map<string, number>();
  for (const s of sections) for (const c of s.code) if (c.language) counts.set(c.language, (counts.get(c.language) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** `Here's a breakdown of **`async`** and **`await`** in C# in 8 bullet points:` -> `async and await in C#`. */
function titleFromIntro(intro: string): string | undefined {
  const plain = intro.replace(/[*_`]/g, '').split('\n')[0] ?? '';
  const found = /breakdown of (.+?)(?:,? in \d+ (?:\w+ )?(?:bullet )?points?)?\s*[:.]?\s*$/i.exec(plain);
  return found?.[1]?.trim() || undefined;
}

function humanize(topicId: string): string {
  const words = topicId.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
