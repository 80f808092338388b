import type { Topic } from '../../knowledge/types.js';
import type { EngineOptions } from '../engineOptions.js';
import {
  canonicalLanguage,
  isIncidentalLanguage,
  isLanguageLabel,
  languagesMentioned,
  withoutLanguageNames,
} from '../languageMentions.js';
import { sameQuestionKey } from '../sameQuestionKey.js';
import { tokenize, type Token } from '../tokenize.js';
import { phrasingWeight } from './phrasingWeight.js';

/**
 * Everything the engine knows about one topic, scored with the topic's own statistics only, so that
 * adding or changing another topic never moves this topic's internal ranking. Plain data (typed arrays,
 * arrays, Maps): structured-cloneable, so it can be built in a worker and sent to the main thread.
 *
 * Terms have local ids (`terms[id]`); per-term and per-section lists are flat arrays with start offsets
 * (`xStart[i]` to `xStart[i + 1]`), which keeps 10,000s of sections compact.
 */
export interface TopicIndex {
  topicId: string;
  /** Canonical languages and tools the topic is about (`csharp`, `git`). */
  languages: string[];
  sectionCount: number;
  /**
   * The topic's names, each as its content terms: its title and each alias that names no language,
   * without the words that are a language's own name ("Java streams" is `stream`, "Python asyncio" `asyncio`).
   */
  names: number[][];
  /** Every term of the topic's names. */
  nameTerms: number[];
  /** 1 for the topic's overview: its first section whose title names the topic alone ("What a decorator is", "What it is"). */
  sectionIsOverview: Uint8Array;
  terms: string[];
  termIds: Map<string, number>;
  /** 1 for a function word (kept only for phrasing), else 0. */
  termIsStop: Uint8Array;
  /** 1 for a code identifier (`Task.Run`, `asyncio.gather`). */
  termIsIdentifier: Uint8Array;
  /** Sections using each term in their content fields. */
  termSections: Uint32Array;
  /** BM25F postings: for term t, sections `postingSection[postingStart[t] .. postingStart[t + 1]]` with weights (idf included). */
  postingStart: Uint32Array;
  postingSection: Uint32Array;
  postingWeight: Float32Array;
  /** Highest posting weight of each term: what a perfect match of that term scores here. */
  termMaxWeight: Float32Array;
  /** Topic-local inverse document frequency of each term. */
  termIdf: Float32Array;
  maxIdf: number;
  /**
   * Passages: each section's points, in order (to name the point that answers best). Section s owns
   * passages `passageStart[s] .. passageStart[s + 1]`.
   */
  passageStart: Uint32Array;
  /** Distinct content terms of each passage. */
  passageTermStart: Uint32Array;
  passageTerms: Uint32Array;
  /**
   * Phrasings a question may resemble: each section's title (its "it"/"this" read as the topic's name)
   * and its sample questions. Section s owns phrasings `phrasingStart[s] .. phrasingStart[s + 1]`.
   */
  phrasingStart: Uint32Array;
  phrasingTermStart: Uint32Array;
  phrasingTerms: Uint32Array;
  phrasingWeights: Float32Array;
  phrasingNorm: Float32Array;
  /** Every word as written (lowercased) with its term id: the vocabulary typo correction works from. */
  surfaces: Map<string, number>;
  /**
   * Per section, the pairs of neighbouring words its text uses ("borrow checker", "event loop"), as
   * sorted keys `first * terms.length + second`: section s owns `bigrams[bigramStart[s] .. bigramStart[s + 1]]`.
   */
  bigramStart: Uint32Array;
  bigrams: Float64Array;
  /** The questions (by sameQuestionKey) each listed section is not for (`notFor`): key -> sections. */
  notFor: Map<string, number[]>;
}

const FIELDS = ['title', 'keywords', 'questions', 'points', 'code'] as const;
type Field = (typeof FIELDS)[number];
const LITERAL_NUMBER = /^\d+$/;
/** A title word standing for the topic itself ("When to use it"). */
const TOPIC_PRONOUNS: ReadonlySet<string> = new Set(['it', 'this', 'they', 'them', 'these', 'its']);

