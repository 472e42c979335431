// Merges per-document extractions into one knowledge graph, document by document: one node per entity key (surnames
// resolved across the corpus), one edge per (subject, relation, object), the same whatever order documents come in.
import { MultiDirectedGraph } from 'graphology';
import { KgError } from '../errors.js';
import {
  ONTOLOGY_VERSION,
  TYPE_COLORS,
  type DocumentExtraction,
  type DocumentMeta,
  type EdgeAttributes,
  type EntityType,
  type Evidence,
  type GraphAttributes,
  type GraphOptions,
  KG_GRAPH_OPTIONS,
  type NodeAttributes,
  type Relation,
  type RelationType,
} from '../types.js';
import { compareStrings } from './order.js';

/** The in-memory graph every later stage (layout, stats, exporters) works on. */
export type KnowledgeGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

// graphology's base class takes any options; its typings declare it only as the default export, which this
// module setting cannot construct, so it is reached through a subclass. The subclasses add no members.
const BaseGraph = Object.getPrototypeOf(MultiDirectedGraph) as typeof MultiDirectedGraph;

export interface BuildOptions {
  /** Name of the graph (usually the corpus or file name). */
  name: string;
  /** `<package name>@<version>` of the program that built the graph. */
  generator: string;
}

/**
 * A fresh, empty graph: by default with the options of every graph kg builds (directed, multi, no self-loops);
 * graphs read from other tools keep theirs.
 */
export function createKnowledgeGraph(attributes: GraphAttributes, options: GraphOptions = KG_GRAPH_OPTIONS): KnowledgeGraph {
  const graph: KnowledgeGraph = new BaseGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({ ...options });
  graph.replaceAttributes(attributes);
  return graph;
}

/** The edge key GRAPH_FORMAT.md prescribes: derived from content so diffs between graph files are meaningful. */
export function edgeKey(subject: string, relation: string, object: string): string {
  return `${subject}->${relation}->${object}`;
}

/**
 * The pair of nodes an edge joins, as graphology's `multi: false` counts them: ordered for a directed edge,
 * unordered for an undirected one. Two edges with one pair key are parallel.
 */
export function pairKey(edge: { source: string; target: string; undirected?: boolean }): string {
  const ends = edge.undirected ? [edge.source, edge.target].sort(compareStrings) : [edge.source, edge.target];
  return `${edge.undirected ? 'u' : 'd'}\u0000${ends.join('\u0000')}`;
}

/** The key of an undirected edge (graphs read from other tools): the same whichever end is written first. */
export function undirectedEdgeKey(a: string, relation: string, b: string): string {
  const [first, second] = compareStrings(a, b) <= 0 ? [a, b] : [b, a];
  return `${first}--${relation}--${second}`;
}

/** Copies only the fields of DocumentMeta, in a fixed order, so extra properties never leak into the graph file. */
export function copyDocumentMeta(meta: DocumentMeta): DocumentMeta {
  const copy: DocumentMeta = { id: meta.id, language: meta.language };
  if (meta.path !== undefined) copy.path = meta.path;
  if (meta.title !== undefined) copy.title = meta.title;
  if (meta.date !== undefined) copy.date = meta.date;
  if (meta.url !== undefined) copy.url = meta.url;
  if (meta.hash !== undefined) copy.hash = meta.hash;
  return copy;
}

function compareEvidence(a: Evidence, b: Evidence): number {
  return compareStrings(a.document, b.document) || a.start - b.start || a.end - b.end;
}

/** What one entity of one document adds to its node: no mention objects, just their count. */
export interface EntityContribution {
  key: string;
  label: string;
  type: EntityType;
  aliases: string[];
  mentions: number;
  wikidata?: string;
  /** Linked to the knowledge base (never merged into another name across documents). */
  kb: boolean;
}

/** What one document adds to one edge: its relations with the same (subject, relation, object), aggregated. */
export interface RelationContribution {
  subject: string;
  relation: RelationType;
  object: string;
  confidence: number;
  /** At least one occurrence was neither negated nor hypothetical. */
  asserted: boolean;
  negated: boolean;
  hypothetical: boolean;
  evidence: Evidence[];
}

/**
 * One document's share of the graph: everything the merge needs and nothing more (no text, no mention
 * objects), so a corpus can be merged, and a document later replaced, in memory proportional to the graph.
 */
