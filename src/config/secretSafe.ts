/**
 * Showing configuration values in errors and logs without leaking secrets. A value that may be a
 * secret (a token pasted into the wrong variable, a key) is described, never echoed; a URL's
 * credentials (`https://user:password@host`) are masked.
 */

const TOKEN_SHAPE = /^[\w-]{16,}\.[\w-]{4,}\.[\w-]{16,}$/;
/** Longest value echoed in an error: ids, numbers, levels and paths are shorter; tokens and keys are not. */
const MAX_SHOWN = 40;

/** Whether `value` could be a credential: token-shaped, or a long run of characters with no spaces. */
export function mayBeSecret(value: string): boolean {
  const v = value.trim();
  if (TOKEN_SHAPE.test(v)) return true;
  if (/^[A-Za-z0-9+/=_.-]{32,}$/.test(v) && !/^\d+$/.test(v) && !/^[./~]/.test(v)) return true;
  return /\/\/[^/@\s]*:[^/@\s]*@/.test(v);
}

/** `"value"` when it is safe to show, else a description of it (its length) that gives nothing away. */
export function showValue(value: unknown): string {
  const v = String(value);
  if (mayBeSecret(v)) {
    return /\/\/[^/@\s]*:[^/@\s]*@/.test(v) && v.length <= 200
      ? `"${maskUrlCredentials(v)}"`
      : `a value of ${v.length} characters (not shown: it may be a secret)`;
  }
  if (v.length > MAX_SHOWN) return `"${v.slice(0, MAX_SHOWN)}…" (${v.length} characters)`;
  return `"${v}"`;
}

/** The URL with any user name and password replaced by `***`. Works on text that is not a valid URL too. */
export function maskUrlCredentials(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1***@');
}
