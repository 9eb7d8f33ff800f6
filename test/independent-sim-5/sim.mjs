#!/usr/bin/env node
// independent-sim-5: the export formats the other independent simulators do not write — QQ NT through
// qq-chat-exporter (single JSON, friendly file name, chunked JSONL), PC QQ 消息管理器 MHT, ChatLab
// JSON / JSONL, WeFlow and EchoTrace JSON, chatlog CSV, PyWxDump CSV (new and old), 留痕 TXT and 2.x CSV,
// a WeChat member list as .xlsx (title row, totals row, Excel dates), a QQ member list CSV, LINE TXT in
// five shapes (ja phone in a ZIP, zh-Hant PC, zh-CN phone, US English phone, Thai Buddhist-era phone,
// a one-to-one chat) and DiscordChatExporter CSV — with planted truth.
// Written from docs only (see README.md). Plain Node ESM, no dependencies, deterministic from --seed.
//   node sim.mjs OUTDIR [--seed N]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const argv = process.argv.slice(2);
const OUT = argv[0];
const SEED = Number(argv[argv.indexOf('--seed') + 1] || 1) || 1;
if (!OUT) { console.error('usage: sim.mjs OUTDIR [--seed N]'); process.exit(2); }

// ---------------------------------------------------------------- random
function mulberry32(a) { return () => { a |= 0; a = (a + 0x6d2b79f5) | 0; let t = Math.imul(a ^ (a >>> 15), 1 | a); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; }
let rng = mulberry32(SEED * 7919 + 13);
const R = () => rng();
const ri = (a, b) => a + Math.floor(R() * (b - a + 1));
const pick = (xs) => xs[Math.floor(R() * xs.length)];
const poisson = (l) => { if (l <= 0) return 0; if (l > 30) return Math.max(0, Math.round(l + Math.sqrt(l) * gauss())); let L = Math.exp(-l), k = 0, p = 1; do { k++; p *= R(); } while (p > L); return k - 1; };
function gauss() { let u = 0, v = 0; while (u === 0) u = R(); while (v === 0) v = R(); return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v); }
function wpick(items, w) { let s = 0; for (const x of items) s += w(x); if (s <= 0) return null; let r = R() * s; for (const x of items) { r -= w(x); if (r <= 0) return x; } return items[items.length - 1]; }

// ---------------------------------------------------------------- time
const DAY = 86400000;
const ZONES = { 'Asia/Shanghai': 8, 'Asia/Tokyo': 9, 'Asia/Taipei': 8, 'Asia/Bangkok': 7, 'Pacific/Honolulu': -10 };
const END_LOCAL = Date.UTC(2025, 8, 14); // local midnight of the last day (2025-09-14, a Sunday), as if UTC
const pad = (n, w = 2) => String(n).padStart(w, '0');
// a "local" ms value is wall-clock time expressed as if UTC; real UTC = local - offset
const L = (ms) => new Date(ms);
const ymd = (lm, sep = '-') => { const d = L(lm); return `${d.getUTCFullYear()}${sep}${pad(d.getUTCMonth() + 1)}${sep}${pad(d.getUTCDate())}`; };
const hms = (lm) => { const d = L(lm); return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`; };
const hm = (lm) => { const d = L(lm); return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`; };
const dow = (lm) => L(lm).getUTCDay(); // 0 = Sunday

// ---------------------------------------------------------------- names and texts
const SUR = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIV = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玲建文辉鑫宇晨欣怡子涵浩然思远雨萱梓轩诗琪佳怡俊杰一鸣晓东海燕小雪晓峰'.match(/../g);
const NICKP = ['小', '阿', '大', '老'];
const NICKS = ['鱼儿', '杰', '胖', '周', '桃子', '饺子', '柚子', '木木', '七七', '豆豆', '糖糖', '果果', '乐乐', '团子', '球球', '米粒', '星星', '可乐', '布丁', '奶茶'];
const JA_SUR = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山田', '佐々木', '山口', '松本', '井上', '木村', '林', '清水', '斎藤', '森', '池田', '橋本', '阿部', '石川', '前田', '藤田', '岡田', '後藤', '長谷川', '村上', '近藤', '坂本', '遠藤', '青木', '西村', '福田', '太田', '三浦', '藤井'];
const JA_GIV = ['ゆうき', 'さくら', 'はると', 'ひな', 'そうた', 'みお', 'れん', 'あおい', 'ゆい', 'こはる', 'りく', 'めい', 'たくみ', 'ことね', 'しょう', 'まお', 'けんた', 'あやの', 'ゆうと', 'なな'];
const EN_GIV = ['Mia', 'Noah', 'Liam', 'Emma', 'Olivia', 'Ava', 'Ethan', 'Kai', 'Leilani', 'Mason', 'Isla', 'Lucas', 'Chloe', 'Owen', 'Nora', 'Caleb', 'Maya', 'Ryan', 'Zoe', 'Keoni', 'Malia', 'Jonah', 'Aria', 'Eli', 'Hana', 'Luke', 'Ruby', 'Finn', 'Tess', 'Jack', 'Ivy', 'Sam', 'Lily', 'Ben', 'Ella', 'Max'];
const EN_SUR = ['Kahale', 'Nakamura', 'Smith', 'Lee', 'Chen', 'Garcia', 'Kim', 'Silva', 'Brown', 'Wong', 'Lopez', 'Patel', 'Reyes', 'Akana', 'Young', 'Park', 'Cruz', 'Hall', 'Ford', 'Ito'];
const TH_GIV = ['Somchai', 'Nok', 'Ploy', 'Beam', 'Mint', 'Arm', 'Fah', 'Tong', 'Ice', 'Bow', 'Pim', 'Oat', 'Gift', 'Nan', 'Bank', 'Pond', 'View', 'Earth', 'Jane', 'Aom', 'Film', 'Tle', 'Boss', 'Mook', 'Kwan', 'Ning', 'Pop', 'Win', 'Toon', 'Best'];
const TW_NAMES = ['SUNNY', 'Enson', '小芸', '阿哲', 'Kevin陳', '佩佩', '宇軒', '怡君', 'Amber', '志明', '春嬌', '冠廷', '雅婷', 'Tony', '家豪', '淑芬', '俊傑', '詩涵', '柏翰', '思妤', 'Vivian', '承恩', '品妍', '彥廷', '宜蓁', 'Jerry', '郁婷', '建宏', '欣妤', '子晴'];

const TXT = {
  zh: { a: ['今天', '刚刚', '话说', '有人知道', '请问', '分享一下', '我觉得', '大家看看', '其实', '昨晚', '周末', '这个', '刚下班', '早上好', '顺便问下', '说真的', '最近', '哈哈', '突然想到', '补充一点', '我这边', '上次说的', '对了', '有没有'], b: ['这个价格挺合适', '那家店又开门了', '孩子作业太多了', '课程第三节讲得好', '天气真的热', '路上堵了一个小时', '新到的货质量不错', '打卡完成', '怎么报名', '周六几点集合', '链接发我一下', '这本书推荐', '已经下单了', '效果真的明显', '有优惠券吗', '群里有人去过吗', '讲得很清楚', '我也遇到过', '下次一起', '谢谢分享', '收到', '同意楼上', '明天继续', '先记下了'], c: ['', '', '！', '。', '～', '吧', '呀', '啊', '😂', '👍', '？', '…', ' 哈哈', ' 赞', '!!', ' 🙏'] },
  ja: { a: ['今日は', 'さっき', 'ちなみに', '誰か', '明日の', '週末の', 'そういえば', '朝ラン', 'みなさん', '先週の', '今夜', '久しぶりに'], b: ['10キロ走りました', '集合は何時ですか', '雨が心配です', 'いいペースでした', '新しいシューズ買った', 'お疲れさまです', '参加します', '写真ありがとう', 'コース変更あり', '給水ポイントどこ', '膝が少し痛い', '楽しかったです'], c: ['', '！', '。', '〜', '😊', 'ね', 'よ', '！！', '👍', 'です'] },
  en: { a: ['Hey all,', 'Quick q:', 'FYI', 'Honestly', 'So', 'Morning!', 'Btw', 'Just saw', 'Anyone', 'Lol', 'Update:', 'Reminder:'], b: ['the swell looks great today', 'who is going Saturday', 'found a cheaper board rental', 'parking was full again', 'thanks for the tips', 'same here', 'count me in', 'what time do we meet', 'pics from yesterday', 'that spot is closed now', 'water was warm', 'see you there'], c: ['', '!', '.', ' :)', '?', ' 🤙', '!!', ' haha', ' 🌊', '...'] },
  tw: { a: ['今天', '剛剛', '請問', '分享', '大家', '其實', '週末', '順便', '昨天', '對了'], b: ['這本書很好看', '讀書會幾點開始', '我晚點到', '謝謝整理', '心得寫好了', '下次換哪本', '場地在哪', '同意', '推薦這章', '我也覺得'], c: ['', '！', '。', '～', '😂', '喔', '耶', '👍'] },
};
function say(lang) { const t = TXT[lang]; return pick(t.a) + pick(t.b) + pick(t.c); }

