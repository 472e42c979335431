// GEXF 1.3 export and GEXF 1.1–1.3 import (Gephi and friends), by hand: graphology-gexf emits a malformed viz namespace.
import { KgError } from '../errors.js';
import { compareStrings } from '../graph/order.js';
import type { GraphFile, SerializedEdge, SerializedNode } from '../types.js';
import { assembleGraph, baseName, edgeEnds, warn, type LooseEdge, type LooseGraph, type LooseNode, type ReadWarnings, type ValueKind, declaredKind } from './assemble.js';
import { evidenceDocuments, evidenceToJson, flattenEvidence, joinList, xmlSafeJson } from './text.js';
import { childNamed, childrenNamed, escapeXml, parseXml, type XmlElement } from './xml.js';
import { pushAll } from '../arrays.js';
import { EDGE_FIELDS, EXTRA_ID_PREFIX, extraCell, extraTextColumns, extraValue, jsonExtras, NODE_FIELDS, type ExtraKind } from '../graph/extra.js';

export { escapeXml, stripXmlForbidden } from './xml.js';
export { flattenEvidence } from './text.js';

function rgb(color: string, key: string): { r: number; g: number; b: number } {
  const match = /^#([0-9a-fA-F]{2})([0-9a-fA-F]{2})([0-9a-fA-F]{2})$/.exec(color);
  if (!match) throw new KgError('INVALID_GRAPH', `node ${JSON.stringify(key)}: \`color\` must be #rrggbb, got ${JSON.stringify(color)}`);
  return { r: parseInt(match[1]!, 16), g: parseInt(match[2]!, 16), b: parseInt(match[3]!, 16) };
}

function num(value: number): string {
  // JavaScript writes `Infinity`, which xsd:float/xsd:double reject (they spell it INF), and a NaN position
  // means nothing to a reader: refuse rather than write a file Gephi cannot place.
  if (!Number.isFinite(value)) throw new KgError('INVALID_GRAPH', `cannot write a non-finite number (${value}) to GEXF`);
  return String(value);
}

type AttributeType = ExtraKind;

/** An extra attribute's column: declared under an id of its own (`kgx_<n>`), titled with its name. */
interface ExtraColumn {
  id: string;
  name: string;
  kind: AttributeType;
  json: boolean;
}

function extraDeclarations(list: readonly object[], known: ReadonlySet<string>): ExtraColumn[] {
  return extraTextColumns(list, known).map((c, i) => ({ ...c, id: `${EXTRA_ID_PREFIX}${i}` }));
}

function extraValues(attributes: object, columns: readonly ExtraColumn[]): Array<[string, string | undefined]> {
  return columns.map((c) => [c.id, extraCell(extraValue(attributes, c.name), c.json)]);
}
// The `_json` twins carry what the readable values flatten (lists, evidence objects), so that a round trip
// through GEXF loses nothing; the readable ones are what people see in Gephi's data table.
const NODE_ATTRIBUTES: ReadonlyArray<[string, AttributeType]> = [
  ['type', 'string'],
  ['aliases', 'string'],
  ['aliases_json', 'string'],
  ['mentions', 'integer'],
  ['wikidata', 'string'],
  ['community', 'integer'],
  ['documents', 'string'],
  ['documents_json', 'string'],
];
const EDGE_ATTRIBUTES: ReadonlyArray<[string, AttributeType]> = [
  ['relation', 'string'],
  ['confidence', 'double'],
  ['negated', 'boolean'],
  ['hypothetical', 'boolean'],
  ['evidence', 'string'],
  ['evidence_json', 'string'],
  ['documents', 'string'],
];

/** Marks the line of the meta description that holds the graph attributes as JSON. */
const ATTRIBUTES_MARKER = 'kg:attributes ';

function declarations(cls: 'node' | 'edge', attributes: ReadonlyArray<[string, AttributeType]>, extras: readonly ExtraColumn[]): string[] {
  return [
    `    <attributes class="${cls}">`,
    ...attributes.map(([id, type]) => `      <attribute id="${id}" title="${id}" type="${type}"/>`),
    ...extras.map((c) => `      <attribute id="${escapeXml(c.id)}" title="${escapeXml(c.name)}" type="${c.kind}"/>`),
    '    </attributes>',
  ];
}