/** Builds a topic's index from the topic alone. Pure: the same topic and options give the same index. */
export function buildTopicIndex(
  topic: Topic,
  options: Pick<EngineOptions, 'fieldWeights' | 'bm25'>,
): TopicIndex {
  const dictionary = new Dictionary();
  const nameTokens = topicNames(topic);
  const names = nameTokens.map((tokens) => [...new Set(dictionary.contentIds(tokens))]);
  const nameTerms = [...new Set(names.flat())];
  const n = topic.sections.length;

  // Per section, per field: content term ids (with repeats).
  const fieldTerms: number[][][] = [];
  const passages: number[][] = [];
  const passageStart = new Uint32Array(n + 1);
  const phrasings: { ids: number[]; stops: boolean[] }[] = [];
  const phrasingStart = new Uint32Array(n + 1);
  const sectionPairs: [number, number][][] = [];
  const sectionIsOverview = new Uint8Array(n);
  const nameContent = new Set(nameTokens.flat().map((t) => t.term));
  let overviewFound = false;
  const notFor = new Map<string, number[]>();

  topic.sections.forEach((section, s) => {
    for (const key of new Set((section.notFor ?? []).map(sameQuestionKey)))
      notFor.set(key, [...(notFor.get(key) ?? []), s]);
    const title = tokenize(section.title);
    const keywords = tokenize(section.keywords.join(' . '));
    const questions = section.questions.map((q) => tokenize(withoutLanguageNames(q)));
    const points = section.points.map((p) => tokenize(p));
    // A number in example code (`let x = 5`, `sleep(2)`) is an arbitrary value, not what the code shows.
    const code = section.code.map((c) => tokenize(c.code).filter((t) => !LITERAL_NUMBER.test(t.term)));
    const byField: Record<Field, Token[]> = {
      title,
      keywords,
      questions: questions.flat(),
      points: points.flat(),
      code: code.flat(),
    };
    fieldTerms.push(FIELDS.map((f) => dictionary.contentIds(byField[f])));
    passageStart[s] = passages.length;
    for (const tokens of points) passages.push([...new Set(dictionary.contentIds(tokens))]);
    phrasingStart[s] = phrasings.length;
    const titleAsAsked = title.some((t) => TOPIC_PRONOUNS.has(t.surface))
      ? [...title.filter((t) => !TOPIC_PRONOUNS.has(t.surface)), ...(nameTokens[0] ?? [])]
      : title;
    for (const tokens of [titleAsAsked, ...questions]) phrasings.push(dictionary.phrasing(tokens));
    if (!overviewFound) {
      const titleContent = titleAsAsked.filter((t) => !t.stop);
      overviewFound = titleContent.length > 0 && titleContent.every((t) => nameContent.has(t.term));
      if (overviewFound) sectionIsOverview[s] = 1;
    }
    sectionPairs.push(
      [title, keywords, ...questions, ...points, ...code].flatMap((tokens) =>
        neighbourPairs(tokens, dictionary.ids),
      ),
    );
  });
  passageStart[n] = passages.length;
  phrasingStart[n] = phrasings.length;

  const termCount = dictionary.terms.length;
  const { bm25, fieldWeights } = options;
  // Average length of each field over the sections, for BM25's length normalisation.
  const averageLength = FIELDS.map((_, f) => {
    let total = 0;
    for (const fields of fieldTerms) total += fields[f]!.length;
    return Math.max(1, total / Math.max(1, n));
  });
  // Weighted term frequency per (section, term), then postings grouped by term.
  const perSection: Map<number, number>[] = fieldTerms.map((fields) => {
    const weighted = new Map<number, number>();
    fields.forEach((ids, f) => {
      const norm = 1 - bm25.b + (bm25.b * ids.length) / averageLength[f]!;
      const weight = fieldWeights[FIELDS[f]!] / norm;
      for (const id of ids) weighted.set(id, (weighted.get(id) ?? 0) + weight);
    });
    return weighted;
  });
  const termSections = new Uint32Array(termCount);
  for (const weighted of perSection) for (const id of weighted.keys()) termSections[id]!++;
  const postingStart = new Uint32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) postingStart[t + 1] = postingStart[t]! + termSections[t]!;
  const fill = postingStart.slice(0, termCount);
  const postingSection = new Uint32Array(postingStart[termCount]!);
  const postingWeight = new Float32Array(postingStart[termCount]!);
  const termIdf = new Float32Array(termCount);
  for (let t = 0; t < termCount; t++) termIdf[t] = bm25Idf(n, termSections[t]!);
  const termMaxWeight = new Float32Array(termCount);
  perSection.forEach((weighted, s) => {
    for (const [id, tf] of weighted) {
      const at = fill[id]!++;
      const weight = (termIdf[id]! * tf * (bm25.k1 + 1)) / (tf + bm25.k1);
      postingSection[at] = s;
      postingWeight[at] = weight;
      if (weight > termMaxWeight[id]!) termMaxWeight[id] = weight;
    }
  });

  const maxIdf = bm25Idf(n, 1);
  const termIsStop = Uint8Array.from(dictionary.stop);
  const phrasingVectors = phrasings.map(({ ids, stops }) => {
    const weights = new Map<number, number>();
    ids.forEach((id, i) =>
      weights.set(id, phrasingWeight(dictionary.terms[id]!, stops[i]!, termIdf[id]!, maxIdf)),
    );
    return weights;
  });
  const phrasingFlat = flatten(phrasingVectors.map((w) => [...w.keys()]));
  const phrasingWeights = Float32Array.from(phrasingVectors.flatMap((w) => [...w.values()]));
  const phrasingNorm = Float32Array.from(
    phrasingVectors.map((w) => Math.sqrt([...w.values()].reduce((sum, x) => sum + x * x, 0))),
  );
  const passageFlat = flatten(passages);
  const bigramLists = sectionPairs.map((pairs) =>
    [...new Set(pairs.map(([a, b]) => a * termCount + b))].sort((x, y) => x - y),
  );
  const bigramStart = new Uint32Array(n + 1);
  bigramLists.forEach((list, i) => (bigramStart[i + 1] = bigramStart[i]! + list.length));
  const bigrams = new Float64Array(bigramStart[n]!);
  bigramLists.forEach((list, i) => bigrams.set(list, bigramStart[i]!));
  return {
    topicId: topic.id,
    languages: [...languagesOfTopic(topic)],
    sectionCount: n,
    names,
    nameTerms,
    sectionIsOverview,
    terms: dictionary.terms,
    termIds: dictionary.ids,
    termIsStop,
    termIsIdentifier: Uint8Array.from(dictionary.identifier),
    termSections,
    postingStart,
    postingSection,
    postingWeight,
    termMaxWeight,
    termIdf,
    maxIdf,
    passageStart,
    passageTermStart: passageFlat.start,
    passageTerms: passageFlat.items,
    phrasingStart,
    phrasingTermStart: phrasingFlat.start,
    phrasingTerms: phrasingFlat.items,
    phrasingWeights,
    phrasingNorm,
    surfaces: dictionary.surfaces,
    bigramStart,
    bigrams,
    notFor,
  };
}

