// Extraction throughput on NorNE dev text reassembled into documents (read from ../shared/data/norne/), in this
// thread and in worker threads on all cores, against wink-nlp with its English model on as much English text.
import { availableParallelism } from 'node:os';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { BenchSection } from '../bench.js';
import { makeDocument } from '../../src/pipeline.js';
import { createCliExtractor } from '../../src/cli/extractor.js';
import { extractors, type ExtractionTask } from '../../src/cli/worker.js';
import type { RawDocument } from '../../src/cli/io.js';
import { NORNE_DIR, norneDevSentences } from '../gen-corpus.js';
import { printTable, timeRuns, withSpread } from './lib.js';

const RUNS = Number(process.env.KG_BENCH_RUNS ?? 5);
const SENTENCES_PER_DOCUMENT = 20;
// Each run goes through the corpus this many times: runs of a second or more measure more than timer noise.
const PASSES = 8;

// News-like English sentences, written for this benchmark, repeated until they match the Norwegian corpus.
const ENGLISH = [
  'NATO Secretary General Jens Stoltenberg said on Thursday that the alliance will continue its training mission in Iraq.',
  'The Iraqi government asked for talks after parliament voted to expel foreign troops from the country.',
  'Russia and the United States accused each other of violating the INF Treaty before it collapsed last year.',
  'China launched large military exercises around Taiwan, and the United States called the drills a provocation.',
  'The European Union agreed on new sanctions against Iran over its support for Russia.',
  'Ukrainian soldiers are being trained by Norwegian instructors at a base in the south of the country.',
  'Foreign Minister Espen Barth Eide met his Iranian counterpart in Oslo on Monday.',
  'Israel attacked targets in Gaza, and Iran condemned the strikes as a violation of international law.',
  'The United Nations said that aid deliveries to the region had been blocked for three weeks.',
  'Washington might withdraw some of its forces from Iraq, according to officials in the Pentagon.',
  'Germany will deliver more air defence systems to Ukraine, Chancellor Olaf Scholz said in Berlin.',
  'The talks between the Taliban and the United States resumed in Doha after a pause of several months.',
];

function englishText(tokens: number): string[] {
  const docs: string[] = [];
  let count = 0;
  let i = 0;
  while (count < tokens) {
    const sentences: string[] = [];
    for (let k = 0; k < SENTENCES_PER_DOCUMENT && count < tokens; k++, i++) {
      const s = ENGLISH[i % ENGLISH.length]!;
      sentences.push(s);
      count += s.split(/\s+/).length;
    }
    docs.push(sentences.join(' '));
  }
  return docs;
}

const section: BenchSection = {
  title: `extraction throughput: NorNE dev text, the whole pipeline as kg build runs it (knowledge base, tagger, rules; median of ${RUNS} runs ± half the range)`,
  async run() {
    const sentences = norneDevSentences();
    if (!sentences) {
      process.stdout.write(`skipped: NorNE dev not found in ${NORNE_DIR}\n`);
      return;
    }
    const raw: RawDocument[] = [];
    for (let i = 0; i < sentences.length; i += SENTENCES_PER_DOCUMENT) {
      raw.push({ id: `d${i}`, text: sentences.slice(i, i + SENTENCES_PER_DOCUMENT).join(' '), lang: 'nb' });
    }
    const docs = raw.map((r) => makeDocument({ ...r, language: 'nb' }));
    const tokens = PASSES * sentences.reduce((n, s) => n + s.split(/\s+/).length, 0);
    const mb = (PASSES * docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0)) / 1e6;

    const t0 = performance.now();
    const extractor = createCliExtractor([]);
    const loadMs = performance.now() - t0;
    const rulesOnly = createCliExtractor([], { model: false });
    const jobs = availableParallelism();
    const pool = extractors(jobs, { kb: [], settings: { minConfidence: 0, keepNonAsserted: true } });
    const tasks: ExtractionTask[] = Array.from({ length: PASSES }, () => raw).flat().map((document, seq) => ({ seq, document, lang: 'nb' }));
    const english = englishText(tokens);
    const englishMb = english.reduce((n, d) => n + Buffer.byteLength(d), 0) / 1e6;
    const nlp = winkNLP(model);

    let seq = 0;
    const contenders = {
      oneJob: () => {
        for (let p = 0; p < PASSES; p++) for (const d of docs) extractor.extract(d);
      },
      allCores: () => Promise.all(tasks.map((t) => pool.run({ ...t, seq: seq++ }))),
      noTagger: () => {
        for (let p = 0; p < PASSES; p++) for (const d of docs) rulesOnly.extract(d);
      },
      wink: () => {
        for (const text of english) {
          const doc = nlp.readDoc(text);
          doc.entities().out();
          doc.tokens().out(nlp.its.pos);
        }
      },
    };
    // Interleaved (one run of each in turn), so that a change in the machine's load hits all of them alike.
    const times: Record<keyof typeof contenders, number[]> = { oneJob: [], allCores: [], noTagger: [], wink: [] };
    try {
      for (let r = -3; r < RUNS; r++) {
        for (const name of Object.keys(contenders) as (keyof typeof contenders)[]) {
          const [seconds] = await timeRuns(1, contenders[name], 0);
          if (r >= 0) times[name].push(seconds!);
        }
      }
    } finally {
      await pool.close();
    }
    const { oneJob, allCores, noTagger, wink } = times;

    const rate = (xs: number[], amount: number) => xs.map((s) => amount / s);
    const row = (name: string, xs: number[], amount: number, megabytes: number) => [
      name,
      withSpread(rate(xs, amount), 0, 1e-3),
      withSpread(rate(xs, megabytes), 2),
      withSpread(xs, 3),
    ];
    process.stdout.write(
      `${docs.length} documents (${sentences.length} sentences), ${PASSES} passes a run: ${tokens} tokens, ${mb.toFixed(2)} MB; knowledge base, alias index and tagger model load ${loadMs.toFixed(0)} ms\n`,
    );
    printTable(
      ['extractor', 'k tokens/s', 'MB/s', 'seconds'],
      [
        row('kg, 1 job (this thread)', oneJob, tokens, mb),
        row(`kg, ${jobs} jobs (worker threads)`, allCores, tokens, mb),
        row('kg --no-tagger, 1 job (rules only, for reference)', noTagger, tokens, mb),
        row('wink-nlp + eng-lite-web-model, 1 thread', wink, tokens, englishMb),
      ],
    );
    // The ratio of each interleaved pair of runs (same tokens on both sides), then its median.
    const ratios = (ours: number[]) => ours.map((s, i) => wink[i]! / s);
    process.stdout.write(
      `ratio to wink-nlp, run by run (target >= 1): 1 job ${withSpread(ratios(oneJob), 2)}, ${jobs} jobs ${withSpread(ratios(allCores), 2)}\n`,
    );
  },
};
export default section;
