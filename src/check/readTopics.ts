import type { KnowledgeError } from '../knowledge/KnowledgeError.js';
import { readKnowledgeFolder } from '../knowledge/loadKnowledge.js';
import { readLimitsFromEnv, type ReadLimits } from '../knowledge/readTopicFile.js';
import type { KnowledgeBase, Topic } from '../knowledge/types.js';

export interface ReadTopics {
  /** The knowledge base exactly as the bot would load it; undefined when the loader rejected the folder. */
  knowledge: KnowledgeBase | undefined;
  /** Every topic that parses on its own, so that the other checks still run on the good files. */
  topics: Topic[];
  /** The loader's errors, as it reports them. */
  loadErrors: KnowledgeError[];
  /** Files the loader skips (FIFOs, sockets, devices). */
  skipped: KnowledgeError[];
}

/** Reads the folder with the bot's loader (same limits, same skips); the files that parse are checked even when others do not. */
export async function readTopics(dir: string, limits: ReadLimits = readLimitsFromEnv()): Promise<ReadTopics> {
  const read = await readKnowledgeFolder(dir, limits);
  return { knowledge: read.knowledge, topics: read.topics, loadErrors: read.errors, skipped: read.skipped };
}
