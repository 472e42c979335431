// `kg build` on a generated corpus of 10,000 news-length documents assembled from NorNE sentences (written to a
// temporary folder, never to the repository): wall time and peak memory of the whole run, as a user runs it,
// and of an update that adds 100 new documents to the graph it built.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchSection } from '../bench.js';
import { NORNE_DIR, writeCorpus } from '../gen-corpus.js';
import { printTable, summarize, withSpread } from './lib.js';

const KG = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'bin', 'kg.js');
const DOCUMENTS = Number(process.env.KG_BENCH_DOCUMENTS ?? 10_000);
const RUNS = Number(process.env.KG_BENCH_CORPUS_RUNS ?? 3);
const TARGET_SECONDS = 120;
const TARGET_MB = 1024;

// Loaded with --import into the measured process: reports its peak resident memory (worker threads included).
const PRELOAD = `import { writeFileSync } from 'node:fs';
process.on('exit', () => writeFileSync(process.env.KG_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));
`;

interface RunResult {
  seconds: number;
  peakMb: number;
}

function runKg(dir: string, args: string[]): RunResult {
  const rssFile = join(dir, 'rss.txt');
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--import', `file://${join(dir, 'preload.mjs')}`, KG, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, KG_BENCH_RSS_FILE: rssFile },
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`kg ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { seconds, peakMb: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

const section: BenchSection = {
  title: `kg build on ${DOCUMENTS} generated news-length documents (median of ${RUNS} runs ± half the range)`,
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'kg-bench-corpus-'));
    try {
      const corpus = writeCorpus(join(dir, 'corpus.jsonl'), { documents: DOCUMENTS, seed: 1 });
      if (!corpus) {
        process.stdout.write(`skipped: NorNE not found in ${NORNE_DIR}\n`);
        return;
      }
      writeCorpus(join(dir, 'new.jsonl'), { documents: 100, seed: 2, prefix: 'new' });
      writeFileSync(join(dir, 'preload.mjs'), PRELOAD);
      const tokens = readFileSync(join(dir, 'corpus.jsonl'), 'utf8')
        .split('\n')
        .reduce((n, line) => (line ? n + (JSON.parse(line) as { text: string }).text.split(/\s+/).length : n), 0);
      process.stdout.write(`${corpus.documents} documents, ${tokens} tokens, ${(corpus.bytes / 1e6).toFixed(1)} MB of JSONL; ${availableParallelism()} cores\n`);

      const builds: RunResult[] = [];
      for (let r = 0; r < RUNS; r++) builds.push(runKg(dir, ['build', 'corpus.jsonl', '--quiet', '-o', 'graph.json']));
      const graph = JSON.parse(readFileSync(join(dir, 'graph.json'), 'utf8')) as { nodes: unknown[]; edges: unknown[] };
      const updates: RunResult[] = [];
      for (let r = 0; r < RUNS; r++) {
        copyFileSync(join(dir, 'graph.json'), join(dir, 'updated.json'));
        copyFileSync(join(dir, 'graph.json.kgstate'), join(dir, 'updated.json.kgstate'));
        updates.push(runKg(dir, ['build', '--update', 'updated.json', 'new.jsonl', '--quiet']));
      }

      const row = (name: string, runs: RunResult[], documents: number) => [
        name,
        withSpread(runs.map((x) => x.seconds), 1),
        withSpread(runs.map((x) => documents / x.seconds), 0),
        withSpread(runs.map((x) => x.peakMb), 0),
      ];
      printTable(
        ['run', 'wall s', 'docs/s', 'peak MB'],
        [row(`kg build (${DOCUMENTS} documents, default --jobs)`, builds, DOCUMENTS), row('kg build --update (+100 documents)', updates, 100)],
      );
      const wall = summarize(builds.map((b) => b.seconds)).median;
      const peak = summarize(builds.map((b) => b.peakMb)).median;
      process.stdout.write(
        `graph: ${graph.nodes.length} nodes, ${graph.edges.length} edges; targets: under ${TARGET_SECONDS} s (${wall <= TARGET_SECONDS ? 'met' : 'MISSED'}), ` +
          `under ${TARGET_MB} MB (${peak <= TARGET_MB ? 'met' : 'MISSED'})\n`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default section;
