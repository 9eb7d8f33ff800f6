import { hash53, hash53At, MemberTable, memberHash } from '../hash.js';
import type { GroupInfo, IngestEvent, JoinMethod, Role } from '../model.js';
import { findMentions, scanTextAt, TEXT_FLAGS, type TextScan } from '../text/classify.js';
import { Column } from './columns.js';
import { finalizeDataset } from './finalize.js';
import { FLAG, KIND_INDEX, type Dataset, type MemberRecord } from './types.js';

/** The most rows reserve() sets aside at once (16 M: 512 MB of address space, not of memory). */
const MAX_RESERVE = 1 << 24;

/**
 * Where a member's role came from, by how much it is trusted: member lists beat system lines beat a
 * message's role column beat an act only staff can do (inferred: see finalize's `stated`). A
 * stronger source overrides a weaker one, never the reverse.
 */
export const ROLE_SOURCE = { act: 1, message: 2, meta: 3, list: 4 } as const;

/** A group while it is being built. */
export interface DraftGroup {
  index: number;
  /** Scopes message ids to the group (32 bits of the id's hash): the same in every builder, so
   *  builders of parts of one file agree, unlike the index. */
  seed: number;
  info: GroupInfo;
  hasMemberList: boolean;
  hasJoinEvents: boolean;
  identityNames: boolean;
  inputs: Set<number>;
}

/** A membership event while being built: members and inviters are resolved at finalize. */
export interface DraftMembership {
  group: number; time: number; action: 'join' | 'leave' | 'remove';
  member: number; by: string | null; method: JoinMethod | null;
  /** The display name of `by` when the source gave one beside an id. */
  byName?: string;
}

/**
 * A message handed over by a fast reader without an event object: strings as ranges of `buf` (the
 * decoded chunk), sliced only when the builder keeps them. One object, reused row after row.
 */
export interface MessageRow {
  buf: string;
  time: number;
  /** Index in MESSAGE_KINDS. */
  kind: number;
  /** The sender key [key0, key1), non-empty; the name [name0, name1), empty when none. */
  key0: number; key1: number;
  name0: number; name1: number;
  /** Message id and reply target, empty ranges when none. */
  id0: number; id1: number;
  reply0: number; reply1: number;
  /** The text [text0, text1) of buf, empty when none; or `text` when it is not a range of buf
   *  (a cell with doubled quotes, unescaped), the range then unused. */
  text0: number; text1: number;
  text: string | undefined;
  fromSelf: boolean;
  /** Where the row starts in its file, for issues about it. */
  line: number;
}

/**
 * A copy of a string that keeps only its own characters. A parser's field is often a slice of a
 * whole decoded chunk (V8 keeps the parent alive for slices of 13 chars or more): a member key
 * kept from every chunk would keep the whole file in memory. Flattening `' ' + s` makes a new
 * string; the slice of it holds only that. Called only when a string is stored, not per message.
 */
function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * Collects the normalised event stream into columns. Message text is classified here and dropped;
 * only flags and hashes are kept, so memory grows with messages × a few bytes, not with text.
 */
export class DatasetBuilder {
  readonly groups: DraftGroup[] = [];
  private readonly groupIndex = new Map<string, number>();
  readonly members: MemberRecord[] = [];
  readonly roleSource: number[] = [];
  /** Inviter as written in a member list, resolved at finalize. */
  readonly pendingInviter = new Map<number, string>();
  readonly memberships: DraftMembership[] = [];
  /** Members who sent a message marked `fromSelf` (the exporting user), builder indexes. */
  readonly selfMembers = new Set<number>();
  /** memberHash(key, group) → member index (the only index of members by key: a Map per group
   *  cost half of making a member, hashing each fresh key string); with hash53 of each member's
   *  latest name, so a row's name is compared without reading strings. */
  private readonly byHash = new MemberTable();
  /** The last group info seen and its draft: consecutive events of a group share one info object. */
  private last: { info: GroupInfo; name: string | undefined; input: number; g: DraftGroup } | null = null;
  /** addRow's group lookup by the reader's GroupInfo object (a fast reader keeps one per group). */
  private readonly byInfo = new Map<GroupInfo, { info: GroupInfo; name: string | undefined; input: number; g: DraftGroup }>();

