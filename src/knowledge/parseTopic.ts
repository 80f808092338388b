import type { Breakdown } from './breakdown.js';
import { parseFrontMatter, type LocatedFrontMatter } from './frontMatter.js';
import { KnowledgeError } from './KnowledgeError.js';
import { readBreakdown } from './readBreakdown.js';
import { slugify } from './slug.js';
import { topicTitle } from './topicTitle.js';
import type { Section, Topic } from './types.js';

/**
 * Parses one topic file (a breakdown in any shape `readBreakdown` reads, optionally with YAML front
 * matter) into the typed model. Pure and linear in the text's length: the same text always gives the
 * same topic or the same `KnowledgeError`.
 */
export function parseTopic(source: string, file: string, topicId: string): Topic {
  return topicFromBreakdown(readBreakdown(source), file, topicId);
}

/** The topic a breakdown describes, with its front matter validated against its sections. */
export function topicFromBreakdown(breakdown: Breakdown, file: string, topicId: string): Topic {
  const meta: LocatedFrontMatter | undefined = breakdown.frontMatter
    ? parseFrontMatter(breakdown.frontMatter.yaml, file, breakdown.frontMatter.line)
    : undefined;
  if (breakdown.sections.length === 0) {
    throw new KnowledgeError(
      file,
      breakdown.intro[0]?.line ?? 1,
      'no sections: expected list items with a bold title, such as "- **Purpose**: ...", or headings',
    );
  }

  const fm = meta?.data ?? {};
  const language = fm.language ?? mostCommonLanguage(breakdown);
  const seen = new Map<string, number>();
  const sections: Section[] = breakdown.sections.map((draft) => {
    const id = slugify(draft.title);
    const first = seen.get(id);
    if (first !== undefined) {
      throw new KnowledgeError(file, draft.line, `duplicate section "${draft.title}" (id \`${id}\`, first at line ${first})`);
    }
    seen.set(id, draft.line);
    const enrichment = fm.sections?.[id] ?? undefined;
    const points = draft.blocks.flatMap((b) => (b.kind === 'point' ? [b] : []));
    return {
      id,
      title: draft.title,
      titleMarkdown: draft.titleMarkdown,
      points: points.map((p) => p.markdown),
      pointLines: points.map((p) => p.line),
      code: draft.blocks.flatMap((b) =>
        b.kind === 'code' ? [{ language: b.lang ?? language ?? '', tagged: b.lang !== undefined, code: b.value, line: b.line }] : [],
      ),
      line: draft.line,
      keywords: enrichment?.keywords ?? [],
      questions: enrichment?.questions ?? [],
      ...(enrichment?.notFor?.length ? { notFor: enrichment.notFor } : {}),
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
    title: fm.title ?? topicTitle(breakdown, topicId),
    language,
    aliases: fm.aliases ?? [],
    intro: breakdown.intro.map((p) => p.markdown).join('\n\n').trim(),
    introLine: breakdown.intro[0]?.line,
    sections,
    file,
  };
}

/** The language most fences name; ties go to the one named first. */
export function mostCommonLanguage(breakdown: Breakdown): string | undefined {
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
