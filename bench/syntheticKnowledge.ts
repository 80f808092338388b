import { parseTopic } from '../src/knowledge/parseTopic.js';
import type { KnowledgeBase, Topic } from '../src/knowledge/types.js';
import { random } from './random.js';
import { denseVocabulary, realisticVocabulary, uniformPicker, zipfPicker } from './vocabulary.js';

/** Topic files as Markdown, by topic id. */
export type TopicSources = { id: string; source: string }[];

// Syllables from onsets, vowels and codas, so the made-up vocabulary has the variety of letter pairs
// that real text has (a handful of fixed syllables would make every word look alike).
const ONSETS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'w',
  'z',
  'bl',
  'br',
  'ch',
  'cr',
  'dr',
  'fl',
  'gr',
  'pl',
  'pr',
  'sh',
  'st',
  'th',
  'tr',
  '',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'y'];
const CODAS = ['', '', 'n', 'r', 's', 't', 'l', 'm', 'ck', 'x'];
const SYLLABLES = ONSETS.flatMap((onset) =>
  VOWELS.flatMap((vowel) => CODAS.map((coda) => onset + vowel + coda)),
);

/**
 * The diverse corpus: breakdowns over 20,000 made-up words drawn uniformly, so that almost every word
 * is rare (short posting lists, the friendliest case for an inverted index).
 */
export function syntheticTopicSources(sectionCount: number, sectionsPerTopic = 10, seed = 7): TopicSources {
  const next = random(seed);
  const word = () =>
    Array.from(
      { length: 1 + Math.floor(next() * 3) },
      () => SYLLABLES[Math.floor(next() * SYLLABLES.length)],
    ).join('');
  const vocabulary = Array.from({ length: 20_000 }, word);
  return breakdownSources(sectionCount, sectionsPerTopic, uniformPicker(vocabulary, next));
}

/** Size of the realistic corpus's vocabulary. */
export const REALISTIC_VOCABULARY_SIZE = 30_000;
/** Size of the dense corpus's vocabulary. */
export const DENSE_VOCABULARY_SIZE = 60;

/**
 * The realistic corpus: breakdowns whose words follow Zipf's law over 30,000 real English and
 * programming words (bench/vocabulary.ts), so head terms (`async`, `task`, `method`, `value`) occur in
 * thousands of sections and a question's words have long posting lists, as in real knowledge.
 */
export function realisticTopicSources(sectionCount: number, sectionsPerTopic = 10, seed = 17): TopicSources {
  const next = random(seed);
  const pick = zipfPicker(realisticVocabulary(REALISTIC_VOCABULARY_SIZE, next), next);
  return breakdownSources(sectionCount, sectionsPerTopic, pick, 'realistic');
}

/**
 * The dense worst case: the same shape over 60 shared programming words drawn uniformly, so every
 * word is in about a third of all sections and every question touches thousands of them.
 */
export function denseTopicSources(sectionCount: number, sectionsPerTopic = 10, seed = 19): TopicSources {
  const next = random(seed);
  return breakdownSources(
    sectionCount,
    sectionsPerTopic,
    uniformPicker(denseVocabulary(DENSE_VOCABULARY_SIZE), next),
    'dense',
  );
}

/** Breakdown files in the seed's shape: `sectionsPerTopic` titled bullets with points and a code block each. */
function breakdownSources(
  sectionCount: number,
  sectionsPerTopic: number,
  pick: () => string,
  idPrefix = 'synthetic',
): TopicSources {
  const sentence = (n: number) => Array.from({ length: n }, pick).join(' ');
  const topics: TopicSources = [];
  for (let t = 0; t * sectionsPerTopic < sectionCount; t++) {
    const lines = [
      `Here's a concise breakdown of **${pick()} ${pick()}** in ${sectionsPerTopic} bullet points:`,
      '',
    ];
    for (let s = 0; s < sectionsPerTopic && t * sectionsPerTopic + s < sectionCount; s++) {
      lines.push(
        `- **${pick()} ${pick()} ${s}**:`,
        `  - ${sentence(12)}.`,
        `  - ${sentence(10)} \`${pick()}.${pick()}\`.`,
        '  ```csharp',
        `  var ${pick()} = await ${pick()}Async();`,
        '  ```',
        '',
      );
    }
    topics.push({ id: `${idPrefix}-${t}`, source: lines.join('\n') });
  }
  return topics;
}

/** Parses topic sources as the knowledge loader would. */
export function knowledgeOf(sources: TopicSources): KnowledgeBase {
  const topics: Topic[] = sources.map(({ id, source }) => parseTopic(source, `${id}.md`, id));
  return { topics };
}

export function syntheticKnowledge(sectionCount: number): KnowledgeBase {
  return knowledgeOf(syntheticTopicSources(sectionCount));
}

/** Questions made of a section's own words, some with a typo, and some of unknown words. */
export function syntheticQuestions(knowledge: KnowledgeBase, count: number, seed = 11): string[] {
  const next = random(seed);
  const sections = knowledge.topics.flatMap((t) => t.sections);
  return Array.from({ length: count }, (_, i) => {
    const section = sections[Math.floor(next() * sections.length)]!;
    const words = section.points.join(' ').replace(/[`.]/g, ' ').split(/\s+/).filter(Boolean);
    const chosen = Array.from({ length: 3 + (i % 4) }, () => words[Math.floor(next() * words.length)]!);
    if (i % 3 === 0) chosen[0] = chosen[0]!.slice(0, -1) + 'x';
    return i % 10 === 9 ? 'what is the weather like tomorrow in paris' : `how does ${chosen.join(' ')} work?`;
  });
}

const QUESTION_STARTS = ['what is', 'how does', 'why does', 'when should I use', 'can I', 'does'];

/**
 * The same knowledge as a maintainer would enrich it: `perSection` keywords and sample questions for
 * every section (the shipped topic has about 26 and 28), made of the section's own words.
 */
export function enrichedSyntheticKnowledge(sectionCount: number, perSection = 12, seed = 13): KnowledgeBase {
  const next = random(seed);
  const { topics } = syntheticKnowledge(sectionCount);
  return {
    topics: topics.map((topic) => ({
      ...topic,
      sections: topic.sections.map((section) => {
        const words = section.points.join(' ').replace(/[`.]/g, ' ').split(/\s+/).filter(Boolean);
        const some = (n: number) =>
          Array.from({ length: n }, () => words[Math.floor(next() * words.length)]!);
        return {
          ...section,
          keywords: Array.from({ length: perSection }, (_, i) => some(1 + (i % 3)).join(' ')),
          questions: Array.from(
            { length: perSection },
            (_, i) => `${QUESTION_STARTS[i % QUESTION_STARTS.length]} ${some(3 + (i % 4)).join(' ')}?`,
          ),
        };
      }),
    })),
  };
}
