import { KnowledgeError } from '../knowledge/KnowledgeError.js';
import { parseFrontMatter } from '../knowledge/frontMatter.js';
import { parseTopic } from '../knowledge/parseTopic.js';
import { slugify } from '../knowledge/slug.js';
import type { Topic } from '../knowledge/types.js';
import type { Breakdown } from './breakdown.js';
import { decodeText } from './decodeText.js';
import { fileSlug } from './fileSlug.js';
import { ImportError } from './ImportError.js';
import { normalizeBreakdown } from './normalizeBreakdown.js';
import { renderTopic } from './renderTopic.js';
import { repairMojibake } from './repairMojibake.js';
import { stripRunnerStats } from './stripRunnerStats.js';
import { stripTerminalNoise } from './stripTerminalNoise.js';
import { stripThinking } from './stripThinking.js';
import { topicTitle } from './topicTitle.js';

export interface ImportedTopic {
  /** File name without `.md`, and the topic id. */
  slug: string;
  /** The clean topic file. */
  markdown: string;
  /** The topic as the knowledge loader reads `markdown`. */
  topic: Topic;
}

/**
 * Turns one raw capture (bytes as read, or text) into a clean topic file. Pure; `file` only names the
 * input in messages and is the last resort for a title. Throws an `ImportError` saying what is wrong.
 */
export function importCapture(input: Uint8Array | string, file: string): ImportedTopic {
  const raw = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decodeText(input);
  if (!raw.trim()) throw new ImportError('empty file');
  const text = stripThinking(stripRunnerStats(stripTerminalNoise(repairMojibake(raw))));
  if (!text.trim()) throw new ImportError('no text left after removing terminal noise and runner statistics');

  const breakdown = normalizeBreakdown(text);
  const ownTitle =
    breakdown.frontMatter === undefined ? undefined : frontMatterTitle(breakdown.frontMatter, file);
  const title = ownTitle ?? topicTitle(breakdown, file);
  const markdown = renderTopic(breakdown, { title, language: mostCommonLanguage(breakdown) });
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
  return { slug, markdown, topic };
}

function frontMatterTitle(yaml: string, file: string): string | undefined {
  try {
    return parseFrontMatter(yaml, file, 2).data.title;
  } catch (error) {
    if (error instanceof KnowledgeError) throw new ImportError(`line ${error.line}: ${error.problem}`);
    throw error;
  }
}

/** The language most fences name, for `language:`; ties go to the one named first. */
function mostCommonLanguage(breakdown: Breakdown): string | undefined {
  const counts = new Map<string, number>();
  for (const section of breakdown.sections) {
    for (const block of section.blocks) {
      if (block.kind === 'code' && block.lang) counts.set(block.lang, (counts.get(block.lang) ?? 0) + 1);
    }
  }
  let best: string | undefined;
  for (const [lang, count] of counts) if (best === undefined || count > counts.get(best)!) best = lang;
  return best;
}

/** The written file must read back as exactly what was imported: every section, point and code block. */
function assertSameContent(breakdown: Breakdown, topic: Topic): void {
  const expected = breakdown.sections.map((s) => ({
    id: slugify(s.title),
    points: s.blocks.flatMap((b) => (b.kind === 'point' ? [b.markdown] : [])),
    code: s.blocks.flatMap((b) => (b.kind === 'code' ? [b.value] : [])),
  }));
  const actual = topic.sections.map((s) => ({ id: s.id, points: s.points, code: s.code.map((c) => c.code) }));
  if (JSON.stringify(expected) !== JSON.stringify(actual)) {
    const at = expected.findIndex((e, i) => JSON.stringify(e) !== JSON.stringify(actual[i]));
    throw new ImportError(
      `internal error: the cleaned topic does not read back the same (section ${at + 1})`,
    );
  }
}
