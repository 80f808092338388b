import { languageMentionsIn, withoutLanguageNames } from '../languageMentions.js';
import { tokenize, type Token } from '../tokenize.js';
import type { Query, QueryContext, QueryWord, Segment } from './Query.js';
import { QUERY_RULES, QUERY_RULE_NAMES, type QueryRule, type QueryRuleName } from './queryRules.js';
import { readMessage } from './readMessage.js';
import { wordRarity } from './wordImportance.js';

/** How much a language or tool name counts as a word, beside the question's other words. */
const LANGUAGE_NAME_WEIGHT = 0.3;
/** Longest stretch of prose read as the question when no rule picks a focus. */
const MAX_PLAIN_CHARS = 1_500;

/**
 * Reads a question: prose and pasted code apart, the languages it names, then the enabled query
 * rules in order, text rules before the prose is split into words and word rules after.
 */
export function analyzeQuery(
  question: string,
  context: QueryContext,
  rules: Readonly<Record<QueryRuleName, boolean>>,
): Query {
  const { prose, code } = readMessage(question);
  let query: Query = {
    question,
    prose,
    code,
    languages: [...languageMentionsIn(prose)],
    segments: [],
    words: [],
    phrasing: [],
    wholePhrasing: [],
  };
  const enabled = QUERY_RULE_NAMES.filter((name) => rules[name]).map((name) => QUERY_RULES[name]);
  const run = (stage: 'text' | 'words') => {
    for (const rule of enabled) if (rule.stage === stage) query = (rule.apply as QueryRule)(query, context);
  };
  run('text');
  // Read whole when no rule picked a focus.
  if (!query.segments.length && query.prose.trim())
    query = { ...query, segments: [{ text: cut(query.prose, MAX_PLAIN_CHARS), weight: 1 }] };
  query = { ...query, ...wordsOf(query.segments) };
  run('words');
  if (!rules.negation) query = { ...query, words: query.words.filter((w) => !w.term.startsWith('not-')) };
  return query;
}

/** The content words of the segments (each once, at its most important) and the focus's phrasing. */
function wordsOf(segments: readonly Segment[]): Pick<Query, 'words' | 'phrasing' | 'wholePhrasing'> {
  const byTerm = new Map<string, QueryWord>();
  const phrasing: Token[] = [];
  const wholePhrasing: Token[] = [];
  for (const segment of segments) {
    const mentions = languageMentionsIn(segment.text);
    const tokens = tokenize(withoutLanguageNames(segment.text, mentions));
    if (segment.weight >= 1) phrasing.push(...tokens);
    wholePhrasing.push(...tokens);
    // Language and tool names route the question (searchKnowledge); as words they count little.
    // A name given only to compare ("like in JavaScript") is not a word of the question.
    const names = mentions
      .filter((m) => !m.comparative)
      .flatMap((m) =>
        tokenize(segment.text.slice(m.start, m.end).toLowerCase()).map((t) => [t, m.language] as const),
      );
    for (const [token, weight, language] of [
      ...tokens.map((t) => [t, segment.weight, undefined] as const),
      ...names.map(([t, language]) => [t, segment.weight * LANGUAGE_NAME_WEIGHT, language] as const),
    ]) {
      if (token.stop) continue;
      const rarity = wordRarity(token);
      const importance = rarity * weight;
      const seen = byTerm.get(token.term);
      if (seen && seen.importance >= importance) continue;
      byTerm.set(token.term, {
        surface: token.surface,
        term: token.term,
        importance,
        rarity,
        weight,
        ...(segment.weight < 1 ? { context: true } : {}),
        alternatives: [{ term: token.term, weight: 1 }],
        identifier: token.identifier,
        ...(language ? { language } : {}),
      });
    }
  }
  return { words: withContextCapped([...byTerm.values()]), phrasing, wholePhrasing };
}

/** The words around the question sentence together count at most this share of the question's own. */
const CONTEXT_CAP = 0.5;

/** A long story around a short question must not drown it: context words are scaled down together. */
function withContextCapped(words: QueryWord[]): QueryWord[] {
  const total = (focus: boolean) =>
    words.reduce((sum, w) => sum + (w.weight >= 1 === focus ? w.importance : 0), 0);
  const [focus, context] = [total(false), total(true)];
  if (focus === 0 || context <= CONTEXT_CAP * focus) return words;
  const scale = (CONTEXT_CAP * focus) / context;
  return words.map((w) =>
    w.context ? { ...w, weight: w.weight * scale, importance: w.importance * scale } : w,
  );
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const at = text.lastIndexOf(' ', max);
  return text.slice(0, at > max / 2 ? at : max);
}
