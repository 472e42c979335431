// Which entities and relations the filters leave on screen, and the counts the filter legends show. Pure: no DOM, no sigma.
import type { KnowledgeGraph } from './load.js';
import type { Filters } from './state.js';

export interface Count {
  visible: number;
  total: number;
}

export interface Visibility {
  readonly hiddenNodes: ReadonlySet<string>;
  readonly hiddenEdges: ReadonlySet<string>;
  readonly visibleNodes: number;
  readonly visibleEdges: number;
  /** Per entity type, per relation type and per document: how many items are on screen of how many. */
  readonly types: ReadonlyMap<string, Count>;
  readonly relations: ReadonlyMap<string, Count>;
  readonly documents: ReadonlyMap<string, Count>;
  /** Relations per evidence weight (all of them, whatever the filters). */
  readonly weights: ReadonlyMap<number, number>;
  /** Entities the other filters leave on screen without any visible relation ("hide isolated" removes them). */
  readonly isolated: number;
}

export function filtersActive(filters: Filters): boolean {
  return (
    filters.hiddenTypes.size > 0 ||
    filters.hiddenRelations.size > 0 ||
    filters.hiddenDocuments.size > 0 ||
    filters.minWeight > 1 ||
    filters.hideIsolated
  );
}

function bump(map: Map<string, Count>, key: string, visible: boolean): void {
  let count = map.get(key);
  if (count === undefined) map.set(key, (count = { visible: 0, total: 0 }));
  count.total++;
  if (visible) count.visible++;
}

/**
 * A relation shows when its type is on, it has at least `minWeight` evidence items, one of them comes from
 * a document that is on, and both its ends show. An entity shows when its type is on and, with documents
 * switched off, it still has a relation from a document that is on (an entity without relations: one of the
 * documents that name it is on); "hide isolated" then removes entities left without a visible relation.
 */
export function computeVisibility(graph: KnowledgeGraph, filters: Filters): Visibility {
  const hiddenNodes = new Set<string>();
  const hiddenEdges = new Set<string>();
  const byDocuments = filters.hiddenDocuments.size > 0;

  graph.forEachNode((node, attrs) => {
    if (filters.hiddenTypes.has(attrs.type)) hiddenNodes.add(node);
  });

  // Edges filtered by their own attributes; entities whose every relation comes from hidden documents.
  const documentEdges = new Set<string>();
  const documentCounts = new Map<string, Count>();
  graph.forEachEdge((edge, attrs) => {
    const docs = new Set(attrs.evidence.map((e) => e.document));
    let inShownDocument = !byDocuments || docs.size === 0;
    for (const doc of docs) if (!filters.hiddenDocuments.has(doc)) inShownDocument = true;
    if (!inShownDocument) documentEdges.add(edge);
    for (const doc of docs) bump(documentCounts, doc, !filters.hiddenDocuments.has(doc));
  });
  if (byDocuments) {
    graph.forEachNode((node, attrs) => {
      if (hiddenNodes.has(node)) return;
      // An entity without relations says which documents name it (older files do not: it stays).
      if (graph.degree(node) === 0) {
        if (attrs.documents !== undefined && attrs.documents.length > 0 && attrs.documents.every((doc) => filters.hiddenDocuments.has(doc))) hiddenNodes.add(node);
        return;
      }
      let kept = false;
      graph.forEachEdge(node, (edge) => {
        if (!documentEdges.has(edge)) kept = true;
      });
      if (!kept) hiddenNodes.add(node);
    });
  }

  const weights = new Map<number, number>();
  graph.forEachEdge((edge, attrs, source, target) => {
    weights.set(attrs.weight, (weights.get(attrs.weight) ?? 0) + 1);
    if (
      filters.hiddenRelations.has(attrs.relation) ||
      attrs.weight < filters.minWeight ||
      documentEdges.has(edge) ||
      hiddenNodes.has(source) ||
      hiddenNodes.has(target)
    ) {
      hiddenEdges.add(edge);
    }
  });

  const isolatedNodes: string[] = [];
  graph.forEachNode((node) => {
    if (hiddenNodes.has(node)) return;
    let connected = false;
    graph.forEachEdge(node, (edge) => {
      if (!hiddenEdges.has(edge)) connected = true;
    });
    if (!connected) isolatedNodes.push(node);
  });
  if (filters.hideIsolated) for (const node of isolatedNodes) hiddenNodes.add(node);

  const types = new Map<string, Count>();
  graph.forEachNode((node, attrs) => bump(types, attrs.type, !hiddenNodes.has(node)));
  const relations = new Map<string, Count>();
  graph.forEachEdge((edge, attrs) => bump(relations, attrs.relation, !hiddenEdges.has(edge)));

  return {
    hiddenNodes,
    hiddenEdges,
    visibleNodes: graph.order - hiddenNodes.size,
    visibleEdges: graph.size - hiddenEdges.size,
    types,
    relations,
    documents: documentCounts,
    weights,
    isolated: isolatedNodes.length,
  };
}
