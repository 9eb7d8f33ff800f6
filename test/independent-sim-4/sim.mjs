#!/usr/bin/env node
// independent-sim-4: revivals, overlapping/incremental exports, cross-group members, DST zones,
// size extremes, weekly live-stream bursts, --as-of later than the data.
// Plain Node ESM, no dependencies, deterministic from --seed. Written from the docs only.
//
//   node sim.mjs OUTDIR [--seed N]
//
// Writes OUTDIR/<zone-slug>/... export files and OUTDIR/truth.json.
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const OUT = args.find((a) => !a.startsWith('--')) ?? '/tmp/sim5/s1';
const seedArg = args.indexOf('--seed');
const SEED = seedArg >= 0 ? Number(args[seedArg + 1]) : 1;

// ---------------------------------------------------------------- random
function mulberry32(a) {
  return function () {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
let rnd = mulberry32(SEED * 7919 + 17);
const ri = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
function poisson(l) {
  if (l <= 0) return 0;
  if (l > 60) return Math.max(0, Math.round(l + Math.sqrt(l) * gauss()));
  const L = Math.exp(-l); let k = 0, p = 1;
  do { k++; p *= rnd(); } while (p > L);
  return k - 1;
}
function gauss() { const u = rnd() || 1e-9, v = rnd(); return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v); }
function wpick(items, w) {
  let s = 0; for (const x of w) s += x;
  let r = rnd() * s;
  for (let i = 0; i < items.length; i++) { r -= w[i]; if (r <= 0) return items[i]; }
  return items[items.length - 1];
}

// ---------------------------------------------------------------- time zones
const dtfCache = {};
function parts(tz, ms) {
  const dtf = (dtfCache[tz] ||= new Intl.DateTimeFormat('en-US', {
    timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }));
  const p = {};
  for (const x of dtf.formatToParts(new Date(ms))) p[x.type] = x.value;
  return p;
}
function offsetMs(tz, ms) {
  const p = parts(tz, ms);
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - Math.floor(ms / 1000) * 1000;
}
function localToUtc(tz, dayMs, h, mi, s) {
  // dayMs: UTC midnight of the local calendar date
  const guess = dayMs + ((h * 60 + mi) * 60 + s) * 1000;
  const o1 = offsetMs(tz, guess);
  let t = guess - o1;
  const o2 = offsetMs(tz, t);
  if (o2 !== o1) t = guess - o2;
  return t;
}
function fmtLocal(tz, ms, sep = ' ') {
  const p = parts(tz, ms);
  return `${p.year}-${p.month}-${p.day}${sep}${p.hour}:${p.minute}:${p.second}`;
}
function fmtOffset(tz, ms) {
  const o = offsetMs(tz, ms) / 60000; const sg = o < 0 ? '-' : '+'; const a = Math.abs(o);
  return `${fmtLocal(tz, ms, 'T')}${sg}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
const DAY = 86400000;
const dayOf = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
const isoWeekday = (dayMs) => ((new Date(dayMs).getUTCDay() + 6) % 7) + 1;
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

// ---------------------------------------------------------------- names
const ZH_FAM = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const ZH_GIV = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建红飞鹏辉晨阳雪琳欣怡浩宇子涵思雨梓轩佳颖梦瑶博文天翔一鸣晓燕海波俊峰晓东若曦雅婷志远'.split('');
const EN_FIRST = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'James', 'Isabella', 'Lucas', 'Mia', 'Mason', 'Amelia', 'Ethan', 'Harper', 'Logan', 'Evelyn', 'Aiden', 'Abigail', 'Jackson', 'Ella', 'Carter', 'Scarlett', 'Grayson', 'Chloe', 'Wyatt', 'Layla', 'Owen', 'Zoey', 'Levi', 'Nora', 'Isaac', 'Riley', 'Hudson', 'Aria', 'Julian', 'Lily', 'Ezra', 'Hazel', 'Miles', 'Ruby', 'Theo', 'Alice', 'Freddie', 'Poppy', 'Arthur', 'Isla', 'Archie', 'Ivy', 'Alfie', 'Florence', 'George', 'Rosie', 'Harry', 'Evie', 'Jack', 'Daisy', 'Oscar', 'Sienna', 'Leo'];
const EN_LAST = ['Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Thomas', 'Roberts', 'Walker', 'Wright', 'Robinson', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Harris', 'Lewis', 'Martin', 'Jackson', 'Clarke', 'Clark', 'Turner', 'Hill', 'Scott', 'Cooper', 'Morris', 'Ward', 'Moore', 'King', 'Watson', 'Baker', 'Harrison', 'Morgan', 'Patel', 'Young', 'Allen', 'Mitchell', 'James', 'Anderson', 'Phillips', 'Lee', 'Bell', 'Parker', 'Davis', 'Garcia', 'Nguyen'];
function nameMaker(lang) {
  const used = new Set();
  return () => {
    for (;;) {
      const n = lang === 'zh'
        ? pick(ZH_FAM) + pick(ZH_GIV) + (rnd() < 0.5 ? pick(ZH_GIV) : '')
        : `${pick(EN_FIRST)} ${pick(EN_LAST)}`;
      if (!used.has(n)) { used.add(n); return n; }
    }
  };
}
const ZH_TXT = ['今天的内容很有收获', '有人读过这本书吗', '我觉得第三章写得最好', '周末有线下活动吗', '请问这个怎么报名', '打卡第{n}天', '同意楼上的看法', '刚看完，推荐大家看看', '这个问题我也遇到过', '可以分享一下链接吗', '谢谢群主整理的资料', '晚上几点开始', '我来说说我的理解', '这部分有点难懂', '大家早上好', '有没有人一起组队', '我买了第{n}期的课', '昨天的直播回放在哪里', '这个观点很新颖', '求推荐入门书单', '今天天气不错适合读书', '学到了，感谢分享', '我有不同意见', '哈哈太真实了', '下次活动算我一个', '第{n}页那段话很感动', '刚加入，请多关照', '有人在上海吗', '明天见', '这个作者还有别的书吗'];
const EN_TXT = ['anyone tried the new release?', 'great point, thanks', 'I had the same issue last week', 'can someone share the link?', 'what time is the call tomorrow', 'just finished chapter {n}', 'totally agree with that', 'here is my take on it', 'that part was confusing to me', 'morning all', 'who is up for a meetup', 'welcome to the group!', 'thanks for organising this', 'is the recording up yet?', 'interesting, never thought of it that way', 'any recommendations for beginners?', 'lol so true', 'count me in next time', 'page {n} was brilliant', 'does anyone know a workaround', 'I will post my notes later', 'see you all tonight', 'that is a fair question', 'not sure I follow, can you explain?', 'loving this discussion', 'first time posting here, hi', 'anyone in London this weekend?', 'quick question about item {n}', 'cheers for the help', 'what did you think of the ending'];
function text(lang) {
  const t = pick(lang === 'zh' ? ZH_TXT : EN_TXT).replace('{n}', String(ri(1, 300)));
  // vary so that a member never pastes the same long line three times in a day (that would be spam)
  return rnd() < 0.5 ? t : t + (lang === 'zh' ? pick(['！', '～', '。', '？', '…', '😄', '👍', '']) + (rnd() < 0.3 ? ri(1, 99) : '') : pick(['!', '.', ' :)', '?', '...', ' 👍', '']) + (rnd() < 0.3 ? ` #${ri(1, 99)}` : ''));
}

// ---------------------------------------------------------------- group simulation
// spec: { id, name, lang, tz, idPrefix, endDay, segments:[{phase,days,joins,joinShape,leaves,act:[a,b],shape}],
//         founders, peakHours, peakShare, burst:{weekday,hour,mult}, seeds, admins, decoys:{burster,leaver,spammer},
//         spreaders:[{segment, count}], shared:[{person, type}], kind:'normal'|'bot-only'|'members-only'|'tiny' }
function simulateGroup(spec, people) {
  const tz = spec.tz;
  const total = spec.segments.reduce((s, x) => s + x.days, 0);
  const endDay = dayOf(spec.endDay);
  const startDay = endDay - (total - 1) * DAY;
  const members = new Map(); // id -> member
  const newName = people.newName;
  let nextId = 0;
  function addMember(m) {
    if (!m.id) m.id = `${spec.idPrefix}${String(++nextId).padStart(4, '0')}`;
    if (!m.name) m.name = newName();
    m.leave ??= null; m.inviter ??= null; m.method ??= null; m.weight ??= 0; m.msgs = 0;
    members.set(m.id, m);
    return m;
  }
  const typeWeight = { owner: 0, admin: 0, seed: 5, regular: 1.4, occasional: 0.25, lurker: 0, leaver: 5, burster: 0, spammer: 0, bot: 0 };
  const newcomerType = () => { const r = rnd(); return r < (spec.lurkerShare ?? 0.55) ? 'lurker' : r < 0.9 ? 'occasional' : 'regular'; };
  // founders
  const owner = addMember({ role: 'owner', type: 'owner', join: 0, ...(spec.ownerId ? { id: spec.ownerId, name: spec.ownerName } : {}) });
  const admins = [];
  for (let i = 0; i < (spec.admins ?? 0); i++) admins.push(addMember({ role: 'admin', type: 'admin', join: 0 }));
  const seeds = [];
  const sharedSeedPeople = (spec.shared ?? []).filter((s) => s.type === 'seed');
  for (const s of sharedSeedPeople) seeds.push(addMember({ id: s.person.id, name: s.person.name, role: 'member', type: 'seed', join: ri(0, 3), shared: true }));
  for (let i = seeds.length; i < (spec.seeds ?? 3); i++) seeds.push(addMember({ role: 'member', type: 'seed', join: ri(0, 3) }));
  for (const s of (spec.shared ?? []).filter((x) => x.type !== 'seed')) addMember({ id: s.person.id, name: s.person.name, role: 'member', type: s.type, join: ri(0, 10), shared: true });
  const nf = (spec.founders ?? 20) - members.size;
  for (let i = 0; i < nf; i++) addMember({ role: 'member', type: newcomerType(), join: ri(0, 2) });
  for (const m of members.values()) m.weight = typeWeight[m.type] * (0.6 + rnd() * 0.8);
  for (const s of seeds) s.weight = 5 * (0.85 + rnd() * 0.3);

  // joins & leaves per segment
  const truthSegs = [];
  let d0 = 0;
  const spreaders = [];
  for (const [si, seg] of spec.segments.entries()) {
    truthSegs.push({ phase: seg.phase, start: d0, end: d0 + seg.days - 1, revival: !!seg.revival });
    const spSpec = (spec.spreaders ?? []).filter((s) => s.segment === si);
    const spList = spSpec.map((s) => {
      let sp = spreaders.find((x) => x.spec === s);
      if (!sp) {
        const m = addMember({ role: 'member', type: 'regular', join: Math.max(0, d0 - ri(10, 30)), spreader: true });
        m.weight = 1.6;
        sp = { m, spec: s, left: s.count };
        spreaders.push(sp);
      }
      return sp;
    });
    for (let j = 0; j < (seg.joins ?? 0); j++) {
      const w = [];
      for (let i = 0; i < seg.days; i++) w.push(seg.joinShape === 'acc' ? i + 1 : seg.joinShape === 'dec' ? seg.days - i : 1);
      const day = d0 + wpick([...Array(seg.days).keys()], w);
      const sp = spList.filter((x) => x.left > 0 && x.m.join < day);
      let m;
      if (sp.length && rnd() < 0.35) {
        const s = pick(sp); s.left--;
        m = addMember({ role: 'member', type: rnd() < 0.8 ? (rnd() < 0.6 ? 'occasional' : 'regular') : 'lurker', join: day, inviter: s.m.id, method: 'invite', protect: true });
      } else {
        const r = rnd();
        const inv = r < 0.35 ? owner.id : r < 0.5 && admins.length ? admins[0].id : null;
        m = addMember({ role: 'member', type: newcomerType(), join: day, inviter: inv, method: inv ? 'invite' : 'link' });
      }
      m.weight = typeWeight[m.type] * (0.6 + rnd() * 0.8);
    }
    // leftover spreader invites (make sure planted count is reached)
    for (const s of spList) {
      while (s.left > 0) {
        s.left--;
        const day = d0 + ri(Math.max(0, s.m.join + 1 - d0), seg.days - 1);
        const m = addMember({ role: 'member', type: rnd() < 0.8 ? 'occasional' : 'lurker', join: day, inviter: s.m.id, method: 'invite', protect: true });
        m.weight = typeWeight[m.type] * (0.6 + rnd() * 0.8);
      }
    }
    for (let j = 0; j < (seg.leaves ?? 0); j++) {
      const day = d0 + ri(0, seg.days - 1);
      const cands = [...members.values()].filter((m) => m.join < day && m.leave == null && (m.type === 'lurker' || m.type === 'occasional') && !m.protect && !m.shared);
      if (!cands.length) continue;
      pick(cands).leave = day;
    }
    d0 += seg.days;
  }
  // decoys
  const decoys = [];
  const matIdx = truthSegs.findIndex((s) => s.phase === 'maturity');
  const mat = matIdx >= 0 ? truthSegs[matIdx] : truthSegs[truthSegs.length - 1];
  if (spec.decoys?.burster) {
    const m = addMember({ role: 'member', type: 'burster', join: Math.max(0, mat.start - 20) });
    m.burstDay = mat.start + ri(5, Math.max(6, mat.end - mat.start - 5));
    decoys.push({ id: m.id, kind: 'one-day burst' });
  }
  if (spec.decoys?.leaver) {
    const m = addMember({ role: 'member', type: 'leaver', join: 5, leave: total - 40 });
    m.weight = 5;
    decoys.push({ id: m.id, kind: 'active member who left' });
  }
  if (spec.decoys?.spammer) {
    const day = total - ri(20, 60);
    const m = addMember({ role: 'member', type: 'spammer', join: day, leave: day + 1, removedBy: admins[0]?.id ?? owner.id });
    m.spamDay = day;
    decoys.push({ id: m.id, kind: 'spammer' });
  }
  let bot = null;
  if (spec.kind === 'bot-only') bot = addMember({ role: 'bot', type: 'bot', join: 0, name: spec.botName ?? '群助手小Q' });

  // ------------------------------------------------------------ messages
  const msgs = [];
  let mid = 0;
  const lang = spec.lang;
  function emit(m, day, h, mi, s, txt, extra = {}) {
    const t = localToUtc(tz, startDay + day * DAY, h, mi, s);
    const msg = { id: `${spec.idPrefix}m${String(++mid).padStart(6, '0')}`, t, sender: m.id, type: extra.type ?? 'text', text: txt, replyTo: extra.replyTo ?? null, day };
    msgs.push(msg); m.msgs++;
    return msg;
  }
  const levelAt = (day) => {
    const seg = spec.segments[truthSegs.findIndex((s) => day >= s.start && day <= s.end)];
    const s = truthSegs.find((x) => day >= x.start && day <= x.end);
    const f = (day - s.start) / Math.max(1, s.end - s.start);
    const [a, b] = seg.act;
    return seg.shape === 'exp' ? a * Math.pow(b / a, f) : a + (b - a) * f;
  };
  const hourPick = () => {
    if (spec.peakHours?.length && rnd() < (spec.peakShare ?? 0.35)) return pick(spec.peakHours);
    return wpick([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22], [2, 3, 3, 3, 4, 3, 3, 3, 3, 3, 4, 4, 4, 4, 3]);
  };
  if (spec.kind !== 'members-only' && spec.kind !== 'bot-only') {
    for (let day = 0; day < total; day++) {
      const present = [...members.values()].filter((m) => m.join <= day && (m.leave == null || m.leave > day) && m.weight > 0);
      const ws = present.map((m) => m.weight);
      const level = levelAt(day) * (0.85 + 0.3 * rnd());
      let target = poisson(level);
      const used = new Set();
      while (target > 0 && present.length) {
        const len = Math.min(target, 1 + Math.floor(-Math.log(rnd() || 1e-9) * 3));
        target -= len;
        const h = hourPick();
        let mi = ri(0, 30), s = ri(0, 59);
        let prev = null;
        let starter = rnd() < (spec.ownerStartShare ?? 0.07) ? owner : wpick(present, ws);
        for (let k = 0; k < len; k++) {
          let who = starter;
          if (k > 0) { let g = 0; do { who = wpick(present, ws); } while (who.id === prev.sender && ++g < 10); if (who.id === prev.sender) break; }
          const key = `${h}:${mi}:${s}`;
          if (used.has(key)) s = (s + 1) % 60;
          used.add(`${h}:${mi}:${s}`);
          const ty = rnd() < 0.06 ? 'image' : 'text';
          prev = emit(who, day, h, mi, s, ty === 'image' ? '[图片]' : text(lang), { type: ty, replyTo: k > 0 && rnd() < 0.45 ? prev.id : null });
          mi += ri(1, 4); s = ri(0, 59);
          if (mi > 59) break;
        }
      }
      // owner announcements ~3/week
      if (rnd() < (spec.ownerPostRate ?? 0.4)) emit(owner, day, ri(9, 11), ri(0, 59), ri(0, 59), lang === 'zh' ? `【公告】本周第${ri(1, 9)}次活动安排，欢迎参加` : `[notice] schedule update #${ri(1, 999)}, see pinned`);
      // weekly live-stream burst
      if (spec.burst && day >= 30 && isoWeekday(startDay + day * DAY) === spec.burst.weekday) {
        const n = Math.round(levelAt(day) * (spec.burst.mult - 1));
        const open = emit(owner, day, spec.burst.hour, 0, 5, lang === 'zh' ? '直播开始啦，大家进直播间！' : 'Live stream starting now, join in!');
        const wide = present.filter((m) => m.type !== 'lurker');
        const ww = wide.map((m) => Math.max(0.3, m.weight));
        let prev = open;
        for (let k = 0; k < n; k++) {
          const sec = 60 + Math.floor((k / n) * 7000) + ri(0, 20);
          const who = wpick(wide, ww);
          prev = emit(who, day, spec.burst.hour + Math.floor(sec / 3600), Math.floor((sec % 3600) / 60), sec % 60, text(lang), { replyTo: rnd() < 0.3 ? prev.id : null });
        }
      }
    }
    // burster
    for (const m of members.values()) {
      if (m.type === 'burster') {
        for (let k = 0; k < 50; k++) { const sec = k * 200 + ri(0, 100); emit(m, m.burstDay, 14 + Math.floor(sec / 3600), Math.floor((sec % 3600) / 60), sec % 60, text(lang)); }
      }
      if (m.type === 'spammer') {
        const ad = lang === 'zh' ? '低价代购正品名牌包包，加微信 dg8888 私聊优惠多多' : 'Earn $500 a day from home!!! DM me or visit bit.ly/xx-earn-now';
        for (let k = 0; k < 4; k++) emit(m, m.spamDay, 15, k * 9, ri(0, 59), ad);
      }
    }
  }
  if (spec.kind === 'bot-only') {
    for (let day = 0; day < total; day++) emit(bot, day, 8, 0, ri(0, 30), lang === 'zh' ? `今日早报第${day + 1}期：行业新闻汇总 ${ri(100, 999)}` : `Daily digest #${day + 1}: ${ri(3, 30)} alerts`);
  }
  msgs.sort((a, b) => a.t - b.t || (a.id < b.id ? -1 : 1));
  // fix reply order (replyTo always earlier)
  const pos = new Map(msgs.map((m, i) => [m.id, i]));
  for (const m of msgs) if (m.replyTo && pos.get(m.replyTo) > pos.get(m.id)) m.replyTo = null;

  // membership events with times
  const events = [];
  for (const m of members.values()) {
    const jt = m.join === 0 && m.role === 'owner' ? localToUtc(tz, startDay, 7, 0, 0) : localToUtc(tz, startDay + m.join * DAY, m.join === 0 ? 7 : ri(8, 21), ri(0, 59), ri(0, 59));
    m.joinT = jt;
    events.push({ kind: 'join', t: jt, member: m.id, inviter: m.inviter, method: m.method });
    if (m.leave != null) {
      m.leaveT = localToUtc(tz, startDay + m.leave * DAY, ri(8, 21), ri(0, 59), ri(0, 59));
      events.push({ kind: m.removedBy ? 'removal' : 'leave', t: m.leaveT, member: m.id, by: m.removedBy ?? null });
    }
  }
  events.sort((a, b) => a.t - b.t);
  // a member never writes before their join time: push any such message's join earlier
  const first = new Map();
  for (const x of msgs) if (!first.has(x.sender)) first.set(x.sender, x.t);
  for (const m of members.values()) {
    if (first.has(m.id) && first.get(m.id) < m.joinT) { m.joinT = first.get(m.id) - 60000; const e = events.find((e) => e.kind === 'join' && e.member === m.id); e.t = m.joinT; }
  }
  events.sort((a, b) => a.t - b.t);
  return { spec, tz, startDay, endDay, total, members, msgs, events, truthSegs, seeds, spreaders, decoys, owner, admins, bot };
}

// ---------------------------------------------------------------- truth
function truthOf(g, asOf, extra = {}) {
  const { spec, members, msgs } = g;
  const m0 = msgs.filter((m) => m.t <= asOf);
  const staff = new Set([g.owner.id, ...g.admins.map((a) => a.id)]);
  const present = (m) => m.joinT <= asOf && (m.leaveT == null || m.leaveT > asOf);
  const memberMsgs = m0.filter((m) => !staff.has(m.sender) && members.get(m.sender).type !== 'bot' && members.get(m.sender).type !== 'spammer');
  const lastMember = memberMsgs.length ? memberMsgs[memberMsgs.length - 1].t : null;
  const daysSilent = lastMember == null ? null : (asOf - lastMember) / DAY;
  const firstEvent = Math.min(...g.events.map((e) => e.t), ...(msgs.length ? [msgs[0].t] : []));
  const dead = spec.kind === 'members-only' ? null : (lastMember == null ? (asOf - firstEvent) / DAY >= 30 : daysSilent >= 30);
  const recentStaff = m0.filter((m) => (staff.has(m.sender) || members.get(m.sender).type === 'bot' || members.get(m.sender).type === 'spammer') && m.t > asOf - 30 * DAY).length;
  const zombie = dead == null ? null : dead && recentStaff >= 3;
  // spreaders: ordinary members by invitees who stayed and talk
  const talked = new Set(m0.map((m) => m.sender));
  const stayTalk = new Map();
  for (const m of members.values()) {
    if (!m.inviter || m.joinT > asOf) continue;
    const inv = members.get(m.inviter);
    if (!inv || inv.role !== 'member') continue;
    const stayed = m.leaveT == null || m.leaveT > Math.min(asOf, m.joinT + 30 * DAY);
    if (stayed && talked.has(m.id)) stayTalk.set(inv.id, (stayTalk.get(inv.id) ?? 0) + 1);
  }
  const spreadRank = [...stayTalk.entries()].sort((a, b) => b[1] - a[1]);
  const counts = new Map();
  for (const m of m0) counts.set(m.sender, (counts.get(m.sender) ?? 0) + 1);
  // peak hour of member messages (planted, but also measured), local
  const hourCount = new Array(24).fill(0);
  const slotCount = new Map();
  for (const m of memberMsgs) {
    const p = parts(g.tz, m.t); const h = +p.hour;
    const wd = isoWeekday(Date.UTC(+p.year, +p.month - 1, +p.day));
    const age = (asOf - m.t) / DAY; const w = Math.pow(0.5, age / 90) * (m.replyTo ? 2 : 1);
    hourCount[h] += w;
    slotCount.set(`${wd}:${h}`, (slotCount.get(`${wd}:${h}`) ?? 0) + w);
  }
  const measuredPeakHour = hourCount.indexOf(Math.max(...hourCount));
  const measuredBestSlot = [...slotCount.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const segs = g.truthSegs.map((s) => ({ phase: s.phase, start: isoDay(g.startDay + s.start * DAY), end: isoDay(g.startDay + s.end * DAY), revival: s.revival }));
  const cur = segs[segs.length - 1];
  const rosterActual = [...members.values()].filter(present).length;
  let sinceLate = null;
  if (cur.phase === 'growth' || (segs.length > 1 && segs[segs.length - 2].phase === 'growth')) {
    const gseg = cur.phase === 'growth' ? g.truthSegs[g.truthSegs.length - 1] : null;
    if (gseg) {
      const rosterAt = (t) => [...members.values()].filter((m) => m.joinT <= t && (m.leaveT == null || m.leaveT > t)).length;
      for (let d = gseg.start; d <= gseg.end; d++) {
        const t = g.startDay + (d + 1) * DAY;
        const net = rosterAt(t) - rosterAt(t - 30 * DAY);
        if (net >= Math.max(3, 0.05 * rosterAt(t - 30 * DAY))) { sinceLate = isoDay(g.startDay + d * DAY); break; }
      }
    }
  }
  const joins = [...members.values()].filter((m) => m.role !== 'owner' && m.joinT <= asOf && !(spec.format === 'slack-export' && m.role === 'bot')).length;
  const capped = new Map(); const perDay = new Map();
  for (const m of m0) { const k = `${m.sender}|${m.day}`; const n = (perDay.get(k) ?? 0) + 1; perDay.set(k, n); if (n <= 20) capped.set(m.sender, (capped.get(m.sender) ?? 0) + 1); }
  return {
    sinceLate, joins,
    id: extra.groupId ?? spec.id,
    name: spec.name,
    scenario: spec.scenario,
    format: spec.format,
    zone: g.tz,
    kind: spec.kind ?? 'normal',
    phase: spec.kind === 'members-only' ? null : (dead && spec.kind !== 'bot-only' ? 'decline' : (spec.kind === 'bot-only' ? 'decline' : cur.phase)),
    since: spec.kind === 'members-only' || spec.kind === 'bot-only' || dead ? null : cur.start,
    sinceAmbiguous: !!spec.sinceAmbiguous,
    phaseAmbiguous: !!spec.phaseAmbiguous,
    timeline: spec.kind === 'members-only' || spec.kind === 'bot-only' ? null : segs,
    window: spec.kind === 'members-only' ? null : dead ? 'closed' : spec.window ?? ({ inception: 'upcoming', growth: null, maturity: 'open', decline: 'closed' }[cur.phase]),
    dead, zombie,
    lacking: spec.kind === 'members-only' ? null : (dead && zombie) ? true : spec.kind === 'bot-only' ? true : (spec.lacking ?? (dead ? null : false)),
    seeds: g.seeds.filter(present).filter((s) => (counts.get(s.id) ?? 0) > 0).map((s) => s.id),
    seedNames: Object.fromEntries(g.seeds.map((s) => [s.id, s.name])),
    decoys: g.decoys,
    staffAndBots: [...staff, ...(g.bot ? [g.bot.id] : [])],
    spreaders: g.spreaders.map((s) => ({ id: s.m.id, name: s.m.name, invited: [...members.values()].filter((m) => m.inviter === s.m.id && m.joinT <= asOf).length, stayedAndTalk: stayTalk.get(s.m.id) ?? 0 })),
    topSpreader: spreadRank.length ? spreadRank[0][0] : null,
    topSpreaderMargin: spreadRank.length > 1 ? spreadRank[0][1] - spreadRank[1][1] : spreadRank.length ? spreadRank[0][1] : 0,
    peakHours: spec.burst ? [spec.burst.hour, spec.burst.hour + 1] : spec.peakHours ?? null,
    peakWeekday: spec.burst?.weekday ?? null,
    measuredPeakHour, measuredBestSlot,
    messages: m0.length,
    memberMessages: memberMsgs.length,
    roster: rosterActual,
    rosterLenient: extra.rosterLenient ?? null,
    lastMemberMessageAt: lastMember == null ? null : iso(lastMember),
    firstEvent: iso(firstEvent),
    lastEvent: iso(Math.max(...g.events.map((e) => e.t).filter((t) => t <= asOf), ...(m0.length ? [m0[m0.length - 1].t] : []))),
    perMember: Object.fromEntries([...counts.entries()]),
    perMemberCapped: Object.fromEntries([...capped.entries()]),
    shared: (spec.shared ?? []).map((s) => ({ id: s.person.id, type: s.type })),
    notes: spec.notes ?? [],
  };
}

// ---------------------------------------------------------------- writers
const csvq = (v) => { const s = v == null ? '' : String(v); return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s; };
function writeFile(p, s) { fs.mkdirSync(path.dirname(p), { recursive: true }); fs.writeFileSync(p, s); }

function canonicalRows(g, { from = -Infinity, to = Infinity, local = false, withId = true, gid, gname } = {}) {
  const rows = [];
  const roleOf = (m) => m.role;
  for (const x of g.msgs) {
    if (x.t < from || x.t > to) continue;
    const m = g.members.get(x.sender);
    const ts = local ? fmtLocal(g.tz, x.t) : fmtOffset(g.tz, x.t);
    const cells = [gid ?? g.spec.id, gname ?? g.spec.name, ts, m.id, m.name, roleOf(m), x.type, x.text, x.replyTo ?? ''];
    rows.push((withId ? [x.id, ...cells] : cells).map(csvq).join(','));
  }
  return rows;
}
const CANON_HEAD = 'message_id,group_id,group_name,timestamp,sender_id,sender_name,role,type,text,reply_to';
const CANON_HEAD_NOID = 'group_id,group_name,timestamp,sender_id,sender_name,role,type,text,reply_to';
function memberRows(g, { at = Infinity, local = false } = {}) {
  const rows = [];
  for (const m of g.members.values()) {
    if (m.joinT > at) continue;
    const left = m.leaveT != null && m.leaveT <= at ? m.leaveT : null;
    const f = (t) => (t == null ? '' : local ? fmtLocal(g.tz, t) : fmtOffset(g.tz, t));
    rows.push([g.spec.id, m.id, m.name, m.role, f(m.joinT), f(left), m.inviter ?? ''].map(csvq).join(','));
  }
  return rows;
}
const MEM_HEAD = 'group_id,member_id,name,role,joined_at,left_at,invited_by';

// Slack: one workspace folder
function writeSlack(dir, groups, users) {
  const chans = [];
  for (const [ci, g] of groups.entries()) {
    const cid = `C0${g.spec.idPrefix.toUpperCase()}${ci}`;
    g.slackId = cid;
    const present = [...g.members.values()].filter((m) => m.leaveT == null && m.role !== 'bot').map((m) => m.id);
    chans.push({ id: cid, name: g.spec.name, created: String(Math.floor(g.owner.joinT / 1000)), creator: g.owner.id, is_archived: false, is_general: ci === 0, members: present, topic: { value: '', creator: '', last_set: '0' }, purpose: { value: '', creator: '', last_set: '0' } });
    const byDay = new Map();
    const push = (t, obj) => { const d = new Date(t).toISOString().slice(0, 10); if (!byDay.has(d)) byDay.set(d, []); byDay.get(d).push({ t, obj }); };
    const tsOf = new Map();
    const seq = new Map();
    const mkTs = (t) => { const s = Math.floor(t / 1000); const n = (seq.get(s) ?? 0) + 1; seq.set(s, n); return `${s}.${String(n).padStart(6, '0')}`; };
    const all = [...g.events.map((e) => ({ t: e.t, e })), ...g.msgs.map((m) => ({ t: m.t, m }))].sort((a, b) => a.t - b.t);
    const threadRoot = new Map();
    const byId = new Map(g.msgs.map((x) => [x.id, x]));
    for (const it of all) {
      const ts = mkTs(it.t);
      if (it.e) {
        const e = it.e;
        if (g.members.get(e.member)?.role === 'bot') continue;
        if (e.kind === 'join') push(it.t, { type: 'message', subtype: 'channel_join', user: e.member, ...(e.inviter ? { inviter: e.inviter } : {}), text: `<@${e.member}> has joined the channel`, ts });
        else push(it.t, { type: 'message', subtype: 'channel_leave', user: e.member, text: `<@${e.member}> has left the channel`, ts });
      } else {
        const m = it.m; tsOf.set(m.id, ts);
        const who = g.members.get(m.sender);
        if (who.role === 'bot') { push(it.t, { type: 'message', subtype: 'bot_message', bot_id: 'B0ALERT', username: who.name, text: m.text, ts }); continue; }
        const o = { type: 'message', user: m.sender, text: m.type === 'image' ? '' : m.text, ts };
        if (m.type === 'image') o.files = [{ id: `F${m.id}`, name: 'image.png', mimetype: 'image/png' }];
        if (m.replyTo && tsOf.has(m.replyTo)) {
          const root = threadRoot.get(m.replyTo) ?? m.replyTo;
          threadRoot.set(m.id, root);
          o.thread_ts = tsOf.get(root);
          o.parent_user_id = byId.get(root)?.sender;
        }
        push(it.t, o);
      }
    }
    for (const [d, list] of byDay) writeFile(path.join(dir, g.spec.name, `${d}.json`), JSON.stringify(list.map((x) => x.obj), null, 1));
  }
  writeFile(path.join(dir, 'channels.json'), JSON.stringify(chans, null, 1));
  writeFile(path.join(dir, 'users.json'), JSON.stringify(users, null, 1));
  writeFile(path.join(dir, 'integration_logs.json'), '[]');
}

// Telegram single-chat export
function telegramJson(g, { from = -Infinity, to = Infinity } = {}) {
  const all = [];
  const idOf = new Map();
  // ids: events and messages interleaved in time, stable numbering independent of the cut
  const items = [...g.events.map((e) => ({ t: e.t, e })), ...g.msgs.map((m) => ({ t: m.t, m }))].sort((a, b) => a.t - b.t);
  let n = 0;
  for (const it of items) { n++; if (it.m) idOf.set(it.m.id, n); it.n = n; }
  // group simultaneous link joins and invites by the same inviter at the same time? keep one per event
  for (const it of items) {
    if (it.t < from || it.t > to) continue;
    const base = { id: it.n, date: fmtLocal(g.tz, it.t, 'T'), date_unixtime: String(Math.floor(it.t / 1000)) };
    if (it.e) {
      const e = it.e; const m = g.members.get(e.member);
      if (e.kind === 'join') {
        if (m.role === 'owner') all.push({ ...base, type: 'service', actor: m.name, actor_id: m.id, action: 'create_group', title: g.spec.name, members: [], text: '', text_entities: [] });
        else if (e.inviter) { const inv = g.members.get(e.inviter); all.push({ ...base, type: 'service', actor: inv.name, actor_id: inv.id, action: 'invite_members', members: [m.name], text: '', text_entities: [] }); }
        else all.push({ ...base, type: 'service', actor: m.name, actor_id: m.id, action: 'join_group_by_link', inviter: 'Group', text: '', text_entities: [] });
      } else {
        const by = e.by ? g.members.get(e.by) : m;
        all.push({ ...base, type: 'service', actor: by.name, actor_id: by.id, action: 'remove_members', members: [m.name], text: '', text_entities: [] });
      }
    } else {
      const x = it.m; const m = g.members.get(x.sender);
      const o = { ...base, type: 'message', from: m.name, from_id: m.id };
      if (x.replyTo && idOf.has(x.replyTo)) o.reply_to_message_id = idOf.get(x.replyTo);
      if (x.type === 'image') { o.photo = '(File not included. Change data exporting settings to download.)'; o.width = 800; o.height = 600; o.text = ''; o.text_entities = []; }
      else { o.text = x.text; o.text_entities = [{ type: 'plain', text: x.text }]; }
      all.push(o);
    }
  }
  return JSON.stringify({ name: g.spec.name, type: 'private_supergroup', id: g.spec.tgId, messages: all }, null, 1);
}

// ---------------------------------------------------------------- scenarios
const END = '2025-06-29';
const groups = { sh: [], ny: [], ldn: [] };
const truth = { seed: SEED, end: END, runs: {}, groups: [], crossGroup: {} };

// ---- Asia/Shanghai: canonical CSV, one operator (书店) with several groups sharing people
{
  const tz = 'Asia/Shanghai';
  const people = { newName: nameMaker('zh') };
  const shared = [];
  for (let i = 0; i < 16; i++) shared.push({ id: `wxid_shared${String(i).padStart(2, '0')}`, name: people.newName() });
  const operator = { id: 'wxid_bookshop_boss', name: '书店老板娘' };
  const common = { lang: 'zh', tz, endDay: END, format: 'canonical-csv', ownerId: operator.id, ownerName: operator.name };
  const specs = [
    { ...common, id: 'g-revival-grow@chatroom', name: '复活读书会', idPrefix: 'wxid_rg', scenario: 'revival → growth now', founders: 25, admins: 1, peakHours: [21], peakShare: 0.35,
      shared: [{ person: shared[0], type: 'seed' }, { person: shared[1], type: 'seed' }, { person: shared[2], type: 'lurker' }, { person: shared[3], type: 'regular' }, { person: shared[4], type: 'lurker' }, { person: shared[5], type: 'occasional' }],
      segments: [
        { phase: 'inception', days: 21, joins: 20, joinShape: 'flat', leaves: 0, act: [6, 14] },
        { phase: 'growth', days: 70, joins: 130, joinShape: 'dec', leaves: 3, act: [14, 45] },
        { phase: 'maturity', days: 110, joins: 8, joinShape: 'flat', leaves: 8, act: [45, 45] },
        { phase: 'decline', days: 120, joins: 2, joinShape: 'flat', leaves: 35, act: [45, 5], shape: 'exp' },
        { phase: 'growth', days: 75, joins: 160, joinShape: 'acc', leaves: 2, act: [5, 42], revival: true },
      ], spreaders: [{ segment: 4, count: 22 }], decoys: { burster: true, leaver: true, spammer: true }, window: 'upcoming',
      notes: ['revival growth has accelerating inflow: early growth, window upcoming'] },
    { ...common, id: 'g-revival-mature@chatroom', name: '复活英语角', idPrefix: 'wxid_rm', scenario: 'revival → maturity now', founders: 20, admins: 1, peakHours: [20], peakShare: 0.35,
      shared: [{ person: shared[0], type: 'lurker' }, { person: shared[6], type: 'seed' }, { person: shared[7], type: 'occasional' }],
      segments: [
        { phase: 'inception', days: 21, joins: 15, joinShape: 'flat', leaves: 0, act: [6, 12] },
        { phase: 'growth', days: 60, joins: 100, joinShape: 'dec', leaves: 2, act: [12, 40] },
        { phase: 'maturity', days: 90, joins: 6, joinShape: 'flat', leaves: 6, act: [40, 40] },
        { phase: 'decline', days: 100, joins: 2, joinShape: 'flat', leaves: 25, act: [40, 6], shape: 'exp' },
        { phase: 'growth', days: 45, joins: 110, joinShape: 'flat', leaves: 2, act: [6, 36], revival: true },
        { phase: 'maturity', days: 84, joins: 4, joinShape: 'flat', leaves: 4, act: [36, 36] },
      ], decoys: { burster: true, leaver: true } },
    { ...common, id: 'g-overlap@chatroom', name: '增量导出群', idPrefix: 'wxid_ov', scenario: 'two overlapping chat exports (ids) + two member lists at different dates', founders: 30, admins: 1, peakHours: [12], peakShare: 0.3,
      shared: [{ person: shared[1], type: 'occasional' }, { person: shared[8], type: 'seed' }, { person: shared[2], type: 'lurker' }],
      segments: [
        { phase: 'inception', days: 21, joins: 20, joinShape: 'flat', act: [8, 15] },
        { phase: 'growth', days: 60, joins: 90, joinShape: 'dec', leaves: 2, act: [15, 35] },
        { phase: 'maturity', days: 239, joins: 10, joinShape: 'flat', leaves: 10, act: [35, 35] },
      ], decoys: { leaver: true, spammer: true } },
    { ...common, id: 'g-overlap-noid@chatroom', name: '无编号重叠群', idPrefix: 'wxid_on', scenario: 'two overlapping chat exports without message_id', founders: 25, admins: 0, peakHours: [9], peakShare: 0.3,
      segments: [
        { phase: 'inception', days: 21, joins: 15, joinShape: 'flat', act: [6, 12] },
        { phase: 'growth', days: 50, joins: 60, joinShape: 'dec', leaves: 1, act: [12, 28] },
        { phase: 'maturity', days: 179, joins: 6, joinShape: 'flat', leaves: 6, act: [28, 28] },
      ] },
    { ...common, id: 'g-500@chatroom', name: '五百人福利大群', idPrefix: 'wxid_bg', scenario: '500-member group, ~80% lurkers', founders: 60, admins: 2, peakHours: [22], peakShare: 0.3, lurkerShare: 0.82,
      shared: [{ person: shared[9], type: 'seed' }, { person: shared[3], type: 'lurker' }, { person: shared[4], type: 'lurker' }, { person: shared[5], type: 'lurker' }, { person: shared[10], type: 'lurker' }, { person: shared[11], type: 'lurker' }],
      segments: [
        { phase: 'inception', days: 21, joins: 40, joinShape: 'flat', act: [10, 20] },
        { phase: 'growth', days: 100, joins: 410, joinShape: 'dec', leaves: 6, act: [20, 45] },
        { phase: 'maturity', days: 179, joins: 12, joinShape: 'flat', leaves: 12, act: [45, 45] },
      ], spreaders: [{ segment: 1, count: 30 }], decoys: { burster: true, spammer: true } },
    { ...common, id: 'g-tiny@chatroom', name: '四人小群', idPrefix: 'wxid_t4', scenario: '4-member group', founders: 4, admins: 0, seeds: 3, peakHours: [19], peakShare: 0.4, ownerStartShare: 0.25,
      segments: [{ phase: 'inception', days: 21, joins: 0, act: [10, 10] }, { phase: 'maturity', days: 179, joins: 0, act: [10, 10] }], sinceAmbiguous: true, phaseAmbiguous: true,
      notes: ['4 people from day 0, steady chat: maturity by domain.md after its first weeks; inception for 3 weeks; since/phase not scored'] },
    { ...common, id: 'g-members-only@chatroom', name: '只有名单群', idPrefix: 'wxid_mo', scenario: 'member list only, no messages', kind: 'members-only', founders: 5,
      segments: [{ phase: 'growth', days: 70, joins: 35, joinShape: 'flat', act: [0, 0] }] },
    { ...common, id: 'g-bot-only@chatroom', name: '机器人早报群', idPrefix: 'wxid_bo', scenario: 'only a bot posts', kind: 'bot-only', founders: 30,
      segments: [{ phase: 'maturity', days: 150, joins: 0, act: [0, 0] }] },
    { ...common, id: 'g-live-wed@chatroom', name: '周三直播群', idPrefix: 'wxid_lw', scenario: 'weekly live stream (Wed 20:00, 10× the day)', founders: 30, admins: 1, peakHours: [12], peakShare: 0.25,
      shared: [{ person: shared[1], type: 'regular' }, { person: shared[12], type: 'seed' }, { person: shared[13], type: 'lurker' }],
      segments: [
        { phase: 'inception', days: 21, joins: 20, joinShape: 'flat', act: [6, 12] },
        { phase: 'growth', days: 60, joins: 80, joinShape: 'dec', leaves: 1, act: [12, 25] },
        { phase: 'maturity', days: 199, joins: 8, joinShape: 'flat', leaves: 8, act: [25, 25] },
      ], burst: { weekday: 3, hour: 20, mult: 10 }, decoys: { leaver: true } },
  ];
  for (const s of specs) { const g = simulateGroup(s, people); groups.sh.push(g); }
  truth.crossGroup.sh = { operator: operator.id, shared: shared.map((p) => p.id) };
}

// ---- America/New_York: Slack workspace (5 channels, one user base) + canonical CSV with local times
{
  const tz = 'America/New_York';
  const people = { newName: nameMaker('en') };
  const common = { lang: 'en', tz, endDay: END, format: 'slack-export' };
  const specs = [
    { ...common, id: 'general', name: 'general', idPrefix: 'u', scenario: 'Slack maturity, peak 20:00 local across both DST changes', founders: 25, admins: 0, peakHours: [20], peakShare: 0.4,
      segments: [
        { phase: 'inception', days: 21, joins: 15, joinShape: 'flat', act: [6, 12] },
        { phase: 'growth', days: 50, joins: 60, joinShape: 'dec', leaves: 1, act: [12, 30] },
        { phase: 'maturity', days: 210, joins: 6, joinShape: 'flat', leaves: 6, act: [30, 30] },
      ], spreaders: [{ segment: 1, count: 14 }], decoys: { burster: true, leaver: true } },
    { ...common, id: 'product-launch', name: 'product-launch', idPrefix: 'v', scenario: 'Slack revival → growth now, peak 13:00 local', founders: 20, admins: 0, peakHours: [13], peakShare: 0.4,
      segments: [
        { phase: 'inception', days: 21, joins: 15, joinShape: 'flat', act: [5, 12] },
        { phase: 'growth', days: 50, joins: 70, joinShape: 'dec', leaves: 1, act: [12, 35] },
        { phase: 'maturity', days: 60, joins: 4, joinShape: 'flat', leaves: 4, act: [35, 35] },
        { phase: 'decline', days: 100, joins: 1, joinShape: 'flat', leaves: 20, act: [35, 4], shape: 'exp' },
        { phase: 'growth', days: 69, joins: 120, joinShape: 'acc', leaves: 1, act: [4, 32], revival: true },
      ], spreaders: [{ segment: 4, count: 18 }], window: 'upcoming', decoys: { leaver: true } },
    { ...common, id: 'alerts', name: 'alerts', idPrefix: 'w', scenario: 'Slack channel where only a bot posts', kind: 'bot-only', founders: 20, botName: 'AlertBot',
      segments: [{ phase: 'maturity', days: 120, joins: 0, act: [0, 0] }] },
    { ...common, id: 'new-hires', name: 'new-hires', idPrefix: 'x', scenario: 'Slack channel with only joins and leaves', kind: 'members-only', founders: 3,
      segments: [{ phase: 'growth', days: 150, joins: 30, joinShape: 'flat', leaves: 5, act: [0, 0] }] },
    { ...common, id: 'core-team', name: 'core-team', idPrefix: 'y', scenario: 'Slack 4-member channel, peak 09:00 local', founders: 4, admins: 0, seeds: 3, peakHours: [9], peakShare: 0.5, ownerStartShare: 0.25,
      segments: [{ phase: 'inception', days: 21, joins: 0, act: [12, 12] }, { phase: 'maturity', days: 179, joins: 0, act: [12, 12] }], sinceAmbiguous: true, phaseAmbiguous: true },
    { ...common, format: 'canonical-csv', id: 'nyc-live', name: 'NYC Live Sessions', idPrefix: 'nyc', scenario: 'canonical CSV, local times without offset across DST; weekly live Thu 21:00 (10×)', founders: 25, admins: 1, peakHours: [18], peakShare: 0.3,
      segments: [
        { phase: 'inception', days: 21, joins: 15, joinShape: 'flat', act: [6, 12] },
        { phase: 'growth', days: 60, joins: 70, joinShape: 'dec', leaves: 1, act: [12, 22] },
        { phase: 'maturity', days: 199, joins: 6, joinShape: 'flat', leaves: 6, act: [22, 22] },
      ], burst: { weekday: 4, hour: 21, mult: 10 }, decoys: { leaver: true } },
  ];
  // Slack users are one workspace: give channel members the same ids across channels (cross-group)
  const ws = [];
  for (const s of specs) { const g = simulateGroup(s, people); groups.ny.push(g); }
  // share: make some people of "general" also members of product-launch and core-team by id remapping
  const gen = groups.ny[0];
  const genPeople = [...gen.members.values()].filter((m) => m.role === 'member');
  const remap = (g, n) => {
    const targets = [...g.members.values()].filter((m) => m.role === 'member' && !m.spreader && m.type !== 'seed').slice(0, n);
    targets.forEach((m, i) => {
      const src = genPeople[i % genPeople.length];
      const oldId = m.id; g.members.delete(oldId);
      m.id = src.id; m.name = src.name; m.shared = true; g.members.set(m.id, m);
      for (const x of g.msgs) if (x.sender === oldId) x.sender = m.id;
      for (const e of g.events) { if (e.member === oldId) e.member = m.id; if (e.inviter === oldId) e.inviter = m.id; if (e.by === oldId) e.by = m.id; }
      for (const o of g.members.values()) if (o.inviter === oldId) o.inviter = m.id;
    });
  };
  // the owner of general owns every channel (one operator)
  const own = gen.owner;
  for (const g of groups.ny.slice(1)) {
    const oldId = g.owner.id; g.members.delete(oldId); g.owner.id = own.id; g.owner.name = own.name; g.members.set(own.id, g.owner);
    for (const x of g.msgs) if (x.sender === oldId) x.sender = own.id;
    for (const e of g.events) { if (e.member === oldId) e.member = own.id; if (e.inviter === oldId) e.inviter = own.id; if (e.by === oldId) e.by = own.id; }
    for (const o of g.members.values()) if (o.inviter === oldId) o.inviter = own.id;
  }
  remap(groups.ny[1], 12); remap(groups.ny[2], 10); remap(groups.ny[3], 2);
  const seen = new Map();
  for (const g of groups.ny.slice(0, 5)) for (const m of g.members.values()) seen.set(m.id, m);
  for (const m of seen.values()) {
    const handle = m.name.toLowerCase().replace(/[^a-z]+/g, '.');
    ws.push({ id: m.id, team_id: 'T0SIM4', name: handle, real_name: m.name, deleted: false, is_bot: m.role === 'bot', is_admin: m.role === 'owner', is_owner: m.role === 'owner', tz: 'America/New_York', profile: { display_name: m.name.split(' ')[0], real_name: m.name } });
  }
  // unused extra workspace users (in users.json, in no channel)
  for (let i = 0; i < 15; i++) { const n = people.newName(); ws.push({ id: `uzz${i}`, team_id: 'T0SIM4', name: n.toLowerCase().replace(/ /g, '.'), real_name: n, deleted: false, is_bot: false, profile: { display_name: n, real_name: n } }); }
  groups.ny.users = ws;
}

// ---- Europe/London: Telegram single-chat exports
{
  const tz = 'Europe/London';
  const people = { newName: nameMaker('en') };
  const common = { lang: 'en', tz, endDay: END, format: 'telegram-json' };
  const specs = [
    { ...common, id: 'tg-revival', tgId: 1700000001, name: 'Allotment Growers', idPrefix: 'user1001', scenario: 'Telegram revival → growth now, peak 21:00 local', founders: 20, admins: 0, peakHours: [21], peakShare: 0.4,
      segments: [
        { phase: 'inception', days: 21, joins: 15, joinShape: 'flat', act: [6, 12] },
        { phase: 'growth', days: 60, joins: 90, joinShape: 'dec', leaves: 1, act: [12, 38] },
        { phase: 'maturity', days: 80, joins: 5, joinShape: 'flat', leaves: 5, act: [38, 38] },
        { phase: 'decline', days: 140, joins: 2, joinShape: 'flat', leaves: 25, act: [38, 4], shape: 'exp' },
        { phase: 'growth', days: 79, joins: 140, joinShape: 'acc', leaves: 1, act: [4, 34], revival: true },
      ], spreaders: [{ segment: 4, count: 20 }], window: 'upcoming', decoys: { burster: true, leaver: true } },
    { ...common, id: 'tg-overlap', tgId: 1700000002, name: 'Canal Walkers', idPrefix: 'user1002', scenario: 'Telegram maturity exported twice (overlapping ranges), peak 21:00 local', founders: 25, admins: 0, peakHours: [21], peakShare: 0.4,
      segments: [
        { phase: 'inception', days: 21, joins: 15, joinShape: 'flat', act: [6, 12] },
        { phase: 'growth', days: 50, joins: 60, joinShape: 'dec', leaves: 1, act: [12, 28] },
        { phase: 'maturity', days: 229, joins: 6, joinShape: 'flat', leaves: 6, act: [28, 28] },
      ], spreaders: [{ segment: 1, count: 12 }], decoys: { leaver: true } },
    { ...common, id: 'tg-live', tgId: 1700000003, name: 'Sunday Quiz Live', idPrefix: 'user1003', scenario: 'Telegram weekly live quiz Sun 19:00 (10×)', founders: 25, admins: 0, peakHours: [8], peakShare: 0.3,
      segments: [
        { phase: 'inception', days: 21, joins: 15, joinShape: 'flat', act: [6, 12] },
        { phase: 'growth', days: 50, joins: 60, joinShape: 'dec', leaves: 1, act: [12, 22] },
        { phase: 'maturity', days: 189, joins: 6, joinShape: 'flat', leaves: 6, act: [22, 22] },
      ], burst: { weekday: 7, hour: 19, mult: 10 } },
  ];
  for (const s of specs) groups.ldn.push(simulateGroup(s, people));
}

// ---------------------------------------------------------------- write files + truth
const LATE = 60; // days
function runTruth(zoneKey, gs, dir, inputs, extraOf = () => ({})) {
  const lastT = Math.max(...gs.flatMap((g) => [...g.msgs.map((m) => m.t), ...g.events.map((e) => e.t)]));
  const asOf = lastT;
  const lateAsOf = dayOf(END) + (LATE + 1) * DAY - 1000; // END + 60 days, end of day UTC
  truth.runs[zoneKey] = { tz: gs[0].tz, dir, inputs, asOf: iso(asOf), lateAsOf: iso(lateAsOf) };
  for (const g of gs) {
    const t = truthOf(g, asOf, extraOf(g));
    t.run = zoneKey;
    const tl = truthOf(g, lateAsOf, extraOf(g));
    t.late = { dead: tl.dead, zombie: tl.zombie, phase: g.spec.kind === 'members-only' ? null : 'decline', window: g.spec.kind === 'members-only' ? null : 'closed', roster: tl.roster, messages: tl.messages };
    truth.groups.push(t);
  }
}

// Shanghai
{
  const dir = path.join(OUT, 'asia-shanghai');
  const gs = groups.sh;
  const main = gs.filter((g) => !['g-overlap@chatroom', 'g-overlap-noid@chatroom'].includes(g.spec.id));
  const rows = [CANON_HEAD];
  for (const g of main) rows.push(...canonicalRows(g));
  writeFile(path.join(dir, '书店社群_messages.csv'), rows.join('\n') + '\n');
  const mrows = [MEM_HEAD];
  for (const g of main) mrows.push(...memberRows(g));
  writeFile(path.join(dir, '书店社群_members.csv'), mrows.join('\n') + '\n');
  // overlap (ids): export A = start .. end-60d, export B = end-120d .. end
  const ov = gs.find((g) => g.spec.id === 'g-overlap@chatroom');
  const endT = dayOf(END) + DAY;
  writeFile(path.join(dir, 'exports-2025-05/增量导出群_messages.csv'), [CANON_HEAD, ...canonicalRows(ov, { to: endT - 60 * DAY })].join('\n') + '\n');
  writeFile(path.join(dir, 'exports-2025-06/增量导出群_messages.csv'), [CANON_HEAD, ...canonicalRows(ov, { from: endT - 120 * DAY })].join('\n') + '\n');
  // member lists at two dates: list 1 at end-100d (English headers, ISO), list 2 at end-20d (Chinese headers, local times)
  const l1 = endT - 100 * DAY, l2 = endT - 20 * DAY;
  writeFile(path.join(dir, 'exports-2025-03/增量导出群_members.csv'), [MEM_HEAD, ...memberRows(ov, { at: l1 })].join('\n') + '\n');
  const zhRows = ['群ID,微信号,群昵称,角色,入群时间,退群时间,邀请人'];
  const roleZh = { owner: '群主', admin: '管理员', member: '成员', bot: '机器人' };
  for (const m of ov.members.values()) {
    if (m.joinT > l2) continue;
    if (m.leaveT != null && m.leaveT <= l2) continue; // a snapshot lists current members only
    const left = '';
    zhRows.push([ov.spec.id, m.id, m.name, roleZh[m.role], fmtLocal(ov.tz, m.joinT).replace(/-/g, '/').replace(/:\d\d$/, ''), left, m.inviter ?? ''].map(csvq).join(','));
  }
  writeFile(path.join(dir, 'exports-2025-06/增量导出群_成员名单.csv'), '\ufeff' + zhRows.join('\r\n') + '\r\n');
  // members who joined after list 2 and never posted are unknowable: count them for the lenient roster
  const firstPost = new Map(); for (const x of ov.msgs) if (!firstPost.has(x.sender)) firstPost.set(x.sender, x.t);
  const unknowable = [...ov.members.values()].filter((m) => m.joinT > l2 && !firstPost.has(m.id) && m.leaveT == null).length;
  const leftAfterL2 = [...ov.members.values()].filter((m) => m.leaveT != null && m.leaveT > l1 && m.joinT <= l2).length; // left after list 1: only the later snapshot's absence shows it
  ov.rosterNote = { unknowable, leftAfterL2 };
  // overlap without message ids
  const on = gs.find((g) => g.spec.id === 'g-overlap-noid@chatroom');
  writeFile(path.join(dir, 'exports-2025-05/无编号重叠群.csv'), [CANON_HEAD_NOID, ...canonicalRows(on, { to: endT - 50 * DAY, withId: false })].join('\n') + '\n');
  writeFile(path.join(dir, 'exports-2025-06/无编号重叠群.csv'), [CANON_HEAD_NOID, ...canonicalRows(on, { from: endT - 100 * DAY, withId: false })].join('\n') + '\n');
  writeFile(path.join(dir, 'exports-2025-06/无编号重叠群_members.csv'), [MEM_HEAD, ...memberRows(on)].join('\n') + '\n');
  runTruth('sh', gs, dir, ['.'], (g) => {
    if (g === ov) { const actual = [...g.members.values()].filter((m) => m.leaveT == null).length; return { rosterLenient: [actual - unknowable, actual + leftAfterL2] }; }
    return {};
  });
  truth.overlap = { ids: { dupRows: ov.msgs.filter((x) => x.t >= endT - 120 * DAY && x.t <= endT - 60 * DAY).length }, noid: { dupRows: on.msgs.filter((x) => x.t >= endT - 100 * DAY && x.t <= endT - 50 * DAY).length }, rosterNote: ov.rosterNote };
}
// New York
{
  const dir = path.join(OUT, 'america-new_york');
  const gs = groups.ny;
  writeSlack(path.join(dir, 'slack-acme'), gs.slice(0, 5), gs.users);
  const live = gs[5];
  writeFile(path.join(dir, 'nyc-live.csv'), [CANON_HEAD, ...canonicalRows(live, { local: true })].join('\n') + '\n');
  writeFile(path.join(dir, 'nyc-live_members.csv'), [MEM_HEAD, ...memberRows(live, { local: true })].join('\n') + '\n');
  runTruth('ny', gs, dir, ['.']);
  for (const g of gs.slice(0, 5)) { const t = truth.groups.find((x) => x.run === 'ny' && x.name === g.spec.name); t.id = g.slackId; t.memberIdNote = 'Slack user ids'; }
  truth.crossGroup.ny = { workspaceUsers: gs.users.length, channelMembers: Object.fromEntries(gs.slice(0, 5).map((g) => [g.spec.name, [...g.members.values()].filter((m) => m.leaveT == null && m.role !== 'bot').length])) };
}
// London
{
  const dir = path.join(OUT, 'europe-london');
  const gs = groups.ldn;
  writeFile(path.join(dir, 'ChatExport_2025-06-29 (1)/result.json'), telegramJson(gs[0]));
  const ov = gs[1]; const endT = dayOf(END) + DAY;
  writeFile(path.join(dir, 'ChatExport_2025-03-15/result.json'), telegramJson(ov, { to: endT - 100 * DAY }));
  writeFile(path.join(dir, 'ChatExport_2025-06-29 (2)/result.json'), telegramJson(ov, { from: endT - 160 * DAY }));
  writeFile(path.join(dir, 'ChatExport_2025-06-29 (3)/result.json'), telegramJson(gs[2]));
  runTruth('ldn', gs, dir, ['.']);
  for (const g of gs) { const t = truth.groups.find((x) => x.run === 'ldn' && x.name === g.spec.name); t.id = String(g.spec.tgId); }
  truth.overlap.telegram = { dupItems: [...ov.msgs, ...ov.events].filter((x) => x.t >= endT - 160 * DAY && x.t <= endT - 100 * DAY).length };
}
truth.dstChecks = [];
for (const [run, gs] of [['ny', groups.ny], ['ldn', groups.ldn]]) {
  for (const g of gs) {
    if (!g.msgs.length) continue;
    for (const cut of ['2025-01-15T12:00:00Z', '2024-11-20T12:00:00Z', '2025-04-15T12:00:00Z']) {
      const c = Date.parse(cut);
      const ts = [...g.msgs.map((m) => m.t), ...g.events.map((e) => e.t)].filter((t) => t <= c);
      if (!ts.length) continue;
      truth.dstChecks.push({ run, group: truth.groups.find((x) => x.run === run && x.name === g.spec.name).id, asOf: cut, lastEvent: iso(Math.max(...ts)), localLast: fmtLocal(g.tz, Math.max(...ts)) });
    }
  }
}
writeFile(path.join(OUT, 'truth.json'), JSON.stringify(truth, null, 1));
const nMsgs = truth.groups.reduce((s, g) => s + g.messages, 0);
console.error(`sim4 seed ${SEED}: ${truth.groups.length} groups, ${nMsgs} messages → ${OUT}`);
