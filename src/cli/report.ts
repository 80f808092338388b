import { dataDirFromEnv, questionsLogPath } from '../learn/dataDir.js';
import { formatLearningReport } from '../learn/formatLearningReport.js';
import { readLearningLog } from '../learn/readLearningLog.js';
import { summarizeLearning } from '../learn/summarizeLearning.js';
import { parseCommandLine } from './commandLine.js';

// `npm run report [-- --json] [--data DIR]`: what the bot could not answer well, from DATA_DIR/questions.jsonl.
const { flags: values } = parseCommandLine({
  command: 'report',
  usage: ['[--json] [--data DIR]'],
  details: `Reads the learning log, DIR/questions.jsonl (unanswered questions, feedback and picked "did you
mean" offers, user ids hashed) and groups what to write next.`,
  flags: {
    json: { type: 'boolean', help: 'the report as one JSON object' },
    data: { type: 'string', value: 'DIR', help: 'the data folder (default DATA_DIR or ./data)' },
  },
});

const log = await readLearningLog(questionsLogPath(values.data ?? dataDirFromEnv()));
const report = summarizeLearning(log);
process.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : formatLearningReport(report));
