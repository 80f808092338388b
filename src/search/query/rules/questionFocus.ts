import { tokenize } from '../../tokenize.js';
import type { Query, QueryContext, Segment } from '../Query.js';

/** How much the words around the question sentence count ("I've been at this all day. ..."). */
const CONTEXT_WEIGHT = 0.3;
/** Longest focus the engine reads; the rest of a long question sentence is cut at a word boundary. */
const MAX_FOCUS_CHARS = 1_500;
const QUESTION_START =
  /^(?:so|ok|okay|but|and|like|basically|anyway|hey|yo|also|then|now|pls|please|can anyone|could someone|quick question|question)?[\s,]*(?:how|what|what's|whats|why|when|where|which|who|whom|can|could|should|would|will|does|do|did|is|are|was|were|isn't|aren't|doesn't|don't|explain|eli5|tell me|help|any ?one know|difference)\b/i;

/**
 * A message this long or shorter counts whole, its few sentences all saying what is asked, but for a
 * `label:` the knowledge has no word of, before a question ("rate limited: what does await do"; not
 * "async state machine: what does the compiler generate?").
 */
const LONG_MESSAGE = 300;
/** A `label:` opening a message: up to 40 characters with no sentence end or colon. */
const LABEL_TEXT = '[^.!?:]{1,40}';
const LABEL = new RegExp(`^(${LABEL_TEXT}):\\s+(.+)$`, 's');
const SENTENCE_BREAK = new RegExp(`(?<=[.!?])\\s+|(?<=^${LABEL_TEXT}):\\s+|\\s*[;\\n]\\s*`);

/**
 * A long message is read for its question: split into sentences (and a `label:` prefix), the ones
 * that ask something (a question mark, or a question word up front) count fully, the rest as context.
 * A short message is split only at a `label:` as above; one with no asking part, or nothing else, counts whole.
 */
export function questionFocus(query: Query, context: QueryContext): Query {
  const sentences =
    query.prose.length > LONG_MESSAGE ? splitSentences(query.prose) : labelAndRest(query.prose, context);
  const asking = sentences.map(isQuestion);
  if (sentences.length < 2 || !asking.some(Boolean) || asking.every(Boolean)) return query;
  const segments: Segment[] = sentences.map((text, i) => ({
    text,
    weight: asking[i] ? 1 : CONTEXT_WEIGHT,
  }));
  return { ...query, segments: capFocus(segments) };
}

function labelAndRest(prose: string, context: QueryContext): string[] {
  const label = LABEL.exec(prose.trim());
  if (!label) return [prose];
  const known = tokenize(label[1]!).some((t) => !t.stop && context.knowsTerm(t.term));
  return known ? [prose] : [label[1]!, label[2]!];
}

/** A sentence longer than this is read as clauses (people who ramble use commas, not full stops). */
const LONG_SENTENCE = 300;

function splitSentences(prose: string): string[] {
  return prose
    .split(SENTENCE_BREAK)
    .flatMap((s) => (s.length > LONG_SENTENCE ? s.split(/,\s+|\s+[-–—]\s+/) : [s]))
    .flatMap(splitTrailingQuestion)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** A question word that may open the question at the end of a long run-on sentence. */
const QUESTION_WORD = /\b(?:(?:so|and|but|like|basically)\s+)?(?:what|how|why|when|where|which|who)\b/gi;

/** Longest question read off the end of a run-on clause. */
const TRAILING_QUESTION = 150;

/**
 * A long clause ending in "?" is split where its question begins ("... were slow so what does await
 * do?"): at the last question word that leaves at least four words, and at a question word right
 * before that one ("so what does ...").
 */
function splitTrailingQuestion(clause: string): string[] {
  if (clause.length <= TRAILING_QUESTION || !/\?\s*$/.test(clause)) return [clause];
  const starts = [...clause.matchAll(QUESTION_WORD)].map((m) => ({
    at: m.index,
    end: m.index + m[0].length,
  }));
  let pick = -1;
  starts.forEach((s, i) => {
    if (clause.slice(s.at).trim().split(/\s+/).length >= 4) pick = i;
  });
  while (pick > 0 && /^\s*$/.test(clause.slice(starts[pick - 1]!.end, starts[pick]!.at))) pick--;
  const at = pick >= 0 ? starts[pick]!.at : -1;
  return at > 0 && clause.length - at <= TRAILING_QUESTION
    ? [clause.slice(0, at), clause.slice(at)]
    : [clause];
}

function isQuestion(sentence: string): boolean {
  return /\?\s*$/.test(sentence) || QUESTION_START.test(sentence);
}

/** The focus sentences, and the context apart, each stay within the bound; later ones are dropped first. */
function capFocus(segments: Segment[]): Segment[] {
  const room = { focus: MAX_FOCUS_CHARS, context: MAX_FOCUS_CHARS };
  return segments.flatMap((segment) => {
    const kind = segment.weight < 1 ? 'context' : 'focus';
    if (room[kind] <= 0) return [];
    const text = segment.text.length > room[kind] ? segment.text.slice(0, room[kind]) : segment.text;
    room[kind] -= text.length;
    return [{ ...segment, text }];
  });
}
