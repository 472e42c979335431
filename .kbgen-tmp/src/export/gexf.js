// GEXF 1.3 export (Gephi and friends), written by hand: graphology-gexf emits a malformed viz namespace.
import { KgError } from '../errors.js';
import { compareStrings } from '../graph/order.js';
// Characters XML 1.0 cannot carry at all, not even as references: C0 controls other than tab, LF and CR,
// lone surrogates (the `u` flag makes the surrogate range match only unpaired halves), U+FFFE and U+FFFF.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;
/** Removes what XML 1.0 forbids; everything else, emoji and right-to-left scripts included, passes unchanged. */
export function stripXmlForbidden(text) {
    return text.replace(XML_FORBIDDEN, '');
}
const ESCAPES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    // Attribute-value normalisation turns literal tab, LF and CR into spaces; references survive it.
    '\t': '&#9;',
    '\n': '&#10;',
    '\r': '&#13;',
};
/** Escapes for use in both attribute values and text content. */
export function escapeXml(text) {
    return stripXmlForbidden(text).replace(/[&<>"\t\n\r]/g, (c) => ESCAPES[c]);
}
/** One line per evidence item, because GEXF attribute values cannot hold a list of objects. */
export function flattenEvidence(evidence) {
    return evidence.map((e) => `[${e.document}] ${e.sentence} «${e.trigger}» (${e.extractor})`).join('\n');
}
function rgb(color, key) {
    const match = /^#([0-9a-fA-F]{2})([0-9a-fA-F]{2})([0-9a-fA-F]{2})$/.exec(color);
    if (!match)
        throw new KgError('INVALID_GRAPH', `node ${JSON.stringify(key)}: \`color\` must be #rrggbb, got ${JSON.stringify(color)}`);
    return { r: parseInt(match[1], 16), g: parseInt(match[2], 16), b: parseInt(match[3], 16) };
}
function num(value) {
    // JavaScript writes `Infinity`, which xsd:float/xsd:double reject (they spell it INF), and a NaN position
    // means nothing to a reader: refuse rather than write a file Gephi cannot place.
    if (!Number.isFinite(value))
        throw new KgError('INVALID_GRAPH', `cannot write a non-finite number (${value}) to GEXF`);
    return String(value);
}
const NODE_ATTRIBUTES = [
    ['type', 'string'],
    ['aliases', 'string'],
    ['mentions', 'integer'],
    ['wikidata', 'string'],
    ['community', 'integer'],
];
const EDGE_ATTRIBUTES = [
    ['relation', 'string'],
    ['confidence', 'double'],
    ['negated', 'boolean'],
    ['hypothetical', 'boolean'],
    ['evidence', 'string'],
    ['documents', 'string'],
];
// Lists are written as plain strings: GEXF 1.3's liststring syntax is not settled across readers, and
// " | " reads well in Gephi's data table while rarely occurring inside a name.
const LIST_SEPARATOR = ' | ';
function declarations(cls, attributes) {
    return [
        `    <attributes class="${cls}">`,
        ...attributes.map(([id, type]) => `      <attribute id="${id}" title="${id}" type="${type}"/>`),
        '    </attributes>',
    ];
}
function attvalues(values, indent) {
    const present = values.filter((v) => v[1] !== undefined);
    if (present.length === 0)
        return [];
    return [
        `${indent}<attvalues>`,
        ...present.map(([id, value]) => `${indent}  <attvalue for="${id}" value="${escapeXml(String(value))}"/>`),
        `${indent}</attvalues>`,
    ];
}
function nodeXml(node) {
    const a = node.attributes;
    const { r, g, b } = rgb(a.color, node.key);
    return [
        `      <node id="${escapeXml(node.key)}" label="${escapeXml(a.label)}">`,
        ...attvalues([
            ['type', a.type],
            ['aliases', a.aliases.join(LIST_SEPARATOR)],
            ['mentions', a.mentions],
            ['wikidata', a.wikidata],
            ['community', a.community],
        ], '        '),
        `        <viz:color r="${r}" g="${g}" b="${b}"/>`,
        `        <viz:position x="${num(a.x)}" y="${num(a.y)}"/>`,
        `        <viz:size value="${num(a.size)}"/>`,
        '      </node>',
    ];
}
function edgeXml(edge) {
    const a = edge.attributes;
    const documents = [...new Set(a.evidence.map((e) => e.document))].sort(compareStrings);
    // `kind` carries the relation so that Gephi keeps parallel edges of different relations apart.
    return [
        `      <edge id="${escapeXml(edge.key)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}"` +
            ` label="${escapeXml(a.label)}" kind="${escapeXml(a.relation)}" weight="${num(a.weight)}">`,
        ...attvalues([
            ['relation', a.relation],
            ['confidence', num(a.confidence)],
            ['negated', a.negated],
            ['hypothetical', a.hypothetical],
            ['evidence', flattenEvidence(a.evidence)],
            ['documents', documents.join(LIST_SEPARATOR)],
        ], '        '),
        '      </edge>',
    ];
}
/** The graph file as a GEXF 1.3 document (validates against the official RelaxNG grammar); deterministic. */
export function toGexf(file) {
    const { name, generator, ontology, documents } = file.attributes;
    const description = `${name}: knowledge graph from ${documents.length} document${documents.length === 1 ? '' : 's'} (ontology ${ontology})`;
    const nodes = [...file.nodes].sort((x, y) => compareStrings(x.key, y.key));
    const edges = [...file.edges].sort((x, y) => compareStrings(x.key, y.key));
    const lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
        '  <meta>',
        `    <creator>${escapeXml(generator)}</creator>`,
        `    <description>${escapeXml(description)}</description>`,
        '  </meta>',
        '  <graph defaultedgetype="directed" mode="static">',
        ...declarations('node', NODE_ATTRIBUTES),
        ...declarations('edge', EDGE_ATTRIBUTES),
        `    <nodes count="${nodes.length}">`,
        ...nodes.flatMap(nodeXml),
        '    </nodes>',
        `    <edges count="${edges.length}">`,
        ...edges.flatMap(edgeXml),
        '    </edges>',
        '  </graph>',
        '</gexf>',
    ];
    return `${lines.join('\n')}\n`;
}
