#!/usr/bin/env node
// Independent simulator for community-audit (written from the domain notes only, by a helper who had not read src/sim or src/analysis).
// usage: node sim.mjs [outDir] [--only id1,id2]
// Writes <out>/data/<gid>.messages.csv (+ <gid>.members.csv) and <out>/truth.json
import fs from 'node:fs';
import path from 'node:path';

const OUT = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'indep-out';
const onlyArg = process.argv.indexOf('--only');
const seedArg = process.argv.indexOf('--seed');
/** The noise seed: the default is the draw the lifecycle was tuned on; any other is held out. */
const SEED = seedArg > 0 ? Number(process.argv[seedArg + 1]) | 0 : 0x9e3779b9;
const ONLY = onlyArg > 0 ? new Set(process.argv[onlyArg + 1].split(',')) : null;
const AS_OF_MS = Date.parse('2025-06-30T23:59:59+08:00');
const DAY = 86400000;

// ---------- rng ----------
function mulberry32(a) { return () => { a |= 0; a = (a + 0x6D2B79F5) | 0; let t = Math.imul(a ^ (a >>> 15), 1 | a); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; }
function hashStr(s) { let h = 2166136261; for (const c of s) { h ^= c.codePointAt(0); h = Math.imul(h, 16777619); } return h >>> 0; }
let R = mulberry32(1);
const rnd = () => R();
const pick = (a) => a[Math.floor(rnd() * a.length)];
function poisson(l) { if (l <= 0) return 0; if (l > 40) return Math.max(0, Math.round(l + Math.sqrt(l) * gauss())); let L = Math.exp(-l), k = 0, p = 1; do { k++; p *= rnd(); } while (p > L); return k - 1; }
function gauss() { return Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd()); }
function expo(mean) { return -Math.log(1 - rnd()) * mean; }
function wpick(items, wf) { let s = 0; for (const it of items) s += wf(it); if (s <= 0) return null; let r = rnd() * s; for (const it of items) { r -= wf(it); if (r <= 0) return it; } return items[items.length - 1]; }

// ---------- time zones ----------
const fmtCache = new Map();
function tzOffsetMin(ms, tz) {
  let f = fmtCache.get(tz);
  if (!f) { f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }); fmtCache.set(tz, f); }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}
function localToUtc(y, m, d, secOfDay, tz) {
  const g = Date.UTC(y, m - 1, d) + secOfDay * 1000;
  let o = tzOffsetMin(g, tz); let u = g - o * 60000; const o2 = tzOffsetMin(u, tz); if (o2 !== o) u = g - o2 * 60000; return u;
}
const pad = (n, w = 2) => String(n).padStart(w, '0');
function fmtIso(ms, tz) {
  const o = tzOffsetMin(ms, tz); const l = new Date(ms + o * 60000);
  const sign = o >= 0 ? '+' : '-'; const ao = Math.abs(o);
  return `${l.getUTCFullYear()}-${pad(l.getUTCMonth() + 1)}-${pad(l.getUTCDate())}T${pad(l.getUTCHours())}:${pad(l.getUTCMinutes())}:${pad(l.getUTCSeconds())}${sign}${pad(Math.floor(ao / 60))}:${pad(ao % 60)}`;
}
function fmtLocalPlain(ms, tz) { const o = tzOffsetMin(ms, tz); const l = new Date(ms + o * 60000); return `${l.getUTCFullYear()}-${pad(l.getUTCMonth() + 1)}-${pad(l.getUTCDate())} ${pad(l.getUTCHours())}:${pad(l.getUTCMinutes())}:${pad(l.getUTCSeconds())}`; }
function fmtTs(ms, g) { if (g.tsFormat === 'epochms') return String(ms); if (g.tsFormat === 'epochs') return String(Math.floor(ms / 1000)); if (g.tsFormat === 'plain') return fmtLocalPlain(ms, 'Asia/Shanghai'); return fmtIso(ms, g.tz); }
function localHour(ms, tz) { const o = tzOffsetMin(ms, tz); return new Date(ms + o * 60000).getUTCHours(); }
function localWeekday(ms, tz) { const o = tzOffsetMin(ms, tz); const w = new Date(ms + o * 60000).getUTCDay(); return w === 0 ? 7 : w; }

// ---------- text ----------
const SUR = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIV = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '晨阳', '雨桐', '建国', '思远', '晓燕', '子涵', '浩然', '欣怡', '一鸣', '佳琪', '宇轩', '梦瑶', '志强', '海燕', '俊杰', '诗涵'];
const EN = ['Amy', 'Tom', 'Lily', 'Jack', 'Sunny', 'Coco', 'Leo', 'Mia', 'Ben', 'Nina', 'Kevin', 'Ella'];
const STARTERS = ['大家好，今天有人去看展吗？', '请教一下，这个怎么弄比较好？', '分享一个小技巧：先列清单再动手，效率高很多', '周末有什么好去处推荐吗？', '刚看到一篇不错的文章，推荐给大家', '有没有人用过这个牌子的？求评价', '今天天气真好，出去走走', '问个问题：新手应该从哪里开始？', '最近在读一本书，挺有意思的', '我发现一个好用的小程序，分享一下', '晚上一起打卡吗？', '明天的活动大家报名了吗？'];
const REPLIES = ['同意', '哈哈哈', '对的', '我也是这么想的', '可以试试', '谢谢分享！', '学到了', '我用过，还不错', '+1', '好主意', '真的吗？', '我觉得还行', '收到', '赞👍', '我周末有空', '这个我知道，可以先看看官网', '同问', '说得好'];
const OWNER_POSTS = ['【群公告】今日分享：如何坚持每天学习', '各位群友晚上好，今天的话题是：你最近在学什么？', '今日福利：限时优惠，点击链接了解', '新朋友比较多，欢迎大家自我介绍一下～', '【每日一问】你们平时几点起床？', '今晚8点直播，不见不散', '本周课程安排已发，请大家查收'];
const SPAM = ['💰刷单返利，加V xh5563！！', '低价代购名牌包包，加微信 vx889900 http://t.cn/A6x', '兼职日结300，私聊我 http://t.cn/B7y', '🔥投资理财稳赚不赔，加群 http://t.cn/C8z'];
const BOT = ['【打卡提醒】今天你打卡了吗？回复"打卡"参与', '【机器人】早安！今日天气晴', '【自动回复】欢迎新人，请阅读群公告'];

