import type { Answer, RankedSection } from '../answer/types.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { inlineMarkdown } from './inlineMarkdown.js';
import { painter, type Paint } from './style.js';
import { hangingWrap } from './wrapText.js';

export interface TerminalFormat {
  /** Columns to wrap prose at; undefined: no wrapping (a pipe or a file). Code is never wrapped. */
  width?: number;
  /** ANSI colour and emphasis (see colorSupport.ts). */
  color: boolean;
  /** Only the best point: the other points and the code are left out, with a line saying so. */
  brief: boolean;
  /** The offers can be picked by number (the console), so say how. */
  pickable: boolean;
  /** The section was picked from an offer: its confidence is not shown as a match. */
  picked?: boolean;
}

interface Context extends TerminalFormat {
  paint: Paint;
}

const BEST = '▸ ';
const POINT = '• ';

/**
 * An answer as a person reads it in a terminal. An answer leads with its best point (marked ▸), then
 * the rest of the section's points and its code; related sections and "did you mean" offers are
 * numbered in confidence order; no answer says why, as a person would.
 */
export function formatAnswer(answer: Answer, knowledge: KnowledgeBase, format: TerminalFormat): string {
  const context: Context = { ...format, paint: painter(format.color) };
  if (answer.kind === 'answer' && answer.match) return formatMatch(answer.match, answer.suggestions, context);
  if (answer.kind === 'suggest' && answer.suggestions.length)
    return formatOffers(answer.suggestions, context);
  return formatNoAnswer(answer, knowledge, context);
}

function formatMatch(match: RankedSection, related: RankedSection[], c: Context): string {
  const { topic, section, confidence, bestPoint } = match;
  const lines = [
    heading(match, c.picked ? topic.title : `${topic.title} · ${percent(confidence)} match`, c),
    '',
  ];
  const rest = section.points.map((_, i) => i).filter((i) => i !== bestPoint);
  const order = bestPoint === null ? rest : [bestPoint, ...rest];
  const shown = c.brief ? order.slice(0, 1) : order;
  for (const i of shown) {
    const text = inlineMarkdown(section.points[i]!, c.paint, c.color);
    const best = i === bestPoint && section.points.length > 1;
    lines.push(
      ...hangingWrap(
        best ? c.paint('bold', text) : text,
        c.width,
        `  ${best ? c.paint(['bold', 'green'], BEST) : c.paint('dim', POINT)}`,
      ),
    );
  }
  if (c.brief) {
    const left = [
      plural(section.points.length - shown.length, 'more point'),
      plural(section.code.length, 'code example'),
    ].filter((s) => !s.startsWith('0 '));
    if (left.length)
      lines.push(
        ...hangingWrap(c.paint('dim', `(${left.join(' and ')}: ask without --brief)`), c.width, '  '),
      );
  } else {
    for (const example of section.code) {
      lines.push('', `  ${c.paint('dim', example.language || 'code')}`);
      for (const line of example.code.split('\n')) {
        const indented = `    ${line}`.trimEnd();
        lines.push(indented && c.paint('cyan', indented));
      }
    }
  }
  if (related.length) {
    const list = related.map(
      (s, i) =>
        `${c.pickable ? `${i + 1} ` : ''}${inlineMarkdown(s.section.titleMarkdown, c.paint, c.color)}`,
    );
    const hint = c.pickable ? c.paint('dim', '  (type a number to open one)') : '';
    lines.push(
      '',
      ...hangingWrap(`${list.join(' · ')}${hint}`, c.width, `${c.paint('dim', 'Related:')} `, '  '),
    );
  }
  return lines.join('\n');
}

function formatOffers(offers: RankedSection[], c: Context): string {
  const lines = ["I'm not sure what you mean. Did you mean:"];
  offers.forEach((offer, i) => {
    const meta = c.paint('dim', `(${offer.topic.title}, ${percent(offer.confidence)})`);
    lines.push(
      ...hangingWrap(
        `${c.paint('bold', inlineMarkdown(offer.section.titleMarkdown, c.paint, c.color))}  ${meta}`,
        c.width,
        `  ${c.paint('bold', `${i + 1}.`)} `,
      ),
    );
  });
  lines.push(
    '',
    ...hangingWrap(
      c.pickable
        ? 'Type a number to open one, or ask again with a few more words.'
        : 'Ask again with a few more words to get the answer.',
      c.width,
      '',
    ),
  );
  return lines.join('\n');
}

function formatNoAnswer(answer: Answer, knowledge: KnowledgeBase, c: Context): string {
  const topics = () => [
    ...knowledge.topics.flatMap((t) =>
      hangingWrap(
        `${c.paint('bold', t.title)}: ${t.sections.map((s) => inlineMarkdown(s.titleMarkdown, c.paint, c.color)).join(', ')}`,
        c.width,
        '  - ',
        '    ',
      ),
    ),
  ];
  const say = (text: string) => hangingWrap(text, c.width, '');
  switch (answer.reason) {
    case 'thanks':
      return "You're welcome!";
    case 'complaint':
      return [
        ...say(
          'Sorry that missed. Ask again with the exact term, identifier or error message you are stuck on, or name the topic:',
        ),
        ...topics(),
      ].join('\n');
    case 'small-talk':
      return [...say('Hi! I answer questions about programming concepts. Topics I know:'), ...topics()].join(
        '\n',
      );
    case 'empty':
      return [...say('Ask me a question about one of these topics:'), ...topics()].join('\n');
    case 'code-only':
      return say(
        'That looks like code only: what would you like to know about it? Add a few words, such as "why does this block?"',
      ).join('\n');
    case 'unknown-language': {
      const names = answer.unknownLanguages.join(' or ') || 'that language';
      return [...say(`I don't have a ${names} topic yet. Topics I can answer about:`), ...topics()].join(
        '\n',
      );
    }
    default:
      return [...say("I don't know that yet. Topics I can answer about:"), ...topics()].join('\n');
  }
}

function heading(match: RankedSection, meta: string, c: Context): string {
  const title = inlineMarkdown(match.section.titleMarkdown, c.paint, c.color);
  return hangingWrap(`${c.paint('bold', title)}  ${c.paint('dim', `(${meta})`)}`, c.width, '').join('\n');
}

function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
