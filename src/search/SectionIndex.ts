import type { KnowledgeBase, Section, Topic } from '../knowledge/types.js';
import { canonicalLanguage, languagesMentioned, withoutLanguageNames } from './languageMentions.js';
import {
  bm25Idf,
  buildPostings,
  countSectionTerms,
  FIELDS,
  fieldStart,
  type FieldName,
  type SectionTerms,
} from './bm25fPostings.js';
import { searchConfig } from './searchConfig.js';
import { termVector, type TermVector } from './termVector.js';
import { tokenize, type Token } from './tokenize.js';

export interface IndexedSection {
  topic: Topic;
  section: Section;
}

/** The sections a term occurs in, and its BM25F weight in each (field weights, idf and saturation applied). */
export interface PostingList {
  docs: number[];
  weights: number[];
}

const NO_POSTINGS: PostingList = { docs: [], weights: [] };

/** A term most of a topic's sections use (in their own words, not code) is one of its core terms. */
const CORE_TERM_SHARE = 0.6;
const CONTENT_FIELDS: readonly number[] = (['title', 'keywords', 'questions', 'points'] as FieldName[]).map(
  (f) => FIELDS.indexOf(f),
);
/** Function words carry intent in phrasing ("what is X for?") but little else. */
const STOP_WORD_WEIGHT = 0.25;
/** Question words that change what is asked ("why" vs "how"), weighted higher in phrasing comparisons. */
const INTENT_WORDS: ReadonlySet<string> = new Set([
  'why',
  'how',
  'when',
  'what',
  'where',
  'which',
  'for',
  'not',
  'no',
  'without',
  "don't",
  'dont',
  'should',
  "shouldn't",
]);
const INTENT_WORD_WEIGHT = 0.7;
const CONTENT_WORD_FLOOR = 0.5;

/**
 * The inverted index over every section of every topic: BM25F postings, document frequencies,
 * the surface vocabulary (for typo correction) and each section's sample questions as term sets.
 */
export class SectionIndex {
  private readonly postings = new Map<string, PostingList>();
  /** Surface word -> index term, for every word the knowledge uses. */
  readonly vocabulary = new Map<string, string>();
  /** Multi-word keywords and titles, by first term: phrases a question may contain word for word. */
  readonly phrases = new Map<string, { doc: number; terms: readonly string[]; specificity: number }[]>();
  /** Per section: the content terms of its title. */
  readonly titleTerms: ReadonlySet<string>[];
  /** Per section: how specific its title is: 1 when one of its terms is in no other section, less the more sections share them all. */
  readonly titleSpecificity: number[];
  /** Per section: each sample question as a weighted term vector, stop words included. */
  readonly sampleQuestions: TermVector[][];
  /** Per topic id: its core terms, the words of its title and those most of its sections use. */
  readonly topicCoreTerms = new Map<string, ReadonlySet<string>>();
  /** Per topic id: the canonical languages it is about. */
  readonly topicLanguages = new Map<string, ReadonlySet<string>>();
  readonly maxIdf: number;

