// Builds into a graph store (`kg build CORPUS --store URL`), workers on any machine (`kg work --store URL`), and
// `kg store status`. The store holds the documents, the queue and what each document contributed; every worker
// extracts with the setup the first build recorded in it (settings, and the user's --kb, --frames and --model
// files themselves), so a machine added later needs nothing but the URL.
import type { Command } from 'commander';
import { createHash, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { KgError } from '../errors.js';
import { documentHash, type LanguageChoice } from '../pipeline.js';
import { DEFAULT_LEASE_MS, GraphStore, type EnqueueCounts, type QueuedDocument, type StoreSetup } from '../store/index.js';
import type { KnowledgeGraph } from '../graph/build.js';
import type { RecordedSettings } from '../graph/update.js';
import { layoutGraph, type SizeBy } from '../layout/index.js';
import { GENERATOR } from '../version.js';
import { defaultIo, parseNumber, type Io } from './common.js';
import { readBytes, readDocumentStream, readTextFile, stdinChunks, type StdinFormat } from './io.js';
import { chooseModel } from './model.js';
import { Progress } from './progress.js';
import { defaultJobs, extractorPool, type WorkerSetup } from './worker.js';
import type { KbFile } from '../kb/index.js';

/** What `kg build --store` resolved: the settings, and the user's files they fingerprint. */
export interface StoreBuildInput {
  settings: RecordedSettings;
  kb: KbFile[];
  frames: string[];
  model: string | false | undefined;
}

/** The setup a build records in a store: settings plus the contents of the files they name. */
export function storeSetupOf(input: StoreBuildInput): StoreSetup {
  return {
    settings: input.settings,
    kb: input.kb,
    frames: input.frames.map((p) => ({ where: p, text: readTextFile(p) })),
    ...(typeof input.model === 'string' ? { model: Buffer.from(readBytes(input.model)).toString('base64') } : {}),
  };
}

/** The worker setup of a store's recorded setup; refuses a store whose shipped models this kg does not have. */
export function workerSetupOf(setup: StoreSetup, where: string): WorkerSetup {
  const s = setup.settings;
  let model: WorkerSetup['model'];
  if (setup.model !== undefined) {
    const bytes = Buffer.from(setup.model, 'base64');
    if (createHash('sha256').update(bytes).digest('hex') !== s.model) throw new KgError('INVALID_GRAPH', 'the tagger model kept in the store does not match its recorded hash', where);
    model = new Uint8Array(bytes);
  } else if (s.model === 'none') {
    model = false;
  } else {
    if (chooseModel({}).hash !== s.model) {
      throw new KgError('INVALID_SETTING', 'the store was built with other shipped tagger models than this kg has: run `kg work` with the kg version that built it', where);
    }
    model = undefined;
  }
  return {
    kb: setup.kb,
    model,
    ...(s.syntax === false ? { syntax: false as const } : {}),
    ...(setup.frames.length > 0 ? { frames: setup.frames } : {}),
    settings: { minConfidence: s.minConfidence, keepNonAsserted: !s.dropUnasserted },
  };
}

export interface DrainOptions {
  jobs: number;
  /** Keep waiting for documents when the queue is empty (until interrupted). */
  follow: boolean;
  leaseMs: number;
  /** How long to wait between two looks at a queue that has nothing to take (ms). */
  pollMs?: number;
  io: Io;
  quiet: boolean;
  /** Stops the loop (between documents) when it returns true. */
  stopping?: () => boolean;
}

export interface DrainCounts {
  extracted: number;
  failed: number;
  /** Documents this worker extracted but could not commit: another worker had taken them (lease ran out). */
  lost: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref?.());

/**
 * Takes documents from the store's queue and extracts them until none is queued or being extracted elsewhere
 * (a document whose worker was lost is taken again once its lease runs out), or for ever with `follow`. Each
 * document is committed in one transaction, only while this worker still holds it; leases are renewed while
 * documents are being extracted.
 */
export async function drainStore(store: GraphStore, setup: StoreSetup, options: DrainOptions): Promise<DrainCounts> {
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  // Worker threads even for one job: this thread stays free to renew leases and commit while documents are extracted.
  const pool = extractorPool(options.jobs, workerSetupOf(setup, store.where), { threads: true });
  const held = new Set<string>();
  const counts: DrainCounts = { extracted: 0, failed: 0, lost: 0 };
  const progress = !options.quiet && options.io === defaultIo && process.stderr.isTTY ? new Progress({ write: options.io.err }) : undefined;
  let renewal: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    renewal = store.renew(owner, [...held], options.leaseMs).catch((e: Error) => options.io.err(`kg: warning: ${store.where}: could not renew leases: ${e.message}\n`));
  }, Math.max(50, Math.floor(options.leaseMs / 3)));
  let seq = 0;
  const pollMs = options.pollMs ?? Math.min(1000, Math.max(50, Math.floor(options.leaseMs / 4)));
  // A window of documents in flight: more are taken while half of it is still being extracted, so the
  // extraction threads never wait for the database, and the database is asked once for several documents.
  const window = Math.max(16, options.jobs * 16);
  const active = new Set<Promise<void>>();
  let extracting = 0;
  const extract = async ({ document, hash }: { document: QueuedDocument; hash: string }) => {
    extracting++;
    const r = await pool.run({ seq: seq++, document, lang: setup.settings.lang as LanguageChoice }).finally(() => extracting--);
    if (r.kind === 'done') {
      if (await store.commit(owner, hash, r.contribution)) counts.extracted++;
      else counts.lost++;
    } else {
      const message = r.kind === 'failed' ? `extraction failed: ${r.message}` : 'extraction failed';
      if (await store.fail(owner, document.id, message)) {
        counts.failed++;
        options.io.err(`${progress ? '\r\x1b[2K' : ''}kg: warning: ${document.id}: ${message}\n`);
      }
    }
    held.delete(document.id);
    progress?.update(counts.extracted + counts.failed, 0);
  };
  try {
    for (;;) {
      if (options.stopping?.()) break;
      // Documents being committed do not count: a slow database must not leave the extraction threads idle.
      if (extracting <= window / 2 && active.size < window * 4) {
        const batch = await store.claim(owner, window - extracting, options.leaseMs);
        for (const d of batch) {
          held.add(d.document.id);
          const p: Promise<void> = extract(d).finally(() => active.delete(p));
          active.add(p);
        }
        if (batch.length === 0 && active.size === 0) {
          const { counts: c } = await store.status();
          if (!options.follow && c.queued === 0 && c.running === 0) break;
          await sleep(pollMs);
          continue;
        }
      }
      if (active.size > 0) await Promise.race(active);
    }
    await Promise.all(active);
  } finally {
    clearInterval(timer);
    await renewal;
    progress?.done();
    await pool.close();
    await store.release(owner, [...held]).catch(() => undefined);
  }
  return counts;
}

