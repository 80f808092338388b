import { LineCounter, isMap, isNode, isScalar, parseDocument } from 'yaml';
import { z } from 'zod';
import { KnowledgeError } from './KnowledgeError.js';

const words = z.array(z.string().trim().min(1, 'must not be empty'));

const sectionEnrichmentSchema = z.strictObject({
  keywords: words.optional(),
  questions: words.optional(),
  notFor: words.optional(),
});

const frontMatterSchema = z.strictObject({
  title: z.string().trim().min(1).optional(),
  language: z.string().trim().min(1).optional(),
  aliases: words.optional(),
  sections: z.record(z.string(), sectionEnrichmentSchema.nullable()).optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export interface LocatedFrontMatter {
  data: FrontMatter;
  /** 1-based file line of a key path (`sections.purpose`), for errors about it. */
  lineOf(path: readonly (string | number)[]): number;
}

/**
 * Parses and validates YAML front matter. `firstLine` is the file line of the YAML's first line,
 * so that every error points into the topic file rather than into the YAML block.
 */
export function parseFrontMatter(yamlText: string, file: string, firstLine: number): LocatedFrontMatter {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const fileLine = (offset: number) => firstLine + lineCounter.linePos(offset).line - 1;

  const yamlError = doc.errors[0];
  if (yamlError) {
    throw new KnowledgeError(file, fileLine(yamlError.pos[0]), `invalid YAML front matter: ${firstSentence(yamlError.message)}`);
  }

  // The line of the key itself (`  nope:`), not of the value under it.
  const lineOf = (path: readonly (string | number)[]): number => {
    for (let depth = path.length; depth > 0; depth--) {
      const parent = depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1), true);
      if (isMap(parent)) {
        const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path[depth - 1]);
        if (pair && isNode(pair.key) && pair.key.range) return fileLine(pair.key.range[0]);
      }
      const node = doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return fileLine(node.range[0]);
    }
    return firstLine;
  };

  const parsed = frontMatterSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const where = path.length ? `front matter \`${path.join('.')}\`` : 'front matter';
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => `\`${k}\``).join(', ');
      throw new KnowledgeError(file, lineOf([...path, issue.keys[0]!]), `${where}: unknown key ${keys}`);
    }
    throw new KnowledgeError(file, lineOf(path), `${where}: ${issue.message}`);
  }
  return { data: parsed.data, lineOf };
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
