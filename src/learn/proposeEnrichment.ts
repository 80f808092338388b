import type { ConceptEngine } from '../answer/ConceptEngine.js';
import { lookupValue } from '../answer/LookupIndex.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { chatterReason } from '../search/chatter.js';
import { normalizeText } from '../search/normalizeText.js';
import type { LearningRecord } from './LearningRecord.js';
import { questionKey } from '../knowledge/questionKey.js';
import { sameQuestionKey } from '../search/sameQuestionKey.js';

/** A question users asked and then showed belongs to a section (or not), proposed for its front matter. */
export interface ProposedQuestion {
  question: string;
  /** Times it was picked for the section from "did you mean". */
  picked: number;
  /** Times the section's answer to it was marked helpful. */
  helpful: number;
}

/** A question the section is given as the answer to, though people marked that answer not helpful. */
export interface RejectedQuestion {
  question: string;
  /** Times the section's answer to it was marked not helpful. */
  notHelpful: number;
}

export interface SectionProposal {
  /** `topicId/sectionId`. */
  entry: string;
  topicId: string;
  sectionId: string;
  /** The topic file the questions would be written to. */
  file: string;
  /** Questions that, added, route to this section: the ones `--apply` writes. */
  questions: ProposedQuestion[];
  /** Questions users chose this section for that would still not route to it once added: for a person to judge. */
  unrouted: ProposedQuestion[];
  /** Questions it answers that people marked its answer not helpful for: its `notFor` (`--apply` writes them). */
  notFor: RejectedQuestion[];
}

export interface ProposalOptions {
  /** Builds an engine over knowledge with the proposals added, to see that each routes to its section. */
  build: (knowledge: KnowledgeBase) => ConceptEngine;
  /** At most this many questions a section, most chosen first; default 10. */
  perSection?: number;
}

/**
 * Proposes front matter per section from what users asked and then chose. Sample questions: a section
 * picked from "did you mean" for a question, or marked helpful as the answer to it. A question goes to
 * the section chosen for it most (a tie proposes nothing), unless that section was also marked not
 * helpful for it as often, it is chatter, the section already has it, or the engine already answers it
 * with that section. Each is tried on an engine with all of them added: those that route to their own
 * section are proposed, the others listed apart. `notFor`: a question the engine answers with a section
 * whose answer to it was marked not helpful more often than helpful or picked (and that is not one of
 * the section's sample questions: the maintainer's word stands).
 */
