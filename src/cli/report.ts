import type { ConceptEngine } from '../answer/ConceptEngine.js';
import { buildEngine, loadEngine } from '../answer/loadEngine.js';
import type { SectionAddition } from '../knowledge/addEnrichment.js';
import { KnowledgeLoadError } from '../knowledge/KnowledgeError.js';
import { knowledgeDirFromEnv } from '../knowledge/loadKnowledge.js';
import { dataDirFromEnv } from '../learn/dataDir.js';
import { formatLearningReport } from '../learn/formatLearningReport.js';
import { readLearningLogs } from '../learn/readLearningLog.js';
import { summarizeLearning } from '../learn/summarizeLearning.js';
import { writeEnrichment } from '../learn/writeEnrichment.js';
import { showWrittenEnrichment } from './showWrittenEnrichment.js';
import { parseCommandLine } from './commandLine.js';

// `npm run report [-- --json] [--data DIR] [--apply]`: what the bot could not answer well, and what to add.
const { flags } = parseCommandLine({
  command: 'report',
  usage: ['[--json] [--data DIR] [--apply]'],
  details: `Reads every learning log in DIR (questions.jsonl and the per-shard or per-process
questions-*.jsonl: unanswered questions, feedback and picked "did you mean" offers, user ids hashed)
against the knowledge in KNOWLEDGE_DIR: what to write next (chatter left out, questions about
uncovered languages by language), sections marked not helpful, picked offers, and per section the
sample questions users asked and then picked or marked helpful, and the questions it answers whose
answer users marked not helpful (its notFor). --apply writes those into the topics' front matter,
lists each line written and runs the check: review with git diff, then commit.`,
  flags: {
    json: { type: 'boolean', help: 'the report as one JSON object' },
    data: { type: 'string', value: 'DIR', help: 'the data folder (default DATA_DIR or ./data)' },
    apply: { type: 'boolean', help: "write the proposed questions into the topics' front matter" },
  },
});

async function main(): Promise<number> {
  const knowledgeDir = knowledgeDirFromEnv();
  let engine: ConceptEngine | undefined;
  try {
    engine = await loadEngine(knowledgeDir);
  } catch (error) {
    if (!(error instanceof KnowledgeLoadError) || flags.apply) throw error;
    process.stderr.write(
      `report: the knowledge does not load, so questions are not read against it:\n${error.message}\n`,
    );
  }
  const log = await readLearningLogs(flags.data ?? dataDirFromEnv());
  const report = summarizeLearning(log, { engine, build: buildEngine });
  process.stdout.write(flags.json ? JSON.stringify(report, null, 2) + '\n' : formatLearningReport(report));
  if (!flags.apply) return 0;

  const byFile = new Map<string, SectionAddition[]>();
  for (const p of report.proposals) {
    if (p.questions.length === 0 && p.notFor.length === 0) continue;
    byFile.set(p.file, [
      ...(byFile.get(p.file) ?? []),
      {
        sectionId: p.sectionId,
        questions: p.questions.map((q) => q.question),
        notFor: p.notFor.map((q) => q.question),
      },
    ]);
  }
  const written = await writeEnrichment(byFile);
  if (written.length === 0) {
    process.stdout.write('\nNothing to apply.\n');
    return 0;
  }
  return showWrittenEnrichment(written, knowledgeDir, knowledgeDir);
}

process.exitCode = await main().catch((error: unknown) => {
  process.stderr.write(`report: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
});
