import { ConceptEngine } from '../answer/ConceptEngine.js';
import { lookupValue } from '../answer/LookupIndex.js';
import type { Answer, RankedSection } from '../answer/types.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import type { LearningRecord } from '../learn/LearningRecord.js';
import { proposeEnrichment, withEnrichment, type SectionProposal } from '../learn/proposeEnrichment.js';
import type { EngineOptions } from '../search/engineOptions.js';
import {
  OFF_TOPIC,
  outcomeOf,
  report,
  type EvalReport,
  type LabelledQuestion,
  type Outcome,
} from './evaluate.js';
import type { CrossValidation } from './leaveOneTopicOut.js';

/** One topic's questions answered before and after the bot learned from the other half of them. */
export interface LearningFold {
  topic: string;
  /** Questions the report would write (`npm run report -- --apply`): sample questions and `notFor` ones. */
  learned: number;
  /** The questions users asked, asked again: before learning, and after. */
  askedAgain: { before: EvalReport; after: EvalReport };
  /** The questions users asked, asked again in other words (where a paraphrase is given): before, and after. */
  paraphrased: { before: EvalReport; after: EvalReport };
  /** Questions nobody had asked yet: before learning, and after. */
  newQuestions: { before: EvalReport; after: EvalReport };
}

/**
 * "Gets better from use", held out: for each fold of a leave-one-topic-out run (its model and
 * thresholds, fitted on the other topics), half the topic's blind questions are asked by users who
 * pick the right section when it is offered, mark a right answer helpful and a wrong one not helpful.
 * Those records go through the report's own step (proposeEnrichment) into the topic as sample
 * questions and `notFor` questions, as `npm run report -- --apply` writes them. Then the same questions are asked again, and
 * the other half, which nobody asked, is asked for the first time; `paraphrases` gives, by question, the
 * same question in another asker's words, asked too. The halves swap, so each question is asked once
 * as used and once as new.
 */
export function learningFromUse(
  knowledge: KnowledgeBase,
  questions: readonly LabelledQuestion[],
  cv: CrossValidation,
  paraphrases: ReadonlyMap<string, string> = new Map(),
  options: Partial<EngineOptions> = {},
): LearningFold[] {
  // Topic indexes depend on the options, not on the model: built once, and reused by every fold's
  // engines for each topic that learning leaves as it was.
  const indexes = ConceptEngine.build(knowledge, options).topicIndexes;
  const unchanged = new Set(knowledge.topics);
  return cv.folds.map((fold): LearningFold => {
    const settings = { ...options, model: fold.model, thresholds: fold.thresholds };
    const build = (kb: KnowledgeBase) =>
      ConceptEngine.build(
        kb,
        settings,
        new Map(kb.topics.filter((t) => unchanged.has(t)).map((t) => [t.id, indexes.get(t.id)!])),
      );
    const before = build(knowledge);
    const own = questions.filter((q) => q.topic === fold.topic && q.topic !== OFF_TOPIC);
    const halves = [own.filter((_, i) => i % 2 === 0), own.filter((_, i) => i % 2 === 1)];
    const groups = { askedAgain: outcomePair(), paraphrased: outcomePair(), newQuestions: outcomePair() };
    let learned = 0;
    halves.forEach((used, h) => {
      const records = used.flatMap((q, i) => recordsOf(q, before.ask(q.question), `user-${i}`));
      const proposals = proposeEnrichment(records, before, { build });
      learned += proposals.reduce((n, p) => n + p.questions.length + p.notFor.length, 0);
      const after = build(withProposals(knowledge, proposals));
      const ask = (group: OutcomePair, q: LabelledQuestion) => {
        group.before.push(outcomeOf(q, before.ask(q.question)));
        group.after.push(outcomeOf(q, after.ask(q.question)));
      };
      for (const q of used) {
        ask(groups.askedAgain, q);
        const other = paraphrases.get(q.question);
        if (other !== undefined) ask(groups.paraphrased, { ...q, question: other });
      }
      for (const q of halves[1 - h]!) ask(groups.newQuestions, q);
    });
    const reported = ({ before, after }: OutcomePair) => ({ before: report(before), after: report(after) });
    return {
      topic: fold.topic,
      learned,
      askedAgain: reported(groups.askedAgain),
      paraphrased: reported(groups.paraphrased),
      newQuestions: reported(groups.newQuestions),
    };
  });
}

interface OutcomePair {
  before: Outcome[];
  after: Outcome[];
}

function outcomePair(): OutcomePair {
  return { before: [], after: [] };
}

/** The knowledge with the proposals written in, as `npm run report -- --apply` writes them. */
function withProposals(knowledge: KnowledgeBase, proposals: readonly SectionProposal[]): KnowledgeBase {
  const byEntry = new Map(proposals.map((p) => [p.entry, p]));
  return withEnrichment(knowledge, (entry) => ({
    questions: byEntry.get(entry)?.questions.map((q) => q.question) ?? [],
    notFor: byEntry.get(entry)?.notFor.map((q) => q.question) ?? [],
  }));
}

/** What a user who knows the right sections tells the bot about its answer to a question. */
function recordsOf(question: LabelledQuestion, answer: Answer, user: string): LearningRecord[] {
  const at = new Date(0).toISOString();
  const entry = (s: RankedSection) => lookupValue(s.topic, s.section);
  if (answer.kind === 'answer' && answer.match) {
    const shown = entry(answer.match);
    const type = question.expect.includes(shown) ? 'helpful' : 'not-helpful';
    return [{ at, type, question: question.question, user, entry: shown }];
  }
  const picked = answer.suggestions.map(entry).find((e) => question.expect.includes(e));
  return picked ? [{ at, type: 'suggestion-picked', question: question.question, user, entry: picked }] : [];
}
