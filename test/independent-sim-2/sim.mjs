#!/usr/bin/env node
// Independent simulator of Chinese WeChat/QQ operator groups with planted truth.
// Usage: node sim.mjs OUTDIR [--seed N] [--asof YYYY-MM-DD]
// Writes OUTDIR/data/messages.csv, OUTDIR/data/members.csv, OUTDIR/truth.json.
// No dependencies; deterministic from --seed. Written without reading the tool's source.
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const outDir = args[0];
if (!outDir || outDir.startsWith('--')) { console.error('usage: sim.mjs OUTDIR [--seed N] [--asof YYYY-MM-DD]'); process.exit(2); }
const opt = (k, d) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : d; };
const SEED = Number(opt('--seed', '1'));
// default as-of per seed: seed 2 lands two weeks after Chinese New Year (the CNY trap)
const ASOF_DATE = opt('--asof', { 1: '2025-03-15', 2: '2025-02-20', 3: '2025-06-30' }[SEED] ?? '2025-03-15');

// ---------- random ----------
function mulberry32(a) { return () => { a |= 0; a = (a + 0x6D2B79F5) | 0; let t = Math.imul(a ^ (a >>> 15), 1 | a); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; }
const rnd = mulberry32(SEED * 7919 + 17);
const U = (a, b) => a + (b - a) * rnd();
const I = (a, b) => Math.floor(U(a, b + 1));
const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
const chance = (p) => rnd() < p;
function poisson(l) { if (l <= 0) return 0; if (l > 40) return Math.max(0, Math.round(l + Math.sqrt(l) * gauss())); let L = Math.exp(-l), k = 0, p = 1; do { k++; p *= rnd(); } while (p > L); return k - 1; }
function gauss() { return Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd()); }
function expo(mean) { return -mean * Math.log(1 - rnd()); }
function wpick(items, w) { let s = 0; for (const x of w) s += x; let r = rnd() * s; for (let i = 0; i < items.length; i++) { r -= w[i]; if (r <= 0) return items[i]; } return items[items.length - 1]; }

// ---------- time (Asia/Shanghai = UTC+8, no DST) ----------
const DAY = 86400e3, TZ = 8 * 3600e3;
const [ay, am, ad] = ASOF_DATE.split('-').map(Number);
const ASOF = Date.UTC(ay, am - 1, ad) - TZ; // local midnight at the start of ASOF_DATE
const dayStart = (d) => ASOF + d * DAY; // d <= -1: days before as-of
const localDow = (d) => new Date(ASOF + d * DAY + TZ).getUTCDay(); // 0 = Sunday
const isoLocal = (t) => { const x = new Date(t + TZ); return x.toISOString().slice(0, 19) + '+08:00'; };
const dateLocal = (t) => new Date(t + TZ).toISOString().slice(0, 10);
const dayOf = (dateStr) => { const [y, m, dd] = dateStr.split('-').map(Number); return Math.round((Date.UTC(y, m - 1, dd) - TZ - ASOF) / DAY); };
// Chinese New Year 2025: 除夕 Jan 28, 初一 Jan 29. Greetings burst on 除夕/初一, near silence 初二–初八.
const CNY_EVE = dayOf('2025-01-28');
function cnyFactor(d) { if (d === CNY_EVE || d === CNY_EVE + 1) return 1.8; if (d >= CNY_EVE + 2 && d <= CNY_EVE + 8) return 0.15; if (d >= CNY_EVE - 5 && d < CNY_EVE) return 0.6; return 1; }

// ---------- hour profiles (member activity), weekday vs weekend ----------
const H = (pairs, base = 0.05) => { const a = new Array(24).fill(base); for (const [h, w] of pairs) a[h] = w; return a; };
const PROFILES = {
  office: { wd: H([[7, .3], [8, .5], [9, .4], [10, .3], [11, .3], [12, 1.0], [13, .8], [14, .2], [15, .2], [16, .2], [17, .3], [18, .5], [19, .9], [20, 1.6], [21, 2.0], [22, 1.2], [23, .4]]),
            we: H([[8, .6], [9, 1.3], [10, 1.5], [11, 1.1], [12, .6], [13, .4], [14, .5], [15, .6], [16, .6], [17, .4], [18, .4], [19, .6], [20, .9], [21, 1.0], [22, .7], [23, .3]]) },
  nightowl: { wd: H([[0, 1.0], [1, .5], [12, .5], [13, .3], [18, .3], [19, .5], [20, .8], [21, 1.3], [22, 2.2], [23, 2.4]], 0.08),
              we: H([[0, 1.2], [1, .8], [11, .5], [12, .6], [13, .8], [14, 1.2], [15, 1.3], [16, 1.2], [17, .8], [20, 1.0], [21, 1.3], [22, 1.6], [23, 1.6]], 0.1) },
  parents: { wd: H([[7, .4], [8, .9], [9, 2.0], [10, 1.6], [11, .6], [12, .4], [13, 1.0], [14, .8], [15, .4], [16, .3], [17, .2], [18, .2], [19, .3], [20, .8], [21, 1.2], [22, .6]]),
             we: H([[8, .4], [9, .6], [10, .7], [11, .5], [14, .5], [15, .5], [16, .4], [20, .9], [21, 1.0], [22, .5]]) },
  course: { wd: H([[8, .3], [12, .5], [13, .3], [18, .4], [19, 1.0], [20, 2.6], [21, 2.2], [22, .9], [23, .3]]),
            we: H([[9, .8], [10, 1.5], [11, 1.2], [14, .6], [15, .6], [16, .5], [20, .7], [21, .6]]) },
};
const DOW_W = { office: [1.3, 1, 1, 1, 1, 0.9, 1.3], nightowl: [1.2, 0.9, 0.9, 0.9, 1, 1.2, 1.3], parents: [0.6, 1.1, 1.1, 1.1, 1.1, 1.0, 0.6], course: [0.7, 1.1, 1.1, 1.1, 1.1, 0.9, 0.7] };
function hourW(profile, dow) { const p = PROFILES[profile]; return dow === 0 || dow === 6 ? p.we : p.wd; }
function normalise(a) { const s = a.reduce((x, y) => x + y, 0); return a.map((x) => x / s); }

