// An interrupted build leaves nothing behind: no `.kg-tmp-…` file (the build state's spool, an output being
// written) and no partial output; the exit code says which signal stopped it.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KG, ROOT, tempDir } from './helpers.js';

/** Resolves when `test()` holds (checked every 20 ms), rejects after `ms`. */
function until(test: () => boolean, ms: number): Promise<void> {
  return new Promise((done, fail) => {
    const started = Date.now();
    const tick = () => {
      if (test()) done();
      else if (Date.now() - started > ms) fail(new Error('condition not met'));
      else setTimeout(tick, 20);
    };
    tick();
  });
}

describe('kg build interrupted', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('by %s: exit %i, no temporary file and no output left', async (signal, code) => {
    const dir = tempDir();
    const input = join(dir, 'in');
    mkdirSync(input);
    const article = readFileSync(join(ROOT, 'corpus', 'nato-irak-2020.nb.txt'), 'utf8');
    // Enough documents that the build is still extracting when the signal comes.
    for (let k = 0; k < 400; k++) writeFileSync(join(input, `a${k}.nb.txt`), `${article}\n\nDokument ${k}.\n`);
    const out = join(dir, 'out');
    mkdirSync(out);
    const child = spawn(process.execPath, [KG, 'build', input, '-o', join(out, 'g.json'), '--no-layout', '--jobs', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
    const exited = new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    // The build state's spool exists from the start of extraction to the end of the run.
    await until(() => readdirSync(out).some((f) => f.startsWith('.kg-tmp-')), 30_000);
    child.kill(signal);
    expect(await exited).toBe(code);
    expect(readdirSync(out)).toEqual([]);
  }, 60_000);
});
