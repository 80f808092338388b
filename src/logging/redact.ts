/**
 * Scrubbing secrets out of a finished log line (or any text): the logger runs every line through
 * `redactSecrets` just before it is written, whatever the format, so no code path can leak one.
 *
 * - registered secrets (the bot token), wherever they appear;
 * - interaction and webhook tokens in URLs and paths (`/interactions/{id}/{token}/…`,
 *   `/webhooks/{application}/{token}`), which authorise replies for 15 minutes;
 * - anything shaped like a bot token or a JWT (three dot-separated base64url parts), and `Bot …` headers;
 * - JSON `"token"` fields at any depth;
 * - credentials in URLs (`https://user:password@host` → `https://***@host`).
 */
export const REDACTED = '[redacted]';

const URL_TOKEN = /(\/(?:interactions|webhooks)\/\d+\/)([A-Za-z0-9_.\-%]{8,})/g;
const TOKEN_SHAPE = /[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}/g;
const BOT_HEADER = /\b(Bot|Bearer)\s+[A-Za-z0-9_.-]{20,}/g;
const TOKEN_FIELD =
  /("(?:token|interaction_token|access_token|refresh_token|client_secret)"\s*:\s*")(?:[^"\\]|\\.)*(")/gi;
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s"]+@/gi;

export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join(REDACTED);
  return out
    .replace(URL_TOKEN, `$1${REDACTED}`)
    .replace(BOT_HEADER, `$1 ${REDACTED}`)
    .replace(TOKEN_SHAPE, REDACTED)
    .replace(TOKEN_FIELD, `$1${REDACTED}$2`)
    .replace(URL_CREDENTIALS, '$1***@');
}
