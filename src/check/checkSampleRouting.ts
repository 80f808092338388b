import type { ConceptEngine } from '../answer/ConceptEngine.js';
import type { RankedSection } from '../answer/types.js';
import { readTopicFile } from '../knowledge/readTopicFile.js';
import type { Topic } from '../knowledge/types.js';
import { sameQuestionKey } from '../search/sameQuestionKey.js';
import type { CheckProblem } from './CheckProblem.js';
import { sampleQuestionLines } from './sampleQuestionLines.js';

export interface RoutingStats {
  total: number;
  routed: number;
  /** Answered confidently with another section: errors. */
  misrouted: number;
  /** No confident answer (a "did you mean" or nothing): warnings. */
  unsure: number;
}

/**
 * Asks the engine each section's own sample questions. A sample answered with another section is an
 * error (the knowledge contradicts itself); one that gets no confident answer is a warning. A question
 * listed both as a section's sample and in its `notFor` is an error too.
 */
export async function checkSampleRouting(
  topics: readonly Topic[],
  engine: ConceptEngine,
): Promise<{ problems: CheckProblem[]; stats: RoutingStats }> {
  const problems: CheckProblem[] = [];
  const stats: RoutingStats = { total: 0, routed: 0, misrouted: 0, unsure: 0 };
  for (const topic of topics) {
    const source = await readTopicFile(topic.file).then(
      (b) => b.toString('utf8'),
      () => '',
    );
    const lineOf = sampleQuestionLines(source, topic.file);
    for (const section of topic.sections) {
      const samples = new Set(section.questions.map(sameQuestionKey));
      (section.notFor ?? []).forEach((question, index) => {
        if (!samples.has(sameQuestionKey(question))) return;
        problems.push({
          severity: 'error',
          file: topic.file,
          line: lineOf(section.id, index, section.line, 'notFor'),
          message: `${JSON.stringify(question)} is both a sample question of section \`${section.id}\` and one it is not for (notFor)`,
        });
      });
      section.questions.forEach((question, index) => {
        stats.total++;
        const answer = engine.ask(question);
        const own = (r: RankedSection | null | undefined) =>
          r?.topic.id === topic.id && r.section.id === section.id;
        if (answer.kind === 'answer' && own(answer.match)) {
          stats.routed++;
          return;
        }
        const at = { file: topic.file, line: lineOf(section.id, index, section.line) };
        const sample = `sample question ${JSON.stringify(question)} of section \`${section.id}\``;
        if (answer.kind === 'answer' && answer.match) {
          stats.misrouted++;
          problems.push({
            severity: 'error',
            ...at,
            message: `${sample} routes to ${name(answer.match, topic)} (${percent(answer.match)})`,
          });
          return;
        }
        stats.unsure++;
        const best = answer.suggestions[0];
        const detail = !best
          ? 'nothing close'
          : own(best)
            ? `own section at ${percent(best)}`
            : `best: ${name(best, topic)} ${percent(best)}`;
        problems.push({
          severity: 'warning',
          ...at,
          message: `${sample} gets no confident answer (${detail})`,
        });
      });
    }
  }
  return { problems, stats };
}

function name(ranked: RankedSection, from: Topic): string {
  return ranked.topic.id === from.id
    ? `\`${ranked.section.id}\``
    : `\`${ranked.topic.id}/${ranked.section.id}\``;
}

function percent(ranked: RankedSection): string {
  return `${Math.round(ranked.confidence * 100)}%`;
}