// ---------- group specs ----------
// phases: list of [phase, startDay]; dayIdx 0 = first day; N days total ending on 2025-06-30 (local)
// joinRate(d), leaveHaz(d), act(d) multiplier, owner(d) owner conversation starts per day
function S(id, o) { return { id, tz: 'Asia/Shanghai', tsFormat: 'iso', list: 'full', sysJoins: false, weekendMult: 1, peaks: [12, 21], size: 60, N: 365, role: true, ...o }; }
const clamp01 = (x) => Math.max(0, Math.min(1, x));
const lin = (d, a, b, va, vb) => (d <= a ? va : d >= b ? vb : va + (vb - va) * (d - a) / (b - a));
const G = [];
// ---- inception
G.push(S('inc_a', { N: 14, init: 15, join: (d) => (d < 10 ? 2 : 0.8), phases: [['inception', 0]], seeds: 3, note: '2-week new group, 30 members' }));
G.push(S('inc_tiny', { N: 20, init: 4, join: (d) => (d === 3 ? 1 : 0), phases: [['inception', 0]], seeds: 1, list: 'none', note: '5 members, no member list' }));
G.push(S('inc_big_ny', { N: 25, init: 40, join: (d) => (d < 15 ? 15 : 4), phases: [['inception', 0]], seeds: 4, tz: 'America/New_York', peaks: [9, 20], note: 'launch with ~300 members, New York' }));
// ---- growth
G.push(S('gro_a', { N: 150, init: 25, join: (d) => (d < 30 ? 0.3 : lin(d, 30, 150, 1.5, 4)), phases: [['inception', 0], ['growth', 30]], seeds: 4, spreaders: true }));
G.push(S('gro_noinv', { N: 100, init: 20, join: (d) => (d < 30 ? 0.3 : 3), phases: [['inception', 0], ['growth', 30]], seeds: 3, list: 'noinviter', tsFormat: 'epochms' }));
G.push(S('gro_late', { N: 220, init: 25, join: (d) => (d < 30 ? 0.3 : d < 120 ? lin(d, 30, 120, 2, 6) : lin(d, 120, 220, 6, 1.2)), phases: [['inception', 0], ['growth', 30]], lateGrowthDay: 120, seeds: 4, spreaders: true, note: 'inflow peaked day 120, slowing but positive' }));
G.push(S('gro_big', { N: 300, init: 60, join: (d) => (d < 30 ? 1 : lin(d, 30, 300, 4, 10)), phases: [['inception', 0], ['growth', 30]], seeds: 5, talkFrac: 0.06, spreaders: true, note: 'grows to ~2000 members, mostly lurkers' }));
G.push(S('gro_sys_nolist', { N: 120, init: 15, join: (d) => (d < 30 ? 0.3 : 2), phases: [['inception', 0], ['growth', 30]], seeds: 3, list: 'none', sysJoins: true, note: 'no member list; joins only as system messages' }));
// ---- maturity
G.push(S('mat_a', { N: 400, init: 20, join: (d) => (d < 30 ? 0.5 : d < 180 ? 1.5 : 0.05), phases: [['inception', 0], ['growth', 30], ['maturity', 180]], seeds: 4, spreaders: true }));
G.push(S('mat_3y', { N: 1095, init: 20, join: (d) => (d < 30 ? 0.5 : d < 300 ? 1.2 : 0.03), phases: [['inception', 0], ['growth', 30], ['maturity', 300]], seeds: 5, holidays: [['2024-02-08', 14], ['2025-01-27', 14]], spreaders: true, tsFormat: 'plain', note: '3 years, two Spring Festival silences' }));
G.push(S('mat_sf', { N: 300, init: 30, join: (d) => (d < 30 ? 0.8 : d < 100 ? 1.5 : 0.04), phases: [['inception', 0], ['growth', 30], ['maturity', 100]], seeds: 4, holidays: [['2025-01-27', 14]], note: 'healthy, 2-week Spring Festival silence' }));
G.push(S('mat_berlin', { N: 365, init: 25, join: (d) => (d < 30 ? 0.5 : d < 120 ? 1 : 0.03), phases: [['inception', 0], ['growth', 30], ['maturity', 120]], seeds: 3, tz: 'Europe/Berlin', weekendMult: 2.2, peaks: [19, 21], note: 'Berlin hobby group, weekend heavy' }));
G.push(S('mat_ownerheavy', { N: 365, init: 30, join: (d) => (d < 30 ? 0.5 : d < 120 ? 1 : 0.03), phases: [['inception', 0], ['growth', 30], ['maturity', 120]], seeds: 4, ownerRate: () => 4, ownerReply: 0.5, note: 'owner posts a lot but members talk independently too', lackingSoft: true }));
G.push(S('mat_bots', { N: 365, init: 30, join: (d) => (d < 30 ? 0.5 : d < 120 ? 1 : 0.03), phases: [['inception', 0], ['growth', 30], ['maturity', 120]], seeds: 4, bot: true, spammers: 3, note: 'bot posts daily, 3 spammers (one stays)' }));
G.push(S('mat_small', { N: 365, init: 7, join: () => 0, phases: [['inception', 0], ['maturity', 30]], seeds: 2, size: 8, note: '8-member group', phaseSoft: true }));
G.push(S('mat_nolist', { N: 300, init: 25, join: (d) => (d < 30 ? 0.5 : d < 100 ? 1 : 0), phases: [['inception', 0], ['growth', 30], ['maturity', 100]], seeds: 3, list: 'none', tsFormat: 'epochs' }));
G.push(S('mat_bursty', { N: 365, init: 30, join: (d) => (d < 30 ? 0.5 : d < 120 ? 1 : 0.03), phases: [['inception', 0], ['growth', 30], ['maturity', 120]], seeds: 4, bursty: true, note: 'event-driven: most days quiet, some days 8x' }));
// ---- decline
G.push(S('dec_a', { N: 400, init: 25, join: (d) => (d < 30 ? 0.5 : d < 150 ? 1.5 : d < 280 ? 0.05 : 0), leave: (d) => (d < 280 ? 0.0003 : 0.004), act: (d) => (d < 280 ? 1 : Math.exp(-(d - 280) / 45)), phases: [['inception', 0], ['growth', 30], ['maturity', 150], ['decline', 280]], seeds: 4 }));
G.push(S('dec_3y', { N: 1095, init: 20, join: (d) => (d < 30 ? 0.5 : d < 300 ? 1.2 : d < 895 ? 0.03 : 0), leave: (d) => (d < 895 ? 0.0002 : 0.003), act: (d) => (d < 895 ? 1 : Math.exp(-(d - 895) / 70)), phases: [['inception', 0], ['growth', 30], ['maturity', 300], ['decline', 895]], seeds: 4, holidays: [['2024-02-08', 14]] }));
G.push(S('dec_utc_nolist', { N: 365, init: 30, join: (d) => (d < 30 ? 0.5 : d < 100 ? 1 : 0), act: (d) => (d < 245 ? 1 : Math.exp(-(d - 245) / 40)), phases: [['inception', 0], ['growth', 30], ['maturity', 100], ['decline', 245]], seeds: 3, tz: 'UTC', list: 'none', peaks: [8, 18] }));
G.push(S('dec_roster', { N: 400, init: 30, join: (d) => (d < 30 ? 0.8 : d < 150 ? 1.5 : 0), leave: (d) => (d < 300 ? 0.0003 : 0.008), act: (d) => (d < 300 ? 1 : lin(d, 300, 400, 1, 0.45)), phases: [['inception', 0], ['growth', 30], ['maturity', 150], ['decline', 300]], seeds: 4, note: 'roster shrinks fast (~55%), activity falls to ~45%' }));
// ---- dead
G.push(S('dead_60', { N: 300, init: 25, join: (d) => (d < 30 ? 0.5 : d < 120 ? 1 : 0), act: (d) => (d < 180 ? 1 : d < 240 ? Math.exp(-(d - 180) / 20) : 0), owner0: 240, phases: [['inception', 0], ['growth', 30], ['maturity', 120], ['decline', 180]], dead: true, seeds: 3 }));
G.push(S('dead_35', { N: 250, init: 25, join: (d) => (d < 30 ? 0.5 : d < 100 ? 1 : 0), act: (d) => (d < 160 ? 1 : d < 215 ? Math.exp(-(d - 160) / 20) : 0), owner0: 215, phases: [['inception', 0], ['growth', 30], ['maturity', 100], ['decline', 160]], dead: true, seeds: 3, lastEventPad: true, note: 'silent 35 days; a join event at as-of keeps the export end' }));
G.push(S('dead_long', { N: 730, init: 25, join: (d) => (d < 30 ? 0.5 : d < 150 ? 1 : 0), act: (d) => (d < 330 ? 1 : d < 430 ? Math.exp(-(d - 330) / 30) : 0), owner0: 430, phases: [['inception', 0], ['growth', 30], ['maturity', 150], ['decline', 330]], dead: true, seeds: 3, list: 'none' }));
G.push(S('dead_small', { N: 200, init: 6, join: () => 0, act: (d) => (d < 155 ? 1 : 0), owner0: 155, phases: [['inception', 0], ['maturity', 30], ['decline', 150]], dead: true, seeds: 1, size: 6, phaseSoft: true }));
// ---- zombies (owner-only)
G.push(S('zombie_a', { N: 300, init: 25, join: (d) => (d < 30 ? 0.5 : d < 120 ? 1 : 0), act: (d) => (d < 200 ? 1 : d < 250 ? Math.exp(-(d - 200) / 15) : 0), ownerRate: (d) => (d >= 250 ? 1.2 : 0.3), phases: [['inception', 0], ['growth', 30], ['maturity', 120], ['decline', 200]], dead: true, zombie: true, lacking: true, seeds: 3, note: 'members silent for 50 days, owner posts daily' }));
G.push(S('zombie_bot', { N: 300, init: 40, join: (d) => (d < 30 ? 1 : d < 120 ? 1 : 0), act: (d) => (d < 200 ? 1 : d < 260 ? Math.exp(-(d - 200) / 15) : 0), ownerRate: (d) => (d >= 260 ? 1 : 0.3), bot: true, phases: [['inception', 0], ['growth', 30], ['maturity', 120], ['decline', 200]], dead: true, zombie: true, lacking: true, seeds: 3, note: 'owner + bot post daily, members silent 40 days' }));
G.push(S('zombie_ownerdaily', { N: 250, init: 20, join: (d) => (d < 30 ? 0.5 : d < 90 ? 1 : 0), act: (d) => (d < 150 ? 0.6 : d < 205 ? 0.15 : 0), ownerRate: () => 2, ownerReply: 0.3, phases: [['inception', 0], ['growth', 30], ['maturity', 90], ['decline', 150]], dead: true, zombie: true, lacking: true, seeds: 2, note: 'owner posts 2x/day throughout; members silent last 45 days' }));
// ---- lacking self-drive (alive)
G.push(S('lack_a', { N: 300, init: 40, join: (d) => (d < 30 ? 1 : d < 100 ? 1 : 0.03), phases: [['inception', 0], ['growth', 30], ['maturity', 100]], prompted: true, ownerRate: () => 2, ownerHours: [9, 20], lacking: true, seeds: 0, note: 'members reply only within ~1h after owner posts' }));
G.push(S('lack_big', { N: 200, init: 200, join: (d) => (d < 30 ? 10 : d < 80 ? 8 : 0.1), phases: [['inception', 0], ['growth', 30], ['maturity', 80]], prompted: true, ownerRate: () => 1, ownerHours: [20], lacking: true, seeds: 0, talkFrac: 0.08, note: '~800-member course group, prompted only' }));
G.push(S('lack_growth', { N: 120, init: 30, join: (d) => (d < 30 ? 0.5 : 3), phases: [['inception', 0], ['growth', 30]], prompted: true, ownerRate: () => 3, ownerHours: [8, 12, 21], lacking: true, seeds: 0, note: 'growing course-seller group, prompted only' }));
// ---- revived
G.push(S('revived_a', { N: 330, init: 25, join: (d) => (d < 30 ? 0.5 : d < 120 ? 1 : d < 280 ? 0 : 3), act: (d) => (d < 160 ? 1 : d < 210 ? Math.exp(-(d - 160) / 15) : d < 280 ? 0 : 1), owner0: 210, owner1: 280, phases: [['inception', 0], ['growth', 30], ['maturity', 120], ['decline', 160], ['growth', 280]], seeds: 3, note: 'dead for 70 days, revived 50 days ago with new inflow' }));
G.push(S('revived_quiet', { N: 300, init: 25, join: (d) => (d < 30 ? 0.5 : d < 100 ? 1 : 0), act: (d) => (d < 230 ? 1 : d < 270 ? 0 : 1), owner0: 230, owner1: 270, phases: [['inception', 0], ['growth', 30], ['maturity', 100]], seeds: 3, phaseSoft: true, note: '40-day silence ended 30 days ago, activity back to normal' }));
// ---- at risk (alive but silent 20 days)
G.push(S('atrisk_gap', { N: 300, init: 25, join: (d) => (d < 30 ? 0.5 : d < 100 ? 1 : 0.02), act: (d) => (d < 280 ? 1 : 0), owner0: 280, phases: [['inception', 0], ['growth', 30], ['maturity', 100]], seeds: 3, atRisk: true, lastEventPad: true, phaseSoft: true, note: 'members silent 20 days (holiday) up to as-of' }));

