import { writeAtomically } from '../import/writeAtomically.js';
import {
  addEnrichment,
  type AddedValue,
  type EnrichmentField,
  type SectionAddition,
} from '../knowledge/addEnrichment.js';
import { location } from '../knowledge/KnowledgeError.js';
import { readTopicFile } from '../knowledge/readTopicFile.js';

/** What was written to one topic file. */
export interface WrittenEnrichment {
  file: string;
  added: AddedValue[];
}

/**
 * Adds sample questions, keywords and `notFor` questions to topic files' front matter, each file written whole at once
 * (never half-written), and says what was added where. Files with nothing new are left untouched.
 */
export async function writeEnrichment(
  byFile: ReadonlyMap<string, readonly SectionAddition[]>,
): Promise<WrittenEnrichment[]> {
  const written: WrittenEnrichment[] = [];
  for (const [file, additions] of byFile) {
    const source = (await readTopicFile(file)).toString('utf8');
    const { text, added } = addEnrichment(source, additions, file);
    if (added.length === 0) continue;
    await writeAtomically(file, text, true);
    written.push({ file, added });
  }
  return written;
}

const FIELD_LABELS: Record<EnrichmentField, string> = {
  questions: 'question',
  keywords: 'keyword',
  notFor: 'not for',
};

/** The additions as a maintainer reviews them: `file:line  + section questions: "…"`, one a line. */
export function formatWrittenEnrichment(written: readonly WrittenEnrichment[]): string {
  const lines: string[] = [];
  for (const { file, added } of written) {
    for (const a of [...added].sort((x, y) => x.line - y.line)) {
      lines.push(
        `${location(file, a.line)}  + ${a.sectionId} ${FIELD_LABELS[a.field]}: ${JSON.stringify(a.value)}`,
      );
    }
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}
