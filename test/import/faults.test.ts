import { describe, expect, it } from 'vitest';
import { importCapture } from '../../src/import/importCapture.js';
import { expectNoNoise, importFixture, outline } from './helpers.js';

describe('captures in the shapes and with the faults maintainers paste', () => {
  it('a capture organised by headings: the lone top heading is the title, the sign-off after a rule is dropped', () => {
    const imported = importFixture('heading-organised.txt');
    expect(imported.topic.title).toBe('Rust Ownership and Borrowing');
    expect(imported.slug).toBe('rust-ownership-and-borrowing');
    expect(imported.topic.intro).toBe(''); // no prompt line, "Thinking..." or "Sure thing!" left in it
    expect(outline(imported)).toEqual([
      [
        'ownership-rules',
        ['Every value has exactly one owner.', 'When the owner goes out of scope, the value is dropped.'],
        [],
      ],
      [
        'borrowing',
        [
          'References lend access without taking ownership.',
          '`&T` is a shared borrow; any number may exist at once.',
          '`&mut T` is an exclusive borrow.',
        ],
        ['fn len(s: &String) -> usize {\n    s.len()\n}'],
      ],
      [
        'common-pitfalls',
        [
          '**Use after move**: a moved `String` can no longer be used (`E0382`).',
          '**Two mutable borrows**: only one `&mut` may be alive at a time (`E0499`).',
        ],
        [],
      ],
    ]);
    expect(imported.markdown).not.toMatch(/ollama|Thinking|Sure thing|In short|Happy coding|🦀/);
    expect(imported.stripped).toEqual([
      'prompt line (1 line)',
      'REPL residue "Thinking..." (1 line)',
      'intro chatter: "Sure thing!"',
      'closing chatter: "In short, ownership decides who frees a value and borrowi…"',
    ]);
  });

  it('repairs every mojibake variant: a lost byte, U+FFFD in its place, a lost middle byte, text garbled twice', () => {
    const imported = importFixture('mojibake-dropped.txt');
    expectNoNoise(imported.markdown);
    expect(imported.markdown).not.toMatch(/[\uFFFDÃâð]/);
    expect(imported.topic.intro).toBe('Here’s a breakdown of **Python context managers**:');
    expect(imported.topic.sections.map((s) => s.points[0])).toEqual([
      'An object that “wraps” a block of code — setup before, cleanup after.',
      'It calls `__enter__`, runs the block, then “always” calls `__exit__`.',
      '❌ opening a file without `with` leaks the handle when an exception is raised.',
      '`@contextlib.contextmanager` turns a generator into one — yield once.',
    ]);
    expect(imported.stripped).toContain(
      'mojibake: 12 garbled characters repaired, 3 with a lost byte guessed',
    );
  });

  it("LM Studio's copied chat: header, footer and CRLF gone; the title comes from the prompt", () => {
    const imported = importFixture('lmstudio-copy.txt');
    expect(imported.markdown).not.toMatch(/\r|You\n|qwen|tok\/sec|Would you like/);
    expect(imported.topic.title).toBe('Css grid');
    expect(outline(imported).map(([id]) => id)).toEqual(['tracks', 'the-fr-unit']);
    expect(imported.stripped).toEqual([
      'LM Studio chat header (4 lines)',
      'LM Studio footer (1 line)',
      'closing chatter: "Would you like me to cover grid-template-areas next?"',
    ]);
  });

  it('plain "Title: text" lines under a llama.cpp log, [INST] echo and [end of text]', () => {
    const imported = importFixture('label-lines.txt');
    expect(imported.topic.title).toBe('make');
    expect(outline(imported)).toEqual([
      [
        'targets',
        [
          'A target names a file to build and the files it depends on.',
          'A target is rebuilt when any prerequisite is newer.',
        ],
        [],
      ],
      [
        'recipes',
        ['The commands under a target, each indented with a tab.'],
        ['app: main.o util.o\n\tcc -o app main.o util.o'],
      ],
      ['phony-targets', ['`.PHONY: clean` marks a target that is no file, so it always runs.'], []],
    ]);
    expect(imported.markdown).not.toMatch(
      /llama|INST|end of text|Log (start|end)|system_info|repeat_penalty/,
    );
  });

  it('a <think> block after the prompt line', () => {
    const imported = importFixture('think-after-prompt.txt');
    expect(imported.topic.intro).toBe("Here's a breakdown of **SQL indexes**:");
    expect(imported.markdown).not.toMatch(/think|The user wants|EXPLAIN/);
    expect(imported.stripped[0]).toBe('a reasoning block (3 lines)');
  });

  it('--title replaces the title found, also over front matter, and names the file', () => {
    const imported = importCapture('---\ntitle: Old\nlanguage: go\n---\n- **A**: b\n', 'x.md', {
      title: 'Go channels',
    });
    expect(imported.topic.title).toBe('Go channels');
    expect(imported.slug).toBe('go-channels');
    expect(imported.markdown).toMatch(/^---\ntitle: Go channels\nlanguage: go\n---\n/);
  });

  it('a very long title gives a file name that fits any file system', () => {
    const imported = importCapture(
      `# ${'Very long title about asynchronous programming '.repeat(10)}\n\n- **A**: b\n`,
      'x.txt',
    );
    expect(Buffer.byteLength(imported.slug)).toBeLessThanOrEqual(80);
    expect(imported.slug).toMatch(/^very-long-title-about-asynchronous-programming-very-long[a-z-]*[a-z]$/);
  });
});