function attvalues(values: Array<[string, string | number | boolean | undefined]>, indent: string): string[] {
  const present = values.filter((v): v is [string, string | number | boolean] => v[1] !== undefined);
  if (present.length === 0) return [];
  return [
    `${indent}<attvalues>`,
    ...present.map(([id, value]) => `${indent}  <attvalue for="${escapeXml(id)}" value="${escapeXml(String(value))}"/>`),
    `${indent}</attvalues>`,
  ];
}

function nodeXml(node: SerializedNode, extras: readonly ExtraColumn[]): string[] {
  const a = node.attributes;
  const { r, g, b } = rgb(a.color, node.key);
  return [
    `      <node id="${escapeXml(node.key)}" label="${escapeXml(a.label)}">`,
    ...attvalues(
      [
        ['type', a.type],
        ['aliases', joinList(a.aliases)],
        ['aliases_json', xmlSafeJson(a.aliases)],
        ['mentions', a.mentions],
        ['wikidata', a.wikidata],
        ['community', a.community],
        ['documents', a.documents === undefined ? undefined : joinList(a.documents)],
        ['documents_json', a.documents === undefined ? undefined : xmlSafeJson(a.documents)],
        ...extraValues(a, extras),
      ],
      '        ',
    ),
    `        <viz:color r="${r}" g="${g}" b="${b}"/>`,
    `        <viz:position x="${num(a.x)}" y="${num(a.y)}"/>`,
    `        <viz:size value="${num(a.size)}"/>`,
    '      </node>',
  ];
}

function edgeXml(edge: SerializedEdge, extras: readonly ExtraColumn[], defaultType: 'directed' | 'undirected'): string[] {
  const a = edge.attributes;
  const type = edge.undirected ? 'undirected' : 'directed';
  // `kind` carries the relation so that Gephi keeps parallel edges of different relations apart.
  return [
    `      <edge id="${escapeXml(edge.key)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}"` +
      `${type === defaultType ? '' : ` type="${type}"`} label="${escapeXml(a.label)}" kind="${escapeXml(a.relation)}" weight="${num(a.weight)}">`,
    ...attvalues(
      [
        ['relation', a.relation],
        ['confidence', num(a.confidence)],
        ['negated', a.negated],
        ['hypothetical', a.hypothetical],
        ['evidence', flattenEvidence(a.evidence)],
        ['evidence_json', evidenceToJson(a.evidence)],
        ['documents', joinList(evidenceDocuments(a.evidence))],
        ...extraValues(a, extras),
      ],
      '        ',
    ),
    '      </edge>',
  ];
}

function attributesJson(file: GraphFile): string {
  const a = file.attributes;
  // The options ride along (GEXF cannot say multi or allowSelfLoops), and which extra attributes hold JSON.
  const json = jsonExtras(file.nodes.map((n) => n.attributes), file.edges.map((e) => e.attributes));
  return xmlSafeJson({ name: a.name, generator: a.generator, ontology: a.ontology, documents: a.documents, options: file.options, ...json });
}

/** The graph file as a GEXF 1.3 document (validates against the official RelaxNG grammar); deterministic. */
export function toGexf(file: GraphFile): string {
  const { name, generator, ontology, documents } = file.attributes;
  const summary = `${name.replace(/\s+/g, ' ')}: knowledge graph from ${documents.length} document${documents.length === 1 ? '' : 's'} (ontology ${ontology})`;
  // GEXF has no graph attributes; the description's second line keeps them for the way back.
  const description = `${summary}\n${ATTRIBUTES_MARKER}${attributesJson(file)}`;
  const nodes = [...file.nodes].sort((x, y) => compareStrings(x.key, y.key));
  const edges = [...file.edges].sort((x, y) => compareStrings(x.key, y.key));
  const nodeExtras = extraDeclarations(nodes.map((n) => n.attributes), NODE_FIELDS);
  const edgeExtras = extraDeclarations(edges.map((e) => e.attributes), EDGE_FIELDS);
  // GEXF has no mixed type: a mixed graph is directed by default, its undirected edges saying so one by one.
  const defaultType = file.options.type === 'undirected' ? 'undirected' : 'directed';
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    '  <meta>',
    `    <creator>${escapeXml(generator)}</creator>`,
    `    <description>${escapeXml(description)}</description>`,
    '  </meta>',
    `  <graph defaultedgetype="${defaultType}" mode="static">`,
    ...declarations('node', NODE_ATTRIBUTES, nodeExtras),
    ...declarations('edge', EDGE_ATTRIBUTES, edgeExtras),
    `    <nodes count="${nodes.length}">`,
    ...nodes.flatMap((n) => nodeXml(n, nodeExtras)),
    '    </nodes>',
    `    <edges count="${edges.length}">`,
    ...edges.flatMap((e) => edgeXml(e, edgeExtras, defaultType)),
    '    </edges>',
    '  </graph>',
    '</gexf>',
  ];
  return `${lines.join('\n')}\n`;
}

