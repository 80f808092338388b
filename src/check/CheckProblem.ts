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
  /** How to fix it, in a few words. */
  hint?: string;
}

/** `file:line: message`, then the excerpt and the fix hint indented below it when there are. */
export function formatProblem(problem: CheckProblem): string {
  const lines = [
    `${location(problem.file, problem.line)}: ${problem.severity === 'warning' ? 'warning: ' : ''}${problem.message}`,
  ];
  if (problem.excerpt !== undefined) lines.push(`    | ${problem.excerpt}`);
  if (problem.hint !== undefined) lines.push(`    fix: ${problem.hint}`);
  return lines.join('\n');
}

export function countBySeverity(problems: readonly CheckProblem[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0 };
  for (const p of problems) counts[p.severity]++;
  return counts;
}
