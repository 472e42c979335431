// The knowledge base of known entities: built-in JSON data files merged with user files into one id → entry map.

import { KgError } from '../errors.js';
import { LANGUAGES } from '../types.js';
import { validateKbFile, type KbEntry, type KbFile, type KbNames } from './schema.js';
import countries from './data/countries.json' with { type: 'json' };
import organizations from './data/organizations.json' with { type: 'json' };
import agreements from './data/agreements.json' with { type: 'json' };
import weapons from './data/weapons.json' with { type: 'json' };
import locations from './data/locations.json' with { type: 'json' };
import events from './data/events.json' with { type: 'json' };

export type { KbEntry, KbFile, KbNames } from './schema.js';
export { validateKbFile } from './schema.js';

/** The built-in data files, with the name each is reported under in errors. */
const BUILT_IN: ReadonlyArray<readonly [string, unknown]> = [
  ['kb/data/countries.json', countries],
  ['kb/data/organizations.json', organizations],
  ['kb/data/agreements.json', agreements],
  ['kb/data/weapons.json', weapons],
  ['kb/data/locations.json', locations],
  ['kb/data/events.json', events],
];

function versionKey(version: string): number[] {
  return version.split('.').map(Number);
}

function newer(a: string, b: string): boolean {
  const [x, y] = [versionKey(a), versionKey(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  }
  return false;
}

/** Version of the built-in knowledge base: the newest version among its data files. */
export const KNOWLEDGE_BASE_VERSION: string = BUILT_IN.map(([, file]) => (file as { version: string }).version).reduce(
  (best, v) => (newer(v, best) ? v : best),
);

export interface KnowledgeBase {
  /** KNOWLEDGE_BASE_VERSION, followed by "+<version>" for each user file merged in. */
  version: string;
  entries: ReadonlyMap<string, KbEntry>;
  get(id: string): KbEntry | undefined;
}

function unionNames(base: KbNames | undefined, extra: KbNames | undefined): KbNames | undefined {
  if (!base) return extra && structuredClone(extra);
  if (!extra) return structuredClone(base);
  const out: KbNames = {};
  for (const lang of LANGUAGES) {
    const list = [...new Set([...(base[lang] ?? []), ...(extra[lang] ?? [])])];
    if (list.length > 0) out[lang] = list;
  }
  return out;
}

/** `extra` overrides `base`: name lists are unioned, scalar fields present in `extra` replace those of `base`. */
function mergeEntry(base: KbEntry, extra: KbEntry): KbEntry {
  const merged: KbEntry = {
    ...base,
    ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)),
    names: unionNames(base.names, extra.names) ?? {},
  };
  for (const field of ['demonyms', 'inhabitants'] as const) {
    const names = unionNames(base[field], extra[field]);
    if (names) merged[field] = names;
  }
  return merged;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

let builtIn: Map<string, KbEntry> | undefined;

function loadBuiltIn(): Map<string, KbEntry> {
  if (builtIn) return builtIn;
  const entries = new Map<string, KbEntry>();
  const origin = new Map<string, string>();
  for (const [where, json] of BUILT_IN) {
    for (const entry of validateKbFile(json, where).entities) {
      const other = origin.get(entry.id);
      if (other !== undefined) {
        throw new KgError('INVALID_KB', `entity ${JSON.stringify(entry.id)} is defined in both ${other} and ${where}`, where);
      }
      origin.set(entry.id, where);
      entries.set(entry.id, deepFreeze(structuredClone(entry)));
    }
  }
  checkReferences(entries, (id) => origin.get(id) ?? 'kb');
  builtIn = entries;
  return entries;
}

function checkReferences(entries: ReadonlyMap<string, KbEntry>, whereOf: (id: string) => string): void {
  for (const entry of entries.values()) {
    for (const field of ['locatedIn', 'capitalOf', 'partOf'] as const) {
      const target = entry[field];
      if (target !== undefined && !entries.has(target)) {
        throw new KgError(
          'INVALID_KB',
          `entity ${JSON.stringify(entry.id)}: \`${field}\` must be the id of a known entry; got ${JSON.stringify(target)}`,
          whereOf(entry.id),
        );
      }
    }
  }
}

/**
 * The built-in knowledge base merged with `extraFiles` (already parsed; each is validated here). A user entry whose
 * id exists extends it (names, demonyms and inhabitants are unioned; label, type and the other scalar fields are
 * replaced); a new id adds an entry. Later files win over earlier ones.
 */
export function loadKnowledgeBase(extraFiles: KbFile[] = []): KnowledgeBase {
  const base = loadBuiltIn();
  let entries: Map<string, KbEntry> = base;
  let version = KNOWLEDGE_BASE_VERSION;
  if (extraFiles.length > 0) {
    entries = new Map(base);
    const origin = new Map<string, string>();
    extraFiles.forEach((file, index) => {
      const where = `user KB file ${index + 1}`;
      const valid = validateKbFile(file, where);
      version += `+${valid.version}`;
      for (const entry of valid.entities) {
        const existing = entries.get(entry.id);
        entries.set(entry.id, deepFreeze(existing ? mergeEntry(existing, entry) : structuredClone(entry)));
        origin.set(entry.id, where);
      }
    });
    checkReferences(entries, (id) => origin.get(id) ?? 'kb');
  }
  const frozen: ReadonlyMap<string, KbEntry> = entries;
  return { version, entries: frozen, get: (id) => frozen.get(id) };
}
