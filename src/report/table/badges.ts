import { t } from '../../i18n/index.js';
import type { RenderContext } from '../types.js';

type Tone = 'good' | 'warn' | 'bad' | 'info';

const TONES: Record<string, Tone> = {
  'phase.inception': 'info', 'phase.growth': 'good', 'phase.maturity': 'good', 'phase.decline': 'warn',
  'vitality.alive': 'good', 'vitality.at-risk': 'warn', 'vitality.dead': 'bad', 'vitality.zombie': 'bad', 'vitality.no-messages': 'info',
  'selfDrive.lacking': 'warn', 'selfDrive.ok': 'good',
  'window.upcoming': 'info', 'window.open': 'good', 'window.closed': 'info',
};

/** A coloured, translated label for a verdict value. */
export function badge(ctx: RenderContext, kind: string, value: string): string {
  return paint(ctx, kind, value, t(ctx.lang, `${kind}.${value}`));
}

/** Any text in the colour of a verdict value ("open since 2025-04-06" in the colour of "open"). */
export function paint(ctx: RenderContext, kind: string, value: string, text: string): string {
  const key = `${kind}.${value}`;
  switch (TONES[key] ?? 'info') {
    case 'good': return ctx.chalk.green(text);
    case 'warn': return ctx.chalk.yellow(text);
    case 'bad': return ctx.chalk.red.bold(text);
    default: return ctx.chalk.cyan(text);
  }
}