export interface DocumentContribution {
  document: DocumentMeta;
  entities: EntityContribution[];
  relations: RelationContribution[];
}

function evidenceId(item: Evidence, relation: string): string {
  return `${item.document}\u0000${item.start}\u0000${item.end}\u0000${relation}`;
}

/**
 * The contribution of one extraction. Strings are copied, so that a contribution kept for the whole run never
 * holds on to the document text an evidence sentence was sliced from.
 */
export function contributionOf(extraction: DocumentExtraction): DocumentContribution {
  const own = (s: string): string => (s.length > 12 ? (JSON.parse(JSON.stringify(s)) as string) : s);
  const entities = extraction.entities.map((entity): EntityContribution => {
    const c: EntityContribution = {
      key: entity.key,
      label: own(entity.label),
      type: entity.type,
      aliases: entity.aliases.map(own),
      mentions: entity.mentions.length,
      kb: entity.mentions.some((m) => m.source === 'kb' && m.kbId === entity.key),
    };
    if (entity.wikidata !== undefined) c.wikidata = entity.wikidata;
    return c;
  });
  const byKey = new Map<string, RelationContribution & { ids: Set<string> }>();
  for (const relation of extraction.relations) {
    const key = edgeKey(relation.subject, relation.relation, relation.object);
    let c = byKey.get(key);
    if (!c) {
      c = {
        subject: relation.subject,
        relation: relation.relation,
        object: relation.object,
        confidence: relation.confidence,
        asserted: false,
        negated: false,
        hypothetical: false,
        evidence: [],
        ids: new Set(),
      };
      byKey.set(key, c);
    }
    c.confidence = Math.max(c.confidence, relation.confidence);
    if (!relation.negated && !relation.hypothetical) c.asserted = true;
    c.negated ||= relation.negated;
    c.hypothetical ||= relation.hypothetical;
    for (const item of relation.evidence) {
      const id = evidenceId(item, relation.relation);
      if (c.ids.has(id)) continue;
      c.ids.add(id);
      c.evidence.push({ ...item, sentence: own(item.sentence), trigger: own(item.trigger) });
    }
  }
  const relations = [...byKey.values()].map(({ ids, ...c }) => {
    void ids;
    return c;
  });
  return { document: copyDocumentMeta(extraction.document), entities, relations };
}

interface NodeDraft {
  label: string;
  type: NodeAttributes['type'];
  /** The document the label and type come from: the first by id that names the entity. */
  labelFrom: string;
  wikidata?: string;
  wikidataFrom?: string;
  aliases: Set<string>;
  mentions: number;
  kb: boolean;
  /**
   * The documents that name it, kept only while no relation has named it: an entity without relations has no
   * evidence to tell where it comes from (the document filters need it); null once a relation does.
   */
  documents: Set<string> | null;
}

interface EdgeDraft {
  subject: string;
  relation: Relation['relation'];
  object: string;
  evidence: Map<string, Evidence>;
  confidence: number;
  asserted: boolean;
  negated: boolean;
  hypothetical: boolean;
}

/**
 * Cross-document resolution of surnames: a person's name the knowledge base does not know ("Stoltenberg",
 * "Stoltenbergs", "Barth Eide") is the person whose full name ends in it ("Jens Stoltenberg", "Espen Barth
 * Eide") when exactly one full name in the whole corpus does; otherwise it stays a node of its own. Decided on
 * the merged nodes, so it cannot depend on which document a name came from or in which order documents
 * arrived. Stricter than resolve/'s rule inside one document (given names and untyped names stay apart): a
 * corpus holds many more people who share a first name. Returns node key → key it merges into.
 */
