import { basename, dirname } from 'node:path';
import { UserError } from '../../core/errors.js';
import type { IngestEvent } from '../../core/model.js';
import { isRecord, shape } from '../shape.js';
import { diskFolder } from '../disk-folder.js';
import type { Folder, FolderAdapter, ReadContext } from '../types.js';
import { lines } from '../text/lines.js';
import { parseWholeJson } from '../text/whole.js';
import { QceChat, type QceChatInfo } from './qce-chat.js';
import { qceGroup } from './qce-group.js';
import { MANIFEST_ALONE, QCE_MARK, qqQceJson } from './qce-json.js';

/**
 * qq-chat-exporter's `chunked-jsonl` layout (lib/core/exporter/JsonExporter.ts,
 * ChunkedJsonlWriter.ts): a folder `<name>_chunked_jsonl/` with `manifest.json` (metadata,
 * chatInfo, statistics and `chunked.chunks[]`, each with its `relativePath` such as
 * `chunks/c000001.jsonl`; V5.0 manifests wrote `file` instead) and the chunks, one message per
 * line in the single file's message shape. The chunks are read in the manifest's order, line by
 * line; a chunk the manifest lists but the folder lacks is reported and skipped.
 */

/** Where the export sits in the folder: at its root, or in the one folder a ZIP wraps it in. */
function exportRoot(folder: Folder): string | null {
  if (folder.entries.includes('manifest.json')) return '';
  const top = folder.entries[0]?.split('/')[0];
  if (top === undefined || !folder.entries.every((e) => e.startsWith(`${top}/`))) return null;
  return folder.entries.includes(`${top}/manifest.json`) ? `${top}/` : null;
}

/** The chunk entries in reading order: as the manifest lists them, else every chunks/*.jsonl. */
function chunkEntries(manifest: Record<string, unknown>, folder: Folder, root: string): string[] {
  const chunked = isRecord(manifest.chunked) ? manifest.chunked : {};
  const dir = typeof chunked.chunksDir === 'string' && chunked.chunksDir ? chunked.chunksDir : 'chunks';
  const listed = (Array.isArray(chunked.chunks) ? chunked.chunks : []).filter(isRecord).map((c) => {
    const rel = [c.relativePath, c.file].find((v): v is string => typeof v === 'string' && v !== '')
      ?? (typeof c.fileName === 'string' && c.fileName ? `${dir}/${c.fileName}` : undefined);
    return rel === undefined ? undefined : root + rel.replace(/\\/g, '/').replace(/^\.\//, '');
  }).filter((e): e is string => e !== undefined);
  if (listed.length) return listed;
  return folder.entries.filter((e) => e.startsWith(`${root}${dir}/`) && e.endsWith('.jsonl'));
}

async function* readChunked(folder: Folder, ctx: ReadContext): AsyncGenerator<IngestEvent> {
  const root = exportRoot(folder) ?? '';
  const doc = await parseWholeJson(await folder.open(`${root}manifest.json`));
  const manifest = shape(doc, { chatInfo: 'record', chunked: 'record' });
  if (!manifest) throw new UserError('manifest.json is not a JSON object', { file: folder.path, code: 'bad-json', zh: 'manifest.json 不是 JSON 对象' });
  const info = shape(manifest.chatInfo ?? {}, { name: 'string', type: 'string', selfUin: 'string', selfUid: 'string', selfName: 'string' }) as QceChatInfo;
  const stem = root ? root.slice(0, -1) : basename(folder.path).replace(/\.zip$/i, '');
  const chat = new QceChat(qceGroup(stem, info), info, ctx);
  for (const entry of chunkEntries(manifest as Record<string, unknown>, folder, root)) {
    if (!folder.entries.includes(entry)) { ctx.reportIssue({ reason: `${entry}: listed in manifest.json but not in the folder`, code: 'missing-chunk' }); continue; }
    const source = await folder.open(entry);
    source.onBytes = ctx.reportProgress;
    let n = 0;
    for await (const line of lines(source)) {
      n++;
      if (line.trim() === '') continue;
      let value: unknown;
      try { value = JSON.parse(line) as unknown; } catch (e) {
        ctx.reportIssue({ reason: `${entry} line ${n}: not valid JSON (${(e as Error).message})`, code: 'bad-json-line' });
        continue;
      }
      yield* chat.message(value, undefined, `${entry} line ${n}: `);
    }
  }
  yield* chat.end();
}

export const qqQceChunked = {
  id: 'qq-qce-chunked',
  title: 'QQ NT export by qq-chat-exporter (QCE), chunked JSONL (a folder: manifest.json + chunks/*.jsonl)',
  platform: 'qq',
  capabilities: qqQceJson.capabilities,
  kind: () => 'messages',
  // The manifest given alone: read with the chunks beside it, where it is a file on disk.
  detect(head) {
    const t = head.text.trimStart();
    if (!t.startsWith('{') || !/"chatInfo"\s*:/.test(t)) return 0;
    const marked = /"chunked"\s*:\s*\{|"format"\s*:\s*"chunked-jsonl"/.test(t);
    return marked || (head.fileName === 'manifest.json' && QCE_MARK.test(t)) ? 0.97 : 0;
  },
  async *read(source, ctx) {
    if (source.file === undefined) { ctx.reportIssue({ reason: MANIFEST_ALONE, code: 'qce-manifest-alone' }); return; }
    yield* readChunked(await diskFolder(dirname(source.file)), ctx);
  },
  detectFolder(folder) {
    const root = exportRoot(folder);
    // A manifest.json alone is many things (web apps have one): the chunks must be there too.
    return root !== null && folder.entries.some((e) => e.startsWith(root) && e.endsWith('.jsonl')) ? 0.95 : 0;
  },
  readFolder: readChunked,
} satisfies FolderAdapter;
