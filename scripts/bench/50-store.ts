// The graph store against the file build on the same generated corpus (NorNE sentences, news-length documents,
// written to a temporary folder): documents per second and peak memory per process for `kg build -o` (the peer),
// and for `kg work` with one and two worker processes on SQLite and on a throwaway PostgreSQL cluster with its
// default durability; the export from the store; and the store page's time to its first neighbourhood against
// the graph-file viewer's time to its graph. The first part extracts with --no-syntax --no-tagger, so that the
// figures show what the store costs rather than the parser: KG_BENCH_STORE_DOCS documents (default 100,000);
// the second runs the whole extraction on KG_BENCH_STORE_FULL_DOCS documents (default 2,000).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchSection } from '../bench.js';
import { NORNE_DIR, writeCorpus } from '../gen-corpus.js';
import { postgresBin, startCluster } from '../pg-cluster.js';
import { printTable } from './lib.js';

const KG = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'bin', 'kg.js');
const DOCUMENTS = Number(process.env.KG_BENCH_STORE_DOCS ?? 100_000);
/** Documents of the second part, with the whole extraction (syntax stage and tagger), where extraction dominates. */
const FULL_DOCUMENTS = Number(process.env.KG_BENCH_STORE_FULL_DOCS ?? 2000);
const LIGHT = ['--no-syntax', '--no-tagger'];

const PRELOAD = `import { writeFileSync } from 'node:fs';
process.on('exit', () => writeFileSync(process.env.KG_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));
`;

interface Run {
  seconds: number;
  /** Peak resident memory of each process, MB. */
  peaks: number[];
}

let rssFiles = 0;
function kgProcess(dir: string, args: string[]): Promise<number> {
  const rssFile = join(dir, `rss-${++rssFiles}.txt`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', `file://${join(dir, 'preload.mjs')}`, KG, ...args], {
      cwd: dir,
      env: { ...process.env, KG_BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => (code === 0 ? resolve(Number(readFileSync(rssFile, 'utf8')) / 1024) : reject(new Error(`kg ${args.join(' ')} failed (${code}): ${stderr}`))));
  });
}

async function timed(runs: () => Promise<number>[]): Promise<Run> {
  const t = performance.now();
  const peaks = await Promise.all(runs());
  return { seconds: (performance.now() - t) / 1000, peaks };
}

function get(url: string): Promise<string> {
  return fetch(url).then((r) => {
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    return r.text();
  });
}

