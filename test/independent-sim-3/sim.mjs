#!/usr/bin/env node
// Independent simulator with planted truth, writing *real export formats*:
// WhatsApp TXT (Android en-GB / en-US 12h / iOS / pt-BR), Telegram Desktop result.json (account export),
// QQ 消息管理器 全部消息记录.txt (GB18030, CRLF), WeChat 留痕/MemoTrace CSV, DiscordChatExporter JSON.
// Usage: node sim.mjs OUTDIR [--seed N] [--as-of ISO] [--scale F]
// Writes OUTDIR/<zone-slug>/... (one folder per --tz run) and OUTDIR/truth.json. Deterministic from --seed.
import fs from 'node:fs';
import path from 'node:path';

const argv = process.argv.slice(2);
const OUT = argv.find((a, i) => !a.startsWith('--') && !(i > 0 && argv[i - 1].startsWith('--')));
const opt = (k, d) => { const i = argv.indexOf('--' + k); return i >= 0 ? argv[i + 1] : d; };
const SEED = Number(opt('seed', 1));
const AS_OF = Date.parse(opt('as-of', '2025-06-30T12:00:00Z'));
const SCALE = Number(opt('scale', 1));
if (!OUT) { console.error('usage: sim.mjs OUTDIR [--seed N]'); process.exit(2); }
const DAY = 86400000, HOUR = 3600000, MIN = 60000;

// ---------- deterministic RNG ----------
function mulberry32(a) { return () => { a |= 0; a = (a + 0x6D2B79F5) | 0; let t = Math.imul(a ^ (a >>> 15), 1 | a); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; }
let R = mulberry32(SEED * 7919 + 13);
const rnd = () => R();
const ri = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
const chance = (p) => rnd() < p;
function poisson(l) { if (l <= 0) return 0; if (l > 50) return Math.max(0, Math.round(l + Math.sqrt(l) * gauss())); let L = Math.exp(-l), k = 0, p = 1; do { k++; p *= rnd(); } while (p > L); return k - 1; }
function gauss() { return Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd()); }
function wpick(items, w) { let s = 0; for (const x of w) s += x; if (s <= 0) return null; let r = rnd() * s; for (let i = 0; i < items.length; i++) { r -= w[i]; if (r <= 0) return items[i]; } return items[items.length - 1]; }

