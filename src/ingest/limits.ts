/**
 * Limits that turn a hostile or broken input into a clear error instead of running out of memory.
 * They are far above anything a real export needs; docs/robustness.md lists them case by case.
 */
export const LIMITS = {
  /** One CSV field (a runaway quote makes the rest of the file one field). */
  maxFieldChars: 16 * 1024 * 1024,
  /** One line of a line-based export (WhatsApp, QQ and MemoTrace TXT, JSONL). */
  maxLineChars: 16 * 1024 * 1024,
  /** A JSON document that is read whole (WeFlow, ChatLab JSON, one Slack file). */
  maxDocumentChars: 512 * 1024 * 1024,
  /** Nesting of objects and arrays in a streamed JSON export. */
  maxJsonDepth: 256,
  /** ZIP archives: entries, one entry's size and the total, all from the central directory. */
  maxZipEntries: 100_000,
  maxZipEntryBytes: 1 << 30,
  maxZipTotalBytes: 2 * (1 << 30),
} as const;

/** Fewer bytes than any message row of any format takes (a canonical CSV row is 30 or more):
 *  the builder sets aside room for size / MIN_ROW_BYTES messages of an input before reading it. */
export const MIN_ROW_BYTES = 24;

export const mb = (chars: number): number => Math.round(chars / (1024 * 1024));
