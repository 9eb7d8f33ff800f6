import { z } from 'zod';
import { analyses } from '../analysis/registry.js';
import { profileSchema } from '../analysis/profile/index.js';

/**
 * The JSON report: the public contract (docs/json-output.md). Each verdict analysis contributes
 * its own `resultSchema` under its key, so the schema, the JSON Schema printed by
 * `community-audit schema` and the tests all come from one place.
 */
export const SCHEMA_VERSION = 1;

// Every group gets every verdict, a group nobody wrote in too (docs/analyses.md, vitality).
const verdicts = Object.fromEntries(analyses.filter((a) => !a.mergeInto).map((a) => [a.key, a.resultSchema])) as Record<string, z.ZodType>;
// Analyses that merge into `members` (journeys) extend its object schema.
const membersSchema = profileSchema.shape.members.extend(Object.assign(
  {},
  ...analyses.filter((a) => a.mergeInto === 'members').map((a) => (a.resultSchema as unknown as z.ZodObject).shape),
) as Record<string, z.ZodType>);

export const groupSchema = profileSchema.extend({ ...verdicts, members: membersSchema });

export const inputSchema = z.object({
  path: z.string(),
  format: z.string().describe('the adapter id that read it'),
  kind: z.enum(['messages', 'members']),
  records: z.number().int(),
  skipped: z.number().int(),
});

export const warningSchema = z.object({
  code: z.string(),
  message: z.string(),
  file: z.string().nullable(),
  line: z.number().int().nullable(),
});

/** One difference against a --baseline report (issue 6): what changed since the last run. */
export const changeSchema = z.object({
  kind: z.enum(['phase-changed', 'died', 'revived', 'at-risk', 'recovered', 'self-drive-lost', 'self-drive-regained', 'window-opened', 'window-closed', 'seed-went-quiet', 'new-top-spreader', 'group-added', 'group-removed'])
    .describe('what happened; seed-went-quiet = a seed user of the baseline who is now going quiet or no longer ranks'),
  groupId: z.string(),
  groupName: z.string(),
  from: z.string().nullable().describe('the value in the baseline (a phase, a vitality or window status), else null'),
  to: z.string().nullable().describe('the value now, else null'),
  memberId: z.string().nullable().describe('for seed-went-quiet and new-top-spreader'),
  memberName: z.string().nullable(),
});

export const reportSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  tool: z.object({ name: z.literal('community-audit'), version: z.string() }),
  generatedAt: z.string(),
  asOf: z.string(),
  timeZone: z.string(),
  top: z.number().int().min(1).optional().describe('--top of the run: lists of people are cut at this length (absent in reports of older versions)'),
  inputs: z.array(inputSchema),
  groups: z.array(groupSchema),
  warnings: z.array(warningSchema),
  changes: z.array(changeSchema).optional().describe('only with --baseline: differences from the previous report'),
  baselineAsOf: z.string().optional().describe('only with --baseline: the as-of of the report compared with'),
});

export type Change = z.output<typeof changeSchema>;
export type GroupReport = z.output<typeof profileSchema> & Record<string, unknown>;
export type AuditResult = Omit<z.output<typeof reportSchema>, 'groups'> & { groups: GroupReport[] };
