// Extraction throughput of the rule-based pipeline on NorNE dev text (read from ../shared/data/norne/).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchSection } from '../bench.js';
import { createExtractor, makeDocument } from '../../src/pipeline.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const NORNE_DEV = process.env.KG_NORNE_DEV ?? join(ROOT, '..', 'shared', 'data', 'norne', 'norne-nob-dev.ud.conllu');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const section: BenchSection = {
  title: 'extraction (rules + knowledge base), one core',
  async run() {
    if (!existsSync(NORNE_DEV)) {
      process.stdout.write(`skipped: NorNE dev not found at ${NORNE_DEV}\n`);
      return;
    }
    const sentences = readFileSync(NORNE_DEV, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('# text = '))
      .map((l) => l.slice(9));
    const docs = [];
    for (let i = 0; i < sentences.length; i += 20) docs.push(makeDocument({ id: `d${i}`, text: sentences.slice(i, i + 20).join(' '), language: 'nb' }));
    const tokens = sentences.reduce((n, s) => n + s.split(/\s+/).length, 0);
    const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
    const t0 = performance.now();
    const extractor = createExtractor(loadKnowledgeBase());
    const loadMs = performance.now() - t0;
    const runs: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t = performance.now();
      for (const d of docs) extractor.extract(d);
      runs.push((performance.now() - t) / 1000);
    }
    const med = median(runs);
    const spread = (Math.max(...runs) - Math.min(...runs)) / 2;
    process.stdout.write(`documents ${docs.length}, tokens ${tokens}, ${(bytes / 1e6).toFixed(2)} MB\n`);
    process.stdout.write(`knowledge base + alias index load  ${loadMs.toFixed(0)} ms\n`);
    process.stdout.write(`throughput  ${(tokens / med).toFixed(0)} tokens/s  ${(bytes / 1e6 / med).toFixed(2)} MB/s  (median of 5 runs ${med.toFixed(3)} s ± ${spread.toFixed(3)} s)\n`);
  },
};
export default section;
