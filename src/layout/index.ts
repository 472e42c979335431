// Seeded ForceAtlas2 layout, node sizes and colours: the same graph and seed always give the same picture.
import { MultiDirectedGraph } from 'graphology';
import { UndirectedGraph } from 'graphology';
import forceAtlas2Import from 'graphology-layout-forceatlas2';
import louvainImport from 'graphology-communities-louvain';
import noverlapImport from 'graphology-layout-noverlap';
import { InvalidSettingError } from '../errors.js';
import type { KnowledgeGraph } from '../graph/build.js';
import { compareStrings } from '../graph/order.js';
import { TYPE_COLORS } from '../types.js';
import { mulberry32 } from '../random.js';
import { displayLabel, LABEL_MAX_CHARS, nodeSize } from './size.js';

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

// The packages are CommonJS while their typings declare an ES default export: Node's ESM loader hands us
// module.exports itself (the function), a bundler may hand us `{ default }`. Accept both.
function commonJs<T>(imported: unknown): T {
  return (imported as { default?: T }).default ?? (imported as T);
}
type ForceAtlas2 = typeof forceAtlas2Import.default;
const forceAtlas2 = commonJs<ForceAtlas2>(forceAtlas2Import);
const louvain = commonJs<typeof louvainImport.default>(louvainImport);
const noverlap = commonJs<typeof noverlapImport.default>(noverlapImport);

/**
 * Room for labels: a label is drawn right of its node, about LABEL_CHAR_PX per character at the viewer's
 * default size, and the picture is fitted into about FIT_PX pixels. The no-overlap pass keeps every node this
 * far from the others, so that at the default view labels do not print over each other or over nodes.
 */
const LABEL_CHAR_PX = 8;
/**
 * Pixels the larger side of the picture, labels included, takes at the viewer's default view: sigma fits the
 * content (nodes and labels) into the shorter side of the graph area less its padding, 664 − 2 × 40 px in a
 * 1280×720 window.
 */
const FIT_PX = 584;

/**
 * A label's width in pixels at the viewer's 13 px: per-character advances of the sans-serif Chromium uses here,
 * fitted by least squares to the label boxes sigma measured for 72 labels (largest error 4 px).
 */
export function labelWidthPx(label: string): number {
  let width = 0;
  for (const c of label) {
    if ("il.,'|:;!".includes(c)) width += 2.8;
    else if ('ftjrI()-'.includes(c)) width += 3.8;
    else if (c === ' ') width += 4.1;
    else if ('mwMW'.includes(c)) width += 11.1;
    else if (/\p{Lu}/u.test(c)) width += 8.9;
    else if (/\d/.test(c)) width += 7.4;
    else width += 7.1;
  }
  return width;
}
/** A label's height with a little air (13 px text), and the gap between a node and its label, in pixels. */
const LABEL_HEIGHT_PX = 18;
const LABEL_GAP_PX = 6;
/**
 * Up to this many entities the viewer can show every label, so the layout makes room for them; above, sigma
 * picks the labels it shows by size as the camera zooms, and the no-overlap pass would take minutes.
 */
export const LABEL_ROOM_MAX_NODES = 500;
/** Two related entities are kept at least this far apart (pixels of the fitted picture): room for relation names. */
const EDGE_MIN_PX = 150;


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
  /** The node's community (Louvain, seeded), numbered by the order of their first node key. */
  community: number;
}

/** The extent of a set of positions: the larger of width and height (at least 1). */
function extent(positions: Iterable<{ x: number; y: number }>): number {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const { x, y } of positions) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  return Math.max(1, maxX - minX, maxY - minY);
}

/**
 * Communities of the graph (Louvain on its undirected, weighted skeleton, seeded): the same graph and seed
 * give the same numbers, numbered 0, 1, … in the order of each community's first node key.
 */