// ---------------------------------------------------------------- group plan
// scenario: inception | growth | viral | maturity | owner | decline | dead | zombie
const PLAN = [
  // zone Asia/Shanghai: QQ NT (QCE), QQ MHT, WeChat newer exporters
  { key: 'qce1', zone: 'Asia/Shanghai', fmt: 'qce-json', name: '职场英语打卡群', scen: 'viral', lang: 'zh', idk: 'qq' },
  { key: 'qce2', zone: 'Asia/Shanghai', fmt: 'qce-json-named', name: '考研数学交流群', scen: 'maturity', lang: 'zh', idk: 'qq', qqList: true },
  { key: 'qce3', zone: 'Asia/Shanghai', fmt: 'qce-chunked', name: '王者开黑车队', scen: 'decline', lang: 'zh', idk: 'qq' },
  { key: 'mht1', zone: 'Asia/Shanghai', fmt: 'qq-mht', name: '二手闲置转让群', scen: 'zombie', lang: 'zh', idk: 'qq', mhtFile: 'a' },
  { key: 'mht2', zone: 'Asia/Shanghai', fmt: 'qq-mht', name: '钢琴陪练家长群', scen: 'owner', lang: 'zh', idk: 'qq', mhtFile: 'a' },
  { key: 'mht3', zone: 'Asia/Shanghai', fmt: 'qq-mht', name: '老乡会', scen: 'dead', lang: 'zh', idk: 'qq', mhtFile: 'a' },
  { key: 'clj', zone: 'Asia/Shanghai', fmt: 'chatlab-json', name: '宝妈团购3群', scen: 'inception', lang: 'zh', idk: 'wx' },
  { key: 'cll', zone: 'Asia/Shanghai', fmt: 'chatlab-jsonl', name: '露营装备交流', scen: 'zombie', lang: 'zh', idk: 'wx' },
  { key: 'wef', zone: 'Asia/Shanghai', fmt: 'weflow-json', name: '读书打卡营', scen: 'maturity', lang: 'zh', idk: 'wx' },
  { key: 'ech', zone: 'Asia/Shanghai', fmt: 'echotrace-json', name: '健身减脂群', scen: 'dead', lang: 'zh', idk: 'wx' },
  { key: 'chl', zone: 'Asia/Shanghai', fmt: 'chatlog-csv', name: '母婴好物分享', scen: 'decline', lang: 'zh', idk: 'wx' },
  { key: 'pyw', zone: 'Asia/Shanghai', fmt: 'pywxdump-csv', name: '跑团裂变群', scen: 'viral', lang: 'zh', idk: 'wx' },
  { key: 'pyo', zone: 'Asia/Shanghai', fmt: 'pywxdump-old-csv', name: '理财课学员群', scen: 'owner', lang: 'zh', idk: 'wx' },
  { key: 'mtt', zone: 'Asia/Shanghai', fmt: 'memotrace-txt', name: '咖啡爱好者', scen: 'maturity', lang: 'zh', idk: 'name', wxList: true },
  { key: 'mt2', zone: 'Asia/Shanghai', fmt: 'memotrace2-csv', name: '小区业主群', scen: 'growth', lang: 'zh', idk: 'name' },
  // zone Asia/Tokyo: LINE Japanese phone, in a ZIP
  { key: 'lja1', zone: 'Asia/Tokyo', fmt: 'line-ja', name: '渋谷ランナーズ', scen: 'viral', lang: 'ja', idk: 'name', ampm: false },
  { key: 'lja2', zone: 'Asia/Tokyo', fmt: 'line-ja', name: '料理教室の仲間', scen: 'decline', lang: 'ja', idk: 'name', ampm: true },
  // zone Asia/Taipei: LINE zh-Hant PC "Save chat", LINE zh-CN phone
  { key: 'ltw', zone: 'Asia/Taipei', fmt: 'line-pc', name: '台北讀書會', scen: 'maturity', lang: 'tw', idk: 'name' },
  { key: 'lcn', zone: 'Asia/Taipei', fmt: 'line-zhcn', name: '留学生互助群', scen: 'owner', lang: 'zh', idk: 'name' },
  // zone Pacific/Honolulu: LINE US English phone (12-hour), a one-to-one chat, DiscordChatExporter CSV
  { key: 'len1', zone: 'Pacific/Honolulu', fmt: 'line-en', name: 'Maui Surf Club', scen: 'maturity', lang: 'en', idk: 'name' },
  { key: 'len2', zone: 'Pacific/Honolulu', fmt: 'line-en', name: 'Kona Coffee Growers', scen: 'growth', lang: 'en', idk: 'name' },
  { key: 'dcsv', zone: 'Pacific/Honolulu', fmt: 'discord-csv', name: 'general', guild: 'Aloha Makers', scen: 'maturity', lang: 'en', idk: 'snow' },
  // zone Asia/Bangkok: LINE English phone with Buddhist-era dates
  { key: 'lth', zone: 'Asia/Bangkok', fmt: 'line-th', name: 'Bangkok Foodies', scen: 'inception', lang: 'en', idk: 'name', thai: true },
];
const OWNERS = { // one operator per platform and zone (operators export their own groups)
  wx: { name: '林小满', id: 'wxid_linxiaoman88' },
  qq: { name: '周老师', uin: '10086001' },
  'Asia/Tokyo': '高橋まこと', 'Asia/Taipei': 'Jasmine', 'Pacific/Honolulu': 'Kai Makoa', 'Asia/Bangkok': 'Nattapong',
};

const SC = {
  inception: { age: 19, size: 42, rate: 5 },
  growth: { age: 170, size: 130, rate: 4 },
  viral: { age: 140, size: 170, rate: 4 },
  maturity: { age: 330, size: 105, rate: 4, growEnd: 85 },
  owner: { age: 300, size: 90, rate: 4, growEnd: 80 },
  decline: { age: 360, size: 115, rate: 4, growEnd: 90, fall: 78 },
  dead: { age: 300, size: 80, rate: 3.5, growEnd: 80, fall: 140, silentFor: 47 },
  zombie: { age: 280, size: 70, rate: 3.5, growEnd: 80, fall: 150, silentFor: 62 },
};

// ---------------------------------------------------------------- one group
let uinSeq = 0, snowSeq = 0;
function makePerson(spec, used) {
  for (;;) {
    let name, nick;
    if (spec.lang === 'zh') { name = R() < 0.55 ? pick(SUR) + pick(GIV) : pick(NICKP) + pick(NICKS) + (R() < 0.3 ? ri(1, 99) : ''); nick = R() < 0.2 ? pick(NICKP) + pick(NICKS) + ri(100, 999) : name; }
    else if (spec.lang === 'ja') { name = pick(JA_SUR) + pick(JA_GIV); nick = name; }
    else if (spec.lang === 'tw') { name = pick(TW_NAMES) + (R() < 0.5 ? ri(1, 99) : ''); nick = name; }
    else if (spec.thai) { name = pick(TH_GIV) + (R() < 0.4 ? ' ' + pick(['Jr', 'Sae', 'Kung']) : ''); nick = name; }
    else { name = pick(EN_GIV) + ' ' + pick(EN_SUR); nick = name; }
    if (used.has(name) || used.has(nick)) continue;
    used.add(name); used.add(nick);
    const p = { name, nick, card: name };
    // QQ: the message shows the group card; tips name people by their nickname
    if (spec.idk === 'qq') { p.card = name; p.nick = R() < 0.25 ? nick : name; p.id = String(20000000 + (++uinSeq) * 7919 % 900000000 + ri(0, 7000)); p.uid = 'u_' + Math.floor(R() * 1e12).toString(36) + (uinSeq).toString(36); }
    else if (spec.idk === 'wx') { p.id = R() < 0.7 ? 'wxid_' + Math.floor(R() * 36 ** 10).toString(36) : pick(['zh', 'li', 'mm', 'xx']) + Math.floor(R() * 1e8).toString(36) + (uinSeq++); }
    else if (spec.idk === 'snow') p.id = String(400000000000000000n + BigInt(++snowSeq) * 1234567891011n);
    else p.id = name;
    if (spec.idk === 'name' && spec.wxList) p.wxid = 'wxid_' + Math.floor(R() * 36 ** 10).toString(36);
    return p;
  }
}

