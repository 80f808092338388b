/**
 * `npm run enrich -- FILE`: sample questions and keywords for every section of one topic, from the
 * maintainer's own model (LLM_BASE_URL, LLM_MODEL, optional LLM_API_KEY: an OpenAI-compatible endpoint
 * such as a local Ollama's /v1), kept only where they route to their own section, written into the
 * topic's front matter for review. Optional: nothing else needs it.
 */
import 'dotenv/config';
import path from 'node:path';
import { buildEngine } from '../answer/loadEngine.js';
import { llmEndpointFromEnv } from '../enrich/chatCompletion.js';
import { enrichTopic } from '../enrich/enrichTopic.js';
import { loadKnowledge } from '../knowledge/loadKnowledge.js';
import { readLimitsFromEnv } from '../knowledge/readTopicFile.js';
import { writeEnrichment } from '../learn/writeEnrichment.js';
import { showWrittenEnrichment } from './showWrittenEnrichment.js';
import { parseCommandLine, usageError, type CommandLineSpec, type FlagSpecs } from './commandLine.js';

const SPEC = {
  command: 'enrich',
  usage: ['[--questions N] [--keywords N] [--dry-run] FILE'],
  details: `Asks your own model (LLM_BASE_URL, an OpenAI-compatible base such as a local Ollama's
http://127.0.0.1:11434/v1; LLM_MODEL; LLM_API_KEY if it needs one) for learner-style questions and
keywords for each section of the topic FILE (judged within its knowledge folder), keeps the questions
that route to their own section and the keywords that break no sample question, and writes them into
the topic's front matter, then runs the check. Review with git diff, then commit.`,
  flags: {
    questions: { type: 'string', value: 'N', help: 'questions to ask for per section (default 8)' },
    keywords: { type: 'string', value: 'N', help: 'keywords to ask for per section (default 6)' },
    'dry-run': { type: 'boolean', help: 'show what would be written, write nothing' },
  },
  positionals: true,
} as const satisfies CommandLineSpec<FlagSpecs>;

async function main(): Promise<number> {
  const { flags: values, positionals } = parseCommandLine(SPEC);
  if (positionals.length !== 1 || !positionals[0]!.endsWith('.md'))
    usageError(SPEC, 'give exactly one topic file (*.md)');
  const counts = { questions: Number(values.questions ?? 8), keywords: Number(values.keywords ?? 6) };
  if (![counts.questions, counts.keywords].every((n) => Number.isInteger(n) && n >= 0 && n <= 50)) {
    usageError(SPEC, '--questions and --keywords take a whole number from 0 to 50');
  }
  const file = positionals[0]!;
  const dir = path.dirname(file);
  const topicId = path.basename(file, '.md');
  const endpoint = llmEndpointFromEnv();
  const knowledge = await loadKnowledge(dir, { limits: readLimitsFromEnv() });
  const topic = knowledge.topics.find((t) => t.id === topicId);
  if (!topic) usageError(SPEC, `${file} is no topic of ${dir}`);

  process.stderr.write(
    `Asking ${endpoint.model} at ${endpoint.baseUrl} about ${topic.sections.length} sections of "${topic.title}"…\n`,
  );
  const results = await enrichTopic(knowledge, topicId, {
    endpoint,
    build: buildEngine,
    counts,
    onSection: (section, index, total) => process.stderr.write(`  ${index + 1}/${total} ${section.id}\n`),
  });

  let proposed = 0;
  let kept = 0;
  for (const r of results) {
    proposed += r.questions.length + r.dropped.length;
    kept += r.questions.length;
    if (r.error) process.stdout.write(`${topicId}/${r.sectionId}: nothing from the model: ${r.error}\n`);
    for (const d of r.dropped)
      process.stdout.write(`${topicId}/${r.sectionId}: left out "${d.question}" (went to ${d.went})\n`);
    if (r.droppedKeywords.length > 0) {
      process.stdout.write(
        `${topicId}/${r.sectionId}: left out keywords ${r.droppedKeywords.map((k) => `"${k}"`).join(', ')} (they pull another sample question here)\n`,
      );
    }
  }
  const keywords = results.reduce((n, r) => n + r.keywords.length, 0);
  process.stdout.write(
    `Kept ${kept} of ${proposed} questions (the rest did not route to their own section) and ${keywords} keywords.\n`,
  );
  const additions = results
    .filter((r) => r.questions.length + r.keywords.length > 0)
    .map((r) => ({ sectionId: r.sectionId, questions: r.questions, keywords: r.keywords }));
  if (values['dry-run'] || additions.length === 0) {
    for (const a of additions)
      process.stdout.write(
        `  would add to ${a.sectionId}: ${[...a.questions, ...a.keywords].map((v) => JSON.stringify(v)).join(', ')}\n`,
      );
    return results.every((r) => r.error) ? 1 : 0;
  }
  const written = await writeEnrichment(new Map([[topic.file, additions]]));
  return showWrittenEnrichment(written, file, dir);
}

process.exitCode = await main().catch((error: unknown) => {
  process.stderr.write(`enrich: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
});
