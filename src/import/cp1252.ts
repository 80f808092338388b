/**
 * Windows-1252, the code page a UTF-8 capture was misread as. Bytes 0x00–0x7F and 0xA0–0xFF are the
 * code points of the same number; 0x80–0x9F are the punctuation below, except the five bytes the code
 * page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), which decoders pass through as C1 controls.
 */
const BYTES_80_TO_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

const byteOfChar = new Map<string, number>();
for (let byte = 0x80; byte <= 0xff; byte++) {
  byteOfChar.set(String.fromCharCode(byte), byte); // every C1 control maps to its own byte, as in Latin-1
  byteOfChar.set(cp1252Char(byte), byte);
}

/** The character Windows-1252 shows for a byte ≥ 0x80 (a C1 control for the five undefined ones). */
export function cp1252Char(byte: number): string {
  return byte >= 0x80 && byte <= 0x9f ? BYTES_80_TO_9F[byte - 0x80]! : String.fromCharCode(byte);
}

/**
 * The byte ≥ 0x80 that Windows-1252 shows as `char`, or undefined for ASCII and characters it cannot show.
 * Every C1 control U+0080–U+009F maps to its own byte, which also covers captures misread as Latin-1.
 */
export function cp1252Byte(char: string): number | undefined {
  return byteOfChar.get(char);
}

/** Every character Windows-1252 shows for a UTF-8 continuation byte (0x80–0xBF), C1 controls included. */
export const CONTINUATION_CHARS: string = [...byteOfChar]
  .filter(([, byte]) => byte >= 0x80 && byte <= 0xbf)
  .map(([char]) => char)
  .join('');
