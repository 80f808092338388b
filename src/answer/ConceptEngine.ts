import type { KnowledgeBase, Section, Topic } from '../knowledge/types.js';
import { searchConfig } from '../search/searchConfig.js';
import { searchSections, type ScoredSection } from '../search/searchSections.js';
import { SectionIndex } from '../search/SectionIndex.js';
import { TypoCorrector } from '../search/TypoCorrector.js';
import { decide } from './decide.js';
import { LookupIndex } from './LookupIndex.js';
import type { Answer, LookupEntry, RankedSection } from './types.js';

/**
 * The answer engine: one consistent knowledge base, indexed once, answering questions and lookups.
 * Immutable; a knowledge reload builds a new engine and swaps it in whole.
 */
export class ConceptEngine {
  private constructor(
    readonly knowledge: KnowledgeBase,
    private readonly index: SectionIndex,
    private readonly typos: TypoCorrector,
    private readonly lookups: LookupIndex,
  ) {}

  static build(knowledge: KnowledgeBase): ConceptEngine {
    const index = SectionIndex.build(knowledge);
    const typos = new TypoCorrector(index.vocabulary.keys(), (word) =>
      index.documentFrequency(index.vocabulary.get(word) ?? word),
    );
    return new ConceptEngine(knowledge, index, typos, new LookupIndex(index.entries));
  }

  get sectionCount(): number {
    return this.index.size;
  }

  ask(question: string): Answer {
    return decide(question, this.rank(question).map(toRanked), searchConfig.thresholds);
  }

  /** The ranked sections with their match features, best first: what `ask` decides from. */
  rank(question: string, limit = searchConfig.maxSuggestions + 1): ScoredSection[] {
    return searchSections(this.index, this.typos, question, limit).ranked;
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

function toRanked({ topic, section, confidence }: ScoredSection): RankedSection {
  return { topic, section, confidence };
}
