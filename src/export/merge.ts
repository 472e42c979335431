// Merges graph files (`kg merge`): one node per entity key, evidence united without duplicates, weights recomputed.
import { KgError } from '../errors.js';
import { copyDocumentMeta, edgeKey, pairKey, undirectedEdgeKey } from '../graph/build.js';
import { EDGE_FIELDS, extraAttributes, NODE_FIELDS, withExtras } from '../graph/extra.js';
import { compareStrings } from '../graph/order.js';
import type { DocumentMeta, Evidence, GraphFile, GraphOptions, SerializedEdge, SerializedNode } from '../types.js';
import { hasUnknownOffsets } from './text.js';

export interface MergeOptions {
  /** Name of the merged graph (default: the first graph's). */
  name?: string;
  /** Written into the merged graph's `generator`. */
  generator: string;
}

function compareEvidence(a: Evidence, b: Evidence): number {
  return (
    compareStrings(a.document, b.document) ||
    a.start - b.start ||
    a.end - b.end ||
    compareStrings(a.sentence, b.sentence) ||
    compareStrings(a.trigger, b.trigger) ||
    compareStrings(a.extractor, b.extractor) ||
    compareStrings(a.frame ?? '', b.frame ?? '')
  );
}

/**
 * Evidence of one relation from several graphs, each item once. Items with offsets are the same when
 * document and span are (as in graph building); items whose offsets were lost (recovered from readable
 * text) are the same when document, sentence and trigger are, and give way to an item with offsets.
 */
export function uniteEvidence(lists: readonly Evidence[][]): Evidence[] {
  const located = new Map<string, Evidence>();
  const unlocated = new Map<string, Evidence>();
  const textKey = (e: Evidence) => `${e.document}\u0000${e.sentence}\u0000${e.trigger}`;
  for (const list of lists) {
    for (const e of list) {
      if (hasUnknownOffsets(e)) {
        if (!unlocated.has(textKey(e))) unlocated.set(textKey(e), { ...e });
      } else {
        const key = `${e.document}\u0000${e.start}\u0000${e.end}`;
        if (!located.has(key)) located.set(key, { ...e });
      }
    }
  }
  const locatedText = new Set([...located.values()].map(textKey));
  const kept = [...located.values(), ...[...unlocated.values()].filter((e) => !locatedText.has(textKey(e)))];
  return kept.sort(compareEvidence);
}

/** The documents a graph draws on: those it lists and those its evidence names. */
function sources(file: GraphFile): Set<string> {
  const ids = new Set(file.attributes.documents.map((d) => d.id));
  for (const edge of file.edges) for (const e of edge.attributes.evidence) ids.add(e.document);
  return ids;
}

interface EdgeDraft {
  undirected: boolean;
  source: string;
  target: string;
  key: string;
  attributes: SerializedEdge['attributes'];
  evidence: Evidence[][];
  asserted: boolean;
  maxWeight: number;
}

/** Options that hold every merged edge: the kinds of edge present, self-loops if any input allows them, multi unless all are simple and stay so. */
function mergedOptions(files: readonly GraphFile[], edges: readonly SerializedEdge[]): GraphOptions {
  const types = new Set(files.map((f) => f.options.type));
  const type = types.size === 1 ? [...types][0] : 'mixed';
  const pairs = new Set(edges.map(pairKey));
  const multi = files.some((f) => f.options.multi) || pairs.size < edges.length;
  return { type, multi, allowSelfLoops: files.some((f) => f.options.allowSelfLoops) };
}

/**
 * One graph from several. Nodes with the same key are one entity: the first graph gives label, type,
 * position, size and colour; aliases are united; mentions add up across graphs built from different
 * documents and take the maximum where the documents overlap (the same mentions counted twice otherwise).
 * Edges with the same (source, relation, target) are one relation: evidence is united, the weight is the
 * number of distinct evidence items (the largest weight given, for edges without evidence), confidence the
 * maximum, and negated/hypothetical combine as in graph building (one asserted occurrence asserts).
 */