  readonly time = new Column(Float64Array);
  readonly sender = new Column(Uint32Array);
  readonly flags = new Column(Uint16Array);
  readonly input = new Column(Uint16Array);
  /** Message id hashed within its group (memberHash with the group's seed), or NaN. */
  readonly idHash = new Column(Float64Array);
  /** Reply targets, sparse (a few % of messages have one): arrival index and hash of the target id (as idHash). */
  readonly replyAt: number[] = [];
  readonly replyHash: number[] = [];
  /** hash53 of the normalised text (0 when none), for repeated-text spam and deduplication. */
  readonly textHash = new Column(Float64Array);
  /** Mentions by name, resolved at finalize: message (arrival index) and name. */
  readonly mentionMsg: number[] = [];
  readonly mentionName: string[] = [];

  /** scanText's result for the message being pushed (one object, reused). */
  private readonly scan: TextScan = { flags: 0, hash: 0, at: false };

  constructor(private readonly window: { since?: number; until?: number } = {}) {}

  group(info: GroupInfo, input: number): DraftGroup {
    const last = this.last;
    if (last !== null && last.info === info && last.input === input && last.name === info.name) return last.g;
    const g = this.groupSlow(info, input);
    this.last = { info, name: info.name, input, g };
    return g;
  }

  private groupSlow(info: GroupInfo, input: number): DraftGroup {
    const key = info.id;
    let idx = this.groupIndex.get(key);
    if (idx === undefined) {
      idx = this.groups.length;
      this.groupIndex.set(own(key), idx);
      this.groups.push({ index: idx, seed: hash53(key) % 0x100000000, info: { id: own(info.id), platform: info.platform, ...(info.name === undefined ? {} : { name: own(info.name) }), ...(info.personal ? { personal: true } : {}) }, hasMemberList: false, hasJoinEvents: false, identityNames: false, inputs: new Set() });
    }
    const g = this.groups[idx]!;
    g.inputs.add(input);
    // A chat export knows the platform and name better than a member list (platform "csv").
    if (info.name && (!g.info.name || g.info.name === g.info.id) && g.info.name !== info.name) g.info.name = own(info.name);
    if (g.info.platform === 'csv' && info.platform !== 'csv') g.info.platform = info.platform;
    if (info.personal) g.info.personal = true;
    return g;
  }

  member(g: DraftGroup, key: string, name: string | undefined): MemberRecord {
    // Looked up per message by a hash (a Map.get on a fresh string slice of the parser's chunk
    // costs several times more); the group's key map when the hash is new.
    const h = memberHash(key, 0, key.length, g.index);
    let s = this.byHash.find(h);
    if (s < 0) s = this.memberSlow(g, key, h);
    const m = this.members[this.byHash.index(s)]!;
    if (name && m.names[m.names.length - 1] !== name) this.rename(m, name, s);
    return m;
  }

  /**
   * member() with each of names[from, to) in turn, oldest first (a member absorbed from a part):
   * one lookup of the key for all its names. Returns the member's index: the record is read only
   * when a name differs from its latest (by hash, as memberAt compares), since reading each of
   * 100 k records is a cache miss each.
   */
  memberNamed(g: DraftGroup, key: string, names: readonly string[], from: number, to: number): number {
    const h = memberHash(key, 0, key.length, g.index);
    let s = this.byHash.find(h);
    if (s < 0) s = this.memberSlow(g, key, h);
    const idx = this.byHash.index(s);
    for (let i = from; i < to; i++) {
      const name = names[i]!;
      if (!name || hash53(name) === this.byHash.nameHash(s)) continue;
      const m = this.members[idx]!;
      if (m.names[m.names.length - 1] !== name) this.rename(m, name, s);
    }
    return idx;
  }

  /** `name` becomes m's latest name; `s`: m's slot in byHash. */
  private rename(m: MemberRecord, name: string, s: number): void {
    const at = m.names.indexOf(name);
    m.names.push(at >= 0 ? m.names.splice(at, 1)[0]! : own(name));
    this.byHash.setNameHash(s, hash53(name));
  }

  /**
   * member() with the key and name as ranges of `buf`: both compared by hash53 (collisions one in
   * 2^53, as for message ids), sliced only for a new member or a new name.
   */
  private memberAt(g: DraftGroup, r: MessageRow): number {
    const { buf, key0, key1 } = r;
    const h = memberHash(buf, key0, key1, g.index);
    let s = this.byHash.find(h);
    if (s < 0) {
      // A new member starts with the row's name: what rename() would do, without a look at its
      // (empty) names and a second hash of the name.
      if (r.name1 === r.name0) s = this.memberSlow(g, buf.slice(key0, key1), h);
      else s = this.memberSlow(g, buf.slice(key0, key1), h, buf.slice(r.name0, r.name1), hash53At(buf, r.name0, r.name1));
      return this.byHash.index(s);
    }
    const idx = this.byHash.index(s);
    // The member record is read only when the name changed (each read of it is a cache miss).
    if (r.name1 > r.name0 && hash53At(buf, r.name0, r.name1) !== this.byHash.nameHash(s)) {
      const m = this.members[idx]!, name = buf.slice(r.name0, r.name1);
      if (m.names[m.names.length - 1] !== name) this.rename(m, name, s);
    }
    return idx;
  }

