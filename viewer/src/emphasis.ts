// The emphasis of a view state: which neighbourhood a hover or a selection puts forward. Pure, no sigma.
import type { KnowledgeGraph } from './load.js';
import type { ViewerState } from './state.js';

/** The part of the graph the current state puts forward; when `active`, the rest is dimmed by the veil. */
export interface Emphasis {
  readonly active: boolean;
  readonly nodes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
  /** The selected node (drawn with a halo), if any. */
  readonly highlightNode: string | null;
  /** The selected relation, if any. */
  readonly highlightEdge: string | null;
}

export const NO_EMPHASIS: Emphasis = { active: false, nodes: new Set(), edges: new Set(), highlightNode: null, highlightEdge: null };

/**
 * The emphasis of a state: a hovered node (else the selected node) with its visible relations and
 * neighbours, or a selected relation with its two ends. Hidden items never light up.
 */
export function deriveEmphasis(
  graph: KnowledgeGraph,
  state: Pick<ViewerState, 'hoveredNode' | 'selection'>,
  hiddenNodes: ReadonlySet<string>,
  hiddenEdges: ReadonlySet<string>,
): Emphasis {
  const usable = (node: string | null): node is string => node !== null && graph.hasNode(node) && !hiddenNodes.has(node);
  const selectedNode = state.selection?.kind === 'node' && usable(state.selection.key) ? state.selection.key : null;
  const selectedEdge =
    state.selection?.kind === 'edge' && graph.hasEdge(state.selection.key) && !hiddenEdges.has(state.selection.key)
      ? state.selection.key
      : null;
  const hovered = usable(state.hoveredNode) ? state.hoveredNode : null;

  const center = hovered ?? selectedNode;
  if (center !== null) {
    const nodes = new Set([center]);
    const edges = new Set<string>();
    graph.forEachEdge(center, (edge, _attrs, source, target) => {
      if (hiddenEdges.has(edge)) return;
      edges.add(edge);
      nodes.add(source === center ? target : source);
    });
    if (selectedEdge !== null) edges.add(selectedEdge);
    return { active: true, nodes, edges, highlightNode: selectedNode, highlightEdge: selectedEdge };
  }
  if (selectedEdge !== null) {
    return { active: true, nodes: new Set(graph.extremities(selectedEdge)), edges: new Set([selectedEdge]), highlightNode: null, highlightEdge: selectedEdge };
  }
  return NO_EMPHASIS;
}

/** What changed between two sets: the keys to switch on and the keys to switch off. */
export function diffSets(previous: ReadonlySet<string>, next: ReadonlySet<string>): { on: string[]; off: string[] } {
  const on: string[] = [];
  const off: string[] = [];
  for (const key of next) if (!previous.has(key)) on.push(key);
  for (const key of previous) if (!next.has(key)) off.push(key);
  return { on, off };
}
