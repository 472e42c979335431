// Parallel extraction for `kg build`: worker threads that each hold an extractor, the pool that feeds them, and
// the same extraction in this thread when one job (or one document) makes threads not worth starting.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { documentMeta, LANGUAGE_CHOICES, makeDocument, type ExtractSettings, type Extractor, type LanguageChoice } from '../pipeline.js';
import { contributionOf, type DocumentContribution } from '../graph/build.js';
import type { KbFile } from '../kb/index.js';
import type { DocumentMeta, Language } from '../types.js';
import { createCliExtractor } from './extractor.js';
import { KgError } from '../errors.js';
import type { RawDocument } from './io.js';
import type { FramesSource } from '../relations/frames.js';

export interface ExtractionTask {
  seq: number;
  document: RawDocument;
  /** --lang: a fixed language, or 'auto' (then the document's own "lang", else detection). */
  lang: LanguageChoice;
  /** The hash the graph already holds for this id: a document with the same text is not extracted again. */
  knownHash?: string;
}

export type ExtractionResult =
  | { seq: number; kind: 'done'; contribution: DocumentContribution }
  | { seq: number; kind: 'unchanged'; document: DocumentMeta }
  | { seq: number; kind: 'failed'; message: string };

export interface WorkerSetup {
  kb: KbFile[];
  /** The tagger model file; false: none (rules only); undefined: the shipped model. */
  model?: string | false | Uint8Array;
  /** false: no syntax stage (no trees); undefined: the shipped syntax model of each document's language. */
  syntax?: false;
  /** Users' relation frames files (`--frames`), added to the shipped frames of each language. */
  frames?: FramesSource[];
  settings: ExtractSettings;
}

export function defaultJobs(): number {
  return availableParallelism();
}

/** Extracts one task: the one function both threads and workers run, so they extract alike. */
export function runTask(extractor: Extractor, task: ExtractionTask, settings: ExtractSettings): ExtractionResult {
  try {
    const own = task.document.lang;
    const lang = task.lang !== 'auto' ? task.lang : (LANGUAGE_CHOICES as readonly string[]).includes(own ?? '') ? (own as Language) : 'auto';
    const doc = makeDocument({ ...task.document, language: lang });
    if (task.knownHash !== undefined) {
      const meta = documentMeta(doc);
      if (meta.hash === task.knownHash) return { seq: task.seq, kind: 'unchanged', document: meta };
    }
    return { seq: task.seq, kind: 'done', contribution: contributionOf(extractor.extract(doc, settings)) };
  } catch (e) {
    const where = e instanceof KgError && e.where ? `${e.where}: ` : '';
    return { seq: task.seq, kind: 'failed', message: e instanceof Error ? where + e.message.split('\n')[0]! : String(e) };
  }
}

/** Something that extracts tasks: this thread, or a pool of worker threads. */
export interface Extractors {
  run(task: ExtractionTask): Promise<ExtractionResult>;
  /** No more tasks will come (a lone waiting task is then extracted in this thread). */
  end(): void;
  close(): Promise<void>;
}

/** Extraction in this thread (the extractor is created when the first task comes). */
function cliOptions(setup: WorkerSetup) {
  return { model: setup.model, ...(setup.syntax === false ? { syntax: false as const } : {}), ...(setup.frames ? { frames: setup.frames } : {}) };
}

export function inThread(setup: WorkerSetup): Extractors {
  let extractor: Extractor | undefined;
  return {
    run: async (task) => runTask((extractor ??= createCliExtractor(setup.kb, cliOptions(setup))), task, setup.settings),
    end: () => undefined,
    close: async () => undefined,
  };
}

interface Pending {
  resolve: (r: ExtractionResult) => void;
  reject: (e: Error) => void;
}

/**
 * A pool of up to `jobs` worker threads, each with its own extractor; a task goes to the worker with the fewest
 * waiting, and a new worker is started only while every one has work (a short input starts few).
 */
function workerPool(jobs: number, setup: WorkerSetup): Extractors {
  const workers: { worker: Worker; load: number }[] = [];
  const pending = new Map<number, Pending & { worker: number }>();
  let failure: Error | undefined;
  const fail = (e: Error) => {
    failure ??= e;
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
  };
  const spawn = () => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { kgExtractionWorker: setup } });
    worker.on('message', (message: string) => {
      for (const r of JSON.parse(message) as ExtractionResult[]) {
        const p = pending.get(r.seq);
        if (!p) continue;
        pending.delete(r.seq);
        workers[p.worker]!.load--;
        p.resolve(r);
      }
    });
    worker.on('error', (e) => fail(new Error(`extraction worker failed: ${e.message}`)));
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`extraction worker stopped with code ${code}`));
    });
    workers.push({ worker, load: 0 });
  };
  return {
    run(task) {
      if (failure) return Promise.reject(failure);
      if (workers.length < jobs && workers.every((w) => w.load > 0)) spawn();
      let best = 0;
      for (let i = 1; i < workers.length; i++) if (workers[i]!.load < workers[best]!.load) best = i;
      workers[best]!.load++;
      return new Promise((resolve, reject) => {
        pending.set(task.seq, { resolve, reject, worker: best });
        workers[best]!.worker.postMessage(task);
      });
    },
    end: () => undefined,
    async close() {
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}

/**
 * `jobs` worker threads from the start, for a queue that is known to hold work (one job: this thread, unless
 * `threads`).
 */
export function extractorPool(jobs: number, setup: WorkerSetup, options: { threads?: boolean } = {}): Extractors {
  return jobs <= 1 && !options.threads ? inThread(setup) : workerPool(jobs, setup);
}

/**
 * `jobs` workers, started only once a second document shows there is more than one to extract: a single
 * article is extracted in this thread, without paying for threads that each load the knowledge base.
 */
export function extractors(jobs: number, setup: WorkerSetup): Extractors {
  if (jobs <= 1) return inThread(setup);
  let pool: Extractors | undefined;
  let first: { task: ExtractionTask; resolve: (r: ExtractionResult) => void; reject: (e: Error) => void } | undefined;
  const start = (): Extractors => {
    pool = workerPool(jobs, setup);
    if (first) {
      const { task, resolve, reject } = first;
      first = undefined;
      pool.run(task).then(resolve, reject);
    }
    return pool;
  };
  return {
    run(task) {
      if (pool) return pool.run(task);
      if (!first) return new Promise((resolve, reject) => (first = { task, resolve, reject }));
      return start().run(task);
    },
    end() {
      if (pool || !first) return;
      const { task, resolve, reject } = first;
      first = undefined;
      pool = inThread(setup);
      pool.run(task).then(resolve, reject);
    },
    async close() {
      await pool?.close();
    },
  };
}

// ---- the worker side: runs when this module is loaded as a worker thread by workerPool ----

const setup = !isMainThread ? (workerData as { kgExtractionWorker?: WorkerSetup } | null)?.kgExtractionWorker : undefined;
if (setup && parentPort) {
  const port = parentPort;
  const extractor = createCliExtractor(setup.kb, cliOptions(setup));
  // Results go back in batches, as JSON text: every task that has come in is extracted before the results go
  // (a message costs more than the JSON of a document's result), and JSON writes and reads a plain object tree
  // faster than postMessage clones it.
  let outbox: ExtractionResult[] = [];
  const flush = () => {
    port.postMessage(JSON.stringify(outbox));
    outbox = [];
  };
  port.on('message', (task: ExtractionTask) => {
    if (outbox.length === 0) setImmediate(flush);
    outbox.push(runTask(extractor, task, setup.settings));
  });
}
