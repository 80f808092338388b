import chatterData from './data/chatter.json' with { type: 'json' };

/** A message that is chat rather than a question: thanks or praise, a complaint that an answer missed, or small talk. */
export type ChatterKind = 'thanks' | 'complaint' | 'small-talk';

function phrasePattern(phrases: readonly string[]): RegExp {
  const alternatives = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

const THANKS = phrasePattern(chatterData.thanks);
const COMPLAINTS = phrasePattern(chatterData.complaints);
const SMALL_TALK = phrasePattern(chatterData.smallTalk);
/** What is left of a message once its chat phrases are taken out: words, not punctuation or emoji. */
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The chat phrases a message carries, and how much of it they are. `whole` is true when nothing but
 * chat phrases, filler words ("btw", "mate"), punctuation and emoji is left once they are taken out.
 */
export function readChatter(text: string): { kind: ChatterKind; whole: boolean } | null {
  const found = chatterIn(text);
  return found && { kind: found.kind, whole: onlyFiller(found.rest) };
}

function onlyFiller(text: string): boolean {
  return (text.match(WORD) ?? []).every(isFillerWord);
}

/** A complaint outweighs thanks ("thanks but that's wrong"), and thanks outweigh small talk. */
function chatterIn(text: string): { kind: ChatterKind; rest: string } | null {
  const lower = text.toLowerCase().replace(/\u2019/g, "'");
  const complaint = lower.match(COMPLAINTS);
  const thanks = lower.match(THANKS);
  const smallTalk = lower.match(SMALL_TALK);
  if (!complaint && !thanks && !smallTalk) return null;
  const rest = lower.replace(COMPLAINTS, ' ').replace(THANKS, ' ').replace(SMALL_TALK, ' ');
  return { kind: complaint ? 'complaint' : thanks ? 'thanks' : 'small-talk', rest };
}

/** A question mark, or a question word opening the message or one of its clauses ("…so confusing, why do I…"). */
const QUESTION_SHAPE =
  /\?|(?:^|[,;:.!])[\s\p{P}]*(?:how|what|whats|what's|why|when|where|which|who|can|could|should|would|does|do|did|is|are|explain|difference)\b/iu;

/**
 * The chatter kind to give as the reason a message got no answer: always when it is nothing but chat,
 * and when it merely carries chat phrases only if it does not read as a question ("hi, what is a monad?"
 * is an uncovered question, not small talk).
 */
export function chatterReason(text: string): ChatterKind | null {
  const found = chatterIn(text);
  if (!found) return null;
  return onlyFiller(found.rest) || !QUESTION_SHAPE.test(found.rest) ? found.kind : null;
}

const FILLERS: ReadonlySet<string> = new Set(chatterData.fillers);

/** A chat word that carries no meaning inside a question ("yo", "nah", "rn"). */
export function isFillerWord(word: string): boolean {
  return FILLERS.has(word);
}
