/**
 * The simulation as qq-chat-exporter (QCE) writes a QQ NT group: what the files say (the gray tips
 * in QQ NT's wording, no leave tips, removals as "群聊更新", recalls under their sender) and that
 * the reader gets every join back with its inviter, by QQ number.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/run.js';
import { exportSimulation } from '../../src/sim/export/index.js';
import { simulate } from '../../src/sim/simulate.js';
import { detectedAs } from '../helpers/read.js';

const result = simulate({ seed: 7, specs: [{ kind: 'growth', size: 60, platform: 'qq' }, { kind: 'sudden-decline', size: 40, platform: 'wechat' }] });
const dir = mkdtempSync(join(tmpdir(), 'ca-qce-sim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const out = exportSimulation(result, 'qq-qce-json', dir);

type Msg = { sender: { uin?: string; name: string }; content: { text: string; elements: { type: string; data: { originalData?: { xmlElement?: { xmlStr: string } } } }[] }; system: boolean; recalled: boolean };
const files = out.files.map((f) => ({ name: basename(f), doc: JSON.parse(readFileSync(f, 'utf8')) as { metadata: { name: string }; chatInfo: { type: string; selfUin: string }; messages: Msg[] } }));
const tips = files.flatMap((f) => f.doc.messages.filter((m) => m.system));
const canon = (re: RegExp) => result.messages.filter((r) => r.type === 'system' && re.test(r.text)).length;

describe('simulation → QCE JSON', () => {
  it('one group file per group, named as QCE names them, read as qq-qce-json', async () => {
    expect(files.map((f) => f.name)).toEqual(out.files.map(() => expect.stringMatching(/^group_\d{9}_\d{8}_\d{6}\.json$/)));
    for (const f of out.files) expect(await detectedAs(f)).toBe('qq-qce-json');
    for (const f of files) expect([f.doc.metadata.name.startsWith('QQChatExporter V6'), f.doc.chatInfo.type]).toEqual([true, 'group']);
  });

  it('gray tips in QQ NT\'s wording: invitations (the exporter\'s as 你, some with history as XML), QR codes, no leaves', () => {
    const texts = tips.filter((m) => !m.recalled).map((m) => m.content.text);
    const count = (re: RegExp) => texts.filter((t) => re.test(t)).length;
    expect(texts.filter((t) => !/^(你邀请.+加入了群聊|.+邀请.+加入了群聊(，并附带了\d+条聊天记录。)?|.+通过(你的|.+分享的)二维码加入了群聊|.+加入了群聊|群聊更新)$/.test(t))).toEqual([]);
    expect(count(/^你邀请/)).toBeGreaterThan(0);
    expect(count(/并附带了\d+条聊天记录。$/)).toBeGreaterThan(0);
    expect(count(/二维码加入了群聊$/)).toBe(canon(/二维码/));
    expect(count(/^群聊更新$/)).toBe(canon(/移出了群聊/));
    expect(count(/退出/)).toBe(0);
    // The XML of a history invitation pairs each uid with a QQ number.
    const xml = tips.flatMap((m) => m.content.elements.map((e) => e.data.originalData?.xmlElement?.xmlStr ?? '')).filter(Boolean);
    expect(xml.every((x) => /^<gtip align="center"><qq uin="u_\w+" col="3" jp="\d+" \/>/.test(x))).toBe(true);
    // A recall stays under the sender of the recalled message.
    const recalls = tips.filter((m) => m.recalled);
    expect(recalls.length).toBe(result.messages.filter((r) => r.type === 'recall').length);
    expect(recalls.every((m) => m.sender.uin !== undefined && m.content.text === `${m.sender.name} 撤回了一条消息`)).toBe(true);
  });

  it('reads back every join with its inviter by QQ number, and the removals as wordless tips', async () => {
    const { dataset, issues } = await ingest({ inputs: [dir], timeZone: result.truth.timeZone, now: Date.UTC(2030, 0, 1) });
    const joins = dataset.groups.flatMap((g) => g.events.filter((e) => e.action === 'join'));
    const invited = result.members.filter((m) => m.role !== 'owner' && m.invited_by !== '').length;
    expect(joins.length).toBe(result.members.filter((m) => m.role !== 'owner').length);
    const inviters = joins.flatMap((e) => (e.by === null ? [] : [dataset.members[e.by]!]));
    expect(inviters.length).toBe(invited);
    // By QQ number wherever the export shows it (the inviter wrote, or an XML tip paired it);
    // an inviter who never wrote and is named only by nickname stays a name.
    expect(inviters.filter((m) => /^\d+$/.test(m.key)).length).toBeGreaterThan(invited / 2);
    expect(inviters.filter((m) => !/^\d+$/.test(m.key)).every((m) => m.messages === 0)).toBe(true);
    expect(dataset.groups.flatMap((g) => g.events).filter((e) => e.action !== 'join')).toEqual([]);
    // One note per file whose removals say nothing.
    const withRemovals = files.filter((f) => f.doc.messages.some((m) => m.content.text === '群聊更新')).length;
    expect(withRemovals).toBeGreaterThan(0);
    expect(issues.map((i) => i.code)).toEqual(Array<string>(withRemovals).fill('unrecognised-system-lines'));
  });
});