if (process.argv.includes('--stress')) {
  G.length = 0;
  const sizes = [10, 20, 40, 80, 160];
  const bursts = [[null, 'steady'], [{ p: 0.2, x: 3 }, 'mild'], [{ p: 0.12, x: 6 }, 'heavy']];
  for (const sz of sizes) for (const [b, bn] of bursts) G.push(S(`stat_${bn}_${sz}`, { N: 365, init: sz, join: () => 0, leave: () => 0.00005, phases: [['inception', 0], ['maturity', 21]], seeds: sz >= 20 ? 3 : 1, bursty: b, stationary: true, note: `stationary ${bn} ${sz}` }));
  for (const sz of [20, 80, 200]) for (const L of [10, 14, 21]) G.push(S(`hol_${L}d_${sz}`, { N: 365, init: sz, join: () => 0, leave: () => 0.00005, phases: [['inception', 0], ['maturity', 21]], seeds: 3, holidays: [['2025-03-01', L]], stationary: true, note: `stationary ${sz}, ${L}-day silence from 2025-03-01` }));
  for (const [i, r] of [[1, 1], [2, 2], [3, 4], [4, 8], [5, 2], [6, 4]]) G.push(S(`const_${r}pd_${i}`, { N: 180, init: 20, join: (d) => (d < 30 ? 0.3 : r), leave: () => 0.0001, phases: [['inception', 0], ['growth', 30]], seeds: 3, constInflow: true, note: `constant inflow ${r}/day` }));
  G.push(S('zombie_norole', { N: 300, init: 25, join: (d) => (d < 30 ? 0.5 : d < 120 ? 1 : 0), act: (d) => (d < 200 ? 1 : d < 250 ? Math.exp(-(d - 200) / 15) : 0), ownerRate: (d) => (d >= 250 ? 1.2 : 0.3), phases: [['inception', 0], ['growth', 30], ['maturity', 120], ['decline', 200]], dead: true, zombie: true, lacking: true, seeds: 3, role: false, list: 'none', note: 'zombie, no role column, no member list' }));
  G.push(S('zombie_spam', { N: 300, init: 25, join: (d) => (d < 30 ? 0.5 : d < 120 ? 1 : 0), act: (d) => (d < 200 ? 1 : d < 250 ? Math.exp(-(d - 200) / 15) : 0), owner0: 250, spamTail: 255, phases: [['inception', 0], ['growth', 30], ['maturity', 120], ['decline', 200]], dead: true, zombie: true, seeds: 3, note: 'members silent 50 days, a spammer posts varied ads daily' }));
  G.push(S('lack_slow', { N: 300, init: 40, join: (d) => (d < 30 ? 1 : d < 100 ? 1 : 0.03), phases: [['inception', 0], ['growth', 30], ['maturity', 100]], prompted: true, ownerRate: () => 1, ownerHours: [20], promptGap: 14, lacking: true, seeds: 0, note: 'members answer the owner post, discussion runs 3-5 hours' }));
  G.push(S('lack_slow_norole', { N: 300, init: 40, join: (d) => (d < 30 ? 1 : d < 100 ? 1 : 0.03), phases: [['inception', 0], ['growth', 30], ['maturity', 100]], prompted: true, ownerRate: () => 1, ownerHours: [20], lacking: true, seeds: 0, role: false, list: 'none', note: 'prompted only; no role column, no member list' }));
}
// ---------- generation ----------
function nameGen(used) { for (;;) { const n = rnd() < 0.12 ? pick(EN) + pick(SUR) : pick(SUR) + pick(GIV); if (!used.has(n)) { used.add(n); return n; } if (rnd() < 0.3) { const n2 = n + Math.floor(rnd() * 99); if (!used.has(n2)) { used.add(n2); return n2; } } } }
function dayDate(g, d) { const base = Date.UTC(2025, 5, 30) - (g.N - 1 - d) * DAY; const x = new Date(base); return [x.getUTCFullYear(), x.getUTCMonth() + 1, x.getUTCDate()]; }
function dayStartUtc(g, d) { const [y, m, dd] = dayDate(g, d); return localToUtc(y, m, dd, 0, g.tz); }
function hourWeights(g) { const w = []; for (let h = 0; h < 24; h++) w.push(h < 7 ? 0.03 : 0.35); for (const p of g.peaks) { w[p] += 3.2; w[(p + 23) % 24] += 0.6; w[(p + 1) % 24] += 0.6; } return w; }
function sampleHour(w) { return wpick([...w.keys()], (h) => w[h]); }

