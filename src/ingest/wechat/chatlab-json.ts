import { UserError } from '../../core/errors.js';
import type { IngestAdapter } from '../types.js';
import { isRecord, shape } from '../shape.js';
import { chatlabGroup, chatlabMessage, chatlabRoles } from './chatlab.js';
import { fileStem } from '../text/names.js';
import { firstLine, lines } from '../text/lines.js';
import { parseWholeJson } from '../text/whole.js';

/** ChatLab standard JSON (one document) and JSONL (a header line, member lines, message lines). */
const CAPS = {
  identity: 'ids', joins: true, replies: true,
  note: 'platform ids; replies by replyToMessageId; owner/admin roles from members; joins from system messages by display name',
} as const;

export const chatlabJson = {
  id: 'chatlab-json',
  title: 'ChatLab standard JSON (WeFlow, ChatLab; WeChat, QQ and others)',
  platform: 'wechat',
  capabilities: CAPS,
  kind: () => 'messages',
  detect(head) {
    const t = head.text.slice(0, 4096);
    if (!/^\s*\{/.test(t) || firstLine(t).includes('"_type"')) return 0;
    return /"chatlab"\s*:\s*\{/.test(t) ? 0.95 : 0;
  },
  async *read(source, ctx) {
    const doc = shape(await parseWholeJson(source), { meta: 'present', members: 'array', messages: 'array' });
    if (!doc?.messages) throw new UserError('no "messages" array', { file: ctx.path, code: 'bad-json', zh: '没有 "messages" 数组' });
    const group = chatlabGroup(doc.meta, fileStem(source.fileName));
    yield* chatlabRoles(group, doc.members ?? []);
    let index = 0;
    for (const m of doc.messages) yield* chatlabMessage(m, group, ctx, { index: ++index });
  },
} satisfies IngestAdapter;

export const chatlabJsonl = {
  id: 'chatlab-jsonl',
  title: 'ChatLab standard JSONL (large exports, one record per line)',
  platform: 'wechat',
  capabilities: CAPS,
  kind: () => 'messages',
  detect(head) {
    const first = firstLine(head.text);
    return /"_type"\s*:\s*"header"/.test(first) && first.includes('"chatlab"') ? 0.97 : 0;
  },
  async *read(source, ctx) {
    let group = chatlabGroup({}, fileStem(source.fileName));
    const members: unknown[] = [];
    let rolesDone = false;
    let lineNo = 0;
    for await (const line of lines(source)) {
      lineNo++;
      const t = line.trim();
      if (t === '' || t.startsWith('#')) continue;
      let rec: unknown;
      try { rec = JSON.parse(t) as unknown; } catch {
        ctx.reportIssue({ line: lineNo, reason: 'not valid JSON', code: 'bad-json-line' });
        continue;
      }
      if (!isRecord(rec)) { ctx.reportIssue({ line: lineNo, reason: 'not a JSON object', code: 'bad-row' }); continue; }
      if (rec._type === 'header') { group = chatlabGroup(rec.meta, group.id); continue; }
      if (rec._type === 'member') { members.push(rec); continue; }
      if (rec._type !== 'message') { ctx.reportIssue({ line: lineNo, reason: `unknown record type "${shown(rec._type)}"`, code: 'bad-row' }); continue; }
      // Member lines come before messages: their roles are known by the first message.
      if (!rolesDone) { rolesDone = true; yield* chatlabRoles(group, members); }
      yield* chatlabMessage(rec, group, ctx, { line: lineNo });
    }
    if (!rolesDone) yield* chatlabRoles(group, members);
  },
} satisfies IngestAdapter;

/** A value of the file, for a message: a string as it is, anything else as JSON; cut short.
 *  (String() throws on an object such as {"toString": false}, which a line may well hold.) */
function shown(v: unknown): string {
  return (typeof v === 'string' ? v : JSON.stringify(v) ?? String(v)).slice(0, 40);
}
