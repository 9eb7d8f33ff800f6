import type { IngestEvent } from '../../core/model.js';
import { walkJsonBatches, type JsonPath } from '../json/stream.js';
import type { IngestAdapter, ReadContext, Source } from '../types.js';
import { fileStem } from '../text/names.js';
import { QceChat, type QceChatInfo } from './qce-chat.js';
import { qceGroup } from './qce-group.js';

/**
 * qq-chat-exporter (shuakami/qq-chat-exporter, QCE) single-file JSON: `metadata`, `chatInfo`,
 * `statistics`, then `messages` (one per line when pretty), then `avatars` and `exportOptions`
 * (lib/core/exporter/JsonExportTemplates.ts). Read as a stream: each message is cut out and
 * parsed alone, so a multi-GB export never becomes one string. The V4 option `chunkSize` wrote
 * `{metadata, chunkInfo, chunks: [{chatInfo, messages…}]}`: its chunks are read as one chat.
 */

/** A chat's own level: the document, or one of the V4 `chunks`. */
const isChatRoot = (p: JsonPath) => p.length === 0 || (p.length === 2 && p[0] === 'chunks' && typeof p[1] === 'number');
const isMessagePath = (p: JsonPath) => p.length >= 2 && p[p.length - 2] === 'messages' && typeof p[p.length - 1] === 'number' && isChatRoot(p.slice(0, -2));
const CHAT_KEYS = new Set(['name', 'type', 'selfUin', 'selfUid', 'selfName']);
const isChatScalar = (p: JsonPath) => p.length >= 2 && p[p.length - 2] === 'chatInfo' && CHAT_KEYS.has(String(p[p.length - 1])) && isChatRoot(p.slice(0, -2));
/** `chunked.format` only a manifest of the chunked layout has. */
const isManifestMark = (p: JsonPath) => p.length === 2 && p[0] === 'chunked' && p[1] === 'format';

/** The exporter's own name in `metadata.name` ("QQChatExporter V5 / https://github.com/shuakami/…"). */
export const QCE_MARK = /QQChatExporter|shuakami\/qq-chat-exporter/;

/** Why a manifest of the chunked layout read as a file gives nothing: its chunks are elsewhere. */
export const MANIFEST_ALONE = 'the manifest.json of a chunked QCE export, without the folder its chunks are in: give the folder (or a ZIP of it alone)';

/** How sure the head of a file is a QCE export (a manifest of the chunked layout scores 0). */
export function qceJsonScore(text: string): number {
  const t = text.trimStart();
  if (!t.startsWith('{') || !/"chatInfo"\s*:/.test(t)) return 0;
  if (/"chunked"\s*:\s*\{|"format"\s*:\s*"chunked-jsonl"/.test(t)) return 0;
  if (QCE_MARK.test(t)) return 0.96;
  return /"metadata"\s*:/.test(t) && /"statistics"\s*:|"messages"\s*:/.test(t) ? 0.8 : 0;
}

export const qqQceJson = {
  id: 'qq-qce-json',
  title: 'QQ NT group export by qq-chat-exporter (QCE), JSON (one file per chat)',
  platform: 'qq',
  capabilities: {
    identity: 'ids', joins: true, replies: true,
    note: 'QQ number as id (else the NT uid); group cards as names; joins with inviter and QR-code sharer from gray tips (QQ NT shows no leaves; removals only as a wordless "group updated" tip); recalls; reply links; @-mentions; the group number from the file name; private chats are left out of the report with a warning',
  },
  kind: () => 'messages',
  detect: (head) => (head.text ? qceJsonScore(head.text) : 0),
  async *read(source, ctx) {
    for await (const batch of readBatches(source, ctx)) yield* batch;
  },
  readBatches,
} satisfies IngestAdapter;

async function* readBatches(source: Source, ctx: ReadContext): AsyncGenerator<IngestEvent[]> {
  const info: QceChatInfo = {};
  let chat: QceChat | null = null;
  let manifest = false;
  for await (const pieces of walkJsonBatches(source, isMessagePath, (p) => isChatScalar(p) || isManifestMark(p))) {
    const out: IngestEvent[] = [];
    for (const piece of pieces) {
      if (piece.kind === 'scalar') {
        if (isManifestMark(piece.path)) { manifest = true; continue; }
        // The first chat's info is the file's (V4 chunks repeat it).
        const k = piece.path[piece.path.length - 1] as keyof QceChatInfo;
        if (typeof piece.value === 'string' && info[k] === undefined) info[k] = piece.value;
        continue;
      }
      chat ??= new QceChat(qceGroup(fileStem(source.fileName), info), info, ctx);
      out.push(...chat.message(piece.value, piece.line));
    }
    if (out.length) yield out;
  }
  // A manifest whose head did not show it (a long statistics block first): it has no messages.
  if (manifest && chat === null) ctx.reportIssue({ reason: MANIFEST_ALONE, code: 'qce-manifest-alone' });
  const last = chat?.end() ?? [];
  if (last.length) yield last;
}