function generate(g) {
  R = mulberry32(hashStr(g.id) ^ SEED);
  const used = new Set();
  const members = []; const byId = new Map();
  const mk = (type, joinMs, inviter) => { const m = { id: `wxid_${g.id}_${members.length.toString(36)}`, name: nameGen(used), type, role: 'member', join: joinMs, leave: null, inviter: inviter ?? null, weeks: null, invitees: [], msgs: 0 }; members.push(m); byId.set(m.id, m); return m; };
  const owner = mk('owner', dayStartUtc(g, 0) + 9 * 3600e3, null); owner.role = 'owner';
  const hw = hourWeights(g);
  const talkFrac = g.talkFrac ?? 0.35;
  const assignType = (early) => { const r = rnd(); if (r < talkFrac * 0.45) return 'regular'; if (r < talkFrac) return 'occasional'; return 'lurker'; };
  // initial members (day 0/1), seeds among them
  const nSeeds = g.seeds ?? 3;
  const t0 = dayStartUtc(g, 0);
  const initN = Math.min(g.init, g.size && g.size < g.init ? g.size : g.init);
  for (let i = 0; i < initN; i++) {
    const type = i < nSeeds ? 'seed' : assignType(true);
    mk(type, t0 + (10 + rnd() * 30) * 3600e3, rnd() < 0.85 ? owner.id : null);
  }
  if (g.bot) { const b = mk('bot', t0 + 12 * 3600e3, owner.id); b.role = 'bot'; b.name = '打卡小助手'; }
  // spreaders: choose among non-seed early members too
  const seedsL = members.filter((m) => m.type === 'seed');
  const earlyRegs = members.filter((m) => m.type === 'regular');
  const spreaderW = new Map();
  if (g.spreaders) {
    if (seedsL[0]) spreaderW.set(seedsL[0].id, 0.30);
    if (earlyRegs[0]) spreaderW.set(earlyRegs[0].id, 0.18); // non-seed spreader (regular)
    if (seedsL[1]) spreaderW.set(seedsL[1].id, 0.10);
    if (earlyRegs[1]) { spreaderW.set(earlyRegs[1].id, 0.12); earlyRegs[1].badSpreader = true; } // invitees leave quickly
  } else { for (const s of seedsL) spreaderW.set(s.id, 0.06); }
  const events = []; // {ms, kind, sender, text, type, replyTo}
  // joins over days
  const present = () => members.filter((m) => m.leave === null);
  for (let d = 1; d < g.N; d++) {
    const n = poisson(g.join ? g.join(d) : 0);
    const ds = dayStartUtc(g, d);
    for (let i = 0; i < n; i++) {
      const ms = ds + (8 + rnd() * 15) * 3600e3;
      const cands = members.filter((m) => m.join < ms && (m.leave === null || m.leave > ms) && m.type !== 'bot');
      let inviter = null;
      const r = rnd();
      if (r < 0.82) {
        const sp = cands.filter((m) => spreaderW.has(m.id));
        const spTot = sp.reduce((a, m) => a + spreaderW.get(m.id), 0);
        const r2 = rnd();
        if (r2 < spTot) inviter = wpick(sp, (m) => spreaderW.get(m.id));
        else if (r2 < spTot + 0.25) inviter = owner;
        else { const ord = cands.filter((m) => m.type !== 'owner'); inviter = ord.length ? pick(ord) : owner; }
      }
      const m = mk(assignType(false), ms, inviter ? inviter.id : null);
      if (inviter && spreaderW.has(inviter.id) && !inviter.badSpreader && rnd() < 0.75) m.type = rnd() < 0.7 ? 'regular' : 'occasional';
      if (inviter && inviter.badSpreader) { m.type = 'lurker'; if (rnd() < 0.8) m.leave = ms + (1 + rnd() * 10) * DAY; }
    }
  }
  // spammers
  if (g.spammers) {
    for (let i = 0; i < g.spammers; i++) {
      const d = 60 + Math.floor(rnd() * (g.N - 90)); const ms = dayStartUtc(g, d) + (2 + rnd() * 20) * 3600e3;
      const sp = mk('spammer', ms, null); const stays = i === 0;
      const txt = pick(SPAM); let t = ms + 600e3;
      const cnt = stays ? 40 : 12 + Math.floor(rnd() * 10);
      for (let k = 0; k < cnt; k++) { t += stays ? (2 + rnd() * 20) * DAY / 10 : expo(40) * 60e3; events.push({ ms: t, sender: sp, type: 'text', text: txt }); }
      if (!stays) sp.leave = t + 3600e3;
    }
  }
  if (g.spamTail !== undefined) { const sp = mk('spammer', dayStartUtc(g, g.spamTail - 1) + 10 * 3600e3, null); for (let d = g.spamTail; d < g.N; d++) { const t = dayStartUtc(g, d) + (9 + rnd() * 12) * 3600e3; events.push({ ms: t, sender: sp, type: 'text', text: pick(SPAM).replace(/\d{4}/, String(1000 + Math.floor(rnd() * 9000))) }); } }
  // one-day burster and a chatty leaver (not seeds)
  const burster = members.find((m) => m.type === 'occasional' && m.join < dayStartUtc(g, Math.floor(g.N * 0.5)));
  if (burster && g.N > 60 && !g.prompted && !g.stationary) { burster.type = 'burster'; let bd; for (let k = 0; k < 50; k++) { bd = Math.floor(g.N * 0.5 + rnd() * g.N * 0.45); if (!g.act || g.act(bd) > 0.6) break; bd = null; } if (bd !== null) burster.burstDay = bd; else burster.type = 'occasional'; }
  const leaver = members.find((m) => m.type === 'regular' && m.join < dayStartUtc(g, Math.floor(g.N * 0.3)) && !spreaderW.has(m.id));
  if (leaver && g.N > 200 && !g.prompted && !g.dead && !g.stationary) { leaver.type = 'chattyLeaver'; leaver.leave = dayStartUtc(g, g.N - 60) + 5 * 3600e3; }
  // leave hazard
  for (const m of members) {
    if (m.type === 'owner' || m.type === 'bot' || m.type === 'seed' || m.leave !== null || m.type === 'spammer') continue;
    for (let d = Math.floor((m.join - t0) / DAY) + 1; d < g.N; d++) {
      const h = g.leave ? g.leave(d) : 0.0003;
      if (rnd() < h) { m.leave = dayStartUtc(g, d) + (8 + rnd() * 14) * 3600e3; break; }
    }
  }
  for (const m of members) if (m.inviter) { const inv = byId.get(m.inviter); if (inv.leave !== null && inv.leave < m.join) inv.leave = null; }
  // weekly presence
  const nWeeks = Math.ceil(g.N / 7) + 1;
  const wp = { seed: 0.92, regular: 0.35, occasional: 0.1, chattyLeaver: 0.9 };
  const initP = { seed: 0.45, regular: 0.09, occasional: 0.03, chattyLeaver: 0.5 };
  const respW = { seed: 3, regular: 1, occasional: 0.3, chattyLeaver: 2.5 };
  for (const m of members) { m.weeks = []; for (let w = 0; w < nWeeks; w++) m.weeks.push(rnd() < (wp[m.type] ?? 0)); }
  // holidays
  const holi = new Set();
  for (const [start, len] of g.holidays ?? []) { const s = Date.parse(start + 'T00:00:00Z'); for (let k = 0; k < len; k++) { const x = new Date(s + k * DAY); holi.add(`${x.getUTCFullYear()}-${x.getUTCMonth() + 1}-${x.getUTCDate()}`); } }
  let mid = 0;
  const talkers = members.filter((m) => initP[m.type] !== undefined);
  for (let d = 0; d < g.N; d++) {
    const [y, mo, dd] = dayDate(g, d);
    if (holi.has(`${y}-${mo}-${dd}`)) continue;
    const ds = localToUtc(y, mo, dd, 0, g.tz);
    const wd = new Date(Date.UTC(y, mo - 1, dd)).getUTCDay();
    const weekend = wd === 0 || wd === 6;
    let mult = (g.act ? g.act(d) : 1) * (weekend ? g.weekendMult : 1);
    if (g.bursty) { const b = g.bursty === true ? { p: 0.12, x: 6 } : g.bursty; mult *= rnd() < b.p ? b.x : (1 - b.p * b.x) / (1 - b.p); }
    const week = Math.floor(d / 7);
    const ownerActive = !(g.owner0 !== undefined && d >= g.owner0 && (g.owner1 === undefined || d < g.owner1));
    const here = (m, ms) => m.join < ms && (m.leave === null || m.leave > ms);
    const mid_ = ds + 12 * 3600e3;
    const pres = talkers.filter((m) => here(m, mid_) && m.weeks[week]);
    const mkConv = (starter, t, nReplies, promptedBy) => {
      const conv = [];
      const first = { ms: t, sender: starter, type: 'text', text: starter.type === 'owner' ? pick(OWNER_POSTS) : pick(STARTERS), id: ++mid };
      if (!promptedBy) { events.push(first); conv.push(first); } else conv.push(promptedBy);
      let tt = t;
      for (let k = 0; k < nReplies; k++) {
        tt += Math.min(expo(promptedBy ? (g.promptGap ?? 6) : 3), 25) * 60e3 + 5000;
        const last = conv[conv.length - 1];
        let who;
        if (!promptedBy && starter.type !== 'owner' && rnd() < 0.28 && last.sender !== starter) who = starter;
        else if (g.ownerReply && ownerActive && rnd() < g.ownerReply * 0.3 && last.sender !== owner) who = owner;
        else who = wpick(pres.filter((m) => m !== last.sender && here(m, tt)), (m) => respW[m.type]);
        if (!who) break;
        const target = rnd() < 0.7 ? last : conv[0];
        const e = { ms: tt, sender: who, type: rnd() < 0.1 ? 'sticker' : 'text', text: '', id: ++mid };
        e.text = e.type === 'sticker' ? '[动画表情]' : (rnd() < 0.2 && target.sender.type !== 'bot' ? `@${target.sender.name} ` : '') + pick(REPLIES);
        if (rnd() < 0.6) e.replyTo = target;
        events.push(e); conv.push(e);
      }
    };
    if (mult > 0 && !g.prompted) {
      for (const m of pres) {
        if (m.type === 'chattyLeaver' && m.leave < ds) continue;
        if (rnd() < initP[m.type] * mult) {
          const t = ds + (sampleHour(hw) * 3600 + rnd() * 3600) * 1000;
          mkConv(m, t, Math.floor(expo(3.2)), null);
        }
      }
    }
    // burster
    for (const m of members) if (m.type === 'burster' && m.burstDay === d && here(m, ds + 12 * 3600e3)) {
      let t = ds + 14 * 3600e3; for (let k = 0; k < 70; k++) { t += expo(3) * 60e3; events.push({ ms: t, sender: m, type: 'text', text: pick(REPLIES) + pick(STARTERS), id: ++mid }); }
    }
    // owner
    if (ownerActive) {
      const rate = g.ownerRate ? g.ownerRate(d) : 0.3;
      const n = g.prompted ? g.ownerRate(d) : poisson(rate);
      for (let k = 0; k < n; k++) {
        const h = g.ownerHours ? g.ownerHours[k % g.ownerHours.length] : (g.zombie && mult === 0 ? 9 : sampleHour(hw));
        const t = ds + (h * 3600 + rnd() * 1200) * 1000;
        const post = { ms: t, sender: owner, type: rnd() < 0.2 ? 'link' : 'text', text: pick(OWNER_POSTS), id: ++mid };
        events.push(post);
        if (mult > 0) {
          if (g.prompted) {
            const pr = talkers.filter((m) => here(m, t) && rnd() < 0.6);
            mkConv(owner, t, Math.min(poisson(Math.max(2, pr.length * 0.25) * mult), 60), post);
          } else if (rnd() < 0.6) mkConv(owner, t, Math.floor(expo(2) * mult), post);
        }
      }
    }
    if (g.bot) { const b = members.find((m) => m.type === 'bot'); const t = ds + (8 * 3600 + rnd() * 300) * 1000; events.push({ ms: t, sender: b, type: 'text', text: pick(BOT), id: ++mid }); }
  }
  // prompted groups: the pres filter in mkConv uses weekly presence; fine.
  // system join messages
  const sys = [];
  for (const m of members) {
    if (m.type === 'owner') continue;
    const inv = m.inviter ? byId.get(m.inviter) : null;
    sys.push({ ms: m.join, sender: null, type: 'system', text: inv ? `"${inv.name}"邀请"${m.name}"加入了群聊` : `"${m.name}"通过扫描二维码加入群聊` });
    if (m.leave !== null && m.leave <= AS_OF_MS) sys.push({ ms: m.leave, sender: null, type: 'system', text: `"${m.name}"退出了群聊` });
  }
  // assemble messages
  let evs = events.filter((e) => e.ms <= AS_OF_MS && (!e.sender || (e.ms >= e.sender.join - 1 && (e.sender.leave === null || e.ms < e.sender.leave))));
  if (g.sysJoins) evs = evs.concat(sys.filter((e) => e.ms <= AS_OF_MS));
  if (g.lastEventPad) { const m = mk('lurker', AS_OF_MS - 3600e3, owner.id); if (g.sysJoins || g.list === 'none') evs.push({ ms: m.join, sender: null, type: 'system', text: `"${owner.name}"邀请"${m.name}"加入了群聊` }); }
  evs.sort((a, b) => a.ms - b.ms);
  let n = 0; for (const e of evs) { e.ms = Math.round(e.ms); e.mid = `${g.id}-${++n}`; if (e.sender) e.sender.msgs++; }
  return { members, events: evs, owner };
}

