import type { ReadContext } from './types.js';

/**
 * The system lines of a file in a wording its reader does not know (WhatsApp, LINE, QQ), counted and
 * noted once at the end with the first of them: joins and leaves among them are missing from the
 * growth figures. A note, not a bad row: nothing in the file is wrong, so --strict does not stop.
 */
export class UnknownSystemLines {
  private count = 0;
  private first = 0;

  add(line: number): void {
    if (this.count++ === 0) this.first = line;
  }

  report(ctx: Pick<ReadContext, 'reportIssue'>): void {
    if (this.count === 0) return;
    ctx.reportIssue({
      line: this.first,
      reason: `${this.count} system line${this.count === 1 ? '' : 's'} in a wording this reader does not know (the first on this line): joins and leaves among them are not counted, so growth figures may be incomplete`,
      code: 'unrecognised-system-lines', counts: false, strict: false,
    });
  }
}
