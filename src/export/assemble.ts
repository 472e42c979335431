// Turns what the GEXF and GraphML readers found (ids, labels, string-valued attributes) into a validated graph file.
import { KgError } from '../errors.js';
import { edgeKey, pairKey, undirectedEdgeKey } from '../graph/build.js';
import { typedExtra, type ExtraKind, type JsonValue } from '../graph/extra.js';
import { parseGraphFile } from '../graph/serialize.js';
import {
  ENTITY_TYPES,
  ONTOLOGY_VERSION,
  RELATION_TYPES,
  TYPE_COLORS,
  type EntityType,
  type Evidence,
  type DocumentMeta,
  type GraphAttributes,
  type GraphFile,
  type GraphOptions,
  type RelationType,
} from '../types.js';
import { recoverEvidence, splitList } from './text.js';
import type { XmlElement } from './xml.js';
import cssNames from 'color-name';

/**
 * How a reader found an attribute typed: a declared GEXF/GraphML type, or `json` for a value the JSON reader
 * wrote as JSON text. Values without one are text.
 */
export type ValueKind = ExtraKind | 'json';

/** A declared attribute type, GEXF's (`integer`, `long`, `float`, …) or GraphML's (`int`, `double`, …), as a kind. */
export function declaredKind(type: string | undefined): ValueKind | undefined {
  switch (type?.trim().toLowerCase()) {
    case 'integer':
    case 'int':
    case 'long':
    case 'short':
    case 'byte':
      return 'integer';
    case 'float':
    case 'double':
      return 'double';
    case 'boolean':
      return 'boolean';
    default:
      return undefined;
  }
}

/**
 * A node as a reader found it: attribute values are strings keyed by attribute name as written (known names
 * are looked up without regard to case); `kinds` types the ones kept as extra attributes.
 */
export interface LooseNode {
  key: string;
  label?: string;
  values: Map<string, string>;
  kinds?: Map<string, ValueKind>;
  /** Extras our own exporters declared as such (`kgx_…` ids), by name as written: never read as known fields. */
  extras?: Map<string, string>;
  x?: number;
  y?: number;
  size?: number;
  color?: string;
}

export interface LooseEdge {
  /** The id in the file: names the edge in messages (the graph's edge key is derived from content). */
  key?: string;
  source: string;
  target: string;
  label?: string;
  /** GEXF 1.3 `kind`: the relation, when the file was written here or by Gephi from such a file. */
  kind?: string;
  weight?: number;
  values: Map<string, string>;
  kinds?: Map<string, ValueKind>;
  extras?: Map<string, string>;
  /** An undirected edge (GEXF `type`, GraphML `directed`, graphology's `undirected`, or the file's default). */
  undirected?: boolean;
}

/** What a reader adapted instead of refusing: one line per kind of adaptation, with how often it happened. */
export type ReadWarnings = Map<string, number>;

/** Counts one adaptation. */
export function warn(warnings: ReadWarnings | undefined, what: string): void {
  if (warnings) warnings.set(what, (warnings.get(what) ?? 0) + 1);
}

/** The warning lines of a read, in the order first seen: `<count> <what>`. */
export function warningLines(warnings: ReadWarnings): string[] {
  return [...warnings].map(([what, n]) => `${n} ${what}`);
}

export interface LooseGraph {
  /** Graph attributes as JSON text, when the file kept them (written here). */
  attributesJson?: string;
  /** Fallbacks when it did not. */
  name: string;
  generator?: string;
  /** Options the file states (graphology JSON), or its default edge type (GEXF, GraphML). */
  options?: Partial<GraphOptions>;
  /** Documents the file lists in kg's shape (graphology JSON that kept them), when it does. */
  documents?: DocumentMeta[];
  /** Extra attributes our exporters wrote as JSON text (lists, objects), by domain. */
  jsonExtras?: { node: string[]; edge: string[] };
  nodes: LooseNode[];
  edges: LooseEdge[];
}

// Attribute names the assembly reads (lower case): every other one is kept as an extra attribute. The `_json`
// twins, r/g/b and `documents` are what our own exporters derive from the known ones.
const NODE_READ = new Set(['label', 'type', 'aliases', 'aliases_json', 'mentions', 'wikidata', 'x', 'y', 'size', 'color', 'community', 'documents', 'documents_json', 'r', 'g', 'b']);
const EDGE_READ = new Set(['relation', 'label', 'weight', 'confidence', 'negated', 'hypothetical', 'evidence', 'evidence_json', 'documents']);

