// The graph file (GRAPH_FORMAT.md): byte-stable writing, validating reading, and conversion back to a graphology graph.
import { KgError } from '../errors.js';
import {
  ENTITY_TYPES,
  LANGUAGES,
  RELATION_TYPES,
  type DocumentMeta,
  type EdgeAttributes,
  type Evidence,
  type GraphAttributes,
  type GraphFile,
  type GraphOptions,
  type NodeAttributes,
  type SerializedEdge,
  type SerializedNode,
} from '../types.js';
import { copyDocumentMeta, createKnowledgeGraph, pairKey, type KnowledgeGraph } from './build.js';
import { compareStrings } from './order.js';
import { EDGE_FIELDS, extraAttributes, NODE_FIELDS, withExtras } from './extra.js';

const GRAPH_TYPES: ReadonlyArray<GraphOptions['type']> = ['directed', 'undirected', 'mixed'];

// Layout coordinates carry float noise far below what a screen shows; 4 decimals keep files small and diffs quiet.
function round4(value: number): number {
  // `|| 0` turns -0 into 0, which JSON would print the same but Object.is would not.
  return Math.round(value * 1e4) / 1e4 || 0;
}

function finite(value: number, what: string): number {
  if (!Number.isFinite(value)) throw new KgError('INVALID_GRAPH', `${what} is not a finite number: ${value}`);
  return value;
}

// The fixed key orders below are the file's contract: JSON.stringify keeps insertion order, so building
// each object field by field is what makes the output byte-identical whatever order attributes were set in.

function copyNodeAttributes(a: NodeAttributes, round: (n: number) => number): NodeAttributes {
  return withExtras({
    label: a.label,
    type: a.type,
    aliases: [...a.aliases],
    mentions: a.mentions,
    ...(a.wikidata === undefined ? {} : { wikidata: a.wikidata }),
    x: round(a.x),
    y: round(a.y),
    size: round(a.size),
    color: a.color,
    ...(a.community === undefined ? {} : { community: a.community }),
    ...(a.documents === undefined ? {} : { documents: [...a.documents] }),
  }, extraAttributes(a, NODE_FIELDS));
}

/** An evidence record with exactly the contract's fields, in the contract's order. */
export function copyEvidence(e: Evidence): Evidence {
  return {
    document: e.document,
    sentence: e.sentence,
    start: e.start,
    end: e.end,
    trigger: e.trigger,
    extractor: e.extractor,
    ...(e.frame !== undefined ? { frame: e.frame } : {}),
  };
}

function copyEdgeAttributes(a: EdgeAttributes, round: (n: number) => number): EdgeAttributes {
  return withExtras(
    {
      relation: a.relation,
      label: a.label,
      weight: a.weight,
      confidence: round(a.confidence),
      negated: a.negated,
      hypothetical: a.hypothetical,
      evidence: a.evidence.map(copyEvidence),
    },
    extraAttributes(a, EDGE_FIELDS),
  );
}

function copyOptions(o: GraphOptions): GraphOptions {
  return { type: o.type, multi: o.multi, allowSelfLoops: o.allowSelfLoops };
}

function copyGraphAttributes(a: GraphAttributes): GraphAttributes {
  return {
    name: a.name,
    generator: a.generator,
    ontology: a.ontology,
    documents: [...a.documents].sort((x, y) => compareStrings(x.id, y.id)).map(copyDocumentMeta),
  };
}

/** The graph as a graph file object: sorted, fixed key order, numbers rounded as they are written. */
export function graphToFile(graph: KnowledgeGraph): GraphFile {
  const nodes: SerializedNode[] = graph
    .nodes()
    .sort(compareStrings)
    .map((key) => {
      const a = graph.getNodeAttributes(key);
      const round = (n: number) => round4(finite(n, `node ${JSON.stringify(key)}: coordinate or size`));
      return { key, attributes: copyNodeAttributes(a, round) };
    });
  const edges: SerializedEdge[] = graph
    .edges()
    .sort(compareStrings)
    .map((key) => {
      const round = (n: number) => round4(finite(n, `edge ${JSON.stringify(key)}: confidence`));
      const edge: SerializedEdge = {
        key,
        source: graph.source(key),
        target: graph.target(key),
        attributes: copyEdgeAttributes(graph.getEdgeAttributes(key), round),
      };
      if (graph.isUndirected(key)) edge.undirected = true;
      return edge;
    });
  return {
    options: copyOptions({ type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops }),
    attributes: copyGraphAttributes(graph.getAttributes()),
    nodes,
    edges,
  };
}

/** The graph file text: 2-space JSON with a trailing newline, byte-identical for the same graph. */
export function serializeGraph(graph: KnowledgeGraph): string {
  return `${JSON.stringify(graphToFile(graph), null, 2)}\n`;
}

/** A graphology graph holding exactly what the file holds (no rounding: the file already is). */
export function graphFromFile(file: GraphFile): KnowledgeGraph {
  const graph = createKnowledgeGraph(copyGraphAttributes(file.attributes), file.options);
  const same = (n: number) => n;
  for (const node of file.nodes) graph.addNode(node.key, copyNodeAttributes(node.attributes, same));
  for (const edge of file.edges) {
    const attributes = copyEdgeAttributes(edge.attributes, same);
    if (edge.undirected) graph.addUndirectedEdgeWithKey(edge.key, edge.source, edge.target, attributes);
    else graph.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, attributes);
  }
  return graph;
}

