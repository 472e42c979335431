// GraphML export and import: every attribute a declared <key>, readable by yEd, Gephi and networkx.
import { KgError } from '../errors.js';
import { compareStrings } from '../graph/order.js';
import type { GraphFile, SerializedEdge, SerializedNode } from '../types.js';
import { assembleGraph, baseName, edgeEnds, type LooseEdge, type LooseGraph, type LooseNode, type ReadWarnings, type ValueKind, declaredKind } from './assemble.js';
import { evidenceDocuments, evidenceToJson, flattenEvidence, joinList, xmlSafeJson } from './text.js';
import { childNamed, childrenNamed, escapeXml, parseXml, type XmlElement } from './xml.js';
import { pushAll } from '../arrays.js';
import { EDGE_FIELDS, EXTRA_ID_PREFIX, extraCell, extraTextColumns, extraValue, jsonExtras, NODE_FIELDS, type ExtraKind } from '../graph/extra.js';

type KeyType = 'string' | 'int' | 'double' | 'boolean';
type Domain = 'graph' | 'node' | 'edge';
type Value = string | number | boolean | undefined;

interface KeySpec {
  id: string;
  domain: Domain;
  name: string;
  type: KeyType;
}

// Key ids are prefixed by domain because GraphML ids are unique per file while names repeat (node and edge
// `label`). Gephi matches keys by name (label, x, y, size, r, g, b, weight), networkx and yEd show the names.
const KEYS: readonly KeySpec[] = [
  ...(
    [
      ['name', 'string'],
      ['generator', 'string'],
      ['ontology', 'string'],
      ['attributes_json', 'string'],
    ] as const
  ).map(([name, type]) => ({ id: `g_${name}`, domain: 'graph' as const, name, type })),
  ...(
    [
      ['label', 'string'],
      ['type', 'string'],
      ['aliases', 'string'],
      ['aliases_json', 'string'],
      ['mentions', 'int'],
      ['wikidata', 'string'],
      ['x', 'double'],
      ['y', 'double'],
      ['size', 'double'],
      ['color', 'string'],
      ['r', 'int'],
      ['g', 'int'],
      ['b', 'int'],
      ['community', 'int'],
      ['documents', 'string'],
      ['documents_json', 'string'],
    ] as const
  ).map(([name, type]) => ({ id: `n_${name}`, domain: 'node' as const, name, type })),
  ...(
    [
      ['relation', 'string'],
      ['label', 'string'],
      ['weight', 'double'],
      ['confidence', 'double'],
      ['negated', 'boolean'],
      ['hypothetical', 'boolean'],
      ['evidence', 'string'],
      ['evidence_json', 'string'],
      ['documents', 'string'],
    ] as const
  ).map(([name, type]) => ({ id: `e_${name}`, domain: 'edge' as const, name, type })),
];

const GRAPHML_TYPES: Record<ExtraKind, KeyType> = { integer: 'int', double: 'double', boolean: 'boolean', string: 'string' };

/** Keys for the attributes kg does not know, numbered per domain (GraphML ids are tokens, names may be anything). */
function extraKeys(domain: 'node' | 'edge', list: readonly object[]): Array<KeySpec & { json: boolean }> {
  const known = domain === 'node' ? NODE_FIELDS : EDGE_FIELDS;
  return extraTextColumns(list, known).map(({ name, kind, json }, i) => ({ id: `${EXTRA_ID_PREFIX}${domain[0]}${i}`, domain, name, type: GRAPHML_TYPES[kind], json }));
}

function extraData(attributes: object, keys: ReadonlyArray<KeySpec & { json: boolean }>, indent: string): string[] {
  return keys.flatMap((k) => {
    const text = extraCell(extraValue(attributes, k.name), k.json);
    return text === undefined ? [] : [`${indent}<data key="${k.id}">${escapeXml(text)}</data>`];
  });
}

function num(value: number, what: string): string {
  if (!Number.isFinite(value)) throw new KgError('INVALID_GRAPH', `${what}: cannot write a non-finite number (${value}) to GraphML`);
  return String(value);
}

function dataLines(domain: Domain, values: Record<string, Value>, indent: string): string[] {
  return KEYS.filter((k) => k.domain === domain && values[k.name] !== undefined).map(
    (k) => `${indent}<data key="${k.id}">${escapeXml(String(values[k.name]))}</data>`,
  );
}

