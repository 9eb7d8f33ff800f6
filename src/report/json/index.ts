import type { Reporter } from '../types.js';

/** The report as it is: the public JSON contract. */
export const jsonReporter = {
  id: 'json',
  title: 'JSON document (the contract in docs/json-output.md)',
  machine: true,
  render: (result) => `${JSON.stringify(result, null, 2)}\n`,
} satisfies Reporter;
