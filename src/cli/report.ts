import { parseArgs } from 'node:util';
import { buildEngine, loadEngine } from '../answer/loadEngine.js';
import type { ConceptEngine } from '../answer/ConceptEngine.js';
import { checkKnowledge } from '../check/checkKnowledge.js';
import { countBySeverity, formatProblem } from '../check/CheckProblem.js';
import type { SectionAddition } from '../knowledge/addEnrichment.js';
import { KnowledgeLoadError } from '../knowledge/KnowledgeError.js';
import { knowledgeDirFromEnv } from '../knowledge/loadKnowledge.js';
import { dataDirFromEnv } from '../learn/dataDir.js';
import { formatLearningReport } from '../learn/formatLearningReport.js';
import { readLearningLogs } from '../learn/readLearningLog.js';
import { summarizeLearning } from '../learn/summarizeLearning.js';
import { formatWrittenEnrichment, writeEnrichment } from '../learn/writeEnrichment.js';

const USAGE = `Usage: npm run report -- [--json] [--data DIR] [--apply]

What the bot could not answer well, from every questions*.jsonl in DIR (default DATA_DIR or ./data),
read against the knowledge in KNOWLEDGE_DIR: questions to write topics for (chatter left out, other
languages by language), sections marked not helpful, picked "did you mean" offers, and sample
questions to add to the sections users chose.

  --apply   write the proposed sample questions into the topics' front matter, then run the check
  --json    the report as JSON
  --data    the data folder`;

const parsed = (() => {
  try {
    return parseArgs({
      options: {
        json: { type: 'boolean', default: false },
        data: { type: 'string' },
        apply: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
})();

async function main(): Promise<number> {
  if (typeof parsed === 'string') {
    process.stderr.write(`report: ${parsed}\n\n${USAGE}\n`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const knowledgeDir = knowledgeDirFromEnv();
  let engine: ConceptEngine | undefined;
  try {
    engine = await loadEngine(knowledgeDir);
  } catch (error) {
    if (!(error instanceof KnowledgeLoadError) || parsed.apply) throw error;
    process.stderr.write(
      `report: the knowledge does not load, so questions are not read against it:\n${error.message}\n`,
    );
  }
  const log = await readLearningLogs(parsed.data ?? dataDirFromEnv());
  const report = summarizeLearning(log, { engine, build: buildEngine });
  process.stdout.write(parsed.json ? JSON.stringify(report, null, 2) + '\n' : formatLearningReport(report));
  if (!parsed.apply) return 0;

  const byFile = new Map<string, SectionAddition[]>();
  for (const p of report.proposals) {
    if (p.questions.length === 0) continue;
    byFile.set(p.file, [
      ...(byFile.get(p.file) ?? []),
      { sectionId: p.sectionId, questions: p.questions.map((q) => q.question) },
    ]);
  }
  const written = await writeEnrichment(byFile);
  if (written.length === 0) {
    process.stdout.write('\nNothing to apply.\n');
    return 0;
  }
  process.stdout.write(
    `\nWritten (review with git diff ${knowledgeDir}, then commit):\n${formatWrittenEnrichment(written)}`,
  );
  const check = await checkKnowledge(knowledgeDir);
  const { error, warning } = countBySeverity(check.problems);
  process.stdout.write(
    `\nnpm run check: ${error > 0 ? `FAILED: ${error} errors` : 'OK: no errors'}, ${warning} warnings\n`,
  );
  for (const problem of check.problems) process.stdout.write(`${formatProblem(problem)}\n`);
  return error > 0 ? 1 : 0;
}

process.exitCode = await main().catch((error: unknown) => {
  process.stderr.write(`report: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
});
