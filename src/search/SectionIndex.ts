import type { KnowledgeBase, Section, Topic } from '../knowledge/types.js';
import { canonicalLanguage, languageNameSpans, languagesMentioned } from './languageMentions.js';
import { searchConfig } from './searchConfig.js';
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

type FieldName = keyof typeof searchConfig.fieldWeights;
/** Fields whose length varies a lot between sections, so their term counts are normalised by length. */
const LENGTH_NORMALISED: ReadonlySet<FieldName> = new Set(['points', 'code', 'questions']);
const LENGTH_NORM_STRENGTH = 0.5;
/** A term most of a topic's sections use (in their own words, not code) is one of its core terms. */
const CORE_TERM_SHARE = 0.6;
const CONTENT_FIELDS: readonly FieldName[] = ['title', 'keywords', 'questions', 'points'];
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

export interface TermVector {
  weights: Map<string, number>;
  norm: number;
}

export function termVector(
  tokens: Pick<Token, 'term' | 'stop'>[],
  weightOf: (t: Pick<Token, 'term' | 'stop'>) => number,
): TermVector {
  const weights = new Map<string, number>();
  for (const token of tokens) weights.set(token.term, weightOf(token));
  let sum = 0;
  for (const w of weights.values()) sum += w * w;
  return { weights, norm: Math.sqrt(sum) };
}

