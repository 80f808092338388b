import { KnowledgeError } from '../KnowledgeError.js';
import type { FileStamp, FolderRead } from '../loadKnowledge.js';
import type { TopicIndex } from '../../search/index/TopicIndex.js';
import type { Topic } from '../types.js';

/** A problem as it crosses between threads (errors lose their fields in a structured clone). */
export interface PlainProblem {
  file: string;
  line: number;
  problem: string;
}

export interface PlainFolderRead {
  topics: Topic[];
  loaded: boolean;
  errors: PlainProblem[];
  skipped: PlainProblem[];
  stamps: FileStamp[];
  digest: string;
}

export interface ReadRequest {
  id: number;
  dir: string;
  limits: { maxBytes: number; timeoutMs: number };
}

export type ReadReply =
  | {
      id: number;
      read: PlainFolderRead;
      changedWhileRead: boolean;
      /** The engine's index of each topic, in order, built on the reader thread (when the folder loaded). */
      indexes?: TopicIndex[];
    }
  | { id: number; failure: string };

export function toPlainRead(read: FolderRead): PlainFolderRead {
  const plain = (e: KnowledgeError): PlainProblem => ({ file: e.file, line: e.line, problem: e.problem });
  return {
    topics: read.topics,
    loaded: read.knowledge !== undefined,
    errors: read.errors.map(plain),
    skipped: read.skipped.map(plain),
    stamps: read.stamps,
    digest: read.digest,
  };
}

export function fromPlainRead(read: PlainFolderRead): FolderRead {
  const error = (p: PlainProblem) => new KnowledgeError(p.file, p.line, p.problem);
  return {
    knowledge: read.loaded ? { topics: read.topics } : undefined,
    topics: read.topics,
    errors: read.errors.map(error),
    skipped: read.skipped.map(error),
    stamps: read.stamps,
    digest: read.digest,
  };
}
