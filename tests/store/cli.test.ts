// kg build --store, kg work, kg export/stats --store and kg store status, as a user runs them, on SQLite and on a
// throwaway PostgreSQL cluster: the store's graph equals the file build's, a worker killed with SIGKILL mid-run
// loses nothing, and two workers at once commit every document once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphStore } from '../../src/store/index.js';
import { KG, ROOT, kg, tempDir } from '../cli/helpers.js';
import { postgresAvailable, startCluster, type Cluster } from '../../scripts/pg-cluster.js';
import { storeCorpus, writeCorpus } from './corpus.js';

const DOCS = 160;
let dir: string;
let corpus: string;
let fileGraph: string;
let cluster: Cluster | undefined;
let databases = 0;

beforeAll(async () => {
  dir = tempDir();
  corpus = join(dir, 'corpus.jsonl');
  writeCorpus(corpus, storeCorpus(DOCS));
  const built = kg(['build', corpus, '-o', join(dir, 'file.json'), '--name', 'archive', '--no-state', '--jobs', '2']);
  expect(built.code, built.stderr).toBe(0);
  fileGraph = readFileSync(join(dir, 'file.json'), 'utf8');
  if (postgresAvailable) cluster = await startCluster();
}, 180_000);
afterAll(() => cluster?.stop());

function start(args: string[]): { done: Promise<{ code: number | null; signal: string | null; stderr: string }>; kill: (signal: NodeJS.Signals) => void } {
  const child = spawn(process.execPath, [KG, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.resume();
  return {
    done: new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr }))),
    kill: (signal) => child.kill(signal),
  };
}

async function status(url: string) {
  const store = await GraphStore.open(url, { create: false });
  try {
    return (await store.status()).counts;
  } finally {
    await store.close();
  }
}

const backends: [string, () => string][] = [
  ['SQLite', () => join(tempDir(), 'archive.sqlite')],
  [
    'PostgreSQL',
    () => {
      const name = `cli${++databases}`;
      cluster!.createDatabase(name);
      return cluster!.url(name);
    },
  ],
];

