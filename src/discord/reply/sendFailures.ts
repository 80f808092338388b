/** Classifying failed sends: a missing permission is logged once per channel and otherwise ignored. */
import { DiscordAPIError } from 'discord.js';
import type { Logger } from 'pino';

const PERMISSION_CODES = new Set([50001, 50013]); // Missing Access, Missing Permissions
const GONE_CODES = new Set([10003, 10008, 10062, 40060]); // Unknown Channel/Message/Interaction, already acknowledged

export function isMissingPermissions(error: unknown): boolean {
  return (
    error instanceof DiscordAPIError && (PERMISSION_CODES.has(Number(error.code)) || error.status === 403)
  );
}

export function isGone(error: unknown): boolean {
  return error instanceof DiscordAPIError && GONE_CODES.has(Number(error.code));
}

export class SendFailureLog {
  private readonly deniedChannels = new Set<string>();

  constructor(private readonly logger: Logger) {}

  /** Logs a failed send: permissions once per channel (warn), vanished targets (debug), the rest (error). */
  report(channelId: string | null, error: unknown, context: Record<string, unknown> = {}): void {
    if (isMissingPermissions(error)) {
      const key = channelId ?? 'unknown';
      if (this.deniedChannels.has(key)) return;
      this.deniedChannels.add(key);
      this.logger.warn(
        { event: 'missing-permissions', channelId, code: (error as DiscordAPIError).code, ...context },
        'cannot send in this channel (missing permissions); further failures there are not logged',
      );
      return;
    }
    if (isGone(error)) {
      this.logger.debug({ event: 'send-target-gone', channelId, err: error, ...context }, 'send target gone');
      return;
    }
    this.logger.error({ event: 'send-failed', channelId, err: error, ...context }, 'send failed');
  }

  /** A later successful send means the permission came back: log again if it is lost again. */
  succeeded(channelId: string | null): void {
    if (channelId) this.deniedChannels.delete(channelId);
  }
}
