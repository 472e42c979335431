// Gold files (shared/eval/*/*.gold.json): their types, and a parser that validates them with one-line errors.

import { KgError } from '../errors.js';
import {
  ENTITY_TYPES,
  LANGUAGES,
  RELATION_TYPES,
  SYMMETRIC_RELATIONS,
  type EntityType,
  type Language,
  type RelationType,
} from '../types.js';
import { goldNameKey } from './names.js';

export interface GoldEntity {
  id: string;
  label: string;
  type: EntityType;
  /** Names a graph node's label (or, failing that, one of its aliases) is compared with. */
  names: string[];
  /** `false`: finding it earns nothing and costs nothing. */
  required?: boolean;
  /** Id of the entity it may be merged into (found as part of it). */
  mergeableInto?: string;
}

export interface GoldAlternatives {
  subject?: string[];
  object?: string[];
  relation?: RelationType[];
}

export interface GoldRelation {
  subject: string;
  relation: RelationType;
  object: string;
  required?: boolean;
  /** What else each slot accepts; the slots combine freely. */
  alternatives?: GoldAlternatives;
  evidence?: string;
  note?: string;
}

export interface GoldForbidden {
  subject: string;
  relation: RelationType;
  object: string;
  why?: string;
}

export interface GoldFile {
  /** Path of the article, relative to the shared folder. */
  document: string;
  language: Language;
  note?: string;
  date?: string;
  source?: string;
  entities: GoldEntity[];
  relations: GoldRelation[];
  forbidden?: GoldForbidden[];
}

type Json = Record<string, unknown>;

/**
 * Parses and validates the text of a gold file. Unknown fields are ignored (and dropped from the
 * result), so gold files may carry extra notes. Entities, relations and forbidden entries are
 * numbered from 1 in error messages, in file order. Throws `KgError('INVALID_GOLD', message, where)`.
 */
