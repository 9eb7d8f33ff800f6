/**
 * The boundary for JSON exports: a parsed record keeps only the fields whose type is the one we
 * read, so a hostile or damaged export (a number where a list belongs, a nested array where a
 * string belongs) becomes missing fields, never a TypeError deep inside an adapter.
 */
export type FieldType = 'string' | 'number' | 'boolean' | 'id' | 'array' | 'record' | 'present';

interface TypeOf {
  string: string;
  number: number;
  boolean: boolean;
  /** A string or a finite number (ids are written both ways). */
  id: string | number;
  array: unknown[];
  record: Record<string, unknown>;
  /** Any value but null: only its presence matters (Telegram's `photo`, `file`). */
  present: unknown;
}

export type Shaped<S extends Record<string, FieldType>> = { [K in keyof S]?: TypeOf[S[K]] };

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fits(v: unknown, t: FieldType): boolean {
  switch (t) {
    case 'string': return typeof v === 'string';
    case 'number': return typeof v === 'number' && Number.isFinite(v);
    case 'boolean': return typeof v === 'boolean';
    case 'id': return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
    case 'array': return Array.isArray(v);
    case 'record': return isRecord(v);
    case 'present': return v !== null && v !== undefined;
  }
}

/**
 * The fields of `v` that have the expected type; null when `v` is not an object at all. When every
 * field of the spec is absent or of its type (the usual record), that is `v` itself: its other
 * fields are never read through the Shaped type, and a copy per record (a million of them in a big
 * export, each built key by key) cost more than the checks.
 */
export function shape<S extends Record<string, FieldType>>(v: unknown, spec: S): Shaped<S> | null {
  if (!isRecord(v)) return null;
  const keys = Object.keys(spec);
  let fitting = true;
  for (const key of keys) {
    const x = Object.hasOwn(v, key) ? v[key] : undefined;
    if (x !== undefined && !fits(x, spec[key]!)) { fitting = false; break; }
  }
  if (fitting) return v as Shaped<S>;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const x = Object.hasOwn(v, key) ? v[key] : undefined;
    if (x !== undefined && fits(x, spec[key]!)) out[key] = x;
  }
  return out as Shaped<S>;
}

/** A table lookup by a key from the data: own keys only ("constructor" is not a message type). */
export function lookup<V>(table: Readonly<Record<string, V>>, key: string | number | undefined): V | undefined {
  if (key === undefined) return undefined;
  const k = String(key);
  return Object.hasOwn(table, k) ? table[k] : undefined;
}

/** The furthest a JavaScript Date reaches (±100,000,000 days from 1970), in ms. */
const MAX_TIME = 8.64e15;

/** Epoch seconds (or ms, when `unit` says so) to ms; NaN outside what a Date can hold. */
export function epochMs(value: number, unit: 's' | 'ms' = 's'): number {
  const ms = unit === 's' ? value * 1000 : value;
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_TIME ? ms : NaN;
}