/** Reads the inputs and queues their documents in the store, in transactions of a few hundred documents. */
export async function enqueueInputs(
  store: GraphStore,
  inputs: string[],
  options: { stdinFormat: StdinFormat; io: Io },
): Promise<EnqueueCounts & { skipped: number }> {
  const totals = { added: 0, changed: 0, unchanged: 0, skipped: 0 };
  let batch: { document: QueuedDocument; hash: string }[] = [];
  const flush = async () => {
    const c = await store.enqueue(batch);
    totals.added += c.added;
    totals.changed += c.changed;
    totals.unchanged += c.unchanged;
    batch = [];
  };
  const seen = new Map<string, string>();
  for await (const event of readDocumentStream(inputs, { stdin: stdinChunks, stdinFormat: options.stdinFormat })) {
    if (event.kind === 'skipped') {
      totals.skipped++;
      options.io.err(`kg: warning: skipped ${event.skipped.where}: ${event.skipped.reason}\n`);
      continue;
    }
    const { document, where } = event;
    const first = seen.get(document.id);
    if (first !== undefined) {
      totals.skipped++;
      options.io.err(`kg: warning: skipped ${where}: duplicate document id "${document.id}" (also in ${first})\n`);
      continue;
    }
    seen.set(document.id, where);
    batch.push({ document: { ...document }, hash: documentHash(document.text) });
    if (batch.length >= 250) await flush();
  }
  await flush();
  return totals;
}

/** `kg build CORPUS --store URL`: records the setup (or checks it against the recorded one), queues, extracts. */
export async function runStoreBuild(
  inputs: string[],
  url: string,
  input: StoreBuildInput,
  opts: { jobs?: number; name?: string; quiet?: boolean; strict?: boolean; stdinFormat: StdinFormat; lease?: number; queueOnly?: boolean },
  io: Io,
): Promise<void> {
  const started = performance.now();
  const store = await GraphStore.open(url, { create: true });
  try {
    const mine = storeSetupOf(input);
    const recorded = await store.recordSetup(mine, opts.name);
    if (JSON.stringify(recorded.settings) !== JSON.stringify(mine.settings)) {
      throw new KgError(
        'INVALID_SETTING',
        `the store was built with other extraction settings (${JSON.stringify(recorded.settings)}, now ${JSON.stringify(mine.settings)}): build with the same --lang, --min-confidence, --drop-unasserted, --kb and --frames files, tagger model and --no-syntax, or use another store`,
        store.where,
      );
    }
    const queued = await enqueueInputs(store, inputs, { stdinFormat: opts.stdinFormat, io });
    if (queued.added + queued.changed + queued.unchanged === 0) throw new KgError('INPUT_EMPTY', 'no readable documents', inputs.join(' '));
    const done = opts.queueOnly
      ? { extracted: 0, failed: 0, lost: 0 }
      : await drainStore(store, recorded, { jobs: opts.jobs ?? defaultJobs(), follow: false, leaseMs: opts.lease ?? DEFAULT_LEASE_MS, io, quiet: !!opts.quiet });
    const status = await store.status();
    if (!opts.quiet) {
      io.err(
        `kg: ${store.where}: queued ${queued.added} new, ${queued.changed} changed (${queued.unchanged} unchanged${queued.skipped ? `, ${queued.skipped} skipped` : ''}); ${opts.queueOnly ? 'left to `kg work`' : `extracted ${done.extracted}${done.failed ? `, ${done.failed} failed` : ''}`} in ${((performance.now() - started) / 1000).toFixed(1)} s; the store holds ${status.counts.done} done document(s)${status.counts.queued ? `, ${status.counts.queued} queued` : ''}${status.counts.failed ? `, ${status.counts.failed} failed` : ''}\n`,
      );
    }
    if (opts.strict && (queued.skipped > 0 || done.failed > 0)) throw new KgError('INPUT_INVALID', `${queued.skipped + done.failed} document(s) skipped or failed (--strict)`, inputs.join(' '));
  } finally {
    await store.close();
  }
}

