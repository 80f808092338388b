import { groupQuestions } from './groupQuestions.js';
import type { LearningRecord } from './LearningRecord.js';
import type { LearningLogContents } from './readLearningLog.js';

export interface UnansweredGroup {
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

/** A language or tool people asked about that no topic covers: a topic to write. */
export interface UncoveredLanguage {
  language: string;
  count: number;
  users: number;
  /** Up to three questions that asked about it. */
  questions: string[];
}

export interface LearningReport {
  file: string;
  exists: boolean;
  events: number;
  malformed: number;
  unanswered: { questions: number; groups: UnansweredGroup[] };
  notHelpful: SectionRating[];
  offers: { made: number; picked: number; picks: PickedOffer[] };
  uncoveredLanguages: UncoveredLanguage[];
}

/** What a maintainer wants from the log: what people ask that the knowledge lacks, and what disappointed them. */
export function summarizeLearning(log: LearningLogContents, limit = 20): LearningReport {
  const { records } = log;
  const unansweredRecords = records.filter((r) => r.type === 'unanswered' || r.type === 'suggested');
  const groups = groupQuestions(unansweredRecords, (r) => r.question)
    .slice(0, limit)
    .map((g) => ({
      count: g.count,
      unanswered: g.items.filter((r) => r.type === 'unanswered').length,
      suggested: g.items.filter((r) => r.type === 'suggested').length,
      users: new Set(g.items.map((r) => r.user)).size,
      representative: g.representative,
      variants: g.variants.slice(1, 3).map((v) => v.text),
    }));

  return {
    file: log.file,
    exists: log.exists,
    events: records.length,
    malformed: log.malformed,
    unanswered: { questions: unansweredRecords.length, groups },
    notHelpful: rateSections(records).slice(0, limit),
    offers: {
      made: records.filter((r) => r.type === 'suggested').length,
      picked: records.filter((r) => r.type === 'suggestion-picked').length,
      picks: pickedOffers(records).slice(0, limit),
    },
    uncoveredLanguages: uncoveredLanguages(records).slice(0, limit),
  };
}

function uncoveredLanguages(records: readonly LearningRecord[]): UncoveredLanguage[] {
  const byName = new Map<string, UncoveredLanguage & { userSet: Set<string> }>();
  for (const r of records) {
    for (const language of r.languages ?? []) {
      const slot = byName.get(language) ?? {
        language,
        count: 0,
        users: 0,
        questions: [],
        userSet: new Set(),
      };
      slot.count++;
      slot.userSet.add(r.user);
      if (slot.questions.length < 3 && !slot.questions.includes(r.question)) slot.questions.push(r.question);
      byName.set(language, slot);
    }
  }
  return [...byName.values()]
    .map(({ userSet, ...rest }) => ({ ...rest, users: userSet.size }))
    .sort((a, b) => b.count - a.count || a.language.localeCompare(b.language));
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
