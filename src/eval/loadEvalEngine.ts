import { ConceptEngine } from '../answer/ConceptEngine.js';
import { loadKnowledge } from '../knowledge/loadKnowledge.js';

/** An engine over one or more knowledge folders (`knowledge,test/fixtures/multi-topic`), for evaluation. */
export async function loadEvalEngine(dirs: string): Promise<ConceptEngine> {
  const bases = await Promise.all(dirs.split(',').map((dir) => loadKnowledge(dir.trim())));
  return ConceptEngine.build({ topics: bases.flatMap((base) => base.topics) });
}
