import type { Topic } from '../knowledge/types.js';
import type { CheckProblem } from './CheckProblem.js';
import { SyntaxChecker } from './SyntaxChecker.js';

export interface CodeExampleStats {
  total: number;
  /** Examples parsed, by grammar name (`C#`). */
  parsed: Map<string, number>;
  /** Examples in languages without a grammar, by fence language (`python`, or `(none)`). */
  skipped: Map<string, number>;
  syntaxErrors: number;
}

/**
 * Parses every code example that has a grammar and reports each one with a syntax error at
 * its line in the topic file: fence line + 1 + row of the first ERROR/MISSING node.
 */
export async function checkCodeExamples(
  topics: readonly Topic[],
  checker = new SyntaxChecker(),
): Promise<{ problems: CheckProblem[]; stats: CodeExampleStats }> {
  const problems: CheckProblem[] = [];
  const stats: CodeExampleStats = { total: 0, parsed: new Map(), skipped: new Map(), syntaxErrors: 0 };
  for (const topic of topics) {
    for (const section of topic.sections) {
      for (const example of section.code) {
        stats.total++;
        const grammar = checker.grammarFor(example.language);
        if (!grammar) {
          increment(stats.skipped, example.language || '(none)');
          continue;
        }
        increment(stats.parsed, grammar.name);
        const issue = await checker.check(example.language, example.code);
        if (!issue) continue;
        stats.syntaxErrors++;
        const untagged = example.tagged === false;
        problems.push({
          // A fence that names no language only took the topic's: the code may be a diagram or output.
          severity: untagged ? 'warning' : 'error',
          file: topic.file,
          line: example.line + 1 + issue.row,
          message: `${grammar.name} syntax error in the code of section \`${section.id}\`: ${issue.problem}`,
          excerpt: example.code.split('\n')[issue.row]?.trim() ?? '',
          hint: untagged
            ? `the fence names no language, so it was read as the topic's (${example.language}); tag it, e.g. \`\`\`text for a diagram or output`
            : 'fix the code, or tag the fence with the language it is really in',
        });
      }
    }
  }
  return { problems, stats };
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