export function cosine(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small.weights) {
    const other = large.weights.get(term);
    if (other) dot += w * other;
  }
  return dot / (a.norm * b.norm);
}

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
    const fieldTerms = entries.map((entry) =>
      this.countFieldTerms(sectionFields(entry, tokensOfTopic(entry.topic))),
    );
    this.buildPostings(fieldTerms);
    this.maxIdf = this.idf('\u0000never-indexed');
    entries.forEach(({ section }, doc) => {
      for (const phrase of [section.title, ...section.keywords]) {
        const tokens = tokenize(phrase);
        const terms = phraseTerms(tokens);
        if (terms.length < 2) continue;
        // Three words or more are specific in themselves; two are as specific as their rarer word.
        const rarest = Math.max(0, ...tokens.filter((t) => !t.stop).map((t) => this.idf(t.term)));
        const specificity = terms.length >= 3 ? 1 : rarest / this.maxIdf;
        let list = this.phrases.get(terms[0]!);
        if (!list) this.phrases.set(terms[0]!, (list = []));
        list.push({ doc, terms, specificity });
      }
    });
    this.titleTerms = entries.map(
      ({ section }) =>
        new Set(
          tokenize(section.title)
            .filter((t) => !t.stop)
            .map((t) => t.term),
        ),
    );
    this.sampleQuestions = entries.map(({ section }) =>
      section.questions.map((q) => termVector(tokenize(withoutLanguageNames(q)), (t) => this.termWeight(t))),
    );
    const topics = new Set(entries.map((e) => e.topic));
    for (const topic of topics) this.topicLanguages.set(topic.id, languagesOfTopic(topic));
    this.collectCoreTerms(fieldTerms, tokensOfTopic);
  }

  /** Weight of a term in a phrasing comparison: its idf, or a small constant for function words. */
  termWeight(token: Pick<Token, 'term' | 'stop'>): number {
    if (token.stop) return INTENT_WORDS.has(token.term) ? INTENT_WORD_WEIGHT : STOP_WORD_WEIGHT;
    if (!this.has(token.term)) return searchConfig.unknownWordImportance * this.maxIdf;
    // A word every section uses ("await") still says more about a phrasing than "what" or "does".
    return Math.max(this.idf(token.term), CONTENT_WORD_FLOOR);
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
    docs: Map<FieldName, Map<string, number>>[],
    tokensOfTopic: (topic: Topic) => Token[],
  ): void {
    const sectionsUsing = new Map<Topic, Map<string, number>>();
    docs.forEach((fields, doc) => {
      const topic = this.entries[doc]!.topic;
      let counts = sectionsUsing.get(topic);
      if (!counts) sectionsUsing.set(topic, (counts = new Map()));
      const terms = new Set<string>();
      for (const field of CONTENT_FIELDS) for (const term of fields.get(field)?.keys() ?? []) terms.add(term);
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    });
    for (const [topic, counts] of sectionsUsing) {
      const core = new Set(
        tokensOfTopic(topic)
          .filter((t) => !t.stop)
          .map((t) => t.term),
      );
      const minimum = Math.max(2, CORE_TERM_SHARE * topic.sections.length);
      for (const [term, count] of counts) if (count >= minimum) core.add(term);
      this.topicCoreTerms.set(topic.id, core);
    }
  }

  /** Per field, each content term's length-normalised count; also fills the vocabulary. */
  private countFieldTerms(fields: Map<FieldName, Token[]>): Map<FieldName, Map<string, number>> {
    const counted = new Map<FieldName, Map<string, number>>();
    for (const [field, tokens] of fields) {
      const counts = new Map<string, number>();
      for (const token of tokens) {
        if (token.stop) continue;
        if (!token.negated) this.vocabulary.set(token.surface, token.term);
        counts.set(token.term, (counts.get(token.term) ?? 0) + 1);
      }
      counted.set(field, counts);
    }
    return counted;
  }

  /** BM25F: per section and term, the field-weighted, length-normalised, saturated count times the term's idf. */
  private buildPostings(docs: Map<FieldName, Map<string, number>>[]): void {
    const n = docs.length;
    const totalLength = new Map<FieldName, number>();
    const docFrequency = new Map<string, number>();
    const docLengths = docs.map((fields) => {
      const lengths = new Map<FieldName, number>();
      const terms = new Set<string>();
      for (const [field, counts] of fields) {
        let length = 0;
        for (const [term, count] of counts) {
          terms.add(term);
          length += count;
        }
        lengths.set(field, length);
        totalLength.set(field, (totalLength.get(field) ?? 0) + length);
      }
      for (const term of terms) docFrequency.set(term, (docFrequency.get(term) ?? 0) + 1);
      return lengths;
    });
    const idf = new Map([...docFrequency].map(([term, df]) => [term, bm25Idf(n, df)]));
    docs.forEach((fields, doc) => {
      for (const [field, counts] of fields) {
        const average = (totalLength.get(field) ?? 0) / n || 1;
        const norm = LENGTH_NORMALISED.has(field)
          ? 1 - LENGTH_NORM_STRENGTH + (LENGTH_NORM_STRENGTH * (docLengths[doc]!.get(field) ?? 0)) / average
          : 1;
        const fieldWeight = searchConfig.fieldWeights[field];
        for (const [term, count] of counts) {
          const tf = count / norm;
          const weight = fieldWeight * idf.get(term)! * (tf / (searchConfig.k1 + tf));
          let list = this.postings.get(term);
          if (!list) this.postings.set(term, (list = { docs: [], weights: [] }));
          // Sections are added in order, so a term's earlier field in this section is the last posting.
          const last = list.docs.length - 1;
          if (list.docs[last] === doc) list.weights[last]! += weight;
          else {
            list.docs.push(doc);
            list.weights.push(weight);
          }
        }
      }
    });
  }
}

function bm25Idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** The topic's own name and non-language aliases: shared by all its sections, so computed once a topic. */
function topicFieldTokens(topic: Topic): Token[] {
  const words = [topic.title, ...topic.aliases.filter((a) => !canonicalLanguage(a))].join(' ');
  return tokenize(withoutLanguageNames(words));
}

function sectionFields({ section }: IndexedSection, topicTokens: Token[]): Map<FieldName, Token[]> {
  return new Map<FieldName, Token[]>([
    ['title', tokenize(section.title)],
    ['keywords', tokenize(section.keywords.join(' . '))],
    ['questions', tokenize(section.questions.map(withoutLanguageNames).join(' . '))],
    ['points', tokenize(section.points.join(' . '))],
    ['code', tokenize(section.code.map((c) => c.code).join('\n'))],
    ['topic', topicTokens],
  ]);
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

/** Language names route a question to a topic; they say nothing about which section answers it. */
export function withoutLanguageNames(text: string): string {
  const spans = languageNameSpans(text).sort((a, b) => b[0] - a[0]);
  let out = text;
  for (const [start, end] of spans) out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  return out;
}