// ---- reading ----

const GEXF_VERSIONS = ['1.1', '1.2', '1.3'];

interface Declared {
  /** The title, trimmed: what the assembler looks values up by (known ones without regard to case). */
  name: string;
  /** The title exactly as written (an extra's name). */
  title?: string;
  kind?: ValueKind;
  default?: string;
}


function fail(where: string, message: string): never {
  throw new KgError('INPUT_INVALID', `not a valid GEXF file: ${message}`, where);
}

function declaredAttributes(graph: XmlElement, cls: 'node' | 'edge', where: string): Map<string, Declared> {
  const declared = new Map<string, Declared>();
  for (const group of childrenNamed(graph, 'attributes')) {
    if ((group.attributes.get('class') ?? 'node') !== cls) continue;
    for (const attribute of childrenNamed(group, 'attribute')) {
      const id = attribute.attributes.get('id');
      if (id === undefined) fail(where, `an <attribute> of class "${cls}" has no id`);
      const title = attribute.attributes.get('title') ?? id;
      const defaultValue = childNamed(attribute, 'default')?.text;
      const kind = declaredKind(attribute.attributes.get('type'));
      declared.set(id, { name: title.trim(), title, ...(kind === undefined ? {} : { kind }), ...(defaultValue === undefined ? {} : { default: defaultValue }) });
    }
  }
  return declared;
}

function values(
  element: XmlElement,
  declared: Map<string, Declared>,
  what: string,
  where: string,
  warnings?: ReadWarnings,
): { values: Map<string, string>; kinds: Map<string, ValueKind>; extras: Map<string, string> } {
  const result = new Map<string, string>();
  const kinds = new Map<string, ValueKind>();
  // Attributes our own exporter declared as extras (`kgx_<n>`): apart from the known names, whatever they are called.
  const extras = new Map<string, string>();
  for (const [id, d] of declared) if (d.kind !== undefined) kinds.set(id.startsWith(EXTRA_ID_PREFIX) && d.title !== undefined ? d.title : d.name, d.kind);
  for (const d of declared.values()) if (d.default !== undefined) result.set(d.name, d.default);
  const seen = new Set<string>();
  for (const group of childrenNamed(element, 'attvalues')) {
    for (const attvalue of childrenNamed(group, 'attvalue')) {
      // GEXF 1.0 and 1.1 files name the attribute with `id`; later ones with `for`.
      const id = attvalue.attributes.get('for') ?? attvalue.attributes.get('id');
      if (id === undefined) fail(where, `${what}: an <attvalue> has no "for"`);
      let d = declared.get(id);
      // A value for an attribute the file never declares: kept under its id.
      if (d === undefined) {
        warn(warnings, 'values of undeclared attributes kept under their ids');
        d = { name: id.trim() };
      }
      // Dynamic files may hold several values over time; the first is the one kept.
      if (seen.has(id)) continue;
      seen.add(id);
      (id.startsWith(EXTRA_ID_PREFIX) && d.title !== undefined ? extras : result).set(d.title ?? d.name, attvalue.attributes.get('value') ?? '');
    }
  }
  return { values: result, kinds, extras };
}

function number(element: XmlElement | undefined, attribute: string, what: string, where: string): number | undefined {
  const text = element?.attributes.get(attribute);
  if (text === undefined) return undefined;
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(n)) fail(where, `${what}: ${attribute}="${text}" is not a number`);
  return n;
}

