/**
 * `npm run eval [-- FILE [DIR[,DIR...]]]`: accuracy on labelled questions, with every miss, beside
 * a plain fuse.js search over the same knowledge for reference.
 */
import 'dotenv/config';
import { knowledgeDirFromEnv } from '../knowledge/loadKnowledge.js';
import { evaluate, ratio, readLabelledQuestions, type Outcome } from '../eval/evaluate.js';
import { loadEvalEngine } from '../eval/loadEvalEngine.js';
import { plainFuseTop1 } from '../eval/plainFuseBaseline.js';
import { parseCommandLine, usageError, type CommandLineSpec, type FlagSpecs } from './commandLine.js';
import { exitOnKnowledgeError } from './exitOnKnowledgeError.js';

const SPEC = {
  command: 'eval',
  usage: ['[FILE [DIR[,DIR...]]]'],
  details: `FILE: labelled questions, one JSON object a line (default test/eval/questions.jsonl).
DIR: the knowledge folders to load, comma-separated (default KNOWLEDGE_DIR or ./knowledge).`,
  flags: {},
  positionals: true,
} as const satisfies CommandLineSpec<FlagSpecs>;

async function main(): Promise<void> {
  const { positionals } = parseCommandLine(SPEC);
  if (positionals.length > 2) usageError(SPEC, `unexpected argument '${positionals[2]}'`);
  const [file = 'test/eval/questions.jsonl', dir = knowledgeDirFromEnv()] = positionals;
  const engine = await loadEvalEngine(dir);
  const questions = await readLabelledQuestions(file);
  const report = evaluate(engine, questions);
  const misses = report.outcomes.filter((o) =>
    o.question.expect.length ? !(o.correct && o.answer.kind === 'answer') : o.answer.kind === 'answer',
  );
  process.stdout.write(`Misses (${misses.length}): what the bot did · confidence · expected :: question\n`);
  for (const miss of misses) process.stdout.write(`  ${describe(miss)}\n`);
  const pct = (part: number, whole: number) => `${(100 * ratio(part, whole)).toFixed(1)}%`;
  process.stdout.write(
    [
      '',
      `${file}: ${report.inDomain} in-domain, ${report.offTopic} off-topic questions, ${engine.sectionCount} sections`,
      `in-domain top-1 (answer or first "did you mean"): ${pct(report.top1, report.inDomain)} (${report.top1}/${report.inDomain}); answered outright and right: ${pct(report.answeredCorrectly, report.inDomain)}`,
      `off-topic rejection: ${pct(report.offTopicRejected, report.offTopic)} (${report.offTopicRejected}/${report.offTopic}); confidently wrong answers: ${report.confidentlyWrong} of ${report.outcomes.length}`,
      `for reference, a plain fuse.js search over title and text: in-domain top-1 ${pct(plainFuseTop1(engine.knowledge, questions) * report.inDomain, report.inDomain)}`,
      '',
    ].join('\n'),
  );
}

function describe({ question, answer, pick }: Outcome): string {
  const confidence = (answer.match ?? answer.suggestions[0])?.confidence;
  const did = answer.kind === 'none' ? 'none' : `${answer.kind} ${pick}`;
  const expected = question.expect.length ? question.expect.join('|') : 'no answer';
  return `[${question.kind}] ${did} · ${confidence === undefined ? '-' : confidence.toFixed(2)} · want ${expected} :: ${question.question}`;
}

main().catch(exitOnKnowledgeError);
