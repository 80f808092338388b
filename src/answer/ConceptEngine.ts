import type { KnowledgeBase, Section, Topic } from '../knowledge/types.js';
import { engineOptions, type EngineOptions } from '../search/engineOptions.js';
import { KnowledgeIndex } from '../search/index/KnowledgeIndex.js';
import type { TopicIndex } from '../search/index/TopicIndex.js';
import {
  gatherCandidates,
  searchKnowledge,
  type ScoredSection,
  type SearchResult,
} from '../search/searchKnowledge.js';
import { answerFrom } from './answerFrom.js';
import { LookupIndex } from './LookupIndex.js';
import type { Answer, LookupEntry } from './types.js';

/**
 * The answer engine: one consistent knowledge base, indexed once, answering questions and lookups.
 * Immutable; a knowledge reload builds a new engine (reusing the indexes of unchanged topics) and
 * swaps it in whole.
 *
 * A question's path: `ask` -> `searchKnowledge` (src/search: read the question with the query rules,
 * route it to topics, score their sections with the fitted model) -> `decide` (answer, "did you
 * mean", or none with its reason).
 */
export class ConceptEngine {
  private constructor(
    readonly knowledge: KnowledgeBase,
    readonly options: EngineOptions,
    private readonly index: KnowledgeIndex,
    private readonly lookups: LookupIndex,
  ) {}

  /**
   * Indexes the knowledge. `options` replace some defaults (engineOptions.ts); `reuse` gives topic
   * indexes already built with the same options, by topic id, for topics that did not change.
   */
  static build(
    knowledge: KnowledgeBase,
    options: Partial<EngineOptions> = {},
    reuse?: ReadonlyMap<string, TopicIndex>,
  ): ConceptEngine {
    const resolved = engineOptions(options);
    return ConceptEngine.fromIndex(knowledge, resolved, KnowledgeIndex.build(knowledge, resolved, reuse));
  }

  /** An engine over topic indexes built elsewhere (a worker), one per topic in order, with the same options. */
  static assemble(
    knowledge: KnowledgeBase,
    indexes: readonly TopicIndex[],
    options: Partial<EngineOptions> = {},
  ): ConceptEngine {
    return ConceptEngine.fromIndex(
      knowledge,
      engineOptions(options),
      KnowledgeIndex.assemble(knowledge, indexes),
    );
  }

  private static fromIndex(
    knowledge: KnowledgeBase,
    options: EngineOptions,
    index: KnowledgeIndex,
  ): ConceptEngine {
    const entries = knowledge.topics.flatMap((topic) =>
      topic.sections.map((section) => ({ topic, section })),
    );
    return new ConceptEngine(knowledge, options, index, new LookupIndex(entries));
  }

  get sectionCount(): number {
    return this.index.sectionCount;
  }

  /** Each topic's index by topic id: what a rebuild with the same options may reuse. */
  get topicIndexes(): ReadonlyMap<string, TopicIndex> {
    return new Map(this.index.indexes.map((index) => [index.topicId, index]));
  }

  ask(question: string): Answer {
    return answerFrom(question, this.search(question), this.options.thresholds);
  }

  /** The full search: the question as read, and the ranked sections with their features, best first. */
  search(question: string, limit = this.options.maxSuggestions + 1): SearchResult {
    return searchKnowledge(this.index, question, this.options, limit);
  }

  /** Every candidate section before the model scores it: what calibration fits the model on. */
  candidates(question: string): ReturnType<typeof gatherCandidates> {
    return gatherCandidates(this.index, question, this.options);
  }

  /** The ranked sections with their match features, best first: what `ask` decides from. */
  rank(question: string, limit = this.options.maxSuggestions + 1): ScoredSection[] {
    return this.search(question, limit).ranked;
  }

  /** Entries for a typed prefix or fragment, best first (slash-command autocomplete). */
  lookup(text: string, limit = 25): LookupEntry[] {
    return this.lookups.search(text, limit);
  }

  /** The entry named by a lookup value (`topicId/sectionId`), if it exists. */
  find(value: string): { topic: Topic; section: Section } | undefined {
    return this.lookups.find(value);
  }
}
