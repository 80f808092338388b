import type { ConceptEngine } from '../answer/ConceptEngine.js';
import { formatAnswer } from './formatAnswer.js';
import { readLines } from './readLines.js';

export const CONSOLE_BANNER =
  'concept-bot local console (not connected to Discord; set DISCORD_TOKEN in .env to connect). Ask a question, one a line; Ctrl-D or Ctrl-C quits.';

/** The local console: answers each line read from `input` until it ends. Returns the questions answered. */
export async function runConsole(
  getEngine: () => ConceptEngine,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<number> {
  output.write(`${CONSOLE_BANNER}\n> `);
  let answered = 0;
  for await (const line of readLines(input)) {
    if (line) {
      const engine = getEngine();
      output.write(`${formatAnswer(engine.ask(line), engine.knowledge)}\n\n`);
      answered++;
    }
    output.write('> ');
  }
  output.write('\n');
  return answered;
}