/** The attributes of a node or edge the assembly does not read, typed as the file declared them. */
/** The extras our exporters declared as such: every one kept, JSON columns decoded, the others typed. */
function ownExtras(extras: Map<string, string> | undefined, kinds: Map<string, ValueKind> | undefined, json: ReadonlySet<string>): Array<[string, JsonValue]> {
  const out: Array<[string, JsonValue]> = [];
  for (const [name, text] of extras ?? []) {
    if (json.has(name)) {
      try {
        out.push([name, JSON.parse(text) as JsonValue]);
        continue;
      } catch {
        // edited by hand into something that is not JSON: kept as text
      }
    }
    const kind = kinds?.get(name);
    out.push([name, typedExtra(text, kind === 'json' ? undefined : kind)]);
  }
  return out;
}

function extrasOf(values: Map<string, string>, kinds: Map<string, ValueKind> | undefined, read: ReadonlySet<string>, json: ReadonlySet<string>): Array<[string, JsonValue]> {
  const out: Array<[string, JsonValue]> = [];
  const seen = new Set<string>();
  for (const [name, text] of values) {
    const lower = name.toLowerCase();
    if (read.has(lower) || text === '' || seen.has(name)) continue;
    seen.add(name);
    const kind = json.has(name) ? 'json' : kinds?.get(name);
    if (kind === 'json') {
      try {
        out.push([name, JSON.parse(text) as JsonValue]);
        continue;
      } catch {
        // fall through: kept as text
      }
    }
    out.push([name, typedExtra(text, kind === 'json' ? undefined : kind)]);
  }
  return out;
}

function quote(text: string): string {
  const json = JSON.stringify(text);
  return json.length > 42 ? `${json.slice(0, 40)}…"` : json;
}

class Values {
  private readonly values = new Map<string, string>();

  constructor(
    written: Map<string, string>,
    private readonly prefix: string,
    private readonly where: string,
  ) {
    // Known names are found whatever their case (`Label`, `Weight`); the first spelling wins.
    for (const [name, value] of written) if (!this.values.has(name.toLowerCase())) this.values.set(name.toLowerCase(), value);
  }

  fail(message: string): never {
    throw new KgError('INVALID_GRAPH', `${this.prefix}: ${message}`, this.where);
  }

  /** The value as written, empty string included (labels may legitimately be empty). */
  raw(name: string): string | undefined {
    return this.values.get(name);
  }

  string(name: string): string | undefined {
    const value = this.values.get(name);
    return value === undefined || value === '' ? undefined : value;
  }

  number(name: string, fallback: number | undefined): number | undefined {
    const text = this.string(name);
    if (text === undefined) return fallback;
    const n = Number(text.trim());
    if (!Number.isFinite(n)) this.fail(`\`${name}\` must be a number, got ${quote(text)}`);
    return n;
  }

  integer(name: string): number | undefined {
    const n = this.number(name, undefined);
    if (n !== undefined && (!Number.isInteger(n) || n < 0)) this.fail(`\`${name}\` must be an integer >= 0, got ${n}`);
    return n;
  }

  boolean(name: string): boolean {
    const text = this.string(name)?.trim().toLowerCase();
    if (text === undefined || text === 'false' || text === '0') return false;
    if (text === 'true' || text === '1') return true;
    return this.fail(`\`${name}\` must be true or false, got ${quote(text)}`);
  }

  json(name: string): unknown {
    const text = this.string(name);
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      return this.fail(`\`${name}\` is not valid JSON`);
    }
  }
}

/**
 * A colour in any CSS form (`#rgb`, `#rrggbb`, `rgb(r, g, b)`, `rgba(...)`, a keyword such as `green`) as
 * `#rrggbb`; undefined when it is none of these.
 */
export function cssColor(text: string): string | undefined {
  const t = text.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(t)) return t;
  if (/^#[0-9a-f]{3}$/.test(t)) return `#${t[1]}${t[1]}${t[2]}${t[2]}${t[3]}${t[3]}`;
  const hex = (rgb: readonly number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
  const m = /^rgba?\(\s*(\d{1,3})\s*[, ]\s*(\d{1,3})\s*[, ]\s*(\d{1,3})\s*(?:[,/]\s*[\d.]+%?\s*)?\)$/.exec(t);
  if (m) {
    const rgb = [Number(m[1]), Number(m[2]), Number(m[3])];
    return rgb.every((c) => c <= 255) ? hex(rgb) : undefined;
  }
  return Object.hasOwn(cssNames, t) ? hex(cssNames[t]!) : undefined;
}

/**
 * The node's colour as #rrggbb: other CSS forms converted, and one that is no colour at all replaced by the
 * type's colour (each counted).
 */
function nodeColor(given: string | undefined, fallback: string, warnings?: ReadWarnings): string {
  if (given === undefined || given.trim() === '') return fallback;
  const t = given.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(t)) return t;
  const c = cssColor(t);
  if (c === undefined) {
    warn(warnings, "colours that are no CSS colour replaced by the entity type's colour");
    return fallback;
  }
  warn(warnings, 'colours written as CSS names, #rgb or rgb() read as #rrggbb');
  return c;
}

