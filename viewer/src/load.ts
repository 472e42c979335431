// Loads a graph file into the viewer: where it comes from (inlined, fetched, a dropped file), validating untrusted
// JSON or GEXF, building the graphology graph, and a layout when it has none.
import { MultiDirectedGraph, MultiGraph } from 'graphology';
import { readGraphText } from '../../src/export/read.js';
import { extraAttributes } from '../../src/graph/extra.js';
import { KgError } from '../../src/errors.js';
import type { ReadWarnings } from '../../src/export/assemble.js';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { ENTITY_TYPES, TYPE_COLORS } from '../../src/types.js';
import { mulberry32 } from '../../src/random.js';
import { displayLabel, nodeSize } from '../../src/layout/size.js';
import type {
  DocumentMeta,
  EdgeAttributes,
  EntityType,
  Evidence,
  GraphAttributes,
  GraphFile,
  NodeAttributes,
  RelationType,
  SerializedEdge,
  SerializedNode,
} from '../../src/types.js';

/** Node, edge and graph attributes as graphology sees them (its generics want index signatures). */
export type NodeAttrs = NodeAttributes & Record<string, unknown>;
export type EdgeAttrs = EdgeAttributes & Record<string, unknown>;
export type GraphAttrs = GraphAttributes & Record<string, unknown>;
export type KnowledgeGraph = MultiDirectedGraph<NodeAttrs, EdgeAttrs, GraphAttrs>;

export const DEFAULT_GRAPH_PATH = './graph.json';
/** Id of the `<script type="application/json">` holding the graph in a self-contained HTML export. */
export const INLINE_GRAPH_ID = 'kg-graph-data';
/** Up to this many nodes a file without positions is laid out before the first frame; above, in the worker. */
const SYNC_LAYOUT_MAX_NODES = 2000;
const DEFAULT_NODE_SIZE = 6;
const LAYOUT_SEED = 0x5eed;

/**
 * The URL of the graph to load: `./graph.json`, or the `graph` query parameter when it is a relative
 * path on the page's own origin (absolute and protocol-relative URLs are refused).
 */
export function resolveGraphUrl(pageUrl: string): URL {
  const page = new URL(pageUrl);
  const requested = page.searchParams.get('graph');
  if (requested === null || requested.trim() === '') return new URL(DEFAULT_GRAPH_PATH, page);
  const path = requested.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//') || path.includes('\\')) {
    throw new Error('the graph parameter must be a relative path on this site');
  }
  const url = new URL(path, page);
  if (url.origin !== page.origin) throw new Error('the graph parameter must be a relative path on this site');
  return url;
}

export async function fetchGraphFile(url: URL): Promise<GraphFile> {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json, application/gexf+xml;q=0.9' } });
  if (!response.ok) throw new Error(`could not load ${url.pathname}: HTTP ${response.status}`);
  return parseGraphText(await response.text(), url.pathname);
}

/** The graph inlined in the page by `kg export --format html`, or null when the page has none. */
export function readInlineGraph(doc: Document): GraphFile | null {
  const element = doc.getElementById(INLINE_GRAPH_ID);
  if (element === null) return null;
  return parseGraphText(element.textContent ?? '', 'the inlined graph');
}

/**
 * A graph from the text of any graph kg reads (its own JSON, graphology's, GEXF, GraphML), read by the same code
 * as the command line's, so that the viewer opens and refuses exactly the files `kg` does; what was adapted is
 * counted in `warnings`. `name` says where the text came from in errors.
 */
export function parseGraphText(text: string, name: string, warnings?: ReadWarnings): GraphFile {
  try {
    return readGraphText(text, name, undefined, warnings);
  } catch (error) {
    // The message names no path of the reader's machine: `name` is the file's own name or the URL's path.
    if (error instanceof KgError) throw new Error(error.message);
    throw error;
  }
}

