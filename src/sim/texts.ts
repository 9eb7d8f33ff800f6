/**
 * What people write. Lines are generic group chat plus a few per theme; questions end in ？ or ?
 * so a question detector has something to find, and ads carry the contact bait (微信号, phone
 * numbers, links) that spam detection looks for.
 */
import type { Rng } from './prng.js';
import type { Theme } from './names.js';

const CHAT = [
  '哈哈哈哈', '今天天气真不错', '刚下班，累死了😮‍💨', '周末有人一起吗', '我也是这么想的', '学到了', '太真实了😂',
  '这个我知道，之前踩过坑', '分享一个小技巧：先列清单再动手，效率高很多', '最近在忙搬家，好久没冒泡了', '早上好☀️',
  '晚安各位🌙', '今天终于坚持下来了💪', '这个价格还挺划算的', '我觉得还是要看个人情况', '昨天试了一下，效果还行',
  '同意楼上', '有道理👍', '我来晚了，错过了什么', '这周事情好多', '刚看到群里的消息', '支持！', '蹲一个后续',
  '说得太对了', '我这边也是一样的情况', '大家周末愉快～', '给大家推荐一个公众号，干货很多', '收藏了，谢谢分享',
];
const QUESTIONS = [
  '有人知道这个怎么弄吗？', '请问大家一般几点开始？', '这个靠谱吗？', '有没有推荐的？', '谁有经验可以分享一下吗？',
  '这个多少钱合适？', '新手应该从哪里开始?', '群里有同城的吗？', '明天活动还去吗?', '这个问题怎么解决啊？',
  '大家用的是哪个牌子？', '有人一起拼单吗？', '链接还有效吗?', '想问下这个周末有安排吗？',
];
const ANSWERS = [
  '我一般是晚上弄，白天没时间', '可以先试试基础款，不合适再换', '我用过，还可以', '不太建议，性价比不高',
  '看群公告，里面有写', '去年我也问过，后来自己摸索出来了', '我知道，私聊你', '先这样设置，然后重启一下就好',
  '我这边有，回头发你', '这个要看具体情况，你先说说你的需求', '可以的，我上周刚去过', '我也想知道',
  '之前群里有人分享过，往上翻翻', '差不多两三百吧', '我觉得靠谱，身边好几个人在用',
];
const SHORT = ['👍', '哈哈', '收到', '好的', '是的', '+1', '😂😂😂', '谢谢🙏', '嗯嗯', '666', '赞', '对', '🌹', '厉害了'];

const THEME_LINES: Record<Theme, string[]> = {
  parenting: ['宝宝晚上总是闹觉怎么办？', '辅食从几个月开始加比较好?', '我家娃今天会叫妈妈了🥹', '推荐一个绘本：《猜猜我有多爱你》', '幼儿园报名要准备什么材料？'],
  reading: ['这周读到第三章了', '《人类简史》有人读完了吗？', '今天的读书笔记交一下📚', '这段话特别有感触', '下期共读书目定了吗?'],
  running: ['今日打卡：晨跑5公里🏃', '配速6分半，感觉还行', '膝盖有点疼，是不是跑姿不对？', '周六早上奥森约跑吗?', '今天下雨，改跑步机了'],
  secondhand: ['出一个九成新的婴儿车，自提', '收一台二手iPad，有的私聊', '这个还在吗？', '价格可小刀吗?', '已出，谢谢大家'],
  investing: ['今天大盘又绿了😭', '定投坚持第52周', '有人研究过红利指数吗？', '年化能有多少啊?', '别追高，分批买'],
  study: ['今天背了100个单词', '有人一起打卡吗？', '真题做到第几套了?', '这道题的思路是什么？', '模考出分了，比上次高了10分'],
  neighbours: ['今晚几点停水？', '物业说电梯明天检修', '团购的水果到了，在门口', '楼下的快递柜满了', '谁家的猫跑出来了？'],
  hobby: ['今天拍的晚霞，分享一下', '新手用什么镜头好?', '周末去哪里好玩？', '这个配方我试了，很成功', '求推荐靠谱的店'],
};

const ANNOUNCEMENTS = [
  '【群公告】\n1. 禁止发广告\n2. 禁止刷屏闲聊，有问题集中讨论\n3. 有事请@群主',
  '【通知】本周六晚8点线上分享，欢迎大家准时参加！',
  '各位群友，新朋友比较多，欢迎大家自我介绍一下～',
  '【福利】今天群内专享优惠，详情看群公告',
  '提醒：请大家修改群昵称为：城市-名字',
];
const OWNER_PROMPTS = [
  '【今日打卡】大家今天完成了吗？',
  '今日话题：你最近最大的收获是什么？',
  '早安☀️ 今天的任务已经发在群公告，大家加油！',
  '【每日分享】今天给大家讲一个小知识点，欢迎讨论',
  '今晚的直播大家看了吗？有什么问题可以在群里问',
  '【问答时间】有问题的朋友现在可以提了',
];
const ZOMBIE_POSTS = [
  '【限时秒杀】全场五折，今晚12点截止，链接见群公告',
  '早安，新的一天开始了☀️',
  '【通知】本群将定期分享福利，请勿退群',
  '今日特价：进口水果礼盒，需要的私聊我',
  '【活动】转发朋友圈集赞送礼品',
];
const BOT_POSTS = ['【早报】今日天气晴，气温22-30℃，注意防晒', '【每日一句】行动是治愈恐惧的良药', '【提醒】今日打卡还剩3小时'];

/** Ad texts with contact bait; a spammer sticks to one and repeats it. */
export function adText(rng: Rng): string {
  const wx = `${rng.pick(['xh', 'vip', 'abc', 'love', 'mm'])}${rng.int(100, 9999)}`;
  const phone = `1${rng.pick(['38', '39', '58', '86', '77'])}${rng.int(10000000, 99999999)}`;
  return rng.pick([
    `加我微信 ${wx}，兼职日结200+，宝妈学生均可`,
    `VX: ${wx} 低价代购大牌，正品保证`,
    `需要贷款的联系 ${phone}，当天放款`,
    `免费领取资料👉 https://t.cn/${wx} 名额有限`,
    `招代理！一部手机就能做，月入过万，详询${phone}`,
    `💰刷单返利，加V ${wx}`,
  ]);
}

export const lines = {
  chat: (rng: Rng, theme: Theme): string => (rng.chance(0.25) ? rng.pick(THEME_LINES[theme]) : rng.pick(CHAT)),
  question: (rng: Rng, theme: Theme): string => {
    const themed = THEME_LINES[theme].filter((l) => /[？?]$/.test(l));
    return rng.chance(0.35) && themed.length > 0 ? rng.pick(themed) : rng.pick(QUESTIONS);
  },
  answer: (rng: Rng): string => rng.pick(ANSWERS),
  short: (rng: Rng): string => rng.pick(SHORT),
  announcement: (rng: Rng): string => rng.pick(ANNOUNCEMENTS),
  ownerPrompt: (rng: Rng): string => rng.pick(OWNER_PROMPTS),
  zombie: (rng: Rng): string => rng.pick(ZOMBIE_POSTS),
  bot: (rng: Rng): string => rng.pick(BOT_POSTS),
  greeting: (name: string): string => `大家好，我是${name}，刚进群，请多关照🙏`,
  welcome: (name: string): string => `欢迎@${name} 😊`,
  link: (rng: Rng): string =>
    `${rng.pick(['【分享】这篇写得很好', '推荐一下', '刚看到的文章'])} https://mp.weixin.qq.com/s/${rng.int(100000, 999999)}`,
};

export const isQuestion = (text: string): boolean => /[？?]$/.test(text);
