import { createInterface } from 'node:readline';
import type { ConceptEngine } from '../answer/ConceptEngine.js';
import { lookupValue } from '../answer/LookupIndex.js';
import type { Answer, RankedSection } from '../answer/types.js';
import { answerLearningEvent } from '../learn/answerLearningEvent.js';
import type { LearningLog } from '../learn/types.js';
import { colorEnabled, type OutputStream } from './colorSupport.js';
import { formatAnswer } from './formatAnswer.js';
import { PasteCollector } from './PasteCollector.js';
import { MAX_LINE_BYTES, readLines } from './readLines.js';
import { painter } from './style.js';
import { terminalWidth } from './terminalWidth.js';
import { hangingWrap } from './wrapText.js';

const PROMPT = '> ';
const CONTINUATION = '… ';
const BRACKETED_PASTE_ON = '\u001b[?2004h';
const BRACKETED_PASTE_OFF = '\u001b[?2004l';

export interface ConsoleOptions {
  getEngine: () => ConceptEngine;
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream & OutputStream;
  /** Where the banner and notices go when the console is not interactive (stderr). */
  errors: NodeJS.WritableStream;
  /** Only the best point of each answer. */
  brief?: boolean;
  /** Said once at the start: what this is and how to leave. */
  banner: string;
  env?: NodeJS.ProcessEnv;
  /**
   * Where a person's questions at the terminal go, as the bot's do: unanswered, only offered, and the
   * offer they then picked, so that `npm run report -- --apply` learns from them. A pipe records nothing.
   */
  learningLog?: LearningLog;
}

/** The user id the console's learning events carry (hashed by the log, as every user id is). */
const CONSOLE_USER = 'console';

export interface RunningConsole {
  /** Shows a line of news (a knowledge reload) without breaking the line being typed. */
  notify(message: string): void;
  /** Resolves at the end of input (Ctrl-D, or the pipe closing) with the number of questions answered. */
  finished: Promise<number>;
}

/**
 * The local console. On a terminal (stdin and stdout both TTYs): line editing and history (readline in
 * terminal mode), a prompt, a pasted block read as one question, Ctrl-C clearing the line (quitting on an
 * empty one). Otherwise it reads stdin line by line, one question a line, with no prompt, the banner and
 * notices on stderr. In both, answers are rendered for the output (colour, width) and a number picks one
 * of the sections the last answer offered.
 */
export function startConsole(options: ConsoleOptions): RunningConsole {
  const session = new ConsoleSession(options);
  const interactive = options.input.isTTY === true && options.output.isTTY === true;
  return interactive ? session.interactive() : session.piped();
}

class ConsoleSession {
  private offers: RankedSection[] = [];
  private answered = 0;
  /** Set on a terminal: a person is asking, and what they ask and pick is recorded. */
  private learning: LearningLog | undefined;
  /** The question the offers were "did you mean" offers for, until one is picked. */
  private offeredFor: string | undefined;

  constructor(private readonly options: ConsoleOptions) {}

  piped(): RunningConsole {
    const { errors, banner } = this.options;
    errors.write(`${banner}\n`);
    const finished = (async () => {
      for await (const line of readLines(this.options.input)) {
        if (!line.text.trim()) continue;
        this.ask(line.text, line.cut ? line.bytes : undefined);
      }
      return this.answered;
    })();
    return { notify: (message) => errors.write(`${message}\n`), finished };
  }

