import { questionIntents } from './questionIntents.js';
import { languageMentionsIn, languagesAskedAbout, withoutLanguageNames } from './languageMentions.js';
import { normalizeText } from './normalizeText.js';
import { searchConfig } from './searchConfig.js';
import { phraseTerms, type SectionIndex } from './SectionIndex.js';
import { synonymsOf } from './synonyms.js';
import { termVector, type TermVector } from './termVector.js';
import { negatedTerm, tokenize, type Token } from './tokenize.js';
import type { TypoCorrector } from './TypoCorrector.js';

/** One way a question word can match: itself, its typo correction, or a synonym. */
export interface Alternative {
  term: string;
  weight: number;
  /** The word as asked (or its typo correction), as opposed to a synonym. */
  literal: boolean;
  /** Found by typo correction. */
  typo?: boolean;
}

/** A content word of the question with everything it may match. */
export interface QueryWord {
  surface: string;
  /** The term it was read as: itself, or its typo correction. */
  term: string;
  importance: number;
  /** The knowledge uses the word (or its correction, or a synonym). */
  known: boolean;
  alternatives: Alternative[];
  /** Added for the question's intent ("what is X for?" -> purpose): it ranks sections the question's own words found. */
  intent?: boolean;
}

/** A question read against one knowledge base: its words, what they may match, and where it may be answered. */
export interface AnalyzedQuestion {
  words: QueryWord[];
  /** Topic ids it may be answered from (empty: any); null when it asks about a language no topic covers. */
  allowedTopics: ReadonlySet<string> | null;
  /** Languages it asks about that no topic is about. */
  unknownLanguages: string[];
  totalImportance: number;
  knownImportance: number;
  knownWords: number;
  /** Its phrasing, for comparing with sample questions. */
  phrasing: TermVector;
  /** Per section, the multi-word keywords or title it contains word for word, weighted by specificity. */
  phraseHits: Map<number, number>;
}

export function analyzeQuestion(
  index: SectionIndex,
  typos: TypoCorrector,
  question: string,
): AnalyzedQuestion {
  const text = normalizeText(question);
  const languageMentions = languageMentionsIn(text);
  const mentioned = languagesAskedAbout(text, languageMentions);
  const allowedTopics = topicsFor(index, mentioned);
  const tokens = splitCompounds(index, tokenize(withoutLanguageNames(text, languageMentions)));
  // Intent words search like the question's own words but are not part of its phrasing.
  const ownWords = queryWords(index, typos, tokens);
  const asked = new Set(ownWords.map((w) => w.term));
  const intentWords = queryWords(
    index,
    typos,
    questionIntents(text).flatMap((word) => tokenize(word)),
  ).filter((w) => !asked.has(w.term));
  const words = [...ownWords, ...intentWords.map((w) => ({ ...w, intent: true }))];
  // The question as read: each word as its typo correction, where it had one.
  const corrected = new Map(words.map((w) => [w.surface, w.term]));
  const readAs = tokens.map((t) => (t.stop ? t : { ...t, term: corrected.get(t.surface) ?? t.term }));
  return {
    words,
    allowedTopics,
    unknownLanguages: allowedTopics ? [] : [...mentioned],
    totalImportance: words.reduce((sum, w) => sum + w.importance, 0),
    knownImportance: words.reduce((sum, w) => sum + (w.known ? w.importance : 0), 0),
    knownWords: words.filter((w) => w.known).length,
    phrasing: termVector(readAs, (t) => index.termWeight(t)),
    phraseHits: phrasesContained(index, readAs),
  };
}

const MIN_COMPOUND_PART = 3;

/** A word the knowledge lacks that is two of its words run together ("threadpool") reads as both. */
function splitCompounds(index: SectionIndex, tokens: Token[]): Token[] {
  return tokens.flatMap((token) => {
    const { surface } = token;
    if (
      token.stop ||
      token.identifier ||
      token.negated ||
      index.vocabulary.has(surface) ||
      index.has(token.term)
    )
      return [token];
    for (let cut = MIN_COMPOUND_PART; cut <= surface.length - MIN_COMPOUND_PART; cut++) {
      const left = surface.slice(0, cut);
      const right = surface.slice(cut);
      if (!index.vocabulary.has(left) || !index.vocabulary.has(right)) continue;
      const parts = tokenize(`${left} ${right}`);
      if (parts.length === 2 && parts.every((t) => !t.stop)) return parts;
    }
    return [token];
  });
}

