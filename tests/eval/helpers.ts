// Tiny builders for hand-made graph files and gold objects used by the eval tests.

import type { GoldEntity, GoldFile, GoldForbidden, GoldRelation } from '../../src/eval/gold.js';
import type { EntityType, GraphFile, RelationType } from '../../src/types.js';

/** A node: key, label, optional type (default country) and aliases. */
export type NodeSpec = [key: string, label: string, type?: EntityType, aliases?: string[]];
/** An edge: source key, relation, target key, optional flags. */
export type EdgeSpec = [source: string, relation: RelationType, target: string, flags?: { negated?: boolean; hypothetical?: boolean }];

export function makeGraph(nodes: NodeSpec[], edges: EdgeSpec[] = []): GraphFile {
  return {
    options: { type: 'directed', multi: true, allowSelfLoops: false },
    attributes: { name: 'test', generator: 'test@0', ontology: '1.0', documents: [] },
    nodes: nodes.map(([key, label, type = 'country', aliases = []]) => ({
      key,
      attributes: { label, type, aliases, mentions: 1, x: 0, y: 0, size: 1, color: '#000000' },
    })),
    edges: edges.map(([source, relation, target, flags = {}]) => ({
      key: `${source}->${relation}->${target}`,
      source,
      target,
      attributes: {
        relation,
        label: relation,
        weight: 1,
        confidence: 1,
        negated: flags.negated ?? false,
        hypothetical: flags.hypothetical ?? false,
        evidence: [],
      },
    })),
  };
}

/** A gold entity: id, names, type (default country), extra fields. */
export function ent(id: string, names: string[], type: EntityType = 'country', extra: Partial<GoldEntity> = {}): GoldEntity {
  return { id, label: names[0]!, type, names, ...extra };
}

export function rel(subject: string, relation: RelationType, object: string, extra: Partial<GoldRelation> = {}): GoldRelation {
  return { subject, relation, object, ...extra };
}

export function makeGold(entities: GoldEntity[], relations: GoldRelation[] = [], forbidden?: GoldForbidden[]): GoldFile {
  return { document: 'test.txt', language: 'nb', entities, relations, ...(forbidden ? { forbidden } : {}) };
}