  private constructor(readonly entries: readonly IndexedSection[]) {
    const topicTokens = new Map<Topic, Token[]>();
    const tokensOfTopic = (topic: Topic) => {
      let tokens = topicTokens.get(topic);
      if (!tokens) topicTokens.set(topic, (tokens = topicFieldTokens(topic)));
      return tokens;
    };
    const terms: string[] = [];
    const termIds = new Map<string, number>();
    const idOf = (term: string) => {
      let id = termIds.get(term);
      if (id === undefined) termIds.set(term, (id = terms.push(term) - 1));
      return id;
    };
    // A section's fields are tokenized and counted at once, so their tokens need not be kept;
    // titles and keywords are, for the phrase index.
    const sections = entries.map((entry) => {
      const { fields, ...kept } = sectionFields(entry, tokensOfTopic(entry.topic));
      return { ...kept, terms: countSectionTerms(fields.map((tokens) => this.termIds(tokens, idOf))) };
    });
    const sectionTerms = sections.map((s) => s.terms);
    const postings = buildPostings(sectionTerms, terms.length);
    terms.forEach((term, id) =>
      this.postings.set(term, { docs: postings.docs[id]!, weights: postings.weights[id]! }),
    );
    this.maxIdf = this.idf('\u0000never-indexed');
    sections.forEach(({ title, keywords }, doc) => {
      for (const phrase of [title, ...keywords]) this.addPhrase(doc, phrase);
    });
    this.titleTerms = sections.map(({ title }) => new Set(title.filter((t) => !t.stop).map((t) => t.term)));
    const inOneSection = bm25Idf(this.entries.length, 1);
    this.titleSpecificity = this.titleTerms.map((terms) => Math.min(1, this.rarestIdf(terms) / inOneSection));
    this.sampleQuestions = sections.map(({ questions }) =>
      questions.map((tokens) => termVector(tokens, (t) => this.termWeight(t))),
    );
    const topics = new Set(entries.map((e) => e.topic));
    for (const topic of topics) this.topicLanguages.set(topic.id, languagesOfTopic(topic));
    this.collectCoreTerms(sectionTerms, terms, tokensOfTopic);
  }

  private addPhrase(doc: number, tokens: Token[]): void {
    const terms = phraseTerms(tokens);
    if (terms.length < 2) return;
    // Three words or more are specific in themselves; two are as specific as their rarer word.
    const specificity =
      terms.length >= 3 ? 1 : this.rarestIdf(tokens.filter((t) => !t.stop).map((t) => t.term)) / this.maxIdf;
    let list = this.phrases.get(terms[0]!);
    if (!list) this.phrases.set(terms[0]!, (list = []));
    list.push({ doc, terms, specificity });
  }

  /** The highest idf among some terms: a phrase or title is as specific as its rarest word. */
  private rarestIdf(terms: Iterable<string>): number {
    let rarest = 0;
    for (const term of terms) rarest = Math.max(rarest, this.idf(term));
    return rarest;
  }

  /** Weight of a term in a phrasing comparison: its idf, or a small constant for function words. */
  termWeight(token: Pick<Token, 'term' | 'stop'>): number {
    if (token.stop) return INTENT_WORDS.has(token.term) ? INTENT_WORD_WEIGHT : STOP_WORD_WEIGHT;
    // One lookup: this runs for every word of every sample question.
    const df = this.documentFrequency(token.term);
    if (df === 0) return searchConfig.unknownWordImportance * this.maxIdf;
    // A word every section uses ("await") still says more about a phrasing than "what" or "does".
    return Math.max(bm25Idf(this.entries.length, df), CONTENT_WORD_FLOOR);
  }

  static build(knowledge: KnowledgeBase): SectionIndex {
    return new SectionIndex(
      knowledge.topics.flatMap((topic) => topic.sections.map((section) => ({ topic, section }))),
    );
  }

