import type { Dataset, GroupRecord } from '../../core/dataset/types.js';
import { lowerBound } from '../shared/numbers.js';

interface MentionIndex {
  /** Mention numbers (indexes into ds.mentions) ordered by their message. */
  order: Int32Array;
  /** The message of each, in that order (for the binary search of a group's range). */
  message: Int32Array;
}

const memo = new WeakMap<Dataset['mentions'], MentionIndex>();

function indexOf(mentions: Dataset['mentions']): MentionIndex {
  let index = memo.get(mentions);
  if (!index) {
    const order = Int32Array.from(mentions.message.keys()).sort((a, b) => mentions.message[a]! - mentions.message[b]! || a - b);
    index = { order, message: order.map((k) => mentions.message[k]!) };
    memo.set(mentions, index);
  }
  return index;
}

/**
 * The mentions (indexes into ds.mentions) made in the group's messages. Every group used to scan
 * all the dataset's mentions; the index is built once per dataset and each group takes its range.
 */
export function groupMentions(ds: Dataset, g: GroupRecord): Int32Array {
  const index = indexOf(ds.mentions);
  return index.order.subarray(lowerBound(index.message, g.msgStart), lowerBound(index.message, g.msgEnd));
}
