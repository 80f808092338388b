import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Writes topic files into a fresh temporary knowledge folder and returns its path. */
export async function makeKnowledgeDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'concept-bot-check-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

/** 1-based line of the first line of `text` that contains `fragment`. */
export function lineOf(text: string, fragment: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(fragment));
  if (index < 0) throw new Error(`fixture has no line with ${JSON.stringify(fragment)}`);
  return index + 1;
}

/** A small, clean topic: C# that parses, one Kotlin example (no grammar), no sample questions. */
export const cleanTopic = `---
title: Widgets
language: csharp
---
Here's a breakdown of **widgets**:

- **Creating a widget**:
  - Call the constructor and keep the instance.
  \`\`\`csharp
  public class Widget
  {
      public void Spin()
      {
          int turns = 1;
          Console.WriteLine(turns);
      }
  }
  \`\`\`

- **Scripting widgets**:
  - Widgets can be driven from a script.
  \`\`\`kotlin
  widget.spin(turns = 2)
  \`\`\`
`;

export const otherCleanTopic = `Here's a breakdown of **gadgets**:

- **Painting gadgets**: Gadgets take any colour of paint.
- **Storing gadgets**:
  - Keep them dry.
`;
