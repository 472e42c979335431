// ForceAtlas2 layout time (iterations by graph size, as `kg build` runs it) on generated graphs of 1,000, 10,000
// and 50,000 nodes with three edges per node.
import type { BenchSection } from '../bench.js';
import { generateGraph } from '../gen-graph.js';
import { graphFromFile } from '../../src/graph/serialize.js';
import { autoIterations, computeLayout } from '../../src/layout/index.js';
import { printTable, withSpread } from './lib.js';

const SIZES = (process.env.KG_BENCH_LAYOUT_SIZES ?? '1000,10000,50000').split(',').map(Number);
const RUNS = Number(process.env.KG_BENCH_LAYOUT_RUNS ?? 3);

const section: BenchSection = {
  title: `ForceAtlas2 layout of generated graphs (median of ${RUNS} runs ± half the range)`,
  async run() {
    const rows: string[][] = [];
    for (const nodes of SIZES) {
      const graph = graphFromFile(generateGraph({ nodes, edges: nodes * 3, seed: 1 }));
      const times: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        const t = performance.now();
        computeLayout(graph, { seed: 42 + r });
        times.push((performance.now() - t) / 1000);
      }
      rows.push([String(nodes), String(graph.size), String(autoIterations(nodes)), withSpread(times, 2)]);
    }
    printTable(['nodes', 'edges', 'iterations', 'seconds'], rows);
  },
};
export default section;