// ---------- time zones ----------
const offCache = new Map();
function tzOffset(tz, t) { // ms to add to UTC to get local wall time
  const key = tz + '|' + Math.floor(t / HOUR);
  let v = offCache.get(key); if (v !== undefined) return v;
  const f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const p = Object.fromEntries(f.formatToParts(new Date(Math.floor(t / HOUR) * HOUR)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  v = asUtc - Math.floor(t / HOUR) * HOUR; offCache.set(key, v); return v;
}
function wallToUtc(tz, wall) { let t = wall - tzOffset(tz, wall); const o2 = tzOffset(tz, t); if (wall - o2 !== t) t = wall - o2; return t; }
function local(tz, t) { const d = new Date(t + tzOffset(tz, t)); return { Y: d.getUTCFullYear(), M: d.getUTCMonth() + 1, D: d.getUTCDate(), h: d.getUTCHours(), m: d.getUTCMinutes(), s: d.getUTCSeconds(), wd: ((d.getUTCDay() + 6) % 7) + 1 }; }
const p2 = (n) => String(n).padStart(2, '0');

// ---------- names ----------
const EN_FIRST = ['Lena', 'Jonas', 'Mia', 'Felix', 'Emma', 'Paul', 'Hannah', 'Lukas', 'Sophie', 'Leon', 'Anna', 'Noah', 'Clara', 'Elias', 'Marie', 'Ben', 'Laura', 'Finn', 'Julia', 'Tim', 'Sarah', 'David', 'Nina', 'Jan', 'Lisa', 'Max', 'Lea', 'Tom', 'Eva', 'Moritz', 'Ida', 'Karl', 'Greta', 'Oskar', 'Frieda', 'Anton', 'Mila', 'Emil', 'Rosa', 'Theo', 'Priya', 'Omar', 'Chen', 'Aisha', 'Kofi', 'Yuki', 'Ivan', 'Sofia', 'Mateo', 'Zoe'];
const EN_LAST = ['Vogt', 'Weber', 'Schulz', 'Becker', 'Hoffmann', 'Koch', 'Richter', 'Wolf', 'Neumann', 'Braun', 'Zimmermann', 'Krüger', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Krause', 'Meier', 'Lehmann', 'Köhler', 'Smith', 'Patel', 'Okafor', 'Nguyen', 'García', 'Rossi', 'Kowalski', 'Yılmaz'];
const PT_FIRST = ['Mariana', 'João', 'Ana', 'Pedro', 'Beatriz', 'Lucas', 'Júlia', 'Gabriel', 'Larissa', 'Rafael', 'Camila', 'Thiago', 'Fernanda', 'Bruno', 'Letícia', 'Gustavo', 'Amanda', 'Felipe', 'Carolina', 'Diego', 'Isabela', 'Rodrigo', 'Vitória', 'Mateus', 'Luana', 'Caio', 'Bianca', 'Vinícius', 'Natália', 'André', 'Yasmin', 'Henrique', 'Débora', 'Otávio', 'Sabrina', 'Renato', 'Paula', 'Igor', 'Tatiane', 'Fábio'];
const PT_LAST = ['Costa', 'Silva', 'Souza', 'Oliveira', 'Santos', 'Lima', 'Pereira', 'Ferreira', 'Almeida', 'Ribeiro', 'Carvalho', 'Gomes', 'Martins', 'Araújo', 'Barbosa', 'Rocha', 'Dias', 'Moreira', 'Nunes', 'Teixeira'];
const ZH_NICK = ['小美', '阿杰', '大橙子', '静静', '老王', '木子', '晴天', '阿花', '小鱼儿', '牛牛', '夏天', '豆豆', '一一', '北辰', '星河', '糖糖', '阿哲', '可乐', '米粒', '青柠', '大白', '小七', '南风', '朵朵', '阿宝', '柚子', '安然', '小雨', '浩然', '思思', '果果', '阿亮', '陈皮', '若水', '麦兜', '暖暖', '小白兔', '飞鸟', '石头', '茉莉', '山竹', '阿锋', '橘子', '月亮', '杨梅', '阿飞', '心心', '大熊', '小满', '芒果', '悠悠', '林子', '阿凯', '大海', '叶子', '团子', '墨墨', '老张', '小马', '贝贝'];
const ZH_SUF = ['', '', '', '', '@上海', '-宝妈', '_学员', '🌸', '(二期)', '·读书', 'A', '2023'];

function mkNameGen(kind) {
  const used = new Set();
  return () => {
    for (let i = 0; i < 1000; i++) {
      let n;
      if (kind === 'en') n = pick(EN_FIRST) + (chance(0.85) ? ' ' + pick(EN_LAST) : '');
      else if (kind === 'pt') n = pick(PT_FIRST) + (chance(0.85) ? ' ' + pick(PT_LAST) : '');
      else if (kind === 'dc') n = pick(EN_FIRST).toLowerCase() + pick(['', '_', '.', '']) + pick(['', ri(1, 999), 'x', 'dev', 'art']);
      else n = pick(ZH_NICK) + pick(ZH_SUF);
      if (!used.has(n)) { used.add(n); return n; }
    }
    const n = 'user' + ri(10000, 99999); used.add(n); return n;
  };
}

// ---------- text ----------
const TXT = {
  en: { q: ['anyone tried the new version?', 'what time is the meetup?', 'does anyone know a good place for this?', 'is the link still working?', 'how did it go yesterday?', 'which one would you pick?', 'any tips for beginners?'], a: ['yes, works fine for me', 'I think around 7', 'try the one near the station', 'no idea, sorry', 'went great, thanks!', 'the second one for sure', 'same here', 'haha true', 'agreed 👍', 'thanks a lot', 'good point', 'let me check and come back to you'], s: ['just found this, pretty cool', 'good morning everyone ☀️', 'sharing my notes from today', 'finally finished my project!', 'look at this view'], own: ['📣 Reminder: weekly session tonight at 8', 'New material uploaded, have a look', 'Please introduce yourselves!', 'Quick poll: who joins on Saturday?', 'Today\'s topic: how do you plan your week?'], bot: ['📊 Daily digest: 3 new posts', '🤖 Reminder: read the group rules', 'Welcome! Please read the pinned message.'], ad: ['💰 Earn 500€/day from home!!! DM me now', 'Cheap followers & likes, visit bit.ly/xx-promo'] },
  pt: { q: ['alguém já testou a nova versão?', 'que horas é o encontro?', 'alguém sabe um lugar bom pra isso?', 'o link ainda funciona?', 'como foi ontem?', 'qual vocês escolheriam?', 'dicas pra iniciantes?'], a: ['sim, funciona aqui', 'acho que umas 19h', 'tenta aquele perto da estação', 'não sei, foi mal', 'foi ótimo, valeu!', 'o segundo com certeza', 'aqui também', 'kkkkk verdade', 'concordo 👍', 'muito obrigado', 'boa!', 'vou ver e te falo'], s: ['achei isso, muito bom', 'bom dia pessoal ☀️', 'compartilhando minhas anotações de hoje', 'finalmente terminei meu projeto!', 'olha essa vista'], own: ['📣 Lembrete: encontro semanal hoje às 20h', 'Material novo no ar, deem uma olhada', 'Se apresentem, pessoal!', 'Enquete rápida: quem vem sábado?', 'Tema de hoje: como vocês planejam a semana?'], bot: ['📊 Resumo diário: 3 novos posts', '🤖 Lembrete: leia as regras do grupo', 'Bem-vindo! Leia a mensagem fixada.'], ad: ['💰 Ganhe R$500/dia em casa!!! me chama no privado', 'Seguidores baratos, acesse bit.ly/xx-promo'] },
  zh: { q: ['有人试过新版本吗？', '这周活动几点开始？', '请问哪里能买到这个？', '链接还能用吗？', '昨天的课大家听了吗？', '你们会选哪个？', '新手有什么建议吗？'], a: ['可以用的', '应该是晚上八点', '楼下那家就有', '不太清楚哎', '听了，讲得很好', '选第二个', '同问', '哈哈哈哈', '赞同👍', '谢谢分享', '有道理', '我去看看再回复你'], s: ['刚发现这个，挺好用的', '大家早上好☀️', '分享一下今天的笔记', '终于打卡完成啦！', '看看今天的晚霞'], own: ['【通知】今晚8点群内分享，欢迎参加', '新资料已上传群文件，大家查收', '新朋友请按格式做个自我介绍～', '小调查：周六活动谁来？', '今日话题：你是怎么安排一周的？'], bot: ['【每日打卡】今日已打卡 3 人', '【群助手】请遵守群规，禁止发广告', '欢迎新朋友入群，请阅读群公告'], ad: ['💰兼职日赚500，加我V了解', '低价代购正品，私聊我看图'] },
};

// ---------- scenarios ----------
// phase truth: inception | growth | maturity | decline ; flags: dead, zombie, lacking (owner-driven)
const SCEN = {
  inception: { phase: 'inception' },
  growth: { phase: 'growth' },
  maturity: { phase: 'maturity' },
  decline: { phase: 'decline' },
  dead: { phase: 'decline', dead: true },
  zombie: { phase: 'decline', dead: true, zombie: true },
  ownerDriven: { phase: 'maturity', lacking: true },
  viral: { phase: 'growth', viral: true },
  midlife: { phase: 'maturity', midlife: true },
};

// ---------- group generation ----------
function genGroup(spec) {
  const { fmt, tz, lang, sc } = spec;
  const S = SCEN[sc];
  const nameKind = fmt === 'discord' ? 'dc' : lang;
  const newName = mkNameGen(nameKind);
  const T = TXT[lang === 'dc' ? 'en' : lang];
  const asOfDay = Math.floor((AS_OF + tzOffset(tz, AS_OF)) / DAY); // local day index of as-of
  // lifespan (days before as-of when created)
  let age = { inception: ri(12, 22), growth: ri(95, 140), viral: ri(80, 120), maturity: ri(240, 330), midlife: ri(300, 360), ownerDriven: ri(200, 300), decline: ri(260, 340), dead: ri(240, 330), zombie: ri(240, 330) }[sc];
  const createDay = asOfDay - age;
  const finalN = { inception: ri(25, 60), growth: ri(120, 220), viral: ri(150, 260), maturity: ri(80, 200), midlife: ri(100, 180), ownerDriven: ri(80, 180), decline: ri(80, 180), dead: ri(60, 140), zombie: ri(60, 150) }[sc];
  // growth window (days since creation) with fast inflow, then trickle
  const growEnd = { inception: age, growth: age, viral: age, maturity: ri(70, 110), midlife: ri(60, 100), ownerDriven: ri(60, 100), decline: ri(60, 100), dead: ri(50, 90), zombie: ri(50, 90) }[sc];
  const declineStart = sc === 'decline' ? age - ri(70, 110) : (sc === 'dead' || sc === 'zombie') ? age - ri(120, 170) : null;
  const lastMemberDay = (sc === 'dead' || sc === 'zombie') ? asOfDay - ri(42, 80) : null;
  const peakHours = pick([[20, 21], [12, 21], [8, 20], [22], [19, 20], [13]]);
  const weekendBoost = chance(0.5) ? 1.4 : 1.0;
  const hasBot = sc === 'zombie' || (fmt === 'discord') || (fmt === 'telegram' && chance(0.4)) || (fmt === 'wechat' && chance(0.25));
  const hasAdmin = chance(0.7);
  const base = { inception: 25, growth: 22, viral: 25, maturity: 18, midlife: 16, ownerDriven: 14, decline: 24, dead: 20, zombie: 20 }[sc] * SCALE * (0.7 + rnd() * 0.6);

  const members = [];
  const mk = (role, joinDay, extra = {}) => { const m = { idx: members.length, role, name: newName(), joinDay, joinT: null, method: null, inviter: null, leaveDay: null, leaveKind: null, presence: 0.02, startW: 0.2, replyW: 0.3, seed: false, spreader: false, lurker: false, burst: false, leaverDecoy: false, renames: [], ...extra }; members.push(m); return m; };
  const owner = mk('owner', createDay, { method: 'creator', presence: 0.8 });
  if (fmt === 'whatsapp' && !S.midlife) owner.name = spec.me;
  const admin = hasAdmin ? mk('admin', createDay, { method: 'invite', inviter: 0, presence: 0.4 }) : null;
  const bot = hasBot ? mk('bot', createDay + ri(0, 3), { method: 'invite', inviter: 0, presence: 0 }) : null;
  if (bot) bot.name = { zh: '群助手小Q', en: 'GroupHelperBot', pt: 'AjudanteBot', dc: 'MEE6' }[fmt === 'discord' ? 'dc' : lang] ;
  // join schedule
  const span = Math.max(1, growEnd);
  const nJoin = finalN - members.length;
  const joinDays = [];
  for (let i = 0; i < nJoin; i++) {
    let u = rnd();
    if (sc === 'growth' || sc === 'viral') u = Math.pow(u, 0.75); // accelerating: more joins later
    else if (sc !== 'inception') { if (chance(0.1)) { joinDays.push(createDay + growEnd + Math.floor(rnd() * (age - growEnd - 5))); continue; } u = Math.pow(u, 1.3); }
    joinDays.push(createDay + Math.floor(u * span * 0.999));
  }
  joinDays.sort((a, b) => a - b);
  for (const d of joinDays) mk('member', Math.min(d, asOfDay - 1));
  // roles of people
  const ordinary = members.filter((m) => m.role === 'member');
  const early = ordinary.filter((m) => m.joinDay < createDay + Math.max(8, span * 0.35));
  const nSeed = Math.min(early.length, ri(2, 3));
  const seeds = [];
  for (let i = 0; i < nSeed; i++) { let m; do { m = pick(early); } while (m.seed); m.seed = true; m.presence = 0.55 + rnd() * 0.25; m.startW = 6; m.replyW = 5; seeds.push(m); }
  for (const m of ordinary) if (!m.seed) {
    const r = rnd();
    if (r < 0.55) { m.lurker = true; m.presence = 0; }
    else if (r < 0.85) { m.presence = 0.02 + rnd() * 0.04; m.startW = 0.4; m.replyW = 0.6; }
    else { m.presence = 0.08 + rnd() * 0.1; m.startW = 1; m.replyW = 1.5; }
  }
  // spreaders (formats with inviters)
  const inviterFmt = ['whatsapp', 'telegram', 'wechat'].includes(fmt);
  const spreaders = [];
  if (inviterFmt && ordinary.length > 20 && sc !== 'inception') {
    const nSp = sc === 'viral' ? 2 : 1;
    const cands = early.filter((m) => !m.seed);
    for (let i = 0; i < nSp && cands.length; i++) { const m = cands.splice(Math.floor(rnd() * cands.length), 1)[0]; m.spreader = true; if (m.lurker) { m.lurker = false; m.presence = 0.05; m.startW = 0.5; m.replyW = 0.8; } spreaders.push(m); }
  }
  // decoys
  const cand = ordinary.filter((m) => !m.seed && !m.spreader && m.joinDay < asOfDay - 60);
  let burst = null, leaver = null;
  if (cand.length > 5 && sc !== 'inception') { burst = pick(cand); burst.burst = true; burst.lurker = false; burst.presence = 0; burst.burstDay = ri(Math.max(burst.joinDay + 1, asOfDay - 60), asOfDay - 5); if (sc === 'dead' || sc === 'zombie') burst.burstDay = lastMemberDay - ri(5, 20); if (burst.burstDay <= burst.joinDay) burst.burstDay = burst.joinDay + 1; }
  const leaveFmt = fmt !== 'wechat' && fmt !== 'discord';
  if (leaveFmt && cand.length > 6 && ['maturity', 'growth', 'viral', 'ownerDriven', 'decline'].includes(sc)) { leaver = pick(cand.filter((m) => !m.burst)); if (leaver && leaver.joinDay < asOfDay - 120) { leaver.leaverDecoy = true; leaver.lurker = false; leaver.presence = 0.6; leaver.startW = 5; leaver.replyW = 4; leaver.leaveDay = asOfDay - ri(45, 70); leaver.leaveKind = 'left'; } else leaver = null; }
  // inviters & methods
  for (const m of members) {
    if (m.method) continue;
    if (m.joinDay === createDay) { m.method = 'invite'; m.inviter = owner.idx; continue; }
    const elig = members.filter((x) => x !== m && x.joinDay < m.joinDay && x.role !== 'bot');
    const spr = spreaders.filter((x) => x.joinDay < m.joinDay - 2);
    const r = rnd();
    const sprShare = sc === 'viral' ? 0.45 : 0.22;
    if (fmt === 'qq' || fmt === 'discord') { m.method = 'unknown'; continue; }
    if (spr.length && r < sprShare) { m.method = fmt === 'wechat' && chance(0.4) ? 'qr' : 'invite'; m.inviter = pick(spr).idx; continue; }
    if (r < sprShare + 0.35) { m.method = fmt === 'wechat' && chance(0.5) ? 'qr' : 'invite'; m.inviter = (admin && chance(0.3) && admin.joinDay < m.joinDay) ? admin.idx : owner.idx; continue; }
    if (fmt === 'wechat') { const o = elig.filter((x) => x.role === 'member'); if (o.length && chance(0.7)) { m.method = chance(0.5) ? 'qr' : 'invite'; m.inviter = pick(o).idx; } else { m.method = 'qr'; m.inviter = owner.idx; } }
    else { m.method = 'link'; m.inviter = null; }
  }
  // invitees of spreaders become talkers more often and stay
  for (const m of members) if (m.inviter != null && members[m.inviter].spreader && m.role === 'member' && !m.seed && !m.burst && !m.leaverDecoy) { if (m.lurker && chance(0.6)) { m.lurker = false; m.presence = 0.03 + rnd() * 0.05; m.startW = 0.4; m.replyW = 0.7; } }
  // voluntary leaves (not for seeds/spreaders) where the format shows them
  if (leaveFmt) for (const m of ordinary) {
    if (m.seed || m.spreader || m.leaverDecoy || m.burst || m.leaveDay) continue;
    const inv = m.inviter != null && members[m.inviter].spreader;
    let p = inv ? 0.04 : 0.12; if (sc === 'decline' || sc === 'dead' || sc === 'zombie') p = 0.3;
    if (chance(p)) { const lo = (declineStart != null && !inv) ? Math.max(m.joinDay + 3, createDay + declineStart) : m.joinDay + 3; if (lo < asOfDay - 2) { m.leaveDay = ri(lo, asOfDay - 2); m.leaveKind = chance(0.85) ? 'left' : 'removed'; } }
  }
  // spammer: joins, posts ads on one day, removed by owner
  let spammer = null;
  if (chance(0.35) && sc !== 'inception' && sc !== 'dead' && sc !== 'zombie') { const d = asOfDay - ri(20, 90); spammer = mk('member', d, { method: fmt === 'qq' || fmt === 'discord' ? 'unknown' : 'link', spam: true, presence: 0, leaveDay: fmt === 'discord' ? null : d + 1, leaveKind: 'removed' }); if (fmt === 'wechat') { spammer.method = 'qr'; spammer.inviter = owner.idx; } }
  // renames (id formats): one seed renames half way
  if (fmt !== 'whatsapp' && seeds.length) { const s = seeds[seeds.length - 1]; const d = ri(Math.floor((s.joinDay + asOfDay) / 2) - 10, Math.floor((s.joinDay + asOfDay) / 2) + 10); s.renames.push({ day: d, name: newName() }); }
  for (const m of ordinary) if (!m.seed && chance(0.05)) m.renames.push({ day: ri(m.joinDay + 1, asOfDay - 1), name: newName() });
  // WhatsApp: some members are unsaved contacts shown as phone numbers
  if (fmt === 'whatsapp') for (const m of ordinary) if (chance(0.15)) m.name = (lang === 'pt' ? '+55 11 9' + ri(1000, 9999) + '-' + ri(1000, 9999) : '+49 1' + ri(50, 79) + ' ' + ri(1000000, 9999999));
  // owner-driven groups: seeds exist but only answer
  const ownerStart = sc === 'ownerDriven' ? 0.92 : (sc === 'inception' ? 0.35 : 0.1);
  if (sc === 'ownerDriven') for (const m of ordinary) { m.startW *= 0.05; }

  // ---------- activity ----------
  const ev = []; // {t, kind, m, ...}
  const hourW = Array.from({ length: 24 }, (_, h) => (h < 7 ? 0.05 : h < 9 ? 0.5 : h < 12 ? 0.8 : h < 18 ? 0.7 : 1.0) * (h === 23 ? 0.5 : 1));
  for (const h of peakHours) hourW[h] = 6;
  const atLocal = (day, secOfDay) => wallToUtc(tz, day * DAY + secOfDay * 1000);
  const shape = (d) => { // member activity multiplier on local day index d
    const x = d - createDay;
    if (x < 0) return 0;
    let f;
    if (sc === 'growth' || sc === 'viral' || sc === 'inception') f = 0.35 + 0.65 * rosterAt(d) / finalN;
    else f = Math.min(1, 0.4 + 0.6 * x / span);
    if (declineStart != null && x >= declineStart) f *= Math.exp(-(x - declineStart) / 28);
    if (lastMemberDay != null && d > lastMemberDay) f = 0;
    return f;
  };
  const rosterAt = (d) => { let n = 0; for (const m of members) if (m.joinDay <= d && (m.leaveDay == null || m.leaveDay > d)) n++; return n; };
  const nameAt = (m, d) => { let n = m.name; for (const r of m.renames) if (d >= r.day) n = r.name; return n; };
  // joins/leaves/creation events
  const creatorT = atLocal(createDay, ri(9 * 3600, 20 * 3600));
  ev.push({ t: creatorT, kind: 'create', m: owner.idx });
  for (const m of members) {
    if (m.role === 'owner') { m.joinT = creatorT; continue; }
    m.joinT = (m.joinDay === createDay && m.method === 'invite' && m.inviter === owner.idx) ? creatorT + 2000 + m.idx : atLocal(m.joinDay, ri(8 * 3600, 22 * 3600)) + (m.joinDay === createDay ? 6 * HOUR : 0);
    if (m.joinT >= AS_OF) m.joinT = AS_OF - ri(2, 20) * HOUR;
    ev.push({ t: m.joinT, kind: 'join', m: m.idx, method: m.method, inviter: m.inviter });
    if (m.leaveDay != null) { m.leaveT = atLocal(m.leaveDay, ri(8 * 3600, 22 * 3600)); if (m.leaveT <= m.joinT) m.leaveT = m.joinT + 3 * HOUR; if (m.leaveT >= AS_OF) { m.leaveDay = null; m.leaveT = null; } else ev.push({ t: m.leaveT, kind: m.leaveKind === 'removed' ? 'remove' : 'leave', m: m.idx, by: m.leaveKind === 'removed' ? owner.idx : m.idx }); }
  }
  const inAt = (m, t) => m.joinT <= t && (m.leaveT == null || m.leaveT > t);
  let lastId = 0;
  const VARY = process.env.SIM_UNIQUE_TEXT === '1';
  const msg = (t, m, text, extra = {}) => { if (VARY && m.role === 'member' && !m.spam) text = text + ' #' + lastId.toString(36); const e = { t, kind: 'msg', m: m.idx, text, id: ++lastId, ...extra }; ev.push(e); return e; };
  const mediaOf = () => pick(['image', 'image', 'image', 'sticker', 'video', 'voice', 'file']);
  const endDay = Math.floor((AS_OF + tzOffset(tz, AS_OF)) / DAY);
  for (let d = createDay; d <= endDay; d++) {
    const wd = ((new Date(d * DAY).getUTCDay() + 6) % 7) + 1;
    const f = shape(d) * (wd >= 6 ? weekendBoost : 1) * Math.exp(0.35 * gauss());
    const dayStart = atLocal(d, 0);
    // present members today
    const pres = members.filter((m) => m.role === 'member' && !m.lurker && !m.spam && inAt(m, dayStart + 12 * HOUR) && chance(m.presence * Math.min(1.3, f + 0.3)));
    const nConv = f > 0 ? poisson(base * f / 6) : 0;
    for (let c = 0; c < nConv; c++) {
      let sec = wpick([...Array(24).keys()], hourW) * 3600 + ri(0, 3599);
      let t = atLocal(d, sec);
      if (t >= AS_OF) continue;
      const ownerStarts = chance(ownerStart) || pres.length === 0;
      const starter = ownerStarts ? (admin && chance(0.25) && inAt(admin, t) ? admin : owner) : wpick(pres, pres.map((m) => m.startW));
      if (!starter) continue;
      const q = chance(0.5);
      let prev = msg(t, starter, ownerStarts ? pick(T.own) : (q ? pick(T.q) : pick(T.s)), { media: !ownerStarts && chance(0.12) ? mediaOf() : null, ml: ownerStarts && chance(0.3) });
      const len = Math.max(0, Math.round((ownerStarts && sc === 'ownerDriven' ? 5 : 4) * -Math.log(rnd() + 1e-9)));
      const replyPool = pres.filter((m) => m !== starter);
      for (let k = 0; k < len && replyPool.length; k++) {
        t += ri(20, 420) * 1000;
        if (t >= AS_OF) break;
        let who = chance(sc === 'ownerDriven' ? 0.18 : 0.07) && starter !== owner ? owner : wpick(replyPool, replyPool.map((m) => m.replyW));
        if (!who || (who.leaveT && who.leaveT <= t)) continue;
        const isReply = chance(0.35);
        prev = msg(t, who, chance(0.2) && who !== owner ? '@' + nameAt(starter, d) + ' ' + pick(T.a) : pick(T.a), { replyTo: isReply ? prev.id : null, media: chance(0.12) ? mediaOf() : null, ml: chance(0.05), recall: chance(0.008) });
      }
    }
    // owner/admin announcements: daily in ownerDriven and zombie; occasional elsewhere
    const annP = sc === 'ownerDriven' ? 0.0 : sc === 'zombie' ? (lastMemberDay != null && d > lastMemberDay ? 0.85 : 0.3) : (sc === 'dead' && d > (lastMemberDay ?? 1e9)) ? 0 : 0.15 * Math.min(1, shape(d) + 0.2);
    if (chance(annP)) { const t = atLocal(d, ri(9, 11) * 3600 + ri(0, 3599)); if (t < AS_OF) msg(t, chance(0.8) || !admin ? owner : admin, pick(T.own), { ml: chance(0.4) }); }
    if (bot && d > bot.joinDay && chance(sc === 'zombie' ? 0.9 : 0.6) && !(sc !== 'zombie' && lastMemberDay != null && d > lastMemberDay)) { const t = atLocal(d, 7 * 3600 + ri(0, 600)); if (t < AS_OF && bot.joinT < t) msg(t, bot, pick(T.bot)); }
  }
  // bot welcomes newcomers
  if (bot) for (const m of members) if (m.role === 'member' && m.joinT > bot.joinT && chance(0.7) && m.joinT + 60000 < AS_OF) msg(m.joinT + ri(5, 60) * 1000, bot, pick(T.bot).replace('!', ', @' + m.name + '!'));
  // burst decoy
  if (burst) { let t = atLocal(burst.burstDay, 14 * 3600); for (let i = 0; i < ri(45, 70); i++) { t += ri(20, 240) * 1000; if (t < AS_OF && inAt(burst, t)) msg(t, burst, pick(T.a.concat(T.s))); } }
  if (spammer && spammer.leaveT) { let t = spammer.joinT + 10 * MIN; for (let i = 0; i < ri(3, 6); i++) { t += ri(1, 20) * MIN; if (t < spammer.leaveT) msg(t, spammer, pick(T.ad)); } }
  // midlife: export starts when the exporter (a member) joined: drop earlier events
  let exportStart = null, exporter = owner;
  if (S.midlife) {
    exportStart = atLocal(createDay + ri(150, 200), 10 * 3600);
    if (fmt === 'whatsapp') { exporter = mk('admin', Math.floor((exportStart + tzOffset(tz, exportStart)) / DAY), { method: 'invite', inviter: owner.idx, presence: 0.05 }); exporter.joinT = exportStart; exporter.name = spec.me; ev.push({ t: exportStart, kind: 'join', m: exporter.idx, method: 'invite', inviter: owner.idx }); }
  }
  ev.sort((a, b) => a.t - b.t || (a.kind === 'msg') - (b.kind === 'msg'));
  const visible = ev.filter((e) => e.t < AS_OF && e.t >= creatorT && (exportStart == null || e.t >= exportStart));
  return { spec, S, members, ev: visible, allEv: ev, owner, admin, bot, seeds, spreaders, burst, leaver, spammer, exporter, createDay, age, finalN, growEnd, declineStart, lastMemberDay, peakHours, exportStart, nameAt, tz };
}

// ---------- truth ----------
function truthOf(g, ids) {
  const { spec, S, members, ev, tz } = g;
  const staff = (m) => m.role === 'owner' || m.role === 'admin';
  const isMember = (m) => m.role === 'member' && !m.spam;
  const msgs = ev.filter((e) => e.kind === 'msg');
  const memMsgs = msgs.filter((e) => isMember(members[e.m]));
  const memNoBurst = memMsgs.filter((e) => !members[e.m].burst);
  const lastMem = memNoBurst.length ? memNoBurst[memNoBurst.length - 1].t : null; // the one-day flood is left out (the tool may call it spam)
  const asOfLocalDay = Math.floor((AS_OF + tzOffset(tz, AS_OF)) / DAY);
  const w30 = wallToUtc(tz, (asOfLocalDay - 29) * DAY);
  const recent = memMsgs.filter((e) => e.t > AS_OF - 30 * DAY).length;
  const dayOf = (t) => Math.floor((t + tzOffset(tz, t)) / DAY);
  // phase since (local date)
  let sinceDay;
  if (S.phase === 'inception') sinceDay = g.createDay;
  else if (S.phase === 'growth') sinceDay = g.createDay + 30;
  else if (S.phase === 'maturity') sinceDay = g.createDay + g.growEnd;
  else sinceDay = g.createDay + g.declineStart;
  const since = new Date(sinceDay * DAY).toISOString().slice(0, 10);
  const ambiguous = [];
  if (S.midlife) ambiguous.push('exported mid-life: joins of earlier members and the creation are not in the file; roster and phase start cannot be known from the export');
  if (S.phase === 'growth') ambiguous.push('growth "since" is planted as creation+30d (end of inception) — a convention');
  if (S.dead && !S.zombie && spec.fmt === 'wechat') ambiguous.push('WeChat shows no voluntary leaves');
  // joins
  const joinEv = ev.filter((e) => e.kind === 'join');
  const joinsBy = { invite: 0, qr: 0, link: 0, unknown: 0 };
  for (const e of joinEv) joinsBy[e.method] = (joinsBy[e.method] || 0) + 1;
  const inRoster = members.filter((m) => m.joinT < AS_OF && (m.leaveT == null || m.leaveT >= AS_OF) && (g.exportStart == null || m.joinT >= g.exportStart || msgs.some((e) => e.m === m.idx)));
  const windowTruth = S.phase === 'inception' ? 'upcoming' : S.phase === 'maturity' ? 'open' : S.phase === 'decline' ? 'closed' : null;
  let selfDriveLacking = null;
  if (S.lacking || S.zombie) selfDriveLacking = true;
  else if (['maturity', 'growth'].includes(S.phase) && !S.dead && !S.midlife) selfDriveLacking = false;
  const aliveSeeds = g.seeds.filter((m) => !m.leaveT);
  // spreaders: ordinary members ranked by invitees who stayed and talk
  const talk = new Set(msgs.map((e) => e.m));
  const spr = g.spreaders.map((m) => ({ id: ids(m), name: m.name, invited: members.filter((x) => x.inviter === m.idx).length, stayedTalk: members.filter((x) => x.inviter === m.idx && !x.leaveT && talk.has(x.idx)).length }));
  const humanMsgs = msgs.filter((e) => members[e.m].role !== 'bot');
  const hourCount = Array(24).fill(0); for (const e of memMsgs) hourCount[local(tz, e.t).h]++;
  return {
    group: spec.name, fmt: spec.fmt, variant: spec.variant, file: spec.file, tz, scenario: spec.sc,
    phase: S.phase, phaseSince: since, dead: !!S.dead, zombie: !!S.zombie, selfDriveLacking, window: windowTruth,
    seeds: aliveSeeds.map((m) => ({ id: ids(m), name: m.name, renamedTo: m.renames.map((r) => r.name) })),
    decoys: [g.burst && { id: ids(g.burst), name: g.burst.name, why: 'one-day burst' }, g.leaver && { id: ids(g.leaver), name: g.leaver.name, why: 'very active, left' }, g.spammer && { id: ids(g.spammer), name: g.spammer.name, why: 'spammer' }].filter(Boolean),
    spreaders: spr, owner: { id: ids(g.owner), name: g.owner.name }, admins: g.admin ? [{ id: ids(g.admin), name: g.admin.name }] : [], bot: g.bot ? { id: ids(g.bot), name: g.bot.name } : null,
    exporter: { id: ids(g.exporter), name: g.exporter.name },
    peakHours: g.peakHours, memberMsgsByHour: hourCount,
    counts: { messages: msgs.length, recalls: msgs.filter((e) => e.recall).length, messagesVisible: msgs.length - msgs.filter((e) => e.recall && (['qq', 'wechat'].includes(spec.fmt) || (spec.fmt === 'whatsapp' && !e.media))).length, humanMessages: humanMsgs.length, memberMessages: memMsgs.length, memberMessages30d: recent, joins: joinEv.length, joinsByMethod: joinsBy, leaves: ev.filter((e) => e.kind === 'leave').length, removals: ev.filter((e) => e.kind === 'remove').length, roster: inRoster.length, everMembers: members.length, posters: talk.size, joined30d: joinEv.filter((e) => e.t >= w30).length, left30d: ev.filter((e) => (e.kind === 'leave' || e.kind === 'remove') && e.t >= w30).length },
    diag: (() => { const firstMsg = new Map(); for (const e of msgs) if (!firstMsg.has(e.m)) firstMsg.set(e.m, e.t); const posters = members.filter((m) => firstMsg.has(m.idx));
      const renamedBeforeFirstPost = members.filter((m) => m.renames.length && m.joinT >= (g.exportStart ?? 0) && (!firstMsg.has(m.idx) || Math.floor((firstMsg.get(m.idx) + tzOffset(tz, firstMsg.get(m.idx))) / DAY) >= m.renames[0].day)).length;
      return { posters: posters.length, postersWithRemark: posters.filter((m) => m.remark).length, membersWithRemark: members.filter((m) => m.remark).length, renamedBeforeFirstPost, renamed: members.filter((m) => m.renames.length).length, qrViaOwnerLeadingSpace: spec.fmt === 'wechat' ? members.filter((m) => m.method === 'qr' && m.inviter === g.owner.idx).length : 0, phoneNamed: members.filter((m) => /^\+\d/.test(m.name)).length, leaversNeverPosted: members.filter((m) => m.leaveT && !firstMsg.has(m.idx)).length }; })(),
    firstEventAt: (() => { const w = ev.filter((e) => e.kind !== 'create' || ['whatsapp', 'telegram'].includes(spec.fmt)).filter((e) => !(spec.fmt === 'discord' && e.kind === 'join' && e.m === g.owner.idx)); return w.length ? new Date(w[0].t).toISOString() : null; })(), lastEventAt: ev.length ? new Date(ev[ev.length - 1].t).toISOString() : null,
    lastMemberMessageAt: lastMem ? new Date(lastMem).toISOString() : null,
    createdAt: new Date(g.allEv[0].t).toISOString(), exportStart: g.exportStart ? new Date(g.exportStart).toISOString() : null,
    ambiguous,
  };
}

// ---------- writers ----------
const LRM = '\u200E', NNBSP = '\u202F';
function waHeader(variant, tz, t) {
  const L = local(tz, t);
  const yy = p2(L.Y % 100);
  if (variant === 'android-gb') return `${p2(L.D)}/${p2(L.M)}/${L.Y}, ${p2(L.h)}:${p2(L.m)} - `;
  if (variant === 'android-us12') { const h12 = ((L.h + 11) % 12) + 1; return `${L.M}/${L.D}/${yy}, ${h12}:${p2(L.m)}${NNBSP}${L.h < 12 ? 'AM' : 'PM'} - `; }
  if (variant === 'ios-24') return `[${p2(L.D)}/${p2(L.M)}/${L.Y}, ${p2(L.h)}:${p2(L.m)}:${p2(L.s)}] `;
  if (variant === 'ios-12') { const h12 = ((L.h + 11) % 12) + 1; return `[${p2(L.D)}/${p2(L.M)}/${L.Y}, ${h12}:${p2(L.m)}:${p2(L.s)}${NNBSP}${L.h < 12 ? 'AM' : 'PM'}] `; }
  if (variant === 'android-pt') return `${p2(L.D)}/${p2(L.M)}/${L.Y} ${p2(L.h)}:${p2(L.m)} - `;
  throw new Error(variant);
}
function writeWhatsApp(g, dir) {
  const { spec, members, ev, tz } = g;
  const v = spec.variant, ios = v.startsWith('ios'), pt = v === 'android-pt';
  const me = g.exporter;
  const nm = (idx) => members[idx].name;
  const who = (idx, cap) => (members[idx] === me ? (cap ? (pt ? 'Você' : 'You') : (pt ? 'você' : 'you')) : nm(idx));
  const lines = [];
  const sys = (t, text) => lines.push(ios ? `${waHeader(v, tz, t)}${spec.name}: ${LRM}${text}` : `${waHeader(v, tz, t)}${text}`);
  const say = (t, author, text) => lines.push(`${ios ? LRM : ''}${waHeader(v, tz, t)}${author}: ${text}`);
  const first = ev[0]?.t ?? AS_OF;
  sys(first, pt ? 'As mensagens e ligações são protegidas com a criptografia de ponta a ponta e ficam somente entre você e os participantes desta conversa. Nem mesmo o WhatsApp pode ler ou ouvir o conteúdo delas.' : 'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.');
  const byId = new Map(ev.filter((e) => e.kind === 'msg').map((e) => [e.id, e]));
  let pendingAdds = null;
  const flushAdds = () => { if (!pendingAdds) return; const { t, by, list } = pendingAdds; const names = list.map((i) => who(i, false)); const joined = names.length === 1 ? names[0] : pt ? names.slice(0, -1).join(', ') + ' e ' + names[names.length - 1] : names.slice(0, -1).join(', ') + ' and ' + names[names.length - 1]; sys(t, `${who(by, true)} ${pt ? 'adicionou' : 'added'} ${joined}`); pendingAdds = null; };
  for (const e of ev) {
    if (!(e.kind === 'join' && e.method === 'invite' && pendingAdds && pendingAdds.by === e.inviter && e.t - pendingAdds.t < 10000)) flushAdds();
    const m = members[e.m];
    if (e.kind === 'create') { sys(e.t, `${who(e.m, true)} ${pt ? 'criou o grupo' : 'created group'} "${spec.name}"`); continue; }
    if (e.kind === 'join') {
      if (e.method === 'invite') { if (pendingAdds && pendingAdds.by === e.inviter) pendingAdds.list.push(e.m); else pendingAdds = { t: e.t, by: e.inviter, list: [e.m] }; }
      else sys(e.t, pt ? `${who(e.m, true)} entrou usando o link de convite deste grupo` : `${who(e.m, true)} joined using this group's invite link`);
      continue;
    }
    if (e.kind === 'leave') { sys(e.t, pt ? `${who(e.m, true)} saiu` : `${who(e.m, true)} left`); continue; }
    if (e.kind === 'remove') { sys(e.t, pt ? `${who(e.by, true)} removeu ${who(e.m, false)}` : `${who(e.by, true)} removed ${who(e.m, false)}`); continue; }
    if (e.kind !== 'msg') continue;
    let text = e.text;
    if (e.media) text = ios ? `${LRM}${{ image: 'image', sticker: 'sticker', video: 'video', voice: 'audio', file: 'document' }[e.media]} omitted` : pt ? '<Mídia oculta>' : '<Media omitted>';
    else if (e.recall) text = m === me ? (pt ? 'Você apagou esta mensagem' : 'You deleted this message') : (pt ? 'Esta mensagem foi apagada' : 'This message was deleted');
    else if (e.ml) text = text + '\n' + (pt ? 'segunda linha aqui' : 'second line here') + '\n' + (pt ? '15/03/2025 é a data' : '15/03/2025 is the date');
    if (e.replyTo && !e.media && !e.recall && chance(0.0)) text = text + ' ' + byId.get(e.replyTo);
    say(e.t, m.name, text);
  }
  flushAdds();
  let file;
  if (ios) { const d = path.join(dir, `WhatsApp Chat - ${spec.name}`); fs.mkdirSync(d, { recursive: true }); file = path.join(d, '_chat.txt'); }
  else { fs.mkdirSync(dir, { recursive: true }); file = path.join(dir, pt ? `Conversa do WhatsApp com ${spec.name}.txt` : `WhatsApp Chat with ${spec.name}.txt`); }
  const body = lines.join(v === 'android-gb' ? '\r\n' : '\n') + (ios ? '' : '\n');
  fs.writeFileSync(file, (ios && chance(0.5) ? '\uFEFF' : '') + body);
  return file;
}

function tgText(e, members) { return e.text; }
function writeTelegram(groups, dir, seedN) {
  fs.mkdirSync(dir, { recursive: true });
  const list = [];
  let msgId = 1000;
  const exporter = groups[0].owner;
  // a personal chat (must be left out)
  list.push({ name: 'Mãe', type: 'personal_chat', id: 5550001, messages: [{ id: 1, type: 'message', date: '2025-06-01T10:00:00', date_unixtime: String(Math.floor(Date.parse('2025-06-01T13:00:00Z') / 1000)), from: 'Mãe', from_id: 'user5550001', text: 'Oi filha', text_entities: [{ type: 'plain', text: 'Oi filha' }] }] });
  for (const g of groups) {
    const { spec, members, ev, tz } = g;
    const uid = (m) => m.tgId;
    const nameAt = (m, t) => g.nameAt(m, Math.floor((t + tzOffset(tz, t)) / DAY));
    const idMap = new Map();
    const out = [];
    const dateOf = (t) => { const L = local(tz, t); return `${L.Y}-${p2(L.M)}-${p2(L.D)}T${p2(L.h)}:${p2(L.m)}:${p2(L.s)}`; };
    const base = (e) => ({ id: ++msgId, type: 'message', date: dateOf(e.t), date_unixtime: String(Math.floor(e.t / 1000)) });
    let pend = null;
    const flush = () => { if (pend) { out.push(pend); pend = null; } };
    for (const e of ev) {
      const m = members[e.m];
      if (e.kind === 'create') { flush(); out.push({ ...base(e), type: 'service', actor: nameAt(m, e.t), actor_id: uid(m), action: 'create_group', title: spec.name, members: members.filter((x) => x !== m && x.method === 'invite' && x.inviter === m.idx && x.joinT - e.t < 10000 && x.joinT >= e.t).map((x) => nameAt(x, e.t)), text: '', text_entities: [] }); continue; }
      if (e.kind === 'join') {
        if (e.t - g.owner.joinT < 10000 && e.inviter === g.owner.idx) continue; // part of create_group members
        if (e.method === 'invite') { const inv = members[e.inviter]; if (pend && pend.actor_id === uid(inv) && e.t - Number(pend.date_unixtime) * 1000 < 10000) { pend.members.push(nameAt(m, e.t)); continue; } flush(); pend = { ...base(e), type: 'service', actor: nameAt(inv, e.t), actor_id: uid(inv), action: 'invite_members', members: [nameAt(m, e.t)], text: '', text_entities: [] }; continue; }
        flush(); out.push({ ...base(e), type: 'service', actor: nameAt(m, e.t), actor_id: uid(m), action: 'join_group_by_link', inviter: 'Group', text: '', text_entities: [] }); continue;
      }
      flush();
      if (e.kind === 'leave' || e.kind === 'remove') { const by = members[e.kind === 'leave' ? e.m : e.by]; out.push({ ...base(e), type: 'service', actor: nameAt(by, e.t), actor_id: uid(by), action: 'remove_members', members: [nameAt(m, e.t)], text: '', text_entities: [] }); continue; }
      if (e.kind !== 'msg') continue;
      const o = { ...base(e), from: nameAt(m, e.t), from_id: uid(m) };
      idMap.set(e.id, o.id);
      if (e.replyTo && idMap.has(e.replyTo)) o.reply_to_message_id = idMap.get(e.replyTo);
      if (e.media === 'image') { o.photo = '(File not included. Change data exporting settings to download.)'; o.width = 1280; o.height = 960; }
      else if (e.media) { o.file = '(File not included. Change data exporting settings to download.)'; o.media_type = { sticker: 'sticker', video: 'video_file', voice: 'voice_message', file: undefined }[e.media]; if (!o.media_type) delete o.media_type; if (e.media === 'sticker') o.sticker_emoji = '😂'; o.mime_type = { sticker: 'image/webp', video: 'video/mp4', voice: 'audio/ogg', file: 'application/pdf' }[e.media]; }
      let text = e.media ? '' : e.text + (e.ml ? '\nsegunda linha' : '');
      const mm = /^@(\S+(?: \S+)?) (.*)$/.exec(text);
      if (mm) { const target = members.find((x) => nameAt(x, e.t) === mm[1]); if (target && chance(0.5)) { o.text = [{ type: 'mention_name', text: mm[1], user_id: Number(target.tgId.slice(4)) }, ' ' + mm[2]]; o.text_entities = [{ type: 'mention_name', text: mm[1], user_id: Number(target.tgId.slice(4)) }, { type: 'plain', text: ' ' + mm[2] }]; } else { o.text = text; o.text_entities = [{ type: 'plain', text }]; } }
      else { o.text = text; o.text_entities = text ? [{ type: 'plain', text }] : []; }
      out.push(o);
    }
    flush();
    list.push({ name: spec.name, type: spec.tgType, id: spec.tgChatId, messages: out });
  }
  const root = { about: 'Here is the data you requested. Remember: Telegram is ad free, it doesn\'t sell your data to advertisers.', personal_information: { user_id: Number(exporter.tgId.slice(4)), first_name: exporter.name.split(' ')[0], last_name: exporter.name.split(' ')[1] || '', phone_number: '+55 11 9' + String(1000 + seedN).slice(-4) + '-0000', username: '', bio: '' }, chats: { about: 'This page lists all chats from this export.', list }, left_chats: { about: 'This page lists all supergroups and channels the user has left.', list: [] } };
  const file = path.join(dir, 'result.json');
  fs.writeFileSync(file, JSON.stringify(root, null, 1));
  return file;
}

// GB18030 encoder from the platform decoder
let GBMAP = null;
function gbEncode(str) {
  if (!GBMAP) { GBMAP = new Map(); const dec = new TextDecoder('gbk'); for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) { if (b === 0x7f) continue; const ch = dec.decode(new Uint8Array([a, b])); if (ch.length === 1 && ch !== '\uFFFD' && !GBMAP.has(ch)) GBMAP.set(ch, [a, b]); } }
  const out = [];
  for (const ch of str) { const c = ch.codePointAt(0); if (c < 0x80) out.push(c); else { const v = GBMAP.get(ch); if (v) out.push(v[0], v[1]); else out.push(0x3f); } }
  return Buffer.from(out);
}
function writeQQ(groups, dir, fileName, gbk) {
  fs.mkdirSync(dir, { recursive: true });
  const L = ['消息记录（此消息记录为文本格式，不支持重新导入）', ''];
  for (const g of groups) {
    const { spec, members, ev, tz } = g;
    L.push('================================================================', '消息分组:我的QQ群', '================================================================', `消息对象:${spec.name}`, '================================================================', '');
    const hdr = (t) => { const l = local(tz, t); return `${l.Y}-${p2(l.M)}-${p2(l.D)} ${l.h}:${p2(l.m)}:${p2(l.s)}`; };
    const nameAt = (m, t) => g.nameAt(m, Math.floor((t + tzOffset(tz, t)) / DAY));
    const title = (m) => m.role === 'owner' ? '【群主】' : m.role === 'admin' ? '【管理员】' : m.qqTitle || '';
    for (const e of ev) {
      const m = members[e.m];
      if (e.kind === 'create') continue;
      if (e.kind === 'join') { L.push(`${hdr(e.t)} 系统消息(1000000)`, `${nameAt(m, e.t)}加入本群。`, ''); continue; }
      if (e.kind === 'leave') { L.push(`${hdr(e.t)} 系统消息(1000000)`, `${nameAt(m, e.t)}退出了本群`, ''); continue; }
      if (e.kind === 'remove') { L.push(`${hdr(e.t)} 系统消息(1000000)`, `${nameAt(m, e.t)}被管理员移出本群`, ''); continue; }
      if (e.kind !== 'msg') continue;
      let text = e.media ? { image: '[图片]', sticker: '[表情]', video: '[视频]', voice: '[语音]', file: '[文件]' }[e.media] : e.text;
      if (e.recall) { L.push(`${hdr(e.t)} 系统消息(10000)`, m === g.owner ? '你撤回了一条消息' : `${nameAt(m, e.t)}撤回了一条消息`, ''); continue; }
      if (e.ml) text += '\n第二行内容\n2025-01-01 第三行';
      const idpart = m.qqEmail ? `<${m.qqEmail}>` : `(${m.qq})`;
      L.push(`${hdr(e.t)} ${title(m)}${nameAt(m, e.t)}${idpart}`, text, '');
    }
  }
  const body = L.join('\r\n') + '\r\n';
  const file = path.join(dir, fileName);
  fs.writeFileSync(file, gbk ? gbEncode(body) : '\uFEFF' + body);
  return file;
}

function csvCell(s) { s = String(s ?? ''); return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; }
function writeWeChat(g, dir) {
  const { spec, members, ev, tz } = g;
  const d = path.join(dir, spec.name); fs.mkdirSync(d, { recursive: true });
  const rows = [];
  const talker = ri(100, 900);
  let lid = ri(100000, 900000);
  const str = (t) => { const l = local(tz, t); return `${l.Y}-${p2(l.M)}-${p2(l.D)} ${p2(l.h)}:${p2(l.m)}:${p2(l.s)}`; };
  const nameAt = (m, t) => g.nameAt(m, Math.floor((t + tzOffset(tz, t)) / DAY));
  const owner = g.owner;
  const svr = new Map();
  const row = (e, type, sub, isSender, content, m) => rows.push([++lid, talker, type, sub, isSender, Math.floor(e.t / 1000), '', content, str(e.t), m ? (m.remark || '') : '', m ? nameAt(m, e.t) : '', m ? m.wxid : '']);
  // group initial invites by the owner in one line
  let pend = null;
  const flush = () => { if (!pend) return; const { e, by, list } = pend; const names = list.map((x) => `"${nameAt(x, e.t)}"`).join('、'); row(e, 10000, 0, 0, by === owner ? `你邀请${names}加入了群聊` : `"${nameAt(by, e.t)}"邀请${names}加入了群聊`, null); pend = null; };
  for (const e of ev) {
    const m = members[e.m];
    if (!(e.kind === 'join' && e.method === 'invite' && pend && pend.by === members[e.inviter] && e.t - pend.e.t < 10000)) flush();
    if (e.kind === 'create') continue;
    if (e.kind === 'join') {
      const by = members[e.inviter];
      if (e.method === 'invite') { if (pend && pend.by === by) pend.list.push(m); else pend = { e, by, list: [m] }; }
      else if (e.method === 'qr') row(e, 10000, 0, 0, by === owner ? `" ${nameAt(m, e.t)}"通过扫描你分享的二维码加入群聊` : `"${nameAt(m, e.t)}"通过扫描"${nameAt(by, e.t)}"分享的二维码加入群聊`, null);
      continue;
    }
    if (e.kind === 'remove') { row(e, 10000, 0, 0, `你将"${nameAt(m, e.t)}"移出了群聊`, null); continue; }
    if (e.kind === 'leave') continue; // ordinary leaves are invisible in WeChat
    if (e.kind !== 'msg') continue;
    const isS = m === owner ? 1 : 0;
    if (e.recall) { row(e, 10000, 0, 0, isS ? '你撤回了一条消息' : `"${nameAt(m, e.t)}" 撤回了一条消息`, null); continue; }
    if (e.media === 'image') row(e, 3, 0, isS, `<?xml version="1.0"?><msg><img aeskey="${ri(1e8, 9e8)}" length="${ri(20000, 90000)}" md5="${ri(1e8, 9e8)}" /></msg>`, m);
    else if (e.media === 'sticker') row(e, 47, 0, isS, `<msg><emoji fromusername="${m.wxid}" tousername="${spec.roomId}" type="2" md5="${ri(1e8, 9e8)}" len="${ri(1000, 9000)}" /></msg>`, m);
    else if (e.media === 'voice') row(e, 34, 0, isS, `<msg><voicemsg endflag="1" length="${ri(2000, 9000)}" voicelength="${ri(1000, 30000)}" /></msg>`, m);
    else if (e.media === 'video') row(e, 43, 0, isS, `<?xml version="1.0"?><msg><videomsg length="${ri(1e5, 9e5)}" playlength="${ri(3, 60)}" /></msg>`, m);
    else if (e.media === 'file') row(e, 49, 6, isS, `<?xml version="1.0"?><msg><appmsg appid="" sdkver="0"><title>资料.pdf</title><type>6</type></appmsg></msg>`, m);
    else if (e.replyTo && svr.has(e.replyTo) && chance(0.5)) { const r = svr.get(e.replyTo); row(e, 49, 57, isS, `<?xml version="1.0"?><msg><appmsg appid="" sdkver="0"><title>${e.text}</title><type>57</type><refermsg><type>1</type><svrid>${r.svrid}</svrid><fromusr>${spec.roomId}</fromusr><chatusr>${r.wxid}</chatusr><displayname>${r.name}</displayname><content>${r.text}</content><createtime>${r.ct}</createtime></refermsg></appmsg></msg>`, m); }
    else row(e, 1, 0, isS, e.ml ? e.text + '\n第二行\n第三行' : e.text, m);
    svr.set(e.id, { svrid: String(BigInt(ri(1e9, 9e9)) * 1000000000n + BigInt(e.id)), wxid: m.wxid, name: nameAt(m, e.t), text: e.text, ct: Math.floor(e.t / 1000) });
  }
  flush();
  rows.reverse(); // 2025 branch writes ORDER BY CreateTime DESC
  const header = 'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender';
  const file = path.join(d, `${spec.name}_utf8.csv`);
  fs.writeFileSync(file, '\uFEFF' + header + '\r\n' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n');
  return file;
}

function snowflake(t) { return String((BigInt(t - 1420070400000) << 22n) + BigInt(ri(0, 4000000))); }
function writeDiscord(g, dir) {
  const { spec, members, ev, tz } = g;
  fs.mkdirSync(dir, { recursive: true });
  const iso = (t) => { const o = tzOffset(tz, t); const L = local(tz, t); const ms = String(t % 1000).padStart(3, '0'); const oh = Math.floor(Math.abs(o) / HOUR), om = Math.abs(o) / MIN % 60; return `${L.Y}-${p2(L.M)}-${p2(L.D)}T${p2(L.h)}:${p2(L.m)}:${p2(L.s)}.${ms}${o >= 0 ? '+' : '-'}${p2(oh)}:${p2(om)}`; };
  const nameAt = (m, t) => g.nameAt(m, Math.floor((t + tzOffset(tz, t)) / DAY));
  const author = (m, t) => ({ id: m.dcId, name: m.name.replace(/\s/g, '').toLowerCase(), discriminator: '0000', nickname: nameAt(m, t), color: m.role === 'member' ? null : '#E67E22', isBot: m.role === 'bot', roles: m.role === 'owner' ? [{ id: '1000', name: 'Admin', color: '#E67E22', position: 3 }] : m.role === 'admin' ? [{ id: '1001', name: 'Moderator', color: '#3498DB', position: 2 }] : m.role === 'bot' ? [{ id: '1002', name: 'Bots', color: null, position: 1 }] : [], avatarUrl: 'https://cdn.discordapp.com/embed/avatars/' + (Number(m.dcId.slice(-1)) % 5) + '.png' });
  const ids = new Map();
  const msgs = [];
  for (const e of ev) {
    const m = members[e.m];
    if (e.kind === 'join') { if (m.role === 'owner') continue; msgs.push({ id: snowflake(e.t), type: 'GuildMemberJoin', timestamp: iso(e.t), timestampEdited: null, callEndedTimestamp: null, isPinned: false, content: 'Joined the server.', author: author(m, e.t), attachments: [], embeds: [], stickers: [], reactions: [], mentions: [], inlineEmojis: [] }); continue; }
    if (e.kind !== 'msg') continue;
    const id = snowflake(e.t); ids.set(e.id, id);
    const o = { id, type: e.replyTo && ids.has(e.replyTo) ? 'Reply' : 'Default', timestamp: iso(e.t), timestampEdited: null, callEndedTimestamp: null, isPinned: false, content: e.media ? '' : e.text + (e.ml ? '\nsecond line' : ''), author: author(m, e.t), attachments: e.media && e.media !== 'sticker' ? [{ id: snowflake(e.t), url: `https://cdn.discordapp.com/attachments/${spec.dcChannel}/${id}/file.png`, fileName: 'file.png', fileSizeBytes: ri(1e4, 9e5) }] : [], embeds: [], stickers: e.media === 'sticker' ? [{ id: '749054660769218631', name: 'Wave', format: 'Lottie', sourceUrl: 'https://cdn.discordapp.com/stickers/749054660769218631.json' }] : [], reactions: chance(0.1) ? [{ emoji: { id: '', name: '👍', code: 'thumbsup', isAnimated: false, imageUrl: 'https://cdn.jsdelivr.net/gh/twitter/twemoji@latest/assets/svg/1f44d.svg' }, count: ri(1, 4), users: [] }] : [], mentions: [], inlineEmojis: [] };
    const mm = /^@(.+?) /.exec(o.content || '');
    if (mm) { const target = members.find((x) => nameAt(x, e.t) === mm[1]); if (target) { o.content = o.content.replace('@' + mm[1], `@${nameAt(target, e.t)}`); o.mentions.push({ id: target.dcId, name: target.name.replace(/\s/g, '').toLowerCase(), discriminator: '0000', nickname: nameAt(target, e.t), color: null, isBot: false, roles: [], avatarUrl: '' }); } }
    if (o.type === 'Reply') o.reference = { type: 'Default', messageId: ids.get(e.replyTo), channelId: spec.dcChannel, guildId: spec.dcGuild };
    msgs.push(o);
  }
  const root = { guild: { id: spec.dcGuild, name: spec.guildName, iconUrl: 'https://cdn.discordapp.com/embed/avatars/0.png' }, channel: { id: spec.dcChannel, type: 'GuildTextChat', categoryId: '9000', category: 'Text Channels', name: spec.name, topic: null }, dateRange: { after: null, before: null }, exportedAt: iso(AS_OF), messages: msgs, messageCount: msgs.length };
  const file = path.join(dir, `${spec.guildName} - Text Channels - ${spec.name} [${spec.dcChannel}].json`);
  fs.writeFileSync(file, JSON.stringify(root, null, 2));
  return file;
}

// ---------- plan ----------
const CYCLE = ['maturity', 'growth', 'decline', 'dead', 'zombie', 'ownerDriven', 'inception', 'viral', 'midlife'];
let ci = SEED % CYCLE.length;
const nextSc = (allowed) => { for (;;) { const s = CYCLE[ci++ % CYCLE.length]; if (!allowed || allowed.includes(s)) return s; } };
const plan = [];
const ZH_GROUPS = ['宝妈团购1群', '读书会2群', '健身打卡群', '考研互助群', '烘焙交流群', '新手理财营', '亲子阅读3群', '摄影爱好者', '宠物交流群', '英语晨读营', '咖啡豆团购', '露营搭子群', '职场充电站', '插画练习群', '跑步俱乐部', '美食探店群', '花艺学习群', '旅行攻略群', '编程自学群', '二手闲置群'];
const EN_GROUPS = ['Berlin Runners', 'Sourdough Circle', 'Kiez Parents', 'Startup Founders Berlin', 'Board Game Night', 'Photo Walks', 'Language Tandem', 'Climbing Crew', 'Plant Swap', 'Book Club Mitte'];
const PT_GROUPS = ['Mães de Pinheiros', 'Corrida SP', 'Clube do Livro', 'Empreendedoras', 'Vegano SP', 'Ciclistas Zona Sul', 'Trilhas e Camping', 'Investidores Iniciantes', 'Confeitaria Caseira', 'Fotografia Urbana', 'Futebol de Quinta', 'Devs Brasil'];
const shuffle = (a) => { a = a.slice(); for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; } return a; };
const zh = shuffle(ZH_GROUPS), en = shuffle(EN_GROUPS), ptg = shuffle(PT_GROUPS);
// Asia/Shanghai: 12 WeChat CSV + 6 QQ
for (let i = 0; i < 12; i++) plan.push({ fmt: 'wechat', variant: 'memotrace-csv', tz: 'Asia/Shanghai', lang: 'zh', sc: nextSc(), name: zh.pop() });
for (let i = 0; i < 6; i++) plan.push({ fmt: 'qq', variant: i < 5 ? 'qq-all-gb18030' : 'qq-single-utf8bom', tz: 'Asia/Shanghai', lang: 'zh', sc: nextSc(CYCLE.filter((s) => s !== 'midlife' && s !== 'viral')), name: zh.pop().replace('群', '') + 'QQ群' });
// Europe/Berlin: 7 WhatsApp en + 2 Discord
const waVariants = ['android-gb', 'android-gb', 'android-us12', 'ios-24', 'ios-24', 'ios-12', 'android-gb'];
for (let i = 0; i < 7; i++) plan.push({ fmt: 'whatsapp', variant: waVariants[i], tz: 'Europe/Berlin', lang: 'en', sc: nextSc(), name: en.pop(), me: 'Lena Vogt' });
for (let i = 0; i < 2; i++) plan.push({ fmt: 'discord', variant: 'dce-json', tz: 'Europe/Berlin', lang: 'en', sc: nextSc(['maturity', 'growth', 'decline', 'zombie', 'ownerDriven']), name: ['general', 'help-and-questions'][i], guildName: 'Berlin Makers' });
// America/Sao_Paulo: 4 WhatsApp pt-BR + 8 Telegram
for (let i = 0; i < 4; i++) plan.push({ fmt: 'whatsapp', variant: 'android-pt', tz: 'America/Sao_Paulo', lang: 'pt', sc: nextSc(), name: ptg.pop(), me: 'Mariana Costa' });
for (let i = 0; i < 8; i++) plan.push({ fmt: 'telegram', variant: 'tdesktop-account-json', tz: 'America/Sao_Paulo', lang: 'pt', sc: nextSc(CYCLE.filter((s) => s !== 'midlife')), name: ptg.pop(), tgType: i % 3 === 0 ? 'private_supergroup' : 'private_group', tgChatId: 1700000000 + ri(1, 99999999) });

const ZONE_DIR = { 'Asia/Shanghai': 'asia-shanghai', 'Europe/Berlin': 'europe-berlin', 'America/Sao_Paulo': 'america-sao_paulo' };
const groups = plan.map((spec) => genGroup(spec));
// platform ids
const uniq = new Set();
const uid = (f) => { for (;;) { const v = f(); if (!uniq.has(v)) { uniq.add(v); return v; } } };
const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const tgOwner = uid(() => 'user' + ri(100000000, 999999999));
const wxOwner = 'wxid_' + Array.from({ length: 14 }, () => pick([...ALNUM])).join('');
const qqOwner = String(ri(10000000, 99999999));
const dcOwner = uid(() => String(ri(1e8, 9e8)) + String(ri(1e8, 9e8)));
let tgOwnerName = null;
for (const g of groups) {
  const f = g.spec.fmt;
  for (const m of g.members) {
    if (f === 'wechat') { m.wxid = m.role === 'owner' ? wxOwner : uid(() => chance(0.7) ? 'wxid_' + Array.from({ length: 14 }, () => pick([...ALNUM])).join('') : pick(['xiao', 'lily', 'zhang', 'wang', 'cc', 'momo']) + ri(100, 99999)); if (chance(0.15)) m.remark = m.name + '(同事)'; }
    if (f === 'qq') { m.qq = m.role === 'owner' ? qqOwner : uid(() => String(ri(100000, 3999999999))); if (m.role === 'member' && chance(0.03)) m.qqEmail = 'user' + ri(100, 999) + '@example.com'; if (m.role === 'member' && chance(0.3)) m.qqTitle = pick(['【冒泡】', '【潜水】', '【活跃】', '【LV5】']); }
    if (f === 'telegram') { m.tgId = m.role === 'owner' ? tgOwner : uid(() => 'user' + ri(100000000, 6999999999)); if (m.role === 'owner') { if (!tgOwnerName) tgOwnerName = m.name; m.name = tgOwnerName; m.renames = []; } }
    if (f === 'discord') { m.dcId = m.role === 'owner' ? dcOwner : uid(() => String(ri(1e8, 9e8)) + String(ri(1e8, 9e8))); }
  }
  if (f === 'wechat') { g.spec.roomId = ri(10000000, 99999999) + '' + ri(100, 999) + '@chatroom'; const on = g.owner.name; /* same operator nickname in all WeChat groups */ }
  if (f === 'qq' || f === 'wechat') g.owner.name = f === 'qq' ? '运营小美' : '社群运营-小美';
  if (f === 'discord') { g.spec.dcGuild = '880000000000000001'; g.spec.dcChannel = String(ri(1e8, 9e8)) + String(ri(1e8, 9e8)); }
}
const idOf = (g) => (m) => ({ wechat: m.wxid, qq: m.qqEmail ? m.qqEmail : m.qq, telegram: m.tgId, discord: m.dcId, whatsapp: m.name }[g.spec.fmt]);

// ---------- write ----------
fs.mkdirSync(OUT, { recursive: true });
const files = {};
const byZone = (z) => groups.filter((g) => g.tz === z);
for (const g of groups) {
  const zdir = path.join(OUT, ZONE_DIR[g.tz]);
  if (g.spec.fmt === 'whatsapp') g.spec.file = writeWhatsApp(g, path.join(zdir, 'whatsapp'));
  if (g.spec.fmt === 'wechat') g.spec.file = writeWeChat(g, path.join(zdir, 'wechat-memotrace'));
  if (g.spec.fmt === 'discord') g.spec.file = writeDiscord(g, path.join(zdir, 'discord'));
}
const qqAll = groups.filter((g) => g.spec.variant === 'qq-all-gb18030'), qqOne = groups.filter((g) => g.spec.variant === 'qq-single-utf8bom');
const qqF1 = writeQQ(qqAll, path.join(OUT, 'asia-shanghai', 'qq'), '全部消息记录.txt', true); qqAll.forEach((g) => { g.spec.file = qqF1; });
for (const g of qqOne) g.spec.file = writeQQ([g], path.join(OUT, 'asia-shanghai', 'qq'), `${g.spec.name}.txt`, false);
const tg = groups.filter((g) => g.spec.fmt === 'telegram');
const tgF = writeTelegram(tg, path.join(OUT, 'america-sao_paulo', 'telegram', 'DataExport_2025-06-30'), SEED); tg.forEach((g) => { g.spec.file = tgF; });

const truth = { seed: SEED, asOf: new Date(AS_OF).toISOString(), runs: Object.entries(ZONE_DIR).map(([tz, d]) => ({ tz, dir: d, me: [...new Set(byZone(tz).map((g) => g.spec.me).filter(Boolean))] })), groups: groups.map((g) => truthOf(g, idOf(g))) };
for (const t of truth.groups) t.file = path.relative(OUT, t.file);
fs.writeFileSync(path.join(OUT, 'truth.json'), JSON.stringify(truth, null, 1));
const tot = truth.groups.reduce((s, g) => s + g.counts.messages, 0);
console.log(`seed ${SEED}: ${truth.groups.length} groups, ${tot} messages -> ${OUT}`);
