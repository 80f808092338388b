import { CONTINUATION_CHARS } from './cp1252.js';

/**
 * Removes what a terminal recording leaves around the text: CRLF line ends, ANSI escape sequences,
 * carriage-return and backspace redraws (replayed the way a terminal would, so the last drawing of a line
 * wins), spinner frames before the text (braille U+2800–U+28FF, also in their mojibake form `â ™`, with
 * escape codes whose ESC was lost), and any control character left over. Tabs and line feeds stay.
 */
export function stripTerminalNoise(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n').map(replayLine);
  return lines
    .join('\n')
    .replace(SPINNER_PREFIX, '')
    .replace(ORPHAN_PRIVATE_MODE, '')
    .replace(LEFTOVER_CONTROLS, '');
}

/* eslint-disable no-control-regex -- escape sequences and control characters are what this file removes */
const CSI = /\x1b\[([0-?]*)[ -/]*([@-~])/y;
const OSC = /\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?/y;
const OTHER_ESCAPE = /\x1b[@-Z\\-_]?/y;
const REDRAWN = /[\r\b\x1b]/;

/** Draws one line the way a terminal would: `\r` and cursor moves overwrite, erase codes clear. */
function replayLine(line: string): string {
  if (!REDRAWN.test(line)) return line;
  let cells: string[] = [];
  let cursor = 0;
  let i = 0;
  while (i < line.length) {
    if (line[i] === '\x1b') {
      const csi = matchAt(CSI, line, i);
      if (csi) {
        const param = csi[1] ?? '';
        const n = Number.parseInt(param, 10);
        switch (csi[2]) {
          case 'K': // erase in line: 0 to the end, 1 to the cursor, 2 all of it
            if (param === '' || param === '0') cells = cells.slice(0, cursor);
            else if (param === '1') cells = cells.map((c, k) => (k <= cursor ? ' ' : c));
            else if (param === '2') cells = [];
            break;
          case 'G': // cursor to column n (1-based)
            cursor = Math.max(0, (Number.isNaN(n) ? 1 : n) - 1);
            break;
          case 'C':
            cursor += Number.isNaN(n) ? 1 : n;
            break;
          case 'D':
            cursor = Math.max(0, cursor - (Number.isNaN(n) ? 1 : n));
            break;
          default: // colours, cursor visibility (`?25l`), scrolling: nothing to draw
            break;
        }
        i += csi[0].length;
        continue;
      }
      i += (matchAt(OSC, line, i) ?? matchAt(OTHER_ESCAPE, line, i))![0].length;
      continue;
    }
    const char = String.fromCodePoint(line.codePointAt(i)!);
    i += char.length;
    if (char === '\r') cursor = 0;
    else if (char === '\b') cursor = Math.max(0, cursor - 1);
    else {
      while (cells.length < cursor) cells.push(' ');
      cells[cursor++] = char;
    }
  }
  return cells.join('').trimEnd();
}

function matchAt(sticky: RegExp, text: string, index: number): RegExpExecArray | null {
  sticky.lastIndex = index;
  return sticky.exec(text);
}

const continuation = CONTINUATION_CHARS.replace(/[\\\]^-]/g, '\\$&');
/** A spinner frame: a braille character, or its mojibake (`â` + NBSP/`¡`/`¢`/`£`, the NBSP maybe a space, + one). */
const FRAME = `(?:[\\u2800-\\u28FF]|\\u00E2[\\u00A0\\u00A1\\u00A2\\u00A3 ][${continuation}])`;
/** An escape code that lost its ESC on the way (`[?25l`, `[2K`, `[1G`). */
const ORPHAN_CSI = '\\[\\??[0-9;]+[A-Za-z]';
const SPACE = '[ \\t\\u00A0]';
const SPINNER_PREFIX = new RegExp(
  `^${SPACE}*(?:${ORPHAN_CSI}${SPACE}*)*${FRAME}(?:${SPACE}*(?:${FRAME}|${ORPHAN_CSI}))*${SPACE}*`,
  'gmu',
);
const ORPHAN_PRIVATE_MODE = /\[\?(?:25|2004|1049)[hl]/g;
const LEFTOVER_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFEFF]/g;
/* eslint-enable no-control-regex */
