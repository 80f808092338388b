import type { CheckReport } from './checkKnowledge.js';
import { countBySeverity, formatProblem } from './CheckProblem.js';

/** The report as a maintainer reads it in a terminal: summary, then each problem, then the verdict. */
export function formatCheckReport(report: CheckReport): string {
  const lines: string[] = [];
  const sections = report.topics.reduce((n, t) => n + t.sections, 0);
  lines.push(
    `Knowledge in ${report.dir}: ${plural(report.topics.length, 'topic')}, ${plural(sections, 'section')}, ` +
      `${plural(report.code.total, 'code example')}` +
      (report.loaded ? '' : ' (only the files that parse; the folder does not load)'),
  );
  for (const t of report.topics) {
    lines.push(
      `  ${t.id} (${t.title}): ${plural(t.sections, 'section')}, ${plural(t.codeExamples, 'code example')}, ` +
        `${plural(t.sampleQuestions, 'sample question')}`,
    );
  }

  const parsed = [...report.code.parsed].map(([name, n]) => `${name} ${n}`).join(', ');
  const parsedTotal = [...report.code.parsed.values()].reduce((a, b) => a + b, 0);
  lines.push(
    `Code: ${plural(parsedTotal, 'example')} parsed${parsed ? ` (${parsed})` : ''}, ${plural(report.code.syntaxErrors, 'syntax error')}`,
  );
  const skippedTotal = [...report.code.skipped.values()].reduce((a, b) => a + b, 0);
  if (skippedTotal > 0) {
    const which = [...report.code.skipped].map(([lang, n]) => `${lang} ${n}`).join(', ');
    lines.push(`${plural(skippedTotal, 'code example')} in languages without a grammar: skipped (${which})`);
  }

  const r = report.routing;
  if (!r) lines.push('Sample questions: not checked (the folder must load first)');
  else if (r.total === 0) lines.push('Sample questions: none');
  else {
    lines.push(
      `Sample questions: ${r.routed} of ${r.total} route to their own section; ` +
        `${r.misrouted} to another section (errors), ${r.unsure} without a confident answer (warnings)`,
    );
  }

  if (report.problems.length > 0) {
    lines.push('');
    for (const problem of report.problems) lines.push(formatProblem(problem));
  }
  const { error, warning } = countBySeverity(report.problems);
  lines.push(
    '',
    error === 0
      ? `OK: no errors, ${plural(warning, 'warning')}`
      : `FAILED: ${plural(error, 'error')}, ${plural(warning, 'warning')}`,
  );
  return lines.join('\n') + '\n';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
