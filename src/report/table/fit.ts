import { textWidth } from './width.js';

/** The widest line of a text, in terminal columns (CJK counts two, colour codes none). */
export function lineWidth(text: string): number {
  return Math.max(...text.split('\n').map((l) => textWidth(l.replace(/\u001b\[[0-9;]*m/g, ''))));
}

/** Punctuation that closes: no line starts with it (Chinese and ASCII). */
const CLOSING = /^[，。；：、！？）」』》】〕”’…,.;:!?)\]]/;

/**
 * Lines of at most `width` columns (CJK counts two): English breaks at spaces, Chinese between any
 * two characters — but a run of ASCII (a number, a date, "2.7/day", a word) is never split unless
 * it is wider than a line, and no line starts with closing punctuation (the character before it
 * goes down with it). Later lines are indented by `hang` more.
 */
export function wrap(text: string, width: number, hang: number): string[] {
  if (lineWidth(text) <= width || width < 20) return [text];
  const tokens = text.match(/[\x21-\x7e]+|\s+|./gsu) ?? [];
  const lines: string[][] = [[]];
  let w = 0, room = width;
  const newLine = (carry: string[]) => { lines.push(carry); w = lineWidth(carry.join('')); room = width - hang; };
  for (const tok of tokens) {
    const cur = lines[lines.length - 1]!;
    const tw = lineWidth(tok);
    if (w + tw > room && cur.length) {
      if (/^\s+$/.test(tok)) { newLine([]); continue; }
      // Closing punctuation takes the token before it down too (and that one's closing ones before it).
      const carry: string[] = [];
      if (CLOSING.test(tok)) {
        while (cur.length > 1 && !/^\s+$/.test(cur[cur.length - 1]!) && (carry.length === 0 || CLOSING.test(carry[0]!))) carry.unshift(cur.pop()!);
      }
      newLine(carry);
    }
    if (tw > room) {
      // Wider than a whole line (a path, a link): cut where the room ends.
      let piece = '';
      for (const ch of tok) {
        if (w + lineWidth(piece + ch) > room) { lines[lines.length - 1]!.push(piece); newLine([]); piece = ''; }
        piece += ch;
      }
      lines[lines.length - 1]!.push(piece); w += lineWidth(piece);
      continue;
    }
    if (!(lines[lines.length - 1]!.length === 0 && /^\s+$/.test(tok))) { lines[lines.length - 1]!.push(tok); w += tw; }
  }
  return lines.map((l) => l.join('').trimEnd()).filter((l) => l !== '').map((l, i) => (i === 0 ? l : `${' '.repeat(hang)}${l}`));
}

/** Parts joined by `sep`, as many a line as `width` columns hold. */
export function pack(parts: readonly string[], sep: string, width: number): string[] {
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines[lines.length - 1];
    if (last !== undefined && lineWidth(`${last}${sep}${part}`) <= width) lines[lines.length - 1] = `${last}${sep}${part}`;
    else lines.push(part);
  }
  return lines;
}

/** A table whose name column is cut (in the middle, see truncate) until it fits `width`, to 8 columns at least. */
export function fitNames(render: (nameWidth: number) => string, width: number, column = 0): string {
  let text = render(Infinity);
  const over = lineWidth(text) - width;
  if (over > 0) text = render(Math.max(8, nameColumn(text, column) - over));
  return text;
}

/** The text width of column `column` of a rendered table, from its top border (one space of padding each side). */
function nameColumn(text: string, column: number): number {
  const cells = text.split('\n')[0]!.replace(/^┌|┐$/g, '').split('┬');
  return [...(cells[column] ?? '')].length - 2;
}
