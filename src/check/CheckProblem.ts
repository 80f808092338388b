import { location } from '../knowledge/KnowledgeError.js';

/** How bad a finding is: errors fail `npm run check`, warnings are shown but do not. */
export type Severity = 'error' | 'warning';

/** One finding about the knowledge, located in a topic file. */
export interface CheckProblem {
  severity: Severity;
  file: string;
  /** 1-based line in the topic file (0 when the problem is about the folder itself). */
  line: number;
  message: string;
  /** The offending source line, when showing it helps (a code example's line with a syntax error). */
  excerpt?: string;
}

/** `file:line: message`, then the excerpt indented below it when there is one. */
export function formatProblem(problem: CheckProblem): string {
  const head = `${location(problem.file, problem.line)}: ${problem.severity === 'warning' ? 'warning: ' : ''}${problem.message}`;
  return problem.excerpt === undefined ? head : `${head}\n    | ${problem.excerpt}`;
}

export function countBySeverity(problems: readonly CheckProblem[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0 };
  for (const p of problems) counts[p.severity]++;
  return counts;
}
