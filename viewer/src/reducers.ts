// How the graph looks: sigma primitives and base styles from the file's attributes, and node/edge reducers that derive hover and selection emphasis from viewer state.
import { extremityArrow, pathCurved, pathLine, pathLoop } from 'sigma/rendering';
import type { EdgeDisplayData, EdgeReducer, NodeDisplayData, NodeReducer, StylesDeclaration } from 'sigma/types';
import type { EdgeAttrs, GraphAttrs, KnowledgeGraph, NodeAttrs } from './load.js';
import type { ViewerState } from './state.js';
import { relationText } from './text.js';

export const FONT_FAMILY = 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const BACKGROUND = '#f7f7f5';
const EDGE_COLOR = '#b9bfc7';
const EDGE_STRONG = '#6b7280';
const EDGE_SELECTED = '#1f2933';
const EDGE_DIM = '#ebebe8';
const LABEL_COLOR = '#1f2933';
const EDGE_LABEL_COLOR = '#4b5563';

/** What sigma can draw: round nodes; straight, curved (parallel) and looped edges with arrow heads. */
export const PRIMITIVES = {
  nodes: { label: { font: { family: FONT_FAMILY, size: 13 } } },
  edges: {
    paths: [pathLine(), pathCurved(), pathLoop()],
    extremities: [extremityArrow({ lengthRatio: 6.5, widthRatio: 5.5 })],
    label: { fontSizeMode: 'fixed' as const },
  },
};

/** Base appearance, read from the graph file: position, size and colour per node, weight per edge. */
export const STYLES: StylesDeclaration<NodeAttrs, EdgeAttrs> = {
  nodes: {
    x: { attribute: 'x' },
    y: { attribute: 'y' },
    size: { attribute: 'size', defaultValue: 6 },
    color: { attribute: 'color', defaultValue: '#7f7f7f' },
    label: { attribute: 'label' },
    labelColor: LABEL_COLOR,
    labelSize: 13,
    labelVisibility: 'auto',
    depth: 'nodes',
    cursor: 'pointer',
    backdropVisibility: 'hidden',
    backdropColor: '#ffffff',
    backdropShadowColor: 'rgba(15, 23, 42, 0.2)',
    backdropShadowBlur: 8,
    backdropPadding: 4,
    backdropCornerRadius: 6,
  },
  edges: {
    size: (attrs) => edgeSize(attrs.weight),
    color: EDGE_COLOR,
    label: (attrs) => relationText(attrs),
    labelColor: EDGE_LABEL_COLOR,
    labelSize: 11,
    labelPosition: 'above',
    labelVisibility: 'auto',
    head: 'arrow',
    path: 'straight',
    parallelPath: 'curved',
    selfLoopPath: 'loop',
    depth: 'edges',
    cursor: 'pointer',
  },
};

export function edgeSize(weight: number): number {
  return Math.min(5, 1.5 + Math.log2(Math.max(1, weight)) * 0.75);
}

/** Which part of the graph the current state puts forward; `dim` says whether the rest steps back. */
export interface Emphasis {
  readonly dim: boolean;
  readonly nodes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
  /** Nodes drawn with a halo: the hovered and the selected one. */
  readonly haloNodes: ReadonlySet<string>;
  readonly selectedEdge: string | null;
  readonly hoveredEdge: string | null;
}

export const NO_EMPHASIS: Emphasis = {
  dim: false,
  nodes: new Set(),
  edges: new Set(),
  haloNodes: new Set(),
  selectedEdge: null,
  hoveredEdge: null,
};

/**
 * The emphasis of a state: a hovered node (else the selected node) with its neighbours and relations,
 * or the two ends of a selected relation. Computed once per state change, read by the reducers.
 */
export function deriveEmphasis(graph: KnowledgeGraph, state: ViewerState): Emphasis {
  const selectedNode = state.selection?.kind === 'node' && graph.hasNode(state.selection.key) ? state.selection.key : null;
  const selectedEdge = state.selection?.kind === 'edge' && graph.hasEdge(state.selection.key) ? state.selection.key : null;
  const hoveredNode = state.hoveredNode !== null && graph.hasNode(state.hoveredNode) ? state.hoveredNode : null;
  const hoveredEdge = state.hoveredEdge !== null && graph.hasEdge(state.hoveredEdge) ? state.hoveredEdge : null;
  const haloNodes = new Set([hoveredNode, selectedNode].filter((key): key is string => key !== null));

  const center = hoveredNode ?? selectedNode;
  if (center !== null) {
    const nodes = new Set([center, ...graph.neighbors(center)]);
    return { dim: true, nodes, edges: new Set(graph.edges(center)), haloNodes, selectedEdge, hoveredEdge };
  }
  if (selectedEdge !== null) {
    const nodes = new Set(graph.extremities(selectedEdge));
    return { dim: true, nodes, edges: new Set([selectedEdge]), haloNodes: new Set(), selectedEdge, hoveredEdge };
  }
  if (hoveredEdge !== null) return { ...NO_EMPHASIS, hoveredEdge };
  return NO_EMPHASIS;
}

export function createNodeReducer(getEmphasis: () => Emphasis): NodeReducer<NodeAttrs, EdgeAttrs, GraphAttrs> {
  return (key, data) => reduceNode(getEmphasis(), key, data);
}

export function createEdgeReducer(getEmphasis: () => Emphasis): EdgeReducer<NodeAttrs, EdgeAttrs, GraphAttrs> {
  return (key, data) => reduceEdge(getEmphasis(), key, data);
}

// Reducers must move the label along with its item (styles do that by themselves, reducers do not).
const FRONT_NODE = { depth: 'topNodes', labelDepth: 'topNodes' } as const;
const FRONT_EDGE = { depth: 'topEdges', labelDepth: 'topEdges' } as const;

export function reduceNode(emphasis: Emphasis, key: string, data: NodeDisplayData): Partial<NodeDisplayData> {
  if (!emphasis.dim) return {};
  if (!emphasis.nodes.has(key)) {
    return { color: mix(data.color, BACKGROUND, 0.78), labelVisibility: 'hidden', zIndex: 0 };
  }
  const halo = emphasis.haloNodes.has(key);
  return {
    ...FRONT_NODE,
    labelVisibility: 'visible',
    zIndex: halo ? 2 : 1,
    ...(halo ? { backdropVisibility: 'visible' as const } : {}),
  };
}

export function reduceEdge(emphasis: Emphasis, key: string, data: EdgeDisplayData): Partial<EdgeDisplayData> {
  if (key === emphasis.selectedEdge) {
    return { color: EDGE_SELECTED, size: data.size + 1, labelVisibility: 'visible', ...FRONT_EDGE, zIndex: 2 };
  }
  if (key === emphasis.hoveredEdge || emphasis.edges.has(key)) {
    return { color: EDGE_STRONG, size: data.size + 0.5, labelVisibility: 'visible', ...FRONT_EDGE, zIndex: 1 };
  }
  if (emphasis.dim) return { color: EDGE_DIM, labelVisibility: 'hidden' };
  return {};
}

/** Blends `#rrggbb` colour `a` towards `b` by `amount` (0..1); other colour syntaxes are returned unchanged. */
export function mix(a: string, b: string, amount: number): string {
  const ca = parseHex(a);
  const cb = parseHex(b);
  if (ca === null || cb === null) return a;
  const channel = (i: number): string =>
    Math.round(ca[i]! + (cb[i]! - ca[i]!) * amount)
      .toString(16)
      .padStart(2, '0');
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

function parseHex(color: string): [number, number, number] | null {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (match === null) return null;
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)];
}
