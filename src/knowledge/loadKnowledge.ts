import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { KnowledgeError, KnowledgeLoadError } from './KnowledgeError.js';
import { parseTopic } from './parseTopic.js';
import { DEFAULT_READ_LIMITS, readTopicFile, UnreadableFileError, type ReadLimits } from './readTopicFile.js';
import type { KnowledgeBase, Topic } from './types.js';

/** Where knowledge lives unless `KNOWLEDGE_DIR` says otherwise. */
export const DEFAULT_KNOWLEDGE_DIR = './knowledge';

export function knowledgeDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.KNOWLEDGE_DIR?.trim() || DEFAULT_KNOWLEDGE_DIR;
}

/** A topic file's name (`*.md`, not hidden): what the loader and the watcher look at. */
export function isTopicFileName(name: string): boolean {
  return name.endsWith('.md') && !name.startsWith('.') && !name.includes('/') && !name.includes('\\');
}

/** Size and modification time of a topic file when it was read: a file still being written changes them. */
export interface FileStamp {
  name: string;
  size: number;
  mtimeMs: number;
}

/** Everything read from a knowledge folder, as plain data (it crosses from a worker thread). */
export interface FolderRead {
  /** The knowledge base, when every file loaded; undefined when any had an error. */
  knowledge: KnowledgeBase | undefined;
  /** Every topic that parsed on its own, so that checks still run on the good files. */
  topics: Topic[];
  errors: KnowledgeError[];
  /** Files skipped (FIFOs, sockets, devices, folders named `*.md`): reported, never fatal. */
  skipped: KnowledgeError[];
  /** The regular topic files read, as found before reading them. */
  stamps: FileStamp[];
  /** A digest of every file's name and bytes: equal digests, equal knowledge. */
  digest: string;
}

/**
 * Reads and parses every topic file (`*.md`, not hidden) of `dir`, each within `limits`. Linear in the
 * folder's size. Never throws: problems are in `errors` (the folder does not load) or `skipped`.
 */
export async function readKnowledgeFolder(dir: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<FolderRead> {
  const result: FolderRead = { knowledge: undefined, topics: [], errors: [], skipped: [], stamps: [], digest: '' };
  const hash = createHash('sha256');
  let names: string[];
  try {
    names = (await readdir(dir)).filter(isTopicFileName).sort();
  } catch (error) {
    result.errors.push(new KnowledgeError(dir, 0, `cannot read the knowledge folder: ${reason(error)}`));
    return result;
  }
  // Files are read a few at a time (each read waits on the disk, not the CPU), then taken in name order.
  const reads = await mapConcurrently(names, READ_CONCURRENCY, async (name) => {
    const file = path.join(dir, name);
    try {
      const info = await stat(file);
      return { name, file, info, bytes: await readTopicFile(file, limits) };
    } catch (error) {
      return { name, file, error };
    }
  });
  for (const read of reads) {
    const { name, file } = read;
    try {
      if ('error' in read) throw read.error;
      const { info, bytes } = read;
      // Stamped once it is known to be a regular file, parsed or not: a broken file may be half-written.
      result.stamps.push({ name, size: info.size, mtimeMs: info.mtimeMs });
      hash.update(`${name}\u0000${bytes.length}\u0000`).update(bytes);
      result.topics.push(parseTopic(decode(bytes, file), file, name.slice(0, -'.md'.length)));
    } catch (error) {
      if (error instanceof UnreadableFileError && error.kind === 'special') {
        result.skipped.push(new KnowledgeError(file, 0, error.message));
      } else if (error instanceof UnreadableFileError && error.kind === 'missing') {
        // Removed between the listing and the read: the next reload sees the folder as it is.
      } else {
        result.errors.push(error instanceof KnowledgeError ? error : new KnowledgeError(file, 0, reason(error)));
      }
    }
  }
  result.digest = hash.digest('hex');
  if (result.errors.length === 0 && result.topics.length === 0) {
    result.errors.push(new KnowledgeError(dir, 0, 'no topic files (*.md) in the knowledge folder'));
  }
  if (result.errors.length === 0) result.knowledge = { topics: result.topics };
  return result;
}

/** Topic files read at once. */
const READ_CONCURRENCY = 16;

/** `map` over `items` with at most `limit` calls in flight; results in the items' order. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await map(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Reads every topic in `dir`. All files are parsed before anything is returned, and any problem in any
 * file throws a `KnowledgeLoadError` listing them all: never a partial base. Special files are skipped
 * (`onSkip` hears of each).
 */
export async function loadKnowledge(
  dir: string,
  options: { limits?: ReadLimits; onSkip?: (skipped: KnowledgeError) => void } = {},
): Promise<KnowledgeBase> {
  const read = await readKnowledgeFolder(dir, options.limits);
  for (const skipped of read.skipped) options.onSkip?.(skipped);
  if (!read.knowledge) throw new KnowledgeLoadError(read.errors);
  return read.knowledge;
}

/** A topic file's text: UTF-8 (a BOM dropped); a NUL byte means it is no text file. */
function decode(bytes: Buffer, file: string): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new KnowledgeError(file, 0, `binary data, not text (NUL byte at offset ${nul}); a topic file is Markdown`);
  }
  return bytes.toString('utf8');
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