  private groupOfRow(info: GroupInfo, input: number): DraftGroup {
    const last = this.last;
    if (last !== null && last.info === info && last.input === input && last.name === info.name) return last.g;
    let e = this.byInfo.get(info);
    if (e === undefined || e.input !== input || e.name !== info.name) {
      e = { info, name: info.name, input, g: this.groupSlow(info, input) };
      this.byInfo.set(info, e);
    }
    this.last = e;
    return e.g;
  }

  /** A message from a fast reader (see MessageRow): the same result as add() of its event. */
  addRow(info: GroupInfo, r: MessageRow, input: number): void {
    if (!this.inWindow(r.time)) return;
    const g = this.groupOfRow(info, input);
    const m = this.memberAt(g, r);
    if (r.fromSelf) this.selfMembers.add(m);
    const text = r.text, scan = this.scan;
    let flags = r.kind, th = 0;
    // The text is scanned where it lies in the reader's chunk (see scanTextAt).
    if (text !== undefined) { if (text) { flags |= this.scanText(text, 0, text.length); th = scan.hash; } }
    else if (r.text1 > r.text0) { flags |= this.scanText(r.buf, r.text0, r.text1); th = scan.hash; }
    this.push(r.time, m, flags, undefined, input,
      r.id1 > r.id0 ? memberHash(r.buf, r.id0, r.id1, g.seed) : NaN,
      r.reply1 > r.reply0 ? memberHash(r.buf, r.reply0, r.reply1, g.seed) : NaN, th);
  }

  /**
   * The FLAG bits of the text `buf.slice(from, to)` (non-empty), its hash left in this.scan.hash;
   * its mentions noted for the message about to be pushed.
   */
  private scanText(buf: string, from: number, to: number): number {
    const scan = this.scan;
    scanTextAt(buf, from, to, scan);
    const tf = scan.flags;
    let flags = 0;
    if (tf & TEXT_FLAGS.link) flags |= FLAG.link;
    if (tf & TEXT_FLAGS.ad) flags |= FLAG.ad;
    if (tf & TEXT_FLAGS.question) flags |= FLAG.question;
    if (tf & TEXT_FLAGS.short) flags |= FLAG.short;
    if (scan.at) for (const name of findMentions(buf.slice(from, to))) { this.mentionMsg.push(this.time.length); this.mentionName.push(own(name)); }
    return flags;
  }

  /** A message into the columns: `flags` its kind and text flags, `th` its text hash (0: none). */
  private push(time: number, sender: number, flags: number, mentions: string[] | undefined, input: number, idHash: number, replyHash: number, th: number): void {
    if (mentions) for (const name of mentions) { this.mentionMsg.push(this.time.length); this.mentionName.push(own(name)); }
    this.time.push(time);
    this.sender.push(sender);
    this.flags.push(flags);
    this.input.push(input);
    this.idHash.push(idHash);
    if (replyHash === replyHash) { this.replyAt.push(this.idHash.length - 1); this.replyHash.push(replyHash); }
    this.textHash.push(th);
  }

  /**
   * A new member: its hash `h` is not in byHash. `name`: its first name, of
   * hash53 `nameHash`, if any. Returns its slot in byHash.
   */
  private memberSlow(g: DraftGroup, key: string, h: number, name?: string, nameHash = NaN): number {
    const idx = this.members.length;
    key = own(key);
    this.members.push({
      index: idx, group: g.index, key, names: name === undefined ? [] : [own(name)], role: 'member', joinedAt: null, leftAt: null,
      invitedBy: null, inviterRaw: null, joinMethod: null, listed: false,
      firstMessageAt: null, lastMessageAt: null, messages: 0, spamMessages: 0, spammer: false,
    });
    this.roleSource.push(0);
    return this.byHash.add(h, idx, nameHash);
  }

  /** The member of group `group` keyed `key` (its builder index), or undefined; by the hash that
   *  reading looks members up by (collisions one in 2^53, as for message ids). */
  memberByKey(group: number, key: string): number | undefined {
    const s = this.byHash.find(memberHash(key, 0, key.length, group));
    return s < 0 ? undefined : this.byHash.index(s);
  }

  setRole(m: MemberRecord, role: Role | undefined, source: number): void {
    if (!role || this.roleSource[m.index]! > source) return;
    m.role = role;
    this.roleSource[m.index] = source;
  }

