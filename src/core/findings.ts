import { z } from 'zod';

/**
 * Evidence and reasons are data: a code, a severity and the numbers behind it. src/i18n turns them
 * into English or Chinese sentences; tests assert codes and values, never sentences.
 */
export const findingSchema = z.object({
  code: z.string(),
  severity: z.enum(['info', 'good', 'warn', 'bad']),
  values: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
  message: z.string().describe('the finding in English, for people reading the JSON'),
});
export type Finding = z.output<typeof findingSchema>;
export type FindingValues = Finding['values'];
