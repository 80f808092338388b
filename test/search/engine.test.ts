import { mkdtemp, writeFile, copyFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConceptEngine } from '../../src/answer/ConceptEngine.js';
import type { Topic } from '../../src/knowledge/types.js';
import { loadEngine } from '../../src/answer/loadEngine.js';
import { editDistance } from '../../src/search/editDistance.js';
import {
  canonicalLanguage,
  languageMentionsIn,
  languagesAskedAbout,
  languagesMentioned,
} from '../../src/search/languageMentions.js';
import { normalizeText } from '../../src/search/normalizeText.js';
import { defaultEngineOptions } from '../../src/search/engineOptions.js';
import { buildTopicIndex } from '../../src/search/index/TopicIndex.js';
import { TypoCorrector } from '../../src/search/TypoCorrector.js';
import { tokenize } from '../../src/search/tokenize.js';
import { wordRarity } from '../../src/search/query/wordImportance.js';

/** The identifier terms of a text, in order (whole names and code identifiers). */
function identifiers(text: string): string[] {
  return tokenize(text)
    .filter((t) => t.identifier)
    .map((t) => t.term);
}

/** A topic made of titled one-point sections. */
function topic(id: string, title: string, sections: [string, string][]): Topic {
  return {
    id,
    title,
    language: undefined,
    aliases: [],
    intro: '',
    file: `${id}.md`,
    sections: sections.map(([sectionTitle, point], i) => ({
      id: `s${i}`,
      title: sectionTitle,
      titleMarkdown: sectionTitle,
      points: [point],
      code: [],
      line: i + 1,
      keywords: [],
      questions: [],
    })),
  };
}

/** An engine over one topic about `language`, and the title of the section it ranks first for a question. */
function firstSectionIn(language: string, ...args: Parameters<typeof topic>): (q: string) => string {
  const only = { ...topic(...args), language };
  const built = ConceptEngine.build({ topics: [only] });
  return (q) => built.search(q).ranked[0]!.section.title;
}

let engine: ConceptEngine;
beforeAll(async () => {
  engine = await loadEngine('knowledge');
});

const firstPick = (q: string) => {
  const a = engine.ask(q);
  return (a.match ?? a.suggestions[0])?.section.id;
};
const answered = (q: string) => {
  const a = engine.ask(q);
  return a.kind === 'answer' ? a.match!.section.id : `(${a.kind})`;
};

