/**
 * Commander writes its usage errors and the extras of its help ("(default: …)", "(choices: …)") in
 * English. For a Chinese terminal they are put in Chinese here, by their fixed wordings (commander
 * 14); anything else passes as it is. Option and command names stay as typed.
 */
const ERRORS: [RegExp, (...m: string[]) => string][] = [
  [/^error: unknown command '(.*)'$/, (c) => `错误：未知的命令 '${c}'`],
  [/^error: unknown option '(.*)'$/, (o) => `错误：未知的选项 '${o}'`],
  [/^error: missing required argument '(.*)'$/, (a) => `错误：缺少必需的参数 '${a}'`],
  [/^error: option '(.*)' argument missing$/, (o) => `错误：选项 '${o}' 缺少值`],
  [/^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/, (o, v, c) => `错误：选项 '${o}' 的值 '${v}' 无效，可选：${c}`],
  [/^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/, (_c, e, g) => `错误：参数太多（应为 ${e} 个，收到 ${g} 个）`],
  [/^error: required option '(.*)' not specified$/, (o) => `错误：缺少必需的选项 '${o}'`],
  [/^\(Did you mean (.*)\?\)$/, (s) => `（你是不是想输入 ${s}？）`],
];

/** A chunk commander writes to stderr, line by line in Chinese where a wording is known. */
export function zhCommanderError(text: string): string {
  return text.split('\n').map((line) => {
    for (const [re, zh] of ERRORS) {
      const m = re.exec(line);
      if (m) return zh(...m.slice(1));
    }
    return line;
  }).join('\n');
}

/** An option's or argument's help text with commander's extras in Chinese. */
export function zhHelpExtras(text: string): string {
  return text.replace(/ ?\((choices: [^()]*?|default: [^()]*?)(?:, (default: [^()]*))?\)$/, (_all, a: string, b?: string) => {
    const part = (p: string) => p.replace(/^choices: /, '可选：').replace(/^default: /, '默认：');
    return `（${[a, b].filter((x): x is string => x !== undefined).map(part).join('，')}）`;
  });
}