export { EDGE_FIELDS, NODE_FIELDS } from '../../src/graph/extra.js';
/** The edge attribute the viewer sets for sigma (an undirected edge has no arrow head); never read from a file. */
export const HEAD_ATTRIBUTE = 'kgHead';
/** The node attribute the viewer sets for sigma: the label as drawn on the graph (long names shortened). */
export const SHORT_LABEL_ATTRIBUTE = 'kgShortLabel';
const VIEWER_ATTRIBUTES = new Set([HEAD_ATTRIBUTE, SHORT_LABEL_ATTRIBUTE]);

/** The attributes of a file's node or edge outside the contract, in name order (the viewer's own left out). */
export function fileAttributes(attributes: object, known: ReadonlySet<string>): Array<[string, unknown]> {
  return extraAttributes(attributes, known).filter(([name]) => !VIEWER_ATTRIBUTES.has(name));
}

/** Where the positions on screen come from: the file, a layout run before the first frame, or seeded random ones to be laid out in the worker. */
export type Placement = 'file' | 'computed' | 'random';

/**
 * The graphology graph of a validated file, with positions (computed when the file has none). It is mixed and
 * allows self-loops whatever the file's options, so that one graph type serves every file; undirected edges get
 * no arrow head.
 */
export function buildGraph(file: GraphFile): { graph: KnowledgeGraph; placement: Placement } {
  const graph = new MultiGraph<NodeAttrs, EdgeAttrs, GraphAttrs>({ allowSelfLoops: true }) as unknown as KnowledgeGraph;
  graph.import({ ...file, options: { type: 'mixed', multi: true, allowSelfLoops: true } } as unknown as Parameters<KnowledgeGraph['import']>[0]);
  // Set on every item, so that a file's own attribute of that name never steers the drawing.
  graph.forEachEdge((edge) => graph.setEdgeAttribute(edge, HEAD_ATTRIBUTE, graph.isUndirected(edge) ? 'none' : 'arrow'));
  graph.forEachNode((node, attrs) => graph.setNodeAttribute(node, SHORT_LABEL_ATTRIBUTE, displayLabel(attrs.label)));
  if (!needsLayout(graph)) return { graph, placement: 'file' };
  // Written without a layout (`kg build --no-layout`): every node has the same size (1), so sizes come from the
  // mentions, as `kg build` gives them.
  const sizes = new Set(graph.mapNodes((_node, attrs) => attrs.size));
  if (sizes.size === 1) graph.updateEachNodeAttributes((_node, attrs) => ({ ...attrs, size: nodeSize(attrs.mentions) }));
  const synchronous = graph.order <= SYNC_LAYOUT_MAX_NODES;
  assignLayout(graph, LAYOUT_SEED, synchronous);
  return { graph, placement: synchronous ? 'computed' : 'random' };
}

/** True when every node sits at the origin, i.e. the file was written without a layout. */
export function needsLayout(graph: KnowledgeGraph): boolean {
  return graph.order > 0 && graph.everyNode((_node, attrs) => attrs.x === 0 && attrs.y === 0);
}

/** Seeded start positions then a short ForceAtlas2 run: the same file always gets the same picture. */
export function assignLayout(graph: KnowledgeGraph, seed: number, iterate = true): void {
  const random = mulberry32(seed);
  // Sorted keys: the start positions do not depend on the order of the nodes in the file.
  for (const node of [...graph.nodes()].sort()) {
    graph.mergeNodeAttributes(node, { x: random() * 100 - 50, y: random() * 100 - 50 });
  }
  if (graph.size === 0 || !iterate) return;
  // Strong gravity keeps disconnected components together instead of flinging them to the edges.
  forceAtlas2.assign(graph, {
    iterations: 300,
    settings: { ...forceAtlas2.inferSettings(graph), strongGravityMode: true, gravity: 1, barnesHutOptimize: graph.order > 500 },
  });
}


function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function finiteNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function positiveNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}
