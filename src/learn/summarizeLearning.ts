import type { ConceptEngine } from '../answer/ConceptEngine.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { chatterReason } from '../search/chatter.js';
import { classifyQuestion, type QuestionClass } from './classifyQuestion.js';
import { groupQuestions } from './groupQuestions.js';
import type { LearningRecord } from './LearningRecord.js';
import { proposeEnrichment, type SectionProposal } from './proposeEnrichment.js';
import type { LearningLogContents } from './readLearningLog.js';

export interface UnansweredGroup {
  /** Languages the questions name (display names), if any: questions about different languages never share a group. */
  languages: string[];
  count: number;
  /** Asked with no answer at all. */
  unanswered: number;
  /** Asked and only offered "did you mean". */
  suggested: number;
  /** Distinct people who asked (by hashed id). */
  users: number;
  representative: string;
  /** Up to two other wordings, most asked first. */
  variants: string[];
}

export interface SectionRating {
  entry: string;
  notHelpful: number;
  helpful: number;
  /** Up to two questions it was marked not helpful for. */
  questions: string[];
}

export interface PickedOffer {
  /** The entry picked from a "did you mean". */
  entry: string;
  count: number;
  /** The other entries offered alongside it, with how often. */
  offeredWith: { entry: string; count: number }[];
  /** Up to three questions it was picked for. */
  questions: string[];
}

/** Questions about a language no topic covers, by that language. */
export interface OtherLanguage {
  language: string;
  count: number;
  users: number;
  /** Up to three wordings, most asked first. */
  questions: string[];
}

export interface LearningReport {
  file: string;
  /** Every log read (one per bot process of a sharded or HTTP deployment). */
  files: string[];
  exists: boolean;
  events: number;
  malformed: number;
  /** Questions the knowledge lacks, grouped; chatter, other languages and fragments are counted apart. */
  unanswered: { questions: number; groups: UnansweredGroup[] };
  /** Thanks and small talk the bot got no answer for: left out of everything else. */
  chatter: number;
  otherLanguages: OtherLanguage[];
  /** A word or two with no question in them ("valorant"). */
  fragments: { count: number; examples: string[] };
  /** Sample questions per section, from what users asked and then picked or marked helpful. */
  proposals: SectionProposal[];
  /** False when the knowledge did not load: nothing was classified or proposed. */
  classified: boolean;
  notHelpful: SectionRating[];
  offers: { made: number; picked: number; picks: PickedOffer[] };
}

export interface SummaryOptions {
  /** The engine over the knowledge now: reads each question as the bot does. Without it nothing is classified. */
  engine?: ConceptEngine;
  /** Builds an engine over changed knowledge (to try proposals); needed with `engine`. */
  build?: (knowledge: KnowledgeBase) => ConceptEngine;
  /** Longest list of each kind; default 20. */
  limit?: number;
}

/**
 * What a maintainer wants from the log: what people ask that the knowledge lacks (chatter left out,
 * questions about uncovered languages by language), what disappointed them, and which of their questions
 * should become sample questions of the sections they chose.
 */
