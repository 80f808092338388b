import type { LanguageMention } from '../languageMentions.js';
import type { Token } from '../tokenize.js';

/** One way a question word can match: as asked, as corrected, or through a variant spelling. */
export interface Alternative {
  term: string;
  /** How much a match through this alternative counts, relative to the word itself (1). */
  weight: number;
}

/** A content word of the question with everything it may match. */
export interface QueryWord {
  /** The word as written, lowercased. */
  surface: string;
  /** Its index term (stem, or the whole identifier). */
  term: string;
  /** How much the word says about what is asked, in [0, 1]: `rarity` times `weight`. */
  importance: number;
  /** How rare the word is in everyday English, in (0, 1]: identifiers and jargon 1 (wordImportance.ts). */
  rarity: number;
  /** How much the word's place counts: 1 in the question itself, less in context or pasted code. */
  weight: number;
  /** What it may match, the word itself first. */
  alternatives: Alternative[];
  identifier: boolean;
  /** The language or tool the word names, where the question names one as its subject ("java" in "java streams"). */
  language?: string;
  /** From the words around the question sentence (questionFocus), not the question itself. */
  context?: boolean;
}

/** A stretch of the asker's prose and how much it counts: the question sentence fully, context less. */
export interface Segment {
  text: string;
  weight: number;
}

/**
 * A question as the query rules read it, step by step. Text rules fill `segments` and adjust
 * `languages`; word rules then adjust `words` and `phrasing`.
 */
export interface Query {
  /** The message as asked. */
  question: string;
  /** The asker's prose, normalised. */
  prose: string;
  /** Code blocks pasted in. */
  code: string[];
  /** Where the prose names languages or tools, and whether as its subject or only for comparison. */
  languages: LanguageMention[];
  segments: Segment[];
  words: QueryWord[];
  /** The focus text's tokens, function words included: the question's phrasing. */
  phrasing: Token[];
  /** Every segment's tokens, context included: the whole message's phrasing (to recognise a sample question). */
  wholePhrasing: Token[];
}

/** What the rules may consult: the knowledge's vocabulary, and typo correction against it. */
export interface QueryContext {
  /** Whether any topic uses this index term. */
  knowsTerm(term: string): boolean;
  /** Whether any topic uses this word as written (lowercased). */
  knowsSurface(surface: string): boolean;
  /** The index term of a known surface word. */
  termOfSurface(surface: string): string | undefined;
  /** The nearest known surface word of a misspelt one, if any. */
  correctTypo(surface: string): string | undefined;
  /** How many sections, over every topic, use an index term. */
  sectionsUsing(term: string): number;
}