function entityType(value: string | undefined): EntityType {
  const type = value?.trim().toLowerCase();
  return (ENTITY_TYPES as readonly string[]).includes(type ?? '') ? (type as EntityType) : 'other';
}

/**
 * The edge's relation: the first of its `relation` attribute, GEXF `kind` and labels that names an ontology
 * relation; else `related` (ONTOLOGY.md), with what the edge was called kept as its label.
 */
function relationOf(edge: LooseEdge, v: Values, warnings?: ReadWarnings): { relation: RelationType; called?: string } {
  const candidates = [v.string('relation'), edge.kind, edge.label, v.string('label')];
  for (const candidate of candidates) {
    const relation = candidate?.trim().toLowerCase().replace(/[\s-]+/g, '_');
    if (relation !== undefined && (RELATION_TYPES as readonly string[]).includes(relation)) return { relation: relation as RelationType };
  }
  const called = candidates.find((c) => c !== undefined && c.trim() !== '');
  warn(warnings, called === undefined ? 'edges without a relation read as `related`' : 'edges whose relation is not in the ontology read as `related`, their own name kept as the label');
  return called === undefined ? { relation: 'related' } : { relation: 'related', called };
}

function evidenceOf(v: Values): Evidence[] {
  const json = v.json('evidence_json');
  if (json !== undefined) {
    // Shape and types are checked by parseGraphFile below, with messages naming the edge and item.
    if (!Array.isArray(json)) v.fail('`evidence_json` must be a JSON array');
    return json as Evidence[];
  }
  const text = v.string('evidence');
  return text === undefined ? [] : recoverEvidence(text);
}

function aliasesOf(v: Values): string[] {
  const json = v.json('aliases_json');
  if (json !== undefined) {
    if (!Array.isArray(json) || !json.every((a) => typeof a === 'string')) v.fail('`aliases_json` must be a JSON array of strings');
    return json as string[];
  }
  const text = v.string('aliases');
  return text === undefined ? [] : splitList(text);
}

/** The documents an entity without relations comes from (kg's own exports), when the node has them. */
function documentsOf(v: Values): { documents?: string[] } {
  const json = v.json('documents_json');
  if (json !== undefined) {
    if (!Array.isArray(json) || !json.every((d) => typeof d === 'string')) v.fail('`documents_json` must be a JSON array of strings');
    return { documents: json as string[] };
  }
  const text = v.string('documents');
  return text === undefined ? {} : { documents: splitList(text) };
}

function graphAttributes(loose: LooseGraph, where: string): GraphAttributes {
  if (loose.attributesJson !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(loose.attributesJson);
    } catch {
      throw new KgError('INVALID_GRAPH', 'the graph attributes are not valid JSON', where);
    }
    // Our exporters keep the graph's options here too, since neither GEXF nor GraphML can say them all.
    if (parsed !== null && typeof parsed === 'object' && 'options' in parsed) {
      const { options, json, ...attributes } = parsed as GraphAttributes & { options?: unknown; json?: unknown };
      if (options !== null && typeof options === 'object') loose.options = { ...loose.options, ...(options as Partial<GraphOptions>) };
      // Names of the extra attributes whose values are lists or objects, written as JSON text.
      if (json !== null && typeof json === 'object') {
        const names = json as { node?: unknown; edge?: unknown };
        const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
        loose.jsonExtras = { node: strings(names.node), edge: strings(names.edge) };
      }
      return attributes;
    }
    return parsed as GraphAttributes;
  }
  // A file from elsewhere: the documents' languages and titles are unknown, so none are listed; the
  // evidence still names its documents.
  return { name: loose.name, generator: loose.generator ?? 'unknown', ontology: ONTOLOGY_VERSION, documents: loose.documents ?? [] };
}

/** The graph name a file's path gives: its base name without the extension. */
export function baseName(where: string): string {
  return where.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'graph';
}

/**
 * What every reader takes from an XML edge element first: its source and target (`fail` when one is missing), its
 * id as the key, and the name errors use for the edge.
 */
export function edgeEnds(element: XmlElement, index: number, fail: (message: string) => never): { what: string; edge: Omit<LooseEdge, 'values'> } {
  const source = element.attributes.get('source');
  const target = element.attributes.get('target');
  const id = element.attributes.get('id');
  const what = id === undefined ? `edge ${index}` : `edge ${JSON.stringify(id)}`;
  if (source === undefined || target === undefined) fail(`${what} has no source or target`);
  return { what, edge: id === undefined ? { source, target } : { source, target, key: id } };
}

/**
 * The options the edges need: the kinds of edge present (a file's stated type kept when its edges fit it),
 * self-loops allowed when the file says so or has one, multi unless the file says otherwise and has no
 * parallel edges.
 */