  interactive(): RunningConsole {
    const { input, output, banner } = this.options;
    this.learning = this.options.learningLog;
    const history: string[] = [];
    const rl = createInterface({
      input,
      output,
      terminal: true,
      prompt: PROMPT,
      history,
      historySize: 1000,
      removeHistoryDuplicates: true,
    });
    const prompt = (text = PROMPT) => {
      rl.setPrompt(text);
      rl.prompt(true);
    };
    const collector = new PasteCollector({
      continued: () => prompt(CONTINUATION),
      typeahead: () => rl.line.length > 0,
      question: (text) => {
        if (text.includes('\n')) rememberAsOneLine(history, text);
        if (text.trim()) {
          const bytes = Buffer.byteLength(text);
          this.ask(
            bytes > MAX_LINE_BYTES ? cutToBytes(text, MAX_LINE_BYTES) : text,
            bytes > MAX_LINE_BYTES ? bytes : undefined,
          );
        }
        if (!closed) prompt();
      },
    });
    const onKey = (_char: string | undefined, key: { name?: string } | undefined) => {
      if (key?.name === 'paste-start') collector.pasteStart();
      if (key?.name === 'paste-end') collector.pasteEnd();
    };
    input.on('keypress', onKey);
    rl.on('line', (line) => collector.line(line));
    rl.on('SIGINT', () => {
      if (!collector.collecting && rl.line === '') return rl.close();
      collector.clear();
      rl.write(null, { ctrl: true, name: 'e' }); // to the end of the line being edited,
      rl.write(null, { ctrl: true, name: 'u' }); // then delete all of it
      output.write('^C\n');
      prompt();
    });

    let closed = false;
    const pasteOff = () => output.write(BRACKETED_PASTE_OFF);
    process.once('exit', pasteOff);
    output.write(
      `${hangingWrap(banner, terminalWidth(output, this.options.env), '').join('\n')}\n${BRACKETED_PASTE_ON}`,
    );
    prompt();
    const finished = new Promise<number>((resolve) => {
      rl.once('close', () => {
        closed = true;
        collector.close();
        input.off('keypress', onKey);
        pasteOff();
        process.off('exit', pasteOff);
        output.write('\n');
        resolve(this.answered);
      });
    });
    const notify = (message: string) => {
      if (closed) return void this.options.errors.write(`${message}\n`);
      output.write(`\r\u001b[2K${painter(this.color)('dim', message)}\n`);
      rl.prompt(true);
    };
    return { notify, finished };
  }

  private get color(): boolean {
    return colorEnabled(this.options.output, this.options.env);
  }

  /** Answers a question, or opens an offer of the last answer when the question is its number. */
  private ask(question: string, cutFromBytes?: number): void {
    const { output, getEngine, env } = this.options;
    const engine = getEngine();
    const pick = /^\s*(\d{1,3})\s*$/.exec(question);
    let answer: Answer;
    let picked = false;
    if (pick && this.offers.length) {
      const n = Number(pick[1]);
      const offer = this.offers[n - 1];
      if (!offer) {
        output.write(`Pick a number from 1 to ${this.offers.length}, or ask a question.\n\n`);
        return;
      }
      answer = {
        question,
        kind: 'answer',
        match: offer,
        suggestions: this.offers.filter((o) => o !== offer),
        reason: null,
        unknownLanguages: [],
      };
      picked = true;
      if (this.offeredFor !== undefined) {
        this.learning?.record({
          type: 'suggestion-picked',
          question: this.offeredFor,
          userId: CONSOLE_USER,
          entry: lookupValue(offer.topic, offer.section),
        });
      }
      this.offeredFor = undefined;
    } else {
      answer = engine.ask(question);
      const event = answerLearningEvent(answer, question, CONSOLE_USER);
      if (event) this.learning?.record(event);
      this.offeredFor = answer.kind === 'suggest' ? question : undefined;
    }
    this.offers = answer.suggestions;
    const paint = painter(this.color);
    const notice = cutFromBytes
      ? `${paint('dim', `(That question is ${size(cutFromBytes)} long; I read its first ${size(MAX_LINE_BYTES)}.)`)}\n`
      : '';
    const text = formatAnswer(answer, engine.knowledge, {
      width: terminalWidth(output, env),
      color: this.color,
      brief: this.options.brief ?? false,
      pickable: true,
      picked,
    });
    output.write(`${notice}${text}\n\n`);
    this.answered++;
  }
}

/** A pasted block goes into the history once, as one line, in place of its lines. */
function rememberAsOneLine(history: string[], question: string): void {
  const lines = new Set(question.split('\n'));
  let drop = 0;
  while (drop < history.length && lines.has(history[drop]!)) drop++;
  history.splice(0, drop, question.replace(/\s*\n\s*/g, ' ').trim());
}

function cutToBytes(text: string, bytes: number): string {
  return Buffer.from(text)
    .subarray(0, bytes)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
}

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