function simGroup(spec) {
  const sc = SC[spec.scen];
  const off = ZONES[spec.zone];
  const age = sc.age + ri(-5, 5);
  const startL = END_LOCAL - (age - 1) * DAY; // local midnight of day 0
  const used = new Set();
  const members = [];
  const ev = []; // {t (local ms), type, m, ...}
  // owner
  let owner;
  if (spec.idk === 'qq') { owner = { name: OWNERS.qq.name, nick: OWNERS.qq.name, card: OWNERS.qq.name, id: OWNERS.qq.uin, uid: 'u_owner_zhou' }; }
  else if (spec.idk === 'wx') owner = { name: OWNERS.wx.name, nick: OWNERS.wx.name, card: OWNERS.wx.name, id: OWNERS.wx.id };
  else if (spec.idk === 'snow') owner = { name: 'Kai Makoa', nick: 'Kai Makoa', card: 'Kai Makoa', id: '300000000000000001' };
  else { const n = OWNERS[spec.zone] ?? OWNERS.wx.name; owner = { name: n, nick: n, card: n, id: spec.wxList ? n : n }; if (spec.wxList) { owner = { name: OWNERS.wx.name, nick: OWNERS.wx.name, card: OWNERS.wx.name, id: OWNERS.wx.name, wxid: OWNERS.wx.id }; } }
  used.add(owner.name);
  Object.assign(owner, { role: 'owner', kind: 'owner', joinD: 0, joinT: startL + 9 * 3600000, leaveD: null, prop: 0, inviter: null, method: 'creator' });
  members.push(owner);

  // join schedule
  const growEnd = sc.growEnd ?? age;
  const fallD = sc.fall != null ? age - sc.fall : null;
  const lastMemberD = sc.silentFor != null ? age - sc.silentFor : null;
  const jrate = (d) => {
    switch (spec.scen) {
      case 'inception': return d < 5 ? 6 : 1.2;
      case 'growth': return 0.35 + 0.85 * d / age;
      case 'viral': return d < 40 ? 0.35 : Math.min(4.5, 0.35 * Math.exp((d - 40) / 28));
      default: {
        if (d < growEnd) return (sc.size * 0.95) / growEnd;
        if (fallD != null && d >= fallD) return 0.03;
        return 0.07;
      }
    }
  };
  const hz = (d) => {
    if (spec.scen === 'inception') return 0;
    if (fallD != null && d >= fallD) return 0.006;
    return 0.0009;
  };
  const spreaders = [];
  const present = (m, d) => m.joinD <= d && (m.leaveD == null || m.leaveD > d);
  for (let d = 0; d < age; d++) {
    if (lastMemberD != null && d > lastMemberD) break; // nobody joins a dead group
    const n = poisson(jrate(d)) + (d === 0 ? (spec.scen === 'inception' ? 8 : 4) : 0);
    for (let k = 0; k < n; k++) {
      const p = makePerson(spec, used);
      p.role = 'member'; p.joinD = d; p.joinT = startL + d * DAY + (d === 0 ? 9 * 3600000 + 60000 * (k + 1) : ri(8 * 3600, 23 * 3600) * 1000); p.leaveD = null;
      p.kind = 'lurker'; p.prop = 0;
      // inviter
      const cands = members.filter((m) => present(m, d) && m.role === 'member' && m.kind !== 'spammer');
      let inviter = null, method;
      if (spec.scen === 'viral' && d >= 40 && spreaders.length && R() < 0.7) { inviter = R() < 0.66 || !spreaders[1] ? spreaders[0] : spreaders[1]; method = R() < 0.75 ? 'invite' : 'qr'; }
      else { const r = R(); if (d === 0 || r < 0.4) { inviter = owner; method = 'invite'; } else if (r < 0.65 && cands.length) { inviter = pick(cands); method = 'invite'; } else { inviter = cands.length && R() < 0.6 ? pick(cands) : owner; method = 'qr'; } }
      p.inviter = inviter; p.method = method;
      members.push(p);
    }
    if (spec.scen === 'viral' && d >= 10 && spreaders.length < 2) for (const c of members.slice(3)) if (spreaders.length < 2 && c.role === 'member') { c.kind = 'spreader'; c.prop = 1.6; spreaders.push(c); }
  }
  if (spec.scen === 'viral') while (spreaders.length < 2) { const c = members.find((m) => m.role === 'member' && m.kind === 'lurker' && m.joinD < 30); c.kind = 'spreader'; c.prop = 1.6; spreaders.push(c); }
  // propensities: seeds among early joiners, regulars, occasional, lurkers
  const ordinary = members.filter((m) => m.role === 'member' && m.kind === 'lurker');
  const early = ordinary.filter((m) => m.joinD <= Math.max(3, Math.min(growEnd, age) * 0.25));
  const nSeeds = 2 + (R() < 0.5 ? 1 : 0);
  const seeds = [];
  while (seeds.length < nSeeds) { const c = pick(early); if (!seeds.includes(c)) seeds.push(c); }
  seeds.forEach((s, i) => { s.kind = 'seed'; s.prop = 7 - i * 1.2; });
  for (const m of ordinary) {
    if (m.kind !== 'lurker') continue;
    const r = R();
    if (r < 0.12) { m.kind = 'regular'; m.prop = 1.0 + R(); }
    else if (r < 0.38) { m.kind = 'occasional'; m.prop = 0.15 + 0.25 * R(); }
    if (m.inviter && spreaders.includes(m.inviter) && R() < 0.6) { m.kind = 'occasional'; m.prop = 0.3 + 0.4 * R(); }
  }
  // leaves (not the owner, seeds, spreaders)
  for (const m of members) {
    if (m.role !== 'member' || ['seed', 'spreader'].includes(m.kind)) continue;
    for (let d = m.joinD + 1; d < age; d++) if (R() < hz(d)) { m.leaveD = d; break; }
    if (m.inviter && spreaders.includes(m.inviter)) m.leaveD = null; // spreaders' invitees stay
  }
  // decoys: a one-day burst, an active member who leaves 40 days before the end, an ad spammer removed next day
  const decoys = [];
  const aliveEnd = lastMemberD ?? age - 1;
  const burst = ordinary.find((m) => m.kind === 'lurker' && m.leaveD == null && m.joinD < aliveEnd - 20);
  if (burst) { burst.kind = 'burst'; burst.burstD = Math.min(aliveEnd - 3, ri(burst.joinD + 5, aliveEnd - 5)); decoys.push(burst); }
  if (!['inception', 'dead', 'zombie'].includes(spec.scen)) {
    const lv = ordinary.find((m) => m.kind === 'lurker' && m.leaveD == null && m.joinD < age * 0.3);
    if (lv) { lv.kind = 'leaver'; lv.prop = 4; lv.leaveD = age - 40; decoys.push(lv); }
  }
  {
    const sd = Math.max(2, Math.min(aliveEnd - 2, Math.floor(aliveEnd * 0.7)));
    const sp = makePerson(spec, used);
    Object.assign(sp, { role: 'member', kind: 'spammer', joinD: sd, joinT: startL + sd * DAY + 10 * 3600000, leaveD: sd + 1, prop: 0, inviter: null, method: 'qr' });
    sp.inviter = owner; // QR code shared by the owner, as groups share their code
    members.push(sp); decoys.push(sp);
  }
  // ---------------------------------------------------------------- events: joins/leaves
  for (const m of members) {
    if (m.role === 'owner') continue;
    ev.push({ t: m.joinT, type: 'join', m, by: m.inviter, method: m.method });
    if (m.leaveD != null && m.leaveD < age) {
      const t = startL + m.leaveD * DAY + ri(9 * 3600, 22 * 3600) * 1000;
      if (m.kind === 'spammer') { m.leaveT = m.joinT + DAY - 3600000; ev.push({ t: m.leaveT, type: 'remove', m, by: owner }); }
      else { m.leaveT = t; ev.push({ t, type: 'leave', m }); }
    }
  }
  // ---------------------------------------------------------------- messages
  const peakHour = pick([21, 20, 22, 12, 9, 19]);
  const hourW = [0, 0, 0, 0, 0, 0, 0.2, 0.5, 1, 1.2, 1, 1, 1.3, 1, 0.8, 0.8, 0.9, 1, 1.1, 1.3, 1.4, 1.4, 1.1, 0.6];
  const sampleHour = () => (R() < 0.42 ? peakHour : wpick([...hourW.keys()], (h) => hourW[h]));
  let msgSeq = 0;
  const act = (d) => {
    const rosterNow = members.filter((m) => present(m, d)).length;
    let a;
    switch (spec.scen) {
      case 'inception': a = 1; break;
      case 'growth': case 'viral': a = Math.max(0.25, rosterNow / sc.size); break;
      default: a = d < growEnd ? Math.max(0.3, rosterNow / sc.size) : 1;
    }
    if (fallD != null && d >= fallD) a *= Math.max(spec.scen === 'decline' ? 0.06 : 0, Math.exp(-(d - fallD) / (spec.scen === 'decline' ? 26 : 20)));
    if (lastMemberD != null && d > lastMemberD) a = 0;
    return a;
  };
  const dowW = [1.25, 0.9, 0.9, 0.95, 0.95, 1.0, 1.3]; // Sun..Sat
  const addMsg = (t, m, extra = {}) => { const e = { t, type: 'msg', m, kind: 'text', text: say(spec.lang), id: ++msgSeq, ...extra }; if (!extra.kind && R() < 0.08) { e.kind = pick(['image', 'image', 'sticker', 'voice', 'file']); } ev.push(e); return e; };
  const isOwnerDriven = spec.scen === 'owner';
  for (let d = 0; d < age; d++) {
    const dayL = startL + d * DAY;
    const pres0 = members.filter((m) => present(m, d) && m.role === 'member' && m.prop > 0 && m.kind !== 'spammer');
    const pres = pres0;
    const A = act(d);
    const nConv = A > 0 ? poisson(sc.rate * A * dowW[dow(dayL)] * (isOwnerDriven ? 0.15 : 1)) : 0;
    const convs = [];
    for (let k = 0; k < nConv; k++) convs.push({ t: dayL + sampleHour() * 3600000 + ri(0, 3599) * 1000, owner: !isOwnerDriven && R() < 0.07 });
    if (isOwnerDriven && R() < 0.92) convs.push({ t: dayL + peakHour * 3600000 + ri(0, 900) * 1000, owner: true, prompt: true });
    if (isOwnerDriven && R() < 0.5) convs.push({ t: dayL + pick([9, 12, 18]) * 3600000 + ri(0, 900) * 1000, owner: true, prompt: true });
    for (const c of convs) {
      if (!pres0.length) break;
      if (lastMemberD != null && d >= lastMemberD && !(d === lastMemberD)) break;
      let t = c.t;
      if (c.t < owner.joinT + 60000) continue;
      const pres = pres0.filter((m) => m.joinT < c.t - 60000);
      if (!pres.length) continue;
      const starter = c.owner ? owner : wpick(pres, (m) => m.prop);
      let prev = addMsg(t, starter);
      const len = c.prompt ? ri(2, 6) : 1 + Math.min(12, 1 + Math.floor(Math.log(R()) / Math.log(0.62)));
      const parts = [starter];
      for (let i = 0; i < len; i++) {
        t += ri(15, 280) * 1000;
        let sp;
        if (R() < 0.4 && parts.length > 1) sp = pick(parts.filter((p) => p !== prev.m)) ?? wpick(pres, (m) => m.prop);
        else sp = wpick(pres.filter((m) => m !== prev.m), (m) => m.prop) ?? owner;
        if (!sp) break;
        if (isOwnerDriven && sp === owner) continue;
        if (!parts.includes(sp)) parts.push(sp);
        prev = addMsg(t, sp, R() < 0.35 ? { replyTo: prev } : {});
      }
    }
    // the burst day
    for (const b of decoys) if (b.kind === 'burst' && b.burstD === d) {
      let t = dayL + 10 * 3600000;
      for (let i = 0; i < 50; i++) { t += ri(120, 700) * 1000; const e = addMsg(t, b); if (i % 5 === 4 && pres.length) { const o = pick(pres.filter((m) => m !== b)); if (o) addMsg(t + 30000, o, { replyTo: e }); t += 40000; } }
    }
    // the spammer
    for (const s of decoys) if (s.kind === 'spammer' && s.joinD === d) {
      const ad = '加V：dg' + ri(1000, 9999) + ' 专业代购名牌包包，低价出售，私聊有惊喜';
      const adText = spec.lang === 'zh' || spec.lang === 'tw' ? ad : spec.lang === 'ja' ? '副業で月収50万円！詳しくはプロフのリンクから ' + ri(10, 99) : 'Make $500/day from home!!! DM me for the link ' + ri(10, 99);
      for (let i = 0; i < 4; i++) ev.push({ t: s.joinT + (i + 1) * 600000, type: 'msg', m: s, kind: 'text', text: adText, id: ++msgSeq });
    }
    // zombie: the owner keeps posting daily after members fell silent
    if (spec.scen === 'zombie' && lastMemberD != null && d > lastMemberD) {
      ev.push({ t: dayL + 8 * 3600000 + ri(0, 1800) * 1000, type: 'msg', m: owner, kind: 'text', text: pick(['早安打卡，今天也要加油', '新品上架，欢迎选购', '本周活动通知：周六晚八点', '大家好，记得按时签到', '群公告：请勿发广告']) + '（' + ymd(dayL, '/') + '）', id: ++msgSeq });
    }
  }
  // the last member message of a dead/zombie group is on lastMemberD exactly
  if (lastMemberD != null) {
    const lm = ev.filter((e) => e.type === 'msg' && e.m.role === 'member' && e.m.kind !== 'spammer');
    const last = lm.reduce((a, e) => Math.max(a, e.t), 0);
    if (last < startL + lastMemberD * DAY) { const s = seeds[0]; addMsg(startL + lastMemberD * DAY + 20 * 3600000, s); }
  }
  // recalls (a message taken back: a tip, no message) and LINE calls
  const msgs = ev.filter((e) => e.type === 'msg');
  for (let i = 0; i < 6; i++) { const e = pick(msgs); if (e.m.role === 'member' && e.m.kind !== 'spammer' && !e.recalled && e.t > startL + 2 * DAY && e.t < END_LOCAL - 2 * DAY) { e.type = 'recall'; } }
  if (spec.fmt.startsWith('line-') && spec.lang === 'en') for (let i = 0; i < 4; i++) { const e = pick(msgs.filter((x) => x.type === 'msg' && x.m.role === 'member')); ev.push({ t: e.t + 1000, type: 'call', m: e.m, dur: `${ri(0, 9)}:${pad(ri(0, 59))}` }); }
  // multi-line messages
  for (let i = 0; i < 25; i++) { const e = pick(msgs); if (e.type === 'msg' && e.kind === 'text' && e.m.kind !== 'spammer') e.text = e.text + '\n' + say(spec.lang) + '\n' + say(spec.lang); }
  ev.sort((a, b) => a.t - b.t || (a.type === 'join' ? -1 : 0) - (b.type === 'join' ? -1 : 0));
  // events at exactly the same second break nothing, but keep times strictly increasing for readers that sort
  for (let i = 1; i < ev.length; i++) if (ev[i].t <= ev[i - 1].t) ev[i].t = ev[i - 1].t + 1000;
  for (const e of ev) e.utc = e.t - off * 3600000;
  return { spec, members, ev, owner, seeds, spreaders, decoys, peakHour, age, startL, growEnd, fallD, lastMemberD, off };
}