describe('text analysis', () => {
  it('keeps code identifiers whole and also matches their parts', () => {
    const terms = tokenize('why does .Result deadlock but ConfigureAwait(false) and Task.Run do not').map(
      (t) => t.term,
    );
    expect(terms).toEqual(expect.arrayContaining(['result', 'configureawait', 'task.run', 'task', 'run']));
  });
  it('searches for a negating word that is a word of its own ("Skip and Take"), and still negates after it', () => {
    const content = (text: string) =>
      tokenize(text)
        .filter((t) => !t.stop)
        .map((t) => t.term);
    expect(content('Skip and Take for pagination, a missing dependency')).toEqual(
      expect.arrayContaining(['skip', 'take', 'not-take', 'miss', 'depend', 'not-depend']),
    );
    expect(content("don't await")).toEqual(['await', 'not-await']);
  });
  it('weighs the programming words used about any code ("docs", "app", "repo") as common words, jargon fully', () => {
    const rarity = (word: string) => wordRarity(tokenize(word)[0]!);
    for (const word of ['docs', 'app', 'repo', 'ide']) expect(rarity(word), word).toBeLessThan(1);
    expect(rarity('docs')).toBe(rarity('layer')); // a common English word
    for (const word of ['goroutine', 'asyncio', 'monad']) expect(rarity(word), word).toBe(1);
  });
  it("weighs a one- or two-letter name in code as little as a short word: a variable's name, not the question", () => {
    const names = Object.fromEntries(
      tokenize('SELECT c.name FROM customers c WHERE x.id = db.Users')
        .filter((t) => t.identifier)
        .map((t) => [t.term, wordRarity(t)] as const),
    );
    expect(names).toMatchObject({ c: 0.5, x: 0.5, db: 0.5, id: 0.5 });
    // The whole name, and a longer part of it, still count fully.
    expect(names).toMatchObject({ 'c.name': 1, 'db.users': 1, name: 1, users: 1 });
  });
  it('reads a function word with a contracted verb as a function word, not as a rare content word', () => {
    const content = (text: string) =>
      tokenize(text)
        .filter((t) => !t.stop)
        .map((t) => t.surface);
    expect(content("you're wrong, they've cached it, we'd merge it and who'll rebase")).toEqual([
      'wrong',
      'cached',
      'merge',
      'rebase',
    ]);
    expect(content('youre thats ive')).toEqual([]);
    // A content word with a contraction stays a word ("Rust's" is read as "rust").
    expect(content("Rust's borrow checker")).toEqual(['rust', 'borrow', 'checker']);
  });
  it('reads a trailing # or + as part of a word (C#, c++17), an inner one as a split (filter+map)', () => {
    const words = (text: string) => tokenize(text).map((t) => t.surface);
    expect(words('filter+map in C# or c++17')).toEqual(['filter', 'map', 'in', 'c#', 'or', 'c++', '17']);
  });
  it('reads a British spelling and its American form as one term, the word kept as written', () => {
    const terms = (text: string) => tokenize(text).map((t) => t.term);
    expect(terms('behaviour cancelled synchronise')).toEqual(terms('behavior canceled synchronize'));
    expect(tokenize('behaviour')[0]!.surface).toBe('behaviour');
    expect(terms('promise raise')).toEqual(['promis', 'rais']); // not British spellings
  });
  it("keeps a command's long option whole as an identifier, beside its words", () => {
    expect(identifiers('git push --force-with-lease, or `--no-cache` in docker build')).toEqual([
      '--force-with-lease',
      '--no-cache',
    ]);
    expect(tokenize('rebase --onto main').map((t) => t.surface)).toEqual([
      '--onto',
      'rebase',
      'onto',
      'main',
    ]);
    // A double dash used as a dash, or inside a word, is no option.
    expect(identifiers('rebase -- what does it do? a--b, ---x')).toEqual([]);
  });
  it('reads a :: path (`String::from`, `std::move`, `Person::name`) as an identifier with its parts', () => {
    expect(identifiers('let s = String::from("hi"); is it like std::move?')).toEqual([
      'string::from',
      'string',
      'from',
      'std::move',
      'std',
      'move',
    ]);
    expect(identifiers('map(Person::name)')).toEqual(['person::name', 'person', 'name']);
    // A colon pair with no name after it, or an address, is no path.
    expect(identifiers('fe80::1, a :: b, at 5:20')).toEqual([]);
  });
  it("reads a lifetime or type variable (`'a`, `'static`) as an identifier, not a quoted word", () => {
    expect(identifiers("'static — what does it actually mean?")).toEqual(["'static"]);
    expect(identifiers("fn longest<'a>(x: &'a str) -> &'a str {")).toEqual(["'a"]);
    // A quote that a later one closes, a character literal, and an apostrophe inside a word are not.
    expect(identifiers("it says 'cannot borrow' here")).toEqual([]);
    expect(identifiers("does not recognize the method 'Format(User)' method")).toEqual([]);
    expect(identifiers("let c = 'x'; don't")).toEqual([]);
    // The closing quote is looked for on the same line only.
    expect(identifiers("'a on this line\nand 'quoted' on the next")).toEqual(["'a"]);
  });
  it('keeps a hyphenated name whole as one exact term, beside its words, whatever its case', () => {
    expect(identifiers('flex-grow vs Flex-Shrink, a callback-based API')).toEqual([
      'flex-grow',
      'flex-shrink',
      'callback-based',
    ]);
    expect(tokenize('flex-basis').map((t) => t.surface)).toEqual(['flex-basis', 'flex', 'basis']);
    // A dash between spaced words, or before a number, joins nothing.
    expect(identifiers('async - await, utf-8, x -y')).toEqual([]);
  });
  it('marks a negated word, and the index keeps the plain word for typo correction', async () => {
    const tokens = tokenize("don't await it");
    expect(tokens.find((t) => t.term === 'not-await')).toMatchObject({ negated: true, surface: 'await' });
    const index = buildTopicIndex(
      {
        id: 't',
        title: 'T',
        language: undefined,
        aliases: [],
        intro: '',
        file: 't.md',
        sections: [
          {
            id: 'a',
            title: 'A',
            titleMarkdown: 'A',
            points: ['do not await blindly', 'await it'],
            code: [],
            line: 1,
            keywords: [],
            questions: [],
          },
        ],
      },
      defaultEngineOptions,
    );
    expect(index.terms[index.surfaces.get('await')!]).toBe('await');
    expect(index.termIds.has('not-await')).toBe(true);
  });
  it("takes a topic's overview to be its first section titled with the topic's name alone", () => {
    const section = (id: string, title: string) => ({
      id,
      title,
      titleMarkdown: title,
      points: ['a point'],
      code: [],
      line: 1,
      keywords: [],
      questions: [],
    });
    const overviewOf = (title: string, titles: string[]) => {
      const index = buildTopicIndex(
        {
          id: 't',
          title,
          language: undefined,
          aliases: [],
          intro: '',
          file: 't.md',
          sections: titles.map((t, i) => section(`s${i}`, t)),
        },
        defaultEngineOptions,
      );
      return titles.filter((_, i) => index.sectionIsOverview[i] === 1);
    };
    expect(
      overviewOf('Python decorators', [
        'Why functions are objects',
        'What a decorator is',
        'When to use them',
      ]),
    ).toEqual(['What a decorator is']);
    expect(overviewOf('git rebase', ['What it is', 'How it works'])).toEqual(['What it is']);
    expect(overviewOf('Kotlin coroutines', ['Suspending functions', 'Coroutine builders'])).toEqual([]);
  });
  it('counts a swap of two letters as one edit', () => {
    expect(editDistance('asnyc', 'async')).toBe(1);
    expect(editDistance('awiat', 'await')).toBe(1);
    expect(editDistance('thread', 'bread', 0)).toBe(1);
  });
  it('gives every comparison its own distance, whatever was compared before', () => {
    const long = 'a'.repeat(40);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance(long, `${long}bc`)).toBe(2); // longer than the rows kept so far
    expect(editDistance('configureawait', 'configurewait', 0)).toBe(1); // stopped early
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('ab', 'ba')).toBe(1);
  });
  it('reads language names, but not the plain words some of them are', () => {
    expect([...languagesMentioned('how do errors work in go?')]).toEqual(['go']);
    expect([...languagesMentioned('how do I go about catching errors')]).toEqual([]);
    expect([...languagesMentioned('does .NET have this')]).toEqual(['csharp']);
    expect([...languagesMentioned('Java threads vs tasks')]).toEqual(['java']);
    expect([...languagesMentioned('it hangs and I have to ctrl-C it')]).toEqual([]);
    expect([...languagesMentioned('in C, how do pointers work')]).toEqual(['c']);
    expect([...languagesMentioned('what is the go equivalent of async await')]).toEqual(['go']);
    expect([...languagesMentioned('rust developers love the borrow checker')]).toEqual(['rust']);
    expect([...languagesMentioned('go code review')]).toEqual(['go']);
  });
  it('reads a fence name as the code language the one list of fences names, unless it means a subject', () => {
    expect(canonicalLanguage('py')).toBe('python');
    expect(canonicalLanguage('psql')).toBe('sql');
    expect(canonicalLanguage('tsx')).toBe('typescript');
    expect(canonicalLanguage('jsx')).toBe('react');
    expect(canonicalLanguage('dockerfile')).toBe('docker');
    expect(canonicalLanguage('yaml')).toBeUndefined();
  });
  it('routes on the languages a question asks about, not those it only compares with', () => {
    expect([...languagesAskedAbout('how does await not block, like in JavaScript?')]).toEqual([]);
    expect([...languagesAskedAbout('how do threads work in Java?')]).toEqual(['java']);
    expect([...languagesAskedAbout('Java vs C# exceptions')].sort()).toEqual(['csharp', 'java']);
    // "X vs Y" asks about both sides; "like Y" only compares.
    const comparative = (q: string) => languageMentionsIn(q).map((m) => `${m.language} ${m.comparative}`);
    expect(comparative('Java annotations vs Python decorators')).toEqual(['java false', 'python false']);
    expect(comparative('is a Kotlin flow like an RxJava observable, like in Java?')).toEqual([
      'kotlin false',
      'java true',
    ]);
    expect(comparative('is await in JS the same as in Python?')).toEqual(['javascript false', 'python true']);
    expect(comparative('are C# tasks the same as Java futures?')).toEqual(['csharp false', 'java true']);
    expect([...languagesAskedAbout('go error handling with if err != nil')]).toEqual(['go']);
    expect([...languagesAskedAbout('rust futures and async await')]).toEqual(['rust']);
    expect([...languagesAskedAbout('go ahead and explain await')]).toEqual([]);
    expect([...languagesAskedAbout('what is a genrator function in pyhton')]).toEqual(['python']);
    expect([...languagesAskedAbout('javscript promises')]).toEqual(['javascript']);
    expect([...languagesAskedAbout('how do closures capture variables in async lambdas')]).toEqual([]);
  });
  it('strips zalgo and control characters and bounds the length', () => {
    expect(normalizeText('a\u0301\u0316\u0317wait\u0000 t\u200bhis')).toBe('await t his');
    expect(normalizeText('word '.repeat(2000)).length).toBeLessThanOrEqual(1500);
  });
});

