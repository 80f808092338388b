/**
 * The story of one question, whatever door it came through (slash command, mention, DM, answer
 * channel, context menu) and whatever transport (gateway, HTTP): engine → reply a person would give →
 * duplicate check → the asker's limit → rendered reply + learning events. Sending is left to the
 * caller; `confirmPosted`/`postFailed` close the loop.
 *
 * The rules, in one place:
 * - Thanks and praise get a 👍 reaction in chat (an ephemeral "you're welcome" by interaction); small
 *   talk gets one friendly line saying what the bot knows; a question about a language no topic covers
 *   says so by name; only code gets "what would you like to know about it?".
 * - A section posted in the channel within the duplicate window is not posted again: in chat the asker
 *   gets a 👆 reaction while the earlier answer is on screen or the channel's posts are queued (busy),
 *   and a reply linking it once it has scrolled away in a quiet channel; by interaction an ephemeral
 *   pointer.
 * - Every other reply takes one question from the asker's allowance (RateLimits); a thanks or a pointer
 *   never does. Limited: an interaction gets an ephemeral notice; a mention a ⏳ reaction and no post;
 *   a DM one short reply per limited spell, then ⏳ reactions; an answer channel stays silent.
 */
import type { ConceptEngine } from '../answer/ConceptEngine.js';
import type { Answer } from '../answer/types.js';
import type { BotContext } from './BotContext.js';
import { answerLearningEvent } from '../learn/answerLearningEvent.js';
import { renderAnswer, renderSection, entryValue, type SectionEntry } from './render/renderAnswer.js';
import {
  renderCodeOnly,
  renderComplaint,
  renderDmLimited,
  renderDuplicatePointer,
  renderLimited,
  renderNothingToAnswer,
  renderSmallTalk,
  renderThanks,
  renderUncoveredLanguage,
  type KnownTopics,
} from './render/renderNotices.js';
import type { RenderedMessage } from './render/message.js';
import { renderHelp } from './render/renderHelp.js';
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
  /** The message this one replies to (chat), so that a complaint can name the answer it is about. */
  repliesTo?: string;
}

/** Reactions the bot puts on a chat message instead of posting. */
export const Reactions = {
  thanks: '👍',
  limited: '⏳',
  seeAbove: '👆',
  smallTalk: '👋',
} as const;

/** Why a notice was given rather than an answer (`help`: a mention with nothing else in it). */
export type NoticeReason = 'thanks' | 'complaint' | 'small-talk' | 'code-only' | 'empty' | 'help';

/**
 * What to do with a question. Every outcome but `silent` carries `message`: what an interaction shows
 * (ephemeral unless `type` is `reply`), and what a chat door posts unless `reaction` is set, in which
 * case a chat door reacts to the asker's message with it and posts nothing.
 */
export type Outcome =
  | { type: 'silent'; reason: 'unsure' | 'limited' }
  | { type: 'limited'; message: RenderedMessage; retryAfterMs: number; reaction?: string }
  | { type: 'duplicate'; message: RenderedMessage; entry: string; reaction?: string }
  | {
      type: 'notice';
      reason: NoticeReason;
      message: RenderedMessage;
      answer: Answer | null;
      reaction?: string;
    }
  | {
      type: 'reply';
      message: RenderedMessage;
      answer: Answer | null;
      entry: string | undefined;
      claim?: RecentPost;
      /** The AnswerMemory key of what it shows: a chat door records the posted message under it. */
      key?: string;
    };

/** Doors where a reply is a channel message anyone sees, so a notice is better as a reaction. */
export function isChatDoor(via: Via): boolean {
  return via === 'mention' || via === 'dm' || via === 'channel';
}

/** Answers a free-text question. */
export function answerQuestion(ctx: BotContext, question: string, asker: Asker): Outcome {
  const engine = ctx.getEngine();
  const answer = engine.ask(question);
  if (asker.confidentOnly && answer.kind !== 'answer') return { type: 'silent', reason: 'unsure' };
  const chat = isChatDoor(asker.via);

  if (answer.kind === 'none' && answer.reason === 'thanks') {
    return {
      type: 'notice',
      reason: 'thanks',
      message: renderThanks(),
      answer,
      ...(chat ? { reaction: Reactions.thanks } : {}),
    };
  }

  const entry = answer.kind === 'answer' && answer.match ? entryValue(answer.match) : undefined;
  if (entry && answer.match) {
    const duplicate = checkDuplicate(ctx, asker, answer.match, entry);
    if (duplicate) return duplicate;
  }

  const limited = takeQuestion(ctx, asker, answer.reason === 'small-talk' ? Reactions.smallTalk : undefined);
  if (limited) return limited;

  if (answer.kind === 'none') {
    if (answer.reason === 'complaint') return complaintNotice(ctx, engine, answer, asker);
    const notice = noticeFor(answer, engine);
    if (notice) return notice;
  }

  const key = ctx.memory.remember({ question, askerId: asker.userId, entry });
  const message =
    answer.kind === 'none' && answer.reason === 'unknown-language' && answer.unknownLanguages.length > 0
      ? renderUncoveredLanguage(answer.unknownLanguages, knownTopics(engine))
      : renderAnswer(answer, {
          askerId: asker.userId,
          forUserId: asker.forUserId,
          key,
          showQuestion: asker.showQuestion,
        });
  const claim = entry ? ctx.recentPosts.remember(asker.channelId, entry) : undefined;
  const event = answerLearningEvent(answer, question, asker.userId);
  if (event) ctx.learn(event);
  return { type: 'reply', message, answer, entry, claim, key };
}

