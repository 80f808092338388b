import type { Answer } from '../answer/types.js';
import type { KnowledgeBase } from '../knowledge/types.js';

/** An answer as a person reads it in a terminal: title, points, code, topic, and "did you mean". */
export function formatAnswer(answer: Answer, knowledge: KnowledgeBase): string {
  if (answer.kind === 'answer' && answer.match) {
    const { topic, section, confidence } = answer.match;
    const lines = [`${section.title}  (${topic.title}, ${percent(confidence)} match)`, ''];
    for (const point of section.points) lines.push(`  • ${plain(point)}`);
    for (const example of section.code) {
      lines.push('', `  ${example.language || 'code'}:`);
      for (const line of example.code.split('\n')) lines.push(`    ${line}`);
    }
    if (answer.suggestions.length) {
      lines.push('', `Related: ${answer.suggestions.map((s) => s.section.title).join(' · ')}`);
    }
    return lines.join('\n');
  }
  if (answer.kind === 'suggest') {
    const offers = answer.suggestions.map(
      (s, i) => `  ${i + 1}. ${s.section.title}  (${s.topic.title}, ${percent(s.confidence)})`,
    );
    return [
      "I'm not sure I understood. Did you mean:",
      ...offers,
      '',
      'Ask again with a few more words to get the answer.',
    ].join('\n');
  }
  const topics = knowledge.topics.map((t) => `  - ${t.title}: ${t.sections.map((s) => s.title).join(', ')}`);
  return ["I don't know that yet. Topics I can answer about:", ...topics].join('\n');
}

/** Markdown emphasis and code ticks dropped for a plain terminal. */
function plain(markdown: string): string {
  return markdown
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(?<!\w)\*([^*]+)\*(?!\w)/g, '$1')
    .replace(/`([^`]+)`/g, '$1');
}

function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}
