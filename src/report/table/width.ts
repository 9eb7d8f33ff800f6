/** Terminal columns a character takes: two for CJK and other wide characters (East Asian Width W/F), else one. */
export function charWidth(ch: string): number {
  const c = ch.codePointAt(0)!;
  // Joiners, variation selectors and combining marks take no column of their own.
  if (c === 0x200d || (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0x0300 && c <= 0x036f) || c === 0x20e3) return 0;
  if (c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1faff) || (c >= 0x20000 && c <= 0x3fffd))) return 2;
  return 1;
}

/**
 * Cut to `width` terminal columns (CJK characters take two), the ellipsis included — in the
 * middle, keeping the end: operators number their groups at the end ("…福利1群", "…福利2群", "…VIP群"),
 * and a cut end made three of them one name (UX review).
 */
export function truncate(s: string, width: number): string {
  // Cut between what a reader sees as characters: a family emoji is one, not seven code points.
  const chars = graphemes(s);
  let total = 0;
  for (const ch of chars) total += graphemeWidth(ch);
  if (total <= width) return s;
  // The end keeps up to a third of the room (at most 8 columns); the start what is left.
  const tailRoom = Math.min(8, Math.floor((width - 1) / 3));
  let tw = 0, t = chars.length;
  while (t > 0 && tw + graphemeWidth(chars[t - 1]!) <= tailRoom) tw += graphemeWidth(chars[--t]!);
  let w = 0, out = '';
  for (const ch of chars.slice(0, t)) {
    const cw = graphemeWidth(ch);
    if (w + cw > width - 1 - tw) break;
    w += cw;
    out += ch;
  }
  return `${out}…${chars.slice(t).join('')}`;
}

const SEGMENTER = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** The grapheme clusters of a text: what a reader sees as characters. */
function graphemes(s: string): string[] {
  return [...SEGMENTER.segment(s)].map((x) => x.segment);
}

/**
 * Columns a grapheme cluster takes: two for wide characters and for emoji — pictographs, flags
 * (regional indicators), keycaps and anything shown as emoji (U+FE0F) — as terminals and
 * cli-table3 draw them; else its first code point's width.
 */
export function graphemeWidth(g: string): number {
  return /\p{Extended_Pictographic}|\p{Regional_Indicator}|\uFE0F|\u20E3/u.test(g) ? 2 : charWidth(g);
}

/** Columns a text takes, cluster by cluster (colour codes are not stripped here). */
export function textWidth(s: string): number {
  let w = 0;
  for (const g of graphemes(s)) w += graphemeWidth(g);
  return w;
}
