import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hash53 } from '../../src/core/hash.js';
import { classifyByRules, classifyText, findMentions, LAUGH_KEY, MIN_KEY, scanText, scanTextAt, SHORT_KEY, TEXT_FLAGS, textHash, textKey, type TextScan } from '../../src/core/text/classify.js';

// Every literal of the rules, cut into characters too, in mixed case, with what may sit between
// (spaces, colons, 号, digits) and unrelated text: a filter that misses any trigger fails here.
const words = ['加我微信', '加微信', '加 v', '加V：', '加vx:', 'vx号', 'WX:', 'v信', '薇信', '威信', '➕ V', '私聊', '私信我', '详聊', '扫码',
  '二维码', '进群领', '免费领取', '日赚', '日入', '兼职', '刷单', '代理加盟', '招代理', '低价出', '优惠券', '返利', '红包群', '点击链接',
  'WhatsApp me', 'whatsappme', 'DM me', 'Telegram.me', 't.me/', 'T.ME/x', 'bit.ly', 'BIT.LY', 'http://', 'HTTPS://', 'www.', 'WWW.', '.com', '.CN',
  '.net', '.top', '.xyz', '13812345678', '+86 138 1234 5678', '86-13912345678', '请问', '怎么', '如何', '为什么', '为啥', '有没有', '谁知道',
  '哪里', '哪儿', '能不能', '可以吗', '吗', '吗～', '吗。', '?', '？', 'How', 'WHAT', 'why', 'Where', 'when', 'which', 'anyone', 'Does', 'is there', 'IS THERE'];
const chars = [...new Set(words.join(''))];
// textHash's branches too (case beyond ASCII, emoji, lone surrogates, odd spaces) and mentions.
const fill = ['@', '@张三 ', 'a@b.c', 'Σ', 'İ', 'É', '😀', '👍🏽', '\ud800', '\u2005', '\u00a0', '\ufeff', '～', '—', ' ', '\u3000', ':', '：', '号', 'a', 'x', '1', '2', '.', '/', '今天', '好的', 'hello', '\n', '!'];
const textArb = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom(...words), fc.constantFrom(...chars), fc.constantFrom(...fill)), { maxLength: 12 }).map((p) => p.join('')),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

describe('classifyText with the trigger filter', () => {
  it('gives what the rules alone give, on any text', () => {
    fc.assert(fc.property(textArb, (t) => {
      expect(classifyText(t)).toBe(classifyByRules(t));
    }), { numRuns: 20000 });
  });

  it('finds each rule where its regex does, and skips texts without triggers', () => {
    expect(classifyText('点击链接领红包')).toBe(2);
    expect(classifyText('DM me for details')).toBe(2);
    expect(classifyText('有没有人知道')).toBe(4);
    expect(classifyText('IS THERE a bus')).toBe(4);
    expect(classifyText('see www.example.org')).toBe(1);
    expect(classifyText('今天天气很好大家早上好')).toBe(0);
  });
});

describe('scanText', () => {
  it('gives classifyText, textHash and whether findMentions has work, in one pass', () => {
    const slowHash = (t: string) => { const k = textKey(t); return k.length >= MIN_KEY ? hash53(k) : 0; };
    const out: TextScan = { flags: -1, hash: -1, at: false };
    fc.assert(fc.property(textArb, (t) => {
      scanText(t, out);
      const key = textKey(t);
      const reaction = key.length < SHORT_KEY || (key.length <= LAUGH_KEY && new Set(key.split('')).size <= 2);
      expect(out.flags).toBe(classifyByRules(t) | (reaction ? TEXT_FLAGS.short : 0));
      expect(out.hash).toBe(slowHash(t));
      expect(out.hash).toBe(textHash(t));
      expect(out.at).toBe(t.includes('@'));
      if (!out.at) expect(findMentions(t)).toEqual([]);
    }), { numRuns: 20000 });
  });  it('scanTextAt reads a range of a longer string as scanText reads that slice', () => {
    const want: TextScan = { flags: -1, hash: -1, at: false }, got: TextScan = { flags: -1, hash: -1, at: false };
    fc.assert(fc.property(textArb, textArb, textArb, (before, t, after) => {
      scanText(t, want);
      scanTextAt(before + t + after, before.length, before.length + t.length, got);
      expect(got).toEqual(want);
    }), { numRuns: 5000 });
  });
});