export function mergeGraphFiles(files: readonly GraphFile[], options: MergeOptions): GraphFile {
  if (files.length === 0) throw new KgError('INPUT_EMPTY', 'nothing to merge: no graphs given');
  const ontologies = [...new Set(files.map((f) => f.attributes.ontology))];
  if (ontologies.length > 1) {
    throw new KgError('INPUT_INVALID', `cannot merge graphs of different ontology versions (${ontologies.join(', ')})`);
  }

  const documents = new Map<string, DocumentMeta>();
  const nodes = new Map<string, SerializedNode>();
  const edges = new Map<string, EdgeDraft>();
  const seen = new Set<string>();
  for (const file of files) {
    const own = sources(file);
    const overlaps = [...own].some((id) => seen.has(id));
    for (const id of own) seen.add(id);
    for (const d of file.attributes.documents) if (!documents.has(d.id)) documents.set(d.id, copyDocumentMeta(d));

    for (const node of file.nodes) {
      const existing = nodes.get(node.key);
      if (!existing) {
        nodes.set(node.key, {
          key: node.key,
          attributes: { ...node.attributes, aliases: [...node.attributes.aliases], ...(node.attributes.documents ? { documents: [...node.attributes.documents] } : {}) },
        });
        continue;
      }
      const a = existing.attributes;
      a.aliases = [...new Set([...a.aliases, ...node.attributes.aliases])].sort(compareStrings);
      a.mentions = overlaps ? Math.max(a.mentions, node.attributes.mentions) : a.mentions + node.attributes.mentions;
      if (a.wikidata === undefined && node.attributes.wikidata !== undefined) a.wikidata = node.attributes.wikidata;
      if (node.attributes.documents !== undefined) a.documents = [...new Set([...(a.documents ?? []), ...node.attributes.documents])].sort(compareStrings);
      // Attributes kg does not know: the first graph that has one gives it.
      withExtras(a, extraAttributes(node.attributes, NODE_FIELDS));
    }

    for (const edge of file.edges) {
      const a = edge.attributes;
      const undirected = edge.undirected === true;
      const key = undirected ? undirectedEdgeKey(edge.source, a.relation, edge.target) : edgeKey(edge.source, a.relation, edge.target);
      const asserted = !a.negated && !a.hypothetical;
      const existing = edges.get(key);
      if (!existing) {
        edges.set(key, {
          undirected,
          key,
          source: edge.source,
          target: edge.target,
          attributes: { ...a, evidence: [] },
          evidence: [a.evidence],
          asserted,
          maxWeight: a.weight,
        });
        continue;
      }
      const e = existing.attributes;
      existing.evidence.push(a.evidence);
      existing.asserted ||= asserted;
      existing.maxWeight = Math.max(existing.maxWeight, a.weight);
      e.confidence = Math.max(e.confidence, a.confidence);
      e.negated ||= a.negated;
      e.hypothetical ||= a.hypothetical;
      withExtras(e, extraAttributes(a, EDGE_FIELDS));
    }
  }

  const mergedEdges: SerializedEdge[] = [...edges.values()]
    .sort((x, y) => compareStrings(x.key, y.key))
    .map((draft) => {
      const evidence = uniteEvidence(draft.evidence);
      const a = draft.attributes;
      const edge: SerializedEdge = {
        key: draft.key,
        source: draft.source,
        target: draft.target,
        attributes: withExtras(
          {
            relation: a.relation,
            label: a.label,
            weight: evidence.length > 0 ? evidence.length : draft.maxWeight,
            confidence: a.confidence,
            negated: !draft.asserted && a.negated,
            hypothetical: !draft.asserted && a.hypothetical,
            evidence,
          },
          extraAttributes(a, EDGE_FIELDS),
        ),
      };
      if (draft.undirected) edge.undirected = true;
      return edge;
    });

  // Entities with relations after the merge take their documents from the evidence.
  const related = new Set(mergedEdges.flatMap((e) => [e.source, e.target]));
  for (const node of nodes.values()) if (related.has(node.key)) delete node.attributes.documents;

  const first = files[0].attributes;
  return {
    options: mergedOptions(files, mergedEdges),
    attributes: {
      name: options.name ?? first.name,
      generator: options.generator,
      ontology: first.ontology,
      documents: [...documents.values()].sort((x, y) => compareStrings(x.id, y.id)),
    },
    nodes: [...nodes.values()].sort((x, y) => compareStrings(x.key, y.key)),
    edges: mergedEdges,
  };
}
