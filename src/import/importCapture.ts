import type { Breakdown, BreakdownSection } from '../knowledge/breakdown.js';
import { parseFrontMatter } from '../knowledge/frontMatter.js';
import { KnowledgeError } from '../knowledge/KnowledgeError.js';
import { mostCommonLanguage, parseTopic } from '../knowledge/parseTopic.js';
import { readBreakdown, whyNoSections } from '../knowledge/readBreakdown.js';
import { slugify } from '../knowledge/slug.js';
import { topicTitle } from '../knowledge/topicTitle.js';
import type { Topic } from '../knowledge/types.js';
import { decodeText } from './decodeText.js';
import { fileSlug } from './fileSlug.js';
import { ImportError } from './ImportError.js';
import { renderTopic } from './renderTopic.js';
import { repairMojibakeCounted } from './repairMojibake.js';
import { stripRunnerOutput } from './stripRunnerOutput.js';
import { stripTerminalNoise } from './stripTerminalNoise.js';
import { stripThinking } from './stripThinking.js';

export interface ImportOptions {
  /** The topic's title, over the one found in the capture (and over its own front matter's). */
  title?: string;
}

export interface ImportedTopic {
  /** File name without `.md`, and the topic id. */
  slug: string;
  /** The clean topic file. */
  markdown: string;
  /** The topic as the knowledge loader reads `markdown`. */
  topic: Topic;
  /** What the importer took out of the capture, one line each, for the maintainer to see. */
  stripped: string[];
}

/**
 * Turns one raw capture (bytes as read, or text) into a clean topic file. Pure and linear in the input's
 * size; `file` only names the input in messages and is the last resort for a title. Throws an
 * `ImportError` saying what is wrong.
 */
export function importCapture(
  input: Uint8Array | string,
  file: string,
  options: ImportOptions = {},
): ImportedTopic {
  const raw = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decodeText(input);
  if (!raw.trim()) throw new ImportError('empty file');
  const stripped: string[] = [];

  const mojibake = repairMojibakeCounted(raw);
  const lines = mojibake.text.replace(/\r\n?/g, '\n');
  const quiet = stripTerminalNoise(lines);
  if (quiet !== lines)
    stripped.push(`terminal codes (spinner, colours, redraws) on ${changedLines(lines, quiet)}`);
  const thinking = stripThinking(quiet);
  if (thinking.lines > 0) stripped.push(`a reasoning block (${plural(thinking.lines, 'line')})`);
  const runner = stripRunnerOutput(thinking.text);
  for (const [what, n] of runner.removed) stripped.push(`${what} (${plural(n, 'line')})`);
  if (mojibake.repaired > 0) {
    const guessed = mojibake.guessed > 0 ? `, ${mojibake.guessed} with a lost byte guessed` : '';
    stripped.push(`mojibake: ${plural(mojibake.repaired, 'garbled character')} repaired${guessed}`);
  }
  const text = runner.text;
  if (!text.trim()) throw new ImportError('no text left after removing terminal noise and runner output');

  const read = readBreakdown(text);
  if (read.sections.length === 0) throw new ImportError(whyNoSections(text));
  const breakdown = { ...read, sections: uniqueTitles(read.sections) };
  for (const d of breakdown.dropped) stripped.push(`${d.kind}: "${shorten(d.text)}"`);

  const ownTitle =
    breakdown.frontMatter === undefined ? undefined : frontMatterTitle(breakdown.frontMatter.yaml, file);
  const title = options.title?.trim() || ownTitle || topicTitle(breakdown, file, runner.prompt);
  const markdown = renderTopic(breakdown, {
    title,
    language: mostCommonLanguage(breakdown),
    replaceTitle: options.title !== undefined,
  });
  const slug =
    fileSlug(title) || fileSlug(topicTitle({ ...breakdown, heading: undefined, intro: [] }, file)) || 'topic';

  let topic: Topic;
  try {
    topic = parseTopic(markdown, file, slug);
  } catch (error) {
    if (error instanceof KnowledgeError)
      throw new ImportError(`the cleaned text is no valid topic: ${error.problem}`);
    throw error;
  }
  assertSameContent(breakdown, topic);
  return { slug, markdown, topic, stripped };
}

function frontMatterTitle(yaml: string, file: string): string | undefined {
  try {
    return parseFrontMatter(yaml, file, 2).data.title;
  } catch (error) {
    if (error instanceof KnowledgeError) throw new ImportError(`line ${error.line}: ${error.problem}`);
    throw error;
  }
}

/** The written file must read back as exactly what was imported: every section, point and code block. */
function assertSameContent(breakdown: Breakdown, topic: Topic): void {
  const expected = breakdown.sections.map((s) => ({
    id: slugify(s.title),
    points: s.blocks.flatMap((b) => (b.kind === 'point' ? [b.markdown] : [])),
    code: s.blocks.flatMap((b) => (b.kind === 'code' ? [b.value] : [])),
  }));
  const actual = topic.sections.map((s) => ({ id: s.id, points: s.points, code: s.code.map((c) => c.code) }));
  for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
    if (JSON.stringify(expected[i]) !== JSON.stringify(actual[i])) {
      throw new ImportError(
        `internal error: the cleaned topic does not read back the same (section ${i + 1})`,
      );
    }
  }
}

function changedLines(before: string, after: string): string {
  const a = before.split('\n');
  const b = new Set(after.split('\n'));
  return plural(a.filter((line) => !b.has(line)).length, 'line');
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Section ids must be unique: a second `Example` becomes `Example 2`. */
function uniqueTitles(sections: BreakdownSection[]): BreakdownSection[] {
  const seen = new Set<string>();
  const next = new Map<string, number>();
  return sections.map((section) => {
    const base = slugify(section.title);
    let n = next.get(base) ?? 1;
    let { title, titleMarkdown } = section;
    while (seen.has(slugify(title))) {
      n += 1;
      title = `${section.title} ${n}`;
      titleMarkdown = `${section.titleMarkdown} ${n}`;
    }
    next.set(base, n);
    seen.add(slugify(title));
    return { ...section, title, titleMarkdown };
  });
}
