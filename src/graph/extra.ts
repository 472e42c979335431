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

/**
 * `known` with the extra attributes appended in name order (never replacing a known one). Defined as own data
 * properties: a name such as `constructor` or `__proto__` is an attribute like any other.
 */
export function withExtras<T extends object>(known: T, extras: ReadonlyArray<[string, JsonValue]>): T {
  for (const [name, value] of extras) {
    if (!Object.hasOwn(known, name)) Object.defineProperty(known, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return known;
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
    kind: extraKind(list.map((attributes) => extraValue(attributes, name))),
  }));
}

/** One attribute's value on an attributes object (undefined when absent). */
export function extraValue(attributes: object, name: string): JsonValue | undefined {
  // Own properties only: `constructor` or `__proto__` on an item without that attribute is nothing.
  return Object.hasOwn(attributes, name) ? (attributes as Record<string, JsonValue | undefined>)[name] : undefined;
}

/**
 * The names of the extra attributes that text formats carry as JSON, every value encoded: those holding a list,
 * an object, null or an empty string somewhere, and those whose values are of more than one type (a declared
 * type could not give them back).
 */
export function jsonExtraNames(list: readonly object[], known: ReadonlySet<string>): string[] {
  const kinds = new Map<string, Set<string>>();
  const json = new Set<string>();
  for (const attributes of list) {
    for (const [name, value] of extraAttributes(attributes, known)) {
      if (value === null || typeof value === 'object' || value === '') json.add(name);
      const k = typeof value === 'number' ? 'number' : typeof value;
      if (!kinds.has(name)) kinds.set(name, new Set());
      kinds.get(name)!.add(k);
    }
  }
  for (const [name, k] of kinds) if (k.size > 1) json.add(name);
  return [...json].sort(compareStrings);
}

/** An extra value as a text format writes it: JSON for the columns `jsonExtraNames` gives, else `extraText`. */
export function extraCell(value: JsonValue | undefined, json: boolean): string | undefined {
  if (value === undefined) return undefined;
  return json ? JSON.stringify(value) : extraText(value);
}

/** What GEXF and GraphML keep beside the graph attributes so that extra lists and objects come back as such. */
export function jsonExtras(nodes: readonly object[], edges: readonly object[]): { json?: { node: string[]; edge: string[] } } {
  const node = jsonExtraNames(nodes, NODE_FIELDS);
  const edge = jsonExtraNames(edges, EDGE_FIELDS);
  return node.length === 0 && edge.length === 0 ? {} : { json: { node, edge } };
}

/**
 * Ids under which GEXF and GraphML declare the extra attributes: never a name kg reads, so that an extra
 * called `Type`, `x` or `aliases_json` comes back as that extra and nothing else.
 */
export const EXTRA_ID_PREFIX = 'kgx_';

/** The extra columns of a text format: name, declared kind, and whether the values are written as JSON. */
export function extraTextColumns(list: readonly object[], known: ReadonlySet<string>): Array<{ name: string; kind: ExtraKind; json: boolean }> {
  const json = new Set(jsonExtraNames(list, known));
  return extraColumns(list, known).map(({ name, kind }) => (json.has(name) ? { name, kind: 'string' as const, json: true } : { name, kind, json: false }));
}