// ---------------------------------------------------------------- truth
function truthOf(g, asOfUtc) {
  const { spec, members, ev, owner } = g;
  const msgs = ev.filter((e) => e.type === 'msg');
  const sc = spec.scen;
  const dayUtc = (d) => g.startL + d * DAY - g.off * 3600000;
  let phase, since, window, dead = false, zombie = false, lacking = null;
  switch (sc) {
    case 'inception': phase = 'inception'; since = dayUtc(0); window = 'upcoming'; lacking = false; break;
    case 'growth': phase = 'growth'; since = dayUtc(21); window = null; lacking = false; break;
    case 'viral': phase = 'growth'; since = dayUtc(21); window = 'upcoming'; lacking = false; break;
    case 'maturity': phase = 'maturity'; since = dayUtc(g.growEnd); window = 'open'; lacking = false; break;
    case 'owner': phase = 'maturity'; since = dayUtc(g.growEnd); window = 'open'; lacking = true; break;
    case 'decline': phase = 'decline'; since = dayUtc(g.fallD); window = 'closed'; break;
    case 'dead': phase = 'decline'; since = dayUtc(g.fallD); window = 'closed'; dead = true; lacking = null; break;
    case 'zombie': phase = 'decline'; since = dayUtc(g.fallD); window = 'closed'; dead = true; zombie = true; lacking = true; break;
  }
  const idOf = (m) => m.id;
  const counts = new Map();
  for (const e of msgs) counts.set(e.m, (counts.get(e.m) || 0) + 1);
  // spreaders: invitees who stayed and talk
  const spread = new Map();
  const lineFmt = spec.fmt.startsWith('line-');
  for (const m of members) if (m.inviter && m.inviter.role === 'member' && m.method !== 'creator' && !(lineFmt && m.method !== 'invite')) {
    const stayed = m.leaveD == null || m.leaveD - m.joinD >= 30; const talks = counts.has(m);
    if (!spread.has(m.inviter)) spread.set(m.inviter, { invited: 0, sa: 0 });
    const s = spread.get(m.inviter); s.invited++; if (stayed && talks) s.sa++;
  }
  const sp = [...spread.entries()].sort((a, b) => b[1].sa - a[1].sa);
  const roster = members.filter((m) => m.leaveT == null || m.leaveT > asOfUtc + g.off * 3600000).length;
  const rosterNoLeaves = members.length;
  // first/last event as the export writes them: QQ NT has no leave/removal tips, the zh-CN LINE shape no leave
  // wording, DiscordChatExporter CSV messages only; a member list adds the owner's listed join time
  const fmt = spec.fmt;
  const written = ev.filter((e) => !(fmt.startsWith('qce') && (e.type === 'leave' || e.type === 'remove')) && !(fmt === 'line-zhcn' && e.type === 'leave') && !(fmt === 'discord-csv' && e.type !== 'msg'));
  const firstEv = spec.qqList || spec.wxList ? { utc: Math.min(written[0].utc, g.startL + 9 * 3600000 - g.off * 3600000) } : written[0], lastEv = written[written.length - 1];
  const removed = members.filter((m) => m.kind === 'spammer' && m.leaveT != null).length;
  // QQ 消息管理器 notices name people by nickname; a speaker whose card differs may count twice (docs: QQ TXT rosters +1…+6)
  const nickSpeakers = members.filter((m) => m.nick !== m.card && counts.has(m)).length;
  const lastMember = msgs.filter((e) => e.m.role === 'member' && e.m.kind !== 'spammer').reduce((a, e) => Math.max(a, e.utc), 0);
  return {
    key: spec.key, name: spec.name, format: spec.fmt, zone: spec.zone, scenario: sc, idKind: spec.idk,
    phase, since: new Date(since).toISOString(), window, dead, zombie, lacking,
    seeds: g.seeds.map((m) => ({ id: idOf(m), name: m.name, nick: m.nick })),
    spreaders: g.spreaders.map((m) => ({ id: idOf(m), name: m.name, nick: m.nick, ...spread.get(m) })),
    spreadAll: sp.map(([m, v]) => [m.name, v.invited, v.sa]).slice(0, 5),
    topSpreader: sp.length && sp[0][1].sa - (sp[1]?.[1].sa ?? 0) >= 2 ? { id: idOf(sp[0][0]), name: sp[0][0].name, nick: sp[0][0].nick, stayedAndActive: sp[0][1].sa, next: sp[1]?.[1].sa ?? 0 } : null,
    decoys: g.decoys.map((m) => ({ id: idOf(m), name: m.name, kind: m.kind })),
    staff: [{ id: idOf(owner), name: owner.name }],
    peakHour: g.peakHour,
    messages: msgs.length,
    recalls: ev.filter((e) => e.type === 'recall').length,
    roster, rosterNoLeaves, rosterNoVoluntaryLeaves: rosterNoLeaves - removed, nickSpeakers, joins: members.length - 1,
    firstEvent: new Date(firstEv.utc).toISOString(), lastEvent: new Date(lastEv.utc).toISOString(),
    lastMemberMessage: new Date(lastMember).toISOString(),
    memberMessages: Object.fromEntries([...counts.entries()].map(([m, n]) => [idOf(m), n])),
  };
}

