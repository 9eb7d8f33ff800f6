import type { MessageKind } from '../../core/model.js';

/** WeChat's Type/SubType codes (formats.md §1.1) as message kinds. */
export function wechatKind(type: number, sub: number): MessageKind {
  switch (type) {
    case 1: return 'text';
    case 3: return 'image';
    case 34: return 'voice';
    case 43: return 'video';
    case 47: return 'sticker';
    case 42: case 48: return 'link';
    case 49:
      if (sub === 6) return 'file';
      if (sub === 8) return 'sticker';
      if (sub === 57) return 'text';
      return 'link';
    case 10000: case 10002: return 'system';
    default: return 'system';
  }
}
