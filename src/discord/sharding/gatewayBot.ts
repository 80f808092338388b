/** `GET /gateway/bot`: Discord's recommended shard count and the session start limits. */
import { Routes, type REST } from 'discord.js';

export interface GatewayBotInfo {
  /** Recommended number of shards. */
  shards: number;
  /** Identify requests allowed per 5 s (see identifySlots.ts). */
  maxConcurrency: number;
  /** Session starts left today, and when the count resets. */
  remaining: number;
  resetAfterMs: number;
}

export async function fetchGatewayBot(rest: REST): Promise<GatewayBotInfo> {
  const data = (await rest.get(Routes.gatewayBot())) as {
    shards?: unknown;
    session_start_limit?: { max_concurrency?: unknown; remaining?: unknown; reset_after?: unknown };
  };
  const limit = data.session_start_limit ?? {};
  const whole = (value: unknown, fallback: number) =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback;
  return {
    shards: Math.max(1, whole(data.shards, 1)),
    maxConcurrency: Math.max(1, whole(limit.max_concurrency, 1)),
    remaining: whole(limit.remaining, Number.POSITIVE_INFINITY),
    resetAfterMs: whole(limit.reset_after, 0),
  };
}
