// Shared by the bench sections: repeated measurement (median and spread) and the aligned tables they print.

/** Median and half the range of a set of measurements. */
export function summarize(xs: number[]): { median: number; spread: number } {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, spread: (s[s.length - 1]! - s[0]!) / 2 };
}

/** "12.3 ± 0.4" with the precision given. */
export function withSpread(xs: number[], digits = 1, scale = 1): string {
  const { median, spread } = summarize(xs.map((x) => x * scale));
  return `${median.toFixed(digits)} ± ${spread.toFixed(digits)}`;
}

/** Runs `fn` `runs` times (after `warmup` unmeasured runs) and returns the wall time of each in seconds. */
export async function timeRuns(runs: number, fn: () => unknown | Promise<unknown>, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push((performance.now() - t) / 1000);
  }
  return out;
}

/** Prints rows as a table with a header rule; the first column left-aligned, the others right-aligned. */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  process.stdout.write(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const r of rows) process.stdout.write(`${line(r)}\n`);
}
