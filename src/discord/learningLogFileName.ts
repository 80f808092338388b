/**
 * Which learning-log file a bot process writes in DATA_DIR. Processes of one deployment may share the
 * folder (a volume), so each writes a file of its own and never interleaves lines with another:
 *
 * - one gateway connection: `questions.jsonl`;
 * - a sharded gateway process: `questions-shard-<ids>.jsonl` (`questions-shard-3.jsonl`,
 *   `questions-shard-0-3.jsonl`);
 * - an HTTP interactions process: `questions-http-<host>-<port>.jsonl`.
 *
 * `npm run report` reads every `questions*.jsonl` in the folder.
 */
import { hostname } from 'node:os';
import { describeShards } from './sharding/shardPlan.js';

export type LearningLogOwner =
  { kind: 'gateway'; shards?: readonly number[] } | { kind: 'http'; port: number; host?: string };

export function learningLogFileName(owner: LearningLogOwner): string {
  if (owner.kind === 'http')
    return `questions-http-${fileSafe(owner.host ?? hostname())}-${owner.port}.jsonl`;
  if (!owner.shards || owner.shards.length === 0) return 'questions.jsonl';
  return `questions-shard-${describeShards(owner.shards)}.jsonl`;
}

function fileSafe(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'host'
  );
}