describe('answers', () => {
  it('answers plain questions with the right section', () => {
    expect(answered('how do I catch exceptions from an async method?')).toBe('error-handling');
    expect(firstPick('what happens if I call an async method and never await it')).toBe('fire-and-forget');
  });
  it('tolerates typos', () => {
    expect(firstPick('how do i cach excepions from asnyc methods')).toBe('error-handling');
    expect(answered('does awiat block the thred?')).toBe('await-keyword');
  });
  it('does not read a common English word as a typo of a knowledge word', () => {
    // "execution" is one letter pair from `exception`, "senior" two edits from `sender`.
    const typos = new TypoCorrector(['exception', 'sender', 'thread'], () => 1);
    expect(typos.correct('execution')).toBeNull();
    expect(typos.correct('senior')).toBeNull();
    expect(typos.correct('excepion')?.word).toBe('exception');
  });
  it('keeps the first letter of a word it corrects by two edits', () => {
    const typos = new TypoCorrector(['loop', 'exception', 'load'], () => 1);
    expect(typos.correct('uvloop')).toBeNull(); // an asyncio library, not a slip of "loop"
    expect(typos.correct('monads')).toBeNull();
    expect(typos.correct('excpetoin')?.word).toBe('exception');
  });
  it('does not read a size, a version or a code as a typo', () => {
    const typos = new TypoCorrector(['2mb', 'v8', 'es2015'], () => 1);
    expect(typos.correct('2gb')).toBeNull();
    expect(typos.correct('v6')).toBeNull();
    expect(typos.correct('es2016')).toBeNull();
  });
  it('matches code identifiers', () => {
    expect(answered('my app deadlocks when I call .Result on a task')).toBe('key-rules');
  });
  it('answers a question that compares with another language', () => {
    expect(answered('coming from JavaScript, how do I catch exceptions from an async method in C#?')).toBe(
      'error-handling',
    );
  });
  it('reads past filler and label prefixes to a strong match', () => {
    expect(answered('yo does await block the thread or nah')).toBe('await-keyword');
    expect(answered('rate limited: what does await do')).toBe('await-keyword');
    expect(answered('thread pool behaviour')).toBe('thread-behavior');
  });
  it('reads a word in the spelling its topic writes in the phrasing too, whichever spelling was asked', () => {
    // The shipped topic writes "behavior" in a title and "MonoBehaviour" in a sample question.
    const phrasing = (q: string) => engine.search(q).ranked[0]!.features.phrasingMargin;
    expect(phrasing('thread pool behaviour')).toBeCloseTo(phrasing('thread pool behavior'));
    expect(phrasing('thread pool behaviour')).toBeGreaterThan(0.5);
  });
  it('reads chat spellings of function words (r, cuz, smth) as function words', () => {
    const words = (q: string) =>
      tokenize(q)
        .filter((t) => !t.stop)
        .map((t) => t.surface);
    expect(words('the docs r wrong cuz they skip smth')).toEqual(['docs', 'wrong', 'skip']);
  });
  it('reads judgement words (good, bad, best) as the frame of a question, not its subject', () => {
    // The shipped topic's prose and sample questions use "bad" and "good or bad" about Task.Run.
    for (const q of ['is this good or bad?', 'good or bad', 'which is better'])
      expect(engine.ask(q).kind, q).not.toBe('answer');
    expect(answered('is async void bad?')).toBe('key-rules');
  });
  it('does not answer confidently about an identifier the sections never name', () => {
    for (const q of ['await Task.Yield what does it do', 'Parallel.ForEachAsync vs Task.WhenAll'])
      expect(engine.ask(q).kind, q).toBe('suggest');
    expect(answered('Thread.Sleep vs Task.Delay')).toBe('await-keyword'); // the breakdown names both
  });
  it('does not answer off-topic questions or other languages', () => {
    for (const q of [
      'what is the weather like in Paris tomorrow',
      'best recipe for banana bread',
      'how do threads work in Java?',
      'how are errors handled in Go?',
    ]) {
      expect(engine.ask(q).kind, q).not.toBe('answer');
    }
  });
  it('handles empty, huge, zalgo and mass-mention input gracefully', () => {
    expect(engine.ask('').kind).toBe('none');
    expect(engine.ask('   \n\t ').kind).toBe('none');
    expect(['answer', 'suggest', 'none']).toContain(engine.ask('why '.repeat(1500) + 'await').kind);
    expect(engine.ask('x'.repeat(6000)).kind).toBe('none');
    expect(
      answered('h\u0336o\u0337w d\u0338o I c\u0335a\u0334t\u0336c\u0337h exceptions from an async method'),
    ).toBe('error-handling');
    expect(engine.ask('@everyone @here <@&123> does await block the thread?').question).toContain(
      '@everyone',
    );
  });
  it('takes a question for a sample question only when that sample holds every word it asks about', () => {
    // The shipped topic has the sample questions "explain async await like i'm 5" (purpose) and
    // "what does the async keyword do?" (async-modifier).
    expect(answered("explain async await like i'm 5")).toBe('purpose');
    expect(engine.ask('explain borrowing like im 5').kind).not.toBe('answer');
    expect(firstPick('What does the await keyword actually do in C#?')).toBe('await-keyword');
  });
  it('offers up to three "did you mean" sections when unsure, never the answer itself', () => {
    for (const q of ['await', 'tasks', 'async stuff']) {
      const a = engine.ask(q);
      expect(a.suggestions.length).toBeLessThanOrEqual(3);
      if (a.kind === 'suggest') expect(a.match).toBeNull();
    }
  });
  it('autocompletes section labels by fuzzy title', () => {
    const entries = engine.lookup('awiat keywrd');
    expect(entries[0]?.value).toBe('csharp-async-await/await-keyword');
    expect(entries[0]?.label).toBe('C# async/await › await keyword');
    expect(engine.lookup('', 25)).toHaveLength(9);
    expect(engine.find('csharp-async-await/syntax')?.section.title).toBe('Syntax');
  });
});