/** The graph a store holds, laid out as a file build lays it out (unless `layout` is false). */
export async function graphOfStore(
  url: string,
  options: { name?: string; output?: string; layout: boolean; seed?: number; sizeBy?: SizeBy },
): Promise<KnowledgeGraph> {
  const store = await GraphStore.open(url, { create: false });
  try {
    const name = options.name ?? (await store.name()) ?? (options.output !== undefined && options.output !== '-' ? options.output.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') : 'graph');
    const graph = await store.graph({ name, generator: GENERATOR });
    if (options.layout) layoutGraph.assign(graph, { seed: options.seed ?? 42, sizeBy: options.sizeBy ?? 'mentions' });
    return graph;
  } finally {
    await store.close();
  }
}

function leaseOption(value: string): number {
  return parseNumber('--lease', 1, 86400)(value) * 1000;
}

export function registerStoreCommands(program: Command, io: Io): void {
  program
    .command('work')
    .description('extract the documents queued in a graph store (on this or any machine) until none is left')
    .requiredOption('--store <url>', 'the store: a SQLite file path, or postgres://user@host/db')
    .option('-j, --jobs <n>', `documents extracted in parallel (default: the number of cores, ${defaultJobs()} here)`, parseNumber('--jobs', 1, 256, true))
    .option('--follow', 'keep waiting for new documents when the queue is empty (stop with Ctrl+C)')
    .option('--lease <seconds>', 'a document this worker holds goes back to the queue when the worker is silent this long', leaseOption, DEFAULT_LEASE_MS)
    .option('-q, --quiet', 'no progress and no summary (warnings are still printed)')
    .addHelpText(
      'after',
      `
Workers extract with the settings and files the first \`kg build --store\` recorded in the store, so a machine
added to a running build needs only the URL. A worker that is killed loses nothing: its documents are taken
again once their lease runs out.

Examples:
  kg work --store archive.sqlite --jobs 4
  kg work --store postgres://kg@db.example/archive --follow`,
    )
    .action(async (opts: { store: string; jobs?: number; follow?: boolean; lease: number; quiet?: boolean }) => {
      const started = performance.now();
      const store = await GraphStore.open(opts.store, { create: false });
      let stop = false;
      const onSignal = () => {
        if (stop) process.exit(130);
        stop = true;
        io.err('kg: stopping after the documents in hand (Ctrl+C again to stop now)\n');
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      try {
        const setup = await store.setup();
        if (!setup) throw new KgError('INPUT_EMPTY', 'the store has no build settings yet: queue documents with `kg build CORPUS --store URL` first', store.where);
        const done = await drainStore(store, setup, { jobs: opts.jobs ?? defaultJobs(), follow: !!opts.follow, leaseMs: opts.lease, io, quiet: !!opts.quiet, stopping: () => stop });
        if (!opts.quiet) {
          io.err(`kg: ${store.where}: extracted ${done.extracted}${done.failed ? `, ${done.failed} failed` : ''}${done.lost ? `, ${done.lost} taken over by another worker` : ''} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
        }
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await store.close();
      }
    });

  const storeCommand = program.command('store').description('look into a graph store');
  storeCommand
    .command('status')
    .description('documents queued, running, done and failed, with each failure\'s reason')
    .argument('<url>', 'the store: a SQLite file path, or postgres://…')
    .option('--json', 'print the status as JSON')
    .addHelpText('after', '\nExamples:\n  kg store status archive.sqlite\n  kg store status postgres://kg@localhost/archive --json')
    .action(async (url: string, opts: { json?: boolean }) => {
      const store = await GraphStore.open(url, { create: false });
      try {
        const status = await store.status();
        if (opts.json) {
          io.out(`${JSON.stringify(status, null, 2)}\n`);
          return;
        }
        const c = status.counts;
        const total = c.queued + c.running + c.done + c.failed;
        const lines = [`${store.where}: ${total} document(s): ${c.done} done, ${c.queued} queued, ${c.running} running, ${c.failed} failed`];
        for (const f of status.failures) lines.push(`  failed ${f.id}: ${f.error}`);
        io.out(`${lines.join('\n')}\n`);
      } finally {
        await store.close();
      }
    });
}
