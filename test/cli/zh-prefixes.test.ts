import { beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureBuilt } from './helpers.js';

const MISSING = '/nonexistent/community-audit-input';

beforeAll(() => ensureBuilt(), 120_000);

describe('the error prefixes follow the language', () => {
  it('are 错误 / 提示 with --lang zh (the message itself stays English)', () => {
    const r = cli(['analyze', MISSING, '--lang', 'zh'], undefined, { LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`错误：${MISSING}: no such file or folder\n提示：check the path (quote names with spaces)\n`);
  });

  it('follow a Chinese locale, and --lang en wins over it', () => {
    const zhEnv = { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
    expect(cli(['analyze', MISSING], undefined, zhEnv).stderr).toMatch(/^错误：/);
    expect(cli(['analyze', MISSING, '--lang=en'], undefined, zhEnv).stderr).toMatch(/^error: .*\nhint: /);
  });
});
