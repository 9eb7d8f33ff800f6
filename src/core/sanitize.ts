/**
 * Names and messages come from strangers. Before anything reaches a terminal, strip ANSI/OSC
 * escape sequences, C0/C1 control characters and bidirectional overrides (which can make
 * "gpj.exe" look like "exe.jpg" or hide text).
 */
 
const ESCAPES = /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b\[[0-?]*[ -/]*[@-~]|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]/g;
 
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g;
// Line and paragraph separators end a line on some terminals: a name must stay on its line.
const BREAKS = /[\t\n\r\u2028\u2029\u0085]+/g;

export function safeText(s: string): string {
  return s.replace(BREAKS, ' ').replace(ESCAPES, '').replace(CONTROLS, '');
}

/** Spreadsheets run cells that start with = + - @ (and tab/CR) as formulas: prefix a quote. */
export function safeCell(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
