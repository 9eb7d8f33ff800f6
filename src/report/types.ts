import type { ChalkInstance } from 'chalk';
import type { Lang } from '../i18n/index.js';
import type { AuditResult } from './schema.js';

/** What a reporter may know about where its text goes; it never prints and never decides colour. */
export interface RenderContext {
  lang: Lang;
  /** A chalk instance at the level the CLI decided; level 0 means no colour. */
  chalk: ChalkInstance;
  /** Terminal width in columns, for the table. */
  width: number;
  /** --group: the detail view of one group. */
  groupId?: string;
  /** --table members: one row per member (CSV). */
  table?: 'groups' | 'members';
}

export interface Reporter {
  id: string;
  title: string;
  /** Machine formats never carry colour or progress. */
  machine: boolean;
  render(result: AuditResult, ctx: RenderContext): string;
}
