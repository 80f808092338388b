import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import { readKnowledgeFolder } from '../loadKnowledge.js';
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
    return { id, read: toPlainRead(read), changedWhileRead: await changedSince(dir, read.stamps) };
  } catch (error) {
    return { id, failure: error instanceof Error ? error.message : String(error) };
  }
}

/** Whether any file's size or modification time moved while the folder was read: a writer is still at work. */
async function changedSince(dir: string, stamps: readonly { name: string; size: number; mtimeMs: number }[]): Promise<boolean> {
  for (const stamp of stamps) {
    const now = await stat(path.join(dir, stamp.name)).catch(() => undefined);
    if (!now || now.size !== stamp.size || now.mtimeMs !== stamp.mtimeMs) return true;
  }
  return false;
}
