// Seeded ForceAtlas2 layout, node sizes and colours: the same graph and seed always give the same picture.
import { MultiDirectedGraph } from 'graphology';
import forceAtlas2Import from 'graphology-layout-forceatlas2';
import { InvalidSettingError } from '../errors.js';
import type { KnowledgeGraph } from '../graph/build.js';
import { compareStrings } from '../graph/order.js';
import { TYPE_COLORS } from '../types.js';
import { mulberry32 } from '../random.js';
import { nodeSize } from './size.js';

export { nodeSize };

export const SIZE_BY = ['mentions', 'degree'] as const;
export type SizeBy = (typeof SIZE_BY)[number];

export interface LayoutSettings {
  /** Seed of the PRNG that places nodes before ForceAtlas2 runs. */
  seed: number;
  /** ForceAtlas2 iterations; 'auto' derives them from the number of nodes (see `autoIterations`). */
  iterations: number | 'auto';
  /** What node size grows with. */
  sizeBy: SizeBy;
}

export const DEFAULT_LAYOUT_SETTINGS: Readonly<LayoutSettings> = Object.freeze({
  seed: 42,
  iterations: 'auto',
  sizeBy: 'mentions',
});

const MAX_ITERATIONS = 100_000;
const MAX_SEED = 0xffffffff;

// Small graphs get many iterations to settle fully, big ones fewer so that `kg build` on a corpus stays
// within a few seconds (measured on one core: 2000 nodes × 100 iterations ≈ 1.5 s, 10000 × 60 ≈ 6.5 s).
const AUTO_ITERATIONS: ReadonlyArray<{ maxNodes: number; iterations: number }> = [
  { maxNodes: 100, iterations: 500 },
  { maxNodes: 500, iterations: 300 },
  { maxNodes: 2000, iterations: 100 },
  { maxNodes: 10000, iterations: 60 },
  { maxNodes: Infinity, iterations: 40 },
];

const BARNES_HUT_FROM = 500;

export function autoIterations(order: number): number {
  return AUTO_ITERATIONS.find((step) => order <= step.maxNodes)!.iterations;
}

type ForceAtlas2 = typeof forceAtlas2Import.default;
// The package is CommonJS while its typings declare an ES default export: Node's ESM loader hands us
// module.exports itself (the function), a bundler may hand us `{ default }`. Accept both.
const forceAtlas2: ForceAtlas2 =
  (forceAtlas2Import as unknown as { default?: ForceAtlas2 }).default ?? (forceAtlas2Import as unknown as ForceAtlas2);


const KNOWN_SETTINGS = Object.keys(DEFAULT_LAYOUT_SETTINGS);

/** Throws InvalidSettingError naming the first setting that is wrong (unknown names included, to catch typos). */
export function validateLayoutSettings(settings: object): asserts settings is LayoutSettings {
  const given = settings as Record<string, unknown>;
  for (const name of Object.keys(given)) {
    if (!KNOWN_SETTINGS.includes(name)) {
      throw new InvalidSettingError(name, `one of the layout settings ${KNOWN_SETTINGS.join(', ')}`, given[name]);
    }
  }
  const { seed, iterations, sizeBy } = given;
  if (!Number.isInteger(seed) || (seed as number) < 0 || (seed as number) > MAX_SEED) {
    throw new InvalidSettingError('seed', `an integer between 0 and ${MAX_SEED}`, seed);
  }
  if (iterations !== 'auto' && (!Number.isInteger(iterations) || (iterations as number) < 1 || (iterations as number) > MAX_ITERATIONS)) {
    throw new InvalidSettingError('iterations', `"auto" or an integer between 1 and ${MAX_ITERATIONS}`, iterations);
  }
  if (!SIZE_BY.includes(sizeBy as SizeBy)) {
    throw new InvalidSettingError('sizeBy', `one of ${SIZE_BY.join(', ')}`, sizeBy);
  }
}

/** Defaults overridden by the given settings (undefined values count as unset, so CLI flags can pass through), validated. */
export function resolveLayoutSettings(partial: Partial<LayoutSettings> = {}): LayoutSettings {
  const merged: Record<string, unknown> = { ...DEFAULT_LAYOUT_SETTINGS };
  for (const [name, value] of Object.entries(partial)) if (value !== undefined) merged[name] = value;
  validateLayoutSettings(merged);
  return merged;
}


export interface NodeLayout {
  x: number;
  y: number;
  size: number;
  color: string;
}

/** Positions, sizes and colours for every node; the graph is not modified. */
export function computeLayout(graph: KnowledgeGraph, settings: Partial<LayoutSettings> = {}): Map<string, NodeLayout> {
  const resolved = resolveLayoutSettings(settings);
  const keys = graph.nodes().sort(compareStrings);
  const result = new Map<string, NodeLayout>();
  if (keys.length === 0) return result;

  // ForceAtlas2 reads nodes and edges in insertion order, so the layout runs on a copy built in key order:
  // the result then depends on the graph's content only, not on the order it was assembled in.
  const random = mulberry32(resolved.seed);
  const spread = 10 * Math.sqrt(keys.length);
  const start = new Map<string, { x: number; y: number }>();
  const work = new MultiDirectedGraph();
  for (const key of keys) {
    const position = { x: (random() * 2 - 1) * spread, y: (random() * 2 - 1) * spread };
    start.set(key, position);
    work.addNode(key, { ...position });
  }
  for (const key of graph.edges().sort(compareStrings)) {
    work.addDirectedEdgeWithKey(key, graph.source(key), graph.target(key), {
      weight: graph.getEdgeAttribute(key, 'weight'),
    });
  }

  const iterations = resolved.iterations === 'auto' ? autoIterations(keys.length) : resolved.iterations;
  const positions = forceAtlas2(work, {
    iterations,
    // Strong gravity keeps isolated nodes and small components from drifting off to infinity. Barnes-Hut
    // from BARNES_HUT_FROM nodes on, not inferSettings' 2000: the exact O(n²) repulsion takes seconds long before that.
    settings: { ...forceAtlas2.inferSettings(work), barnesHutOptimize: keys.length > BARNES_HUT_FROM },
    getEdgeWeight: 'weight',
  });

  for (const key of keys) {
    let { x, y } = positions[key];
    // FA2 computes in float32; extreme weights can overflow it, and a node at Infinity would break every viewer.
    if (!Number.isFinite(x) || !Number.isFinite(y)) ({ x, y } = start.get(key)!);
    const attributes = graph.getNodeAttributes(key);
    const count = resolved.sizeBy === 'degree' ? graph.degree(key) : attributes.mentions;
    result.set(key, { x, y, size: nodeSize(count), color: TYPE_COLORS[attributes.type] });
  }
  return result;
}

/** Writes x, y, size and colour into the graph's nodes (the mutating variant of `computeLayout`). */
function assignLayout(graph: KnowledgeGraph, settings: Partial<LayoutSettings> = {}): void {
  const layout = computeLayout(graph, settings);
  for (const [key, node] of layout) graph.mergeNodeAttributes(key, node);
}

/** graphology's idiom: `layoutGraph(graph)` returns the layout, `layoutGraph.assign(graph)` writes it. */
export const layoutGraph = Object.assign(
  (graph: KnowledgeGraph, settings: Partial<LayoutSettings> = {}) => computeLayout(graph, settings),
  { assign: assignLayout },
);
