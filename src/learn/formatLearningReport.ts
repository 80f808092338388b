import type { LearningReport } from './summarizeLearning.js';

/** The report as a maintainer reads it in a terminal. */
export function formatLearningReport(report: LearningReport): string {
  const skipped = report.malformed > 0 ? ` (${plural(report.malformed, 'malformed line')} skipped)` : '';
  if (report.events === 0) {
    const why = report.exists ? `${report.file} has no events` : `no ${report.file} yet`;
    return `Nothing logged yet: ${why}${skipped}.\n`;
  }
  const lines = [`Learning log ${report.file}: ${plural(report.events, 'event')}${skipped}`, ''];

  const { questions, groups } = report.unanswered;
  lines.push(`Most asked questions without a confident answer (${plural(questions, 'question')}):`);
  if (groups.length === 0) lines.push('  none');
  for (const g of groups) {
    const kinds = [
      g.unanswered && `${g.unanswered} unanswered`,
      g.suggested && `${g.suggested} only got "did you mean"`,
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(`  ${g.count}x  "${g.representative}"  (${kinds}; ${plural(g.users, 'user')})`);
    if (g.variants.length > 0) lines.push(`        also: ${g.variants.map((v) => `"${v}"`).join(', ')}`);
  }

  lines.push('', 'Sections most often marked not helpful:');
  if (report.notHelpful.length === 0) lines.push('  none');
  for (const r of report.notHelpful) {
    lines.push(`  ${r.notHelpful} not helpful, ${r.helpful} helpful  ${r.entry}`);
    if (r.questions.length > 0) lines.push(`        for: ${r.questions.map((q) => `"${q}"`).join(', ')}`);
  }

  const { made, picked, picks } = report.offers;
  lines.push('', `"Did you mean" offers picked (${plural(picked, 'pick')}, ${plural(made, 'offer')} made):`);
  if (picks.length === 0) lines.push('  none');
  for (const p of picks) {
    const alongside = p.offeredWith.map((o) => `${o.entry} ${o.count}`).join(', ');
    lines.push(`  ${p.count}x picked ${p.entry}${alongside ? `  (offered with: ${alongside})` : ''}`);
    if (p.questions.length > 0) lines.push(`        for: ${p.questions.map((q) => `"${q}"`).join(', ')}`);
  }

  lines.push('', 'Languages and tools asked about that no topic covers:');
  if (report.uncoveredLanguages.length === 0) lines.push('  none');
  for (const l of report.uncoveredLanguages) {
    lines.push(`  ${l.count}x  ${l.language}  (${plural(l.users, 'user')})`);
    if (l.questions.length > 0) lines.push(`        for: ${l.questions.map((q) => `"${q}"`).join(', ')}`);
  }
  return lines.join('\n') + '\n';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
