// Progress of a long `kg build` on a terminal: documents done, documents per second and an ETA, on one line
// that is rewritten in place and cleared at the end. Silent for short runs, pipes and --quiet.

export interface ProgressState {
  documents: number;
  /** Bytes of input consumed so far, and in all (when known: not for stdin). */
  bytes: number;
  totalBytes?: number;
  elapsedMs: number;
}

function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** The progress line: "kg: 1200 documents, 85.3 docs/s, 42%, ETA 1m10s". */
export function formatProgress(p: ProgressState): string {
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 ? p.documents / seconds : 0;
  let line = `kg: ${p.documents} document${p.documents === 1 ? '' : 's'}, ${rate.toFixed(1)} docs/s`;
  if (p.totalBytes !== undefined && p.totalBytes > 0) {
    const fraction = Math.min(1, p.bytes / p.totalBytes);
    line += `, ${Math.floor(fraction * 100)}%`;
    if (fraction > 0 && fraction < 1) line += `, ETA ${duration((p.elapsedMs * (1 - fraction)) / fraction)}`;
  }
  return line;
}

export interface ProgressOptions {
  write: (s: string) => void;
  totalBytes?: number;
  /** Nothing is shown before this much time has passed (short runs stay quiet). */
  delayMs?: number;
  /** Minimum time between two redraws. */
  intervalMs?: number;
  now?: () => number;
}

/** A progress line on a terminal; `update` is cheap to call per document, it redraws at most every interval. */
export class Progress {
  private readonly started: number;
  private lastDraw = -Infinity;
  private shown = false;
  private readonly now: () => number;

  constructor(private readonly options: ProgressOptions) {
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
  }

  update(documents: number, bytes: number): void {
    const t = this.now();
    const elapsedMs = t - this.started;
    if (elapsedMs < (this.options.delayMs ?? 1000) || t - this.lastDraw < (this.options.intervalMs ?? 200)) return;
    this.lastDraw = t;
    this.shown = true;
    const state: ProgressState = { documents, bytes, elapsedMs, ...(this.options.totalBytes !== undefined ? { totalBytes: this.options.totalBytes } : {}) };
    this.options.write(`\r\x1b[2K${formatProgress(state)}`);
  }

  /** Shows what a long step after the documents is doing ("laying out 12000 nodes"), if progress was shown. */
  note(message: string): void {
    if (!this.shown && this.now() - this.started < (this.options.delayMs ?? 1000)) return;
    this.shown = true;
    this.options.write(`\r\x1b[2Kkg: ${message}`);
  }

  /** Clears the line, so the summary that follows starts on a clean one. */
  done(): void {
    if (this.shown) this.options.write('\r\x1b[2K');
    this.shown = false;
  }
}