export function surnameMerges(nodes: ReadonlyMap<string, { label: string; type: EntityType; kb: boolean; wikidata?: string }>): Map<string, string> {
  const bySuffix = new Map<string, Set<string>>();
  for (const [key, node] of nodes) {
    const words = node.label.split(' ');
    if (node.type !== 'person' || words.length < 2) continue;
    for (let k = 1; k < words.length; k++) {
      const suffix = words.slice(k).join(' ');
      let set = bySuffix.get(suffix);
      if (!set) bySuffix.set(suffix, (set = new Set()));
      set.add(key);
    }
  }
  // Longest names first: a shorter name then counts each longer one by the name it merges into, so "Eide" is not
  // made ambiguous by "Barth Eide" when that is itself "Espen Barth Eide".
  const words = new Map([...nodes].map(([key, node]) => [key, node.label.split(' ').length]));
  const order = [...nodes.keys()].sort((a, b) => words.get(b)! - words.get(a)! || compareStrings(a, b));
  const merges = new Map<string, string>();
  for (const key of order) {
    const node = nodes.get(key)!;
    if (node.kb || node.wikidata !== undefined || node.type !== 'person') continue;
    const targets = new Set<string>();
    const add = (suffix: string) => {
      for (const k of bySuffix.get(suffix) ?? []) targets.add(merges.get(k) ?? k);
    };
    add(node.label);
    // "Stoltenbergs": a genitive of the surname.
    if (node.label.endsWith('s') && !node.label.includes(' ')) add(node.label.slice(0, -1));
    targets.delete(key);
    if (targets.size === 1) merges.set(key, [...targets][0]!);
  }
  return merges;
}

/**
 * Merges document contributions into one graph, one document at a time, in memory that grows with the graph
 * (nodes, edges, evidence, document metadata), not with the documents: one node per entity key, one edge per
 * (subject, relation, object). The graph depends only on the set of documents added, never on their order: the
 * first document by id gives a node its label and type, and surnames are resolved over the whole corpus in
 * `toGraph`.
 */
export class GraphAccumulator {
  private readonly nodes = new Map<string, NodeDraft>();
  private readonly edges = new Map<string, EdgeDraft>();
  private readonly documents = new Map<string, DocumentMeta>();

  /** Number of documents added. */
  get size(): number {
    return this.documents.size;
  }

  add(contribution: DocumentContribution): void {
    const id = contribution.document.id;
    // Evidence offsets point into one text per id; two texts under one id would make them ambiguous.
    if (this.documents.has(id)) throw new KgError('INPUT_INVALID', `duplicate document id "${id}"`);
    this.documents.set(id, copyDocumentMeta(contribution.document));
    for (const entity of contribution.entities) {
      let node = this.nodes.get(entity.key);
      if (!node) {
        node = { label: entity.label, type: entity.type, labelFrom: id, aliases: new Set(), mentions: 0, kb: false, documents: new Set() };
        this.nodes.set(entity.key, node);
      } else if (compareStrings(id, node.labelFrom) < 0) {
        node.label = entity.label;
        node.type = entity.type;
        node.labelFrom = id;
      }
      if (entity.wikidata !== undefined && (node.wikidataFrom === undefined || compareStrings(id, node.wikidataFrom) < 0)) {
        node.wikidata = entity.wikidata;
        node.wikidataFrom = id;
      }
      for (const alias of entity.aliases) node.aliases.add(alias);
      node.mentions += entity.mentions;
      node.kb ||= entity.kb;
      node.documents?.add(id);
    }
    for (const relation of contribution.relations) {
      for (const end of [relation.subject, relation.object]) {
        const named = this.nodes.get(end);
        if (named) named.documents = null;
      }
      const key = edgeKey(relation.subject, relation.relation, relation.object);
      let edge = this.edges.get(key);
      if (!edge) {
        edge = { ...relation, evidence: new Map() };
        this.edges.set(key, edge);
      }
      mergeEdge(edge, relation, relation.evidence);
    }
  }

  /**
   * New metadata (path, title, date …) for a document whose text did not change: what it contributed stays.
   * Returns false for an unknown id or another hash.
   */
  refresh(meta: DocumentMeta): boolean {
    const current = this.documents.get(meta.id);
    if (!current || current.hash !== meta.hash) return false;
    this.documents.set(meta.id, copyDocumentMeta(meta));
    return true;
  }

