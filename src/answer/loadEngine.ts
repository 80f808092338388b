import type { KnowledgeError } from '../knowledge/KnowledgeError.js';
import { knowledgeDirFromEnv, loadKnowledge } from '../knowledge/loadKnowledge.js';
import { readLimitsFromEnv } from '../knowledge/readTopicFile.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { ConceptEngine } from './ConceptEngine.js';

/**
 * Builds the engine over a knowledge base: the one call every loader makes, so that how an engine is
 * built (on which thread, from which parts) can change in one place.
 */
export function buildEngine(knowledge: KnowledgeBase): ConceptEngine {
  return ConceptEngine.build(knowledge);
}

/**
 * Loads the knowledge folder (`KNOWLEDGE_DIR`, default `./knowledge`; files limited by
 * `KNOWLEDGE_MAX_FILE_MB`) and builds the engine over it. Skipped special files are reported to
 * `onSkip`, by default as a warning on stderr.
 */
export async function loadEngine(
  dir = knowledgeDirFromEnv(),
  onSkip: (skipped: KnowledgeError) => void = (s) => process.stderr.write(`warning: ${s.message}\n`),
): Promise<ConceptEngine> {
  return buildEngine(await loadKnowledge(dir, { limits: readLimitsFromEnv(), onSkip }));
}