function vizColor(node: XmlElement, what: string, where: string): string | undefined {
  const color = childNamed(node, 'color');
  if (color === undefined) return undefined;
  const hex = color.attributes.get('hex');
  if (hex !== undefined) {
    if (!/^#?[0-9a-fA-F]{6}$/.test(hex.trim())) fail(where, `${what}: colour hex="${hex}" is not #rrggbb`);
    return `#${hex.trim().replace(/^#/, '')}`.toLowerCase();
  }
  const channel = (c: string): string => {
    const n = number(color, c, what, where);
    if (n === undefined || !Number.isInteger(n) || n < 0 || n > 255) fail(where, `${what}: colour channel ${c} must be an integer 0..255`);
    return n.toString(16).padStart(2, '0');
  };
  return `#${channel('r')}${channel('g')}${channel('b')}`;
}

/** Nodes and edges of a graph, hierarchical (nested) ones included, flattened. */
function collect(container: XmlElement, nodes: XmlElement[], edges: XmlElement[]): void {
  for (const group of childrenNamed(container, 'nodes')) {
    for (const node of childrenNamed(group, 'node')) {
      nodes.push(node);
      collect(node, nodes, edges);
    }
  }
  for (const group of childrenNamed(container, 'edges')) pushAll(edges, childrenNamed(group, 'edge'));
}

/**
 * Reads GEXF 1.1, 1.2 and 1.3 (ours, Gephi's, networkx's) into a graph file. Values for undeclared
 * attributes, malformed XML and DTD entities are refused with a one-line KgError naming `where`.
 */
export function fromGexf(text: string, where: string, warnings?: ReadWarnings): GraphFile {
  const root = parseXml(text, where);
  if (root.name !== 'gexf') fail(where, `the root element is <${root.name}>, expected <gexf>`);
  const version = root.attributes.get('version');
  if (version !== undefined && !GEXF_VERSIONS.includes(version.trim())) {
    fail(where, `unsupported GEXF version "${version}" (expected ${GEXF_VERSIONS.join(', ')})`);
  }
  const graph = childNamed(root, 'graph');
  if (graph === undefined) fail(where, 'no <graph> element');
  const meta = childNamed(root, 'meta');
  const description = meta === undefined ? undefined : childNamed(meta, 'description')?.text;
  // The last such line: the summary before it holds the graph's name, which could look like one.
  const attributesLine = description?.split('\n').findLast((line) => line.startsWith(ATTRIBUTES_MARKER));
  const creator = meta === undefined ? undefined : childNamed(meta, 'creator')?.text.trim();

  const defaultType = graph.attributes.get('defaultedgetype') ?? 'undirected';
  const nodeAttributes = declaredAttributes(graph, 'node', where);
  const edgeAttributes = declaredAttributes(graph, 'edge', where);
  const nodeElements: XmlElement[] = [];
  const edgeElements: XmlElement[] = [];
  collect(graph, nodeElements, edgeElements);

  const nodes: LooseNode[] = nodeElements.map((element, index) => {
    const key = element.attributes.get('id');
    if (key === undefined) fail(where, `node ${index} has no id`);
    const what = `node ${JSON.stringify(key)}`;
    const position = childNamed(element, 'position');
    const node: LooseNode = { key, ...values(element, nodeAttributes, what, where, warnings) };
    const label = element.attributes.get('label');
    if (label !== undefined) node.label = label;
    const x = number(position, 'x', what, where);
    const y = number(position, 'y', what, where);
    const size = number(childNamed(element, 'size'), 'value', what, where);
    const color = vizColor(element, what, where);
    if (x !== undefined) node.x = x;
    if (y !== undefined) node.y = y;
    if (size !== undefined) node.size = size;
    if (color !== undefined) node.color = color;
    return node;
  });

  const edges: LooseEdge[] = edgeElements.map((element, index) => {
    const { what, edge: ends } = edgeEnds(element, index, (message) => fail(where, message));
    const edge: LooseEdge = { ...ends, ...values(element, edgeAttributes, what, where, warnings) };
    // GEXF edges take the graph's default type unless they state their own; `mutual` is both ways, one edge.
    const type = (element.attributes.get('type') ?? defaultType).trim().toLowerCase();
    if (type === 'undirected' || type === 'mutual') edge.undirected = true;
    const label = element.attributes.get('label');
    const kind = element.attributes.get('kind');
    const weight = number(element, 'weight', what, where);
    if (label !== undefined) edge.label = label;
    if (kind !== undefined) edge.kind = kind;
    if (weight !== undefined) edge.weight = weight;
    return edge;
  });

  const stated = defaultType.trim().toLowerCase();
  const loose: LooseGraph = { name: baseName(where), options: { type: stated === 'directed' ? 'directed' : stated === 'mixed' ? 'mixed' : 'undirected' }, nodes, edges };
  if (attributesLine !== undefined) loose.attributesJson = attributesLine.slice(ATTRIBUTES_MARKER.length);
  if (creator) loose.generator = creator;
  return assembleGraph(loose, where, warnings);
}
