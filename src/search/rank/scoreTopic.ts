import { neighbourPairs, type TopicIndex } from '../index/TopicIndex.js';
import { languagesRelated } from '../languageMentions.js';
import { phrasingWeight } from '../index/phrasingWeight.js';
import type { Query, QueryWord } from '../query/Query.js';
import type { Token } from '../tokenize.js';
import { importanceIn, wordRarity } from '../query/wordImportance.js';
import type { MatchFeatures } from './features.js';

/** A section of one topic with the features that do not depend on its rivals. */
export interface SectionMatch {
  section: number;
  features: MatchFeatures;
  /** The point that matches the question best (index in the section's points), null without points. */
  bestPoint: number | null;
  /** Best resemblance of the question to one of the section's sample questions (sampleResemblance). */
  sampleSimilarity: number;
}

/** The question's words as this topic knows them: for each word, its alternatives' local term ids. */
interface ResolvedWord {
  word: QueryWord;
  /** Local term ids with the weight a match through each counts (the best alternative per id). */
  ids: { id: number; weight: number }[];
  /** Best weight of an alternative the topic uses (0: the topic does not know the word). */
  known: number;
  /** How much the word tells this topic's sections apart: more for words few of them use. */
  discrimination: number;
  /** Its importance for this topic (importanceIn). */
  importance: number;
  /** Its importance in telling the topic's sections apart: less for the topic's own name ("flexbox"). */
  sectionImportance: number;
  /** A word of the topic's own name. */
  isName: boolean;
}

/** Share of its importance a word of the topic's own name keeps in ranking the topic's sections. */
const NAME_WORD_SHARE = 0.3;

/** The features that compare sections within a topic. */
const SECTION_FEATURES = [
  'pairMatch',
  'bm25Share',
  'phrasingMargin',
  'overview',
  'pointMatch',
] as const satisfies readonly (keyof MatchFeatures)[];

/** Floor of a word's discrimination: a word every section uses still says the question is about them. */
const DISCRIMINATION_FLOOR = 0.2;

/**
 * Scores one topic's sections for a question with the topic's own statistics: BM25F over the
 * question's words, then, for the best `depth` sections (all of them in a small topic), the match
 * features. `routingShare` is the topic's share of the best-routed topic's evidence.
 */
