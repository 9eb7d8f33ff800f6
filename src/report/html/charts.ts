import { t, type Lang } from '../../i18n/index.js';
import { localDate, localWall } from '../shared/dates.js';
import { h } from './escape.js';

/** Phase colours, shared by the bands, the bars, the badges and the legend. */
export const PHASE_COLOUR: Record<string, string> = { inception: '#4f7fe0', growth: '#1f9d63', maturity: '#7a5bd0', decline: '#e07b2c' };
const DAY = 86_400_000;

interface Week { weekStart: string; messages: number; roster: number }
interface Span { phase: string; start: string; end: string }

const W = 640, H = 170, L = 40, R = 8, T = 10, B = 24;
/** The roster chart sits in half a row on wide screens: a narrower canvas keeps its text legible. */
const RW = 420;

/** Weekly messages as bars, the lifecycle timeline as coloured bands behind them. */
export function weeklyChart(lang: Lang, weeks: Week[], timeline: Span[] | undefined, timeZone: string): string {
  if (!weeks.length) return empty(lang);
  // Weeks are local dates and phases instants: both go on one axis of local wall-clock time.
  const t0 = Date.parse(`${weeks[0]!.weekStart}T00:00:00Z`);
  const at = (iso: string) => localWall(iso, timeZone);
  const n = weeks.length, bw = (W - L - R) / n;
  const x = (ms: number) => L + Math.max(0, Math.min(n, (ms - t0) / (7 * DAY))) * bw;
  const max = niceMax(Math.max(1, ...weeks.map((w) => w.messages)));
  const y = (v: number) => T + (H - T - B) * (1 - v / max);
  const phaseAt = (ms: number) => timeline?.find((s) => at(s.start) <= ms && ms < at(s.end))?.phase ?? timeline?.at(-1)?.phase;
  const parts: string[] = [];
  for (const s of timeline ?? []) {
    const a = x(at(s.start)), b = x(at(s.end));
    if (b > a) parts.push(`<rect class="band" x="${f(a)}" y="${T}" width="${f(b - a)}" height="${H - T - B}" fill="${PHASE_COLOUR[s.phase] ?? '#999'}" fill-opacity="0.13"><title>${h(t(lang, `phase.${s.phase}`))}: ${h(localDate(s.start, timeZone))} → ${h(localDate(s.end, timeZone))}</title></rect>`);
  }
  weeks.forEach((w, i) => {
    const mid = t0 + (i + 0.5) * 7 * DAY;
    const colour = PHASE_COLOUR[phaseAt(mid) ?? ''] ?? '#8a94a6';
    parts.push(`<rect class="bar" x="${f(L + i * bw + bw * 0.12)}" y="${f(y(w.messages))}" width="${f(bw * 0.76)}" height="${f(y(0) - y(w.messages))}" fill="${colour}"><title>${h(w.weekStart)}: ${w.messages}</title></rect>`);
  });
  return svg('weekly', [...axes(max, y), ...parts, ...dateTicks(weeks.map((w) => w.weekStart), (i) => L + (i + 0.5) * bw)].join(''));
}

/** The roster (members in the group at the end of each week) as an area line. */
export function rosterChart(lang: Lang, weeks: Week[]): string {
  if (!weeks.length) return empty(lang);
  const n = weeks.length, step = n > 1 ? (RW - L - R) / (n - 1) : 0;
  const max = niceMax(Math.max(1, ...weeks.map((w) => w.roster)));
  const y = (v: number) => T + (H - T - B) * (1 - v / max);
  const pts = weeks.map((w, i) => `${f(L + i * step)},${f(y(w.roster))}`);
  const last = weeks.at(-1)!;
  return svg('roster', [
    ...axes(max, y, RW),
    `<path d="M${L},${y(0)} L${pts.join(' L')} L${f(L + (n - 1) * step)},${y(0)} Z" fill="#4f7fe0" fill-opacity="0.15"/>`,
    `<polyline points="${pts.join(' ')}" fill="none" stroke="#4f7fe0" stroke-width="2.2" stroke-linejoin="round"/>`,
    `<circle cx="${f(L + (n - 1) * step)}" cy="${f(y(last.roster))}" r="3.5" fill="#4f7fe0"><title>${h(last.weekStart)}: ${last.roster}</title></circle>`,
    ...dateTicks(weeks.map((w) => w.weekStart), (i) => L + i * step),
  ].join(''), RW);
}

/**
 * Weekday × hour. Cells are shaded by score (a full matrix when the analysis gives one, else the
 * ranked slots), and the best `ringed` slots are circled and numbered.
 */
