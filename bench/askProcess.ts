import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { percentile } from './percentile.js';
import type { TopicSources } from './syntheticKnowledge.js';

/** Longest a one-question process may run before the bench gives up on it. */
const PROCESS_TIMEOUT_MS = 60_000;

/**
 * Wall time of `runs` one-question `ask` processes (`node --import tsx src/cli/ask.ts --json "q"`,
 * as `npm run ask` runs it without npm's own start-up) over the knowledge in `knowledgeDir`: start,
 * load and parse the knowledge, build the engine, answer. Returns the median and every run.
 */
export function timeAskProcess(
  knowledgeDir: string,
  question: string,
  runs = 5,
): { medianMs: number; runsMs: number[] } {
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--json', question], {
      encoding: 'utf8',
      env: { ...process.env, KNOWLEDGE_DIR: knowledgeDir },
      timeout: PROCESS_TIMEOUT_MS,
    });
    if (run.status !== 0) throw new Error(`ask process failed (${run.status ?? run.signal}): ${run.stderr}`);
    runsMs.push(performance.now() - start);
  }
  return { medianMs: percentile(runsMs, 50), runsMs };
}

/** The same, over topic sources written as `.md` files to a temporary folder that is removed afterwards. */
export async function timeAskProcessOver(
  sources: TopicSources,
  question: string,
  runs = 5,
): Promise<{ medianMs: number; runsMs: number[] }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'concept-bot-bench-'));
  try {
    for (const { id, source } of sources) await writeFile(path.join(dir, `${id}.md`), source);
    return timeAskProcess(dir, question, runs);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