describe.each(backends)('kg with a store on %s', (backend, makeUrl) => {
  const skip = backend === 'PostgreSQL' && !postgresAvailable;

  it.skipIf(skip)('builds into the store, and exports, counts and reports what a file build gives', () => {
    const url = makeUrl();
    const built = kg(['build', corpus, '--store', url, '--name', 'archive', '--jobs', '2']);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toMatch(new RegExp(`^kg: .*: queued ${DOCS} new, 0 changed \\(0 unchanged\\); extracted ${DOCS} in [0-9.]+ s; the store holds ${DOCS} done document\\(s\\)\\n$`));

    const out = tempDir();
    expect(kg(['export', '--store', url, '-o', join(out, 'store.json')]).code).toBe(0);
    expect(readFileSync(join(out, 'store.json'), 'utf8')).toBe(fileGraph);
    expect(kg(['export', '--store', url, '-o', join(out, 'store.gexf')]).code).toBe(0);
    expect(kg(['export', join(dir, 'file.json'), '-o', join(out, 'file.gexf')]).code).toBe(0);
    expect(readFileSync(join(out, 'store.gexf'), 'utf8')).toBe(readFileSync(join(out, 'file.gexf'), 'utf8'));

    const stats = kg(['stats', '--store', url, '--json']);
    expect(stats.code, stats.stderr).toBe(0);
    expect(stats.stdout).toBe(kg(['stats', join(dir, 'file.json'), '--json']).stdout);

    const report = kg(['store', 'status', url]);
    expect(report.stdout).toMatch(new RegExp(`: ${DOCS} document\\(s\\): ${DOCS} done, 0 queued, 0 running, 0 failed\\n$`));

    // Again: nothing new to extract. With other settings: refused, naming the store.
    const again = kg(['build', corpus, '--store', url]);
    expect(again.stderr).toMatch(new RegExp(`queued 0 new, 0 changed \\(${DOCS} unchanged\\); extracted 0 in`));
    // One article rewritten: only it is extracted again, and the graph is the file build's of the new corpus.
    const docs = storeCorpus(DOCS);
    docs[3] = { ...docs[3]!, text: 'Tyskland innfører nye sanksjoner mot Kina. Polen støtter Tyskland.' };
    const changedCorpus = join(out, 'changed.jsonl');
    writeCorpus(changedCorpus, docs);
    const changed = kg(['build', changedCorpus, '--store', url]);
    expect(changed.stderr).toMatch(new RegExp(`queued 0 new, 1 changed \\(${DOCS - 1} unchanged\\); extracted 1 in`));
    expect(kg(['export', '--store', url, '-o', join(out, 'changed-store.json')]).code).toBe(0);
    expect(kg(['build', changedCorpus, '-o', join(out, 'changed-file.json'), '--name', 'archive', '--no-state']).code).toBe(0);
    expect(readFileSync(join(out, 'changed-store.json'), 'utf8')).toBe(readFileSync(join(out, 'changed-file.json'), 'utf8'));
    expect(readFileSync(join(out, 'changed-store.json'), 'utf8')).toContain('germany->sanctions->china');

    const other = kg(['build', corpus, '--store', url, '--min-confidence', '0.5']);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/^kg: .*: the store was built with other extraction settings \(.*\): build with the same/);
  });

  it.skipIf(skip)('loses nothing when a worker is killed with SIGKILL mid-run: another takes its documents once their lease runs out', async () => {
    const url = makeUrl();
    const first = start(['build', corpus, '--store', url, '--name', 'archive', '--jobs', '1', '--lease', '2']);
    let counts = { queued: 0, running: 0, done: 0, failed: 0 };
    for (let i = 0; i < 600 && counts.done < 10; i++) {
      await new Promise((r) => setTimeout(r, 25));
      counts = await status(url).catch(() => counts);
    }
    first.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    counts = await status(url);
    // Killed mid-run: some documents done, the rest still queued or held by the dead worker.
    expect(counts.done).toBeGreaterThanOrEqual(10);
    expect(counts.done).toBeLessThan(DOCS);
    expect(counts.queued + counts.running).toBe(DOCS - counts.done);

    const second = kg(['work', '--store', url, '--jobs', '2', '--lease', '2']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(new RegExp(`extracted ${DOCS - counts.done} in`));
    expect(await status(url)).toEqual({ queued: 0, running: 0, done: DOCS, failed: 0 });
    const out = join(tempDir(), 'store.json');
    expect(kg(['export', '--store', url, '-o', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(fileGraph);
  });

  it.skipIf(skip)('lets two workers drain one queue: every document committed once, the same graph', async () => {
    const url = makeUrl();
    const queued = kg(['build', corpus, '--store', url, '--name', 'archive', '--queue-only']);
    expect(queued.stderr).toMatch(new RegExp(`queued ${DOCS} new, 0 changed \\(0 unchanged\\); left to \`kg work\` in [0-9.]+ s; the store holds 0 done document\\(s\\), ${DOCS} queued\\n$`));
    const [a, b] = await Promise.all([start(['work', '--store', url, '--jobs', '1']).done, start(['work', '--store', url, '--jobs', '1']).done]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const extracted = [a, b].map((r) => Number(/extracted (\d+)/.exec(r.stderr)?.[1]));
    expect(extracted[0]! + extracted[1]!).toBe(DOCS);
    expect(Math.min(...extracted)).toBeGreaterThan(0);
    const out = join(tempDir(), 'store.json');
    expect(kg(['export', '--store', url, '-o', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(fileGraph);
  });
});

describe('kg work --follow', () => {
  it('waits for documents queued later, extracts them, and stops cleanly on SIGTERM', async () => {
    const url = join(tempDir(), 'follow.sqlite');
    const small = join(tempDir(), 'small.jsonl');
    writeCorpus(small, storeCorpus(6, 3));
    expect(kg(['build', small, '--store', url, '--queue-only', '--name', 'later']).code).toBe(0);
    const worker = start(['work', '--store', url, '--follow', '--jobs', '1']);
    for (let i = 0; i < 400 && (await status(url)).done < 6; i++) await new Promise((r) => setTimeout(r, 50));
    expect((await status(url)).done).toBe(6);
    // The queue is empty now; the worker waits. More documents come, and it takes them.
    const more = join(tempDir(), 'more.jsonl');
    writeCorpus(more, storeCorpus(10, 3));
    expect(kg(['build', more, '--store', url, '--queue-only']).stderr).toMatch(/queued 4 new, 0 changed \(6 unchanged\)/);
    for (let i = 0; i < 400 && (await status(url)).done < 10; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await status(url)).toEqual({ queued: 0, running: 0, done: 10, failed: 0 });
    worker.kill('SIGTERM');
    const ended = await worker.done;
    expect(ended.code).toBe(0);
    expect(ended.stderr).toMatch(/stopping after the documents in hand/);
    expect(ended.stderr).toMatch(/extracted 10 in/);
  });
});

describe('store errors a user can fix', () => {
  it('says what is wrong in one line, exit 2', () => {
    const d = tempDir();
    const missing = kg(['export', '--store', join(d, 'none.sqlite'), '-o', join(d, 'x.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`kg: ${join(d, 'none.sqlite')}: no such store (make one with \`kg build CORPUS --store FILE\`)\n`);
    const both = kg(['build', corpus, '--store', join(d, 's.sqlite'), '-o', join(d, 'g.json')]);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe(`kg: ${join(d, 'g.json')}: --store keeps the graph in the store: write a file from it with \`kg export --store URL -o FILE\`\n`);
    const neither = kg(['stats']);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toBe('kg: no graph given: name a graph file, or a store with --store URL\n');
    const lease = kg(['build', corpus, '--lease', '5', '-o', join(d, 'g.json')]);
    expect(lease.stderr).toBe('kg: --lease: --lease goes with --store\n');
    // An export never replaces the store it reads.
    const store = join(d, 's2.sqlite');
    writeCorpus(join(d, 'one.jsonl'), storeCorpus(1));
    expect(kg(['build', join(d, 'one.jsonl'), '--store', store, '--queue-only']).code).toBe(0);
    const over = kg(['export', '--store', store, '-o', store, '--format', 'json']);
    expect(over.code).toBe(2);
    expect(over.stderr).toBe(`kg: ${store}: the output file is one of the inputs: choose another -o\n`);
    const work = kg(['work', '--store', join(d, 'none.sqlite')]);
    expect(work.code).toBe(2);
    expect(work.stderr).toMatch(/no such store/);
  });
});
