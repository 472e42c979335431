// Attributes kg does not know (Gephi's `modularity_class`, a `tooltip`, …): kept on nodes and edges after the known
// ones, in name order, and written out again by every exporter that can hold them (GRAPH_FORMAT.md).
import { compareStrings } from './order.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [name: string]: JsonValue };

/** The node attributes of the graph file contract, in its order. */
export const NODE_FIELDS: ReadonlySet<string> = new Set(['label', 'type', 'aliases', 'mentions', 'wikidata', 'x', 'y', 'size', 'color', 'community', 'documents']);
/** The edge attributes of the graph file contract, in its order. */
export const EDGE_FIELDS: ReadonlySet<string> = new Set(['relation', 'label', 'weight', 'confidence', 'negated', 'hypothetical', 'evidence']);

/** The attributes of `attributes` outside `known`, sorted by name; undefined values left out. */
export function extraAttributes(attributes: object, known: ReadonlySet<string>): Array<[string, JsonValue]> {
  return Object.entries(attributes)
    .filter(([name, value]) => !known.has(name) && value !== undefined)
    .sort(([a], [b]) => compareStrings(a, b)) as Array<[string, JsonValue]>;
}

/** `known` with the extra attributes appended in name order (never replacing a known one). */
export function withExtras<T extends object>(known: T, extras: ReadonlyArray<[string, JsonValue]>): T {
  const out = known as T & Record<string, JsonValue>;
  for (const [name, value] of extras) if (!(name in out)) (out as Record<string, JsonValue>)[name] = value;
  return out;
}

/** The names of the extra attributes over a list of attribute objects, sorted, each once. */
export function extraNames(list: Iterable<object>, known: ReadonlySet<string>): string[] {
  const names = new Set<string>();
  for (const attributes of list) for (const [name] of extraAttributes(attributes, known)) names.add(name);
  return [...names].sort(compareStrings);
}

/** How a column of extra values is typed in formats that declare types: numbers, integers, booleans or text. */
export type ExtraKind = 'integer' | 'double' | 'boolean' | 'string';

export function extraKind(values: Iterable<JsonValue | undefined>): ExtraKind {
  let kind: ExtraKind | undefined;
  for (const value of values) {
    if (value === undefined || value === null) continue;
    const k: ExtraKind = typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'double') : 'string';
    if (kind === undefined) kind = k;
    else if (kind !== k) kind = (kind === 'integer' && k === 'double') || (kind === 'double' && k === 'integer') ? 'double' : 'string';
  }
  return kind ?? 'string';
}

/** An extra value as the text of formats that hold only text: strings as they are, the rest as JSON. */
export function extraText(value: JsonValue | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A value read as text back into a typed value, by the type the file declared for it. */
export function typedExtra(text: string, kind: ExtraKind | undefined): JsonValue {
  const t = text.trim();
  if ((kind === 'integer' || kind === 'double') && t !== '' && Number.isFinite(Number(t))) return Number(t);
  if (kind === 'boolean' && /^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
  return text;
}

/** The extra attributes over a list of attribute objects, each once, sorted by name, with the kind of its values. */
export function extraColumns(list: readonly object[], known: ReadonlySet<string>): Array<{ name: string; kind: ExtraKind }> {
  return extraNames(list, known).map((name) => ({
    name,
    kind: extraKind(list.map((attributes) => (attributes as Record<string, JsonValue | undefined>)[name])),
  }));
}

/** One attribute's value on an attributes object (undefined when absent). */
export function extraValue(attributes: object, name: string): JsonValue | undefined {
  return (attributes as Record<string, JsonValue | undefined>)[name];
}

/** The names of the extra attributes that hold a list or an object somewhere: text formats carry them as JSON. */
export function jsonExtraNames(list: readonly object[], known: ReadonlySet<string>): string[] {
  const names = new Set<string>();
  for (const attributes of list) {
    for (const [name, value] of extraAttributes(attributes, known)) if (value !== null && typeof value === 'object') names.add(name);
  }
  return [...names].sort(compareStrings);
}

/** What GEXF and GraphML keep beside the graph attributes so that extra lists and objects come back as such. */
export function jsonExtras(nodes: readonly object[], edges: readonly object[]): { json?: { node: string[]; edge: string[] } } {
  const node = jsonExtraNames(nodes, NODE_FIELDS);
  const edge = jsonExtraNames(edges, EDGE_FIELDS);
  return node.length === 0 && edge.length === 0 ? {} : { json: { node, edge } };
}
