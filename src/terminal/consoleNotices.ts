import type { LiveEngineLogger } from '../answer/LiveEngine.js';
import type { LogLevel } from '../config/env.js';

const SEVERITY: Record<LogLevel, number> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
  silent: Infinity,
};

/**
 * The live engine's reports as console lines: a reload with its section count and the files that
 * changed, a rejected edit with its file and line. `LOG_LEVEL` filters them as it filters the bot's log.
 */
export function consoleNotices(level: LogLevel, show: (message: string) => void): LiveEngineLogger {
  const at = (severity: LogLevel) => SEVERITY[severity] >= SEVERITY[level];
  return {
    info(obj, msg) {
      if (!at('info')) return;
      const { sections, changed } = obj as { sections?: number; changed?: string[] };
      const files = changed?.length ? ` (${changed.join(', ')})` : '';
      show(sections === undefined ? msg : `${msg}: ${sections} sections${files}`);
    },
    warn(_obj, msg) {
      if (at('warn')) show(msg);
    },
    error(_obj, msg) {
      if (at('error')) show(msg);
    },
  };
}