function channels(color: string, key: string): [number, number, number] {
  const match = /^#([0-9a-fA-F]{2})([0-9a-fA-F]{2})([0-9a-fA-F]{2})$/.exec(color);
  if (!match) throw new KgError('INVALID_GRAPH', `node ${JSON.stringify(key)}: \`color\` must be #rrggbb, got ${JSON.stringify(color)}`);
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)];
}

function nodeLines(node: SerializedNode, extras: ReadonlyArray<KeySpec & { json: boolean }>): string[] {
  const a = node.attributes;
  const what = `node ${JSON.stringify(node.key)}`;
  const [r, g, b] = channels(a.color, node.key);
  return [
    `    <node id="${escapeXml(node.key)}">`,
    ...dataLines(
      'node',
      {
        label: a.label,
        type: a.type,
        aliases: joinList(a.aliases),
        aliases_json: xmlSafeJson(a.aliases),
        mentions: a.mentions,
        wikidata: a.wikidata,
        x: num(a.x, what),
        y: num(a.y, what),
        size: num(a.size, what),
        color: a.color,
        r,
        g,
        b,
        community: a.community,
        documents: a.documents === undefined ? undefined : joinList(a.documents),
        documents_json: a.documents === undefined ? undefined : xmlSafeJson(a.documents),
      },
      '      ',
    ),
    ...extraData(a, extras, '      '),
    '    </node>',
  ];
}

function edgeLines(edge: SerializedEdge, extras: ReadonlyArray<KeySpec & { json: boolean }>, edgeDefault: 'directed' | 'undirected'): string[] {
  const a = edge.attributes;
  const what = `edge ${JSON.stringify(edge.key)}`;
  const type = edge.undirected ? 'undirected' : 'directed';
  const directed = type === edgeDefault ? '' : ` directed="${type === 'directed'}"`;
  return [
    `    <edge id="${escapeXml(edge.key)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}"${directed}>`,
    ...dataLines(
      'edge',
      {
        relation: a.relation,
        label: a.label,
        weight: num(a.weight, what),
        confidence: num(a.confidence, what),
        negated: a.negated,
        hypothetical: a.hypothetical,
        evidence: flattenEvidence(a.evidence),
        evidence_json: evidenceToJson(a.evidence),
        documents: joinList(evidenceDocuments(a.evidence)),
      },
      '      ',
    ),
    ...extraData(a, extras, '      '),
    '    </edge>',
  ];
}

/** The graph file as GraphML 1.0 (directed, parallel edges kept apart by id and `relation`); deterministic. */
export function toGraphml(file: GraphFile): string {
  const a = file.attributes;
  const nodes = [...file.nodes].sort((x, y) => compareStrings(x.key, y.key));
  const edges = [...file.edges].sort((x, y) => compareStrings(x.key, y.key));
  const nodeExtras = extraKeys('node', nodes.map((n) => n.attributes));
  const edgeExtras = extraKeys('edge', edges.map((e) => e.attributes));
  const edgeDefault = file.options.type === 'undirected' ? 'undirected' : 'directed';
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...[...KEYS, ...nodeExtras, ...edgeExtras].map((k) => `  <key id="${k.id}" for="${k.domain}" attr.name="${escapeXml(k.name)}" attr.type="${k.type}"/>`),
    `  <graph id="G" edgedefault="${edgeDefault}">`,
    ...dataLines(
      'graph',
      {
        name: a.name,
        generator: a.generator,
        ontology: a.ontology,
        // The readable values above lose what XML cannot carry; this twin keeps all four, documents included.
        // The options too: GraphML cannot say multi or allowSelfLoops.
        attributes_json: xmlSafeJson({
          name: a.name,
          generator: a.generator,
          ontology: a.ontology,
          documents: a.documents,
          options: file.options,
          ...jsonExtras(nodes.map((n) => n.attributes), edges.map((e) => e.attributes)),
        }),
      },
      '    ',
    ),
    ...nodes.flatMap((n) => nodeLines(n, nodeExtras)),
    ...edges.flatMap((e) => edgeLines(e, edgeExtras, edgeDefault)),
    '  </graph>',
    '</graphml>',
  ];
  return `${lines.join('\n')}\n`;
}

// ---- reading ----

interface Key {
  /** attr.name as written (the id when there is none). */
  name: string;
  domain: string;
  yfiles: boolean;
  kind?: ValueKind;
  default?: string;
}


