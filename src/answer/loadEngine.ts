import { knowledgeDirFromEnv, loadKnowledge } from '../knowledge/loadKnowledge.js';
import { ConceptEngine } from './ConceptEngine.js';

/** Loads the knowledge folder (`KNOWLEDGE_DIR`, default `./knowledge`) and builds the engine over it. */
export async function loadEngine(dir = knowledgeDirFromEnv()): Promise<ConceptEngine> {
  return ConceptEngine.build(await loadKnowledge(dir));
}
