import type { unzipSync } from 'fflate';
import { UserError } from '../../core/errors.js';
import { decodeEntities } from '../text/names.js';

/**
 * The first worksheet of an .xlsx workbook as rows of cells, with a small XML scan instead of an
 * XML package: spreadsheets written by Excel, WPS and pandas use a handful of element shapes.
 * A cell is a string (shared, inline or formula text) or a number (dates are numbers: the
 * caller knows which columns are dates and converts serials).
 */
export type Cell = string | number | undefined;

const MAX_ENTRY = 200 * 1024 * 1024;
const SHARED = 'xl/sharedStrings.xml';

export function readFirstSheet(bytes: Uint8Array, file: string, unzip: typeof unzipSync): Cell[][] {
  let tooBig: string | undefined;
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzip(bytes, {
      filter: (f) => {
        if (f.name !== SHARED && !f.name.startsWith('xl/worksheets/sheet')) return false;
        // Refuse zip bombs before inflating: the directory states each entry's size.
        if (f.originalSize > MAX_ENTRY) { tooBig = f.name; return false; }
        // Many sheets of a hostile workbook add up: the total is bounded too.
        total += f.originalSize;
        if (total > 2 * MAX_ENTRY) { tooBig = f.name; return false; }
        return true;
      },
    });
  } catch (e) {
    throw new UserError(`not a readable .xlsx workbook (${(e as Error).message})`, { file, code: 'bad-xlsx', hint: 'save it again from Excel or WPS as .xlsx', zh: `无法读取的 .xlsx 工作簿（${(e as Error).message}）`, hintZh: '请用 Excel 或 WPS 重新另存为 .xlsx' });
  }
  const sheetName = pickSheet(Object.keys(files));
  if (sheetName === undefined) {
    if (tooBig) throw new UserError(`${tooBig} is larger than 200 MB uncompressed`, { file, code: 'xlsx-too-large', zh: `${tooBig} 解压后超过 200 MB` });
    throw new UserError('the workbook has no worksheet', { file, code: 'bad-xlsx', zh: '工作簿里没有工作表' });
  }
  const dec = new TextDecoder('utf-8');
  const shared = files[SHARED] ? sharedStrings(dec.decode(files[SHARED])) : [];
  return sheetRows(dec.decode(files[sheetName]), shared);
}

/** sheet1.xml, else the lowest-numbered sheet. */
function pickSheet(names: string[]): string | undefined {
  const sheets = names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  sheets.sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  return sheets[0];
}

/** Each <si> is one string; rich text splits it into runs, and phonetic guides (rPh) are not text. */
export function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\s*\/>/g)) out.push(m[1] === undefined ? '' : texts(m[1]));
  return out;
}

function texts(inner: string): string {
  let s = '';
  for (const t of inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)) s += t[1];
  return decodeEntities(s);
}

export function sheetRows(xml: string, shared: string[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const r of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rowNo = Number(attr(r[1]!, 'r'));
    // Rows may skip numbers (empty rows are not written): keep positions so lines match Excel's.
    const index = Number.isFinite(rowNo) && rowNo > 0 ? rowNo - 1 : rows.length;
    const cells: Cell[] = [];
    let next = 0;
    for (const c of (r[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = attr(c[1]!, 'r');
      const col = ref ? columnIndex(ref) : next;
      next = col + 1;
      cells[col] = cellValue(attr(c[1]!, 't'), c[2] ?? '', shared);
    }
    rows[index] = cells;
  }
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

function cellValue(type: string | undefined, inner: string, shared: string[]): Cell {
  if (type === 'inlineStr') return texts(inner);
  const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  if (v === undefined) return undefined;
  if (type === 's') return shared[Number(v)];
  if (type === 'str' || type === 'e') return decodeEntities(v);
  if (type === 'b') return v === '1' ? 'TRUE' : 'FALSE';
  const n = Number(v);
  return Number.isFinite(n) ? n : decodeEntities(v);
}

function attr(attrs: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1];
}

/** "B7" → 1; "AA3" → 26. */
export function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}