export function scoreTopic(
  topic: TopicIndex,
  query: Query,
  depth: number,
  routingShare: number,
): SectionMatch[] {
  const all = resolveWords(topic, query.words);
  // The words around a question sentence help say which topic (routing); the question sentence itself
  // says which section, and how surely, wherever the topic knows some of its words.
  const asked = all.filter((w) => !w.word.context);
  const words = asked.some((w) => w.known > 0) ? asked : all;
  const totalImportance = words.reduce((sum, w) => sum + w.importance, 0);
  if (totalImportance === 0) return [];
  const knownImportance = words.reduce((sum, w) => sum + w.importance * w.known, 0);
  const topicCoverage = knownImportance / totalImportance;
  if (knownImportance === 0) return [];
  // How much of what the topic knows of the question is the topic's own name ("what is a decorator").
  const nameShare =
    words.reduce((sum, w) => sum + (w.isName ? w.importance * w.known : 0), 0) / knownImportance;

  // BM25F, and per section which words it matches and how well.
  const lexical = new Map<number, number>();
  const matched = new Map<number, Float32Array>();
  words.forEach((resolved, w) => {
    const best = new Map<number, number>();
    const matchWeight = new Map<number, number>();
    for (const { id, weight } of resolved.ids) {
      for (let p = topic.postingStart[id]!; p < topic.postingStart[id + 1]!; p++) {
        const s = topic.postingSection[p]!;
        const score = weight * topic.postingWeight[p]!;
        if (score > (best.get(s) ?? 0)) best.set(s, score);
        if (weight > (matchWeight.get(s) ?? 0)) matchWeight.set(s, weight);
      }
    }
    for (const [s, score] of best) {
      lexical.set(s, (lexical.get(s) ?? 0) + resolved.sectionImportance * score);
      let row = matched.get(s);
      if (!row) matched.set(s, (row = new Float32Array(words.length)));
      row[w] = Math.min(1, matchWeight.get(s)!);
    }
  });

  const candidates =
    topic.sectionCount <= depth
      ? Array.from({ length: topic.sectionCount }, (_, s) => s)
      : [...lexical.keys()].sort((a, b) => lexical.get(b)! - lexical.get(a)!).slice(0, depth);
  let perfect = 0;
  for (const resolved of words) {
    let top = 0;
    for (const { id, weight } of resolved.ids) top = Math.max(top, weight * topic.termMaxWeight[id]!);
    perfect += resolved.sectionImportance * top;
  }
  const denominator = words.reduce((sum, w) => sum + w.sectionImportance * w.known * w.discrimination, 0);
  // Identifiers the topic uses (`Task.WhenAll`, `.finally`); a question's own variable names say nothing.
  const knownIdentifiers = words.filter((w) => w.word.identifier && w.known > 0);
  const knownIdentifierImportance = knownIdentifiers.reduce((sum, w) => sum + w.importance, 0);
  const identifierImportance = words
    .filter((w) => w.word.identifier)
    .reduce((sum, w) => sum + w.importance, 0);
  const wholeName = namesWholeTopic(topic, words);
  // A question whose only known words are the topic's whole name ("when should I use generics") is
  // matched as fully by every section (and point) that uses the name: word counts cannot tell those
  // sections apart, and the phrasing and the overview do.
  const onlyName = wholeName && words.every((w) => w.isName || w.known === 0);
  const bm25Share = (score: number) =>
    onlyName ? (score > 0 ? 1 : 0) : perfect > 0 ? Math.min(1, score / perfect) : 0;
  const idToWords = wordsById(words);
  const phrasing = queryPhrasing(topic, query.phrasing, query, wholeName);
  // Whether the question is one of the sample questions compares like with like: the samples' own
  // weights, without the lesser weight the topic's name has when telling titles apart.
  const samplePhrasing = wholeName ? queryPhrasing(topic, query.phrasing, query, false) : phrasing;
  const wholePhrasing =
    query.wholePhrasing.length > query.phrasing.length
      ? queryPhrasing(topic, query.wholePhrasing, query, false)
      : samplePhrasing;
  const questionPairs = queryPairs(topic, query);

  const titleResemblance = candidates.map((s) => resemblance(topic, topic.phrasingStart[s]!, phrasing));
  const marginOver = margins(titleResemblance);
  const matches = candidates.map((s, at): SectionMatch => {
    const row = matched.get(s) ?? new Float32Array(words.length);
    const coverageOf = (weights: ArrayLike<number>) => {
      let sum = 0;
      words.forEach((w, i) => (sum += w.sectionImportance * w.discrimination * weights[i]!));
      return denominator > 0 ? sum / denominator : 0;
    };
    const [bestPoint, pointCoverage] = bestPointOf(topic, s, words.length, idToWords, coverageOf);
    let named = 0;
    words.forEach((w, i) => {
      if (w.word.identifier && w.known > 0 && row[i]! > 0) named += w.importance;
    });
    return {
      section: s,
      bestPoint,
      sampleSimilarity:
        wholePhrasing === samplePhrasing
          ? sampleResemblance(topic, s, samplePhrasing)
          : Math.max(sampleResemblance(topic, s, samplePhrasing), sampleResemblance(topic, s, wholePhrasing)),
      features: {
        bm25Share: bm25Share(lexical.get(s) ?? 0),
        identifierMatch: knownIdentifierImportance > 0 ? named / knownIdentifierImportance : 0,
        topicIdentifiers: identifierImportance > 0 ? knownIdentifierImportance / identifierImportance : 0,
        topicShare: routingShare,
        pairMatch: pairShare(topic, s, questionPairs),
        phrasingMargin: marginOver(at),
        knownEvidence: 1 - Math.exp(-knownImportance),
        overview: topic.sectionIsOverview[s]! * nameShare,
        pointMatch: onlyName ? (pointCoverage > 0 ? 1 : 0) : pointCoverage,
      },
    };
  });
  // A section matches the question only as far as its topic knows the question's words: its own
  // features count in proportion (a perfect match of one word of five is no perfect match).
  for (const m of matches) for (const k of SECTION_FEATURES) m.features[k] *= topicCoverage;
  return matches;
}

