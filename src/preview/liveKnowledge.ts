import { LiveEngine, type LiveEngineLogger } from '../answer/LiveEngine.js';
import type { ConceptEngine } from '../answer/ConceptEngine.js';
import type { KnowledgeStatus } from './previewServer.js';

/** What the preview server needs from a live engine: the engine serving now and the knowledge's status. */
export interface LiveKnowledge {
  getEngine(): ConceptEngine;
  status(): KnowledgeStatus;
  close(): void;
}

/**
 * The preview's view of a knowledge folder: a `LiveEngine` (watched, reloaded off the main thread), with a
 * version that moves on every reload or rejected change, so the page can re-read the knowledge, and the
 * last rejection while the folder stays broken (the last good knowledge is served meanwhile).
 */
export async function liveKnowledge(
  dir: string,
  options: { logger?: LiveEngineLogger; debounceMs?: number; pollMs?: number } = {},
): Promise<LiveKnowledge> {
  const live = await LiveEngine.start(dir, options);
  let version = 1;
  live.on('reload', () => version++);
  live.on('error', () => version++);
  return {
    getEngine: () => live.current,
    status: () => {
      const error = live.lastError;
      return {
        version,
        error: error
          ? {
              message: error.message,
              problems: error.errors.map(({ file, line, problem }) => ({ file, line, problem })),
            }
          : null,
      };
    },
    close: () => live.close(),
  };
}
