import { DiscordLimits } from '../discord/render/limits.js';
import { repairMojibake } from '../import/repairMojibake.js';
import { runnerResidueIn } from '../import/runnerResidue.js';
import { hasSignOff, stripInterjection } from '../knowledge/breakdownChatter.js';
import type { Topic } from '../knowledge/types.js';
import type { CheckProblem } from './CheckProblem.js';

/** Room for one section in an answer: Discord's 6,000 characters less title, footer and "related" labels. */
export const SECTION_BUDGET = DiscordLimits.embedTotal - 500;

const REIMPORT =
  'paste the raw capture again through `npm run import -- --force FILE`, or fix the text by hand';

/**
 * What an import would have cleaned, or what no answer should carry, found in a topic's text (intro,
 * titles, points): mojibake, lost characters (U+FFFD), control characters or binary data, model-runner and
 * terminal output, chatter, and text longer than Discord can show. Code is not searched for chatter.
 */
export function checkText(topics: readonly Topic[]): CheckProblem[] {
  const problems: CheckProblem[] = [];
  for (const topic of topics) {
    const at = (line: number | undefined, fallback: number) => ({ file: topic.file, line: line ?? fallback });
    const report = (line: number, severity: CheckProblem['severity'], message: string, hint: string) =>
      problems.push({ severity, file: topic.file, line, message, hint });
    const textProblems = (text: string, where: string, line: number) => {
      for (const p of textFaults(text, where)) report(line, p.severity, p.message, p.hint);
    };

    if (topic.intro) {
      const line = at(topic.introLine, 1).line;
      textProblems(topic.intro, 'the intro', line);
      if (stripInterjection(topic.intro) !== topic.intro) {
        const chatter = topic.intro
          .slice(0, topic.intro.length - stripInterjection(topic.intro).length)
          .trim();
        report(
          line,
          'warning',
          `chatter in the intro: "${chatter}"`,
          'delete it: it is no part of the breakdown',
        );
      }
    }
    for (const section of topic.sections) {
      textProblems(section.title, `the title of \`${section.id}\``, section.line);
      let size = section.title.length;
      section.points.forEach((point, i) => {
        const line = section.pointLines?.[i] ?? section.line;
        const where = `a point of \`${section.id}\``;
        textProblems(point, where, line);
        size += point.length + 4;
        if (point.length > DiscordLimits.embedDescription) {
          report(
            line,
            'error',
            `${where} is ${point.length.toLocaleString('en')} characters; Discord shows at most ${DiscordLimits.embedDescription.toLocaleString('en')} in one message`,
            'split it into several points, or move detail into a section of its own',
          );
        }
        if (hasSignOff(plain(point))) {
          report(
            line,
            'warning',
            `chatter in ${where}: "${shorten(plain(point))}"`,
            'delete it: a sign-off is no point of the breakdown',
          );
        }
      });
      for (const example of section.code) {
        size += example.code.length + 16;
        const control = CONTROL.exec(example.code);
        if (control || example.code.includes('\uFFFD')) {
          report(
            example.line,
            'error',
            `the code of \`${section.id}\` holds ${control ? `control character U+${hex(control[0])}` : 'U+FFFD, a character lost in copy-paste'}`,
            REIMPORT,
          );
        }
      }
      if (size > SECTION_BUDGET) {
        report(
          section.line,
          'warning',
          `section \`${section.id}\` is about ${size.toLocaleString('en')} characters; an answer shows about ${SECTION_BUDGET.toLocaleString('en')}, the rest is cut`,
          'split it into sections, or shorten its points and code',
        );
      }
    }
  }
  return problems;
}

interface TextFault {
  severity: CheckProblem['severity'];
  message: string;
  hint: string;
}

// eslint-disable-next-line no-control-regex -- control characters are what this finds
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001A\u001C-\u001F\u007F-\u009F\uFFFE\uFFFF]/;

/** The faults of one piece of text, at most one of each kind. */
function textFaults(text: string, where: string): TextFault[] {
  const faults: TextFault[] = [];
  const control = CONTROL.exec(text);
  if (control) {
    const count = (text.match(new RegExp(CONTROL.source, 'g')) ?? []).length;
    faults.push({
      severity: 'error',
      message: `${where} holds ${count > 1 ? `${count} control characters (binary data?), the first` : 'control character'} U+${hex(control[0])}`,
      hint: REIMPORT,
    });
  }
  if (text.includes('\uFFFD')) {
    faults.push({
      severity: 'error',
      message: `${where} holds U+FFFD (�), a character lost in copy-paste`,
      hint: REIMPORT,
    });
  }
  const repaired = repairMojibake(text);
  if (repaired !== text) {
    const [garbled, meant] = firstDifference(text, repaired);
    faults.push({
      severity: 'error',
      message: `mojibake in ${where}: "${garbled}" should read "${meant}"`,
      hint: REIMPORT,
    });
  }
  for (const line of text.split('\n')) {
    const residue = runnerResidueIn(line);
    if (residue) {
      faults.push({
        severity: 'error',
        message: `model-runner or terminal output in ${where}: "${residue}"`,
        hint: 'delete it, or import the raw capture with `npm run import`, which strips it',
      });
      break;
    }
  }
  return faults;
}

/** The first run where two texts differ, as it reads in each (a few characters of context). */
function firstDifference(a: string, b: string): [string, string] {
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  // Widen to whole words (a few characters at most) so the excerpt can be found in the file.
  let from = start;
  while (from > 0 && start - from < 12 && !/\s/.test(a[from - 1]!)) from--;
  let after = 0;
  while (endA + after < a.length && after < 12 && !/\s/.test(a[endA + after]!)) after++;
  const cut = (text: string, end: number) => text.slice(from, Math.min(end + after, from + 40));
  return [cut(a, endA), cut(b, endB)];
}

function plain(markdown: string): string {
  return markdown.replace(/[*_`]/g, '');
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function hex(char: string): string {
  return char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
}
