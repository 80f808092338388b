import { z } from 'zod';
import type { Section, Topic } from '../knowledge/types.js';
import { LlmError, type ChatMessage } from './chatCompletion.js';

/** How many of each to ask the model for, per section. */
export interface EnrichmentCounts {
  questions: number;
  keywords: number;
}

/** The request for one section: learner-style questions it answers, and words learners use that its text lacks. */
export function enrichmentMessages(topic: Topic, section: Section, counts: EnrichmentCounts): ChatMessage[] {
  const code = section.code
    .map((c) => `\`\`\`${c.language}\n${c.code}\n\`\`\``)
    .join('\n')
    .slice(0, 2_000);
  return [
    {
      role: 'system',
      content:
        'You help maintain a Discord bot that answers programming questions from short explanations. ' +
        'You write the questions learners would really type, and you reply with JSON only.',
    },
    {
      role: 'user',
      content: [
        `Topic: ${topic.title}`,
        `Section: ${section.title}`,
        ...section.points.map((p) => `- ${p}`),
        ...(code ? [code] : []),
        '',
        `Write ${counts.questions} different questions that a learner might ask in a Discord help channel and that this section answers: ` +
          'in their own words, casual, some short, some long, one or two with a typo or a bit of code, none copying the sentences above, ' +
          `each answerable by this section rather than by the rest of the topic. Then write ${counts.keywords} words or short phrases ` +
          'learners use for this idea that the text above does not contain.',
        'Reply with JSON only, in this shape: {"questions": ["..."], "keywords": ["..."]}',
      ].join('\n'),
    },
  ];
}

const replySchema = z.object({
  questions: z.array(z.unknown()).default([]),
  keywords: z.array(z.unknown()).default([]),
});

/**
 * The questions and keywords in a model's reply: the JSON object in it (a fenced block, or the first
 * `{` to the last `}`, a reasoning block skipped), each value cleaned to one line and de-duplicated.
 * Throws an `LlmError` when there is no such object.
 */
export function parseEnrichmentReply(reply: string): { questions: string[]; keywords: string[] } {
  const text = reply.replace(/<think>[\s\S]*?<\/think>/g, '');
  const fenced = /```(?:json)?\s*\n([\s\S]*?)\n```/.exec(text)?.[1];
  const candidate = fenced ?? text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1);
  let data: unknown;
  try {
    data = JSON.parse(candidate);
  } catch {
    throw new LlmError(`the model's reply holds no JSON object: "${reply.trim().slice(0, 80)}"`);
  }
  const parsed = replySchema.safeParse(data);
  if (!parsed.success)
    throw new LlmError('the model\'s reply is not {"questions": [...], "keywords": [...]}');
  return { questions: cleanList(parsed.data.questions, 200), keywords: cleanList(parsed.data.keywords, 60) };
}

function cleanList(values: readonly unknown[], maxLength: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const clean = value
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^(?:\d+[.)]|[-*•])\s+/, '')
      .replace(/^["“']|["”']$/g, '')
      .trim();
    const key = clean.toLowerCase();
    if (clean.length < 2 || clean.length > maxLength || seen.has(key)) continue;
    seen.add(key);
    out.push(clean);
  }
  return out;
}
