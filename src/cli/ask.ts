/**
 * `npm run ask -- "question"`          the answer as a person wants it in a terminal
 * `npm run ask -- --json "question"`   one JSON object
 * `npm run --silent ask -- --jsonl`    questions from stdin, one JSON object a line on stdout
 */
import 'dotenv/config';
import { toAnswerRecord } from '../answer/answerRecord.js';
import { loadEngine } from '../answer/loadEngine.js';
import { formatAnswer } from '../terminal/formatAnswer.js';
import { readLines } from '../terminal/readLines.js';
import { exitOnKnowledgeError } from './exitOnKnowledgeError.js';

const USAGE =
  'usage: npm run ask -- [--json] "question"   |   npm run --silent ask -- --jsonl < questions.txt';

async function main(argv: string[]): Promise<number> {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const words = argv.filter((a) => !a.startsWith('--'));
  const unknown = [...flags].filter((f) => f !== '--json' && f !== '--jsonl');
  if (
    unknown.length ||
    (flags.has('--jsonl') && words.length) ||
    (!flags.has('--jsonl') && !words.join(' ').trim())
  ) {
    process.stderr.write(`${unknown.length ? `unknown option ${unknown.join(' ')}\n` : ''}${USAGE}\n`);
    return 2;
  }
  const engine = await loadEngine();
  if (flags.has('--jsonl')) {
    for await (const line of readLines(process.stdin)) {
      if (line) process.stdout.write(`${JSON.stringify(toAnswerRecord(engine.ask(line)))}\n`);
    }
    return 0;
  }
  const answer = engine.ask(words.join(' '));
  process.stdout.write(
    flags.has('--json')
      ? `${JSON.stringify(toAnswerRecord(answer))}\n`
      : `${formatAnswer(answer, engine.knowledge)}\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code), exitOnKnowledgeError);
