// JSON graphs that kg did not write: graphology's own serialisation (`graph.export()`), with or without our
// attributes. What it lacks gets defaults, as for GEXF and GraphML from other tools, through the same assembly.
import { KgError } from '../errors.js';
import type { GraphFile } from '../types.js';
import { LANGUAGES, type DocumentMeta, type GraphOptions } from '../types.js';
import { assembleGraph, baseName, warn, type LooseEdge, type LooseGraph, type LooseNode, type ReadWarnings, type ValueKind } from './assemble.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An attribute value as the loose readers keep it: strings as they are, other values as JSON. */
function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function values(attributes: Record<string, unknown>, jsonLists: readonly string[]): { values: Map<string, string>; kinds: Map<string, ValueKind> } {
  const out = new Map<string, string>();
  const kinds = new Map<string, ValueKind>();
  for (const [name, value] of Object.entries(attributes)) {
    const lower = name.toLowerCase();
    // Lists our own JSON keeps as arrays: the loose readers take them as JSON under a `_json` name.
    if (jsonLists.includes(lower) && Array.isArray(value)) out.set(`${lower}_json`, JSON.stringify(value));
    else {
      const t = text(value);
      if (t === undefined) continue;
      out.set(name, t);
      // Values that are not strings come back as what they were (numbers, booleans, lists, objects).
      if (typeof value !== 'string') kinds.set(name, 'json');
    }
  }
  return { values: out, kinds };
}

const GRAPH_TYPES = ['directed', 'undirected', 'mixed'];

/** The options a graphology serialisation states, those that are well formed. */
function statedOptions(options: unknown): Partial<GraphOptions> {
  if (!isObject(options)) return {};
  const out: Partial<GraphOptions> = {};
  if (typeof options.type === 'string' && GRAPH_TYPES.includes(options.type)) out.type = options.type as GraphOptions['type'];
  if (typeof options.multi === 'boolean') out.multi = options.multi;
  if (typeof options.allowSelfLoops === 'boolean') out.allowSelfLoops = options.allowSelfLoops;
  return out;
}

const finite = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * The loose graph of a graphology serialisation ({ attributes?, options?, nodes: [{ key, attributes? }], edges:
 * [{ key?, source, target, attributes?, undirected? }] }), or undefined when the JSON is not one.
 */
export function looseFromGraphologyJson(data: unknown, where: string, warnings?: ReadWarnings): LooseGraph | undefined {
  if (!isObject(data) || !Array.isArray(data.nodes)) return undefined;
  const fail = (message: string): never => {
    throw new KgError('INVALID_GRAPH', message, where);
  };
  const problems: string[] = [];
  const nodes: LooseNode[] = [];
  const options = statedOptions(data.options);
  data.nodes.forEach((raw, i) => {
    if (!isObject(raw) || (typeof raw.key !== 'string' && typeof raw.key !== 'number')) {
      problems.push(`node ${i} has no key`);
      return;
    }
    const a = isObject(raw.attributes) ? raw.attributes : {};
    const node: LooseNode = { key: String(raw.key), ...values(a, ['aliases', 'documents']) };
    const label = text(a.label);
    if (label !== undefined) node.label = label;
    for (const k of ['x', 'y', 'size'] as const) {
      const n = finite(a[k]);
      if (n !== undefined) node[k] = n;
    }
    if (typeof a.color === 'string') node.color = a.color;
    nodes.push(node);
  });
  const edges: LooseEdge[] = [];
  const rawEdges = Array.isArray(data.edges) ? data.edges : [];
  rawEdges.forEach((raw, i) => {
    if (!isObject(raw) || (typeof raw.source !== 'string' && typeof raw.source !== 'number') || (typeof raw.target !== 'string' && typeof raw.target !== 'number')) {
      problems.push(`edge ${i} has no source or target`);
      return;
    }
    const a = isObject(raw.attributes) ? raw.attributes : {};
    const edge: LooseEdge = { source: String(raw.source), target: String(raw.target), ...values(a, ['evidence']) };
    if (typeof raw.key === 'string' || typeof raw.key === 'number') edge.key = String(raw.key);
    const label = text(a.label);
    if (label !== undefined) edge.label = label;
    const weight = finite(a.weight);
    if (weight !== undefined) edge.weight = weight;
    // graphology marks undirected edges; in an undirected graph every edge is one, marked or not.
    if (raw.undirected === true || options.type === 'undirected') edge.undirected = true;
    edges.push(edge);
  });
  if (problems.length > 0) fail(`not a graph: ${problems.slice(0, 10).join('; ')}${problems.length > 10 ? `; and ${problems.length - 10} more` : ''}`);
  const attributes = isObject(data.attributes) ? data.attributes : {};
  // Documents listed in kg's shape are kept (each with an id and a language kg knows); others are left out, counted.
  const documents: DocumentMeta[] = [];
  const ids = new Set<string>();
  for (const d of Array.isArray(attributes.documents) ? attributes.documents : []) {
    if (!isObject(d) || typeof d.id !== 'string' || ids.has(d.id) || !(LANGUAGES as readonly unknown[]).includes(d.language)) {
      warn(warnings, 'listed documents without an id or a language kg knows left out');
      continue;
    }
    ids.add(d.id);
    const meta: DocumentMeta = { id: d.id, language: d.language as DocumentMeta['language'] };
    for (const field of ['path', 'title', 'date', 'url', 'hash'] as const) if (typeof d[field] === 'string') meta[field] = d[field];
    documents.push(meta);
  }
  return {
    name: typeof attributes.name === 'string' && attributes.name !== '' ? attributes.name : baseName(where),
    ...(typeof attributes.generator === 'string' ? { generator: attributes.generator } : {}),
    options,
    ...(documents.length > 0 ? { documents } : {}),
    nodes,
    edges,
  };
}

/** A graphology JSON graph as a graph file, with a counted warning for each kind of thing filled in. */
export function fromGraphologyJson(data: unknown, where: string, warnings?: ReadWarnings): GraphFile | undefined {
  const loose = looseFromGraphologyJson(data, where, warnings);
  if (!loose) return undefined;
  warn(warnings, 'JSON graph not written by kg: what it lacks filled in with defaults');
  return assembleGraph(loose, where, warnings);
}
