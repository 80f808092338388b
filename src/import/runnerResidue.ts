/**
 * What local model runners (Ollama, llama.cpp, LM Studio) and terminals print besides an answer: the
 * patterns the importer strips (`stripRunnerOutput`) and the checker flags when they are left in a topic.
 */

/** Ollama `--verbose`: `total duration:       21.4s` … `eval rate:            73.40 tokens/s`. */
export const STAT_LINE =
  /^\s*(?:total duration|load duration|prompt eval duration|eval duration|prompt eval count|eval count|prompt eval rate|eval rate):\s+\d[\d.,]*(?:[a-zµμ]+[\d.,]*)*\s*(?:token\(s\)|tokens\/s)?\s*$/i;
/** llama.cpp's timing report, which no answer contains. */
export const TIMINGS = /^\s*(?:llama_print_timings|llama_perf_\w+_print|common_perf_print):/;
/** `[INST] question [/INST]` echoed before the answer. */
export const ECHOED_PROMPT = /^\s*\[INST\]\s*([\s\S]*?)\s*\[\/INST\]\s*/;
/** End-of-text markers and end-of-turn tokens left at the end of a line. */
export const END_MARKERS = /\s*(?:\[end of text\]|<\|(?:im_end|eot_id|endoftext|end)\|>|<\/s>)\s*$/g;
/** `$ ollama run …`, `user@host:~$ llama-cli …`, `% aichat …`, `PS C:\> ollama run …`. */
export const SHELL_PROMPT =
  /^(?:(?:\([\w.-]+\)\s*)?[\w.-]+@[\w.-]+(?::\S*)?\s*)?(?:[$%❯➜]|PS [A-Z]:\\[^>]*>)\s+(\S.*)$/;
/** Ollama's REPL prompt with what was typed after it. */
export const REPL_PROMPT = /^>>>\s+(\S.*)$/;
export const SEND_A_MESSAGE = /^Send a message \(\/\? for help\)$/;
/** Ollama's replies to REPL commands (`/set verbose`, `/bye`). */
export const OLLAMA_REPLY =
  /^(?:Set '[\w ]+' mode\.|Set parameter '\w+' to '.*'|Use Ctrl \+ d or \/bye to exit\.|Send a message \(\/\? for help\))$/;
/** A line of llama.cpp's start-up log. */
export const LOG_LINE =
  /^(?:Log start|Log end|build: |main: |llama_\w+: |llm_\w+: |ggml_\w+: |gguf_\w+: |clip_\w+: |load\w*: |print_info: |system_info: |sampling: ?|sampler \w+:|generate: |common_\w+: |== Running in interactive mode\. ==| - Press |warning: not compiled)/;
/** A model id as LM Studio shows it over the answer (`qwen2.5-7b-instruct`). */
export const MODEL_ID = /^(?=.*\d)[\w.-]+(?:\/[\w.-]+)?(?:@[\w.-]+)?$/;
/** `38.62 tok/sec • 1142 tokens • 0.41s to first token • Stop reason: EOS Token Found`. */
export const LM_STUDIO_FOOTER =
  /^\d[\d.,]*\s*tok\/sec\b.*$|^Stop reason: .*$|^Thought for [\d.]+ (?:seconds?|s)$/;

/** Markers no answer contains, wherever they stand in a line. */
const MARKER =
  // eslint-disable-next-line no-control-regex -- an escape code is one of the markers
  /\[\/?INST\]|\[end of text\]|<\|(?:im_start|im_end|eot_id|endoftext|end|start_header_id|end_header_id)\|>|<\/?think>|\.\.\.done thinking\.|\b(?:llama|llm|ggml)_\w+:|\bsystem_info:|Send a message \(\/\? for help\)|\btok\/sec\b|\u001b\[/;
/** A prompt line running a known model runner. */
const RUNNER_COMMAND =
  /^(?:[$%❯➜]|PS [A-Z]:\\[^>]*>)\s+(?:ollama|llama-cli|llama-server|\.\/main|\.\/llama\S*|lms|aichat|llm|mlx_lm\S*|koboldcpp|gpt4all)\b/;

/**
 * The first trace of model-runner or terminal output in one line of a topic's text, if any: prompts,
 * statistics, logs, end-of-turn tokens, reasoning markers, escape codes. Code spans do not count.
 */
export function runnerResidueIn(line: string): string | undefined {
  const text = line.replace(/(`+)[^`]*?\1/g, '');
  const marker = MARKER.exec(text);
  if (marker) return marker[0] === '\u001b[' ? 'an ANSI escape code' : marker[0];
  const trimmed = text.trim();
  if (trimmed === 'Thinking...' || trimmed === '>>>') return trimmed;
  for (const pattern of [STAT_LINE, TIMINGS, RUNNER_COMMAND, REPL_PROMPT, OLLAMA_REPLY, LM_STUDIO_FOOTER]) {
    if (pattern.test(trimmed)) return trimmed.length > 50 ? `${trimmed.slice(0, 47)}…` : trimmed;
  }
  return undefined;
}
