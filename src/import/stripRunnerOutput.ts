import {
  ECHOED_PROMPT,
  END_MARKERS,
  LM_STUDIO_FOOTER,
  LOG_LINE,
  MODEL_ID,
  OLLAMA_REPLY,
  REPL_PROMPT,
  SEND_A_MESSAGE,
  SHELL_PROMPT,
  STAT_LINE,
  TIMINGS,
} from './runnerResidue.js';

/** What a model runner printed around an answer, taken out of a capture. */
export interface RunnerOutput {
  text: string;
  /** What was removed, by kind, with how many lines (a line only partly removed counts too). */
  removed: Map<string, number>;
  /** The request the capture's prompt line or echo carried (`give me a breakdown of X`), if any. */
  prompt: string | undefined;
}

/**
 * Removes what local model runners print around an answer: a shell prompt line (`$ ollama run llama3
 * "…"`), REPL prompts and replies (Ollama's `>>> `, `Set 'verbose' mode.`, `Send a message (/? for help)`),
 * loader logs and timings (llama.cpp's `llama_model_loader:` … `llama_print_timings:`, `Log start`), the
 * echoed `[INST] … [/INST]` prompt and `[end of text]`, end-of-turn tokens, Ollama's `--verbose`
 * statistics, and LM Studio's copied chat header (`You`, the prompt, the model name) and
 * `tok/sec • … • Stop reason` footer. Logs and prompts are taken only before and after the answer;
 * markers that no answer contains (`[end of text]`, `llama_print_timings:`) wherever they are.
 */
export function stripRunnerOutput(text: string): RunnerOutput {
  const removed = new Map<string, number>();
  const count = (what: string) => removed.set(what, (removed.get(what) ?? 0) + 1);
  let prompt: string | undefined;
  const ask = (request: string) => {
    const cleaned = request.replace(/\[\/?INST\]/g, '').trim();
    if (cleaned && !cleaned.startsWith('/')) prompt ??= cleaned;
  };

  const lines = text.split('\n').map((line) => {
    let out = line;
    const echo = ECHOED_PROMPT.exec(out);
    if (echo) {
      ask(echo[1]!);
      out = out.replace(ECHOED_PROMPT, '');
    }
    out = out.replace(END_MARKERS, '');
    if (out !== line) count('echoed prompt and end markers');
    if (STAT_LINE.test(out)) {
      count('Ollama statistics');
      return undefined;
    }
    if (TIMINGS.test(out)) {
      count('llama.cpp timings');
      return undefined;
    }
    return out;
  });

  // Before the answer.
  let i = 0;
  let inLog = false;
  while (i < lines.length) {
    const line = lines[i];
    const trimmed = line?.trim();
    if (trimmed === undefined || trimmed === '') {
      i++;
      continue;
    }
    if (trimmed === 'You' && lines.slice(0, i).every((l) => !l?.trim())) {
      const model = lines.findIndex(
        (l, k) => k > i && k <= i + 12 && MODEL_ID.test(l?.trim() ?? '') && !lines[k - 1]?.trim(),
      );
      if (model !== -1) {
        ask(
          lines
            .slice(i + 1, model)
            .join(' ')
            .trim(),
        );
        for (let k = i; k <= model; k++) if (lines[k] !== undefined) count('LM Studio chat header');
        lines.fill(undefined, i, model + 1);
        i = model + 1;
        continue;
      }
    }
    const shell = SHELL_PROMPT.exec(trimmed);
    const repl = REPL_PROMPT.exec(trimmed);
    if (shell) {
      ask(/"([^"]+)"|'([^']+)'/.exec(shell[1]!)?.slice(1).find(Boolean) ?? shell[1]!.replace(/^\S+\s+/, ''));
      count('prompt line');
    } else if (repl) {
      if (!SEND_A_MESSAGE.test(repl[1]!)) ask(repl[1]!);
      count('Ollama prompt');
    } else if (OLLAMA_REPLY.test(trimmed)) {
      count('Ollama prompt');
    } else if (trimmed === 'Thinking...') {
      count('REPL residue "Thinking..."');
    } else if (LOG_LINE.test(line!) || (inLog && /^\t/.test(line!))) {
      inLog = true;
      count('llama.cpp log');
    } else break;
    lines[i] = undefined;
    i++;
  }

  // After the answer.
  for (let k = lines.length - 1; k >= i; k--) {
    const trimmed = lines[k]?.trim();
    if (trimmed === undefined || trimmed === '') continue;
    if (REPL_PROMPT.test(trimmed) || trimmed === '>>>') count('Ollama prompt');
    else if (trimmed === 'Log end' || LOG_LINE.test(lines[k]!)) count('llama.cpp log');
    else if (LM_STUDIO_FOOTER.test(trimmed)) count('LM Studio footer');
    else break;
    lines[k] = undefined;
  }

  const kept = lines.filter((l): l is string => l !== undefined);
  while (kept.length > 0 && !kept[0]!.trim()) kept.shift();
  while (kept.length > 0 && !kept[kept.length - 1]!.trim()) kept.pop();
  return { text: kept.join('\n'), removed, prompt };
}
