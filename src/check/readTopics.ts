import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { KnowledgeLoadError, type KnowledgeError } from '../knowledge/KnowledgeError.js';
import { loadKnowledge } from '../knowledge/loadKnowledge.js';
import { parseTopic } from '../knowledge/parseTopic.js';
import type { KnowledgeBase, Topic } from '../knowledge/types.js';

export interface ReadTopics {
  /** The knowledge base exactly as the bot would load it; undefined when the loader rejected the folder. */
  knowledge: KnowledgeBase | undefined;
  /** Every topic that parses on its own, so that the other checks still run on the good files. */
  topics: Topic[];
  /** The loader's errors, as it reports them. */
  loadErrors: KnowledgeError[];
}

/** Loads the folder with the bot's loader; when it fails, still parses the files that are fine on their own. */
export async function readTopics(dir: string): Promise<ReadTopics> {
  try {
    const knowledge = await loadKnowledge(dir);
    return { knowledge, topics: knowledge.topics, loadErrors: [] };
  } catch (error) {
    if (!(error instanceof KnowledgeLoadError)) throw error;
    const broken = new Set(error.errors.map((e) => e.file));
    const names = await readdir(dir).catch(() => [] as string[]);
    const topics: Topic[] = [];
    for (const name of names.filter((n) => n.endsWith('.md') && !n.startsWith('.')).sort()) {
      const file = path.join(dir, name);
      if (broken.has(file)) continue;
      try {
        topics.push(parseTopic(await readFile(file, 'utf8'), file, name.slice(0, -'.md'.length)));
      } catch {
        // Already among the loader's errors.
      }
    }
    return { knowledge: undefined, topics, loadErrors: error.errors };
  }
}