// ---------- names, ids, texts ----------
const SUR = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIV = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英文辉力婷雪琳晨阳佳怡欣宇浩然子轩梓涵一诺雨萱思远博文俊杰晓东小红小明'.split('');
const NICK = ['阳光', '小鱼儿', '快乐每一天', '静待花开', '追梦人', '晴天', '岁月静好', '老顽童', '木子', '大橙子', '宝妈', '小太阳', '风清扬', '云淡风轻', '向日葵', '橘子汽水', '夏天', '平安是福', '知足常乐', '海阔天空', 'Amy', 'Tony', 'Kevin', 'Lily', 'Jason', '奔跑的蜗牛', '小白兔', '糖糖', '一一', '阿杰'];
const usedIds = new Set();
function newId() { let id; do { id = 'wxid_' + Math.floor(rnd() * 36 ** 10).toString(36).padStart(10, '0'); } while (usedIds.has(id)); usedIds.add(id); return id; }
function newName() { const r = rnd(); if (r < 0.45) return pick(SUR) + pick(GIV) + (chance(0.5) ? pick(GIV) : ''); if (r < 0.8) return pick(NICK) + (chance(0.4) ? I(1, 99) : ''); return pick(SUR) + pick(['老师', '姐', '哥', '总', '妈妈']); }
const T = {
  chat: ['今天天气不错', '有人去过吗', '哈哈哈哈', '这个我也遇到过', '同意', '有道理', '晚上吃什么', '刚下班', '周末有活动吗', '分享一个链接', '这个好用吗', '我觉得还行', '真的假的', '太真实了', '学到了', '求推荐', '有没有人一起', '明天见', '笑死', '[捂脸]'],
  answer: ['可以的', '我用过，还不错', '试试重启', '在群文件里', '对的', '不是这样的', '我来说一下', '同问', '好的谢谢', '收到', '明白了', '+1'],
  hello: ['大家好，我是新来的', '新人报到', '大家好~', '谢谢邀请'],
  welcome: ['欢迎欢迎', '欢迎新朋友', '欢迎~'],
  promo: ['今日特价：新鲜草莓 19.9 一盒，群内下单', '【今日上新】车厘子到货，接龙下单', '秒杀活动 20:00 开始，限量 50 份', '会员日全场 8 折，私聊下单', '今日团购链接已更新，点击查看', '早安！今天的优惠券已发放'],
  course: ['今晚 8 点直播课，请准时参加', '今日作业已发布，请在群内打卡', '课程回放已上传', '明天讲第{n}章，请提前预习', '本周作业提交截止周日晚 10 点'],
  checkin: ['打卡', '已完成今日作业', '第{n}天打卡', '作业已提交', '老师好，今天的作业交了'],
  nextcourse: ['下期课程火热报名中，老学员 8 折', '新课上线，扫码了解', '限时优惠：进阶班报名', '训练营第{n}期开营啦，欢迎推荐朋友'],
  announce: ['群公告：请大家遵守群规，禁止发广告', '本周六线下活动报名，接龙', '欢迎大家多多分享', '下周的主题是什么，大家提提建议'],
  ad: ['兼职日赚 300，加 V：{v}', '低价代购，微信 {v}', '免费领取资料，加我微信 {v}', '推广引流，有意私聊 {v}', '点击链接领取红包 http://t.cn/{v}'],
  bot: ['【每日提醒】记得打卡哦', '早安！今日天气：晴', '【机器人】今日签到已开启', '欢迎新成员入群，请阅读群公告'],
  cny: ['新年快乐！', '恭喜发财，红包拿来', '给大家拜年了', '蛇年大吉', '[红包]'],
  revive: ['好久不见！', '群又活了', '新一期活动开始了', '大家还在吗'],
};
const fill = (s) => s.replace('{n}', I(2, 30)).replace('{v}', Math.floor(rnd() * 1e8).toString(36));

