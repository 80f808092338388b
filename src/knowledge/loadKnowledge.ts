import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { KnowledgeError, KnowledgeLoadError } from './KnowledgeError.js';
import { parseTopic } from './parseTopic.js';
import type { KnowledgeBase, Topic } from './types.js';

/** Where knowledge lives unless `KNOWLEDGE_DIR` says otherwise. */
export const DEFAULT_KNOWLEDGE_DIR = './knowledge';

export function knowledgeDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.KNOWLEDGE_DIR?.trim() || DEFAULT_KNOWLEDGE_DIR;
}

/**
 * Reads every `*.md` topic in `dir`. All files are parsed before anything is returned,
 * and any problem in any file throws a `KnowledgeLoadError` listing them all: never a partial base.
 */
export async function loadKnowledge(dir: string): Promise<KnowledgeBase> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.md') && !n.startsWith('.')).sort();
  } catch (error) {
    throw new KnowledgeLoadError([new KnowledgeError(dir, 0, `cannot read the knowledge folder: ${reason(error)}`)]);
  }
  const topics: Topic[] = [];
  const errors: KnowledgeError[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      topics.push(parseTopic(await readFile(file, 'utf8'), file, name.slice(0, -'.md'.length)));
    } catch (error) {
      errors.push(error instanceof KnowledgeError ? error : new KnowledgeError(file, 0, reason(error)));
    }
  }
  if (errors.length === 0 && topics.length === 0) {
    errors.push(new KnowledgeError(dir, 0, 'no topic files (*.md) in the knowledge folder'));
  }
  if (errors.length > 0) throw new KnowledgeLoadError(errors);
  return { topics };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