export function heatmap(lang: Lang, slots: { weekday: number; hour: number; score: number }[], matrix: number[][] | undefined, ringed = 3): string {
  const cw = 18, ch = 18, left = 36, top = 18;
  const score = new Map<string, number>();
  if (matrix) matrix.forEach((row, d) => row.forEach((v, hr) => score.set(`${d + 1}-${hr}`, v)));
  for (const s of slots) score.set(`${s.weekday}-${s.hour}`, Math.max(score.get(`${s.weekday}-${s.hour}`) ?? 0, s.score));
  const max = Math.max(1e-9, ...score.values());
  const parts: string[] = [];
  for (let hr = 0; hr < 24; hr += 3) parts.push(`<text x="${left + hr * cw + cw / 2}" y="12" class="tick" text-anchor="middle">${hr}</text>`);
  for (let d = 1; d <= 7; d++) {
    const yy = top + (d - 1) * ch;
    parts.push(`<text x="${left - 6}" y="${yy + ch * 0.68}" class="tick" text-anchor="end">${h(t(lang, `weekday.${d}`))}</text>`);
    for (let hr = 0; hr < 24; hr++) {
      const v = (score.get(`${d}-${hr}`) ?? 0) / max;
      parts.push(`<rect class="cell" x="${left + hr * cw + 1}" y="${yy + 1}" width="${cw - 2}" height="${ch - 2}" rx="3" fill="${v > 0 ? '#1f9d63' : '#eef1f5'}"${v > 0 ? ` fill-opacity="${f(0.18 + 0.82 * v)}"` : ''}><title>${h(t(lang, `weekday.${d}`))} ${String(hr).padStart(2, '0')}:00${v > 0 ? ` · ${f(v)}` : ''}</title></rect>`);
    }
  }
  slots.slice(0, ringed).forEach((s, i) => {
    const cx = left + s.hour * cw + cw / 2, cy = top + (s.weekday - 1) * ch + ch / 2;
    parts.push(`<circle class="best" cx="${cx}" cy="${cy}" r="${ch / 2}" fill="none" stroke="#10233f" stroke-width="2"/><text x="${cx}" y="${cy + 4}" text-anchor="middle" class="rank">${i + 1}</text>`);
  });
  return `<svg class="chart heatmap" viewBox="0 0 ${left + 24 * cw + 4} ${top + 7 * ch + 4}" role="img" preserveAspectRatio="xMinYMin meet">${parts.join('')}</svg>`;
}

/**
 * A small inline sparkline for the portfolio table. A baseline runs under every week, so a zero
 * week is drawn the same way whatever the others did, and a dead group is a flat line.
 */
export function sparkSvg(values: number[]): string {
  const v = values.slice(-26);
  if (!v.length) return '';
  const max = Math.max(1, ...v), w = 104, hh = 22, base = 1.5, bw = w / v.length, room = hh - base;
  const bars = v.map((x, i) => (x > 0 ? `<rect x="${f(i * bw + 0.5)}" y="${f(room - (x / max) * room)}" width="${f(Math.max(1, bw - 1))}" height="${f((x / max) * room)}"/>` : '')).join('');
  return `<svg class="spark" viewBox="0 0 ${w} ${hh}" width="${w}" height="${hh}" aria-hidden="true"><rect class="base" x="0" y="${f(room)}" width="${w}" height="${base}" fill-opacity="0.45"/>${bars}</svg>`;
}

function svg(kind: string, body: string, width = W): string {
  return `<svg class="chart ${kind}" viewBox="0 0 ${width} ${H}" role="img" preserveAspectRatio="xMinYMin meet">${body}</svg>`;
}

function axes(max: number, y: (v: number) => number, width = W): string[] {
  return [0, max / 2, max].map((v) => `<line x1="${L}" x2="${width - R}" y1="${f(y(v))}" y2="${f(y(v))}" class="grid"/><text x="${L - 5}" y="${f(y(v) + 4)}" class="tick" text-anchor="end">${compact(v)}</text>`);
}

function dateTicks(dates: string[], x: (i: number) => number): string[] {
  const idx = dates.length <= 2 ? dates.map((_, i) => i) : [0, Math.floor((dates.length - 1) / 2), dates.length - 1];
  return idx.map((i) => `<text x="${f(x(i))}" y="${H - 6}" class="tick" text-anchor="${i === 0 ? 'start' : i === dates.length - 1 ? 'end' : 'middle'}">${h(dates[i]!)}</text>`);
}

function empty(lang: Lang): string {
  return `<p class="muted">${h(t(lang, 'chart.noData'))}</p>`;
}

function niceMax(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((m) => m >= v) ?? v;
}

function compact(v: number): string {
  return v >= 10_000 ? `${f(v / 1000)}k` : f(v);
}

function f(n: number): string {
  return String(Math.round(n * 10) / 10);
}
