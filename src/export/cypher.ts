// Cypher export: a cypher-shell script of MERGE statements that loads the graph into Neo4j and can run twice.
import { KgError } from '../errors.js';
import { compareStrings } from '../graph/order.js';
import type { EntityType, GraphFile, RelationType, SerializedEdge, SerializedNode } from '../types.js';
import { evidenceDocuments, evidenceToJson, flattenEvidence } from './text.js';
import { EDGE_FIELDS, extraAttributes, NODE_FIELDS, type JsonValue } from '../graph/extra.js';

// Lone surrogates cannot be encoded as UTF-8, so no file could carry them; everything else is escaped.
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;

/** A Cypher string literal in single quotes: backslash, single quote and every control character escaped. */
export function cypherString(text: string): string {
  const escaped = text.replace(LONE_SURROGATE, '').replace(/[\\'\u0000-\u001f\u007f\u2028\u2029]/g, (c) => {
    switch (c) {
      case '\\':
        return '\\\\';
      case "'":
        return "\\'";
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
  return `'${escaped}'`;
}

/** A backtick-quoted identifier (label, relationship type); a backtick inside is doubled. */
export function cypherName(name: string): string {
  return `\`${name.replace(LONE_SURROGATE, '').replaceAll('`', '``')}\``;
}

/** A float literal: always with a decimal point or exponent, so Neo4j stores every value of a property as a float. */
function float(value: number, what: string): string {
  if (!Number.isFinite(value)) throw new KgError('INVALID_GRAPH', `${what}: cannot write a non-finite number (${value}) to Cypher`);
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

function list(items: readonly string[]): string {
  return `[${items.map(cypherString).join(', ')}]`;
}

/** `organization` → `Organization`: Neo4j's convention for labels. */
function entityLabel(type: EntityType): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}

/** `negotiates_with` → `NEGOTIATES_WITH`: Neo4j's convention for relationship types. */
function relationshipType(relation: RelationType): string {
  return relation.toUpperCase();
}

/**
 * A property value for an attribute kg does not know: numbers, booleans, strings and lists of strings as
 * they are (Neo4j properties hold those), anything else as JSON text.
 */
function extraLiteral(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return list(value as string[]);
  return cypherString(JSON.stringify(value));
}

/**
 * SET clauses for the extra attributes. A name one of our own properties uses (or `key`) is written as
 * `attribute_<name>`, so that neither replaces the other.
 */
function extraSets(variable: string, attributes: object, known: ReadonlySet<string>, ours: readonly string[]): string[] {
  const taken = new Set([...known, ...ours, 'key']);
  return extraAttributes(attributes, known).map(([name, value]) => `${variable}.${cypherName(taken.has(name) ? `attribute_${name}` : name)} = ${extraLiteral(value)}`);
}

function nodeStatement(node: SerializedNode): string {
  const a = node.attributes;
  const what = `node ${JSON.stringify(node.key)}`;
  const sets = [
    `n:${cypherName(entityLabel(a.type))}`,
    `n.label = ${cypherString(a.label)}`,
    `n.type = ${cypherString(a.type)}`,
    `n.aliases = ${list(a.aliases)}`,
    `n.mentions = ${a.mentions}`,
    // SET to null removes the property, so a second run after an edit leaves no stale value behind.
    `n.wikidata = ${a.wikidata === undefined ? 'null' : cypherString(a.wikidata)}`,
    `n.x = ${float(a.x, what)}`,
    `n.y = ${float(a.y, what)}`,
    `n.size = ${float(a.size, what)}`,
    `n.color = ${cypherString(a.color)}`,
    `n.community = ${a.community === undefined ? 'null' : a.community}`,
    `n.documents = ${a.documents === undefined ? 'null' : list(a.documents)}`,
    ...extraSets('n', a, NODE_FIELDS, []),
  ];
  return `MERGE (n:Entity {key: ${cypherString(node.key)}}) SET ${sets.join(', ')};`;
}

function edgeStatement(edge: SerializedEdge): string {
  const a = edge.attributes;
  const what = `edge ${JSON.stringify(edge.key)}`;
  const sets = [
    `r.relation = ${cypherString(a.relation)}`,
    `r.label = ${cypherString(a.label)}`,
    `r.weight = ${float(a.weight, what)}`,
    `r.confidence = ${float(a.confidence, what)}`,
    `r.negated = ${a.negated}`,
    `r.hypothetical = ${a.hypothetical}`,
    // Neo4j properties cannot hold maps: one readable string per evidence item, plus the JSON for tools.
    `r.evidence = ${list(a.evidence.map((e) => flattenEvidence([e])))}`,
    `r.evidence_json = ${cypherString(evidenceToJson(a.evidence))}`,
    `r.documents = ${list(evidenceDocuments(a.evidence))}`,
    // Neo4j relationships always have a direction: an undirected edge is stored one way and says so.
    ...(edge.undirected ? ['r.undirected = true'] : []),
    ...extraSets('r', a, EDGE_FIELDS, ['evidence_json', 'documents', 'undirected']),
  ];
  return (
    `MATCH (a:Entity {key: ${cypherString(edge.source)}}), (b:Entity {key: ${cypherString(edge.target)}}) ` +
    `MERGE (a)-[r:${cypherName(relationshipType(a.relation))} {key: ${cypherString(edge.key)}}]->(b) SET ${sets.join(', ')};`
  );
}

/**
 * A script for `cypher-shell -f graph.cypher`: a uniqueness constraint, one MERGE per entity (keyed by
 * `key`, labelled `Entity` and its type) and one MERGE per relation (keyed by the edge key). MERGE on the
 * key and SET of every property make it idempotent: a second run matches what the first created.
 */
export function toCypher(file: GraphFile): string {
  const { name, generator, ontology } = file.attributes;
  const nodes = [...file.nodes].sort((x, y) => compareStrings(x.key, y.key));
  const edges = [...file.edges].sort((x, y) => compareStrings(x.key, y.key));
  const comment = (text: string) => `// ${text.replace(/[\r\n\u2028\u2029]+/g, ' ')}`;
  const lines = [
    comment(`Knowledge graph ${name} (${nodes.length} entities, ${edges.length} relations), written by ${generator}, ontology ${ontology}.`),
    comment('Idempotent: run it with `cypher-shell -f <file>` as often as you like; MERGE on keys never duplicates.'),
    'CREATE CONSTRAINT kg_entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE;',
    ...nodes.map(nodeStatement),
    ...edges.map(edgeStatement),
  ];
  return `${lines.join('\n')}\n`;
}
