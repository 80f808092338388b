import { checkKnowledge } from '../check/checkKnowledge.js';
import { countBySeverity, formatProblem } from '../check/CheckProblem.js';
import { formatWrittenEnrichment, type WrittenEnrichment } from '../learn/writeEnrichment.js';

/**
 * After sample questions were written into the knowledge (`report --apply`, `enrich`): prints where, then
 * runs `npm run check` over `knowledgeDir` and prints its verdict and problems. Returns the exit code:
 * 1 when the check finds errors, else 0.
 */
export async function showWrittenEnrichment(
  written: readonly WrittenEnrichment[],
  reviewPath: string,
  knowledgeDir: string,
): Promise<number> {
  process.stdout.write(
    `\nWritten (review with git diff ${reviewPath}, then commit):\n${formatWrittenEnrichment(written)}`,
  );
  const check = await checkKnowledge(knowledgeDir);
  const { error, warning } = countBySeverity(check.problems);
  process.stdout.write(
    `\nnpm run check: ${error > 0 ? `FAILED: ${error} errors` : 'OK: no errors'}, ${warning} warnings\n`,
  );
  for (const problem of check.problems) process.stdout.write(`${formatProblem(problem)}\n`);
  return error > 0 ? 1 : 0;
}
