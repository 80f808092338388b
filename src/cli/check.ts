import { checkKnowledge } from '../check/checkKnowledge.js';
import { countBySeverity } from '../check/CheckProblem.js';
import { formatCheckReport } from '../check/formatCheckReport.js';
import { knowledgeDirFromEnv } from '../knowledge/loadKnowledge.js';
import { parseCommandLine } from './commandLine.js';

// `npm run check`: validate the knowledge folder (KNOWLEDGE_DIR); exit 1 on any error, warnings do not fail.
parseCommandLine({
  command: 'check',
  usage: [''],
  details: `Checks every topic file of KNOWLEDGE_DIR (default ./knowledge): its structure, the syntax of
its code examples (tree-sitter), and that each sample question is answered by its own section.
Exit status 1 when any error is found; warnings are printed and do not fail.`,
  flags: {},
});
const report = await checkKnowledge(knowledgeDirFromEnv());
process.stdout.write(formatCheckReport(report));
process.exitCode = countBySeverity(report.problems).error > 0 ? 1 : 0;