const csvq = (v) => { if (v === null || v === undefined) return ''; const s = String(v); return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s; };

function writeGroup(g, dir) {
  const { members, events, owner } = generate(g);
  const gname = `${g.id}群`;
  const cols = g.role ? ['message_id', 'group_id', 'group_name', 'timestamp', 'sender_id', 'sender_name', 'role', 'type', 'text', 'reply_to'] : ['message_id', 'group_id', 'group_name', 'timestamp', 'sender_id', 'sender_name', 'type', 'text', 'reply_to'];
  const lines = [cols.join(',')];
  for (const e of events) {
    const row = { message_id: e.mid, group_id: g.id, group_name: gname, timestamp: fmtTs(e.ms, g), sender_id: e.sender?.id ?? '', sender_name: e.sender?.name ?? '', role: e.sender ? (e.sender.role) : '', type: e.type, text: e.text, reply_to: e.replyTo?.mid ?? '' };
    lines.push(cols.map((c) => csvq(row[c])).join(','));
  }
  fs.writeFileSync(path.join(dir, `${g.id}.messages.csv`), lines.join('\n') + '\n');
  if (g.list !== 'none') {
    const mc = g.list === 'noinviter' ? ['group_id', 'member_id', 'name', 'role', 'joined_at', 'left_at'] : ['group_id', 'member_id', 'name', 'role', 'joined_at', 'left_at', 'invited_by'];
    const ml = [mc.join(',')];
    for (const m of members) { if (m.join > AS_OF_MS) continue; const row = { group_id: g.id, member_id: m.id, name: m.name, role: m.role, joined_at: fmtIso(m.join, g.tz), left_at: m.leave !== null && m.leave <= AS_OF_MS ? fmtIso(m.leave, g.tz) : '', invited_by: m.inviter ?? '' }; ml.push(mc.map((c) => csvq(row[c])).join(',')); }
    fs.writeFileSync(path.join(dir, `${g.id}.members.csv`), ml.join('\n') + '\n');
  }
  return truthFor(g, members, events, owner);
}