describe('several topics', () => {
  let multi: ConceptEngine;
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'multi-'));
    await copyFile('knowledge/csharp-async-await.md', path.join(dir, 'csharp-async-await.md'));
    for (const name of await readdir('test/fixtures/multi-topic'))
      await copyFile(path.join('test/fixtures/multi-topic', name), path.join(dir, name));
    await writeFile(path.join(dir, 'README.txt'), 'not a topic');
    multi = await loadEngine(dir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  it('routes a question that names its language to that topic', () => {
    const js = multi.ask('how do I catch errors from an async function in javascript');
    expect((js.match ?? js.suggestions[0])?.topic.id).toBe('javascript-promises');
    const cs = multi.ask('how do I catch exceptions from an async method in C#');
    expect((cs.match ?? cs.suggestions[0])?.topic.id).toBe('csharp-async-await');
  });
  it("routes a word of a topic's own name to that topic, before another that merely uses it", () => {
    // Listed first, so that it would win a tie.
    const jobs = topic('background-jobs', 'Background jobs', [
      ['Waiting for a job', 'Call join() on a job to wait until it completes.'],
    ]);
    const joins = topic('table-joins', 'Table joins', [
      ['Inner join', 'An inner join keeps only the rows that match in both tables.'],
      ['ON vs WHERE', 'The ON clause decides which rows match; WHERE filters the result afterwards.'],
    ]);
    const engine = ConceptEngine.build({ topics: [jobs, joins] });
    const ranked = engine.search('ON vs WHERE in joins').ranked;
    expect(ranked[0]?.topic.id).toBe('table-joins');
    expect(ranked.find((r) => r.topic.id === 'background-jobs')?.features.topicShare ?? 0).toBeLessThan(1);
  });
  it('does not score a topic that explains much less of the question than the best one', () => {
    const joins = topic('table-joins', 'Table joins', [
      ['Inner join', 'An inner join keeps only the rows that match in both tables.'],
      ['ON vs WHERE', 'The ON clause decides which rows match; WHERE filters the result afterwards.'],
    ]);
    const cooking = topic('cooking', 'Cooking', [['Tables', 'Set the tables before the guests arrive.']]);
    const question = 'inner join: which rows match in both tables?';
    const alone = ConceptEngine.build({ topics: [joins] }).ask(question);
    const both = ConceptEngine.build({ topics: [cooking, joins] });
    expect(both.search(question).ranked.map((r) => r.topic.id)).not.toContain('cooking');
    expect(alone.match?.section.title).toBe('Inner join');
    expect(both.ask(question).match?.confidence).toBe(alone.match?.confidence);
    // With every routed topic scored, the one that merely uses a word thins the answer's confidence.
    const all = ConceptEngine.build({ topics: [cooking, joins] }, { minTopicShare: 0 });
    expect(all.search(question).ranked.map((r) => r.topic.id)).toContain('cooking');
  });
  it('lets the phrasing choose when the question names only the topic ("when should I use generics")', () => {
    const generics = topic('generics', 'Generics', [
      [
        'What generics are',
        'Generics let a function work over many types; generic code names a type parameter.',
      ],
      ['Generic constraints', 'A generic constraint limits a generic type parameter: generics with extends.'],
      ['When to use them', 'Reach for generics when the same logic serves several types.'],
    ]);
    const engine = ConceptEngine.build({ topics: [generics] });
    const first = (q: string) => {
      const a = engine.ask(q);
      return (a.match ?? a.suggestions[0])?.section.title;
    };
    expect(first('when should I use generics')).toBe('When to use them');
    expect(first('what are generics')).toBe('What generics are');
  });
  it('recognises a sample question that names the whole topic, asked word for word', () => {
    const asyncAwait = topic('async-await', 'Async/await', [
      ['Purpose', 'Keeps a thread free while waiting on I/O.'],
      ['The async modifier', 'async marks a method that may await.'],
      ['The await keyword', 'await pauses the method until the task completes.'],
      ['Key rules', 'Use async and await all the way up.'],
    ]);
    asyncAwait.sections[0]!.questions = ['what does async await do?'];
    const engine = ConceptEngine.build({ topics: [asyncAwait] });
    const answer = engine.ask('what does async await do?');
    expect(answer.kind).toBe('answer');
    expect(answer.match?.section.title).toBe('Purpose');
  });
  it("reads a topic's names without the languages they name, each name on its own", () => {
    const namesOf = (title: string, aliases: string[] = []) => {
      const index = buildTopicIndex(
        { ...topic('t', title, [['A', 'a point']]), aliases },
        defaultEngineOptions,
      );
      return index.names.map((name) => name.map((id) => index.terms[id]));
    };
    expect(namesOf("Rust's ownership")).toEqual([['ownership']]);
    expect(namesOf('Python asyncio')).toEqual([['asyncio']]);
    expect(namesOf('JavaScript Promises')).toEqual([['promis']]);
    expect(namesOf('C# async/await', ['c#', '.net core', 'TAP'])).toEqual([['async', 'await'], ['tap']]);
  });
  it("takes the name of a topic's own language as naming the topic ('when should I use java streams')", () => {
    const first = firstSectionIn('java', 'streams', 'Java streams', [
      ['What a stream is', 'A stream is a pipeline of elements.'],
      ['Common pitfalls', 'Java code that reuses a stream throws.'],
      ['When to use streams', 'A loop reads better than a stream when you break early.'],
    ]);
    expect(first('when should I use java streams')).toBe('When to use streams');
    expect(first('what are java streams')).toBe('What a stream is');
  });
  it("takes the topic's own language in a question as naming the topic, not as a word of one section", () => {
    const first = firstSectionIn('javascript', 'promises', 'Browser events', [
      ['What a promise is', 'A promise stands for a value that is not there yet.'],
      ['Chaining', 'then() returns a new promise, so calls chain.'],
      ['The event loop', 'JavaScript runs one task at a time; a settled promise queues its callbacks.'],
    ]);
    expect(first('explain what a promise in JavaScript actually is')).toBe('What a promise is');
    expect(first('the event loop in JavaScript')).toBe('The event loop');
  });
  it('does not match a number in a question to a literal number in example code', () => {
    const ownership = topic('ownership', 'Ownership', [
      ['Move semantics', 'Assigning a value moves it; borrow it instead to keep using the old name.'],
      ['Borrowing', 'A reference lets you borrow a value without taking ownership of it.'],
      ['Lifetimes', 'A lifetime is how long a borrow stays valid.'],
    ]);
    ownership.sections[0]!.code = [
      { language: 'rust', code: 'let x = 5;\nlet y = x;\nlet s = String::from("5");', line: 1 },
    ];
    const built = ConceptEngine.build({ topics: [ownership] });
    expect(built.search('pls explain borrowing like im 5').ranked[0]!.section.title).toBe('Borrowing');
  });
  it("measures how much of the question one point of a section holds, not only the section's words", () => {
    const caching = topic('layers', 'Image layers', [
      ['Cache keys', 'Each instruction is cached by its inputs. Changing a file invalidates later layers.'],
    ]);
    caching.sections.push({
      ...caching.sections[0]!,
      id: 'split',
      title: 'Splitting instructions',
      points: ['Each instruction makes a layer.', 'Files that change often go last, so the cache holds.'],
    });
    const engine = ConceptEngine.build({ topics: [caching] });
    const features = (q: string, id: string) =>
      engine.search(q).ranked.find((r) => r.section.id === id)!.features;
    // "cached" and "instruction" share one point of the first section, but two of the second.
    expect(features('cached instruction', 's0').pointMatch).toBeCloseTo(1);
    expect(features('cached instruction', 'split').pointMatch).toBeLessThan(0.8);
    expect(features('cached instruction', 'split').pointMatch).toBeGreaterThan(0.2);
    expect(features('cached instruction', 'split').bm25Share).toBeGreaterThan(0.5);
  });
  it('matches a long option as the exact name it is, and knows when a topic never names it', () => {
    const git = topic('rebase', 'git rebase', [
      ['Useful options', 'Use `--onto` to move a branch onto another base.'],
      ['Rebase vs merge', 'A merge keeps merge commits; a rebase makes history linear.'],
    ]);
    const engine = ConceptEngine.build({ topics: [git] });
    const onto = engine.search('rebase --onto explained').ranked[0]!;
    expect(onto.section.title).toBe('Useful options');
    expect(onto.features.identifierMatch).toBe(1);
    // The topic writes "merge" and "rebase" but never the option `--rebase-merges`.
    expect(engine.search('--rebase-merges, what does it do?').ranked[0]!.features.topicIdentifiers).toBe(0);
  });
  it("does not answer from the language a question asks to translate from ('the C# equivalent')", () => {
    const asked = multi.ask("In JS I use Promise.race, what's the C# equivalent?");
    expect(asked.match?.topic.id).not.toBe('javascript-promises');
    for (const offer of asked.suggestions) expect(offer.topic.id).not.toBe('javascript-promises');
  });
  it('a question about what only one topic covers is routed there', () => {
    const a = multi.ask('what are generators for?');
    expect((a.match ?? a.suggestions[0])?.topic.id).toBe('python-generators');
  });
  it('answers a topic with no enrichment from its own words', () => {
    const a = multi.ask('what does the yield keyword do in a generator function');
    expect(a.match?.topic.id).toBe('python-generators');
    expect(a.match?.section.id).toBe('yield-keyword');
  });
});

describe('answer shape', () => {
  it('names the point to lead with, and why there is no answer', async () => {
    const engine = await loadEngine('knowledge');
    const answer = engine.ask('how do i catch exceptions from an async method');
    expect(answer.kind).toBe('answer');
    const { section, bestPoint } = answer.match!;
    expect(bestPoint).not.toBeNull();
    expect(section.points[bestPoint!]).toMatch(/catch/);
    expect(engine.ask('thanks!')).toMatchObject({ kind: 'none', reason: 'thanks' });
    expect(engine.ask('lol this server is dead')).toMatchObject({ kind: 'none', reason: 'small-talk' });
    // A complaint is answered with how to ask better, not searched for a section to offer.
    for (const q of ['bad bot', "thanks but that's not what I asked", 'you’re wrong btw'])
      expect(engine.ask(q), q).toMatchObject({ kind: 'none', reason: 'complaint' });
    expect(engine.ask("that's wrong, does await block the thread?").kind).not.toBe('none');
    expect(engine.ask('how do I use async await in java')).toMatchObject({
      kind: 'none',
      reason: 'unknown-language',
      unknownLanguages: ['Java'],
    });
    expect(engine.ask('   ?!  ')).toMatchObject({ kind: 'none', reason: 'empty' });
  });
});
