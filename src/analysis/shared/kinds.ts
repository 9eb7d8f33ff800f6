import { FLAG } from '../../core/dataset/types.js';
import { MESSAGE_KINDS } from '../../core/model.js';

/** Kind index (the low bits of `Dataset.messages.flags`, see FLAG.kindMask) of system events. */
export const KIND_SYSTEM = MESSAGE_KINDS.indexOf('system');
/** Kind index of recall notices ("X recalled a message"). */
export const KIND_RECALL = MESSAGE_KINDS.indexOf('recall');

/** A system event or a recall notice: not something a person or bot wrote. */
export function isSystemKind(flags: number): boolean {
  const kind = flags & FLAG.kindMask;
  return kind === KIND_SYSTEM || kind === KIND_RECALL;
}
