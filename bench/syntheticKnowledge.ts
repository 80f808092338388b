import { parseTopic } from '../src/knowledge/parseTopic.js';
import type { KnowledgeBase, Topic } from '../src/knowledge/types.js';

/** A deterministic pseudo-random generator, so every bench run measures the same knowledge. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

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

/** Breakdown files in the seed's shape: `sectionsPerTopic` titled bullets with points and a code block each. */
export function syntheticTopicSources(
  sectionCount: number,
  sectionsPerTopic = 10,
  seed = 7,
): { id: string; source: string }[] {
  const next = random(seed);
  const word = () =>
    Array.from(
      { length: 1 + Math.floor(next() * 3) },
      () => SYLLABLES[Math.floor(next() * SYLLABLES.length)],
    ).join('');
  const vocabulary = Array.from({ length: 20_000 }, word);
  const pick = () => vocabulary[Math.floor(next() * vocabulary.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, pick).join(' ');
  const topics: { id: string; source: string }[] = [];
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
    topics.push({ id: `synthetic-${t}`, source: lines.join('\n') });
  }
  return topics;
}

export function syntheticKnowledge(sectionCount: number): KnowledgeBase {
  const topics: Topic[] = syntheticTopicSources(sectionCount).map(({ id, source }) =>
    parseTopic(source, `${id}.md`, id),
  );
  return { topics };
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
