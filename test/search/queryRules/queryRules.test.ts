import { describe, expect, it } from 'vitest';
import { contextOf, readWith, searchedTerms } from './helpers.js';

const context = contextOf(
  'await blocks the thread; exceptions are caught; behavior of the thread pool; purpose of async; Task.WhenAll waits; not-await; serialize the result',
);

const RAMBLE =
  'I have been at this for hours and my boss is angry, the build is red, the tests time out on the CI ' +
  'server and nobody on the team knows why, we moved everything to async methods last sprint because ' +
  'someone read it makes things faster, and now half the endpoints hang under load and the logs show nothing useful.';

describe('questionFocus: a long message is read for its question sentence', () => {
  it.each([
    [
      `${RAMBLE} So what does await actually do?`,
      { focus: 'So what does await actually do?', context: [RAMBLE] },
    ],
    ['rate limited: what does await do', { focus: 'what does await do', context: ['rate limited'] }],
  ])('%s', (question, { focus, context: around }) => {
    const { segments } = readWith('questionFocus', question, context);
    expect(segments.filter((s) => s.weight === 1).map((s) => s.text)).toEqual([focus]);
    const rest = segments.filter((s) => s.weight < 1).map((s) => s.text);
    for (const text of around) expect(rest.join(' ')).toContain(text.split(',')[0]);
  });

  it('leaves a short message, a one-sentence question, or one with no question sentence, whole', () => {
    for (const question of [
      'does await block the thread',
      'await blocks. the thread hangs.',
      'My UI hangs when I call .Result. Why?',
      'note: await blocks',
      'thread pool: what does await do', // a label in the knowledge's words names what is asked
    ]) {
      expect(readWith('questionFocus', question, context).segments, question).toHaveLength(1);
    }
  });
});

describe('backgroundLanguage: a language named as the asker background is not the subject', () => {
  it.each([
    ['borrow checker explained for a c++ dev', 'cpp', true],
    ['coming from Java, how do C# tasks work', 'java', true],
    ['as a python developer, what are tasks', 'python', true],
    ['in python I would use a list, what is the equivalent here', 'python', true],
    ['how do tasks work in C#', 'csharp', false],
    ["In C# I'd use Task.WhenAll, what's the JS version?", 'csharp', true],
    ['in JS I use Promise.race, how do I do that in python asyncio', 'javascript', true],
    ['in JS I use Promise.race, how do I do that in python asyncio', 'python', false],
    ['C# has IEnumerable.Where, what is the java stream version', 'csharp', true],
    ['what is the kotlin equivalent of Promise.all in javascript', 'javascript', true],
    ['why will My Rust code not compile', 'rust', false],
    ['I mostly write Python, what is the LINQ version of a list comprehension', 'python', true],
    ['a list comprehension in python, how do I write that as a java stream', 'python', true],
    ['a list comprehension in python, how do I write that as a java stream', 'java', false],
  ])('%s: %s comparative %s', (question, language, comparative) => {
    const off = readWith(null, question, context).languages.find((m) => m.language === language)!;
    const on = readWith('backgroundLanguage', question, context).languages.find(
      (m) => m.language === language,
    )!;
    expect(on.comparative).toBe(comparative);
    if (comparative && language !== 'java') expect(off.comparative).toBe(false);
  });
});

describe('word rules', () => {
  it.each([
    ['chatterWords', 'yo does await block the thread or nah', ['yo', 'nah'], []],
    ['spellingVariants', 'how do I serialise it', [], ['serial']],
    ['typos', 'how are exceptiosn caught', [], ['except@0.8']],
    ['typos', 'why shoud i await', ['shoud'], []],
    ['typos', 'wat happens if i await', ['wat'], []],
    ['codeIdentifiers', 'why is this slow\n```\nawait Task.WhenAll(tasks);\n```', [], ['task.whenall']],
    ['negation', "don't await it", [], ['not-await']],
  ] as const)('%s: %s', (rule, question, dropped, added) => {
    const off = searchedTerms(readWith(null, question, context));
    const on = searchedTerms(readWith(rule, question, context));
    for (const term of added) {
      expect(off).not.toContain(term);
      expect(on).toContain(term);
    }
    for (const surface of dropped) {
      expect(readWith(null, question, context).words.map((w) => w.surface)).toContain(surface);
      expect(readWith(rule, question, context).words.map((w) => w.surface)).not.toContain(surface);
    }
  });
});

describe('typos: a word meant as written is never a slip', () => {
  it('keeps an everyday programming word ("docs" is not a slip of "does", which would drop it)', () => {
    const surfaces = readWith('typos', 'where are the docs for await', context).words.map((w) => w.surface);
    expect(surfaces).toContain('docs');
  });
  // A word the asker meant, one edit from a word the knowledge writes: each case's knowledge, the
  // correction the typo reader would offer, the question, and what is searched for and what is not.
  it.each<{
    knowledge: string;
    slips: Record<string, string>;
    question: string;
    kept: string[];
    notSearched: string[];
  }>([
    {
      knowledge: 'a flex box, and curl to fetch',
      slips: { bot: 'box', ctrl: 'curl' },
      question: 'my discord bot hangs until I press ctrl',
      kept: ['bot', 'ctrl'],
      notSearched: ['box'],
    },
    {
      knowledge: 'share a value, come back later',
      slips: { shard: 'share', comp: 'come' },
      question: 'heartbeat blocked on shard 0, and is a list comp faster',
      kept: ['shard', 'comp'],
      notSearched: ['share', 'come'],
    },
    {
      knowledge: 'filter the mono npm mode',
      slips: { footer: 'filter', mongo: 'mono', nvm: 'npm', mods: 'mode' },
      question: 'sticky footer, mongo driver, nvm install, ask the mods',
      kept: ['footer', 'mongo', 'nvm'],
      notSearched: ['filter', 'mono', 'npm', 'mode'],
    },
  ])(
    'keeps $kept, though the knowledge writes $notSearched',
    ({ knowledge, slips, question, kept, notSearched }) => {
      const near = {
        ...contextOf(knowledge),
        correctTypo: (s: string) => slips[s],
      };
      const terms = searchedTerms(readWith('typos', question, near));
      expect(terms).toEqual(expect.arrayContaining(kept));
      for (const wrong of notSearched) expect(terms).not.toContain(wrong);
    },
  );
});

describe('typos: a language the question names is read as named', () => {
  it('keeps "C++" though the knowledge writes "i++" one letter away', () => {
    const known = contextOf('for (int i = 0; i < n; i++) counts up');
    const loops = { ...known, correctTypo: (surface: string) => (surface === 'c++' ? 'i++' : undefined) };
    expect(searchedTerms(readWith('typos', 'best IDE for C++?', loops))).toContain('c++');
  });
});

describe('chatterWords: filler is left out of the phrasing too', () => {
  it('reads "yo … or nah" as the question it wraps', () => {
    const question = 'yo does await block the thread or nah';
    const phrasing = (rule: 'chatterWords' | null) =>
      readWith(rule, question, context).phrasing.map((t) => t.surface);
    expect(phrasing(null)).toEqual(expect.arrayContaining(['yo', 'nah']));
    expect(phrasing('chatterWords')).toEqual(['does', 'await', 'block', 'the', 'thread', 'or']);
  });
});
