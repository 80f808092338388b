import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** How much the readers of topic files and captures accept, and how long they wait for one file. */
export interface ReadLimits {
  /** Largest file read, in bytes; a larger one is an error, read no further. */
  maxBytes: number;
  /** A file that has not been read within this time is given up on (a hung network mount). */
  timeoutMs: number;
}

/** Default size limit for one topic file or capture, in megabytes (`KNOWLEDGE_MAX_FILE_MB`). */
export const DEFAULT_MAX_FILE_MB = 4;

export const DEFAULT_READ_LIMITS: ReadLimits = { maxBytes: DEFAULT_MAX_FILE_MB * 1024 * 1024, timeoutMs: 5_000 };

/** The read limits from `KNOWLEDGE_MAX_FILE_MB` (a positive number of megabytes); throws naming the variable when it is not one. */
export function readLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): ReadLimits {
  const raw = env.KNOWLEDGE_MAX_FILE_MB?.trim();
  if (!raw) return DEFAULT_READ_LIMITS;
  const mb = Number(raw);
  if (!Number.isFinite(mb) || mb <= 0) {
    throw new Error(`KNOWLEDGE_MAX_FILE_MB must be a positive number of megabytes, got "${raw}"`);
  }
  return { ...DEFAULT_READ_LIMITS, maxBytes: Math.round(mb * 1024 * 1024) };
}

/** Why a file was not read: `special` files (FIFOs, sockets, devices, folders) are skipped, the rest are errors. */
export class UnreadableFileError extends Error {
  constructor(
    readonly kind: 'special' | 'too-large' | 'timeout' | 'missing' | 'io',
    message: string,
  ) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

/**
 * Reads a whole regular file, within limits. A FIFO, socket or device is never waited on: it is opened
 * without blocking and rejected as `special`; a file over `maxBytes` is rejected before it is read (or
 * as soon as it grows past it); a read that takes longer than `timeoutMs` is abandoned.
 */
export async function readTopicFile(file: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<Buffer> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new UnreadableFileError('timeout', `not read within ${limits.timeoutMs / 1000} s (a hung or slow file system?)`)),
      limits.timeoutMs,
    );
  });
  const reading = readWithin(file, limits.maxBytes);
  try {
    return await Promise.race([reading, timeout]);
  } finally {
    clearTimeout(timer);
    reading.catch(() => undefined); // an abandoned read may fail later: nobody waits for it
  }
}

async function readWithin(file: string, maxBytes: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw openError(error);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new UnreadableFileError('special', `not a regular file (${kindOf(info)}): skipped`);
    if (info.size > maxBytes) throw tooLarge(info.size, maxBytes);
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    while (true) {
      if (length === buffer.length) throw tooLarge(length, maxBytes); // grew past the limit while read
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function openError(error: unknown): UnreadableFileError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new UnreadableFileError('missing', 'no such file');
  if (code === 'ENXIO' || code === 'EISDIR') return new UnreadableFileError('special', 'not a regular file (a socket or folder): skipped');
  if (code === 'EACCES' || code === 'EPERM') return new UnreadableFileError('io', 'cannot read it (permission denied)');
  if (code === 'ELOOP') return new UnreadableFileError('io', 'cannot read it (a symbolic link loop)');
  return new UnreadableFileError('io', `cannot read it: ${error instanceof Error ? error.message : String(error)}`);
}

function tooLarge(size: number, maxBytes: number): UnreadableFileError {
  return new UnreadableFileError(
    'too-large',
    `${megabytes(size)} is over the ${megabytes(maxBytes)} limit for one file (split the topic, or raise KNOWLEDGE_MAX_FILE_MB)`,
  );
}

function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  if (mb < 1) return `${Math.round(bytes / 1024)} KB`;
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}

function kindOf(info: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isDirectory(): boolean }): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isDirectory()) return 'a folder';
  return 'a special file';
}