function fail(where: string, message: string): never {
  throw new KgError('INPUT_INVALID', `not a valid GraphML file: ${message}`, where);
}

function readKeys(root: XmlElement, where: string): Map<string, Key> {
  const keys = new Map<string, Key>();
  for (const key of childrenNamed(root, 'key')) {
    const id = key.attributes.get('id');
    if (id === undefined) fail(where, 'a <key> has no id');
    const defaultValue = childNamed(key, 'default')?.text;
    const kind = declaredKind(key.attributes.get('attr.type'));
    keys.set(id, {
      // An extra's name exactly as our exporter wrote it; other names trimmed.
      name: id.startsWith(EXTRA_ID_PREFIX) ? (key.attributes.get('attr.name') ?? id) : (key.attributes.get('attr.name') ?? id).trim(),
      domain: key.attributes.get('for') ?? 'all',
      yfiles: key.attributes.has('yfiles.type'),
      ...(kind === undefined ? {} : { kind }),
      ...(defaultValue === undefined ? {} : { default: defaultValue }),
    });
  }
  return keys;
}

interface Graphics {
  label?: string;
  x?: number;
  y?: number;
  size?: number;
  color?: string;
}

/**
 * The shape element of a yEd node: a ShapeNode or GenericNode, or for a group (ProxyAutoBoundsNode) the
 * realizer its `active` attribute names (the open group, usually).
 */
function yedShape(data: XmlElement): XmlElement | undefined {
  const shape = data.children[0];
  if (shape?.name !== 'ProxyAutoBoundsNode') return shape;
  const realizers = childNamed(shape, 'Realizers');
  if (realizers === undefined) return undefined;
  const active = Number(realizers.attributes.get('active') ?? '0');
  return realizers.children[Number.isInteger(active) ? active : 0] ?? realizers.children[0];
}

/**
 * What yEd keeps in its own node graphics: the label, the box (centre taken, y flipped to point up; half
 * its larger side as the size) and the fill; groups included.
 */
