import { cp1252Byte } from './cp1252.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Undoes mojibake: UTF-8 text that was decoded as Windows-1252 and saved again (`â€™` -> `’`,
 * `â ™` -> `⠙`, `Ã©` -> `é`). Each character maps back to its Windows-1252 byte (C1 controls to their own
 * byte), and only character runs whose bytes form a valid UTF-8 sequence are replaced by what they decode to.
 * Text that was never garbled (`café`, `naïve`, `→`, `日本語`, emoji) is kept exactly: a lone `é` is no
 * valid UTF-8, and characters outside Windows-1252 never take part. Repeats for text garbled twice.
 */
export function repairMojibake(text: string): string {
  let current = text;
  for (let pass = 0; pass < 3; pass++) {
    const repaired = repairOnce(current);
    if (repaired === current) break;
    current = repaired;
  }
  return current;
}

function repairOnce(text: string): string {
  // Fast path: mojibake always starts with a lead byte shown as one of `Â`–`ô`.
  if (!/[\u00C2-\u00F4]/.test(text)) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const decoded = decodeSequenceAt(text, i);
    if (decoded) {
      out += decoded.char;
      i += decoded.length;
    } else {
      out += text[i];
      i += 1;
    }
  }
  return out;
}

/** The character that the UTF-8 sequence starting at `start` stands for, if there is one. */
function decodeSequenceAt(text: string, start: number): { char: string; length: number } | undefined {
  const lead = cp1252Byte(text[start]!);
  if (lead === undefined || lead < 0xc2 || lead > 0xf4) return undefined;
  const length = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
  const bytes = new Uint8Array(length);
  bytes[0] = lead;
  for (let k = 1; k < length; k++) {
    const next = text[start + k];
    const byte = next === undefined ? undefined : cp1252Byte(next);
    if (byte === undefined || (byte & 0xc0) !== 0x80) return undefined;
    bytes[k] = byte;
  }
  try {
    return { char: utf8.decode(bytes), length }; // rejects overlong forms, surrogates and code points past U+10FFFF
  } catch {
    return undefined;
  }
}