  get size(): number {
    return this.entries.length;
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  postingsOf(term: string): Readonly<PostingList> {
    return this.postings.get(term) ?? NO_POSTINGS;
  }

  documentFrequency(term: string): number {
    return this.postings.get(term)?.docs.length ?? 0;
  }

  /** BM25's inverse document frequency: high for words few sections use. */
  idf(term: string): number {
    return bm25Idf(this.entries.length, this.documentFrequency(term));
  }

  private collectCoreTerms(
    sections: SectionTerms[],
    terms: readonly string[],
    tokensOfTopic: (topic: Topic) => Token[],
  ): void {
    const docsOfTopic = new Map<Topic, number[]>();
    this.entries.forEach(({ topic }, doc) => {
      let docs = docsOfTopic.get(topic);
      if (!docs) docsOfTopic.set(topic, (docs = []));
      docs.push(doc);
    });
    // Per term, how many sections of the topic at hand use it (cleared after each topic).
    const sectionsUsing = new Uint32Array(terms.length);
    const lastSeenIn = new Int32Array(terms.length).fill(-1);
    for (const [topic, docs] of docsOfTopic) {
      const used: number[] = [];
      for (const doc of docs) countContentTerms(sections[doc]!, doc, sectionsUsing, lastSeenIn, used);
      const core = new Set(
        tokensOfTopic(topic)
          .filter((t) => !t.stop)
          .map((t) => t.term),
      );
      const minimum = Math.max(2, CORE_TERM_SHARE * topic.sections.length);
      for (const id of used) {
        if (sectionsUsing[id]! >= minimum) core.add(terms[id]!);
        sectionsUsing[id] = 0;
      }
      this.topicCoreTerms.set(topic.id, core);
    }
  }

  /** The content terms of one field, as ids; also fills the vocabulary. */
  private termIds(tokens: readonly Token[], idOf: (term: string) => number): number[] {
    const ids: number[] = [];
    for (const token of tokens) {
      if (token.stop) continue;
      ids.push(idOf(token.term));
      // Identifiers keep their name whole, words are stemmed: a surface seen as both keeps its last term.
      if (!token.negated) this.vocabulary.set(token.surface, token.term);
    }
    return ids;
  }
}

/**
 * Counts a section toward how many sections of its topic use each of its content terms; `used`
 * collects the terms in the order first used. A function of its own, called per section, so the
 * engine optimises it early: as a loop inside the once-per-build method it took 50% longer.
 */
function countContentTerms(
  section: SectionTerms,
  doc: number,
  sectionsUsing: Uint32Array,
  lastSeenIn: Int32Array,
  used: number[],
): void {
  for (const f of CONTENT_FIELDS) {
    for (let i = fieldStart(section, f); i < section.fieldEnds[f]!; i++) {
      const id = section.ids[i]!;
      if (lastSeenIn[id] === doc) continue;
      lastSeenIn[id] = doc;
      if (sectionsUsing[id] === 0) used.push(id);
      sectionsUsing[id]!++;
    }
  }
}

/** The topic's own name and non-language aliases: shared by all its sections, so computed once a topic. */
function topicFieldTokens(topic: Topic): Token[] {
  const words = [topic.title, ...topic.aliases.filter((a) => !canonicalLanguage(a))].join(' ');
  return tokenize(withoutLanguageNames(words));
}

interface TokenizedSection {
  /** Tokens of each field, in `FIELDS` order. */
  fields: Token[][];
  title: Token[];
  /** Each keyword's tokens: keywords are phrases. */
  keywords: Token[][];
  /** Each sample question's tokens, language names left out. */
  questions: Token[][];
}

function sectionFields({ section }: IndexedSection, topicTokens: Token[]): TokenizedSection {
  const title = tokenize(section.title);
  const keywords = section.keywords.map((k) => tokenize(k));
  // Each question on its own, so a negation ending one ("... or not?") does not reach into the next.
  const questions = section.questions.map((q) => tokenize(withoutLanguageNames(q)));
  const byField: Record<FieldName, Token[]> = {
    title,
    keywords: keywords.flat(),
    questions: questions.flat(),
    points: tokenize(section.points.join(' . ')),
    code: tokenize(section.code.map((c) => c.code).join('\n')),
    topic: topicTokens,
  };
  return { fields: FIELDS.map((f) => byField[f]), title, keywords, questions };
}

function languagesOfTopic(topic: Topic): ReadonlySet<string> {
  const names = [
    topic.language,
    ...topic.aliases,
    ...topic.sections.flatMap((s) => s.code.map((c) => c.language)),
  ];
  const found = languagesMentioned(topic.title);
  for (const name of names) {
    const language = name ? canonicalLanguage(name) : undefined;
    if (language) found.add(language);
  }
  return found;
}

/** A text's words in order, as terms, function words included: the form phrases are compared in. */
export function phraseTerms(tokens: readonly Token[]): string[] {
  return tokens.filter((t) => !t.identifier && !t.negated).map((t) => t.term);
}