// ---------------------------------------------------------------- writers
const csvq = (s) => { s = String(s ?? ''); return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; };
const csvLine = (xs, sep = ',') => xs.map(csvq).join(sep);
const BOM = '\ufeff';
function write(file, data) { fs.mkdirSync(path.dirname(file), { recursive: true }); fs.writeFileSync(file, data); }
const wxTipName = (m) => m.name;
const wxKind = { text: ['文本', 1, '文本消息', 0], image: ['图片', 3, '图片消息', 1], sticker: ['动画表情', 47, '动画表情', 5], voice: ['语音', 34, '语音消息', 2], file: ['文件', 49, '文件消息', 4] };
const mediaText = { image: '[图片]', sticker: '[动画表情]', voice: '[语音]', file: '[文件]' };

// WeChat system-notice text for an event; you = the exporter's member (rendered 你) or null
function wxSys(e, you) {
  const N = (m) => (you && m === you ? '你' : `"${wxTipName(m)}"`);
  if (e.type === 'join') {
    if (e.method === 'invite') return you && e.by === you ? `你邀请"${wxTipName(e.m)}"加入了群聊` : `${N(e.by)}邀请"${wxTipName(e.m)}"加入了群聊`;
    return you && e.by === you ? `"${wxTipName(e.m)}"通过扫描你分享的二维码加入群聊` : `"${wxTipName(e.m)}"通过扫描${N(e.by)}分享的二维码加入群聊`;
  }
  if (e.type === 'leave') return `"${wxTipName(e.m)}"退出了群聊`;
  if (e.type === 'remove') return you && e.by === you ? `你将"${wxTipName(e.m)}"移出了群聊` : `${N(e.by)}将"${wxTipName(e.m)}"移出了群聊`;
  if (e.type === 'recall') return `"${wxTipName(e.m)}" 撤回了一条消息`;
  return null;
}
const roomId = (g) => { if (!g._room) g._room = String(ri(10000000000, 99999999999)) + '@chatroom'; return g._room; };

function writeWeflow(g, file, echo) {
  const you = g.owner;
  const out = [];
  let lid = 1;
  for (const e of g.ev) {
    if (e.type === 'call') continue;
    const ts = Math.floor(e.utc / 1000);
    const base = { localId: lid++, createTime: ts, formattedTime: `${ymd(e.t)} ${hms(e.t)}` };
    if (e.type === 'msg') {
      const k = wxKind[e.kind];
      out.push({ ...base, type: k[2], localType: k[1], content: e.kind === 'text' ? e.text : mediaText[e.kind], isSend: e.m === you ? 1 : 0, senderUsername: e.m.id, senderDisplayName: e.m.name, senderAvatarKey: e.m.id, source: '' });
    } else {
      out.push({ ...base, type: '系统消息', localType: 10000, content: wxSys(e, you), isSend: null, senderUsername: '', senderDisplayName: '', senderAvatarKey: '', source: '' });
    }
  }
  const session = { wxid: roomId(g), nickname: g.spec.name, remark: '', displayName: g.spec.name, type: '群聊', lastTimestamp: out[out.length - 1].createTime, messageCount: out.length };
  const doc = echo ? { session, messages: out } : { weflow: { version: '1.4.2', exportedAt: Math.floor(Date.UTC(2025, 8, 15) / 1000) }, session, avatars: {}, messages: out };
  write(file, JSON.stringify(doc, null, 2));
}

function chatlabDocs(g) {
  const msgs = [];
  const typeOf = { text: 0, image: 1, voice: 2, file: 4, sticker: 5 };
  for (const e of g.ev) {
    if (e.type === 'call') continue;
    const ts = Math.floor(e.utc / 1000);
    if (e.type === 'msg') {
      const m = { sender: e.m.id, accountName: e.m.nick, groupNickname: e.m.name, timestamp: ts, type: e.replyTo && e.kind === 'text' ? 25 : typeOf[e.kind], content: e.kind === 'text' ? e.text : mediaText[e.kind], platformMessageId: String(e.id) };
      if (e.replyTo && e.kind === 'text') m.replyToMessageId = String(e.replyTo.id);
      msgs.push(m);
    } else if (e.type === 'recall') {
      msgs.push({ sender: e.m.id, accountName: e.m.nick, groupNickname: e.m.name, timestamp: ts, type: 81, content: `"${e.m.name}" 撤回了一条消息` });
    } else {
      msgs.push({ sender: 'system', accountName: '系统消息', timestamp: ts, type: 80, content: wxSys(e, null) });
    }
  }
  const members = g.members.map((m) => ({ platformId: m.id, accountName: m.nick, groupNickname: m.name }));
  const header = { version: '0.0.2', exportedAt: Math.floor(Date.UTC(2025, 8, 15) / 1000), generator: 'WeFlow' };
  const meta = { name: g.spec.name, platform: 'wechat', type: 'group', groupId: roomId(g), ownerId: g.owner.id };
  return { header, meta, members, msgs };
}
function writeChatlabJson(g, file) { const d = chatlabDocs(g); write(file, JSON.stringify({ chatlab: d.header, meta: d.meta, members: d.members, messages: d.msgs }, null, 2)); }
function writeChatlabJsonl(g, file) {
  const d = chatlabDocs(g);
  const lines = [JSON.stringify({ _type: 'header', chatlab: d.header, meta: d.meta })];
  for (const m of d.members) lines.push(JSON.stringify({ _type: 'member', ...m }));
  for (const m of d.msgs) lines.push(JSON.stringify({ _type: 'message', ...m }));
  write(file, lines.join('\n') + '\n');
}

function writeChatlog(g, file) {
  const rows = [csvLine(['Time', 'SenderName', 'Sender', 'TalkerName', 'Talker', 'Content'])];
  for (const e of g.ev) {
    const time = `${ymd(e.t)} ${hms(e.t)}`;
    if (e.type === 'msg') {
      const c = e.kind === 'text' ? e.text : { image: '![图片](http://127.0.0.1:5030/image/' + e.id.toString(16) + ')', sticker: '![动画表情](http://emoji.qpic.cn/' + e.id + ')', voice: '[语音]', file: '[文件|报价单.xlsx](http://127.0.0.1:5030/file/' + e.id + ')' }[e.kind];
      rows.push(csvLine([time, e.m.name, e.m.id, g.spec.name, roomId(g), c]));
    } else if (e.type !== 'call') rows.push(csvLine([time, '系统消息', '系统消息', g.spec.name, roomId(g), wxSys(e, null)]));
  }
  write(file, rows.join('\n') + '\n');
}

function writePywx(g, file, old) {
  const you = g.owner;
  const head = old ? ['id', 'MsgSvrID', 'type_name', 'is_sender', 'talker', 'room_name', 'content', 'CreateTime'] : ['id', 'MsgSvrID', 'type_name', 'is_sender', 'talker', 'room_name', 'msg', 'src', 'CreateTime'];
  const rows = [csvLine(head)];
  let id = 1;
  for (const e of g.ev) {
    if (e.type === 'call') continue;
    const time = `${ymd(e.t)} ${hms(e.t)}`;
    const svr = String(BigInt(ri(1e8, 9e8)) * 10000000000n + BigInt(id));
    let tn, snd, talker, msg, src = '';
    if (e.type === 'msg') {
      tn = wxKind[e.kind][0]; snd = e.m === you ? 1 : 0; talker = e.m.id;
      msg = e.kind === 'text' ? e.text : { image: '图片', sticker: '动画表情', voice: '语音时长：' + ri(1, 30) + '.00秒\n翻译结果：', file: '文件' }[e.kind];
      if (e.kind === 'image') src = 'FileStorage\\MsgAttach\\' + id + '.dat';
    } else { tn = e.type === 'recall' ? '消息撤回1' : '系统通知'; snd = 0; talker = '系统'; msg = wxSys(e, you); }
    rows.push(csvLine(old ? [id, svr, tn, snd, talker, roomId(g), JSON.stringify({ src, msg }), time] : [id, svr, tn, snd, talker, roomId(g), msg, src, time]));
    id++;
  }
  write(file, rows.join('\n') + '\n');
}

function writeMemotraceTxt(g, file) {
  const out = [];
  for (const e of g.ev) {
    if (e.type === 'call') continue;
    const ts = `${ymd(e.t)} ${hms(e.t)}`;
    if (e.type === 'msg') out.push(`${ts} ${e.m.name}\n${e.kind === 'text' ? e.text : mediaText[e.kind].replace('[动画表情]', '[表情包]')}\n`);
    else out.push(`${ts} ${wxSys(e, g.owner)}\n`);
  }
  write(file, out.join('\n'));
}

function writeMemotrace2(g, file) {
  const rows = [csvLine(['消息ID', '类型', '发送人', '时间', '内容', '备注', '昵称', '更多信息'])];
  let id = 1;
  for (const e of g.ev) {
    if (e.type === 'call') continue;
    const ts = `${ymd(e.t)} ${hms(e.t)}`;
    if (e.type === 'msg') rows.push(csvLine([id++, { text: '文本', image: '图片', sticker: '表情', voice: '语音', file: '文件' }[e.kind], e.m.name, ts, e.kind === 'text' ? e.text : mediaText[e.kind], '', e.m.nick, '']));
    else rows.push(csvLine([id++, '系统消息', '', ts, wxSys(e, g.owner), '', '', '']));
  }
  write(file, BOM + rows.join('\r\n') + '\r\n');
}