function graphOptions(loose: LooseGraph, warnings?: ReadWarnings): GraphOptions {
  const stated = loose.options ?? {};
  const directed = loose.edges.some((e) => !e.undirected);
  const undirected = loose.edges.some((e) => e.undirected);
  let type: GraphOptions['type'];
  if (directed && undirected) type = 'mixed';
  else if (stated.type === 'mixed') type = 'mixed';
  else if (undirected) type = 'undirected';
  else if (directed) type = 'directed';
  else type = stated.type ?? 'directed';
  const loops = loose.edges.some((e) => e.source === e.target);
  if (loops && stated.allowSelfLoops === false) warn(warnings, 'self-loops in a graph whose options said allowSelfLoops: false (now true)');
  const pairs = new Set<string>();
  let parallel = false;
  for (const e of loose.edges) {
    const pair = pairKey(e);
    if (pairs.has(pair)) parallel = true;
    pairs.add(pair);
  }
  if (parallel && stated.multi === false) warn(warnings, 'parallel edges in a graph whose options said multi: false (now true)');
  return { type, multi: stated.multi === false && !parallel ? false : true, allowSelfLoops: stated.allowSelfLoops === true || loops };
}

/** The graph file a reader's findings describe, validated exactly as a JSON graph file is. */
export function assembleGraph(loose: LooseGraph, where: string, warnings?: ReadWarnings): GraphFile {
  const attributes = graphAttributes(loose, where);
  const jsonNode = new Set(loose.jsonExtras?.node ?? []);
  const jsonEdge = new Set(loose.jsonExtras?.edge ?? []);
  const nodes = loose.nodes.map((node) => {
    const v = new Values(node.values, `node ${quote(node.key)}`, where);
    const type = entityType(v.string('type'));
    const wikidata = v.string('wikidata');
    const community = v.integer('community');
    return {
      key: node.key,
      attributes: {
        label: node.label ?? v.raw('label') ?? node.key,
        type,
        aliases: aliasesOf(v),
        mentions: v.integer('mentions') ?? 0,
        ...(wikidata === undefined ? {} : { wikidata }),
        x: node.x ?? v.number('x', 0)!,
        y: node.y ?? v.number('y', 0)!,
        size: node.size ?? v.number('size', 1)!,
        color: nodeColor(node.color ?? v.string('color'), TYPE_COLORS[type], warnings),
        ...(community === undefined ? {} : { community }),
        ...documentsOf(v),
        ...Object.fromEntries([...extrasOf(node.values, node.kinds, NODE_READ, jsonNode), ...ownExtras(node.extras, node.kinds, jsonNode)]),
      },
    };
  });
  // Edge keys are derived from content (GRAPH_FORMAT.md), not taken from the file: Gephi numbers edges.
  const seen = new Map<string, string>();
  const edges = loose.edges.map((edge, index) => {
    const name = edge.key === undefined ? `edge ${index}` : `edge ${quote(edge.key)}`;
    const v = new Values(edge.values, name, where);
    const { relation, called } = relationOf(edge, v, warnings);
    let key = edge.undirected ? undirectedEdgeKey(edge.source, relation, edge.target) : edgeKey(edge.source, relation, edge.target);
    // Parallel edges (a multigraph, or several unnamed relations between two nodes) are kept apart by a count.
    if (seen.has(key) && edge.key !== undefined && /^#\d+$/.test(edge.key.slice(key.length)) && edge.key.startsWith(key) && !seen.has(edge.key)) {
      // Written by kg: the file's own key already keeps the parallel edge apart.
      key = edge.key;
    } else if (seen.has(key)) {
      warn(warnings, 'parallel edges of one relation between the same nodes kept apart (key suffix #2, #3, ...)');
      let n = 2;
      while (seen.has(`${key}#${n}`)) n++;
      key = `${key}#${n}`;
    }
    seen.set(key, name);
    const evidence = evidenceOf(v);
    const weight = edge.weight ?? v.number('weight', undefined) ?? Math.max(1, evidence.length);
    return {
      key,
      source: edge.source,
      target: edge.target,
      attributes: {
        relation,
        label: edge.label ?? v.raw('label') ?? called ?? relation.replaceAll('_', ' '),
        weight,
        confidence: v.number('confidence', 1)!,
        negated: v.boolean('negated'),
        hypothetical: v.boolean('hypothetical'),
        evidence,
        ...Object.fromEntries([...extrasOf(edge.values, edge.kinds, EDGE_READ, jsonEdge), ...ownExtras(edge.extras, edge.kinds, jsonEdge)]),
      },
      ...(edge.undirected ? { undirected: true } : {}),
    };
  });
  const file = { options: graphOptions(loose, warnings), attributes, nodes, edges };
  // One validator for every way in: the imported graph obeys exactly the rules a JSON graph file does.
  return parseGraphFile(JSON.stringify(file), where);
}
