// The progress line of long builds: what it says (rate, percentage, ETA) and when it draws (not for short
// runs, at most every interval, cleared at the end), on a fake clock.
import { describe, expect, it } from 'vitest';
import { formatProgress, Progress } from '../../src/cli/progress.js';

describe('formatProgress', () => {
  const table: { name: string; state: Parameters<typeof formatProgress>[0]; expected: string }[] = [
    { name: 'unknown total (stdin)', state: { documents: 120, bytes: 5000, elapsedMs: 4000 }, expected: 'kg: 120 documents, 30.0 docs/s' },
    { name: 'with a total: percentage and ETA', state: { documents: 300, bytes: 250, totalBytes: 1000, elapsedMs: 20_000 }, expected: 'kg: 300 documents, 15.0 docs/s, 25%, ETA 1m00s' },
    { name: 'hours', state: { documents: 1, bytes: 1, totalBytes: 1000, elapsedMs: 10_000 }, expected: 'kg: 1 document, 0.1 docs/s, 0%, ETA 2h46m' },
    { name: 'done: no ETA', state: { documents: 10, bytes: 1000, totalBytes: 1000, elapsedMs: 2000 }, expected: 'kg: 10 documents, 5.0 docs/s, 100%' },
  ];
  for (const { name, state, expected } of table) it(name, () => expect(formatProgress(state)).toBe(expected));
});

describe('Progress', () => {
  function run(steps: { at: number; documents: number }[]): string[] {
    let now = 0;
    const out: string[] = [];
    const progress = new Progress({ write: (s) => out.push(s), totalBytes: 100, delayMs: 1000, intervalMs: 200, now: () => now });
    for (const step of steps) {
      now = step.at;
      progress.update(step.documents, step.documents);
    }
    progress.done();
    return out;
  }

  it('stays silent on a short run', () => {
    expect(run([{ at: 100, documents: 5 }, { at: 900, documents: 50 }])).toEqual([]);
  });

  it('redraws one line in place at most every interval, and clears it at the end', () => {
    const out = run([
      { at: 1000, documents: 10 },
      { at: 1100, documents: 11 },
      { at: 1300, documents: 13 },
    ]);
    expect(out).toEqual(['\r\x1b[2Kkg: 10 documents, 10.0 docs/s, 10%, ETA 9s', '\r\x1b[2Kkg: 13 documents, 10.0 docs/s, 13%, ETA 9s', '\r\x1b[2K']);
  });
});
