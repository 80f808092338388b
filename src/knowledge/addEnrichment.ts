import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { parseFrontMatter } from './frontMatter.js';

/** Sample questions, keywords and questions it is not for, to add to one section. */
export interface SectionAddition {
  sectionId: string;
  questions?: readonly string[];
  keywords?: readonly string[];
  notFor?: readonly string[];
}

/** The front-matter lists of a section that additions go to. */
export type EnrichmentField = 'questions' | 'keywords' | 'notFor';
const FIELDS: readonly EnrichmentField[] = ['questions', 'keywords', 'notFor'];

/** One value written, and the file line it is on now. */
export interface AddedValue {
  sectionId: string;
  field: EnrichmentField;
  value: string;
  line: number;
}

const FRONT_MATTER = /^(\uFEFF?)---[ \t]*\n((?:.*\n)*?)---[ \t]*(?:\n|$)/;

/**
 * Adds sample questions, keywords and questions a section is not for to a topic file's front matter
 * (`sections.<id>.questions`, `.keywords`, `.notFor`), keeping the rest of the file, comments and order as written, and skipping values the
 * section has already (case and spacing aside). A file without front matter gets one. Pure: returns the
 * new text and where each added value stands in it, for a reviewable summary.
 */
export function addEnrichment(
  source: string,
  additions: readonly SectionAddition[],
  file = 'topic.md',
): { text: string; added: AddedValue[] } {
  const crlf = source.includes('\r\n');
  const text = source.replace(/\r\n/g, '\n');
  const found = FRONT_MATTER.exec(text);
  const doc = parseDocument(found?.[2] ?? '');
  if (doc.errors.length > 0) throw new Error(`${file}: the front matter is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  const written: Omit<AddedValue, 'line'>[] = [];
  for (const addition of additions) {
    for (const field of FIELDS) {
      for (const value of addition[field] ?? []) {
        if (add(doc, addition.sectionId, field, value)) written.push({ sectionId: addition.sectionId, field, value });
      }
    }
  }
  if (written.length === 0) return { text: source, added: [] };
  const yaml = doc.toString({ lineWidth: 0 });
  const body = found ? text.slice(found[0].length) : text;
  const updated = `${found?.[1] ?? ''}---\n${yaml}---\n${body}`;
  const { lineOf } = parseFrontMatter(yaml, file, 2);
  const added = written.map((w) => {
    const list = doc.getIn(['sections', w.sectionId, w.field]);
    const index = isSeq(list) ? list.items.findIndex((item) => String((item as { value?: unknown }).value ?? item) === w.value) : 0;
    return { ...w, line: lineOf(['sections', w.sectionId, w.field, Math.max(index, 0)]) };
  });
  return { text: crlf ? updated.replace(/\n/g, '\r\n') : updated, added };
}

/** Appends `value` to `sections.<id>.<field>` unless it is there already; true when it was added. */
function add(doc: Document, sectionId: string, field: EnrichmentField, value: string): boolean {
  const clean = value.trim();
  if (!clean) return false;
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as never;
  if (!isMap(doc.getIn(['sections']))) doc.setIn(['sections'], doc.createNode({}));
  if (!isMap(doc.getIn(['sections', sectionId]))) doc.setIn(['sections', sectionId], doc.createNode({}));
  const list = doc.getIn(['sections', sectionId, field]);
  if (!isSeq(list)) {
    doc.setIn(['sections', sectionId, field], doc.createNode([clean]));
    return true;
  }
  const key = (v: unknown) => String(v).toLowerCase().replace(/\s+/g, ' ').trim();
  if (list.items.some((item) => key((item as { value?: unknown }).value ?? item) === key(clean))) return false;
  list.add(doc.createNode(clean));
  return true;
}
