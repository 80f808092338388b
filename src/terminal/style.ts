import { inspect } from 'node:util';

export type StyleName = 'bold' | 'dim' | 'italic' | 'underline' | 'cyan' | 'green' | 'yellow' | 'magenta';

/** Applies terminal styles (ANSI SGR, Node's own table), or nothing when colour is off. */
export type Paint = (style: StyleName | StyleName[], text: string) => string;

export function painter(enabled: boolean): Paint {
  if (!enabled) return (_style, text) => text;
  return (style, text) =>
    (Array.isArray(style) ? style : [style]).reduceRight((inner, name) => {
      const [open, close] = inspect.colors[name]!;
      return `\u001b[${open}m${inner}\u001b[${close}m`;
    }, text);
}