/**
 * A notice for a message the engine need not read: `help` for a bare mention, `code-only` for a
 * message that is only code. Takes a question from the allowance like any reply.
 */
export function answerNotice(ctx: BotContext, asker: Asker, reason: 'help' | 'code-only'): Outcome {
  const limited = takeQuestion(ctx, asker);
  if (limited) return limited;
  const message =
    reason === 'help'
      ? renderHelp({ answerChannels: ctx.config.answerChannelIds.length > 0 })
      : renderCodeOnly();
  return { type: 'notice', reason, message, answer: null };
}

/** Shows a section picked by name (lookup). */
export function showEntry(ctx: BotContext, found: SectionEntry, label: string, asker: Asker): Outcome {
  const entry = entryValue(found);
  const duplicate = checkDuplicate(ctx, asker, found, entry);
  if (duplicate) return duplicate;
  const limited = takeQuestion(ctx, asker);
  if (limited) return limited;
  const key = ctx.memory.remember({ question: label, askerId: asker.userId, entry });
  const message = renderSection(found, { askerId: asker.userId, forUserId: asker.forUserId, key });
  const claim = ctx.recentPosts.remember(asker.channelId, entry);
  return { type: 'reply', message, answer: null, entry, claim, key };
}

/** What the bot knows, for replies that say so. */
export function knownTopics(engine: ConceptEngine): KnownTopics {
  const topics = engine.knowledge.topics;
  let example: string | undefined;
  for (const topic of topics) {
    example = topic.sections.find((s) => s.questions.length > 0)?.questions[0];
    if (example) break;
  }
  return { titles: topics.map((t) => t.title), ...(example ? { example } : {}) };
}

function noticeFor(answer: Answer, engine: ConceptEngine): Outcome | undefined {
  switch (answer.reason) {
    case 'small-talk':
      return { type: 'notice', reason: 'small-talk', message: renderSmallTalk(knownTopics(engine)), answer };
    case 'code-only':
      return { type: 'notice', reason: 'code-only', message: renderCodeOnly(), answer };
    case 'empty':
      return { type: 'notice', reason: 'empty', message: renderNothingToAnswer(), answer };
    default:
      return undefined;
  }
}

/**
 * A complaint: how to ask better. One that replies to an answer the bot remembers is also that answer's
 * "not helpful" feedback, as the button under it would be.
 */
function complaintNotice(ctx: BotContext, engine: ConceptEngine, answer: Answer, asker: Asker): Outcome {
  const about = asker.repliesTo === undefined ? undefined : ctx.memory.ofMessage(asker.repliesTo);
  if (about?.entry) {
    ctx.learn({ type: 'not-helpful', question: about.question, userId: asker.userId, entry: about.entry });
  }
  return {
    type: 'notice',
    reason: 'complaint',
    message: renderComplaint(knownTopics(engine), { noted: Boolean(about?.entry) }),
    answer,
  };
}

/**
 * Takes one question from the asker's allowance; returns the limited outcome when there is none.
 * `chatReaction` replaces ⏳ in chat (small talk gets a wave, not a "slow down").
 */
function takeQuestion(ctx: BotContext, asker: Asker, chatReaction?: string): Outcome | undefined {
  const decision = ctx.limits.take(asker.userId);
  if (decision.ok) return undefined;
  const { retryAfterMs, firstInSpell } = decision;
  switch (asker.via) {
    case 'channel':
      return { type: 'silent', reason: 'limited' };
    case 'mention':
      return {
        type: 'limited',
        message: renderLimited(retryAfterMs),
        retryAfterMs,
        reaction: chatReaction ?? Reactions.limited,
      };
    case 'dm':
      return firstInSpell && !chatReaction
        ? { type: 'limited', message: renderDmLimited(retryAfterMs), retryAfterMs }
        : {
            type: 'limited',
            message: renderDmLimited(retryAfterMs),
            retryAfterMs,
            reaction: chatReaction ?? Reactions.limited,
          };
    default:
      return { type: 'limited', message: renderLimited(retryAfterMs), retryAfterMs };
  }
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
  const message = renderDuplicatePointer(found, recent.link);
  // A reply with the link only helps once the answer has scrolled away, and only when the channel's
  // send budget is free: in a busy channel the reaction says it at once and costs no post.
  const react =
    !ctx.recentPosts.scrolledAway(asker.channelId, recent) || ctx.outbox.pendingIn(asker.channelId) > 0;
  return {
    type: 'duplicate',
    message,
    entry,
    ...(isChatDoor(asker.via) && react ? { reaction: Reactions.seeAbove } : {}),
  };
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

/** The outcome's name in the log: the answer's kind, or what was done instead. */
function outcomeLabel(outcome: Outcome): string {
  switch (outcome.type) {
    case 'reply':
      return outcome.answer?.kind ?? 'lookup';
    case 'notice':
      return outcome.reason;
    case 'silent':
      return outcome.reason === 'limited' ? 'limited' : 'silent';
    default:
      return outcome.type;
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
  const answer = outcome.type === 'reply' || outcome.type === 'notice' ? outcome.answer : null;
  const best = answer?.match ?? answer?.suggestions[0];
  ctx.logger.info(
    {
      event: 'question',
      via: asker.via,
      channelId: asker.channelId,
      outcome: outcomeLabel(outcome),
      reason: answer?.kind === 'none' ? answer.reason : undefined,
      unknownLanguages: answer?.unknownLanguages.length ? answer.unknownLanguages : undefined,
      reaction: 'reaction' in outcome ? outcome.reaction : undefined,
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