  /** The graph of everything added so far (the accumulator is left as it is). */
  toGraph(options: BuildOptions): KnowledgeGraph {
    const merges = surnameMerges(this.nodes);
    const canonical = (key: string): string => merges.get(key) ?? key;
    const nodes = new Map<string, NodeDraft>();
    // Targets first, in key order, then what merges into them: label and type stay the full name's.
    for (const key of [...this.nodes.keys()].sort(compareStrings)) {
      if (!merges.has(key)) {
        const node = this.nodes.get(key)!;
        nodes.set(key, { ...node, aliases: new Set(node.aliases), documents: node.documents && new Set(node.documents) });
      }
    }
    for (const key of [...merges.keys()].sort(compareStrings)) {
      const from = this.nodes.get(key)!;
      const into = nodes.get(canonical(key))!;
      if (into.wikidata === undefined && from.wikidata !== undefined) into.wikidata = from.wikidata;
      for (const alias of from.aliases) into.aliases.add(alias);
      into.mentions += from.mentions;
      if (from.documents === null) into.documents = null;
      else if (into.documents !== null) for (const doc of from.documents) into.documents.add(doc);
    }

    const edges = new Map<string, EdgeDraft>();
    for (const original of [...this.edges.keys()].sort(compareStrings)) {
      const draft = this.edges.get(original)!;
      const subject = canonical(draft.subject);
      const object = canonical(draft.object);
      // Self-loops, and relations to an entity no document names (a capital's country), are left out.
      if (subject === object || !nodes.has(subject) || !nodes.has(object)) continue;
      const key = edgeKey(subject, draft.relation, object);
      let edge = edges.get(key);
      if (!edge) {
        edge = { ...draft, subject, object, evidence: new Map() };
        edges.set(key, edge);
      }
      mergeEdge(edge, draft, draft.evidence.values());
    }

    const graph = createKnowledgeGraph({
      name: options.name,
      generator: options.generator,
      ontology: ONTOLOGY_VERSION,
      documents: [...this.documents.keys()].sort(compareStrings).map((id) => copyDocumentMeta(this.documents.get(id)!)),
    });

    const related = new Set<string>();
    for (const edge of edges.values()) related.add(edge.subject).add(edge.object);
    const droppedEvidenceDocuments = (key: string): Set<string> => {
      const documents = new Set<string>();
      for (const draft of this.edges.values()) {
        if (canonical(draft.subject) !== key && canonical(draft.object) !== key) continue;
        for (const e of draft.evidence.values()) documents.add(e.document);
      }
      return documents;
    };
    for (const [key, node] of nodes) {
      const attributes: NodeAttributes = {
        label: node.label,
        type: node.type,
        aliases: [...node.aliases].sort(compareStrings),
        mentions: node.mentions,
        x: 0,
        y: 0,
        size: 1,
        color: TYPE_COLORS[node.type],
      };
      if (node.wikidata !== undefined) attributes.wikidata = node.wikidata;
      // Where an entity without relations comes from: the others' documents are their evidence's. One whose only
      // relations were left out here (a self-loop after a surname merge) takes the documents of their evidence.
      if (!related.has(key)) {
        const documents = node.documents ?? droppedEvidenceDocuments(key);
        if (documents.size > 0) attributes.documents = [...documents].sort(compareStrings);
      }
      graph.addNode(key, attributes);
    }

    for (const key of [...edges.keys()].sort(compareStrings)) {
      const edge = edges.get(key)!;
      const evidence = [...edge.evidence.values()].sort(compareEvidence);
      // One asserted occurrence is enough to assert the relation. Without one, the flags seen are kept
      // (OR, not AND): a relation seen once negated and once hypothetical must not come out asserted.
      graph.addDirectedEdgeWithKey(key, edge.subject, edge.object, {
        relation: edge.relation,
        label: edge.relation.replaceAll('_', ' '),
        weight: evidence.length,
        confidence: edge.confidence,
        negated: !edge.asserted && edge.negated,
        hypothetical: !edge.asserted && edge.hypothetical,
        evidence,
      });
    }
    return graph;
  }
}

function mergeEdge(edge: EdgeDraft, from: Pick<EdgeDraft, 'confidence' | 'asserted' | 'negated' | 'hypothetical' | 'relation'>, evidence: Iterable<Evidence>): void {
  edge.confidence = Math.max(edge.confidence, from.confidence);
  edge.asserted ||= from.asserted;
  edge.negated ||= from.negated;
  edge.hypothetical ||= from.hypothetical;
  for (const item of evidence) {
    const id = evidenceId(item, from.relation);
    if (!edge.evidence.has(id)) edge.evidence.set(id, { ...item });
  }
}

/** The graph of a set of document contributions (see GraphAccumulator). */
export function buildGraphFromContributions(contributions: Iterable<DocumentContribution>, options: BuildOptions): KnowledgeGraph {
  const accumulator = new GraphAccumulator();
  for (const c of contributions) accumulator.add(c);
  return accumulator.toGraph(options);
}

export function buildGraph(extractions: DocumentExtraction[], options: BuildOptions): KnowledgeGraph {
  return buildGraphFromContributions(extractions.map(contributionOf), options);
}
