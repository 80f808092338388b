/** Quiet time after a line before deciding it was typed, not pasted: no one types a line this fast. */
export const PASTE_WINDOW_MS = 25;

export interface PasteCollectorEvents {
  /** A whole question: one typed line, or a pasted block with the line typed after it. May be blank. */
  question(text: string): void;
  /** A pasted block is being collected: show a continuation prompt. */
  continued(): void;
  /** Whether text already follows the last line (a paste that did not end with a newline). */
  typeahead(): boolean;
}

/**
 * Turns terminal lines into questions so that a pasted multi-line block (code, a stack trace) is one
 * question, asked when the person next presses Enter (after adding words, if they like). A paste is
 * known by the terminal's bracketed-paste marks, or, where the terminal sends none, by lines arriving
 * together: several within PASTE_WINDOW_MS, or a line with more text right behind it.
 */
export class PasteCollector {
  private pending: string[] = [];
  private batch: string[] = [];
  private bracketed = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly events: PasteCollectorEvents,
    private readonly windowMs = PASTE_WINDOW_MS,
  ) {}

  /** Lines of a paste not yet asked. */
  get collecting(): boolean {
    return this.pending.length > 0 || this.batch.length > 0;
  }

  pasteStart(): void {
    this.bracketed = true;
  }

  pasteEnd(): void {
    this.bracketed = false;
  }

  line(text: string): void {
    if (this.bracketed) {
      this.pending.push(text);
      this.events.continued();
      return;
    }
    this.batch.push(text);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.settle(), this.windowMs);
  }

  /** Forgets a half-collected paste (Ctrl-C). */
  clear(): void {
    clearTimeout(this.timer);
    this.pending = [];
    this.batch = [];
  }

  /** End of input: whatever is collected is asked now. */
  close(): void {
    clearTimeout(this.timer);
    const lines = [...this.pending, ...this.batch].filter((line) => line.trim());
    this.clear();
    if (lines.length) this.events.question(lines.join('\n'));
  }

  private settle(): void {
    const batch = this.batch;
    this.batch = [];
    if (batch.length > 1 || this.events.typeahead()) {
      this.pending.push(...batch);
      this.events.continued();
      return;
    }
    const lines = [...this.pending, ...batch.filter((line) => line.trim())];
    this.pending = [];
    this.events.question(lines.join('\n'));
  }
}
