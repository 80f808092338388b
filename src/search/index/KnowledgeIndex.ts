import type { KnowledgeBase, Topic } from '../../knowledge/types.js';
import type { EngineOptions } from '../engineOptions.js';
import type { QueryContext } from '../query/Query.js';
import { TypoCorrector } from '../TypoCorrector.js';
import { buildTopicIndex, type TopicIndex } from './TopicIndex.js';

/**
 * The topic indexes of a knowledge base put together: which topics use each term (routing), and the
 * whole vocabulary (typo correction). Assembling is cheap beside building the topic indexes, which
 * it reuses when it is given them (a reload rebuilds only the topics that changed).
 */
export class KnowledgeIndex {
  /** Term -> positions in `topics` of the topics that use it. */
  readonly termTopics = new Map<string, number[]>();
  /** Per topic position, the terms of the topic's own name. */
  readonly nameTerms: readonly ReadonlySet<string>[];
  /** Surface word -> its term, over every topic. */
  private readonly surfaces = new Map<string, string>();
  /** Surface word -> how many sections use its term (typo correction prefers common words). */
  private readonly surfaceSections = new Map<string, number>();
  private typoCorrector: TypoCorrector | undefined;
  readonly context: QueryContext;

  private constructor(
    readonly topics: readonly Topic[],
    readonly indexes: readonly TopicIndex[],
  ) {
    this.nameTerms = indexes.map((index) => new Set(index.nameTerms.map((id) => index.terms[id]!)));
    indexes.forEach((index, position) => {
      for (let id = 0; id < index.terms.length; id++) {
        if (index.termIsStop[id]) continue;
        const term = index.terms[id]!;
        const list = this.termTopics.get(term);
        if (list) list.push(position);
        else this.termTopics.set(term, [position]);
      }
      for (const [surface, id] of index.surfaces) {
        if (!this.surfaces.has(surface)) this.surfaces.set(surface, index.terms[id]!);
        this.surfaceSections.set(surface, (this.surfaceSections.get(surface) ?? 0) + index.termSections[id]!);
      }
    });
    this.context = {
      knowsTerm: (term) => this.termTopics.has(term),
      knowsSurface: (surface) => this.surfaces.has(surface),
      termOfSurface: (surface) => this.surfaces.get(surface),
      correctTypo: (surface) => this.typos.correct(surface)?.word,
      sectionsUsing: (term) => this.sectionsUsing(term),
    };
  }

  /**
   * Indexes every topic (reusing `reuse[topic.id]` where given, which must have been built from that
   * same topic with the same options) and assembles them.
   */
  static build(
    knowledge: KnowledgeBase,
    options: Pick<EngineOptions, 'fieldWeights' | 'bm25'>,
    reuse: ReadonlyMap<string, TopicIndex> = new Map(),
  ): KnowledgeIndex {
    const indexes = knowledge.topics.map((topic) => reuse.get(topic.id) ?? buildTopicIndex(topic, options));
    return new KnowledgeIndex(knowledge.topics, indexes);
  }

  /** Assembles topic indexes built elsewhere (a worker), one per topic in the same order. */
  static assemble(knowledge: KnowledgeBase, indexes: readonly TopicIndex[]): KnowledgeIndex {
    return new KnowledgeIndex(knowledge.topics, indexes);
  }

  /** How many sections, over every topic, use an index term. */
  sectionsUsing(term: string): number {
    let count = 0;
    for (const position of this.termTopics.get(term) ?? []) {
      const index = this.indexes[position]!;
      count += index.termSections[index.termIds.get(term)!]!;
    }
    return count;
  }

  get sectionCount(): number {
    let count = 0;
    for (const index of this.indexes) count += index.sectionCount;
    return count;
  }

  /** Built on the first question that needs it: most questions have no typo, and start-up stays short. */
  private get typos(): TypoCorrector {
    this.typoCorrector ??= new TypoCorrector(
      this.surfaces.keys(),
      (word) => this.surfaceSections.get(word) ?? 0,
    );
    return this.typoCorrector;
  }
}