  private inWindow(t: number): boolean {
    return !(this.window.since !== undefined && t < this.window.since) && !(this.window.until !== undefined && t > this.window.until);
  }

  add(ev: IngestEvent, input: number): void {
    switch (ev.type) {
      case 'message': {
        if (!this.inWindow(ev.time)) return;
        const g = this.group(ev.group, input);
        const m = this.member(g, ev.senderId, ev.senderName);
        // An alias joins the names before the latest, which stays the one shown.
        if (ev.senderAlias && !m.names.includes(ev.senderAlias)) m.names.splice(Math.max(0, m.names.length - 1), 0, own(ev.senderAlias));
        this.setRole(m, ev.senderRole, ROLE_SOURCE.message);
        if (ev.fromSelf) this.selfMembers.add(m.index);
        const text = ev.text;
        const flags = (KIND_INDEX[ev.kind] ?? 0) | (text ? this.scanText(text, 0, text.length) : 0);
        this.push(ev.time, m.index, flags, ev.mentions, input,
          ev.id === undefined ? NaN : memberHash(ev.id, 0, ev.id.length, g.seed),
          ev.replyTo === undefined ? NaN : memberHash(ev.replyTo, 0, ev.replyTo.length, g.seed), text ? this.scan.hash : 0);
        return;
      }
      case 'member': {
        // A member list speaks of the future too: past --until (or --as-of) a join has not
        // happened yet and a leave has not either, as with messages and system lines.
        const until = this.window.until ?? Infinity;
        if (ev.joinedAt !== undefined && ev.joinedAt > until) return;
        const g = this.group(ev.group, input);
        g.hasMemberList = true;
        const m = this.member(g, ev.memberId, ev.name);
        m.listed = true;
        this.setRole(m, ev.role, ROLE_SOURCE.list);
        if (ev.joinedAt !== undefined) m.joinedAt = m.joinedAt === null ? ev.joinedAt : Math.min(m.joinedAt, ev.joinedAt);
        if (ev.leftAt !== undefined && ev.leftAt <= until) m.leftAt = Math.max(m.leftAt ?? 0, ev.leftAt);
        if (ev.invitedBy) this.pendingInviter.set(m.index, own(ev.invitedBy));
        if (ev.joinMethod) m.joinMethod = ev.joinMethod;
        return;
      }
      case 'membership': {
        if (!this.inWindow(ev.time)) return;
        const g = this.group(ev.group, input);
        g.hasJoinEvents = true;
        const m = this.member(g, ev.memberId, ev.memberName);
        this.memberships.push({
          group: g.index, time: ev.time, action: ev.action, member: m.index, by: ev.by === undefined ? null : own(ev.by),
          method: ev.method ?? (ev.action === 'join' && ev.by ? 'invite' : null), ...(ev.by !== undefined && ev.byName ? { byName: own(ev.byName) } : {}),
        });
        return;
      }
      case 'group': {
        const g = this.group(ev.group, input);
        for (const r of ev.roles ?? []) this.setRole(this.member(g, r.memberId, r.name), r.role, r.byAct ? ROLE_SOURCE.act : ROLE_SOURCE.meta);
        return;
      }
    }
  }

  /**
   * Room for `rows` more messages in every column, so they grow without doubling (each doubling
   * leaves the old array as garbage in the peak). Generous estimates cost little: pages of a
   * typed array that are never written are never resident.
   */
  reserve(rows: number): void {
    const n = this.time.length + Math.min(Math.max(0, Math.floor(rows)), MAX_RESERVE);
    for (const c of [this.time, this.sender, this.flags, this.input, this.idHash, this.textHash]) c.reserve(n);
  }

  /**
   * Writes the columns' room for `rows` more messages (within what reserve() set aside), so that
   * its pages are resident before the rows come: called while this thread waits for a worker's
   * part, it moves the part's page faults (~12 µs per 4 KB on some VMs: a part of 1 M messages
   * is ~8 k of them) out of the run's critical path. The values written are overwritten.
   */
  prefault(rows: number): void {
    for (const c of [this.time, this.sender, this.flags, this.input, this.idHash, this.textHash]) c.prefault(rows);
  }

  /** Mark groups whose adapter keys members by display name only. */
  markNamesOnly(groupId: string): void {
    const idx = this.groupIndex.get(groupId);
    if (idx !== undefined) this.groups[idx]!.identityNames = true;
  }

  /** Build the dataset. This consumes the builder: its message columns are released. */
  finish(zoneName: string): Dataset {
    return finalizeDataset(this, zoneName);
  }
}
