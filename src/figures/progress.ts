/**
 * Progress of a figure run on stderr: a redrawn bar on a terminal (stderr is a TTY), plain
 * periodic lines otherwise (CI logs, pipes), and always one line when a phase ends.
 */

export interface ProgressSink {
  isTTY: boolean;
  write: (s: string) => void;
  columns?: number;
}

export function stderrSink(): ProgressSink {
  return { isTTY: process.stderr.isTTY === true, write: (s) => process.stderr.write(s), columns: process.stderr.columns };
}

export function fmtDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

export class Progress {
  private readonly start = Date.now();
  private lastDraw = 0;
  private lastLine = 0;
  private drawn = false;

  constructor(
    private readonly label: string,
    private readonly sink: ProgressSink,
    private readonly lineEveryMs = 10_000,
  ) {}

  update(done: number, total: number, finished: number, tasks: number): void {
    const now = Date.now();
    const frac = total > 0 ? Math.min(1, done / total) : 1;
    const elapsed = now - this.start;
    const eta = frac > 0.02 ? (elapsed * (1 - frac)) / frac : NaN;
    const tail = `${(100 * frac).toFixed(0).padStart(3)}% ${finished}/${tasks} tasks, ${fmtDuration(elapsed)} elapsed${Number.isFinite(eta) ? `, ~${fmtDuration(eta)} left` : ''}`;
    if (this.sink.isTTY) {
      if (now - this.lastDraw < 100 && finished < tasks) return;
      this.lastDraw = now;
      const width = Math.max(10, Math.min(40, (this.sink.columns ?? 100) - this.label.length - tail.length - 6));
      const fill = Math.round(frac * width);
      this.sink.write(`\r\x1b[2K${this.label} [${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${tail}`);
      this.drawn = true;
    } else if (now - this.lastLine >= this.lineEveryMs && finished < tasks) {
      this.lastLine = now;
      this.sink.write(`${this.label}: ${tail}\n`);
    }
  }

  /** Ends the bar with a summary line. */
  done(summary: string): void {
    if (this.drawn) this.sink.write('\r\x1b[2K');
    this.sink.write(`${this.label}: ${summary}\n`);
  }
}
