import { parseArgs } from 'node:util';
import { dataDirFromEnv, questionsLogPath } from '../learn/dataDir.js';
import { formatLearningReport } from '../learn/formatLearningReport.js';
import { readLearningLog } from '../learn/readLearningLog.js';
import { summarizeLearning } from '../learn/summarizeLearning.js';

// `npm run report [-- --json] [--data DIR]`: what the bot could not answer well, from DATA_DIR/questions.jsonl.
const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    data: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  process.stdout.write(
    'Usage: npm run report -- [--json] [--data DIR]\n  DIR defaults to DATA_DIR or ./data\n',
  );
} else {
  const log = await readLearningLog(questionsLogPath(values.data ?? dataDirFromEnv()));
  const report = summarizeLearning(log);
  process.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : formatLearningReport(report));
}