/** Starts `kg view …` and returns its URL (the line it prints) and a stop function. */
async function startView(dir: string, args: string[]): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [KG, 'view', ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = / at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('close', (code) => reject(new Error(`kg view stopped (${code})`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

const section: BenchSection = {
  title: `graph store: ${DOCUMENTS} generated documents into SQLite and PostgreSQL with 1 and 2 workers, against the file build (peer)`,
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'kg-bench-store-'));
    const cluster = postgresBin() ? await startCluster({ durable: true }) : undefined;
    try {
      const corpus = writeCorpus(join(dir, 'corpus.jsonl'), { documents: DOCUMENTS, seed: 5 });
      if (!corpus) {
        process.stdout.write(`skipped: NorNE not found in ${NORNE_DIR}\n`);
        return;
      }
      writeFileSync(join(dir, 'preload.mjs'), PRELOAD);
      process.stdout.write(`${corpus.documents} documents, ${(corpus.bytes / 1e6).toFixed(0)} MB of JSONL; ${availableParallelism()} cores; extraction ${LIGHT.join(' ')}; PostgreSQL: ${cluster ? 'throwaway cluster, default fsync' : 'not installed'}\n`);

      const rows: string[][] = [];
      const row = (name: string, run: Run, peer?: Run) =>
        rows.push([
          name,
          run.seconds.toFixed(1),
          (DOCUMENTS / run.seconds).toFixed(0),
          peer ? (peer.seconds / run.seconds).toFixed(2) : '1.00',
          run.peaks.map((p) => p.toFixed(0)).join(' + '),
        ]);

      const file1 = await timed(() => [kgProcess(dir, ['build', 'corpus.jsonl', '-o', 'file1.json', '--no-state', '--no-layout', '--quiet', '--jobs', '1', '--name', 'bench', ...LIGHT])]);
      const file2 = await timed(() => [kgProcess(dir, ['build', 'corpus.jsonl', '-o', 'file.json', '--no-state', '--no-layout', '--quiet', '--jobs', '2', '--name', 'bench', ...LIGHT])]);
      row('kg build -o (file), --jobs 1: peer of 1 worker', file1);
      row('kg build -o (file), --jobs 2: peer of 2 workers', file2);

      const stores: [string, (n: number) => string][] = [['SQLite', (n) => join(dir, `store${n}.sqlite`)]];
      if (cluster) {
        stores.push([
          'PostgreSQL',
          (n) => {
            cluster.createDatabase(`bench${n}`);
            return cluster.url(`bench${n}`);
          },
        ]);
      }
      let largest: string | undefined;
      let same = true;
      for (const [name, make] of stores) {
        for (const workers of [1, 2]) {
          const url = make(workers);
          const queued = await timed(() => [kgProcess(dir, ['build', 'corpus.jsonl', '--store', url, '--queue-only', '--quiet', '--name', 'bench', ...LIGHT])]);
          row(`${name}: kg build --queue-only`, queued);
          const work = await timed(() => Array.from({ length: workers }, () => kgProcess(dir, ['work', '--store', url, '--jobs', '1', '--quiet'])));
          row(`${name}: kg work × ${workers} (--jobs 1 each)`, work, workers === 1 ? file1 : file2);
          largest = url;
          if (workers === 2) {
            const out = `export-${name}.json`;
            const run = await timed(() => [kgProcess(dir, ['export', '--store', url, '-o', out, '--no-layout'])]);
            row(`${name}: kg export --store --no-layout`, run);
            same &&= readFileSync(join(dir, out), 'utf8') === readFileSync(join(dir, 'file.json'), 'utf8');
          }
        }
      }
      printTable(['run', 'wall s', 'docs/s', '× peer speed', 'peak MB per process'], rows);
      process.stdout.write(`the exported graphs equal the file build's: ${same ? 'yes' : 'NO'}\n`);

      // The whole extraction on a smaller corpus: what the store costs when extraction takes its usual time.
      if (FULL_DOCUMENTS > 0) {
        writeCorpus(join(dir, 'full.jsonl'), { documents: FULL_DOCUMENTS, seed: 6 });
        const full: string[][] = [];
        const fullRow = (name: string, run: Run, peer?: Run) =>
          full.push([name, run.seconds.toFixed(1), (FULL_DOCUMENTS / run.seconds).toFixed(1), peer ? (peer.seconds / run.seconds).toFixed(2) : '1.00', run.peaks.map((p) => p.toFixed(0)).join(' + ')]);
        const peer = await timed(() => [kgProcess(dir, ['build', 'full.jsonl', '-o', 'full.json', '--no-state', '--no-layout', '--quiet', '--jobs', '2', '--name', 'bench'])]);
        fullRow('kg build -o (file), --jobs 2 (peer)', peer);
        let fullSame = true;
        for (const [name, make] of stores) {
          const url = make(3);
          await kgProcess(dir, ['build', 'full.jsonl', '--store', url, '--queue-only', '--quiet', '--name', 'bench']);
          fullRow(`${name}: kg work × 2 (--jobs 1 each)`, await timed(() => [1, 2].map(() => kgProcess(dir, ['work', '--store', url, '--jobs', '1', '--quiet']))), peer);
          await kgProcess(dir, ['export', '--store', url, '-o', `full-${name}.json`, '--no-layout']);
          fullSame &&= readFileSync(join(dir, `full-${name}.json`), 'utf8') === readFileSync(join(dir, 'full.json'), 'utf8');
        }
        process.stdout.write(`\nthe whole extraction (syntax stage and tagger) on ${FULL_DOCUMENTS} other documents:\n`);
        printTable(['run', 'wall s', 'docs/s', '× peer speed', 'peak MB per process'], full);
        process.stdout.write(`the exported graphs equal the file build's: ${fullSame ? 'yes' : 'NO'}\n`);
      }

      // The store page's first neighbourhood on the largest store, against the file viewer loading the whole graph.
      const t0 = performance.now();
      const view = await startView(dir, ['--store', largest!]);
      const api = new URL('../api/', view.url);
      const topText = await get(new URL('top?n=15', api).href);
      const top = JSON.parse(topText) as { key: string }[];
      const tTop = performance.now();
      const first = await get(new URL(`neighbourhood?key=${encodeURIComponent(top[0]!.key)}`, api).href);
      const tFirst = performance.now();
      view.stop();
      const f0 = performance.now();
      const fileView = await startView(dir, ['file.json']);
      const whole = await get(new URL('graph.json', fileView.url).href);
      const fFirst = performance.now();
      fileView.stop();
      printTable(
        ['viewer', 'ms to first piece', 'bytes sent', '× peer'],
        [
          ['kg view file.json: whole graph (peer)', (fFirst - f0).toFixed(0), String(Buffer.byteLength(whole)), '1.00'],
          [`kg view --store (${stores.at(-1)![0]}): top 15 + first neighbourhood`, (tFirst - t0).toFixed(0), String(Buffer.byteLength(topText) + Buffer.byteLength(first)), ((fFirst - f0) / (tFirst - t0)).toFixed(2)],
          ['  of which the top list', (tTop - t0).toFixed(0), '-', ''],
        ],
      );
    } finally {
      cluster?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default section;