/** Topic ids a question may be answered from, given the languages it names; null when none fits. */
function topicsFor(index: SectionIndex, mentioned: ReadonlySet<string>): ReadonlySet<string> | null {
  if (mentioned.size === 0) return new Set();
  const allowed = new Set<string>();
  for (const [topic, languages] of index.topicLanguages) {
    if (languages.size === 0 || [...mentioned].some((l) => languages.has(l))) allowed.add(topic);
  }
  return allowed.size ? allowed : null;
}

function queryWords(index: SectionIndex, typos: TypoCorrector, tokens: readonly Token[]): QueryWord[] {
  const byTerm = new Map<string, QueryWord>();
  for (const token of tokens) {
    if (token.stop || byTerm.has(token.term)) continue;
    const base = token.identifier ? searchConfig.identifierWeight : 1;
    let known: Alternative | undefined = index.has(token.term)
      ? { term: token.term, weight: base, literal: true }
      : undefined;
    const extra: Alternative[] = [];
    if (known && !token.negated && !index.vocabulary.has(token.surface)) {
      // A misspelling can share a stem with a rarer word ("cach" -> `cache`): the common word it is one edit from wins.
      const fix = typos.correct(token.surface);
      const corrected = fix ? index.vocabulary.get(fix.word) : undefined;
      if (
        corrected &&
        corrected !== known.term &&
        index.documentFrequency(corrected) > index.documentFrequency(known.term)
      ) {
        extra.push({ ...known, weight: searchConfig.synonymWeight, literal: false });
        known = { term: corrected, weight: base * searchConfig.typoWeight, literal: true, typo: true };
      }
    }
    if (!known && token.identifier && token.term.includes('.')) continue; // its parts carry it
    if (!known && token.surface.startsWith('un') && token.surface.length > 5) {
      // "unawaited" reads as "not awaited"
      const rest = tokenize(token.surface.slice(2))[0];
      if (rest && index.has(negatedTerm(rest.term)))
        known = { term: negatedTerm(rest.term), weight: base, literal: true };
    }
    if (!known) {
      const fix = typos.correct(token.surface);
      const corrected = fix ? index.vocabulary.get(fix.word) : undefined;
      const term = corrected && token.negated ? negatedTerm(corrected) : corrected;
      if (term && index.has(term))
        known = { term, weight: base * searchConfig.typoWeight, literal: true, typo: true };
    }
    // "never gets": when the knowledge has no negated form, the word itself (its own token) carries it.
    if (!known && token.negated) continue;
    const root = known?.term ?? token.term;
    const alternatives: Alternative[] = known ? [known, ...extra] : [];
    for (const synonym of synonymsOf(root)) {
      if (index.has(synonym))
        alternatives.push({ term: synonym, weight: searchConfig.synonymWeight, literal: false });
    }
    const importance = alternatives.length
      ? index.idf(alternatives[0]!.term)
      : searchConfig.unknownWordImportance * index.maxIdf;
    byTerm.set(token.term, {
      surface: token.surface,
      term: root,
      importance,
      known: alternatives.length > 0,
      alternatives,
    });
  }
  return [...byTerm.values()];
}

/** Per section, how many of its multi-word keywords (or its title) the question contains word for word, weighted by how specific each is. */
function phrasesContained(index: SectionIndex, readAs: readonly Token[]): Map<number, number> {
  const sequence = phraseTerms(readAs);
  const hits = new Map<number, number>();
  for (let start = 0; start < sequence.length; start++) {
    for (const { doc, terms, specificity } of index.phrases.get(sequence[start]!) ?? []) {
      if (terms.every((term, i) => sequence[start + i] === term))
        hits.set(doc, (hits.get(doc) ?? 0) + specificity);
    }
  }
  return hits;
}
