/**
 * `concept-bot ask QUESTION...`           the answer as a person reads it in a terminal
 * `concept-bot ask --json QUESTION...`    one JSON object (src/answer/answerRecord.ts)
 * `concept-bot ask --jsonl < QUESTIONS`   one JSON object a line of stdin, same order, blank lines included
 */
import 'dotenv/config';
import { once } from 'node:events';
import { toAnswerRecord } from '../answer/answerRecord.js';
import { loadEngine } from '../answer/loadEngine.js';
import { colorEnabled } from '../terminal/colorSupport.js';
import { formatAnswer } from '../terminal/formatAnswer.js';
import { MAX_LINE_BYTES, readLines } from '../terminal/readLines.js';
import { terminalWidth } from '../terminal/terminalWidth.js';
import { parseCommandLine, usageError, type CommandLineSpec, type FlagSpecs } from './commandLine.js';
import { ExitCode } from './exitCodes.js';
import { exitOnKnowledgeError } from './exitOnKnowledgeError.js';

const SPEC = {
  command: 'ask',
  usage: ['[--brief] QUESTION...', '--json QUESTION...', '--jsonl < QUESTIONS'],
  details: `QUESTION is every word after the options (quoting is optional). --jsonl answers every line of
stdin with exactly one line of JSON, in order: a blank line gets "match": null and "reason": "empty",
and a line longer than ${MAX_LINE_BYTES / 1024} KiB is answered from its first ${MAX_LINE_BYTES / 1024} KiB. The JSON fields are in the
README (JSON output). Knowledge: KNOWLEDGE_DIR (default ./knowledge).`,
  flags: {
    json: { type: 'boolean', help: 'print one JSON object instead of the text answer' },
    jsonl: { type: 'boolean', help: 'read questions from stdin, one a line; print one JSON object a line' },
    brief: {
      type: 'boolean',
      short: 'b',
      help: 'only the best point: leave out the other points and the code',
    },
  },
  positionals: true,
} as const satisfies CommandLineSpec<FlagSpecs>;

async function main(): Promise<number> {
  const { flags, positionals } = parseCommandLine(SPEC);
  const question = positionals.join(' ');
  if (flags.json && flags.jsonl) usageError(SPEC, '--json and --jsonl do not go together');
  if (flags.brief && (flags.json || flags.jsonl))
    usageError(SPEC, '--brief shapes the text answer, not JSON');
  if (flags.jsonl && positionals.length)
    usageError(SPEC, '--jsonl reads its questions from stdin, not arguments');
  if (!flags.jsonl && !question.trim()) usageError(SPEC, 'no question given');

  const engine = await loadEngine();
  if (flags.jsonl) {
    for await (const line of readLines(process.stdin)) {
      const record = `${JSON.stringify(toAnswerRecord(engine.ask(line.text)))}\n`;
      if (!process.stdout.write(record)) await once(process.stdout, 'drain');
    }
    return ExitCode.ok;
  }
  const answer = engine.ask(question);
  const text = flags.json
    ? JSON.stringify(toAnswerRecord(answer))
    : formatAnswer(answer, engine.knowledge, {
        width: terminalWidth(process.stdout),
        color: colorEnabled(process.stdout),
        brief: flags.brief,
        pickable: false,
      });
  process.stdout.write(`${text}\n`);
  return ExitCode.ok;
}

main().then((code) => {
  process.exitCode = code;
}, exitOnKnowledgeError);
