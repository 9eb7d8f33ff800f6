import { describe, expect, it } from 'vitest';
import { parseSystemLine } from '../../src/ingest/wechat/system.js';
import { SELF } from '../../src/ingest/notices/facts.js';
import { systemText } from '../../src/ingest/wechat/xml.js';

describe('WeChat system lines', () => {
  it.each([
    ['"张三"邀请"李四"、"王五"加入了群聊', { kind: 'join', members: ['李四', '王五'], by: '张三', method: 'invite' }],
    ['张三邀请李四、王五加入了群聊', { kind: 'join', members: ['李四', '王五'], by: '张三', method: 'invite' }],
    ['"张三"邀请"李四"和"王五"加入了群聊', { kind: 'join', members: ['李四', '王五'], by: '张三', method: 'invite' }],
    ['"张三"邀请"李四"、"王五"和"赵六"加入了群聊', { kind: 'join', members: ['李四', '王五', '赵六'], by: '张三', method: 'invite' }],
    ['"张三"邀请"和平"加入了群聊', { kind: 'join', members: ['和平'], by: '张三', method: 'invite' }],
    ['你邀请"李四"加入了群聊  $revoke$', { kind: 'join', members: ['李四'], by: SELF, method: 'invite' }],
    ['"张三"邀请你加入了群聊，群聊参与人还有：李四、王五', { kind: 'join', members: [SELF], by: '张三', method: 'invite' }],
    ['"张三"邀请你和"李四"加入了群聊', { kind: 'join', members: [SELF, '李四'], by: '张三', method: 'invite' }],
    ['" 李四"通过扫描"张三"分享的二维码加入群聊', { kind: 'join', members: ['李四'], by: '张三', method: 'qr' }],
    ['"李四"通过扫描你分享的二维码加入群聊', { kind: 'join', members: ['李四'], by: SELF, method: 'qr' }],
    ['"李四"通过扫描二维码加入群聊', { kind: 'join', members: ['李四'], by: undefined, method: 'qr' }],
    ['"张三"将"李四"移出了群聊', { kind: 'remove', members: ['李四'], by: '张三' }],
    ['你将"李四"、"王五"移出了群聊', { kind: 'remove', members: ['李四', '王五'], by: SELF }],
    ['你被"张三"移出群聊', { kind: 'remove', members: [SELF], by: '张三' }],
    ['"李四"退出了群聊', { kind: 'leave', member: '李四' }],
    ['"张三"修改群名为“产品交流群”', { kind: 'rename', name: '产品交流群', by: '张三' }],
    ['"张三" 撤回了一条消息', { kind: 'recall', member: '张三' }],
    ['你撤回了一条消息', { kind: 'recall', member: SELF }],
    ['"Alice" invited "Bob", "Carol" to the group chat', { kind: 'join', members: ['Bob', 'Carol'], by: 'Alice', method: 'invite' }],
    ['Alice invited Bob and Carol to the group chat', { kind: 'join', members: ['Bob', 'Carol'], by: 'Alice', method: 'invite' }],
    ['You invited "Bob" to the group chat', { kind: 'join', members: ['Bob'], by: SELF, method: 'invite' }],
    ['"Bob" joined the group chat via the QR Code shared by "Alice"', { kind: 'join', members: ['Bob'], by: 'Alice', method: 'qr' }],
    ['" Bob" joined group chat via the QR code you shared', { kind: 'join', members: ['Bob'], by: SELF, method: 'qr' }],
    ['"Alice" removed "Bob" from the group chat', { kind: 'remove', members: ['Bob'], by: 'Alice' }],
    ['You were removed from the group chat by "Alice"', { kind: 'remove', members: [SELF], by: 'Alice' }],
    ['"Alice" changed the group name to "Makers"', { kind: 'rename', name: 'Makers', by: 'Alice' }],
    ['"Bob" recalled a message', { kind: 'recall', member: 'Bob' }],
  ])('%s', (line, fact) => {
    expect(parseSystemLine(line)).toEqual(fact);
  });

  it('ignores notices that say nothing about members', () => {
    expect(parseSystemLine('"李四"与群里其他人都不是朋友关系，请注意隐私安全')).toBeNull();
    expect(parseSystemLine('"张三" 拍了拍 "李四"')).toBeNull();
  });

  it('reads the XML forms: recall, template invite, WeChatMsg own-recall link', () => {
    expect(systemText('<sysmsg type="revokemsg"><revokemsg><replacemsg><![CDATA["E" 撤回了一条消息]]></replacemsg></revokemsg></sysmsg>')).toBe('"E" 撤回了一条消息');
    const tmpl = '<sysmsg type="sysmsgtemplate"><template><![CDATA["$username$"邀请"$names$"加入了群聊]]></template><link_list>'
      + '<link name="username"><memberlist><member><nickname>A</nickname></member></memberlist></link>'
      + '<link name="names"><memberlist><member><nickname>B</nickname></member><member><nickname>C</nickname></member></memberlist></link></link_list></sysmsg>';
    expect(parseSystemLine(systemText(tmpl))).toEqual({ kind: 'join', members: ['B', 'C'], by: 'A', method: 'invite' });
    expect(systemText('你撤回了一条消息 <a href="weixin://revoke_edit_click">重新编辑</a>')).toBe('你撤回了一条消息');
  });

  it('keeps a quote that ends a name: only the enclosing pair is removed', () => {
    expect(parseSystemLine('"老"K""邀请"小王"加入了群聊')).toEqual({ kind: 'join', members: ['小王'], by: '老"K"', method: 'invite' });
    expect(parseSystemLine('"阿杰"邀请"老"K""、"小王"加入了群聊')).toEqual({ kind: 'join', members: ['老"K"', '小王'], by: '阿杰', method: 'invite' });
    expect(parseSystemLine('"老"K""退出了群聊')).toEqual({ kind: 'leave', member: '老"K"' });
  });
});
