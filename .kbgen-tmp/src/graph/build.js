// Merges per-document extractions into one knowledge graph: one node per entity key, one edge per (subject, relation, object).
import { MultiDirectedGraph } from 'graphology';
import { KgError } from '../errors.js';
import { ONTOLOGY_VERSION, TYPE_COLORS, } from '../types.js';
import { compareStrings } from './order.js';
/** A fresh, empty graph with the options the graph file fixes (directed, multi, no self-loops). */
export function createKnowledgeGraph(attributes) {
    const graph = new MultiDirectedGraph({
        allowSelfLoops: false,
    });
    graph.replaceAttributes(attributes);
    return graph;
}
/** The edge key GRAPH_FORMAT.md prescribes: derived from content so diffs between graph files are meaningful. */
export function edgeKey(subject, relation, object) {
    return `${subject}->${relation}->${object}`;
}
/** Copies only the fields of DocumentMeta, in a fixed order, so extra properties never leak into the graph file. */
export function copyDocumentMeta(meta) {
    const copy = { id: meta.id, language: meta.language };
    if (meta.path !== undefined)
        copy.path = meta.path;
    if (meta.title !== undefined)
        copy.title = meta.title;
    if (meta.date !== undefined)
        copy.date = meta.date;
    if (meta.url !== undefined)
        copy.url = meta.url;
    if (meta.hash !== undefined)
        copy.hash = meta.hash;
    return copy;
}
function compareEvidence(a, b) {
    return compareStrings(a.document, b.document) || a.start - b.start || a.end - b.end;
}
export function buildGraph(extractions, options) {
    // Merging is order-sensitive (the first document wins for labels), so fix the order by document id
    // instead of trusting the order files were listed or read in.
    const sorted = [...extractions].sort((a, b) => compareStrings(a.document.id, b.document.id));
    for (let i = 1; i < sorted.length; i++) {
        if (sorted[i].document.id === sorted[i - 1].document.id) {
            // Evidence offsets point into one text per id; two texts under one id would make them ambiguous.
            throw new KgError('INPUT_INVALID', `duplicate document id "${sorted[i].document.id}"`);
        }
    }
    const nodes = new Map();
    for (const { entities } of sorted) {
        for (const entity of entities) {
            let node = nodes.get(entity.key);
            if (!node) {
                node = { label: entity.label, type: entity.type, aliases: new Set(), mentions: 0 };
                nodes.set(entity.key, node);
            }
            if (node.wikidata === undefined && entity.wikidata !== undefined)
                node.wikidata = entity.wikidata;
            for (const alias of entity.aliases)
                node.aliases.add(alias);
            node.mentions += entity.mentions.length;
        }
    }
    const edges = new Map();
    for (const { relations } of sorted) {
        for (const relation of relations) {
            if (relation.subject === relation.object)
                continue;
            if (!nodes.has(relation.subject) || !nodes.has(relation.object))
                continue;
            const key = edgeKey(relation.subject, relation.relation, relation.object);
            let edge = edges.get(key);
            if (!edge) {
                edge = {
                    subject: relation.subject,
                    relation: relation.relation,
                    object: relation.object,
                    evidence: new Map(),
                    confidence: relation.confidence,
                    asserted: false,
                    negated: false,
                    hypothetical: false,
                };
                edges.set(key, edge);
            }
            edge.confidence = Math.max(edge.confidence, relation.confidence);
            if (!relation.negated && !relation.hypothetical)
                edge.asserted = true;
            edge.negated ||= relation.negated;
            edge.hypothetical ||= relation.hypothetical;
            for (const item of relation.evidence) {
                const id = `${item.document}\u0000${item.start}\u0000${item.end}\u0000${relation.relation}`;
                if (!edge.evidence.has(id))
                    edge.evidence.set(id, { ...item });
            }
        }
    }
    const graph = createKnowledgeGraph({
        name: options.name,
        generator: options.generator,
        ontology: ONTOLOGY_VERSION,
        documents: sorted.map((extraction) => copyDocumentMeta(extraction.document)),
    });
    for (const key of [...nodes.keys()].sort(compareStrings)) {
        const node = nodes.get(key);
        const attributes = {
            label: node.label,
            type: node.type,
            aliases: [...node.aliases].sort(compareStrings),
            mentions: node.mentions,
            x: 0,
            y: 0,
            size: 1,
            color: TYPE_COLORS[node.type],
        };
        if (node.wikidata !== undefined)
            attributes.wikidata = node.wikidata;
        graph.addNode(key, attributes);
    }
    for (const key of [...edges.keys()].sort(compareStrings)) {
        const edge = edges.get(key);
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
