import type { ConceptEngine } from '../answer/ConceptEngine.js';
import type { KnowledgeBase, Section, Topic } from '../knowledge/types.js';
import { chatCompletion, type ChatMessage, type LlmEndpoint } from './chatCompletion.js';
import { enrichmentMessages, parseEnrichmentReply, type EnrichmentCounts } from './enrichmentPrompt.js';
import { questionKey } from '../knowledge/questionKey.js';

/** What the model proposed for one section, and what of it is kept. */
export interface SectionEnrichmentResult {
  sectionId: string;
  /** Questions that route to this section once added, and keywords that break no sample question. */
  questions: string[];
  keywords: string[];
  /** Questions left out, with where they went instead (`other-section`, or `no confident answer`). */
  dropped: { question: string; went: string }[];
  /** Keywords left out because they pulled another sample question to this section. */
  droppedKeywords: string[];
  /** Why the model gave nothing for this section, when it failed. */
  error?: string;
}

export interface EnrichOptions {
  endpoint: LlmEndpoint;
  /** Builds an engine over knowledge with the candidates added, to keep only what routes. */
  build: (knowledge: KnowledgeBase) => ConceptEngine;
  counts?: EnrichmentCounts;
  /** Sends the messages; default: the endpoint's chat completion (tests pass nothing else). */
  complete?: (endpoint: LlmEndpoint, messages: ChatMessage[]) => Promise<string>;
  /** Told as each section is done. */
  onSection?: (section: Section, index: number, total: number) => void;
}

/**
 * Asks the maintainer's model, section by section, for learner-style questions and keywords, and keeps
 * only what the checker would accept: a question stays when, added as a sample question, the engine
 * answers it with its own section, and the engine did not already answer it with another section (the
 * model wrote it for that one); a section's keywords stay unless they pull another section's sample
 * question (that routed before) to it. Nothing is written here; the caller writes what is kept.
 */
export async function enrichTopic(
  knowledge: KnowledgeBase,
  topicId: string,
  options: EnrichOptions,
): Promise<SectionEnrichmentResult[]> {
  const topic = knowledge.topics.find((t) => t.id === topicId);
  if (!topic) throw new Error(`no topic \`${topicId}\` in the knowledge`);
  const counts = options.counts ?? { questions: 8, keywords: 6 };
  const complete =
    options.complete ?? ((endpoint, messages) => chatCompletion(endpoint, messages, { json: true }));

  const results: SectionEnrichmentResult[] = [];
  for (const [index, section] of topic.sections.entries()) {
    const result: SectionEnrichmentResult = {
      sectionId: section.id,
      questions: [],
      keywords: [],
      dropped: [],
      droppedKeywords: [],
    };
    try {
      const reply = parseEnrichmentReply(
        await complete(options.endpoint, enrichmentMessages(topic, section, counts)),
      );
      const known = new Set(section.questions.map(questionKey));
      result.questions = reply.questions.filter((q) => !known.has(questionKey(q))).slice(0, counts.questions);
      const knownKeywords = new Set(section.keywords.map(questionKey));
      result.keywords = reply.keywords
        .filter((k) => !knownKeywords.has(questionKey(k)))
        .slice(0, counts.keywords);
    } catch (error) {
      result.error = error instanceof Error ? error.message : String(error);
    }
    results.push(result);
    options.onSection?.(section, index, topic.sections.length);
  }

  // Questions: kept when the engine routes them to their own section once added (as the check does),
  // and did not already answer them confidently with another one (then the model wrote for that one).
  const before = options.build(knowledge);
  const trial = options.build(withAdditions(knowledge, topic, results));
  const where = (answer: ReturnType<ConceptEngine['ask']>) =>
    answer.kind === 'answer' && answer.match
      ? `${answer.match.topic.id}/${answer.match.section.id}`
      : undefined;
  for (const result of results) {
    const kept: string[] = [];
    const own = `${topic.id}/${result.sectionId}`;
    for (const question of result.questions) {
      const already = where(before.ask(question));
      const now = where(trial.ask(question));
      if (now === own && (already === undefined || already === own)) kept.push(question);
      else
        result.dropped.push({
          question,
          went: already && already !== own ? already : (now ?? 'no confident answer'),
        });
    }
    result.questions = kept;
  }

  // Keywords: a sample question that routed before must still route; a section that now takes it loses its new keywords.
  const routedBefore = sampleQuestions(knowledge).filter((s) =>
    routesTo(before, s.question, s.topicId, s.sectionId),
  );
  const after = options.build(withAdditions(knowledge, topic, results));
  for (const sample of routedBefore) {
    const answer = after.ask(sample.question);
    if (
      routesTo(after, sample.question, sample.topicId, sample.sectionId) ||
      answer.match?.topic.id !== topic.id
    )
      continue;
    const thief = results.find((r) => r.sectionId === answer.match!.section.id);
    if (thief && thief.keywords.length > 0) {
      thief.droppedKeywords.push(...thief.keywords);
      thief.keywords = [];
    }
  }
  return results;
}

/** The knowledge with each section's proposed questions and keywords added. */
function withAdditions(
  knowledge: KnowledgeBase,
  topic: Topic,
  results: readonly SectionEnrichmentResult[],
): KnowledgeBase {
  const bySection = new Map(results.map((r) => [r.sectionId, r]));
  return {
    topics: knowledge.topics.map((t) =>
      t.id !== topic.id
        ? t
        : {
            ...t,
            sections: t.sections.map((s) => {
              const r = bySection.get(s.id);
              return r
                ? {
                    ...s,
                    questions: [...s.questions, ...r.questions],
                    keywords: [...s.keywords, ...r.keywords],
                  }
                : s;
            }),
          },
    ),
  };
}

function sampleQuestions(
  knowledge: KnowledgeBase,
): { question: string; topicId: string; sectionId: string }[] {
  return knowledge.topics.flatMap((t) =>
    t.sections.flatMap((s) => s.questions.map((question) => ({ question, topicId: t.id, sectionId: s.id }))),
  );
}

function routesTo(engine: ConceptEngine, question: string, topicId: string, sectionId: string): boolean {
  const answer = engine.ask(question);
  return (
    answer.kind === 'answer' && answer.match?.topic.id === topicId && answer.match.section.id === sectionId
  );
}