/** BM25's inverse document frequency: high for terms few sections use. */
export function bm25Idf(sections: number, withTerm: number): number {
  return Math.log(1 + (sections - withTerm + 0.5) / (withTerm + 0.5));
}

/** The local term dictionary of one topic, filled while its sections are read. */
class Dictionary {
  readonly terms: string[] = [];
  readonly ids = new Map<string, number>();
  readonly stop: number[] = [];
  readonly identifier: number[] = [];
  readonly surfaces = new Map<string, number>();

  private idOf(token: Token): number {
    let id = this.ids.get(token.term);
    if (id === undefined) {
      id = this.terms.push(token.term) - 1;
      this.ids.set(token.term, id);
      this.stop.push(token.stop ? 1 : 0);
      this.identifier.push(token.identifier ? 1 : 0);
    }
    return id;
  }

  /** Content term ids of some tokens (function words left out); records their surfaces. */
  contentIds(tokens: readonly Token[]): number[] {
    const ids: number[] = [];
    for (const token of tokens) {
      if (token.stop) continue;
      const id = this.idOf(token);
      ids.push(id);
      if (!token.negated) this.surfaces.set(token.surface, id);
    }
    return ids;
  }

  /** A text's words for phrasing comparison, function words included (negated forms and their words alike). */
  phrasing(tokens: readonly Token[]): { ids: number[]; stops: boolean[] } {
    const ids: number[] = [];
    const stops: boolean[] = [];
    for (const token of tokens) {
      ids.push(this.idOf(token));
      stops.push(token.stop);
    }
    return { ids, stops };
  }
}

function flatten(lists: readonly number[][]): { start: Uint32Array; items: Uint32Array } {
  const start = new Uint32Array(lists.length + 1);
  lists.forEach((list, i) => (start[i + 1] = start[i]! + list.length));
  const items = new Uint32Array(start[lists.length]!);
  lists.forEach((list, i) => items.set(list, start[i]!));
  return { start, items };
}

/** A word of a name, with a possessive "'s" ("Rust's"), as written. */
const NAME_WORD = /[\p{L}\p{N}#+]+(?:'s)?/gu;

/** The content tokens of each of the topic's names (see TopicIndex.names); names left empty are dropped. */
function topicNames(topic: Topic): Token[][] {
  const names = [
    topic.title,
    ...topic.aliases.filter((a) => !canonicalLanguage(a) && languagesMentioned(a).size === 0),
  ];
  return names
    .map((name) =>
      tokenize(name.replace(NAME_WORD, (w) => (isLanguageLabel(w.replace(/'s$/i, '')) ? ' ' : w))),
    )
    .map((tokens) => tokens.filter((t) => !t.stop))
    .filter((tokens) => tokens.length > 0);
}

/**
 * What the topic is about: the languages and tools its title and aliases name; failing those, its
 * language (front matter, or its code's most common one), unless that is incidental (shell).
 */
function languagesOfTopic(topic: Topic): Set<string> {
  const found = languagesMentioned(topic.title);
  for (const alias of topic.aliases) {
    const language = canonicalLanguage(alias) ?? [...languagesMentioned(alias)][0];
    if (language) found.add(language);
  }
  if (found.size === 0 && topic.language) {
    const language = canonicalLanguage(topic.language);
    if (language && !isIncidentalLanguage(language)) found.add(language);
  }
  return found;
}

/** The pairs of neighbouring words of a text (function words, identifiers and negations left out), as term ids. */
export function neighbourPairs(
  tokens: readonly Token[],
  ids: ReadonlyMap<string, number>,
): [number, number][] {
  const pairs: [number, number][] = [];
  let previous: number | undefined;
  for (const token of tokens) {
    if (token.identifier || token.negated) continue;
    if (token.stop) continue;
    const id = ids.get(token.term);
    if (id !== undefined && previous !== undefined && id !== previous) pairs.push([previous, id]);
    previous = id;
  }
  return pairs;
}