// ---------- archetypes ----------
// Each returns a plan. Day indices are relative to as-of (negative = past). c = creation day.
// conv(d): expected spontaneous member conversations that day; staff(d): staff posts/day;
// prompt(d): expected member answers per staff post; joins(d): expected joins that day.
function plan(kind, i) {
  const P = { kind, profile: 'office', bot: null, spam: 0, seeds: 0, spreaders: 0, spreaderW: 30, leaveHaz: 0.0008,
    convLen: 4, lurk: 0.45, memberList: true, exportFrom: null, ambiguous: [], truth: {}, unlabelledBot: false, burster: false, leaver: false,
    staff: () => 0.2, prompt: () => 0.5, staffHours: null, joins: () => 0, inviteShare: 0.7, admins: 1 };
  const T0 = P.truth;
  switch (kind) {
    case 'course-inception': { // course cohort started < 30 days ago, bulk-invited by the assistant
      const c = -I(6, 24); Object.assign(P, { c, n0: I(40, 120), profile: 'course', admins: 2, convLen: 3, lurk: 0.3,
        conv: (d) => (d - c < 42 ? 5 : 0), staff: (d) => (d - c < 42 ? 2 : 0), prompt: () => 3, staffHours: [20, 21], name: `Python训练营第${I(3, 20)}期`, seeds: 2 });
      Object.assign(T0, { phase: 'inception', since: c, sinceTol: 7 }); P.ambiguous.push('selfDrive', 'seeds');
      break; }
    case 'course-running': { // course started 31–40 days ago, still running (6 weeks)
      const c = -I(31, 40); Object.assign(P, { c, n0: I(40, 120), profile: 'course', admins: 2, convLen: 3, lurk: 0.3,
        conv: (d) => (d - c < 42 ? 5 : 0.1), staff: (d) => (d - c < 42 ? 2 : 0), prompt: () => 3, staffHours: [20, 21], name: `写作营${I(3, 20)}期`, seeds: 2 });
      Object.assign(T0, { phase: 'maturity', since: c + 28, sinceTol: 14 }); P.ambiguous.push('selfDrive', 'phase'); // inception vs maturity at ~day 30-40
      break; }
    case 'course-fading': { // course ended 10–20 days ago; a few people still chat
      const len = 42, c = -len - I(10, 20); Object.assign(P, { c, n0: I(50, 150), profile: 'course', admins: 2, convLen: 3, lurk: 0.3,
        conv: (d) => (d - c < len ? 4 : 0.35 * Math.exp(-(d - c - len) / 12) + 0.12), staff: (d) => (d - c < len ? 2 : 0.1), prompt: (d) => (d - c < len ? 3 : 0.2), staffHours: [20, 21], name: `英语打卡营${I(3, 20)}期`, seeds: 2 });
      Object.assign(T0, { phase: 'decline', since: c + len, sinceTol: 14 }); P.ambiguous.push('selfDrive');
      break; }
    case 'course-dead': case 'course-zombie': { // course ended long ago; zombie: assistant keeps advertising the next course
      const len = 42, end = -I(60, 160), c = end - len, lastMember = end + I(3, 12), zombie = kind === 'course-zombie';
      Object.assign(P, { c, n0: I(50, 150), profile: 'course', admins: 2, convLen: 3, lurk: 0.3,
        conv: (d) => (d - c < len ? 4 : d < lastMember ? 0.4 : 0), staff: (d) => (d - c < len ? 2 : zombie ? 0.5 : 0), prompt: (d) => (d - c < len ? 3 : 0),
        staffHours: [20, 21], staffText: (d) => (d - c < len ? 'course' : 'nextcourse'), name: `${pick(['Excel', 'PS', '理财', '减脂'])}训练营${I(3, 20)}期`, seeds: 2, bot: zombie ? { daily: true } : null });
      Object.assign(T0, { phase: 'decline', since: end, sinceTol: 14, dead: true, zombie, lastMemberDay: lastMember, sinceKind: 'death' });
      break; }
    case 'shop': { // customer group: the owner posts promotions every day, members barely talk
      const c = -I(150, 300); Object.assign(P, { c, n0: I(30, 80), profile: 'parents', admins: 0, convLen: 2.5, lurk: 0.75, inviteShare: 0.1,
        joins: (d) => (d - c < 60 ? 2.5 : 0.25), leaveHaz: 0.0012, conv: () => 0.15, staff: () => 3, prompt: () => 0.6, staffHours: [9, 12, 20], staffText: () => 'promo', name: `${pick(['鲜果铺', '优选生活', '社区团购', '母婴好物'])}${I(1, 9)}群` });
      Object.assign(T0, { phase: 'maturity', since: c + 60, sinceTol: 28, lacking: true, receptive: 'model' });
      break; }
    case 'shop-zombie': { // members went silent > 30 days ago, owner and a bot keep posting
      const c = -I(150, 300), lastMember = -I(36, 90); Object.assign(P, { c, n0: I(30, 80), profile: 'parents', admins: 0, convLen: 2.5, lurk: 0.75, inviteShare: 0.1,
        joins: (d) => (d - c < 60 ? 2 : d < lastMember ? 0.2 : 0), leaveHaz: 0.0015, conv: (d) => (d < lastMember - 40 ? 0.3 : d < lastMember ? 0.1 : 0), staff: () => 3, prompt: (d) => (d < lastMember - 40 ? 0.5 : d < lastMember ? 0.15 : 0),
        staffHours: [9, 12, 20], staffText: () => 'promo', bot: chance(0.5) ? { daily: true } : null, name: `${pick(['特价好物', '精品水果', '美妆福利'])}${I(1, 9)}群` });
      Object.assign(T0, { phase: 'decline', since: lastMember - 40, sinceTol: 28, dead: true, zombie: true, lacking: true, lastMemberDay: lastMember, sinceKind: 'death' });
      P.ambiguous.push('since');
      break; }
    case 'shop-growing': { // a new store's group filling by QR code; owner-driven
      const c = -I(45, 70); Object.assign(P, { c, n0: I(10, 20), profile: 'parents', admins: 0, convLen: 2.5, lurk: 0.75, inviteShare: 0.1,
        joins: () => U(3, 6), conv: () => 0.2, staff: () => 3, prompt: () => 0.6, staffHours: [9, 12, 20], staffText: () => 'promo', name: `新店开业福利${I(1, 9)}群` });
      Object.assign(T0, { phase: 'growth', since: c + 25, sinceTol: 14, lacking: true }); P.ambiguous.push('since');
      break; }
    case 'fission-growth': { // interest group growing by invitation chains; planted spreaders
      const c = -I(45, 100); const late = chance(0.4);
      Object.assign(P, { c, n0: I(8, 15), profile: pick(['office', 'nightowl']), admins: 1, convLen: 5, lurk: 0.5, inviteShare: 0.9, spreaders: I(1, 3), spreaderW: 40,
        joins: (d) => late ? 6 * Math.exp(-(d - c) / 45) + 0.8 : U(3, 7), conv: (d) => Math.min(6, 1 + (d - c) / 8), staff: () => 0.3, prompt: () => 1,
        name: `${pick(['徒步', '读书会', '摄影', '跑步', '桌游', '露营', '咖啡'])}爱好者${I(1, 9)}群`, seeds: 3, burster: true, spam: 1 });
      Object.assign(T0, { phase: 'growth', since: c + 25, sinceTol: 14, lacking: false, receptive: 'model', lateGrowth: late });
      P.ambiguous.push('lateGrowth');
      break; }
    case 'fission-matured': { // grew by invitations months ago, roster flat since
      const c = -I(200, 320), g = I(70, 110);
      Object.assign(P, { c, n0: I(8, 15), profile: pick(['office', 'nightowl']), admins: 1, convLen: 5, lurk: 0.5, inviteShare: 0.9, spreaders: I(1, 3), spreaderW: 40,
        joins: (d) => (d - c < g ? 4 : 0.12), leaveHaz: 0.0006, conv: (d) => Math.min(3.5, 1 + (d - c) / 10), staff: () => 0.3, prompt: () => 1,
        name: `${pick(['宝妈交流', '户外', '钓鱼', '吉他', '编程'])}${I(1, 9)}群`, seeds: 3, burster: true, leaver: true, spam: 1, bot: { daily: false, welcome: true } });
      Object.assign(T0, { phase: 'maturity', since: c + g, sinceTol: 28, lacking: false, receptive: 'model' });
      break; }
    case 'die-week': { // created, chatted a few days, silent (Qiu et al.: 40% silent within a week)
      const c = -I(40, 300), life = I(1, 6); Object.assign(P, { c, n0: I(10, 80), profile: 'office', admins: 0, convLen: 3, lurk: 0.5,
        conv: (d) => (d - c < life ? U(2, 6) : 0), staff: (d) => (d - c < life ? 1 : 0), prompt: () => 1, name: `${pick(['同学', '活动', '拼车', '老乡', '项目对接'])}${I(1, 99)}群`, memberList: chance(0.6) });
      Object.assign(T0, { phase: 'decline', since: c + life, sinceTol: 14, dead: true, zombie: false, lacking: true, sinceKind: 'death' });
      break; }
    case 'die-week-young': { // died in week 1 but is only ~3 weeks old: inception or decline?
      const c = -I(18, 24), life = I(2, 4); Object.assign(P, { c, n0: I(15, 60), profile: 'office', admins: 0, convLen: 3, lurk: 0.5,
        conv: (d) => (d - c < life ? U(3, 6) : 0), staff: (d) => (d - c < life ? 1 : 0), prompt: () => 1, name: `${pick(['聚会', '团建', '婚礼'])}${I(1, 99)}群` });
      Object.assign(T0, { phase: 'decline', since: c + life, sinceTol: 14, dead: false, zombie: false, atRisk: true }); P.ambiguous.push('phase', 'selfDrive');
      break; }
    case 'revival-growth': { // active, dead spell of 40–70 days, revived with a new event and new members
      const c = -I(220, 330), deadFrom = -I(110, 150), revive = -I(20, 32);
      Object.assign(P, { c, n0: I(30, 60), profile: 'office', admins: 1, convLen: 4, lurk: 0.5, inviteShare: 0.8,
        joins: (d) => (d - c < 40 ? 1 : d >= revive ? 2.5 : 0.03), conv: (d) => (d < deadFrom ? 4 : d < revive ? 0 : 5), staff: (d) => (d < deadFrom ? 0.3 : d < revive ? 0.05 : 1), prompt: () => 1,
        reviveDay: revive, name: `${pick(['羽毛球', '篮球', '骑行'])}俱乐部${I(1, 9)}群`, seeds: 0 });
      Object.assign(T0, { phase: 'growth', since: revive, sinceTol: 14, dead: false, revived: true, deadSpell: [deadFrom, revive], lacking: false });
      break; }
    case 'revival-returning': { // same, but the old members come back, no new joins
      const c = -I(220, 330), deadFrom = -I(130, 160), revive = -I(50, 70);
      Object.assign(P, { c, n0: I(30, 60), profile: 'office', admins: 1, convLen: 4, lurk: 0.4,
        joins: (d) => (d - c < 40 ? 1 : 0.03), leaveHaz: 0.0003, conv: (d) => (d < deadFrom ? 4 : d < revive ? 0 : 4), staff: (d) => (d < deadFrom ? 0.3 : d < revive ? 0.05 : 0.5), prompt: () => 1,
        reviveDay: revive, name: `${pick(['校友会', '老同事', '车友会'])}${I(1, 9)}群`, seeds: 0 });
      Object.assign(T0, { phase: 'maturity', since: revive, sinceTol: 21, dead: false, revived: true, deadSpell: [deadFrom, revive], lacking: false });
      P.ambiguous.push('phase');
      break; }
    case 'mature': case 'mature-midlife': { // steady group, weekly rhythm, CNY silence
      const mid = kind === 'mature-midlife'; const lvl = U(3, 5); const c = mid ? -I(500, 900) : -I(250, 400), g = I(50, 90);
      const exportFrom = mid ? -I(150, 240) : null;
      Object.assign(P, { c, n0: I(15, 40), profile: pick(['office', 'office', 'nightowl', 'parents']), admins: 1, convLen: 5, lurk: 0.5, inviteShare: 0.6,
        joins: (d) => (d - c < g ? 3 : 0.25), leaveHaz: 0.0012, conv: () => lvl, staff: () => 0.4, prompt: () => 1,
        exportFrom, name: `${pick(['读书会', '健身打卡', '投资交流', '程序员', '家长'])}${I(1, 9)}群`, seeds: 3, burster: chance(0.5), leaver: true, spam: 1.5, bot: chance(0.4) ? { daily: true, welcome: true } : null });
      Object.assign(T0, { phase: 'maturity', since: mid ? exportFrom : c + g, sinceTol: 28, lacking: false, receptive: 'model', midlife: mid });
      if (mid) { P.memberList = chance(0.5); T0.sinceKind = 'export-start'; }
      break; }
    case 'huge': { // 500–2000 people, mostly lurkers, bots and ad spammers
      const c = -I(200, 400), g = I(60, 100); const n = I(500, 1600), lvl = U(4, 6);
      Object.assign(P, { c, n0: Math.round(n * 0.3), profile: pick(['office', 'nightowl']), admins: 3, convLen: 6, lurk: 0.85, inviteShare: 0.5, spreaders: 2, spreaderW: 25,
        joins: (d) => (d - c < g ? n * 0.7 / g : 0.8), leaveHaz: 0.0008, conv: () => lvl, staff: () => 1, prompt: () => 2,
        name: `${pick(['币圈', '跨境电商', 'AI 交流', '考研', '副业'])}大群${I(1, 9)}`, seeds: 4, burster: true, leaver: true, spam: 8, bot: { daily: true, welcome: false }, unlabelledBot: chance(0.5) });
      Object.assign(T0, { phase: 'maturity', since: c + g, sinceTol: 28, lacking: false, receptive: 'model' });
      break; }
    case 'tiny': { // 5–15 friends / VIP group, self-driven
      const c = -I(120, 400), lvl = U(1.5, 3); Object.assign(P, { c, n0: I(5, 13), profile: pick(['office', 'nightowl']), admins: 0, convLen: 4, lurk: 0.0, leaveHaz: 0.0002,
        joins: () => 0.01, conv: () => lvl, staff: () => 0.2, prompt: () => 1, name: `${pick(['闺蜜', '发小', 'VIP客户', '家族', '合伙人'])}${I(1, 9)}群` });
      Object.assign(T0, { phase: 'maturity', since: c + 3, sinceTol: 35, lacking: false, receptive: 'model', tiny: true });
      P.ambiguous.push('since');
      break; }
    case 'tiny-dead': { const c = -I(150, 300), life = I(20, 60); Object.assign(P, { c, n0: I(5, 12), profile: 'office', admins: 0, convLen: 3, lurk: 0,
        joins: () => 0, conv: (d) => (d - c < life ? 1.5 : 0), staff: (d) => (d - c < life ? 0.2 : 0), prompt: () => 1, name: `${pick(['旅行', '装修', '考试'])}小组${I(1, 9)}` });
      Object.assign(T0, { phase: 'decline', since: c + life, sinceTol: 14, dead: true, zombie: false, lacking: true, tiny: true, sinceKind: 'death' });
      break; }
    case 'decline': { // mature group whose member activity decays over the last ~3 months, still some talk
      const c = -I(250, 380), g = I(40, 70), s = -I(80, 110), hl = I(20, 30);
      const base = U(3.5, 5); const rate = (d) => (d < s ? base : base * Math.max(0.12, Math.pow(0.5, (d - s) / hl)));
      let half = s; while (rate(half) > base * 0.5) half++;
      Object.assign(P, { c, n0: I(20, 40), profile: pick(['office', 'parents']), admins: 1, convLen: 4, lurk: 0.5, inviteShare: 0.6,
        joins: (d) => (d - c < g ? 2.5 : d < s ? 0.2 : 0.05), leaveHaz: 0.0015, conv: rate, staff: () => 0.4, prompt: () => 1,
        name: `${pick(['育儿', '考公', '健身', '炒股'])}交流${I(1, 9)}群`, seeds: 2 });
      Object.assign(T0, { phase: 'decline', since: half, sinceTol: 28, dead: false, lacking: false, atRisk: true });
      P.ambiguous.push('since');
      break; }
    case 'near-zombie': { // owner keeps posting; one member answered once 15–25 days ago
      const c = -I(150, 300), lastMember = -I(45, 80), lone = -I(15, 25);
      Object.assign(P, { c, n0: I(30, 60), profile: 'parents', admins: 0, convLen: 2.5, lurk: 0.75, inviteShare: 0.1, joins: (d) => (d - c < 60 ? 1.5 : 0.1),
        conv: (d) => (d < lastMember ? 0.3 : 0), staff: () => 2, prompt: (d) => (d < lastMember ? 0.5 : d === lone ? 100 : 0), staffHours: [9, 20], staffText: () => 'promo', loneAnswer: lone,
        name: `${pick(['水果', '零食', '家电'])}福利${I(1, 9)}群` });
      Object.assign(T0, { phase: 'decline', since: lastMember, sinceTol: 28, dead: false, zombie: false, lacking: true });
      P.ambiguous.push('dead', 'zombie', 'since');
      break; }
    default: throw new Error(kind);
  }
  P.name = P.name || kind;
  return P;
}

