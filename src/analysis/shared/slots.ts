import type { Dataset, GroupRecord } from '../../core/dataset/types.js';

const scratch = new WeakMap<Dataset['members'], Int32Array>();

/**
 * Each member of the group's position in `g.members`, read at a dataset member index:
 * `slots[sender[j]]` for a message j of the group. Per-member tallies over a group's messages can
 * then live in typed arrays of `g.members.length` rather than in Maps updated once per message.
 *
 * Valid for the senders of the group's messages and for the targets of their replies: finalize
 * puts every message in its sender's group, and reply ids are hashed with the group. The array is
 * shared per dataset and only the group's own members are (re)written on each call, so read it
 * only for members of `g`.
 */
export function memberSlots(ds: Dataset, g: GroupRecord): Int32Array {
  let slots = scratch.get(ds.members);
  if (!slots || slots.length !== ds.members.length) {
    slots = new Int32Array(ds.members.length);
    scratch.set(ds.members, slots);
  }
  const members = g.members;
  for (let i = 0; i < members.length; i++) slots[members[i]!] = i;
  return slots;
}
