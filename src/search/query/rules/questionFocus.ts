import type { Query, Segment } from '../Query.js';

/** How much the words around the question sentence count ("I've been at this all day. ..."). */
const CONTEXT_WEIGHT = 0.3;
/** Longest focus the engine reads; the rest of a long question sentence is cut at a word boundary. */
const MAX_FOCUS_CHARS = 1_500;
const QUESTION_START =
  /^(?:so|ok|okay|but|and|like|basically|anyway|hey|yo|also|then|now|pls|please|can anyone|could someone|quick question|question)?[\s,]*(?:how|what|what's|whats|why|when|where|which|who|whom|can|could|should|would|will|does|do|did|is|are|was|were|isn't|aren't|doesn't|don't|explain|eli5|tell me|help|any ?one know|difference)\b/i;

/**
 * A long message is read for its question: split into sentences (and a `label:` prefix), the ones
 * that ask something (a question mark, or a question word up front) count fully, the rest as context.
 * A message with no such sentence, or of one sentence, counts whole.
 */
export function questionFocus(query: Query): Query {
  const sentences = splitSentences(query.prose);
  const asking = sentences.map(isQuestion);
  if (sentences.length < 2 || !asking.some(Boolean) || asking.every(Boolean)) return query;
  const segments: Segment[] = sentences.map((text, i) => ({
    text,
    weight: asking[i] ? 1 : CONTEXT_WEIGHT,
  }));
  return { ...query, segments: capFocus(segments) };
}

function splitSentences(prose: string): string[] {
  return prose
    .split(/(?<=[.!?])\s+|(?<=^[^.!?:]{1,40}):\s+|\s*[;\n]\s*/)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
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
