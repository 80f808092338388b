import { ConceptEngine } from '../answer/ConceptEngine.js';
import type { CheckProblem } from './CheckProblem.js';
import { checkCodeExamples, type CodeExampleStats } from './checkCodeExamples.js';
import { checkSampleRouting, type RoutingStats } from './checkSampleRouting.js';
import { checkSectionPoints } from './checkSectionPoints.js';
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
 * Validates a knowledge folder: the loader's own errors (invalid YAML, duplicate section titles, ...),
 * code examples parsed with real grammars, sections without points, and sample questions that do not
 * route to their own section.
 */
export async function checkKnowledge(dir: string, checker = new SyntaxChecker()): Promise<CheckReport> {
  const { knowledge, topics, loadErrors } = await readTopics(dir);
  const problems: CheckProblem[] = loadErrors.map((e) => ({
    severity: 'error',
    file: e.file,
    line: e.line,
    message: e.problem,
  }));

  const code = await checkCodeExamples(topics, checker);
  problems.push(...code.problems, ...checkSectionPoints(topics));

  let routing: RoutingStats | undefined;
  if (knowledge) {
    const result = await checkSampleRouting(knowledge.topics, ConceptEngine.build(knowledge));
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
