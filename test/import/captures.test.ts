import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCapture } from '../../src/import/importCapture.js';
import { parseTopic } from '../../src/knowledge/parseTopic.js';
import { capturePath, expectNoNoise, importFixture, outline } from './helpers.js';

const FIXTURES = [
  'seed-csharp-async.txt',
  'numbered-inline.txt',
  'headings-crlf.txt',
  'ansi-spinner.txt',
  'mojibake-c1.txt',
  'genuine-unicode.txt',
  'clean-knowledge.md',
  'chatty-grouped.txt',
  'heading-organised.txt',
  'mojibake-dropped.txt',
  'lmstudio-copy.txt',
  'label-lines.txt',
  'think-after-prompt.txt',
];

describe('captures in varied shapes', () => {
  it('numbered items with inline text, code between items, chatty opener and closer', () => {
    const imported = importFixture('numbered-inline.txt');
    expect(imported.slug).toBe('list-comprehensions-in-python');
    expect(imported.topic.title).toBe('list comprehensions in Python');
    expect(imported.topic.intro).toBe("Here's a breakdown of **list comprehensions** in Python:");
    expect(outline(imported)).toEqual([
      ['purpose', ['Build a new list from an iterable in a single, readable expression.'], []],
      [
        'syntax',
        ['`[expression for item in iterable if condition]`'],
        ['squares = [x * x for x in range(10)]'],
      ],
      ['filtering', ['Add an `if` clause to keep only some items.', 'The condition runs once per item.'], []],
      ['nested-loops', ['Several `for` clauses read left to right, like nested loops.'], []],
      ['when-not-to-use-them', ['Prefer a plain loop when the body has side effects.'], []],
      ['example', [], ['evens = [n for n in numbers if n % 2 == 0]']],
    ]);
    expect(imported.markdown).not.toMatch(/Sure!|Hope this helps|Let me know/);
  });

  it('headings as titles (numbered, bold, trailing colon), CRLF line ends, a heading example', () => {
    const imported = importFixture('headings-crlf.txt');
    expect(imported.markdown).not.toContain('\r');
    expect(imported.topic.title).toBe('Rust ownership');
    expect(imported.slug).toBe('rust-ownership');
    expect(imported.topic.intro).toBe(
      'Rust manages memory through ownership rather than a garbage collector.',
    );
    expect(outline(imported)).toEqual([
      [
        'ownership-rules',
        ['Each value has exactly one owner.', 'When the owner goes out of scope, the value is dropped.'],
        [],
      ],
      [
        'moves',
        ['Assigning a `String` to another variable moves it; the first one can no longer be used.'],
        ['let a = String::from("hi");\nlet b = a; // `a` is moved into `b`'],
      ],
      [
        'borrowing',
        [
          '`&T` lends read-only access; any number may exist at once.',
          '`&mut T` lends exclusive write access.',
        ],
        [],
      ],
      ['example', [], ['fn len(s: &String) -> usize {\n    s.len()\n}']],
    ]);
    expect(imported.markdown).not.toContain('Let me know');
  });

  it('ANSI spinner, \\r redraws, a prompt echo, runner statistics and flat sub-bullets', () => {
    const imported = importFixture('ansi-spinner.txt');
    expectNoNoise(imported.markdown);
    expect(imported.markdown).not.toContain('[?25');
    expect(imported.topic.intro).toBe("Here's a breakdown of **Promises** in JavaScript:");
    expect(imported.slug).toBe('promises-in-javascript');
    expect(outline(imported)).toEqual([
      ['what-a-promise-is', ['An object standing for a value that will exist later.'], []],
      [
        'states',
        ['`pending`, then either `fulfilled` or `rejected`.', 'A settled promise never changes state again.'],
        [],
      ],
      [
        'chaining',
        [
          '`.then()` returns a new promise, so calls chain.',
          '`.catch()` handles a rejection anywhere earlier in the chain.',
        ],
        [],
      ],
      [
        'asyncawait',
        ['Syntax over promises; `await` unwraps a fulfilled value.'],
        ['const user = await fetchUser(id);'],
      ],
    ]);
    expect(imported.topic.language).toBe('js');
  });

  it('mojibake with C1 controls is repaired while text typed after it is kept exactly', () => {
    const raw = readFileSync(capturePath('mojibake-c1.txt'), 'utf8');
    expect(raw).toMatch(/[\u0081\u008D\u008F\u0090\u009D]/); // the fixture really carries C1 controls
    const imported = importFixture('mojibake-c1.txt');
    expectNoNoise(imported.markdown);
    expect(imported.topic.title).toBe('Unicode strings in Python');
    expect(imported.topic.intro).toBe(
      'Here\u2019s a breakdown of **Unicode strings** in Python \u2014 in 4 points:',
    );
    expect(outline(imported)).toEqual([
      [
        'str-vs-bytes',
        [
          'A `str` holds code points; `bytes` holds raw bytes — convert with `.encode()` / `.decode()`.',
          '`"Ý".encode("utf-8")` gives `b"\\xc3\\x9d"`: two bytes, one character.',
        ],
        [],
      ],
      [
        'normalization',
        [
          '`"Á"` can be one code point or `A` + a combining accent → compare after `unicodedata.normalize("NFC", s)`.',
          'Icelandic `"Ð"` and `"Í"` are single code points in NFC…',
        ],
        [],
      ],
      ['length', ['`len()` counts code points, not bytes — `len("café")` is 4, `len("🚀")` is 1.'], []],
      [
        'text-that-was-never-garbled',
        ['Typed after the capture: café, naïve, → arrows, 日本語 and 🚀 stay exactly as written.'],
        ['print("naïve café → 日本語 🚀")'],
      ],
    ]);
  });

  it('genuine non-ASCII text, `1)` numbering and dash separators survive untouched', () => {
    const source = readFileSync(capturePath('genuine-unicode.txt'), 'utf8');
    const imported = importFixture('genuine-unicode.txt');
    expect(imported.topic.intro).toBe("Here's an overview of **f-strings** in Python:");
    expect(imported.slug).toBe('f-strings-in-python');
    expect(outline(imported)).toEqual([
      ['what-they-are', ['String literals prefixed with `f` that evaluate `{expressions}` inline.'], []],
      ['unicode-just-works', ['`f"{name} → {city}"` prints `Zoë → Zürich` or `太郎 → 東京` unchanged.'], []],
      [
        'format-specs',
        ['Put a spec after a colon: `f"{price:.2f} €"` gives `9.50 €`, «quoted» ±0.01.'],
        ['print(f"{0.5:.0%} naïve café ✓")'],
      ],
      ['debugging', ['`f"{x=}"` prints both the expression and its value — handy 🐛.'], []],
    ]);
    for (const kept of [
      'Zoë → Zürich',
      '太郎 → 東京',
      '9.50 €',
      '«quoted» ±0.01',
      'naïve café ✓',
      'handy 🐛',
    ]) {
      expect(source).toContain(kept);
      expect(imported.markdown).toContain(kept);
    }
    expect(imported.markdown).not.toContain('Happy coding');
  });

  it('a clean knowledge file imports unchanged in meaning, its front matter kept as written', () => {
    const source = readFileSync(capturePath('clean-knowledge.md'), 'utf8');
    const imported = importFixture('clean-knowledge.md');
    const frontMatter = source.slice(0, source.indexOf('\n---\n') + 5);
    expect(imported.markdown.startsWith(frontMatter)).toBe(true);
    expect(imported.slug).toBe('goroutines-in-go');
    const original = parseTopic(source, 'clean-knowledge.md', 'goroutines-in-go');
    const { file: _a, ...before } = original;
    const { file: _b, ...after } = imported.topic;
    const withoutLines = ({ introLine: _i, ...t }: typeof before) => ({
      ...t,
      sections: t.sections.map(({ line: _l, pointLines: _p, code, ...s }) => ({
        ...s,
        code: code.map(({ line: _c, ...c }) => c),
      })),
    });
    expect(withoutLines(after)).toEqual(withoutLines(before));
    expect(imported.topic.aliases).toEqual(['golang', 'go routines']);
    expect(imported.topic.sections.find((s) => s.id === 'channels')?.questions).toEqual([
      'how do goroutines talk to each other?',
    ]);
  });

  it('drops a lone "Sure!", a group heading and the closing question; nests sub-points; keeps a summary line', () => {
    const imported = importFixture('chatty-grouped.txt');
    expect(imported.topic.intro).toBe('Here is a breakdown of how **Git rebase** works:');
    expect(imported.topic.title).toBe('Git rebase');
    expect(outline(imported)).toEqual([
      ['what-it-does', ['Replays your commits on top of another branch.'], []],
      [
        'rewrites-history',
        ['Every replayed commit gets a new hash.', 'Never rebase commits others have already pulled.'],
        [],
      ],
      [
        'interactive-mode',
        [
          '`git rebase -i HEAD~3` lets you reorder, squash or edit commits.',
          'In short, rebase keeps history linear at the cost of rewriting it.',
        ],
        ['git rebase -i HEAD~3'],
      ],
    ]);
    expect(imported.markdown).toContain('  - Every replayed commit gets a new hash.\n    - Never rebase');
    expect(imported.markdown).not.toMatch(/Sure!|Core ideas|Would you like/);
  });

  it.each(FIXTURES)('%s: the output loads as a topic and importing it again changes nothing', (name) => {
    const imported = importFixture(name);
    expect(() => parseTopic(imported.markdown, `${imported.slug}.md`, imported.slug)).not.toThrow();
    expect(importCapture(imported.markdown, `${imported.slug}.md`).markdown).toBe(imported.markdown);
  });
});
