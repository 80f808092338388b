/** Finding a section from a lookup value, an autocomplete value or a button's entry reference. */
import type { ConceptEngine } from '../answer/ConceptEngine.js';
import { hashValue, isHashedRef } from './render/customIds.js';
import type { SectionEntry } from './render/renderAnswer.js';

export function resolveEntry(engine: ConceptEngine, ref: string): SectionEntry | undefined {
  if (!isHashedRef(ref)) return engine.find(ref);
  const hash = ref.slice(1);
  for (const topic of engine.knowledge.topics) {
    for (const section of topic.sections) {
      if (hashValue(`${topic.id}/${section.id}`) === hash) return { topic, section };
    }
  }
  return undefined;
}