export function summarizeLearning(
  log: LearningLogContents & { files?: string[] },
  options: SummaryOptions = {},
): LearningReport {
  const { records } = log;
  const limit = options.limit ?? 20;
  const { engine, build } = options;
  const unansweredRecords = records.filter((r) => r.type === 'unanswered' || r.type === 'suggested');
  const classes = new Map<string, QuestionClass>();
  const classOf = (question: string): QuestionClass => {
    let found = classes.get(question);
    if (!found) {
      found = engine
        ? classifyQuestion(question, engine)
        : chatterReason(question)
          ? { kind: 'chatter' }
          : { kind: 'question', languages: [] };
      classes.set(question, found);
    }
    return found;
  };
  const questions: { record: LearningRecord; languages: string[] }[] = [];
  const otherLanguage = new Map<string, LearningRecord[]>();
  const fragments: LearningRecord[] = [];
  let chatter = 0;
  for (const record of unansweredRecords) {
    const found = classOf(record.question);
    if (found.kind === 'chatter') chatter++;
    else if (found.kind === 'fragment') fragments.push(record);
    else if (found.kind === 'other-language') {
      for (const language of found.languages)
        otherLanguage.set(language, [...(otherLanguage.get(language) ?? []), record]);
    } else questions.push({ record, languages: found.languages });
  }

  // Questions about different languages are never one question, however alike their words.
  const byLanguages = new Map<string, typeof questions>();
  for (const q of questions) {
    const key = q.languages.join(',');
    byLanguages.set(key, [...(byLanguages.get(key) ?? []), q]);
  }
  const groups = [...byLanguages.values()]
    .flatMap((part) =>
      groupQuestions(part, (q) => q.record.question).map((g) => ({
        languages: g.items[0]!.languages,
        count: g.count,
        unanswered: g.items.filter((q) => q.record.type === 'unanswered').length,
        suggested: g.items.filter((q) => q.record.type === 'suggested').length,
        users: new Set(g.items.map((q) => q.record.user)).size,
        representative: g.representative,
        variants: g.variants.slice(1, 3).map((v) => v.text),
      })),
    )
    .sort((a, b) => b.count - a.count || a.representative.localeCompare(b.representative))
    .slice(0, limit);

  return {
    file: log.file,
    files: log.files ?? (log.exists ? [log.file] : []),
    exists: log.exists,
    events: records.length,
    malformed: log.malformed,
    unanswered: { questions: questions.length, groups },
    chatter,
    otherLanguages: [...otherLanguage]
      .map(([language, recs]) => ({
        language,
        count: recs.length,
        users: new Set(recs.map((r) => r.user)).size,
        questions: groupQuestions(recs, (r) => r.question)
          .slice(0, 3)
          .map((g) => g.representative),
      }))
      .sort((a, b) => b.count - a.count || a.language.localeCompare(b.language)),
    fragments: {
      count: fragments.length,
      examples: [...new Set(fragments.map((r) => r.question.trim()))].slice(0, 5),
    },
    proposals: engine && build ? proposeEnrichment(records, engine, { build }) : [],
    classified: engine !== undefined,
    notHelpful: rateSections(records).slice(0, limit),
    offers: {
      made: records.filter((r) => r.type === 'suggested').length,
      picked: records.filter((r) => r.type === 'suggestion-picked').length,
      picks: pickedOffers(records).slice(0, limit),
    },
  };
}

function rateSections(records: readonly LearningRecord[]): SectionRating[] {
  const ratings = new Map<string, SectionRating>();
  for (const r of records) {
    if ((r.type !== 'helpful' && r.type !== 'not-helpful') || !r.entry) continue;
    const rating = ratings.get(r.entry) ?? { entry: r.entry, notHelpful: 0, helpful: 0, questions: [] };
    if (r.type === 'helpful') rating.helpful++;
    else {
      rating.notHelpful++;
      if (rating.questions.length < 2 && !rating.questions.includes(r.question))
        rating.questions.push(r.question);
    }
    ratings.set(r.entry, rating);
  }
  return [...ratings.values()]
    .filter((r) => r.notHelpful > 0)
    .sort((a, b) => b.notHelpful - a.notHelpful || a.helpful - b.helpful || a.entry.localeCompare(b.entry));
}

/** Picks joined to what was offered: the pick's own `offered`, else the same user's last offer for that question. */
function pickedOffers(records: readonly LearningRecord[]): PickedOffer[] {
  const lastOffer = new Map<string, string[]>();
  const picks = new Map<string, { pick: PickedOffer; alongside: Map<string, number> }>();
  for (const r of records) {
    const key = `${r.user}\u0000${r.question.trim().toLowerCase()}`;
    if (r.type === 'suggested' && r.offered) lastOffer.set(key, r.offered);
    if (r.type !== 'suggestion-picked' || !r.entry) continue;
    const offered = r.offered ?? lastOffer.get(key) ?? [];
    const slot = picks.get(r.entry) ?? {
      pick: { entry: r.entry, count: 0, offeredWith: [], questions: [] },
      alongside: new Map<string, number>(),
    };
    slot.pick.count++;
    for (const other of offered)
      if (other !== r.entry) slot.alongside.set(other, (slot.alongside.get(other) ?? 0) + 1);
    if (slot.pick.questions.length < 3 && !slot.pick.questions.includes(r.question))
      slot.pick.questions.push(r.question);
    picks.set(r.entry, slot);
  }
  return [...picks.values()]
    .map(({ pick, alongside }) => ({
      ...pick,
      offeredWith: [...alongside]
        .map(([entry, count]) => ({ entry, count }))
        .sort((a, b) => b.count - a.count || a.entry.localeCompare(b.entry)),
    }))
    .sort((a, b) => b.count - a.count || a.entry.localeCompare(b.entry));
}
