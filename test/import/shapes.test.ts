import { describe, expect, it } from 'vitest';
import { importCapture } from '../../src/import/importCapture.js';
import { outline } from './helpers.js';

const imp = (text: string) => importCapture(text, 'capture.txt');

describe('breakdown shapes', () => {
  it('a plain numbered list takes its titles from the words before the colon', () => {
    const imported = imp(
      'Here is a breakdown of **CSS grid**:\n\n1. Purpose: Lay out in two dimensions.\n2. Tracks: Rows and columns.\n',
    );
    expect(outline(imported)).toEqual([
      ['purpose', ['Lay out in two dimensions.'], []],
      ['tracks', ['Rows and columns.'], []],
    ]);
    expect(imported.slug).toBe('css-grid');
  });

  it('a bold phrase that opens a sentence is a point once a section is open', () => {
    const imported = imp('- **Rules**:\n- **Never** block on async code.\n- Prefer `await`.\n');
    expect(outline(imported)).toEqual([['rules', ['**Never** block on async code.', 'Prefer `await`.'], []]]);
  });

  it('a bold-led item among titled sections is a section too, even with no colon', () => {
    const imported = imp(
      '1. **What they are** – functions that wrap functions.\n2. **Syntax**: the `@decorator` line.\n3. **Decorators with arguments** need one more level of nesting.\n',
    );
    expect(outline(imported)).toEqual([
      ['what-they-are', ['functions that wrap functions.'], []],
      ['syntax', ['the `@decorator` line.'], []],
      ['decorators-with-arguments', ['need one more level of nesting.'], []],
    ]);
  });

  it('inline text that would start a list is escaped, so it stays one point', () => {
    const imported = imp('- **Released**: 2012. Since then, yearly.\n- **Marker**: - dash first\n');
    expect(imported.topic.sections.map((s) => s.points)).toEqual([
      ['2012\\. Since then, yearly.'],
      ['\\- dash first'],
    ]);
  });

  it('code before the first section goes to an "Overview" section; text after an example stays', () => {
    const imported = imp(
      'Intro.\n\n```sh\nnpm i x\n```\n\n- **Use**: Call it.\n\n**Example**:\n```js\nx()\n```\n\nThis calls x once.\n\nCheers!\n',
    );
    expect(outline(imported)).toEqual([
      ['overview', [], ['npm i x']],
      ['use', ['Call it.'], []],
      ['example', ['This calls x once.'], ['x()']],
    ]);
    expect(imported.markdown).toContain('- **Example**:\n  ```js\n  x()\n  ```\n  - This calls x once.\n');
  });

  it('a title alone on its line, code in a sub-item, deeper sub-points, a rule and a bold summary', () => {
    const imported = imp(
      [
        'Here is a breakdown of **closures** in JavaScript:',
        '',
        '1. **Definition**',
        '   A function that remembers the scope it was created in.',
        '2. **Use cases**:',
        '   - Private state:',
        '     ```js',
        '     let n = 0;',
        '     ```',
        '   - Callbacks.',
        '3. **Pitfall**:',
        '   * Every callback sees the last value.',
        '     * Use `let` instead.',
        '',
        '---',
        '',
        '**Summary:** Closures capture variables, not values.',
        '',
        'Let me know if you want more examples! 😊',
      ].join('\n'),
    );
    expect(outline(imported)).toEqual([
      ['definition', ['A function that remembers the scope it was created in.'], []],
      ['use-cases', ['Private state:', 'Callbacks.'], ['let n = 0;']],
      ['pitfall', ['Every callback sees the last value.', 'Use `let` instead.'], []],
      ['summary', ['Closures capture variables, not values.'], []],
    ]);
    expect(imported.markdown).not.toContain('😊');
  });

  it('a repeated title gets a number, so section ids stay unique', () => {
    const imported = imp('- **Example**:\n  ```js\n  a()\n  ```\n- **Example**:\n  ```js\n  b()\n  ```\n');
    expect(imported.topic.sections.map((s) => s.id)).toEqual(['example', 'example-2']);
  });

  it('keeps code whose text holds a fence, by using a longer one', () => {
    const imported = imp('- **Markdown**:\n  ````md\n  ```js\n  x\n  ```\n  ````\n');
    expect(imported.topic.sections[0]!.code[0]!.code).toBe('```js\nx\n```');
  });

  it('takes the title from a lone top heading, else from the file name', () => {
    expect(imp('# Docker volumes\n\n- **Bind mounts**: A host path.\n').topic.title).toBe('Docker volumes');
    expect(importCapture('- **Bind mounts**: A host path.\n', 'docker_volumes.txt').slug).toBe(
      'docker-volumes',
    );
  });

  it('says what is wrong with text that is no breakdown', () => {
    expect(() => imp('Just a paragraph.\n\nAnd another one.\n')).toThrow(/no list items or headings/);
    expect(() => imp('- one thing\n- another thing\n')).toThrow(/list items have no titles/);
    expect(() => imp('   \n\n')).toThrow('empty file');
    expect(() => imp('\u001b[?25l⠋ ⠙ \u001b[?25h\ntotal duration: 1s\n')).toThrow(/no text left/);
    expect(() => imp('---\ntitle: [unclosed\n---\n- **A**: b\n')).toThrow(/invalid YAML/);
  });
});
