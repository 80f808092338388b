import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { readTopicFile, UnreadableFileError, type ReadLimits } from '../knowledge/readTopicFile.js';
import { ImportError } from './ImportError.js';

/**
 * A capture's bytes: a regular file within `limits`, or a pipe the maintainer named on purpose (`-` for
 * stdin, `<(ollama run …)`, a FIFO), read to its end within the size limit but without a timeout, since
 * the program writing it may take a while. Sockets and devices are refused. Throws an `ImportError`.
 */
export async function readCapture(file: string, limits: ReadLimits): Promise<Buffer> {
  const info = file === '-' ? undefined : await stat(file).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error) throw new ImportError(statProblem(info));
  if (info?.isDirectory()) throw new ImportError('is a directory, not a file');
  if (file === '-' || info?.isFIFO())
    return readStream(file === '-' ? process.stdin : createReadStream(file), limits.maxBytes);
  try {
    return await readTopicFile(file, limits);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new ImportError(error.message.replace(/: skipped$/, ''));
    throw error;
  }
}

async function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    length += buffer.length;
    if (length > maxBytes) {
      (stream as NodeJS.ReadStream).destroy?.();
      throw new ImportError(
        `more than the ${Math.round(maxBytes / 1024 / 1024)} MB limit for one capture (raise KNOWLEDGE_MAX_FILE_MB)`,
      );
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function statProblem(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'no such file';
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'cannot read it (permission denied)';
  return `cannot read it: ${error.message}`;
}