// ---- QQ NT through qq-chat-exporter
function qceMessages(g) {
  const self = g.owner;
  const out = [];
  let seq = 1000;
  const qqTipName = (m) => m.nick;
  for (const e of g.ev) {
    if (e.type === 'call') continue;
    const base = { id: String(7400000000000000000n + BigInt(e.id ?? 0) * 1000n + BigInt(seq)), seq: String(++seq), timestamp: e.utc, time: `${ymd(e.t)} ${hms(e.t)}` };
    if (e.type === 'msg') {
      e.qid = base.id;
      const sender = { uid: e.m.uid, uin: e.m.id, name: e.m.card, nickname: e.m.nick };
      if (e.m.card !== e.m.nick || R() < 0.5) sender.groupCard = e.m.card;
      const els = [], res = [];
      let text;
      if (e.replyTo && e.replyTo.qid) { els.push({ type: 'reply', data: { messageId: e.replyTo.qid, referencedMessageId: e.replyTo.qid, senderName: e.replyTo.m.card, content: e.replyTo.kind === 'text' ? e.replyTo.text.split('\n')[0] : '[图片]' } }); }
      if (e.kind === 'text') { text = e.text; els.push({ type: 'text', data: { text: e.text } }); }
      else if (e.kind === 'image') { text = '[图片: ' + e.id + '.jpg]'; els.push({ type: 'image', data: { filename: e.id + '.jpg', size: 20480, url: 'https://multimedia.nt.qq.com.cn/download?appid=1407&fileid=' + e.id } }); res.push({ type: 'image', filename: e.id + '.jpg', size: 20480, url: '' }); }
      else if (e.kind === 'voice') { text = '[语音 5秒]'; els.push({ type: 'audio', data: { filename: e.id + '.silk', size: 9000, url: '' } }); res.push({ type: 'audio', filename: e.id + '.silk', size: 9000 }); }
      else if (e.kind === 'file') { text = '[文件: 资料.pdf]'; els.push({ type: 'file', data: { filename: '资料.pdf', size: 51200, url: '' } }); res.push({ type: 'file', filename: '资料.pdf', size: 51200 }); }
      else { text = '[表情]'; els.push({ type: 'market_face', data: { name: '[表情]', emojiId: 'abc' + e.id } }); }
      if (e.replyTo && e.replyTo.qid) text = `[回复 ${e.replyTo.m.card}: ${e.replyTo.kind === 'text' ? e.replyTo.text.split('\n')[0] : '[图片]'}]\n` + text;
      out.push({ ...base, sender, type: 'type_1', content: { text, html: '', elements: els, resources: res, mentions: [] }, recalled: false, system: false });
    } else {
      let text;
      if (e.type === 'recall') { out.push({ ...base, sender: { uid: e.m.uid, uin: e.m.id, name: e.m.card, nickname: e.m.nick }, type: 'type_5', content: { text: `${e.m.card} 撤回了一条消息`, html: '', elements: [{ type: 'system', data: { text: `${e.m.card} 撤回了一条消息` } }], resources: [], mentions: [] }, recalled: true, system: true }); continue; }
      if (e.type === 'join') {
        if (e.method === 'invite') text = e.by === self ? `你邀请${qqTipName(e.m)}加入了群聊` : `${qqTipName(e.by)}邀请${qqTipName(e.m)}加入了群聊`;
        else text = e.by === self ? `${qqTipName(e.m)}通过你的二维码加入了群聊` : `${qqTipName(e.m)}通过${qqTipName(e.by)}分享的二维码加入了群聊`;
      } else continue; // QQ NT shows no tip for leaves; QCE words removals as 群聊更新: leave it out
      out.push({ ...base, sender: { uid: '', uin: '0', name: '' }, type: 'type_5', content: { text, html: '', elements: [{ type: 'system', data: { text } }], resources: [], mentions: [] }, recalled: false, system: true });
    }
  }
  return out;
}
function qceHead(g, msgs) {
  return {
    metadata: { name: 'QQChatExporter V6 / https://github.com/shuakami/qq-chat-exporter', copyright: '本软件是免费的开源项目~ 如果您是买来的，请立即退款！如果有帮助到您，欢迎给我点个Star~', version: '6.2.1' },
    chatInfo: { name: g.spec.name, type: 'group', participantCount: g.members.length, selfUid: g.owner.uid, selfUin: g.owner.id, selfName: g.owner.nick },
    statistics: { totalMessages: msgs.length, timeRange: { start: new Date(msgs[0].timestamp).toISOString(), end: new Date(msgs[msgs.length - 1].timestamp).toISOString(), durationDays: g.age }, messageTypes: {}, senders: [], resources: { total: 0, byType: {}, totalSize: 0 } },
  };
}
function writeQce(g, file) {
  const msgs = qceMessages(g);
  const h = qceHead(g, msgs);
  const parts = ['{\n  "metadata":' + JSON.stringify(h.metadata) + ',\n  "chatInfo":' + JSON.stringify(h.chatInfo) + ',\n  "statistics":' + JSON.stringify(h.statistics) + ',\n  "messages":[\n'];
  parts.push(msgs.map((m) => '    ' + JSON.stringify(m)).join(',\n'));
  parts.push('\n  ],\n  "exportOptions":' + JSON.stringify({ includedFields: ['id', 'timestamp', 'sender', 'content', 'resources'], filters: {}, options: { includeResourceLinks: true, includeSystemMessages: true, preferGroupMemberName: true, timeFormat: 'YYYY-MM-DD HH:mm:ss', encoding: 'utf-8' } }) + '\n}\n');
  write(file, parts.join(''));
}
function writeQceChunked(g, dir) {
  const msgs = qceMessages(g);
  const h = qceHead(g, msgs);
  const chunks = [];
  const per = 2000;
  for (let i = 0, n = 1; i < msgs.length; i += per, n++) {
    const part = msgs.slice(i, i + per);
    const body = part.map((m) => JSON.stringify(m)).join('\n') + '\n';
    const fileName = `c${pad(n, 6)}.jsonl`;
    write(path.join(dir, 'chunks', fileName), body);
    chunks.push({ index: n, fileName, relativePath: 'chunks/' + fileName, start: new Date(part[0].timestamp).toISOString(), end: new Date(part[part.length - 1].timestamp).toISOString(), count: part.length, bytes: Buffer.byteLength(body), startTsMs: part[0].timestamp, endTsMs: part[part.length - 1].timestamp });
  }
  write(path.join(dir, 'manifest.json'), JSON.stringify({ metadata: h.metadata, chatInfo: h.chatInfo, statistics: h.statistics, chunked: { format: 'chunked-jsonl', chunksDir: 'chunks', chunkFileExt: '.jsonl', maxMessagesPerChunk: per, chunks }, exportOptions: { includedFields: ['id', 'timestamp', 'sender', 'content', 'resources'] } }, null, 2));
}

// ---- PC QQ 消息管理器 MHT (several chats in one file)
function writeMht(gs, file) {
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const b = '----=_NextPart_' + ri(1e8, 9e8) + '_' + ri(1e4, 9e4);
  const pics = [];
  const html = [];
  html.push('<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8" /><title>QQ Message</title><style type="text/css">body{font-size:12px; line-height:22px; margin:2px;}td{font-size:12px; line-height:22px;}</style></head><body><table width=100% cellspacing=0><tr><td><div style=padding-left:10px;><br><b>消息记录（此消息记录为文本格式，不支持重新导入）</b><br><br></div></td></tr>');
  for (const g of gs) {
    html.push(`<tr><td><div style=padding-left:10px;>消息分组:我的QQ群</div></td></tr>`);
    html.push(`<tr><td><div style=padding-left:10px;>消息对象:${esc(g.spec.name)}</div></td></tr>`);
    html.push('<tr><td><div style=padding-left:10px;>&nbsp;</div></td></tr>');
    let day = null;
    const title = (m) => (m.role === 'owner' ? '【群主】' : '');
    const qtime = (t) => { const d = L(t); return `${d.getUTCHours()}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`; };
    for (const e of g.ev) {
      if (e.type === 'call') continue;
      const dd = ymd(e.t);
      if (dd !== day) { day = dd; html.push(`<tr><td style=border-bottom-width:1px;border-bottom-color:#8EC3EB;border-bottom-style:solid;color:#3568BB;font-weight:bold;height:24px;line-height:24px;padding-left:10px;margin-bottom:5px;>日期: ${dd}</td></tr>`); }
      let who, body, color = '#006EFE';
      if (e.type === 'msg') {
        who = `${title(e.m)}${esc(e.m.card)}(${e.m.id})`;
        if (e.m === g.owner) color = '#42B475';
        if (e.kind === 'image') { const guid = `{${[8, 4, 4, 4, 12].map((n) => Array.from({ length: n }, () => '0123456789ABCDEF'[ri(0, 15)]).join('')).join('-')}}`; pics.push(guid); body = `<IMG src="${guid}.dat">`; }
        else body = esc(e.kind === 'text' ? e.text : { sticker: '[表情]', voice: '[语音]', file: '[文件]' }[e.kind]).replace(/\n/g, '<br>');
      } else {
        who = '系统消息(10000)'; color = '#808080';
        let t;
        const N = (m) => m.nick;
        if (e.type === 'join') t = e.method === 'invite' ? `${N(e.by)}邀请${N(e.m)}加入了本群` : `${N(e.m)}通过扫描${N(e.by)}分享的二维码加入本群`;
        else if (e.type === 'leave') t = `${N(e.m)}退出了本群`;
        else if (e.type === 'remove') t = `${N(e.m)}被管理员移出本群`;
        else if (e.type === 'recall') t = `${N(e.m)}撤回了一条消息`;
        body = esc(t);
      }
      html.push(`<tr><td><div style=color:${color};padding-left:10px;><div style=float:left;margin-right:6px;>${who}</div>${qtime(e.t)}</div><div style=padding-left:20px;><font style="font-size:10pt;font-family:'宋体','MS Sans Serif',sans-serif;" color='000000'>${body}</font></div></td></tr>`);
    }
  }
  html.push('</table></body></html>');
  const parts = [`From: <Save by Tencent MsgMgr>\r\nSubject: Tencent IM Message\r\nMIME-Version: 1.0\r\nContent-Type:multipart/related;\r\n\tcharset="utf-8";\r\n\ttype="text/html";\r\n\tboundary="${b}"\r\n\r\n`];
  parts.push(`--${b}\r\nContent-Type:text/html\r\nContent-Transfer-Encoding:7bit\r\n\r\n${html.join('\r\n')}\r\n\r\n`);
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('base64');
  for (const p of pics.slice(0, 400)) parts.push(`--${b}\r\nContent-Type:image/png\r\nContent-Transfer-Encoding:base64\r\nContent-Location:${p}.dat\r\n\r\n${png}\r\n\r\n`);
  parts.push(`--${b}--\r\n`);
  write(file, parts.join(''));
}

