// Tagging throughput of the shipped NER model on NorNE dev (read from ../shared/data/norne/), one core:
// tokens/s with the model loaded, with and without computing the knowledge-base feature, a first pass with
// empty caches (a new tagger: every word type is new to it, as in a text it has not seen), and model load time.
// Throughput is given by wall time and by the process's CPU time: on a shared, busy machine the wall
// figure drops with the load while the CPU figure stays near what one free core does.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchSection } from '../bench.js';
import { createTagger, decodeModel, kbTagsFor, parseConll, taggerInputs } from '../../src/ner/index.js';
import { partsOfSpeech } from '../../src/syntax/analyse.js';
import { buildAliasIndex } from '../../src/mentions/kbindex.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { defaultModelPath, loadShippedSyntax } from '../../src/cli/model.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const NORNE_DEV = process.env.KG_NORNE_DEV ?? join(ROOT, '..', 'shared', 'data', 'norne', 'norne-nob-dev.ud.conllu');
const RUNS = 9;
/** Unmeasured passes first: the tagger's caches fill and the JIT compiles the hot code. */
const WARMUP = 3;

function stats(xs: number[]): { median: number; spread: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, spread: (s[s.length - 1]! - s[0]!) / 2 };
}

function time(f: () => void): number {
  const t = performance.now();
  f();
  return (performance.now() - t) / 1000;
}

/** Wall and CPU seconds of one call. */
function timeBoth(f: () => void): { wall: number; cpu: number } {
  const c = process.cpuUsage();
  const wall = time(f);
  const d = process.cpuUsage(c);
  return { wall, cpu: (d.user + d.system) / 1e6 };
}

const section: BenchSection = {
  title: 'NER tagger (shipped model), one core',
  async run() {
    if (!existsSync(NORNE_DEV)) {
      process.stdout.write(`skipped: NorNE dev not found at ${NORNE_DEV}\n`);
      return;
    }
    const modelPath = defaultModelPath();
    const sentences = parseConll(readFileSync(NORNE_DEV, 'utf8'), NORNE_DEV).map((s) => s.tokens);
    const tokens = sentences.reduce((n, s) => n + s.length, 0);

    const loads: number[] = [];
    let tagger = decodeModel(readFileSync(modelPath));
    for (let r = 0; r < 5; r++) loads.push(time(() => (tagger = decodeModel(readFileSync(modelPath)))));
    const load = stats(loads);
    let index = buildAliasIndex(loadKnowledgeBase());
    const kbLoad = time(() => (index = buildAliasIndex(loadKnowledgeBase())));
    // The shipped model uses parts of speech: they are computed once (timed on their own) and joined with the
    // KB feature as the pipeline does (taggerInputs).
    const syntax = loadShippedSyntax('nb');
    let pos: string[][] = [];
    const posTime = timeBoth(() => (pos = sentences.map((s) => partsOfSpeech(syntax, s))));
    const withPos = (kb: (string | null)[], i: number) => (tagger.usesPos ? taggerInputs(kb, pos[i]) : kb);
    const kbTags = sentences.map((s, i) => withPos(kbTagsFor(s, index), i));

    // Warm-up, then timed runs, interleaved: the tagger alone (KB feature precomputed), with the KB feature
    // computed, and a new tagger's first pass over the text (its caches empty).
    for (let r = 0; r < WARMUP; r++) for (const [i, s] of sentences.entries()) tagger.tagTokens(s, kbTags[i]);
    const alone: { wall: number; cpu: number }[] = [];
    const withKb: { wall: number; cpu: number }[] = [];
    const first: { wall: number; cpu: number }[] = [];
    for (let r = 0; r < RUNS; r++) {
      alone.push(timeBoth(() => sentences.forEach((s, i) => tagger.tagTokens(s, kbTags[i]))));
      withKb.push(timeBoth(() => sentences.forEach((s, i) => tagger.tagTokens(s, withPos(kbTagsFor(s, index), i)))));
      const fresh = createTagger(tagger.model);
      first.push(timeBoth(() => sentences.forEach((s, i) => fresh.tagTokens(s, kbTags[i]))));
    }
    const rate = (runs: { wall: number; cpu: number }[]) => {
      const w = stats(runs.map((r) => r.wall));
      const c = stats(runs.map((r) => r.cpu));
      return (
        `${(tokens / w.median).toFixed(0)} tokens/s wall, ${(tokens / c.median).toFixed(0)} tokens/s CPU ` +
        `(median of ${RUNS} runs: ${w.median.toFixed(3)} s ± ${w.spread.toFixed(3)} s wall, ${c.median.toFixed(3)} s ± ${c.spread.toFixed(3)} s CPU)`
      );
    };
    process.stdout.write(`sentences ${sentences.length}, tokens ${tokens}\n`);
    process.stdout.write(`model ${modelPath.slice(ROOT.length + 1)}  ${(statSync(modelPath).size / 1e6).toFixed(2)} MB, ${tagger.model.hashes.length} features\n`);
    process.stdout.write(`model load (read + gunzip + decode)  ${(load.median * 1000).toFixed(0)} ms ± ${(load.spread * 1000).toFixed(0)} ms (median of 5)\n`);
    process.stdout.write(`knowledge base + alias index load  ${(kbLoad * 1000).toFixed(0)} ms\n`);
    process.stdout.write(`parts of speech (syntax model's tagger, once)  ${(tokens / posTime.wall).toFixed(0)} tokens/s wall\n`);
    process.stdout.write(`tagging, KB feature precomputed  ${rate(alone)}\n`);
    process.stdout.write(`tagging + KB feature (kbTagsFor)  ${rate(withKb)}\n`);
    process.stdout.write(`first pass, new tagger (empty caches), KB feature precomputed  ${rate(first)}\n`);
  },
};
export default section;
