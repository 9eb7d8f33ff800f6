import { open, realpath, stat } from 'node:fs/promises';
import { relative, isAbsolute } from 'node:path';
import { UserError } from '../core/errors.js';
import { refuseFolder } from './output.js';

/**
 * Refuses output paths that would destroy data: an input file, a file inside an input folder that
 * is not an earlier report of ours (discovery skips outputs, but a typo must not overwrite an
 * export), and two outputs on the same path. All paths are absolute.
 */
export async function guardOutputs(outputs: { path: string; option: string }[], inputs: string[]): Promise<void> {
  const inputReal = await Promise.all(inputs.map(async (p) => ({ path: p, real: await realpath(p).catch(() => p), dir: await stat(p).then((s) => s.isDirectory(), () => false) })));
  const seen = new Map<string, string>();
  for (const o of outputs) {
    await refuseFolder(o.path);
    const real = await realpath(o.path).catch(() => o.path);
    const twice = seen.get(real);
    if (twice) throw new UserError(`${o.option} ${o.path}: the same file is also given to ${twice}`, { hint: 'give each output its own file', zh: `${o.option} ${o.path}：同一个文件也给了 ${twice}`, hintZh: '每个输出请用不同的文件', code: 'usage' });
    seen.set(real, o.option);
    for (const i of inputReal) {
      if (!i.dir && (real === i.real || o.path === i.path)) {
        throw new UserError(`${o.option} ${o.path} is one of the inputs; refusing to overwrite it`, { hint: 'write the report to another file, e.g. report.json next to the export', zh: `${o.option} ${o.path} 是输入文件之一，拒绝覆盖`, hintZh: '把报告写到别的文件，例如导出文件旁边的 report.json', code: 'usage' });
      }
      if (i.dir && inside(i.real, real) && !(await looksLikeOurs(real))) {
        throw new UserError(`${o.option} ${o.path} exists inside the input folder ${i.path} and is not an earlier report; refusing to overwrite it`, { hint: 'write the report outside the export folder, or delete that file first', zh: `${o.option} ${o.path} 位于输入文件夹 ${i.path} 中，且不是之前生成的报告，拒绝覆盖`, hintZh: '把报告写到导出文件夹之外，或先删除那个文件', code: 'usage' });
      }
    }
  }
}

function inside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** An absent file, or one whose first bytes are a report this tool writes (any format). */
async function looksLikeOurs(path: string): Promise<boolean> {
  let fh;
  try { fh = await open(path, 'r'); } catch { return true; }
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead).toString('utf8');
    return bytesRead === 0 || head.includes('community-audit') || /^\uFEFF?asOf,/.test(head) || head.startsWith('{"schemaVersion"');
  } finally {
    await fh.close();
  }
}
