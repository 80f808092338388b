import { searchConfig } from './searchConfig.js';

export type FieldName = keyof typeof searchConfig.fieldWeights;

/** The fields of a section, in the order their term counts are kept. */
export const FIELDS: readonly FieldName[] = ['title', 'keywords', 'questions', 'points', 'code', 'topic'];

/** Fields whose length varies a lot between sections, so their term counts are normalised by length. */
const LENGTH_NORMALISED: ReadonlySet<FieldName> = new Set(['points', 'code', 'questions']);
const LENGTH_NORM_STRENGTH = 0.5;

/**
 * The distinct terms of one section, field by field in `FIELDS` order (term ids ascending within a
 * field), and how often each occurs. One flat record per section: the index keeps 10,000s of them.
 */
export interface SectionTerms {
  ids: number[];
  counts: number[];
  /** Per field, where its terms end in `ids` (they start where the previous field's terms end). */
  fieldEnds: number[];
  /** Per field, its length in terms, repeats included. */
  fieldLengths: number[];
}

/** Counts each field's term ids by sorting them: cheaper than a map per field when there are many sections. */
export function countSectionTerms(fields: readonly number[][]): SectionTerms {
  const terms: SectionTerms = { ids: [], counts: [], fieldEnds: [], fieldLengths: [] };
  for (const ids of fields) {
    // A typed array sorts numbers without a comparator callback.
    const sorted = Uint32Array.from(ids).sort();
    for (let i = 0; i < sorted.length; i++) {
      if (i > 0 && sorted[i] === sorted[i - 1]) terms.counts[terms.counts.length - 1]!++;
      else {
        terms.ids.push(sorted[i]!);
        terms.counts.push(1);
      }
    }
    terms.fieldEnds.push(terms.ids.length);
    terms.fieldLengths.push(sorted.length);
  }
  return terms;
}

/** Where field `f`'s terms start in a section's `ids`. */
export function fieldStart(terms: SectionTerms, f: number): number {
  return f === 0 ? 0 : terms.fieldEnds[f - 1]!;
}

export interface Postings {
  /** Per term id: the sections it occurs in, ascending. */
  docs: number[][];
  /** Per term id: its BM25F weight in each of those sections. */
  weights: number[][];
}

/**
 * BM25F: per section and term, the field-weighted, length-normalised, saturated count times the
 * term's idf over sections.
 */
export function buildPostings(sections: readonly SectionTerms[], termCount: number): Postings {
  const n = sections.length;
  const df = new Uint32Array(termCount);
  const lastDoc = new Int32Array(termCount).fill(-1);
  const totalLength = new Float64Array(FIELDS.length);
  sections.forEach(({ ids, fieldLengths }, doc) => {
    fieldLengths.forEach((length, f) => (totalLength[f]! += length));
    for (const id of ids) {
      if (lastDoc[id] !== doc) {
        lastDoc[id] = doc;
        df[id]!++;
      }
    }
  });
  const idf = Float64Array.from(df, (count) => bm25Idf(n, count));
  // Each term's postings are allocated at their final size (its document frequency) and filled in order.
  const docs = Array.from(df, (count) => new Array<number>(count));
  const weights = Array.from(df, (count) => new Array<number>(count));
  const filled = new Uint32Array(termCount);
  sections.forEach((section, doc) => {
    FIELDS.forEach((name, f) => {
      const average = totalLength[f]! / n || 1;
      const norm = LENGTH_NORMALISED.has(name)
        ? 1 - LENGTH_NORM_STRENGTH + (LENGTH_NORM_STRENGTH * section.fieldLengths[f]!) / average
        : 1;
      const fieldWeight = searchConfig.fieldWeights[name];
      for (let i = fieldStart(section, f); i < section.fieldEnds[f]!; i++) {
        const id = section.ids[i]!;
        const tf = section.counts[i]! / norm;
        const weight = fieldWeight * idf[id]! * (tf / (searchConfig.k1 + tf));
        const count = filled[id]!;
        // Sections come in order, so this term's earlier field in this section is its last posting.
        if (count > 0 && docs[id]![count - 1] === doc) weights[id]![count - 1]! += weight;
        else {
          docs[id]![count] = doc;
          weights[id]![count] = weight;
          filled[id] = count + 1;
        }
      }
    });
  });
  return { docs, weights };
}

export function bm25Idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}