// ---- LINE
const WD_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const WD_JA = '日月火水木金土'.split('');
const WD_TW = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const WD_CN = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
function lineText(g, shape) {
  const s = g.spec, lines = [];
  const me = g.owner;
  const d0 = (t) => L(t);
  const dateLine = (t) => {
    const d = d0(t), y = d.getUTCFullYear(), mo = d.getUTCMonth() + 1, da = d.getUTCDate(), w = d.getUTCDay();
    switch (shape) {
      case 'ja': return `${y}/${pad(mo)}/${pad(da)}(${WD_JA[w]})`;
      case 'pc': return `${y}.${pad(mo)}.${pad(da)} ${WD_TW[w]}`;
      case 'zhcn': return `${y}/${mo}/${da}${WD_CN[w]}`;
      case 'en': return `${WD_EN[w]}, ${pad(mo)}/${pad(da)}/${y}`;
      case 'th': return `${WD_EN[w]}, ${pad(da)}/${pad(mo)}/${y + 543} BE`;
    }
  };
  const time = (t) => {
    const d = d0(t), h = d.getUTCHours(), mi = pad(d.getUTCMinutes());
    if (shape === 'en') return `${pad(h % 12 === 0 ? 12 : h % 12)}:${mi} ${h < 12 ? 'AM' : 'PM'}`;
    if (shape === 'ja' && s.ampm) return `${h < 12 ? '午前' : '午後'}${h % 12 === 0 ? 12 : h % 12}:${mi}`;
    return `${pad(h)}:${mi}`;
  };
  if (shape === 'ja') lines.push(`[LINE] ${s.name}のトーク履歴`, `保存日時：2025/09/15 08:10`, '');
  if (shape === 'zhcn') lines.push(`[LINE] ${s.name}的聊天记录`, '');
  if (shape === 'en' || shape === 'th') lines.push(`[LINE] Chat history in ${s.name}`, shape === 'th' ? 'Saved on: 15/09/2568 08:10' : 'Saved on: 9/15/2025, 08:10', '');
  const media = {
    ja: { image: '[写真]', sticker: '[スタンプ]', voice: '[ボイスメッセージ]', file: '[ファイル]' },
    pc: { image: '圖片', sticker: '貼圖', voice: '[語音訊息]', file: '[檔案]' },
    zhcn: { image: '[照片]', sticker: '[贴图]', voice: '[语音信息]', file: '[文件]' },
    en: { image: '[Photo]', sticker: '[Sticker]', voice: '[Voice message]', file: '[File]' },
  }[shape === 'th' ? 'en' : shape];
  const sys = (e) => {
    const N = (m) => m.name;
    const L2 = shape === 'th' ? 'en' : shape;
    if (e.type === 'join') {
      if (e.method === 'invite') return { ja: `${N(e.by)}が${N(e.m)}を招待しました。`, pc: `${N(e.by)}邀請${N(e.m)}加入群組。`, zhcn: `${N(e.by)}邀请${N(e.m)}加入群组。`, en: `${N(e.by)} invited ${N(e.m)}.` }[L2];
      return { ja: `${N(e.m)}がグループに参加しました。`, pc: `${N(e.m)}加入群組。`, zhcn: `${N(e.m)}已加入该群`, en: `${N(e.m)} joined the group.` }[L2];
    }
    if (e.type === 'leave') return { ja: `${N(e.m)}がグループを退会しました。`, pc: `${N(e.m)}已退出群組。`, zhcn: null, en: `${N(e.m)} left the group.` }[L2];
    if (e.type === 'remove') return { ja: `${N(e.by)}が${N(e.m)}をグループから削除しました。`, pc: `${N(e.by)}已將${N(e.m)}移出群組。`, zhcn: `${N(e.by)}已将${N(e.m)}移出群组。`, en: `${N(e.by)} removed ${N(e.m)} from the group.` }[L2];
    if (e.type === 'recall') return { ja: `${N(e.m)}が送信を取り消しました`, pc: `${N(e.m)}已收回訊息`, zhcn: `${N(e.m)}撤回了一条消息`, en: `${N(e.m)} unsent a message.` }[L2];
    return null;
  };
  let day = null;
  for (const e of g.ev) {
    const dl = dateLine(e.t);
    if (dl !== day) { if (day !== null) lines.push(''); day = dl; lines.push(dl); }
    const tm = time(e.t);
    if (e.type === 'msg') {
      let text = e.kind === 'text' ? e.text : media[e.kind];
      if (shape === 'pc') lines.push(`${tm} ${e.m.name} ${text}`);
      else { if (text.includes('\n') || text.includes('"')) text = '"' + text.replace(/"/g, '""') + '"'; lines.push(`${tm}\t${e.m.name}\t${text}`); }
    } else if (e.type === 'call') lines.push(`${tm}\t${e.m.name}\t☎ Call time ${e.dur}`);
    else { const t = sys(e); if (t == null) continue; lines.push(shape === 'pc' ? `${tm} ${t}` : `${tm}\t\t${t}`); }
  }
  return lines.join(shape === 'pc' ? '\r\n' : '\n') + '\n';
}

// ---- DiscordChatExporter CSV (messages only; no joins, no replies)
function writeDiscordCsv(g, file) {
  const rows = ['"AuthorID","Author","Date","Content","Attachments","Reactions"'];
  const q = (s) => '"' + String(s).replace(/"/g, '""') + '"';
  for (const e of g.ev) {
    if (e.type !== 'msg') continue;
    const d = new Date(e.utc);
    const lt = L(e.t);
    const iso = `${ymd(e.t)}T${hms(e.t)}.${pad(d.getUTCMilliseconds(), 3)}0000-10:00`;
    const att = e.kind === 'image' ? `https://cdn.discordapp.com/attachments/1/${e.id}/IMG_${e.id}.jpg` : '';
    rows.push([q(e.m.id), q(e.m.name.toLowerCase().replace(' ', '.')), q(iso), q(e.kind === 'text' ? e.text : ''), q(att), q(R() < 0.05 ? '🤙 (2)' : '')].join(','));
  }
  write(file, rows.join('\n') + '\n');
}

// ---- member lists
function writeQqList(g, file) {
  const rows = [csvLine(['群号', '群名称', 'QQ号', '群名片', '昵称', '性别', 'Q龄', '入群时间', '最后发言'])];
  const gid = g._qqGroup;
  for (const m of g.members) {
    if (m.leaveT != null) continue; // a list exported today lists who is in the group today
    const card = (m.role === 'owner' ? '【群主】' : '') + m.card;
    const jt = m.role === 'owner' ? g.startL + 9 * 3600000 : m.joinT;
    const last = [...g.ev].reverse().find((e) => e.type === 'msg' && e.m === m);
    rows.push(csvLine([gid, g.spec.name, m.id, card, m.nick, pick(['男', '女']), ri(1, 15) + '年', `${ymd(jt, '/')} ${hm(jt)}`, last ? `${ymd(last.t, '/')} ${hm(last.t)}` : '']));
  }
  write(file, BOM + rows.join('\r\n') + '\r\n');
}

// minimal ZIP writer (stored entries, UTF-8 names)
const CRC = (() => { const t = new Uint32Array(256); for (let n = 0; n < 256; n++) { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; t[n] = c >>> 0; } return t; })();
const crc32 = (buf) => { let c = 0xffffffff; for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
function zip(entries, deflate = false) {
  const locals = [], centrals = []; let offset = 0;
  for (const [name, data0] of entries) {
    const data = Buffer.isBuffer(data0) ? data0 : Buffer.from(data0);
    const nb = Buffer.from(name); const crc = crc32(data);
    const comp = deflate ? zlib.deflateRawSync(data) : data; const method = deflate ? 8 : 0;
    const lh = Buffer.alloc(30); lh.writeUInt32LE(0x04034b50, 0); lh.writeUInt16LE(20, 4); lh.writeUInt16LE(0x0800, 6); lh.writeUInt16LE(method, 8); lh.writeUInt16LE(0, 10); lh.writeUInt16LE(0x5b2e, 12); lh.writeUInt32LE(crc, 14); lh.writeUInt32LE(comp.length, 18); lh.writeUInt32LE(data.length, 22); lh.writeUInt16LE(nb.length, 26); lh.writeUInt16LE(0, 28);
    locals.push(lh, nb, comp);
    const ch = Buffer.alloc(46); ch.writeUInt32LE(0x02014b50, 0); ch.writeUInt16LE(20, 4); ch.writeUInt16LE(20, 6); ch.writeUInt16LE(0x0800, 8); ch.writeUInt16LE(method, 10); ch.writeUInt16LE(0, 12); ch.writeUInt16LE(0x5b2e, 14); ch.writeUInt32LE(crc, 16); ch.writeUInt32LE(comp.length, 20); ch.writeUInt32LE(data.length, 24); ch.writeUInt16LE(nb.length, 28); ch.writeUInt32LE(offset, 42);
    centrals.push(ch, nb);
    offset += 30 + nb.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22); end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10); end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
function xlsx(rows, merges, title) {
  // rows: arrays of cells: string | {n: number, date: true}
  const col = (i) => String.fromCharCode(65 + i);
  const x = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const sheetRows = rows.map((r, ri2) => `<row r="${ri2 + 1}">` + r.map((c, ci) => {
    if (c == null || c === '') return '';
    const ref = col(ci) + (ri2 + 1);
    if (typeof c === 'object') return `<c r="${ref}" s="1"><v>${c.n}</v></c>`;
    if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
    return `<c r="${ref}" t="inlineStr"><is><t>${x(c)}</t></is></c>`;
  }).join('') + '</row>').join('');
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData>${merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : ''}</worksheet>`;
  const styles = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/m/d h:mm"/></numFmts><fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>';
  return zip([
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'],
    ['_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${x(title)}" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'],
    ['xl/styles.xml', styles],
    ['xl/worksheets/sheet1.xml', sheet],
  ], true);
}
function writeWxList(g, file) {
  // a member list kept by hand in Excel: merged title row, header, members (leavers too, with 退群时间), a totals row
  const serial = (lt) => ({ n: +(((lt - Date.UTC(1899, 11, 30)) / DAY).toFixed(6)) });
  const rows = [[`${g.spec.name}成员名单（2025年9月）`], ['群名称', '微信号', '群昵称', '角色', '入群时间', '退群时间', '邀请人', '最后发言']];
  for (const m of g.members) {
    const last = [...g.ev].reverse().find((e) => e.type === 'msg' && e.m === m);
    const jt = m.role === 'owner' ? g.startL + 9 * 3600000 : m.joinT;
    rows.push([g.spec.name, m.wxid, m.name, m.role === 'owner' ? '群主' : '成员', serial(jt), m.leaveT != null ? serial(m.leaveT) : '', m.inviter ? m.inviter.name : '', last ? `${ymd(last.t)}` : '']);
  }
  const current = g.members.filter((m) => m.leaveT == null).length;
  rows.push(['合计', `${current}人`]);
  write(file, xlsx(rows, ['A1:H1'], '成员'));
}

// ---------------------------------------------------------------- main
fs.rmSync(OUT, { recursive: true, force: true });
const groups = PLAN.map((spec) => { rng = mulberry32(SEED * 1000003 + [...spec.key].reduce((a, c) => a * 31 + c.charCodeAt(0), 7)); return simGroup(spec); });
const byKey = Object.fromEntries(groups.map((g) => [g.spec.key, g]));
const files = {};
const F = (g, rel) => { const p = path.join(OUT, rel); (files[g.spec.key] ||= []).push(rel); return p; };
const gnum = () => String(ri(100000000, 999999999));
rng = mulberry32(SEED * 17 + 5);
for (const g of groups) {
  const s = g.spec;
  switch (s.fmt) {
    case 'qce-json': g._qqGroup = gnum(); writeQce(g, F(g, `cn/qq/group_${g._qqGroup}_20250915_081002.json`)); break;
    case 'qce-json-named': g._qqGroup = gnum(); writeQce(g, F(g, `cn/qq/${s.name}(${g._qqGroup}).json`)); if (s.qqList) writeQqList(g, F(g, `cn/qq/${s.name}_群成员.csv`)); break;
    case 'qce-chunked': g._qqGroup = gnum(); writeQceChunked(g, F(g, `cn/qq/group_${g._qqGroup}_20250915_081530_chunked_jsonl`)); break;
    case 'chatlab-json': writeChatlabJson(g, F(g, `cn/wechat/${s.name}.chatlab.json`)); break;
    case 'chatlab-jsonl': writeChatlabJsonl(g, F(g, `cn/wechat/${s.name}.chatlab.jsonl`)); break;
    case 'weflow-json': writeWeflow(g, F(g, `cn/wechat/${s.name}.json`), false); break;
    case 'echotrace-json': writeWeflow(g, F(g, `cn/wechat/echotrace_${s.name}.json`), true); break;
    case 'chatlog-csv': writeChatlog(g, F(g, `cn/wechat/chatlog_${s.name}.csv`)); break;
    case 'pywxdump-csv': writePywx(g, F(g, `cn/wechat/${OWNERS.wx.id}/${roomId(g)}_0_${g.ev.length}.csv`), false); break;
    case 'pywxdump-old-csv': writePywx(g, F(g, `cn/wechat/pywxdump_old/${roomId(g)}_0_5000.csv`), true); break;
    case 'memotrace-txt': writeMemotraceTxt(g, F(g, `cn/wechat/聊天记录/${s.name}/${s.name}.txt`)); writeWxList(g, F(g, `cn/wechat/${s.name}成员名单.xlsx`)); break;
    case 'memotrace2-csv': writeMemotrace2(g, F(g, `cn/wechat/${s.name}.csv`)); break;
    case 'line-pc': write(F(g, `tw/[LINE] ${s.name}.txt`), lineText(g, 'pc')); break;
    case 'line-zhcn': write(F(g, `tw/[LINE] ${s.name}.txt`), lineText(g, 'zhcn')); break;
    case 'line-en': write(F(g, `hi/[LINE] ${s.name}.txt`), lineText(g, 'en')); break;
    case 'line-th': write(F(g, `th/[LINE] ${s.name}.txt`), lineText(g, 'th')); break;
    case 'discord-csv': writeDiscordCsv(g, F(g, `hi/${s.guild} - Text Channels - ${s.name} [1290011223344556677].csv`)); break;
  }
}
// MHT: three chats in one file
writeMht(groups.filter((g) => g.spec.fmt === 'qq-mht'), path.join(OUT, 'cn/qq/全部消息记录.mht'));
for (const g of groups.filter((g) => g.spec.fmt === 'qq-mht')) (files[g.spec.key] ||= []).push('cn/qq/全部消息记录.mht');
// LINE ja: both chats in one ZIP, as a phone's share sheet would collect them
{
  const ja = groups.filter((g) => g.spec.fmt === 'line-ja');
  write(path.join(OUT, 'jp/LINE_トーク履歴.zip'), zip(ja.map((g) => [`[LINE] ${g.spec.name}.txt`, lineText(g, 'ja')]), true));
  for (const g of ja) (files[g.spec.key] ||= []).push('jp/LINE_トーク履歴.zip');
}
// a LINE one-to-one chat in the Honolulu folder (must be left out)
{
  rng = mulberry32(SEED + 99);
  const owner = OWNERS['Pacific/Honolulu'];
  const lines = ['[LINE] Chat history with Dana Akana', 'Saved on: 9/15/2025, 08:10', ''];
  let day = END_LOCAL - 40 * DAY, n = 0;
  for (let d = 0; d < 40; d++, day += DAY) {
    const w = new Date(day);
    lines.push(`${WD_EN[w.getUTCDay()]}, ${pad(w.getUTCMonth() + 1)}/${pad(w.getUTCDate())}/${w.getUTCFullYear()}`);
    for (let k = 0; k < 3; k++) { const h = ri(8, 21); lines.push(`${pad(h % 12 === 0 ? 12 : h % 12)}:${pad(ri(10, 59))} ${h < 12 ? 'AM' : 'PM'}\t${k % 2 ? owner : 'Dana Akana'}\t${say('en')}`); n++; }
    lines.push('');
  }
  write(path.join(OUT, 'hi/[LINE] Dana Akana.txt'), lines.join('\n') + '\n');
}

// truth: per zone run, as-of = the latest event of that run's inputs
const zoneDirs = { 'Asia/Shanghai': 'cn', 'Asia/Tokyo': 'jp', 'Asia/Taipei': 'tw', 'Pacific/Honolulu': 'hi', 'Asia/Bangkok': 'th' };
const runs = {};
for (const [zone, dir] of Object.entries(zoneDirs)) {
  const gs = groups.filter((g) => g.spec.zone === zone);
  let last = Math.max(...gs.map((g) => g.ev[g.ev.length - 1].utc));
  const me = zone === 'Asia/Shanghai' ? [OWNERS.wx.name] : [OWNERS[zone]];
  runs[dir] = { zone, dir, asOf: new Date(last).toISOString(), me, lateAsOf: new Date(last + 60 * DAY).toISOString() };
}
const truth = { seed: SEED, generatedBy: 'independent-sim-5', runs, groups: groups.map((g) => ({ ...truthOf(g, Date.parse(runs[zoneDirs[g.spec.zone]].asOf)), files: files[g.spec.key], qqGroup: g._qqGroup ?? null, room: g._room ?? null, dir: zoneDirs[g.spec.zone] })), personal: [{ dir: 'hi', name: 'Dana Akana' }] };
write(path.join(OUT, 'truth.json'), JSON.stringify(truth, null, 1));
const total = groups.reduce((a, g) => a + g.ev.filter((e) => e.type === 'msg').length, 0);
console.log(`sim-5 seed ${SEED}: ${groups.length} groups, ${total} messages → ${OUT}`);