export function parseGoldFile(text: string, where: string): GoldFile {
  const fail = (message: string): never => {
    throw new KgError('INVALID_GOLD', message, where);
  };

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`not valid JSON: ${reason.replace(/\s+/g, ' ')}`);
  }
  if (!isObject(data)) return fail(`expected a JSON object at the top level, got ${describe(data)}`);

  const document = data.document;
  if (typeof document !== 'string' || document.trim() === '') {
    return fail(`"document" must be a non-empty string, got ${describe(document)}`);
  }
  const language = data.language;
  if (!(LANGUAGES as readonly unknown[]).includes(language)) {
    return fail(`"language" must be one of ${LANGUAGES.join(', ')}, got ${describe(language)}`);
  }
  const gold: GoldFile = { document, language: language as Language, entities: [], relations: [] };
  for (const key of ['note', 'date', 'source'] as const) {
    const value = data[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') return fail(`"${key}" must be a string, got ${describe(value)}`);
    gold[key] = value;
  }

  // ---- entities ----
  if (!Array.isArray(data.entities)) return fail(`"entities" must be an array, got ${describe(data.entities)}`);
  const ids = new Set<string>();
  const nameOwner = new Map<string, string>();
  data.entities.forEach((raw: unknown, i: number) => {
    const at = `entity ${i + 1}`;
    if (!isObject(raw)) return fail(`${at}: expected an object, got ${describe(raw)}`);
    const id = raw.id;
    if (typeof id !== 'string' || id.trim() === '') return fail(`${at}: "id" must be a non-empty string, got ${describe(id)}`);
    const named = `${at} ("${id}")`;
    if (ids.has(id)) return fail(`${named}: duplicate id`);
    ids.add(id);
    if (typeof raw.label !== 'string') return fail(`${named}: "label" must be a string, got ${describe(raw.label)}`);
    if (!(ENTITY_TYPES as readonly unknown[]).includes(raw.type)) {
      return fail(`${named}: "type" must be one of ${ENTITY_TYPES.join(', ')}, got ${describe(raw.type)}`);
    }
    const names = raw.names;
    if (!Array.isArray(names) || names.length === 0) {
      return fail(`${named}: "names" must be a non-empty array of strings, got ${describe(names)}`);
    }
    names.forEach((name: unknown, j: number) => {
      if (typeof name !== 'string' || name.trim() === '') {
        return fail(`${named}: name ${j + 1} must be a non-empty string, got ${describe(name)}`);
      }
      const key = goldNameKey(name);
      const owner = nameOwner.get(key);
      if (owner !== undefined && owner !== id) return fail(`${named}: name "${name}" is also a name of entity "${owner}"`);
      nameOwner.set(key, id);
    });
    const entity: GoldEntity = { id, label: raw.label, type: raw.type as EntityType, names: [...(names as string[])] };
    if (raw.required !== undefined) {
      if (typeof raw.required !== 'boolean') return fail(`${named}: "required" must be a boolean, got ${describe(raw.required)}`);
      entity.required = raw.required;
    }
    if (raw.mergeableInto !== undefined) {
      if (typeof raw.mergeableInto !== 'string') {
        return fail(`${named}: "mergeableInto" must be a string, got ${describe(raw.mergeableInto)}`);
      }
      entity.mergeableInto = raw.mergeableInto;
    }
    gold.entities.push(entity);
  });
  const byId = new Map(gold.entities.map((e) => [e.id, e]));
  gold.entities.forEach((entity, i) => {
    if (entity.mergeableInto === undefined) return;
    const named = `entity ${i + 1} ("${entity.id}")`;
    if (!byId.has(entity.mergeableInto)) return fail(`${named}: mergeableInto "${entity.mergeableInto}" is not a gold entity id`);
    const chain = [entity.id];
    for (let next: string | undefined = entity.mergeableInto; next !== undefined; next = byId.get(next)?.mergeableInto) {
      chain.push(next);
      if (next === entity.id) return fail(`${named}: mergeableInto forms a cycle (${chain.join(' -> ')})`);
      if (chain.length > gold.entities.length + 1) break; // a cycle further up: reported at its own entity
    }
  });

  const entityId = (at: string, slot: string, value: unknown): string => {
    if (typeof value !== 'string') return fail(`${at}: ${slot} must be a gold entity id, got ${describe(value)}`);
    if (!ids.has(value)) return fail(`${at}: ${slot} "${value}" is not a gold entity id`);
    return value;
  };
  const relationType = (at: string, slot: string, value: unknown): RelationType => {
    if (typeof value !== 'string') return fail(`${at}: ${slot} must be a relation type id, got ${describe(value)}`);
    if (!(RELATION_TYPES as readonly string[]).includes(value)) {
      return fail(`${at}: ${slot} "${value}" is not a relation type id of ONTOLOGY.md`);
    }
    return value as RelationType;
  };
  const optionalString = (at: string, key: string, value: unknown): string | undefined => {
    if (value !== undefined && typeof value !== 'string') return fail(`${at}: "${key}" must be a string, got ${describe(value)}`);
    return value as string | undefined;
  };

  // ---- relations ----
  if (!Array.isArray(data.relations)) return fail(`"relations" must be an array, got ${describe(data.relations)}`);
  data.relations.forEach((raw: unknown, i: number) => {
    const at = `relation ${i + 1}`;
    if (!isObject(raw)) return fail(`${at}: expected an object, got ${describe(raw)}`);
    const relation: GoldRelation = {
      subject: entityId(at, 'subject', raw.subject),
      relation: relationType(at, 'relation', raw.relation),
      object: entityId(at, 'object', raw.object),
    };
    if (raw.required !== undefined) {
      if (typeof raw.required !== 'boolean') return fail(`${at}: "required" must be a boolean, got ${describe(raw.required)}`);
      relation.required = raw.required;
    }
    if (raw.alternatives !== undefined) {
      const alt = raw.alternatives;
      if (!isObject(alt)) return fail(`${at}: "alternatives" must be an object, got ${describe(alt)}`);
      const alternatives: GoldAlternatives = {};
      for (const slot of ['subject', 'object', 'relation'] as const) {
        const list = alt[slot];
        if (list === undefined) continue;
        if (!Array.isArray(list)) return fail(`${at}: "alternatives.${slot}" must be an array, got ${describe(list)}`);
        if (slot === 'relation') {
          alternatives.relation = list.map((v: unknown) => relationType(at, 'alternatives.relation', v));
        } else {
          alternatives[slot] = list.map((v: unknown) => entityId(at, `alternatives.${slot}`, v));
        }
      }
      relation.alternatives = alternatives;
    }
    const evidence = optionalString(at, 'evidence', raw.evidence);
    if (evidence !== undefined) relation.evidence = evidence;
    const note = optionalString(at, 'note', raw.note);
    if (note !== undefined) relation.note = note;
    gold.relations.push(relation);
  });

  // ---- forbidden ----
  if (data.forbidden !== undefined) {
    if (!Array.isArray(data.forbidden)) return fail(`"forbidden" must be an array, got ${describe(data.forbidden)}`);
    const forbidden: GoldForbidden[] = [];
    data.forbidden.forEach((raw: unknown, i: number) => {
      const at = `forbidden ${i + 1}`;
      if (!isObject(raw)) return fail(`${at}: expected an object, got ${describe(raw)}`);
      const entry: GoldForbidden = {
        subject: entityId(at, 'subject', raw.subject),
        relation: relationType(at, 'relation', raw.relation),
        object: entityId(at, 'object', raw.object),
      };
      const why = optionalString(at, 'why', raw.why);
      if (why !== undefined) entry.why = why;
      const clash = gold.relations.findIndex((r) => acceptsTriple(r, entry));
      if (clash >= 0) {
        return fail(`${at}: (${entry.subject} ${entry.relation} ${entry.object}) is also accepted by relation ${clash + 1}`);
      }
      // (Nor through a stand-in: the edge that names a relation's own entities must not match the forbidden entry by
      // way of a slot's mergeableInto parent. The other way round, an edge on the parent matching a relation on the
      // child only as a stand-in, is what the forbidden entry is there to refuse.)
      const chain = (id: string): string[] => {
        const out = [id];
        for (let next = byId.get(id)?.mergeableInto; next !== undefined && !out.includes(next); next = byId.get(next)?.mergeableInto) out.push(next);
        return out;
      };
      const meet = (a: string, bs: string[]) => bs.some((b) => chain(a).includes(b));
      const viaStandIn = gold.relations.findIndex((r) => {
        if (![r.relation, ...(r.alternatives?.relation ?? [])].includes(entry.relation)) return false;
        const subjects = [r.subject, ...(r.alternatives?.subject ?? [])];
        const objects = [r.object, ...(r.alternatives?.object ?? [])];
        if (meet(entry.subject, subjects) && meet(entry.object, objects)) return true;
        return SYMMETRIC_RELATIONS.includes(entry.relation) && meet(entry.object, subjects) && meet(entry.subject, objects);
      });
      if (viaStandIn >= 0) {
        return fail(`${at}: (${entry.subject} ${entry.relation} ${entry.object}) is also accepted by relation ${viaStandIn + 1} through mergeableInto`);
      }
      forbidden.push(entry);
    });
    gold.forbidden = forbidden;
  }
  return gold;
}

/** Whether a gold relation (with its alternatives, and either direction for symmetric relations) accepts a triple of gold ids. */
function acceptsTriple(r: GoldRelation, t: { subject: string; relation: RelationType; object: string }): boolean {
  const relations = [r.relation, ...(r.alternatives?.relation ?? [])];
  if (!relations.includes(t.relation)) return false;
  const subjects = [r.subject, ...(r.alternatives?.subject ?? [])];
  const objects = [r.object, ...(r.alternatives?.object ?? [])];
  if (subjects.includes(t.subject) && objects.includes(t.object)) return true;
  return SYMMETRIC_RELATIONS.includes(t.relation) && subjects.includes(t.object) && objects.includes(t.subject);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