function yedGraphics(data: XmlElement): Graphics {
  const graphics: Graphics = {};
  const shape = yedShape(data);
  if (shape === undefined) return graphics;
  const label = childNamed(shape, 'NodeLabel')?.text.trim();
  if (label) graphics.label = label;
  const geometry = childNamed(shape, 'Geometry');
  const n = (name: string) => Number(geometry?.attributes.get(name) ?? 'NaN');
  if (Number.isFinite(n('x')) && Number.isFinite(n('y'))) {
    graphics.x = n('x') + (Number.isFinite(n('width')) ? n('width') / 2 : 0);
    graphics.y = -(n('y') + (Number.isFinite(n('height')) ? n('height') / 2 : 0));
  }
  const side = Math.max(n('width'), n('height'));
  if (Number.isFinite(side) && side > 0) graphics.size = side / 2;
  const fill = childNamed(shape, 'Fill')?.attributes.get('color');
  if (fill !== undefined && /^#[0-9a-fA-F]{6}/.test(fill)) graphics.color = fill.slice(0, 7).toLowerCase();
  return graphics;
}

/** A yEd edge's label (y:EdgeLabel inside its PolyLineEdge, BezierEdge, …). */
function yedEdgeGraphics(data: XmlElement): Graphics {
  const shape = data.children[0];
  const label = shape === undefined ? undefined : childNamed(shape, 'EdgeLabel')?.text.trim();
  return label ? { label } : {};
}

function readData(
  element: XmlElement,
  domain: Domain,
  keys: Map<string, Key>,
  what: string,
  where: string,
): { values: Map<string, string>; kinds: Map<string, ValueKind>; lower: Map<string, string>; extras: Map<string, string>; graphics: Graphics } {
  const values = new Map<string, string>();
  const kinds = new Map<string, ValueKind>();
  // Keys our own exporter declared for extras (`kgx_…`): apart from the known names, whatever they are called.
  const extras = new Map<string, string>();
  let graphics: Graphics = {};
  for (const key of keys.values()) {
    if (key.domain !== domain && key.domain !== 'all') continue;
    if (key.default !== undefined) values.set(key.name, key.default);
    if (key.kind !== undefined) kinds.set(key.name, key.kind);
  }
  for (const data of childrenNamed(element, 'data')) {
    const id = data.attributes.get('key');
    const key = id === undefined ? undefined : keys.get(id);
    if (id === undefined || key === undefined) fail(where, `${what}: <data> for undeclared key ${JSON.stringify(id ?? '')}`);
    if (key.yfiles || data.children.length > 0) {
      if (domain === 'node') graphics = { ...yedGraphics(data), ...graphics };
      else if (domain === 'edge') graphics = { ...yedEdgeGraphics(data), ...graphics };
      continue;
    }
    (id.startsWith(EXTRA_ID_PREFIX) ? extras : values).set(key.name, data.text);
  }
  // Known names whatever their case (`Label`, `X`): what the checks below ask for.
  const lower = new Map<string, string>();
  for (const [name, value] of values) if (!lower.has(name.toLowerCase())) lower.set(name.toLowerCase(), value);
  return { values, kinds, lower, extras, graphics };
}

function collect(graph: XmlElement, nodes: XmlElement[], edges: XmlElement[]): void {
  for (const node of childrenNamed(graph, 'node')) {
    nodes.push(node);
    // yEd groups hold a nested graph inside the node.
    for (const nested of childrenNamed(node, 'graph')) collect(nested, nodes, edges);
  }
  pushAll(edges, childrenNamed(graph, 'edge'));
}

/**
 * Reads GraphML (ours, yEd's, Gephi's, networkx's) into a graph file. Data for undeclared keys, malformed
 * XML and DTD entities are refused with a one-line KgError naming `where`.
 */
export function fromGraphml(text: string, where: string, warnings?: ReadWarnings): GraphFile {
  const root = parseXml(text, where);
  if (root.name !== 'graphml') fail(where, `the root element is <${root.name}>, expected <graphml>`);
  const keys = readKeys(root, where);
  const graph = childNamed(root, 'graph');
  if (graph === undefined) fail(where, 'no <graph> element');
  const graphData = readData(graph, 'graph', keys, 'graph', where).lower;
  // Edges are directed unless the graph's default or their own `directed` says otherwise.
  const edgeDefault = (graph.attributes.get('edgedefault') ?? 'directed').trim().toLowerCase() === 'undirected' ? 'undirected' : 'directed';

  const nodeElements: XmlElement[] = [];
  const edgeElements: XmlElement[] = [];
  collect(graph, nodeElements, edgeElements);

  const nodes: LooseNode[] = nodeElements.map((element, index) => {
    const key = element.attributes.get('id');
    if (key === undefined) fail(where, `node ${index} has no id`);
    const { values: written, kinds, lower: values, extras, graphics } = readData(element, 'node', keys, `node ${JSON.stringify(key)}`, where);
    const node: LooseNode = { key, values: written, kinds, extras };
    if (!values.has('label') && graphics.label !== undefined) node.label = graphics.label;
    if (!values.has('x') && !values.has('y') && graphics.x !== undefined && graphics.y !== undefined) {
      node.x = graphics.x;
      node.y = graphics.y;
    }
    if (!values.has('size') && graphics.size !== undefined) node.size = graphics.size;
    if (!values.has('color') && values.has('r') && values.has('g') && values.has('b')) {
      const hex = ['r', 'g', 'b'].map((c) => {
        const n = Number(values.get(c));
        if (!Number.isInteger(n) || n < 0 || n > 255) fail(where, `node ${JSON.stringify(key)}: colour channel ${c} must be an integer 0..255`);
        return n.toString(16).padStart(2, '0');
      });
      node.color = `#${hex.join('')}`;
    } else if (!values.has('color') && graphics.color !== undefined) node.color = graphics.color;
    return node;
  });

  const edges: LooseEdge[] = edgeElements.map((element, index) => {
    const { what, edge: ends } = edgeEnds(element, index, (message) => fail(where, message));
    const { values: written, kinds, lower: values, extras, graphics } = readData(element, 'edge', keys, what, where);
    const edge: LooseEdge = { ...ends, values: written, kinds, extras };
    if (!values.has('label') && graphics.label !== undefined) edge.label = graphics.label;
    const directed = element.attributes.get('directed')?.trim().toLowerCase();
    if (directed === 'false' || (directed !== 'true' && edgeDefault === 'undirected')) edge.undirected = true;
    return edge;
  });

  const loose: LooseGraph = { name: graphData.get('name') || baseName(where), options: { type: edgeDefault }, nodes, edges };
  const generator = graphData.get('generator');
  if (generator) loose.generator = generator;
  const attributesJson = graphData.get('attributes_json');
  if (attributesJson) loose.attributesJson = attributesJson;
  return assembleGraph(loose, where, warnings);
}
