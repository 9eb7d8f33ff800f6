import type { IngestEvent } from '../../core/model.js';
import { SELF } from '../notices/facts.js';
import type { QceSender } from './qce-message.js';

/** The exporting user as chatInfo names them (selfUin, selfUid, selfName; V5 and later). */
export interface QceSelf { selfUin?: string; selfUid?: string; selfName?: string }

/**
 * Who is who in one chat of a QCE export. Messages key their sender by QQ number (else uid, else
 * name); gray tips name people by whatever name QQ showed (nickname or group card) and, from V6,
 * by uid. Every name and uid a sender shows is noted here, so that membership events, held until
 * the chat ends (they are few), are keyed like the messages of the same person.
 */
export class QcePeople {
  /** uid → member key (the QQ number where a message showed both). */
  private readonly uids = new Map<string, string>();
  /** Display name → member key, or null when two members went by it. */
  private readonly names = new Map<string, string | null>();
  readonly selfKey: string;
  readonly selfName: string;

  constructor(self: QceSelf, me: readonly string[] | undefined) {
    // "你" in a tip is the exporter: chatInfo says who that is; else --me, else a member "我".
    this.selfKey = self.selfUin ?? self.selfUid ?? me?.[0] ?? '我';
    this.selfName = self.selfName ?? me?.[0] ?? this.selfKey;
    if (self.selfUid !== undefined && self.selfUin !== undefined) this.uids.set(self.selfUid, self.selfUin);
  }

  /** The key a sender's messages carry; its uid and names noted for later tips. */
  note(s: QceSender): string | undefined {
    // A QQ number of "0" is none (some messages of a member carry it, others the real one): the
    // uid's number from an earlier message keeps them one member.
    const uin = s.uin !== undefined && s.uin !== '0' ? s.uin : undefined;
    const key = uin ?? (s.uid === undefined ? undefined : this.uids.get(s.uid)) ?? s.uid ?? s.name;
    if (key === undefined) return undefined;
    if (s.uid !== undefined && uin !== undefined) this.uids.set(s.uid, uin);
    for (const n of s.names) this.name(n, key);
    return key;
  }

  /** Someone a tip's XML names with uid and QQ number (`name`: as the tip shows them, if known):
   *  people who never write are keyed by QQ number like those who do. */
  learn(uid: string, uin: string, name?: string): void {
    this.uids.set(uid, uin);
    if (name !== undefined) this.name(name, uin);
  }

  private name(n: string, key: string): void {
    const had = this.names.get(n);
    if (had === undefined) this.names.set(n, key);
    else if (had !== null && had !== key) this.names.set(n, null);
  }

  /** The key of a uid, where a message or tip showed its QQ number. */
  byUid(uid: string): string | undefined {
    return this.uids.get(uid);
  }

  /** The key of someone a tip names: the exporter for "你", else by the tip's uid, else by a name
   *  exactly one member went by; else the name itself (the dataset may still match it). */
  resolve(name: string, tipUids?: ReadonlyMap<string, string>): string {
    if (name === SELF) return this.selfKey;
    const uid = tipUids?.get(name);
    const byUid = uid === undefined ? undefined : this.uids.get(uid) ?? uid;
    return byUid ?? this.names.get(name) ?? name;
  }

  /** A membership or recall event of a tip, with names turned into keys (see resolve). */
  keyed(ev: IngestEvent, tipUids?: ReadonlyMap<string, string>): IngestEvent {
    const shown = (n: string) => (n === SELF ? this.selfName : n);
    if (ev.type === 'membership') {
      const out = { ...ev, memberId: this.resolve(ev.memberId, tipUids), memberName: shown(ev.memberName ?? ev.memberId) };
      if (ev.by !== undefined) out.by = this.resolve(ev.by, tipUids);
      return out;
    }
    if (ev.type === 'message') return { ...ev, senderId: this.resolve(ev.senderId, tipUids), senderName: shown(ev.senderName ?? ev.senderId) };
    if (ev.type === 'group' && ev.roles) return { ...ev, roles: ev.roles.map((r) => ({ ...r, memberId: this.resolve(r.memberId, tipUids), name: shown(r.name ?? r.memberId) })) };
    return ev;
  }
}
