/**
 * Display names and platform ids. Names mix real-name styles (李静), nicknames (小王, 阿杰🍀),
 * Latin+Chinese (Tony张), full-width and astral characters, and a few with commas or quotes —
 * exactly the strings that break naive CSV writers and column-width code.
 */
import type { Person } from './types.js';
import type { Rng } from './prng.js';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = '静伟芳娜敏磊洋艳勇军杰娟涛明超秀兰霞平刚桂英华玉萍红丽强辉鹏飞宇浩然欣怡梓涵子轩思雨佳琪晨阳文博雅婷嘉怡俊杰晓燕海燕建国志强丹丹婷婷'.split('');
const TWO_CHAR_GIVEN = ['晓燕', '海燕', '建国', '志强', '丹丹', '婷婷', '梓涵', '子轩', '思雨', '佳琪', '晨阳', '文博', '雅婷', '嘉怡', '俊杰', '欣怡', '浩然', '一鸣', '可馨', '雨桐'];
const NICK_PREFIX = ['小', '阿', '老', '大'];
const NICKS = ['糖糖妈', '果果爸', '奔跑的蜗牛', '一只咸鱼', '向日葵🌻', '追风少年', '快乐每一天', '静待花开', '岁月静好', '平安喜乐', '南风知我意', '柠檬不萌', '小太阳☀️', '猫的鱼', '阳光总在风雨后', '淡然', '随缘', '知足常乐', 'A宝妈', '二手数码回收', '慢慢来', '风清扬', '晴天', '木子', '喵小姐🐱', '夏天的风', '橙子🍊', '老树', '森林', '布丁'];
const LATIN = ['Tony', 'Kevin', 'Amy', 'Lucy', 'Jack', 'Coco', 'Leo', 'Vivian', 'Eric', 'Sunny', 'Cindy', 'Mike', 'Grace', 'Jason', 'Lily'];
const EMOJI = ['🍀', '🌸', '🐟', '🌙', '✨', '🎈', '🍉', '🌈', '☕', '🏃', '📚', '🐼'];
const ODD = ['𠮷野家', 'Ａｍｙ王', '王,小二', '老"K"', '张三（请备注）', '😊😊', '陈 晨', '＿小鱼＿', 'ゆき', '林-宝宝'];

function baseName(rng: Rng): string {
  const r = rng.next();
  const s = rng.pick(SURNAMES);
  if (r < 0.22) return s + rng.pick(GIVEN) + (rng.chance(0.5) ? rng.pick(GIVEN) : '');
  if (r < 0.32) return s + rng.pick(TWO_CHAR_GIVEN);
  if (r < 0.47) return rng.pick(NICK_PREFIX) + (rng.chance(0.6) ? s : rng.pick(GIVEN));
  if (r < 0.68) return rng.pick(NICKS) + (rng.chance(0.15) ? String(rng.int(1, 99)) : '');
  if (r < 0.8) return rng.chance(0.5) ? rng.pick(LATIN) + s : rng.pick(LATIN) + '_' + rng.pick(TWO_CHAR_GIVEN);
  if (r < 0.95) return s + rng.pick(GIVEN) + rng.pick(EMOJI);
  return rng.pick(ODD);
}

/** A display name that is new in this group, so `@name` mentions are unambiguous. */
export function uniqueName(rng: Rng, taken: Set<string>): string {
  for (let i = 0; i < 20; i++) {
    const n = baseName(rng);
    if (!taken.has(n)) {
      taken.add(n);
      return n;
    }
  }
  let k = 2;
  const stem = baseName(rng);
  while (taken.has(stem + k)) k++;
  taken.add(stem + k);
  return stem + k;
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

export type Platform = 'wechat' | 'qq';

export function memberId(rng: Rng, platform: Platform): string {
  if (platform === 'qq') return String(rng.int(100000, 3999999999));
  let s = 'wxid_';
  const n = rng.int(10, 14);
  for (let i = 0; i < n; i++) s += ALNUM[rng.int(0, ALNUM.length - 1)];
  return s;
}

export function groupId(rng: Rng, platform: Platform): string {
  if (platform === 'qq') return String(rng.int(100000000, 999999999));
  return `${rng.int(10000000000, 99999999999)}@chatroom`;
}

/**
 * The same people show up in several groups of one operator. A shared pool per run hands out a
 * known person now and then; callers make sure nobody is in a group twice.
 */
export class PeoplePool {
  private readonly known: Record<Platform, Person[]> = { wechat: [], qq: [] };
  private readonly ids = new Set<string>();

  constructor(private readonly rng: Rng) {}

  person(platform: Platform, namesTaken: Set<string>, idsTaken: Set<string>): Person {
    const known = this.known[platform];
    if (known.length > 50 && this.rng.chance(0.08)) {
      const p = this.rng.pick(known);
      if (!idsTaken.has(p.id) && !namesTaken.has(p.name)) {
        idsTaken.add(p.id);
        namesTaken.add(p.name);
        return p;
      }
    }
    let id = memberId(this.rng, platform);
    while (this.ids.has(id)) id = memberId(this.rng, platform);
    this.ids.add(id);
    idsTaken.add(id);
    const p = { id, name: uniqueName(this.rng, namesTaken) };
    known.push(p);
    return p;
  }
}

/** Group names by theme; the theme also picks some of the chat lines. */
export const GROUP_THEMES = {
  parenting: ['宝妈育儿交流群', '辣妈成长营', '早教启蒙家长群', '二胎妈妈互助群'],
  reading: ['读书会', '每周共读营', '樊登书友会', '夜读打卡群'],
  running: ['跑步打卡群', '晨跑约跑团', '马拉松备赛群', '健身减脂营'],
  secondhand: ['二手闲置群', '小区闲置转让', '数码二手交易群', '母婴闲置互换'],
  investing: ['理财学习群', '基金定投交流', '新手理财入门营', '副业搞钱交流群'],
  study: ['考研互助群', '英语口语角', '雅思备考冲刺群', 'Python学习交流群'],
  neighbours: ['小区业主群', '团购福利群', '社区生鲜团购', '邻里互助群'],
  hobby: ['摄影爱好者交流群', '烘焙交流群', '宠物之家🐶', '自驾游俱乐部', '钓鱼爱好者'],
} as const;
export type Theme = keyof typeof GROUP_THEMES;
export const THEMES = Object.keys(GROUP_THEMES) as Theme[];

export function groupName(rng: Rng, theme: Theme, used: Set<string>): string {
  const base = rng.pick(GROUP_THEMES[theme]);
  for (let n = rng.chance(0.5) ? 1 : rng.int(2, 5); ; n++) {
    const name = n === 1 ? base : `${base}${n}群`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}