export function proposeEnrichment(
  records: readonly LearningRecord[],
  engine: ConceptEngine,
  options: ProposalOptions,
): SectionProposal[] {
  const perSection = options.perSection ?? 10;
  // question key -> entry -> votes, with the wording used most.
  const votes = new Map<
    string,
    { wordings: Map<string, number>; entries: Map<string, ProposedQuestion & { against: number }> }
  >();
  for (const r of records) {
    if (!r.entry || (r.type !== 'suggestion-picked' && r.type !== 'helpful' && r.type !== 'not-helpful'))
      continue;
    const question = normalizeText(r.question).trim();
    if (!question || chatterReason(question)) continue;
    const key = questionKey(question);
    const slot = votes.get(key) ?? { wordings: new Map(), entries: new Map() };
    slot.wordings.set(question, (slot.wordings.get(question) ?? 0) + 1);
    const vote = slot.entries.get(r.entry) ?? { question, picked: 0, helpful: 0, against: 0 };
    if (r.type === 'suggestion-picked') vote.picked++;
    else if (r.type === 'helpful') vote.helpful++;
    else vote.against++;
    slot.entries.set(r.entry, vote);
    votes.set(key, slot);
  }

  const chosen = new Map<string, ProposedQuestion[]>(); // entry -> questions
  for (const { wordings, entries } of votes.values()) {
    const ranked = [...entries]
      .map(([entry, v]) => ({ entry, v, score: v.picked + v.helpful }))
      .sort((a, b) => b.score - a.score);
    const [best, second] = ranked;
    if (!best || best.score === 0 || (second && second.score === best.score) || best.v.against >= best.score)
      continue;
    const located = engine.find(best.entry);
    if (!located) continue; // the section is gone
    const question = mostUsed(wordings);
    if (located.section.questions.some((q) => questionKey(q) === questionKey(question))) continue;
    const answer = engine.ask(question);
    if (
      answer.kind === 'answer' &&
      answer.match &&
      lookupValue(answer.match.topic, answer.match.section) === best.entry
    )
      continue;
    const list = chosen.get(best.entry) ?? [];
    list.push({ question, picked: best.v.picked, helpful: best.v.helpful });
    chosen.set(best.entry, list);
  }
  const rejected = new Map<string, RejectedQuestion[]>(); // entry -> questions
  for (const { wordings, entries } of votes.values()) {
    if (![...entries.values()].some(outvoted)) continue;
    const question = mostUsed(wordings);
    // Only the section given as the answer now can be corrected.
    const answer = engine.ask(question);
    if (answer.kind !== 'answer' || !answer.match) continue;
    const entry = lookupValue(answer.match.topic, answer.match.section);
    const v = entries.get(entry);
    if (!v || !outvoted(v)) continue;
    const key = sameQuestionKey(question);
    const { section } = answer.match;
    if ([...section.questions, ...(section.notFor ?? [])].some((q) => sameQuestionKey(q) === key)) continue;
    rejected.set(entry, [...(rejected.get(entry) ?? []), { question, notHelpful: v.against }]);
  }
  for (const list of rejected.values())
    list.sort((a, b) => b.notHelpful - a.notHelpful || a.question.localeCompare(b.question));
  for (const list of chosen.values())
    list.sort(
      (a, b) => b.picked + b.helpful - (a.picked + a.helpful) || a.question.localeCompare(b.question),
    );

  // Try them all at once: a sample question must route to its own section once it is one.
  const trial = options.build(
    withEnrichment(engine.knowledge, (entry) => ({
      questions:
        chosen
          .get(entry)
          ?.slice(0, perSection)
          .map((q) => q.question) ?? [],
      notFor:
        rejected
          .get(entry)
          ?.slice(0, perSection)
          .map((q) => q.question) ?? [],
    })),
  );
  const proposals: SectionProposal[] = [];
  for (const entry of new Set([...chosen.keys(), ...rejected.keys()])) {
    const { topic, section } = engine.find(entry)!;
    const proposal: SectionProposal = {
      entry,
      topicId: topic.id,
      sectionId: section.id,
      file: topic.file,
      questions: [],
      unrouted: [],
      notFor: rejected.get(entry)?.slice(0, perSection) ?? [],
    };
    for (const q of chosen.get(entry)?.slice(0, perSection) ?? []) {
      const answer = trial.ask(q.question);
      const routes =
        answer.kind === 'answer' &&
        answer.match &&
        lookupValue(answer.match.topic, answer.match.section) === entry;
      (routes ? proposal.questions : proposal.unrouted).push(q);
    }
    proposals.push(proposal);
  }
  return proposals.sort((a, b) => a.entry.localeCompare(b.entry));
}

/**
 * The knowledge with questions added to sections' `questions` and `notFor` (by `topicId/sectionId`);
 * topics that gain nothing stay the same objects.
 */
export function withEnrichment(
  knowledge: KnowledgeBase,
  additionsOf: (entry: string) => { questions: readonly string[]; notFor: readonly string[] },
): KnowledgeBase {
  return {
    topics: knowledge.topics.map((topic) => {
      let changed = false;
      const sections = topic.sections.map((section) => {
        const { questions, notFor } = additionsOf(lookupValue(topic, section));
        if (questions.length === 0 && notFor.length === 0) return section;
        changed = true;
        return {
          ...section,
          questions: [...section.questions, ...questions],
          notFor: [...(section.notFor ?? []), ...notFor],
        };
      });
      return changed ? { ...topic, sections } : topic;
    }),
  };
}

/** The wording used most (the first in alphabetical order on a tie). */
function mostUsed(wordings: ReadonlyMap<string, number>): string {
  return [...wordings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

/** Marked not helpful more often than it was picked or marked helpful. */
function outvoted(v: { against: number; picked: number; helpful: number }): boolean {
  return v.against > v.picked + v.helpful;
}
