/**
 * The story of one question, whatever door it came through (slash command, mention, DM, answer
 * channel, context menu): cooldown → engine → duplicate check → rendered reply + learning events.
 * Sending is left to the caller; `confirmPosted`/`postFailed` close the loop.
 */
import type { Answer } from '../answer/types.js';
import type { BotContext } from './BotContext.js';
import { renderAnswer, renderSection, entryValue, type SectionEntry } from './render/renderAnswer.js';
import { renderCooldown, renderDuplicatePointer } from './render/renderNotices.js';
import type { RenderedMessage } from './render/message.js';
import type { RecentPost } from './safety/RecentPosts.js';

export type Via = 'ask' | 'lookup' | 'context-menu' | 'mention' | 'dm' | 'channel' | 'button';

export interface Asker {
  userId: string;
  channelId: string;
  via: Via;
  forUserId?: string;
  /** Echo the question above the answer (slash commands). */
  showQuestion?: boolean;
  /** Answer channels: only a confident answer is posted; anything else stays silent. */
  confidentOnly?: boolean;
}

export type Outcome =
  | { type: 'silent'; reason: 'unsure' | 'cooldown' }
  | { type: 'cooldown'; message: RenderedMessage; retryAfterMs: number }
  | { type: 'duplicate'; message: RenderedMessage; entry: string }
  | {
      type: 'reply';
      message: RenderedMessage;
      answer: Answer | null;
      entry: string | undefined;
      claim?: RecentPost;
    };

/** Answers a free-text question. */
export function answerQuestion(ctx: BotContext, question: string, asker: Asker): Outcome {
  const waited = checkCooldown(ctx, asker);
  if (waited) return waited;
  const answer = ctx.getEngine().ask(question);
  if (asker.confidentOnly && answer.kind !== 'answer') return { type: 'silent', reason: 'unsure' };
  const entry = answer.kind === 'answer' && answer.match ? entryValue(answer.match) : undefined;
  if (entry && answer.match) {
    const duplicate = checkDuplicate(ctx, asker, answer.match, entry);
    if (duplicate) return duplicate;
  }
  const key = ctx.memory.remember({ question, askerId: asker.userId, entry });
  const message = renderAnswer(answer, {
    askerId: asker.userId,
    forUserId: asker.forUserId,
    key,
    showQuestion: asker.showQuestion,
  });
  ctx.cooldown.start(asker.userId);
  const claim = entry ? ctx.recentPosts.remember(asker.channelId, entry) : undefined;
  if (answer.kind === 'none') {
    ctx.learn({ type: 'unanswered', question, userId: asker.userId });
  } else if (answer.kind === 'suggest') {
    ctx.learn({
      type: 'suggested',
      question,
      userId: asker.userId,
      offered: answer.suggestions.map(entryValue),
    });
  }
  return { type: 'reply', message, answer, entry, claim };
}

/** Shows a section picked by name (lookup). */
export function showEntry(ctx: BotContext, found: SectionEntry, label: string, asker: Asker): Outcome {
  const waited = checkCooldown(ctx, asker);
  if (waited) return waited;
  const entry = entryValue(found);
  const duplicate = checkDuplicate(ctx, asker, found, entry);
  if (duplicate) return duplicate;
  const key = ctx.memory.remember({ question: label, askerId: asker.userId, entry });
  const message = renderSection(found, { askerId: asker.userId, forUserId: asker.forUserId, key });
  ctx.cooldown.start(asker.userId);
  const claim = ctx.recentPosts.remember(asker.channelId, entry);
  return { type: 'reply', message, answer: null, entry, claim };
}

function checkCooldown(ctx: BotContext, asker: Asker): Outcome | undefined {
  const retryAfterMs = ctx.cooldown.remaining(asker.userId);
  if (retryAfterMs <= 0) return undefined;
  if (asker.via === 'channel' || asker.via === 'mention' || asker.via === 'dm') {
    return { type: 'silent', reason: 'cooldown' };
  }
  return { type: 'cooldown', message: renderCooldown(retryAfterMs), retryAfterMs };
}

function checkDuplicate(
  ctx: BotContext,
  asker: Asker,
  found: SectionEntry,
  entry: string,
): Outcome | undefined {
  // Pointing someone else at an answer ("for: @user") is always a fresh post.
  if (asker.forUserId) return undefined;
  const recent = ctx.recentPosts.find(asker.channelId, entry);
  if (!recent) return undefined;
  ctx.cooldown.start(asker.userId);
  return { type: 'duplicate', message: renderDuplicatePointer(found, recent.link), entry };
}

/** Records where the answer landed (for later duplicate pointers). */
export function confirmPosted(outcome: Outcome, link: string | undefined): void {
  if (outcome.type === 'reply' && outcome.claim && link) outcome.claim.link = link;
}

/** Frees the duplicate slot of an answer that could not be sent. */
export function postFailed(ctx: BotContext, outcome: Outcome, channelId: string): void {
  if (outcome.type === 'reply' && outcome.claim && outcome.entry) {
    ctx.recentPosts.forget(channelId, outcome.entry, outcome.claim);
  }
}

/** One structured log line for a question's outcome. */
export function logOutcome(
  ctx: BotContext,
  question: string,
  asker: Asker,
  outcome: Outcome,
  startedAt: number,
  extra: Record<string, unknown> = {},
): void {
  const latencyMs = Math.round((performance.now() - startedAt) * 100) / 100;
  const answer = outcome.type === 'reply' ? outcome.answer : null;
  const best = answer?.match ?? answer?.suggestions[0];
  ctx.logger.info(
    {
      event: 'question',
      via: asker.via,
      channelId: asker.channelId,
      outcome: outcome.type === 'reply' ? (answer?.kind ?? 'lookup') : outcome.type,
      entry: outcome.type === 'reply' || outcome.type === 'duplicate' ? outcome.entry : undefined,
      confidence: best ? Math.round(best.confidence * 1000) / 1000 : undefined,
      suggestions: answer?.kind === 'suggest' ? answer.suggestions.map(entryValue) : undefined,
      question: question.length > 200 ? `${question.slice(0, 200)}…` : question,
      latencyMs,
      ...extra,
    },
    'question',
  );
}
