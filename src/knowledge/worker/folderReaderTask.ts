import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import { defaultEngineOptions } from '../../search/engineOptions.js';
import { buildTopicIndex, type TopicIndex } from '../../search/index/TopicIndex.js';
import { readKnowledgeFolder } from '../loadKnowledge.js';
import type { Topic } from '../types.js';
import type { ReadLimits } from '../readTopicFile.js';
import { toPlainRead, type ReadReply, type ReadRequest } from './folderReadMessages.js';

/** Answers read requests on `port`, one at a time, until the thread is ended. */
export function serve(port: MessagePort | null): void {
  if (!port) throw new Error('folderReaderTask runs in a worker thread');
  port.on('message', (request: ReadRequest) => {
    void answer(request).then((reply) => port.postMessage(reply));
  });
}

async function answer({ id, dir, limits }: ReadRequest): Promise<ReadReply> {
  try {
    const read = await readKnowledgeFolder(dir, limits as ReadLimits);
    const changedWhileRead = await changedSince(dir, read.stamps);
    // Building the engine's topic indexes here keeps the main thread free during a reload; it only
    // assembles them (ConceptEngine.assemble).
    const indexes = read.knowledge && !changedWhileRead ? read.knowledge.topics.map(indexOf) : undefined;
    return { id, read: toPlainRead(read), changedWhileRead, ...(indexes ? { indexes } : {}) };
  } catch (error) {
    return { id, failure: error instanceof Error ? error.message : String(error) };
  }
}

/** The last index built for each topic id, with the topic it was built from: unchanged topics are not rebuilt. */
const built = new Map<string, { source: string; index: TopicIndex }>();

function indexOf(topic: Topic): TopicIndex {
  const source = JSON.stringify(topic);
  const cached = built.get(topic.id);
  if (cached?.source === source) return cached.index;
  const index = buildTopicIndex(topic, defaultEngineOptions);
  built.set(topic.id, { source, index });
  return index;
}

/** Whether any file's size or modification time moved while the folder was read: a writer is still at work. */
async function changedSince(dir: string, stamps: readonly { name: string; size: number; mtimeMs: number }[]): Promise<boolean> {
  for (const stamp of stamps) {
    const now = await stat(path.join(dir, stamp.name)).catch(() => undefined);
    if (!now || now.size !== stamp.size || now.mtimeMs !== stamp.mtimeMs) return true;
  }
  return false;
}
