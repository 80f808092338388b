import { cp1252Char } from './cp1252.js';
import { ImportError } from './ImportError.js';

// eslint-disable-next-line no-control-regex -- control characters are what this detects
const BINARY_CONTROLS = /[\u0000-\u0007\u000B\u000E-\u001A\u001C-\u001F\u007F\u0080-\u009F]/;

/**
 * Reads a capture's bytes as text. UTF-8 (a BOM is dropped) is the norm; UTF-16 with a BOM (what Windows
 * PowerShell redirection writes) is read too. Bytes that are not valid UTF-8 are read as Windows-1252, one
 * byte a character, as long as the result is still text; NUL bytes or control characters mean a binary file.
 * Throws an `ImportError` for an empty or binary input.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new ImportError('empty file');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be');
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new ImportError(`binary file, not text (NUL byte at offset ${nul})`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const text = decodeUtf8OrCp1252(bytes);
    const control = BINARY_CONTROLS.exec(text);
    if (control) {
      throw new ImportError(
        `binary file, not text (invalid UTF-8 and control character U+${hex(control[0])} at character ${control.index})`,
      );
    }
    return text.replace(/^\uFEFF/, '');
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(
      `binary file, not text (invalid ${encoding.toUpperCase()} after its byte order mark)`,
    );
  }
}

/** Valid UTF-8 sequences decode as UTF-8; any other byte stands for its Windows-1252 character. */
function decodeUtf8OrCp1252(bytes: Uint8Array): string {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead <= 0xdf
          ? 2
          : lead >= 0xe0 && lead <= 0xef
            ? 3
            : lead >= 0xf0 && lead <= 0xf4
              ? 4
              : 0;
    if (length > 1 && i + length <= bytes.length) {
      try {
        out += utf8.decode(bytes.subarray(i, i + length));
        i += length;
        continue;
      } catch {
        // not a valid sequence: fall through to one byte
      }
    }
    out += lead < 0x80 ? String.fromCharCode(lead) : cp1252Char(lead);
    i += 1;
  }
  return out;
}

function hex(char: string): string {
  return char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
}
