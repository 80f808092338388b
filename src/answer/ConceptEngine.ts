import type { KnowledgeBase, Section, Topic } from '../knowledge/types.js';
import type { QueryWord } from '../search/analyzeQuestion.js';
import { bestPoint } from '../search/bestPoint.js';
import { chatterReason, readChatter } from '../search/chatter.js';
import { languageLabel } from '../search/languageMentions.js';
import { searchConfig } from '../search/searchConfig.js';
import { searchSections, type ScoredSection } from '../search/searchSections.js';
import { SectionIndex } from '../search/SectionIndex.js';
import { TypoCorrector } from '../search/TypoCorrector.js';
import { decide } from './decide.js';
import { LookupIndex } from './LookupIndex.js';
import type { Answer, LookupEntry, NoAnswerReason, RankedSection } from './types.js';

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
    const chatter = readChatter(question);
    if (chatter?.whole) return decide(question, [], searchConfig.thresholds, chatter.kind);
    const result = searchSections(this.index, this.typos, question, searchConfig.maxSuggestions + 1);
    const ranked = result.ranked.map((s) => toRanked(s, result.words));
    const unknownLanguages = result.unknownLanguages.map(languageLabel);
    const reason: NoAnswerReason = unknownLanguages.length
      ? 'unknown-language'
      : result.empty
        ? 'empty'
        : (chatterReason(question) ?? 'not-covered');
    return decide(question, ranked, searchConfig.thresholds, reason, unknownLanguages);
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

function toRanked({ topic, section, confidence }: ScoredSection, words: QueryWord[]): RankedSection {
  return { topic, section, confidence, bestPoint: bestPoint(section, words) };
}
