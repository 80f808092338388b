import Fuse from 'fuse.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import type { LabelledQuestion } from './evaluate.js';

/**
 * The reference point: a plain `new Fuse(sections, { keys: ['title', 'text'] })` over the same
 * knowledge, no analysis, no thresholds. Returns its in-domain top-1 accuracy.
 */
export function plainFuseTop1(knowledge: KnowledgeBase, questions: LabelledQuestion[]): number {
  const sections = knowledge.topics.flatMap((topic) =>
    topic.sections.map((s) => ({
      id: `${topic.id}/${s.id}`,
      title: s.title,
      text: [...s.points, ...s.code.map((c) => c.code)].join('\n'),
    })),
  );
  const fuse = new Fuse(sections, { keys: ['title', 'text'] });
  const inDomain = questions.filter((q) => q.expect.length > 0);
  const right = inDomain.filter((q) => {
    const best = fuse.search(q.question, { limit: 1 })[0];
    return best !== undefined && q.expect.includes(best.item.id);
  });
  return inDomain.length ? right.length / inDomain.length : 0;
}