function truthFor(g, members, events, owner) {
  const t0 = dayStartUtc(g, 0);
  const inAt = (m, ms) => m.join <= ms && (m.leave === null || m.leave > ms);
  const human = (e) => e.sender && e.sender.type !== 'bot' && e.sender.type !== 'spammer';
  const memberMsgs = events.filter((e) => human(e) && e.sender.type !== 'owner');
  const lastMember = memberMsgs.length ? memberMsgs[memberMsgs.length - 1].ms : null;
  const spoke = new Set(events.filter(human).map((e) => e.sender.id));
  // fission truth
  const ordinary = (m) => !['owner', 'bot'].includes(m.type);
  const joinedBefore = members.filter((m) => m.join <= AS_OF_MS && m.type !== 'owner');
  const invited = joinedBefore.filter((m) => m.inviter);
  const judged = invited.filter((m) => m.join <= AS_OF_MS - 30 * DAY);
  const stayed = judged.filter((m) => m.leave === null || m.leave > m.join + 30 * DAY);
  const membersEver = members.filter((m) => m.join <= AS_OF_MS).length;
  const rosterNow = members.filter((m) => inAt(m, AS_OF_MS)).length;
  const stayShare = judged.length ? stayed.length / judged.length : null;
  const K_ever = stayShare === null ? null : invited.length / membersEver * stayShare;
  const K_now = stayShare === null ? null : invited.length / rosterNow * stayShare;
  const byInviter = new Map();
  for (const m of invited) { const a = byInviter.get(m.inviter) ?? { invited: 0, sa: 0, left: 0 }; a.invited++; const st = m.leave === null || m.leave > m.join + 30 * DAY || (m.join > AS_OF_MS - 30 * DAY && m.leave === null); if (st && spoke.has(m.id)) a.sa++; if (!st) a.left++; byInviter.set(m.inviter, a); }
  const spreaders = [...byInviter.entries()].filter(([id]) => { const m = members.find((x) => x.id === id); return m && ordinary(m) && inAt(m, AS_OF_MS); })
    .map(([id, a]) => ({ id, ...a, score: a.sa - 0.5 * a.left })).sort((a, b) => b.sa - a.sa || b.score - a.score);
  const badSpreader = members.find((m) => m.badSpreader)?.id ?? null;
  // seeds truth: planted seeds still in group
  const seeds = members.filter((m) => m.type === 'seed' && inAt(m, AS_OF_MS)).map((m) => m.id);
  const nonSeedTraps = members.filter((m) => ['burster', 'chattyLeaver', 'spammer'].includes(m.type)).map((m) => ({ id: m.id, type: m.type, msgs: m.msgs }));
  // receptive hours in Shanghai
  const midMs = t0 + Math.floor(g.N / 2) * DAY;
  const peaksSh = g.peaks.map((h) => { const u = dayStartUtc(g, Math.floor(g.N / 2)) + h * 3600e3; return localHour(u, 'Asia/Shanghai'); });
  const phases = g.phases.map(([p, d]) => ({ phase: p, start: new Date(dayStartUtc(g, d)).toISOString() }));
  // member message share of owner
  const humanMsgs = events.filter(human).length;
  const ownerMsgs = events.filter((e) => e.sender === owner).length;
  return {
    id: g.id, note: g.note ?? '', N: g.N, tz: g.tz, list: g.list, sysJoins: g.sysJoins, tsFormat: g.tsFormat,
    start: new Date(t0).toISOString(), phase: g.phases[g.phases.length - 1][0], phaseSince: phases[phases.length - 1].start, phases, phaseSoft: !!g.phaseSoft,
    lateGrowth: g.lateGrowthDay !== undefined, lateGrowthSince: g.lateGrowthDay !== undefined ? new Date(dayStartUtc(g, g.lateGrowthDay)).toISOString() : null,
    dead: !!g.dead, zombie: !!g.zombie, atRisk: !!g.atRisk,
    lacking: g.lacking ? true : g.dead ? null : false, lackingSoft: !!g.lackingSoft,
    lastMemberMessage: lastMember ? new Date(lastMember).toISOString() : null,
    daysSinceMember: lastMember ? (AS_OF_MS - lastMember) / DAY : null,
    seeds, nonSeedTraps, peaksShanghai: peaksSh, weekendMult: g.weekendMult,
    fission: { members: membersEver, rosterNow, invited: invited.length, judged30: judged.length, stayed30: stayed.length, K_ever, K_now, topSpreaders: spreaders.slice(0, 5), badSpreader, hasInviter: g.list === 'full' || (g.list === 'none' && g.sysJoins) },
    counts: { messages: events.filter((e) => e.sender).length, human: humanMsgs, owner: ownerMsgs, members: memberMsgs.length },
  };
}

const dir = path.join(OUT, 'data'); fs.mkdirSync(dir, { recursive: true });
const truth = [];
for (const g of G) { if (ONLY && !ONLY.has(g.id)) continue; const t = writeGroup(g, dir); truth.push(t); console.error(`${g.id}: ${t.counts.messages} msgs, ${t.fission.members} members, roster ${t.fission.rosterNow}`); }
if (!ONLY) fs.writeFileSync(path.join(OUT, 'truth.json'), JSON.stringify(truth, null, 1));
console.error('total messages', truth.reduce((a, t) => a + t.counts.messages, 0));
export { G };
