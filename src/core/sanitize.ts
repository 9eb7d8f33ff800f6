/**
 * Names and messages come from strangers. Before anything reaches a terminal, strip ANSI/OSC
 * escape sequences, C0/C1 control characters and bidirectional overrides (which can make
 * "gpj.exe" look like "exe.jpg" or hide text).
 */
// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b\[[0-?]*[ -/]*[@-~]|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g;

export function safeText(s: string): string {
  return s.replace(ESCAPES, '').replace(CONTROLS, '').replace(/[\t\n\r]+/g, ' ');
}

/** Spreadsheets run cells that start with = + - @ (and tab/CR) as formulas: prefix a quote. */
export function safeCell(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
