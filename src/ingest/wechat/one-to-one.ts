import { basename, dirname } from 'node:path';
import type { GroupInfo } from '../../core/model.js';

/** What WeChat writes when two people become friends: only a one-to-one chat holds it. */
const BEFRIENDED = /现在(?:我们)?可以开始聊天了|以上是打招呼的内容|accepted your friend request|Now let's chat!?$/;
/** 留痕's folder of a contact, `<remark>(wxid_…)`; a group's holds its `…@chatroom` id. */
const CONTACT_FOLDER = /\(wxid_[A-Za-z0-9_-]+\)$/;

/**
 * Tells a 留痕 CSV of a chat with one person from a group's: the file carries no chatroom id, so
 * by what only such a chat has — two voices at most, no group notice (joins, leaves, renames), and
 * WeChat's "now you can chat" of a new friendship or a contact's folder `<remark>(wxid_…)`. Found in
 * a public importer's test data (session 12): a batch export mixes friends in with the groups, and
 * each was reported as a two-member group.
 */
export class OneToOne {
  private readonly voices = new Map<GroupInfo, Set<string>>();
  private readonly grouplike = new Set<GroupInfo>();
  private readonly befriended = new Set<GroupInfo>();
  private readonly contactFolder: boolean;

  constructor(path: string) {
    this.contactFolder = CONTACT_FOLDER.test(basename(dirname(path)));
  }

  message(g: GroupInfo, sender: string, text: string): void {
    let v = this.voices.get(g);
    if (!v) this.voices.set(g, (v = new Set()));
    // A third voice settles it (a group): no more work per row on the hot path of a big export.
    if (v.size > 2) return;
    v.add(sender);
    if (BEFRIENDED.test(text)) this.befriended.add(g);
  }

  /** A system line: a group's notice (`membership`: a join, leave, removal or rename), or a friendship's. */
  notice(g: GroupInfo, text: string, membership: boolean): void {
    if (membership) this.grouplike.add(g);
    else if (BEFRIENDED.test(text)) this.befriended.add(g);
  }

  chats(groups: Iterable<GroupInfo>): GroupInfo[] {
    return [...groups].filter((g) => !this.grouplike.has(g) && (this.voices.get(g)?.size ?? 0) <= 2 && (this.befriended.has(g) || this.contactFolder));
  }
}