// ---- reading: every check names the item and the field, on one line, because the CLI prints it as is ----

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function quote(key: string): string {
  const text = JSON.stringify(key);
  return text.length > 62 ? `${text.slice(0, 60)}…"` : text;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Checker {
  constructor(
    private readonly where: string,
    private readonly prefix: string,
    private readonly object: Record<string, unknown>,
  ) {}

  fail(message: string): never {
    throw new KgError('INVALID_GRAPH', `${this.prefix}: ${message}`, this.where);
  }

  private expect(field: string, expected: string, ok: (v: unknown) => boolean): unknown {
    const value = this.object[field];
    if (!ok(value)) this.fail(`\`${field}\` must be ${expected}, got ${describe(value)}`);
    return value;
  }

  string(field: string): string {
    return this.expect(field, 'a string', (v) => typeof v === 'string') as string;
  }

  optionalString(field: string): string | undefined {
    if (this.object[field] === undefined) return undefined;
    return this.string(field);
  }

  oneOf<T extends string>(field: string, choices: readonly T[]): T {
    return this.expect(field, `one of ${choices.join(', ')}`, (v) => choices.includes(v as T)) as T;
  }

  boolean(field: string): boolean {
    return this.expect(field, 'a boolean', (v) => typeof v === 'boolean') as boolean;
  }

  number(field: string, min = -Infinity, max = Infinity): number {
    const expected =
      min === -Infinity ? 'a finite number' : max === Infinity ? `a number >= ${min}` : `a number between ${min} and ${max}`;
    return this.expect(field, expected, (v) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max) as number;
  }

  integer(field: string, min = 0): number {
    return this.expect(field, `an integer >= ${min}`, (v) => Number.isInteger(v) && (v as number) >= min) as number;
  }

  optionalInteger(field: string): number | undefined {
    if (this.object[field] === undefined) return undefined;
    return this.integer(field);
  }

  strings(field: string): string[] {
    return this.expect(field, 'an array of strings', (v) => Array.isArray(v) && v.every((s) => typeof s === 'string')) as string[];
  }

  array(field: string): unknown[] {
    return this.expect(field, 'an array', Array.isArray) as unknown[];
  }

  color(field: string): string {
    return this.expect(field, 'a colour written #rrggbb', (v) => typeof v === 'string' && /^#[0-9a-fA-F]{6}$/.test(v)) as string;
  }

  exactly(field: string, expected: unknown): void {
    this.expect(field, JSON.stringify(expected), (v) => v === expected);
  }
}

function readDocument(value: unknown, index: number, where: string): DocumentMeta {
  if (!isObject(value)) throw new KgError('INVALID_GRAPH', `document ${index}: expected an object, got ${describe(value)}`, where);
  const c = new Checker(where, `document ${index}`, value);
  const meta: DocumentMeta = { id: c.string('id'), language: c.oneOf('language', LANGUAGES) };
  const path = c.optionalString('path');
  const title = c.optionalString('title');
  const date = c.optionalString('date');
  const url = c.optionalString('url');
  const hash = c.optionalString('hash');
  if (path !== undefined) meta.path = path;
  if (title !== undefined) meta.title = title;
  if (date !== undefined) meta.date = date;
  if (url !== undefined) meta.url = url;
  if (hash !== undefined) meta.hash = hash;
  return meta;
}

function readNode(value: unknown, index: number, where: string): SerializedNode {
  if (!isObject(value)) throw new KgError('INVALID_GRAPH', `node ${index}: expected an object, got ${describe(value)}`, where);
  const key = new Checker(where, `node ${index}`, value).string('key');
  const prefix = `node ${quote(key)}`;
  const raw = value.attributes;
  if (!isObject(raw)) throw new KgError('INVALID_GRAPH', `${prefix}: missing "attributes" object`, where);
  const c = new Checker(where, prefix, raw);
  const attributes: NodeAttributes = {
    label: c.string('label'),
    type: c.oneOf('type', ENTITY_TYPES),
    aliases: c.strings('aliases'),
    mentions: c.integer('mentions'),
    wikidata: c.optionalString('wikidata'),
    x: c.number('x'),
    y: c.number('y'),
    size: c.number('size', 0),
    color: c.color('color'),
    community: c.optionalInteger('community'),
    documents: raw.documents === undefined ? undefined : c.strings('documents'),
  };
  return { key, attributes: copyNodeAttributes(withExtras(attributes, extraAttributes(raw, NODE_FIELDS)), (n) => n) };
}

function readEvidence(value: unknown, prefix: string, where: string): Evidence {
  if (!isObject(value)) throw new KgError('INVALID_GRAPH', `${prefix}: expected an object, got ${describe(value)}`, where);
  const c = new Checker(where, prefix, value);
  const evidence: Evidence = {
    document: c.string('document'),
    sentence: c.string('sentence'),
    start: c.integer('start'),
    end: c.integer('end'),
    trigger: c.string('trigger'),
    extractor: c.string('extractor'),
  };
  if (value.frame !== undefined) evidence.frame = c.string('frame');
  if (evidence.end < evidence.start) c.fail(`\`end\` must be >= \`start\` (${evidence.start}), got ${evidence.end}`);
  return evidence;
}

function readEdge(value: unknown, index: number, nodes: Set<string>, options: GraphOptions, where: string): SerializedEdge {
  if (!isObject(value)) throw new KgError('INVALID_GRAPH', `edge ${index}: expected an object, got ${describe(value)}`, where);
  const key = new Checker(where, `edge ${index}`, value).string('key');
  const prefix = `edge ${index} (${quote(key)})`;
  const c = new Checker(where, prefix, value);
  const source = c.string('source');
  const target = c.string('target');
  if (!nodes.has(source)) c.fail(`source ${quote(source)} is not a node`);
  if (!nodes.has(target)) c.fail(`target ${quote(target)} is not a node`);
  if (source === target && !options.allowSelfLoops) c.fail(`self-loop on ${quote(source)} (the graph's options do not allow self-loops)`);
  if (value.undirected !== undefined) c.exactly('undirected', true);
  const undirected = value.undirected === true;
  if (undirected && options.type === 'directed') c.fail('an undirected edge in a directed graph');
  if (!undirected && options.type === 'undirected') c.fail('a directed edge in an undirected graph (`undirected: true` missing)');
  const raw = value.attributes;
  if (!isObject(raw)) return c.fail('missing "attributes" object');
  const a = new Checker(where, prefix, raw);
  const attributes: EdgeAttributes = {
    relation: a.oneOf('relation', RELATION_TYPES),
    label: a.string('label'),
    weight: a.number('weight', 0),
    confidence: a.number('confidence', 0, 1),
    negated: a.boolean('negated'),
    hypothetical: a.boolean('hypothetical'),
    evidence: a.array('evidence').map((item, i) => readEvidence(item, `${prefix}: evidence ${i}`, where)),
  };
  const edge: SerializedEdge = { key, source, target, attributes: withExtras(attributes, extraAttributes(raw, EDGE_FIELDS)) };
  if (undirected) edge.undirected = true;
  return edge;
}

/** Parses and validates a graph file; throws KgError('INVALID_GRAPH') naming the first thing that is wrong. */
export function parseGraphFile(text: string, where: string): GraphFile {
  const fail = (message: string): never => {
    throw new KgError('INVALID_GRAPH', message, where);
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // The engine's message quotes part of the input and changes between Node versions; the path in `where` is what helps.
    return fail('not a graph file: not valid JSON');
  }
  if (!isObject(data)) return fail(`not a graph file: expected a JSON object, got ${describe(data)}`);
  if (!Array.isArray(data.nodes)) fail('not a graph file: missing "nodes" array');
  if (!Array.isArray(data.edges)) fail('not a graph file: missing "edges" array');
  if (!isObject(data.options)) fail('not a graph file: missing "options" object');
  if (!isObject(data.attributes)) fail('not a graph file: missing "attributes" object');

  const o = new Checker(where, 'options', data.options as Record<string, unknown>);
  const options: GraphOptions = { type: o.oneOf('type', GRAPH_TYPES), multi: o.boolean('multi'), allowSelfLoops: o.boolean('allowSelfLoops') };

  const g = new Checker(where, 'attributes', data.attributes as Record<string, unknown>);
  const attributes: GraphAttributes = {
    name: g.string('name'),
    generator: g.string('generator'),
    ontology: g.string('ontology'),
    documents: g.array('documents').map((d, i) => readDocument(d, i, where)),
  };
  const documentIds = new Set<string>();
  attributes.documents.forEach((d, i) => {
    if (documentIds.has(d.id)) fail(`document ${i}: duplicate id ${quote(d.id)}`);
    documentIds.add(d.id);
  });

  const nodeKeys = new Set<string>();
  const nodes = (data.nodes as unknown[]).map((value, i) => {
    const node = readNode(value, i, where);
    if (nodeKeys.has(node.key)) fail(`node ${quote(node.key)}: duplicate key`);
    nodeKeys.add(node.key);
    return node;
  });
  const edgeKeys = new Set<string>();
  // A simple graph (multi: false) holds at most one edge per pair of nodes and kind of edge, as graphology checks.
  const pairs = new Set<string>();
  const edges = (data.edges as unknown[]).map((value, i) => {
    const edge = readEdge(value, i, nodeKeys, options, where);
    if (edgeKeys.has(edge.key)) fail(`edge ${i} (${quote(edge.key)}): duplicate key`);
    edgeKeys.add(edge.key);
    if (!options.multi) {
      const pair = pairKey(edge);
      if (pairs.has(pair)) fail(`edge ${i} (${quote(edge.key)}): a second edge between ${quote(edge.source)} and ${quote(edge.target)} in a graph whose options say multi: false`);
      pairs.add(pair);
    }
    return edge;
  });

  return { options, attributes, nodes, edges };
}