export function computeCommunities(graph: KnowledgeGraph, seed: number): Map<string, number> {
  const skeleton = new UndirectedGraph();
  const keys = graph.nodes().sort(compareStrings);
  for (const key of keys) skeleton.addNode(key);
  for (const edge of graph.edges().sort(compareStrings)) {
    const [a, b] = [graph.source(edge), graph.target(edge)].sort(compareStrings) as [string, string];
    if (a === b) continue;
    const w = graph.getEdgeAttribute(edge, 'weight');
    if (skeleton.hasEdge(a, b)) skeleton.updateEdgeAttribute(a, b, 'weight', (v: number) => v + w);
    else skeleton.addEdge(a, b, { weight: w });
  }
  const raw = skeleton.size > 0 ? louvain(skeleton, { rng: mulberry32(seed ^ 0x1c0de), getEdgeWeight: 'weight' }) : {};
  const renumber = new Map<number, number>();
  const out = new Map<string, number>();
  for (const key of keys) {
    const c = raw[key] ?? -1 - out.size;
    if (!renumber.has(c)) renumber.set(c, renumber.size);
    out.set(key, renumber.get(c)!);
  }
  return out;
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
    // A self-loop pulls a node towards itself: nothing for the layout to do.
    if (graph.source(key) === graph.target(key)) continue;
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

  const placed = new Map<string, { x: number; y: number }>();
  for (const key of keys) {
    let { x, y } = positions[key];
    // FA2 computes in float32; extreme weights can overflow it, and a node at Infinity would break every viewer.
    if (!Number.isFinite(x) || !Number.isFinite(y)) ({ x, y } = start.get(key)!);
    placed.set(key, { x, y });
  }
  const sizes = new Map(keys.map((key) => [key, nodeSize(resolved.sizeBy === 'degree' ? graph.degree(key) : graph.getNodeAttribute(key, 'mentions'))]));
  spreadForLabels(graph, keys, placed, sizes);
  const communities = computeCommunities(graph, resolved.seed);
  for (const key of keys) {
    const { x, y } = placed.get(key)!;
    const attributes = graph.getNodeAttributes(key);
    result.set(key, { x, y, size: sizes.get(key)!, color: TYPE_COLORS[attributes.type], community: communities.get(key)! });
  }
  return result;
}

/**
 * Moves nodes apart until each has room for its label at the default view: a no-overlap pass in which a node
 * takes as much room as its label needs, in graph units of the picture fitted into FIT_PX pixels. The extent
 * changes as nodes move, so the pass runs until the room it gave still fits (at most a few rounds).
 */
function spreadForLabels(graph: KnowledgeGraph, keys: string[], placed: Map<string, { x: number; y: number }>, sizes: Map<string, number>): void {
  if (keys.length < 2 || keys.length > LABEL_ROOM_MAX_NODES) return;
  for (let round = 0; round < 4; round++) {
    const unitsPerPx = extent(placed.values()) / FIT_PX;
    const work = new MultiDirectedGraph();
    for (const key of keys) {
      const chars = Math.min(LABEL_MAX_CHARS, graph.getNodeAttribute(key, 'label').length);
      // Half a label to each side is enough room between two nodes in a row; the node's own disc counts too.
      const roomPx = sizes.get(key)! + (chars * LABEL_CHAR_PX) / 2;
      work.addNode(key, { ...placed.get(key)!, size: roomPx * unitsPerPx });
    }
    const moved = noverlap(work, { maxIterations: 200, settings: { margin: 4 * unitsPerPx, ratio: 1, expansion: 1.1, gridSize: 20 } });
    let shift = 0;
    for (const key of keys) {
      const before = placed.get(key)!;
      const after = moved[key]!;
      if (!Number.isFinite(after.x) || !Number.isFinite(after.y)) continue;
      shift = Math.max(shift, Math.hypot(after.x - before.x, after.y - before.y));
      placed.set(key, { x: after.x, y: after.y });
    }
    // Related entities pulled close by ForceAtlas2 are pushed apart along their edge, so that the names of the
    // relations between them can be read.
    const minLength = EDGE_MIN_PX * unitsPerPx;
    for (const edge of graph.edges().sort(compareStrings)) {
      const a = placed.get(graph.source(edge))!;
      const b = placed.get(graph.target(edge))!;
      const d = Math.hypot(b.x - a.x, b.y - a.y);
      if (d >= minLength) continue;
      const [ux, uy] = d > 0 ? [(b.x - a.x) / d, (b.y - a.y) / d] : [1, 0];
      const push = (minLength - d) / 2;
      placed.set(graph.source(edge), { x: a.x - ux * push, y: a.y - uy * push });
      placed.set(graph.target(edge), { x: b.x + ux * push, y: b.y + uy * push });
      shift = Math.max(shift, push);
    }
    if (shift < unitsPerPx) break;
  }
  separateLabels(graph, keys, placed, sizes);
}