function resolveWords(topic: TopicIndex, words: readonly QueryWord[]): ResolvedWord[] {
  const nameTerms = new Set(topic.nameTerms);
  const resolved = words.map((word): ResolvedWord => {
    const byId = new Map<number, number>();
    for (const alt of word.alternatives) {
      const id = topic.termIds.get(alt.term);
      if (id === undefined || topic.termIsStop[id] || topic.termSections[id] === 0) continue;
      byId.set(id, Math.max(byId.get(id) ?? 0, alt.weight));
    }
    const ids = [...byId].map(([id, weight]) => ({ id, weight }));
    let known = 0;
    let idf = 0;
    let bestId = -1;
    for (const { id, weight } of ids) {
      if (weight > known) [known, idf, bestId] = [weight, topic.termIdf[id]!, id];
    }
    known = Math.min(1, known);
    const discrimination = DISCRIMINATION_FLOOR + (topic.maxIdf > 0 ? idf / topic.maxIdf : 0);
    const importance = importanceIn(word, known > 0);
    // The name of the topic's own language names the topic as well as its title does ("java streams").
    const isName =
      nameTerms.has(bestId) ||
      (word.language !== undefined && topic.languages.some((l) => languagesRelated(word.language!, l)));
    return { word, ids, known, discrimination, importance, sectionImportance: importance, isName };
  });
  // Naming the whole topic ("flexbox", "async await") or its language ("in JavaScript") says which
  // topic, not which section; naming one part of a topic's name ("await" in "async/await") may well
  // name a section.
  const wholeTopic = namesWholeTopic(topic, resolved);
  for (const w of resolved) {
    if (w.isName && (wholeTopic || w.word.language !== undefined)) {
      w.sectionImportance = w.importance * NAME_WORD_SHARE;
    }
  }
  return resolved;
}

/** Whether the question names every content word of one of the topic's names. */
function namesWholeTopic(topic: TopicIndex, words: readonly ResolvedWord[]): boolean {
  return topic.names.some((name) => name.every((id) => words.some((w) => w.ids.some((x) => x.id === id))));
}

function wordsById(words: readonly ResolvedWord[]): Map<number, { word: number; weight: number }[]> {
  const byId = new Map<number, { word: number; weight: number }[]>();
  words.forEach((w, i) => {
    for (const { id, weight } of w.ids) {
      const list = byId.get(id);
      if (list) list.push({ word: i, weight: Math.min(1, weight) });
      else byId.set(id, [{ word: i, weight: Math.min(1, weight) }]);
    }
  });
  return byId;
}

/**
 * The section's point whose words cover the question best (the first on a tie), null without points,
 * and how much of the question it covers (0 without points).
 */
function bestPointOf(
  topic: TopicIndex,
  section: number,
  wordCount: number,
  idToWords: Map<number, { word: number; weight: number }[]>,
  coverageOf: (weights: ArrayLike<number>) => number,
): [number | null, number] {
  const first = topic.passageStart[section]!;
  const points = topic.passageStart[section + 1]! - first;
  if (points === 0) return [null, 0];
  let bestPoint = 0;
  let bestCoverage = 0;
  const weights = new Float32Array(wordCount);
  for (let p = first; p < first + points; p++) {
    weights.fill(0);
    for (let t = topic.passageTermStart[p]!; t < topic.passageTermStart[p + 1]!; t++) {
      const matches = idToWords.get(topic.passageTerms[t]!);
      if (!matches) continue;
      for (const { word, weight } of matches) if (weight > weights[word]!) weights[word] = weight;
    }
    const coverage = coverageOf(weights);
    if (coverage > bestCoverage) [bestCoverage, bestPoint] = [coverage, p - first];
  }
  return [bestPoint, bestCoverage];
}

/** The question's phrasing as a weighted vector over the topic's terms, and its words the topic lacks. */
interface QueryPhrasing {
  weights: Map<number, number>;
  norm: number;
  /** Content words (not function words) the topic does not use anywhere. */
  unknownWords: number;
  /** Term ids of the content words the topic uses. */
  contentIds: number[];
}

function queryPhrasing(
  topic: TopicIndex,
  tokens: readonly Token[],
  query: Query,
  wholeName: boolean,
): QueryPhrasing {
  const names = new Set(wholeName ? topic.nameTerms : []);
  const corrected = correctedTerms(topic, query);
  const weights = new Map<number, number>();
  let unknown = 0;
  let unknownWords = 0;
  const contentIds: number[] = [];
  const seen = new Set<string>();
  for (const token of tokens) {
    const term =
      token.stop || token.negated || token.identifier
        ? token.term
        : (corrected.get(token.surface) ?? token.term);
    if (seen.has(term)) continue;
    seen.add(term);
    const id = topic.termIds.get(term);
    if (id !== undefined) {
      weights.set(id, phrasingWeight(term, token.stop, topic.termIdf[id]!, topic.maxIdf, names.has(id)));
      if (!token.stop) contentIds.push(id);
    } else {
      const weight = token.stop ? phrasingWeight(term, true, 0, 0) : wordRarity(token);
      unknown += weight * weight;
      if (!token.stop) unknownWords++;
    }
  }
  let sum = unknown;
  for (const w of weights.values()) sum += w * w;
  return { weights, norm: Math.sqrt(sum), unknownWords, contentIds };
}

