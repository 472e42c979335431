// How the graph looks: sigma 4 primitives and styles, read from the file's attributes and sigma's per-item state
// (the viewer's emphasis and filters reach the screen only through those states).
import { extremityArrow, pathCurved, pathLine, pathLoop } from 'sigma/rendering';
import type { StylesDeclaration } from 'sigma/types';
import { HEAD_ATTRIBUTE, SHORT_LABEL_ATTRIBUTE, type EdgeAttrs, type KnowledgeGraph, type NodeAttrs } from './load.js';
import { relationColor, UNKNOWN_RELATION_COLOR } from './palette.js';
import { relationText } from './text.js';

export const FONT_FAMILY = 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
export const BACKGROUND = '#f7f7f5';
const LABEL_COLOR = '#1f2933';
const EDGE_LABEL_COLOR = '#4b5563';

/** Depth layers, bottom to top: the veil that dims the rest sits between the ordinary items and the emphasised ones. */
export const DEPTH_LAYERS = ['edges', 'nodes', 'veil', 'topEdges', 'topNodes'] as const;

/**
 * What sigma can draw: round nodes; straight and curved (parallel) edges with arrow heads. Sigma gives every
 * edge the vertex count of the most detailed path, so curves use 8 segments (a third of the per-frame cost of
 * sigma's defaults), and the loop path (32 segments) is only there for graphs that have self-loops.
 */
export const PRIMITIVES = {
  depthLayers: DEPTH_LAYERS,
  nodes: { label: { font: { family: FONT_FAMILY, size: 13 } } },
  edges: {
    paths: [pathLine(), pathCurved({ segments: 8 })],
    extremities: [extremityArrow({ lengthRatio: 6, widthRatio: 5 })],
    label: { fontSizeMode: 'fixed' as const },
  },
};

/** The primitives for one graph: with sigma's loop path when it has self-loops (graphs from other tools). */
export function primitivesFor(graph: KnowledgeGraph): typeof PRIMITIVES {
  if (graph.selfLoopCount === 0) return PRIMITIVES;
  return { ...PRIMITIVES, edges: { ...PRIMITIVES.edges, paths: [...PRIMITIVES.edges.paths, pathLoop({ segments: 16 })] } } as unknown as typeof PRIMITIVES;
}

/** Per-item display state the viewer sets, next to sigma's own (isHovered, isHighlighted, isHidden). */
export interface ItemViewState {
  /** Part of the emphasised neighbourhood: drawn above the veil, label shown. */
  focus: boolean;
}
export const INITIAL_ITEM_STATE: ItemViewState = { focus: false };

/**
 * Base appearance from the file's attributes, then rules on item state only (never graph state, never
 * functions), so that sigma re-evaluates just the items whose state changed.
 */
export function createStyles(graph: KnowledgeGraph): StylesDeclaration<NodeAttrs, EdgeAttrs, ItemViewState, ItemViewState> {
  let maxWeight = 1;
  const labels: Record<string, string> = {};
  const colors: Record<string, string> = {};
  graph.forEachEdge((_edge, attrs) => {
    if (attrs.weight > maxWeight) maxWeight = attrs.weight;
    if (!Object.hasOwn(labels, attrs.label)) labels[attrs.label] = relationText(attrs);
    if (!Object.hasOwn(colors, attrs.relation)) colors[attrs.relation] = relationColor(attrs.relation);
  });
  const top = { depth: 'topNodes', labelDepth: 'topNodes', labelVisibility: 'visible' } as const;
  return {
    nodes: [
      {
        x: { attribute: 'x' },
        y: { attribute: 'y' },
        size: { attribute: 'size', defaultValue: 6 },
        color: { attribute: 'color', defaultValue: '#7f7f7f' },
        // Long names are shortened on the graph; the panel and search give them whole.
        label: { attribute: SHORT_LABEL_ATTRIBUTE },
        labelColor: LABEL_COLOR,
        labelSize: 13,
        labelVisibility: 'auto',
        depth: 'nodes',
        labelDepth: 'nodes',
        cursor: 'pointer',
        visibility: 'visible',
        backdropVisibility: 'hidden',
        backdropColor: '#ffffff',
        backdropShadowColor: 'rgba(15, 23, 42, 0.22)',
        backdropShadowBlur: 8,
        backdropPadding: 4,
        backdropCornerRadius: 6,
      },
      { whenState: 'focus', then: top },
      { whenState: 'isHighlighted', then: { ...top, backdropVisibility: 'visible' } },
      { whenState: 'isHovered', then: { ...top, backdropVisibility: 'visible' } },
      { whenState: 'isHidden', then: { visibility: 'hidden', labelVisibility: 'hidden' } },
    ],
    edges: [
      {
        size: { attribute: 'weight', min: 1, max: 4.5, minValue: 1, maxValue: Math.max(2, Math.min(maxWeight, 8)), defaultValue: 1 },
        color: { attribute: 'relation', dict: colors, defaultValue: UNKNOWN_RELATION_COLOR },
        opacity: graph.size > 2000 ? 0.45 : 0.7,
        label: { attribute: 'label', dict: labels, defaultValue: '' },
        labelColor: EDGE_LABEL_COLOR,
        labelSize: 11,
        labelPosition: 'above',
        labelVisibility: 'auto',
        // Undirected edges (graphs from other tools) carry `none`.
        head: { attribute: HEAD_ATTRIBUTE, defaultValue: 'arrow' },
        path: 'straight',
        parallelPath: 'curved',
        depth: 'edges',
        labelDepth: 'edges',
        cursor: 'pointer',
        visibility: 'visible',
      },
      { whenState: 'focus', then: { opacity: 1, depth: 'topEdges', labelDepth: 'topEdges', labelVisibility: 'visible' } },
      { whenState: 'isHovered', then: { opacity: 1, depth: 'topEdges', labelDepth: 'topEdges', labelVisibility: 'visible' } },
      { whenState: 'isHighlighted', then: { opacity: 1, depth: 'topEdges', labelDepth: 'topEdges', labelVisibility: 'visible', labelColor: LABEL_COLOR } },
      { whenState: 'isHidden', then: { visibility: 'hidden', labelVisibility: 'hidden' } },
    ],
  };
}

