import type { Dataset, GroupRecord } from '../../core/dataset/types.js';
import { memberColumns } from '../shared/member-columns.js';
import { presence } from '../shared/series.js';

/**
 * The invite forest of one group. Nodes 0..members.length-1 are the group's members present by
 * as-of (in `members` order); nodes after them are inviters named in the data but not found among
 * its members (`inviterRaw`), each one an external root.
 */
export interface InviteForest {
  /** Dataset member index per node, or -1 for an external inviter. */
  member: Int32Array;
  /** The inviter as written, for external nodes (index = node − members). */
  external: string[];
  /** Parent node, or -1 for a root. */
  parent: Int32Array;
  /** Generation: 0 for a root, 1 for someone a root invited, … */
  depth: Int32Array;
  /** Nodes in this node's tree below and including it. */
  subtree: Int32Array;
  /** Generations below this node (0 = invited nobody). */
  height: Int32Array;
  /** Children in CSR form: children of v are childList[childStart[v] .. childStart[v+1]). */
  childStart: Int32Array;
  childList: Int32Array;
  /** Node of a dataset member index. */
  nodeOf: Map<number, number>;
  /** Invite edges dropped to break cycles (A invited B, B invited A). */
  cyclesBroken: number;
}

/**
 * Builds the forest from each member's (first) inviter. A member has one record however often they
 * joined, so a rejoin — even one "invited" by someone else — counts once, for the first inviter.
 * Self-invites are dropped by finalize; cycles are broken at the member who joined first.
 */
export function buildForest(ds: Dataset, g: GroupRecord, asOf: number, groupStart: number): InviteForest {
  const c = memberColumns(ds);
  const members = g.members.filter((m) => presence(c, m, groupStart).from <= asOf);
  const nodeOf = new Map<number, number>();
  members.forEach((m, i) => nodeOf.set(m, i));
  const external: string[] = [];
  const externalNode = new Map<string, number>();
  const parents: number[] = members.map((m) => {
    const by = c.invitedBy[m]!;
    if (by >= 0 && by !== m) return nodeOf.get(by) ?? ext(ds.members[by]!.key);
    if (c.rawInviter[m]) return ext(ds.members[m]!.inviterRaw!);
    return -1;
  });
  function ext(raw: string): number {
    let n = externalNode.get(raw);
    if (n === undefined) {
      n = members.length + external.length;
      externalNode.set(raw, n);
      external.push(raw);
    }
    return n;
  }
  const n = members.length + external.length;
  const parent = new Int32Array(n).fill(-1);
  parents.forEach((p, i) => { parent[i] = p; });
  const member = new Int32Array(n).fill(-1);
  members.forEach((m, i) => { member[i] = m; });

  const cyclesBroken = breakCycles(parent, (v) => (member[v]! >= 0 ? ds.members[member[v]!]!.joinedAt ?? Infinity : Infinity));

  const depth = new Int32Array(n).fill(-1);
  const order: number[] = [];
  for (let v = 0; v < n; v++) {
    const path: number[] = [];
    let u = v;
    while (u >= 0 && depth[u] === -1) { path.push(u); u = parent[u]!; }
    let d = u >= 0 ? depth[u]! : -1;
    for (let k = path.length - 1; k >= 0; k--) { depth[path[k]!] = ++d; order.push(path[k]!); }
  }
  // `order` lists parents before children; walking it backwards sums subtrees bottom-up.
  const subtree = new Int32Array(n).fill(1), height = new Int32Array(n);
  const childCount = new Int32Array(n + 1);
  for (let k = order.length - 1; k >= 0; k--) {
    const v = order[k]!, p = parent[v]!;
    if (p < 0) continue;
    subtree[p] += subtree[v]!;
    height[p] = Math.max(height[p]!, height[v]! + 1);
    childCount[p]!++;
  }
  const childStart = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) childStart[v + 1] = childStart[v]! + childCount[v]!;
  const fill = childStart.slice(0, n), childList = new Int32Array(Math.max(0, childStart[n]!));
  for (let v = 0; v < n; v++) if (parent[v]! >= 0) childList[fill[parent[v]!]!++] = v;
  return { member, external, parent, depth, subtree, height, childStart, childList, nodeOf, cyclesBroken };
}

/** Follows parent links; on a loop, cuts the link of the node that joined first. Returns the cuts. */
export function breakCycles(parent: Int32Array, joinedAt: (v: number) => number): number {
  const state = new Uint8Array(parent.length); // 0 new, 1 on the current walk, 2 done
  let cuts = 0;
  for (let v = 0; v < parent.length; v++) {
    const walk: number[] = [];
    let u = v;
    while (u >= 0 && state[u] === 0) { state[u] = 1; walk.push(u); u = parent[u]!; }
    if (u >= 0 && state[u] === 1) {
      const cycle = walk.slice(walk.indexOf(u));
      let cut = cycle[0]!;
      for (const c of cycle) if (joinedAt(c) < joinedAt(cut) || (joinedAt(c) === joinedAt(cut) && c < cut)) cut = c;
      parent[cut] = -1;
      cuts++;
    }
    for (const w of walk) state[w] = 2;
  }
  return cuts;
}

/** Goel et al. (2012): mean distance between all pairs of nodes of the tree rooted at `root`. */
export function structuralVirality(f: InviteForest, root: number): number | null {
  const n = f.subtree[root]!;
  if (n < 2) return null;
  let wiener = 0;
  const stack = [root];
  while (stack.length) {
    const v = stack.pop()!;
    for (let k = f.childStart[v]!; k < f.childStart[v + 1]!; k++) {
      const c = f.childList[k]!;
      wiener += f.subtree[c]! * (n - f.subtree[c]!);
      stack.push(c);
    }
  }
  return wiener / ((n * (n - 1)) / 2);
}