/**
 * What a node takes on screen at the default view, in graph units: its disc and, to its right, its label (the
 * whole label: the viewer prints it whole).
 */
function footprints(graph: KnowledgeGraph, keys: string[], placed: Map<string, { x: number; y: number }>, sizes: Map<string, number>, unitsPerPx: number) {
  return keys.map((key) => {
    const { x, y } = placed.get(key)!;
    const r = sizes.get(key)!;
    const labelPx = labelWidthPx(displayLabel(graph.getNodeAttribute(key, 'label')));
    const half = Math.max(r, LABEL_HEIGHT_PX / 2) * unitsPerPx;
    return { key, x0: x - r * unitsPerPx, x1: x + (r + LABEL_GAP_PX + labelPx) * unitsPerPx, y0: y - half, y1: y + half };
  });
}

/**
 * Graph units per pixel at the default view: the scale at which the content box (nodes with their labels)
 * takes FIT_PX pixels on its larger side. The labels' share depends on the scale itself: a few fixed-point steps.
 */
function contentUnitsPerPx(graph: KnowledgeGraph, keys: string[], placed: Map<string, { x: number; y: number }>, sizes: Map<string, number>): number {
  let u = extent(placed.values()) / FIT_PX;
  for (let i = 0; i < 6; i++) {
    let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const b of footprints(graph, keys, placed, sizes, u)) {
      x0 = Math.min(x0, b.x0);
      x1 = Math.max(x1, b.x1);
      y0 = Math.min(y0, b.y0);
      y1 = Math.max(y1, b.y1);
    }
    u = Math.max(x1 - x0, y1 - y0) / FIT_PX;
  }
  return u;
}

/**
 * Moves nodes apart until no node's label box overlaps another node or label at the default view: each
 * overlapping pair is pushed apart along the axis where they overlap least (labels are wide and short, so
 * mostly up and down). The scale changes as the picture grows, so the boxes are measured again each round.
 */
function separateLabels(graph: KnowledgeGraph, keys: string[], placed: Map<string, { x: number; y: number }>, sizes: Map<string, number>): void {
  const start = contentUnitsPerPx(graph, keys, placed, sizes);
  for (let round = 0; round < 8; round++) {
    const unitsPerPx = contentUnitsPerPx(graph, keys, placed, sizes);
    // Pushing apart grows the picture, which shrinks it on screen: past twice its size it no longer helps.
    if (unitsPerPx > 2 * start) break;
    const gap = 3 * unitsPerPx;
    let moved = false;
    for (let pass = 0; pass < 200; pass++) {
      const boxes = footprints(graph, keys, placed, sizes, unitsPerPx).sort((a, b) => a.x0 - b.x0 || compareStrings(a.key, b.key));
      let any = false;
      for (let i = 0; i < boxes.length; i++) {
        const a = boxes[i]!;
        for (let j = i + 1; j < boxes.length; j++) {
          const b = boxes[j]!;
          if (b.x0 >= a.x1) break;
          const ox = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
          const oy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
          if (ox <= 0 || oy <= 0) continue;
          any = true;
          // Apart along the line between the boxes' centres, just far enough that they no longer overlap on one
          // axis: the picture grows both ways, as a force layout's would, instead of into a column.
          const pa = placed.get(a.key)!;
          const pb = placed.get(b.key)!;
          let dx = (b.x0 + b.x1 - a.x0 - a.x1) / 2;
          let dy = (b.y0 + b.y1 - a.y0 - a.y1) / 2;
          if (dx === 0 && dy === 0) dy = 1;
          const d = Math.hypot(dx, dy);
          dx /= d;
          dy /= d;
          const need = Math.min(Math.abs(dx) > 1e-9 ? (ox + gap) / Math.abs(dx) : Infinity, Math.abs(dy) > 1e-9 ? (oy + gap) / Math.abs(dy) : Infinity);
          const push = need / 2;
          placed.set(a.key, { x: pa.x - dx * push, y: pa.y - dy * push });
          placed.set(b.key, { x: pb.x + dx * push, y: pb.y + dy * push });
        }
      }
      if (!any) break;
      moved = true;
    }
    if (!moved) break;
  }
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
