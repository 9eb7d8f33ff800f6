import { absorbPart } from '../core/dataset/part.js';
import type { DatasetBuilder } from '../core/dataset/builder.js';
import type { IngestEvent } from '../core/model.js';
import type { DecodeStats } from './decode.js';
import type { InputUnit } from './discover.js';
import { MIN_ROW_BYTES } from './limits.js';
import { eventBatches, type InputKind, type ReadContext } from './types.js';

/** What reading needs of an input (a worker of the pool makes one from its job). */
export type ReadableUnit = Pick<Extract<InputUnit, { type: 'file' }>, 'type' | 'adapter' | 'open'> | Extract<InputUnit, { type: 'folder' }>;

/** One input being read into a builder: the run's, or a worker thread's own (ingest/pool). */
export interface UnitRead {
  builder: DatasetBuilder;
  index: number;
  unit: ReadableUnit;
  kind: InputKind;
  ctx: ReadContext;
  counted: (n: number) => void;
}

/** Reads an input (the parts of a big one perhaps on other threads); returns the groups it touched. */
export async function readUnit({ builder, index, unit, kind, ctx, counted }: UnitRead): Promise<Set<string>> {
  const touched = new Set<string>();
  const source = unit.type === 'folder' ? null : await unit.open();
  if (source) {
    source.onBytes = ctx.reportProgress;
    // At most one message per MIN_ROW_BYTES of file: the columns never double while reading it.
    if (kind === 'messages') builder.reserve(source.size / MIN_ROW_BYTES);
  }
  let lastGroup: IngestEvent['group'] | null = null;
  const messagesBefore = builder.time.length;
  const take = (batch: IngestEvent[]): void => {
    for (const ev of batch) {
      builder.add(ev, index);
      // Adapters reuse one group object for a group's events: skip the Set for a repeat.
      if (ev.group !== lastGroup) { touched.add(ev.group.id); lastGroup = ev.group; }
    }
    counted(batch.length);
  };
  if (unit.type === 'file' && unit.adapter.readInto) {
    await unit.adapter.readInto(source!, ctx, {
      row: (group, row) => {
        builder.addRow(group, row, index);
        if (group !== lastGroup) { touched.add(group.id); lastGroup = group; }
        counted(1);
      },
      events: take,
      part: (part, n, infoOf) => {
        absorbPart(builder, part, index, infoOf);
        for (const g of part.groups) touched.add(g.info.id);
        lastGroup = null;
        counted(n);
      },
      // As many messages per byte as kept so far (rows refused or out of the window, and the lines of
      // a long text, count for nothing), a little under: no page written for nothing.
      expect: (ratio) => builder.prefault(0.95 * ratio * (builder.time.length - messagesBefore)),
    });
  } else {
    const batches: AsyncIterable<IngestEvent[]> = unit.type === 'folder'
      ? singles(unit.adapter.readFolder(unit.folder, ctx))
      : eventBatches(unit.adapter, source!, ctx);
    for await (const batch of batches) take(batch);
  }
  if (source?.decoding) reportDecoding(ctx, source.decoding);
  return touched;
}

function reportDecoding(ctx: ReadContext, decoding: DecodeStats): void {
  if (decoding.replaced) {
    ctx.reportIssue({ reason: `${decoding.replaced} characters were not valid ${decoding.encoding ?? 'text'} — mixed encodings?`, code: 'invalid-encoding', counts: false });
  }
}

async function* singles(events: AsyncIterable<IngestEvent>): AsyncGenerator<IngestEvent[]> {
  for await (const ev of events) yield [ev];
}

export function kindOf(unit: InputUnit): InputKind {
  return unit.type === 'folder' ? 'messages' : unit.adapter.kind(unit.head);
}
