import path from 'node:path';
import { buildEngine } from '../answer/loadEngine.js';
import { removableTempFiles } from '../import/orphanedTempFiles.js';
import type { CheckProblem } from './CheckProblem.js';
import { checkCodeExamples, type CodeExampleStats } from './checkCodeExamples.js';
import { checkSampleRouting, type RoutingStats } from './checkSampleRouting.js';
import { checkSectionPoints } from './checkSectionPoints.js';
import { checkText } from './checkText.js';
import { readTopics } from './readTopics.js';
import { SyntaxChecker } from './SyntaxChecker.js';

export interface TopicSummary {
  id: string;
  title: string;
  file: string;
  sections: number;
  codeExamples: number;
  sampleQuestions: number;
}

export interface CheckReport {
  dir: string;
  /** Whether the bot's loader accepts the folder as a whole. */
  loaded: boolean;
  topics: TopicSummary[];
  code: CodeExampleStats;
  /** Sample-question routing; undefined when the folder does not load (the engine needs all of it). */
  routing: RoutingStats | undefined;
  /** Every finding, ordered by file and line. */
  problems: CheckProblem[];
}

/**
 * Validates a knowledge folder: the loader's own errors (invalid YAML, duplicate section titles, a file
 * over the size limit, ...) and the files it skips, code examples parsed with real grammars, empty
 * sections, what an import would have cleaned (mojibake, control characters, runner output, chatter),
 * text longer than Discord shows, sample questions that do not route to their own section, and
 * temporary files an interrupted import left behind.
 */
export async function checkKnowledge(dir: string, checker = new SyntaxChecker()): Promise<CheckReport> {
  const { knowledge, topics, loadErrors, skipped } = await readTopics(dir);
  const problems: CheckProblem[] = loadErrors.map((e) => ({
    severity: 'error',
    file: e.file,
    line: e.line,
    message: e.problem,
  }));
  for (const s of skipped) {
    problems.push({
      severity: 'warning',
      file: s.file,
      line: 0,
      message: s.problem,
      hint: 'move it out of the knowledge folder',
    });
  }
  for (const name of await removableTempFiles(dir)) {
    problems.push({
      severity: 'warning',
      file: path.join(dir, name),
      line: 0,
      message: 'temporary file left by an import that was stopped mid-write',
      hint: 'delete it (the next `npm run import` into this folder does)',
    });
  }

  const code = await checkCodeExamples(topics, checker);
  problems.push(...code.problems, ...checkSectionPoints(topics), ...checkText(topics));

  let routing: RoutingStats | undefined;
  if (knowledge) {
    const result = await checkSampleRouting(knowledge.topics, buildEngine(knowledge));
    problems.push(...result.problems);
    routing = result.stats;
  }

  problems.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  return {
    dir,
    loaded: knowledge !== undefined,
    topics: topics.map((t) => ({
      id: t.id,
      title: t.title,
      file: t.file,
      sections: t.sections.length,
      codeExamples: t.sections.reduce((n, s) => n + s.code.length, 0),
      sampleQuestions: t.sections.reduce((n, s) => n + s.questions.length, 0),
    })),
    code: code.stats,
    routing,
    problems,
  };
}
