/* global URL */
// The worker thread that reads and parses a knowledge folder off the main thread (see FolderReader.ts).
// Plain JavaScript so that it starts under any runner: when TypeScript is not loadable already (a
// worker of a process that was not started through tsx), tsx loads the task module.
import { parentPort } from 'node:worker_threads';

const task = new URL('./folderReaderTask.ts', import.meta.url).href;
let module;
try {
  module = await import(task);
} catch (error) {
  if (error?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
  const { tsImport } = await import('tsx/esm/api');
  module = await tsImport(task, import.meta.url);
}
module.serve(parentPort);
