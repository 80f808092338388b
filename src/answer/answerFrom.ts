import { chatterReason, readChatter } from '../search/chatter.js';
import type { EngineOptions } from '../search/engineOptions.js';
import { languageLabel } from '../search/languageMentions.js';
import type { ScoredSection, SearchResult } from '../search/searchKnowledge.js';
import { decide } from './decide.js';
import type { Answer, NoAnswerReason } from './types.js';

/**
 * The engine's decision for a searched question: answer, "did you mean", or none with its reason
 * (thanks and small talk, code without words, a language no topic covers, nothing that matches).
 */
export function answerFrom(
  question: string,
  result: Pick<SearchResult, 'query' | 'unknownLanguages'> & { ranked: readonly ScoredSection[] },
  thresholds: EngineOptions['thresholds'],
): Answer {
  const chatter = readChatter(question);
  if (chatter?.whole) return decide(question, [], thresholds, chatter.kind);
  // A complaint with no question in it ("thanks but that's not what I asked") is not searched: its
  // words ("wrong", "asked") would only find some section to offer.
  if (chatter?.kind === 'complaint' && chatterReason(question) === 'complaint')
    return decide(question, [], thresholds, 'complaint');
  const ranked = result.ranked.map(({ topic, section, confidence, bestPoint }) => ({
    topic,
    section,
    confidence,
    bestPoint,
  }));
  return decide(question, ranked, thresholds, noneReason(result), result.unknownLanguages.map(languageLabel));
}

function noneReason(result: Pick<SearchResult, 'query' | 'unknownLanguages'>): NoAnswerReason {
  if (result.unknownLanguages.length) return 'unknown-language';
  const { prose, code } = result.query;
  if (!/[\p{L}\p{N}]/u.test(prose)) return code.length ? 'code-only' : 'empty';
  return chatterReason(prose) ?? 'not-covered';
}
