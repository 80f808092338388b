import { checkKnowledge } from '../check/checkKnowledge.js';
import { countBySeverity } from '../check/CheckProblem.js';
import { formatCheckReport } from '../check/formatCheckReport.js';
import { knowledgeDirFromEnv } from '../knowledge/loadKnowledge.js';

// `npm run check`: validate the knowledge folder (KNOWLEDGE_DIR); exit 1 on any error, warnings do not fail.
const report = await checkKnowledge(knowledgeDirFromEnv());
process.stdout.write(formatCheckReport(report));
process.exitCode = countBySeverity(report.problems).error > 0 ? 1 : 0;
