import type { LearningReport } from './summarizeLearning.js';

/** The report as a maintainer reads it in a terminal. */
export function formatLearningReport(report: LearningReport): string {
  const skipped = report.malformed > 0 ? ` (${plural(report.malformed, 'malformed line')} skipped)` : '';
  if (report.events === 0) {
    const why = report.exists ? `${report.file} has no events` : `no ${report.file} yet`;
    return `Nothing logged yet: ${why}${skipped}.\n`;
  }
  const source =
    report.files.length > 1 ? `Learning logs ${report.files.join(', ')}` : `Learning log ${report.file}`;
  const lines = [`${source}: ${plural(report.events, 'event')}${skipped}`, ''];
  if (!report.classified)
    lines.push(
      '(the knowledge did not load: chatter and languages are not told apart, nothing is proposed)',
      '',
    );

  const { questions, groups } = report.unanswered;
  const leftOut = report.chatter > 0 ? `; ${plural(report.chatter, 'chatter message')} left out` : '';
  lines.push(`Most asked questions without a confident answer (${plural(questions, 'question')}${leftOut}):`);
  if (groups.length === 0) lines.push('  none');
  for (const g of groups) {
    const kinds = [
      g.unanswered && `${g.unanswered} unanswered`,
      g.suggested && `${g.suggested} only got "did you mean"`,
    ]
      .filter(Boolean)
      .join(', ');
    const languages = g.languages.length > 0 ? `[${g.languages.join(', ')}] ` : '';
    lines.push(`  ${g.count}x  ${languages}"${g.representative}"  (${kinds}; ${plural(g.users, 'user')})`);
    if (g.variants.length > 0) lines.push(`        also: ${g.variants.map((v) => `"${v}"`).join(', ')}`);
  }

  if (report.otherLanguages.length > 0) {
    lines.push('', 'Questions about languages no topic covers (a topic of their own would answer them):');
    for (const l of report.otherLanguages) {
      lines.push(
        `  ${l.language}: ${plural(l.count, 'question')} from ${plural(l.users, 'user')}, e.g. ${l.questions.map((q) => `"${q}"`).join(', ')}`,
      );
    }
  }
  if (report.fragments.count > 0) {
    lines.push(
      '',
      `Short messages with no question in them: ${report.fragments.count} (${report.fragments.examples.map((q) => `"${q}"`).join(', ')})`,
    );
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

  const routed = report.proposals.reduce((n, p) => n + p.questions.length, 0);
  lines.push(
    '',
    `Sample questions to add, from what users asked and then picked or marked helpful (${plural(routed, 'question')}):`,
  );
  const proposed = report.proposals.filter((p) => p.questions.length + p.unrouted.length > 0);
  if (proposed.length === 0) lines.push('  none');
  for (const p of proposed) {
    lines.push(`  ${p.entry}  (${p.file})`);
    for (const q of p.questions) lines.push(`    + "${q.question}"  (${votes(q)})`);
    for (const q of p.unrouted)
      lines.push(
        `    ? "${q.question}"  (${votes(q)}; would still not route here: not written, worth a look)`,
      );
  }
  const rejected = report.proposals.filter((p) => p.notFor.length > 0);
  const rejectedCount = rejected.reduce((n, p) => n + p.notFor.length, 0);
  lines.push(
    '',
    `Questions answered with a section users marked not helpful for them, to list as its notFor (${plural(rejectedCount, 'question')}):`,
  );
  if (rejected.length === 0) lines.push('  none');
  for (const p of rejected) {
    lines.push(`  ${p.entry}  (${p.file})`);
    for (const q of p.notFor) lines.push(`    - "${q.question}"  (not helpful ${q.notHelpful}x)`);
  }
  if (routed + rejectedCount > 0)
    lines.push('', "Write them into the topics' front matter with: npm run report -- --apply");
  return lines.join('\n') + '\n';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function votes(q: { picked: number; helpful: number }): string {
  return [q.picked && `picked ${q.picked}x`, q.helpful && `helpful ${q.helpful}x`].filter(Boolean).join(', ');
}
