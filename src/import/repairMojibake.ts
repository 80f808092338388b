import { cp1252Byte } from './cp1252.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** What a repair changed: garbled sequences put right, and how many of them needed a guess. */
export interface MojibakeRepair {
  text: string;
  repaired: number;
  /** Sequences missing a byte that could be one of several characters; the likeliest was taken. */
  guessed: number;
}

/**
 * Undoes mojibake: UTF-8 text that was decoded as Windows-1252 and saved again (`â€™` -> `’`,
 * `â ™` -> `⠙`, `Ã©` -> `é`). Each character maps back to its Windows-1252 byte (C1 controls to their own
 * byte), and only character runs whose bytes form a valid UTF-8 sequence are replaced by what they decode to.
 * A byte Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) is often lost in copy-paste, or
 * shown as U+FFFD: a punctuation, symbol or emoji sequence (`â…`, `ð…`) missing one byte is completed with
 * the undefined byte that gives the likeliest character (`â€` -> `”`, `âŒ` -> `❌`). Text that was never garbled (`café`,
 * `naïve`, `→`, `日本語`, emoji) is kept exactly: a lone `é` is no valid UTF-8, and characters outside
 * Windows-1252 never take part. Repeats for text garbled twice.
 */
export function repairMojibake(text: string): string {
  return repairMojibakeCounted(text).text;
}

export function repairMojibakeCounted(text: string): MojibakeRepair {
  const result: MojibakeRepair = { text, repaired: 0, guessed: 0 };
  for (let pass = 0; pass < 3; pass++) {
    const before = result.repaired;
    result.text = repairOnce(result.text, result);
    if (result.repaired === before) break;
  }
  return result;
}

function repairOnce(text: string, counts: MojibakeRepair): string {
  // Fast path: mojibake always starts with a lead byte shown as one of `Â`–`ô`.
  if (!/[\u00C2-\u00F4]/.test(text)) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const decoded = decodeSequenceAt(text, i);
    if (decoded) {
      out += decoded.char;
      i += decoded.length;
      counts.repaired++;
      if (decoded.guessed) counts.guessed++;
    } else {
      out += text[i];
      i += 1;
    }
  }
  return out;
}

/** The bytes Windows-1252 leaves undefined, likeliest first when one of them is missing. */
const UNDEFINED_BYTES = [0x9d, 0x8d, 0x81, 0x8f, 0x90];
/** How likely a character is to be what a lost byte stood for: punctuation, then emoji, then symbols; 0 never. */
function likelihood(char: string): number {
  const cp = char.codePointAt(0)!;
  if (cp >= 0x2010 && cp <= 0x203a) return 3; // dashes, quotes, bullets, ellipsis, primes
  if (/\p{Extended_Pictographic}/u.test(char)) return 2;
  return cp >= 0x2190 && cp <= 0x27bf ? 1 : 0;
}

interface Decoded {
  char: string;
  length: number;
  guessed: boolean;
}

/** The character that the UTF-8 sequence starting at `start` stands for, if there is one. */
function decodeSequenceAt(text: string, start: number): Decoded | undefined {
  const lead = cp1252Byte(text[start]!);
  if (lead === undefined || lead < 0xc2 || lead > 0xf4) return undefined;
  const length = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
  const run = [lead];
  while (run.length < length) {
    const next = text[start + run.length];
    const byte = next === undefined ? undefined : cp1252Byte(next);
    if (byte === undefined || (byte & 0xc0) !== 0x80) break;
    run.push(byte);
  }
  if (run.length === length) {
    const char = decode(run);
    return char === undefined ? undefined : { char, length, guessed: false };
  }
  // One lost byte of a punctuation, symbol or emoji sequence (lead `â` or `ð`), dropped or shown as U+FFFD:
  // a U+FFFD stands where the byte was; a dropped byte may have been anywhere after the lead.
  if ((lead !== 0xe2 && lead !== 0xf0) || run.length !== length - 1) return undefined;
  const replaced = text[start + run.length] === '\uFFFD';
  const places = replaced ? [run.length] : Array.from({ length: length - 1 }, (_, k) => length - 1 - k);
  const candidates: { char: string; rank: number }[] = [];
  places.forEach((place, p) =>
    UNDEFINED_BYTES.forEach((byte, b) => {
      const char = decode([...run.slice(0, place), byte, ...run.slice(place)]);
      const score = char === undefined ? 0 : likelihood(char);
      if (char !== undefined && score > 0) candidates.push({ char, rank: score * 100 - p * 10 - b });
    }),
  );
  candidates.sort((x, y) => y.rank - x.rank);
  const consumed = run.length + (replaced ? 1 : 0);
  // A joiner between two emoji (`👩‍💻`) is the one undefined byte that sits between garbled emoji.
  const followedByEmoji = /^(?:ð|\p{Extended_Pictographic})/u.test(
    text.slice(start + consumed, start + consumed + 2),
  );
  const joiner = lead === 0xe2 && run[1] === 0x80 && followedByEmoji ? '\u200D' : undefined;
  const char = joiner ?? candidates[0]?.char;
  return char === undefined ? undefined : { char, length: consumed, guessed: true };
}

function decode(bytes: number[]): string | undefined {
  try {
    return utf8.decode(Uint8Array.from(bytes)); // rejects overlong forms, surrogates and code points past U+10FFFF
  } catch {
    return undefined;
  }
}