// seed-specific mix (~48–52 groups)
const MIX = [
  ['course-inception', 3], ['course-running', 2], ['course-fading', 2], ['course-dead', 3], ['course-zombie', 2],
  ['shop', 4], ['shop-zombie', 3], ['shop-growing', 1], ['near-zombie', 1],
  ['fission-growth', 5], ['fission-matured', 2],
  ['die-week', 6], ['die-week-young', 1], ['revival-growth', 2], ['revival-returning', 1],
  ['mature', 4], ['mature-midlife', 3], ['huge', 2], ['tiny', 3], ['tiny-dead', 1], ['decline', 3],
];

// ---------- engine ----------
const msgRows = [], memRows = [], truthGroups = [];
let gseq = 0;
for (const [kind, n] of MIX) for (let k = 0; k < n; k++) simulateGroup(plan(kind, k));

function simulateGroup(P) {
  gseq++;
  const gid = `${String(20000000 + Math.floor(rnd() * 7e7))}@chatroom`;
  const gname = P.name;
  const members = []; const byId = new Map();
  const addMember = (role, joinT, inviter, extra = {}) => {
    const m = { id: newId(), name: newName(), role, join: joinT, left: null, inviter, prop: 0, talkUntil: Infinity, invites: 0, ...extra };
    if (role === 'member') {
      if (chance(P.lurk)) m.prop = 0; else m.prop = Math.min(3, Math.exp(gauss() * 0.8 - 0.3));
      m.talkUntil = joinT + expo(150) * DAY;
    }
    members.push(m); byId.set(m.id, m); return m;
  };
  const cT = dayStart(P.c) + I(9, 20) * 3600e3;
  const owner = addMember('owner', cT, null); owner.prop = 0;
  const admins = []; for (let a = 0; a < P.admins; a++) admins.push(addMember('admin', cT + I(1, 30) * 60e3, owner.id));
  const staff = [owner, ...admins];
  let bot = null; if (P.bot) { bot = addMember('bot', cT + 3600e3, owner.id); bot.name = pick(['小助手', '群管家', '打卡机器人', 'AI助理']); }
  // initial members, invited by owner/admins
  for (let j = 0; j < P.n0; j++) addMember('member', cT + expo(1.2) * DAY * (P.kind.startsWith('course') ? 0.5 : 1), pick(staff).id);
  // planted seeds and spreaders: chosen among the initial members
  const initial = members.filter((m) => m.role === 'member');
  const seeds = []; for (let s = 0; s < Math.min(P.seeds, initial.length); s++) { const m = initial[s]; m.prop = U(10, 14); m.talkUntil = Infinity; m.seed = true; seeds.push(m); }
  const spreaders = []; for (let s = 0; s < P.spreaders && P.seeds + s < initial.length; s++) { const m = initial[P.seeds + s]; m.spreader = true; m.talkUntil = Infinity; m.prop = Math.max(m.prop, 1); spreaders.push(m); }
  // day loop
  const msgs = []; let mseq = 0;
  const push = (t, sender, type, text, replyTo = '') => { if (t >= ASOF) return null; const id = `${gseq}-${++mseq}`; msgs.push({ id, t, sender, type, text, replyTo }); return id; };
  const present = (t) => members.filter((m) => m.join <= t && (m.left == null || m.left > t));
  const expected = Array.from({ length: 7 }, () => new Array(24).fill(0)); const dowDays = new Array(7).fill(0); // planted member-activity intensity per (dow, hour), last 90 days
  const startHour = (profile, dow) => { const w = hourW(profile, dow); const h = wpick([...Array(24).keys()], w); return h; };
  let lastMemberT = -Infinity;
  const spammers = [], bursters = [], leavers = [];
  const burstDay = P.burster ? P.c + Math.floor((-P.c) * U(0.3, 0.7)) : null;
  const leaverDay = P.leaver ? -I(35, 60) : null;
  if (P.leaver) { const cands = initial.filter((m) => !m.seed && !m.spreader); if (cands.length) { const m = pick(cands); m.prop = 12; m.talkUntil = Infinity; m.leaveAt = dayStart(leaverDay) + 15 * 3600e3; leavers.push(m); } }
  for (let d = P.c; d < 0; d++) {
    const t0 = dayStart(d), dow = localDow(d), cny = cnyFactor(d), dw = DOW_W[P.profile][dow];
    // joins
    const nj = poisson(P.joins(d));
    for (let j = 0; j < nj; j++) {
      const t = t0 + startHour(P.profile, dow) * 3600e3 + I(0, 3599) * 1e3;
      const pres = present(t).filter((m) => m.role !== 'bot');
      let inviter = null;
      if (chance(P.inviteShare) && pres.length) {
        const w = pres.map((m) => (m.spreader ? P.spreaderW : m.role === 'member' ? (m.join > t - 10 * DAY ? 1.5 : 0.5) : 1));
        inviter = wpick(pres, w).id;
      }
      const m = addMember('member', t, inviter);
      if (chance(0.3) && m.prop > 0) { const hid = push(t + 60e3, m, 'text', pick(T.hello)); const greeter = seeds.find((s) => s.join < t) || (bot && P.bot.welcome ? bot : null); if (greeter && hid) push(t + I(2, 30) * 60e3, greeter, 'text', pick(T.welcome), chance(0.5) ? hid : ''); }
      else if (bot && P.bot.welcome) push(t + 30e3, bot, 'text', '欢迎新成员入群，请阅读群公告');
    }
    // leaves
    for (const m of members) if (m.role === 'member' && m.left == null && m.join < t0 && !m.seed && !m.spreader) {
      if (m.leaveAt && m.leaveAt < t0 + DAY) { m.left = m.leaveAt; continue; }
      if (!m.leaveAt && chance(P.leaveHaz)) m.left = t0 + I(8, 23) * 3600e3;
    }
    // spontaneous member conversations
    const lam = P.conv(d) * cny * dw;
    const nc = poisson(lam);
    if (d >= -90) { dowDays[dow]++; const hw = normalise(hourW(P.profile, dow)); for (let h = 0; h < 24; h++) expected[dow][h] += P.conv(d) * dw * P.convLen * hw[h]; }
    for (let k = 0; k < nc; k++) {
      const h = startHour(P.profile, dow); let t = t0 + h * 3600e3 + I(0, 3599) * 1e3;
      const pres = present(t).filter((m) => m.role === 'member' && !m.spam);
      const w = pres.map((m) => (m.prop === 0 ? 0 : m.talkUntil < t ? m.prop * 0.08 : m.prop));
      if (!pres.length || w.every((x) => x === 0)) continue;
      const len = 2 + Math.floor(expo(P.convLen - 2));
      let prev = null, prevSender = null, prevprevSender = null;
      for (let x = 0; x < Math.min(len, 40); x++) {
        let s;
        if (x > 0 && prevprevSender && chance(0.4)) s = prevprevSender;
        else { s = wpick(pres, w); if (s === prevSender) s = wpick(pres, w); }
        if (x > 0 && admins.length && chance(0.04)) s = pick(admins);
        const cnyText = cny > 1.5 && chance(0.6);
        const text = cnyText ? pick(T.cny) : x === 0 ? pick(T.chat) : pick(chance(0.5) ? T.answer : T.chat);
        const type = chance(0.1) ? 'image' : chance(0.05) ? 'sticker' : 'text';
        const id = push(t, s, type, type === 'text' ? text : '', x > 0 && s !== prevSender && chance(0.35) ? prev : '');
        if (s.role === 'member' && t < ASOF) lastMemberT = Math.max(lastMemberT, t);
        prevprevSender = prevSender; prevSender = s; prev = id;
        t += (10 + expo(100)) * 1e3;
      }
    }
    // staff posts (announcements, promotions, course tasks) and the member answers they prompt
    const ns = poisson(P.staff(d) * (cny < 0.5 ? 0.3 : 1));
    for (let k = 0; k < ns; k++) {
      const h = P.staffHours ? P.staffHours[k % P.staffHours.length] : I(9, 21);
      const t = t0 + h * 3600e3 + I(0, 1800) * 1e3 - (P.staffHours ? 0 : 0);
      const poster = P.kind.startsWith('course') && admins.length ? pick(admins) : pick(staff);
      const kindText = P.staffText ? P.staffText(d) : P.kind.startsWith('course') ? 'course' : 'announce';
      const pid = push(t, poster, chance(0.2) ? 'link' : 'text', fill(pick(T[kindText])));
      const pr = P.prompt(d) * (d === P.loneAnswer ? 1 : cny); const prModel = P.prompt(d);
      const na = d === P.loneAnswer ? (k === 0 ? 1 : 0) : poisson(pr);
      if (d >= -90) for (let hh = h; hh <= Math.min(23, h + 1); hh++) expected[dow][hh] += prModel * (hh === h ? 0.7 : 0.3);
      if (!pid) continue;
      const pres = present(t).filter((m) => m.role === 'member' && !m.spam);
      const w = pres.map((m) => (m.prop === 0 ? (P.lurk > 0.6 ? 0.15 : 0) : m.talkUntil < t ? m.prop * 0.1 : m.prop));
      if (!pres.length || w.every((x) => x === 0)) continue;
      for (let a = 0; a < na; a++) {
        const s = wpick(pres, w); const ta = t + (1 + expo(20)) * 60e3;
        const text = kindText === 'course' ? fill(pick(T.checkin)) : kindText === 'promo' ? pick(['+1', '要两份', '还有吗', '接龙+1', '怎么下单', '收到']) : pick(T.answer);
        push(ta, s, 'text', text, chance(0.4) ? pid : ''); if (ta < ASOF) lastMemberT = Math.max(lastMemberT, ta);
      }
    }
    // bot
    if (bot && P.bot.daily) push(t0 + 8 * 3600e3 + I(0, 300) * 1e3, bot, 'text', pick(T.bot));
    // ad spammers: join, post ads within minutes, get removed (or leave) within two days
    if (P.spam && chance(P.spam / 30)) {
      const t = t0 + I(8, 22) * 3600e3 + I(0, 3599) * 1e3;
      const sp = addMember('member', t, chance(0.5) ? null : pick(present(t).filter((m) => m.role === 'member' && !m.seed && !m.spreader))?.id ?? null, { spam: true });
      sp.prop = 0; const nads = I(2, 6); for (let a = 0; a < nads; a++) push(t + (1 + a * I(1, 5)) * 60e3, sp, chance(0.3) ? 'image' : 'text', fill(pick(T.ad)));
      sp.left = t + I(1, 48) * 3600e3; spammers.push(sp);
    }
    // one-day burster: a member who argues all day once, otherwise barely posts
    if (burstDay === d) {
      const cands = present(t0).filter((m) => m.role === 'member' && !m.seed && !m.spreader && !m.spam && !m.leaveAt);
      if (cands.length > 1) { const b = pick(cands); b.burster = true; bursters.push(b); let t = t0 + 13 * 3600e3; const others = cands.filter((x) => x !== b);
        for (let x = 0; x < I(50, 90); x++) { const s = x % 3 === 2 ? pick(others) : b; push(t, s, 'text', pick(T.chat)); t += I(20, 240) * 1e3; }
        b.prop = 0.05; }
    }
    // revival opener
    if (P.reviveDay === d) push(t0 + 20 * 3600e3, owner, 'text', pick(T.revive));
  }
  // member-list rows and truth
  msgs.sort((a, b) => a.t - b.t);
  const exportFromT = P.exportFrom != null ? dayStart(P.exportFrom) : -Infinity;
  const outMsgs = msgs.filter((m) => m.t >= exportFromT && m.t < ASOF);
  const labelled = (m) => (m.role === 'bot' && P.unlabelledBot ? '' : m.role === 'member' ? '' : m.role);
  for (const m of outMsgs) msgRows.push([m.id, gid, gname, isoLocal(m.t), m.sender.id, m.sender.name, m.type, m.text, m.replyTo, labelled(m.sender)]);
  if (P.memberList) for (const m of members) {
    if (m.join >= ASOF) continue; if (m.left != null && m.left < exportFromT) continue;
    const before = m.join < exportFromT;
    memRows.push([gid, m.id, m.name, m.role === 'bot' && P.unlabelledBot ? 'member' : m.role, before ? '' : isoLocal(m.join), m.left != null && m.left < ASOF ? isoLocal(m.left) : '', before ? '' : m.inviter ?? '']);
  }
  // --- planted truth ---
  const inAsOf = members.filter((m) => m.join < ASOF);
  const stillIn = (m) => m.left == null || m.left >= ASOF;
  const t = P.truth;
  const truth = { groupId: gid, name: gname, kind: P.kind, memberList: P.memberList, exportFrom: P.exportFrom != null ? dateLocal(dayStart(P.exportFrom)) : null,
    created: dateLocal(cT), rosterNow: inAsOf.filter(stillIn).length, messages: outMsgs.length,
    phase: t.phase, phaseSince: dateLocal(dayStart(Math.max(t.since, P.exportFrom ?? -1e9))), sinceTolDays: t.sinceTol, sinceKind: t.sinceKind ?? null,
    dead: t.dead ?? false, zombie: t.zombie ?? false, atRisk: t.atRisk ?? null, lacking: t.lacking ?? (t.dead ? true : null), revived: t.revived ?? false,
    deadSpell: t.deadSpell ? t.deadSpell.map((d) => dateLocal(dayStart(d))) : null, lateGrowth: t.lateGrowth ?? null,
    window: { inception: 'upcoming', growth: t.lateGrowth ? 'open' : 'upcoming', maturity: 'open', decline: 'closed' }[t.phase],
    lastMemberMessage: Number.isFinite(lastMemberT) ? isoLocal(lastMemberT) : null,
    ambiguous: [...new Set(P.ambiguous)], tiny: !!t.tiny, unlabelledBot: !!(bot && P.unlabelledBot),
  };
  if (P.kind === 'fission-growth' && !t.lateGrowth) truth.ambiguous.push('window');
  // seeds: planted seeds still in the group; distractors: bursters, spammers, leavers, staff
  const exportStartSeen = (m) => m.join >= exportFromT || true;
  truth.seeds = seeds.filter(stillIn).filter(exportStartSeen).map((m) => m.id);
  truth.distractors = [...bursters, ...spammers, ...leavers].map((m) => ({ id: m.id, why: m.burster ? 'one-day burst' : m.spam ? 'spammer' : 'left' }));
  // fission truth (only meaningful with a member list that has inviters)
  if (P.memberList) {
    const known = inAsOf.filter((m) => m.join >= exportFromT && m.role !== 'owner');
    const invited = known.filter((m) => m.inviter);
    const stayed = invited.filter(stillIn);
    const judged = invited.filter((m) => m.join <= ASOF - 30 * DAY); const stayed30 = judged.filter((m) => m.left == null || m.left >= m.join + 30 * DAY);
    const membersN = inAsOf.filter((m) => m.left == null || m.left >= exportFromT).length; // as the export can know them
    const counts = new Map(); for (const m of invited) counts.set(m.inviter, (counts.get(m.inviter) || 0) + 1);
    const ordinary = [...counts.entries()].filter(([id]) => byId.get(id)?.role === 'member').sort((a, b) => b[1] - a[1]);
    truth.fission = {
      K: invited.length ? +(invited.length / membersN * stayed.length / invited.length).toFixed(3) : 0,
      K30: judged.length ? +(invited.length / membersN * stayed30.length / judged.length).toFixed(3) : 0,
      invited: invited.length, invitedJudged30: judged.length, members: membersN, stayedNow: stayed.length,
      spreaders: spreaders.map((m) => m.id), spreaderInvites: spreaders.map((m) => counts.get(m.id) || 0),
      topOrdinaryInviters: ordinary.slice(0, 5).map(([id, n]) => ({ id, n })),
      scoreSpreaders: spreaders.length > 0 && P.exportFrom == null,
    };
  }
  // receptive slots: planted intensity over the last 90 days, cells >= 80% of the best; ISO weekday (Mon = 1)
  if (t.receptive && !t.dead) {
    const cells = []; for (let dw = 0; dw < 7; dw++) for (let h = 0; h < 24; h++) cells.push({ weekday: dw === 0 ? 7 : dw, hour: h, w: expected[dw][h] / Math.max(1, dowDays[dw]) }); // mean per day
    const max = Math.max(...cells.map((c) => c.w));
    truth.receptive = { profile: P.profile, top: cells.filter((c) => c.w >= 0.8 * max).sort((a, b) => b.w - a.w).map((c) => ({ weekday: c.weekday, hour: c.hour, rel: +(c.w / max).toFixed(2) })) };
  }
  truthGroups.push(truth);
}

// ---------- write ----------
const esc = (v) => { const s = String(v ?? ''); return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; };
fs.mkdirSync(path.join(outDir, 'data'), { recursive: true });
fs.writeFileSync(path.join(outDir, 'data', 'messages.csv'), ['message_id,group_id,group_name,timestamp,sender_id,sender_name,type,text,reply_to,role', ...msgRows.map((r) => r.map(esc).join(','))].join('\n') + '\n');
fs.writeFileSync(path.join(outDir, 'data', 'members.csv'), ['group_id,member_id,name,role,joined_at,left_at,invited_by', ...memRows.map((r) => r.map(esc).join(','))].join('\n') + '\n');
fs.writeFileSync(path.join(outDir, 'truth.json'), JSON.stringify({ seed: SEED, asOf: ASOF_DATE + 'T00:00:00+08:00', tz: 'Asia/Shanghai', groups: truthGroups }, null, 1));
console.log(`seed ${SEED} as-of ${ASOF_DATE}: ${truthGroups.length} groups, ${msgRows.length} messages, ${memRows.length} member rows`);
