import { describe, expect, it } from 'vitest';
import { importCapture } from '../../src/import/importCapture.js';
import { expectNoNoise, importFixture, outline } from './helpers.js';

describe('importing the seed capture', () => {
  const imported = importFixture('seed-csharp-async.txt');
  const { topic, markdown } = imported;

  it('names the topic from its intro and spells out C#', () => {
    expect(topic.title).toBe('async and await in C#');
    expect(imported.slug).toBe('async-and-await-in-csharp');
    expect(topic.language).toBe('csharp');
    expect(markdown.startsWith('---\ntitle: async and await in C#\nlanguage: csharp\n---\n')).toBe(true);
  });

  it('repairs the apostrophe of the intro and drops the spinner before it', () => {
    expect(topic.intro).toBe(
      'Here\u2019s a concise breakdown of **`async`** and **`await`** in C# in **8 bullet points**:',
    );
  });

  it('reproduces the nine sections with their titles, points and code', () => {
    expect(topic.sections.map((s) => [s.id, s.titleMarkdown])).toEqual([
      ['purpose', 'Purpose'],
      ['async-modifier', '`async` modifier'],
      ['await-keyword', '`await` keyword'],
      ['thread-behavior', 'Thread behavior'],
      ['syntax', 'Syntax'],
      ['error-handling', 'Error handling'],
      ['fire-and-forget', 'Fire-and-forget'],
      ['key-rules', 'Key rules'],
      ['example', 'Example'],
    ]);
    expect(outline(imported)).toEqual([
      [
        'purpose',
        [
          'Enable **asynchronous programming** to avoid blocking threads, improving performance for I/O-bound tasks (e.g., file/network operations).',
        ],
        [],
      ],
      [
        'async-modifier',
        [
          'Applies to methods to indicate they may run asynchronously.',
          'The method returns a `Task` (or `Task<T>` for results) instead of blocking the caller.',
        ],
        [],
      ],
      [
        'await-keyword',
        [
          'Pauses the `async` method **without blocking the thread**, resuming when the awaited task completes.',
          'Only works inside `async` methods.',
        ],
        [],
      ],
      [
        'thread-behavior',
        [
          'The thread is **freed** to handle other work while waiting (e.g., for API calls, database queries).',
          'No new threads are created unless explicitly done (e.g., `Task.Run`).',
        ],
        [],
      ],
      [
        'syntax',
        [],
        [
          'public async Task<string> FetchDataAsync()\n{\n    var data = await SomeAsyncOperation(); // Resumes here when done\n    return data;\n}',
        ],
      ],
      [
        'error-handling',
        [
          'Use `try-catch` blocks to handle exceptions from awaited tasks.',
          'The exception propagates to the caller when the task completes.',
        ],
        [],
      ],
      [
        'fire-and-forget',
        ['Omit `await` to run the task in the background (use cautiously to avoid leaks).'],
        [],
      ],
      [
        'key-rules',
        [
          'Never use `async`/`await` for CPU-bound work (use `Task.Run` instead).',
          'Avoid mixing `async` with synchronous code (e.g., `await Task.Run(() => SyncMethod())`).',
        ],
        [],
      ],
      [
        'example',
        [],
        [
          'public async Task<string> LoadDataAsync()\n{\n    var result = await HttpClient.GetStringAsync("https://api.example.com");\n    return result; // Resumes here after HTTP response\n}',
        ],
      ],
    ]);
    expect(topic.sections.flatMap((s) => s.code.map((c) => c.language))).toEqual(['csharp', 'csharp']);
  });

  it('leaves no spinner, mojibake or runner statistics', () => {
    expectNoNoise(markdown);
    expect(markdown).not.toContain('token(s)');
  });

  it('keeps the canonical shape: items, sub-bullets, indented fences, a bare example block', () => {
    expect(markdown).toContain('- **`await` keyword**:\n  - Pauses the `async` method');
    expect(markdown).toContain(
      '- **Syntax**:\n  ```csharp\n  public async Task<string> FetchDataAsync()\n  {\n      var data',
    );
    expect(markdown).toMatch(/\n\*\*Example\*\*:\n```csharp\npublic async Task<string> LoadDataAsync\(\)/);
  });

  it('is idempotent: importing its own output changes nothing', () => {
    expect(importCapture(markdown, 'again.md').markdown).toBe(markdown);
  });
});