/**
 * How closely the question is one of the section's sample questions, among those that hold every
 * content word of the question: a question about another thing in the same words ("what does the
 * await keyword do" beside "what does the async keyword do"), or about a word the topic has never
 * seen, is another question.
 */
function sampleResemblance(topic: TopicIndex, section: number, query: QueryPhrasing): number {
  if (query.unknownWords > 0) return 0;
  let best = 0;
  for (let p = topic.phrasingStart[section]! + 1; p < topic.phrasingStart[section + 1]!; p++) {
    if (holdsEveryWord(topic, p, query.contentIds)) best = Math.max(best, resemblance(topic, p, query));
  }
  return best;
}

/** Whether phrasing `p` of the topic uses every one of the term ids (a loop, not views: it runs per sample question). */
function holdsEveryWord(topic: TopicIndex, p: number, ids: readonly number[]): boolean {
  const start = topic.phrasingTermStart[p]!;
  const end = topic.phrasingTermStart[p + 1]!;
  for (const id of ids) {
    let found = false;
    for (let t = start; t < end && !found; t++) found = topic.phrasingTerms[t] === id;
    if (!found) return false;
  }
  return true;
}

/** Cosine of the question's phrasing and one of the topic's phrasings (a title or a sample question). */
function resemblance(topic: TopicIndex, phrasing: number, query: QueryPhrasing): number {
  const norm = topic.phrasingNorm[phrasing]!;
  if (query.norm === 0 || norm === 0) return 0;
  let dot = 0;
  for (let t = topic.phrasingTermStart[phrasing]!; t < topic.phrasingTermStart[phrasing + 1]!; t++) {
    const weight = query.weights.get(topic.phrasingTerms[t]!);
    if (weight) dot += weight * topic.phrasingWeights[t]!;
  }
  return Math.min(1, dot / (norm * query.norm));
}

/** Each value's lead (or lag) over the best of the others (the value itself when there are none), by position. */
function margins(values: readonly number[]): (at: number) => number {
  let first = -1;
  let second = -1;
  values.forEach((value, i) => {
    if (first < 0 || value > values[first]!) [first, second] = [i, first];
    else if (second < 0 || value > values[second]!) second = i;
  });
  return (at) => {
    const rival = at === first ? second : first;
    return rival < 0 ? values[at]! : values[at]! - values[rival]!;
  };
}

/** The question's pairs of neighbouring words that the topic uses both words of, as keys (TopicIndex.bigrams). */
function queryPairs(topic: TopicIndex, query: Query): number[] {
  const corrected = correctedTerms(topic, query);
  const tokens = query.phrasing.map((t) =>
    t.stop || t.negated || t.identifier ? t : { ...t, term: corrected.get(t.surface) ?? t.term },
  );
  const keys = neighbourPairs(tokens, topic.termIds).map(([a, b]) => a * topic.terms.length + b);
  return [...new Set(keys)];
}

/** Share of the question's word pairs that the section's text has side by side. */
function pairShare(topic: TopicIndex, section: number, pairs: readonly number[]): number {
  if (pairs.length === 0) return 0;
  let found = 0;
  for (const key of pairs) {
    let lo = topic.bigramStart[section]!;
    let hi = topic.bigramStart[section + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (topic.bigrams[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    if (lo < topic.bigramStart[section + 1]! && topic.bigrams[lo] === key) found++;
  }
  return found / pairs.length;
}

/**
 * Each word as written to the term this topic reads it as: its best-weighted alternative that the
 * topic uses (its typo correction, or the spelling the topic writes: "behaviour" read as `behavior`),
 * on a tie the one it uses most prominently (termMaxWeight); else its first alternative. Negated
 * forms are left out.
 */
function correctedTerms(topic: TopicIndex, query: Query): Map<string, string> {
  const corrected = new Map<string, string>();
  for (const w of query.words) {
    if (w.term.startsWith('not-')) continue;
    let chosen = w.alternatives[0]?.term ?? w.term;
    let best = 0;
    let uses = 0;
    for (const alt of w.alternatives) {
      const id = topic.termIds.get(alt.term);
      if (id === undefined) continue;
      const use = topic.termMaxWeight[id]!;
      if (alt.weight > best || (alt.weight === best && use > uses))
        [chosen, best, uses] = [alt.term, alt.weight, use];
    }
    corrected.set(w.surface, chosen);
  }
  return corrected;
}
