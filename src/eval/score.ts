// Scores a graph file against a gold file by the rules of shared/eval/README.md, sums scores over files and renders reports.
//
// Decisions on points the rules leave open:
// - Names: trimmed and NFC-normalised; whether the comparison ignores case is decided by the GOLD name's
//   length in Unicode code points ("AP" only matches "AP"; "NATO" also matches "nato").
// - A node matches EVERY gold entity one of whose names equals its label; only when there is none, every
//   gold entity one of whose names equals one of its aliases. (Gold names are unique across entities,
//   which parseGoldFile checks, so a label matches at most one; aliases may match several.) Nodes whose
//   matches belong to more than one mergeableInto family are listed as `ambiguousNodes`.
// - mergeableInto (rule 2): a gold entity counts as found when a node matches it, or when its parent
//   (transitively) is found, since the parent node may hold it. No alias evidence is required: rule 1
//   never looks at the aliases of a node whose label matched. Typed: found typed when a node of the
//   entity's own type matches it, or when its parent is found typed.
// - Entity precision counts nodes (a node matching several gold entities counts once); matches to
//   `required: false` entities count as matched nodes.
// - Rule 3's mergeableInto stand-in and the symmetric relations also apply to forbidden entries.
// - Relation TP is a maximum matching between edges and required gold relations (each gold relation
//   counted once, each edge once), so the count does not depend on edge order. Edges that match some
//   gold relation but are not in the matching are neutral; edges matching none are false positives.
// - An edge matching a forbidden entry is a false positive even when it also matches a gold relation
//   (parseGoldFile rejects a forbidden entry that a gold relation accepts outright).
// - Negated or hypothetical edges are left out of everything, forbidden hits included.
// - An edge whose source or target is not a node of the graph counts as an edge to an unknown node.
// - P = tp/(tp+fp), or, with no predictions, 1 when nothing was to be found and 0 otherwise;
//   R = tp/(tp+fn), or 1 when nothing was to be found; F1 = 2PR/(P+R), or 0 when P+R = 0.

import { SYMMETRIC_RELATIONS, type EntityType, type GraphFile, type RelationType, type SerializedEdge } from '../types.js';
import type { GoldEntity, GoldFile, GoldRelation } from './gold.js';
import { candidateKeys, goldNameKey } from './names.js';

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export interface EntityCounts {
  /** All nodes of the graph. */
  nodes: number;
  /** Nodes that match at least one gold entity. */
  matchedNodes: number;
  /** Nodes that match at least one gold entity of their own type. */
  typedMatchedNodes: number;
  /** Gold entities with `required` not false. */
  required: number;
  /** Of those, found (directly or through mergeableInto). */
  found: number;
  /** Of those, found by a node of the right type. */
  foundTyped: number;
}

export interface RelationCounts {
  tp: number;
  fp: number;
  fn: number;
  /** Edges matching only optional or already-matched gold relations. */
  neutral: number;
  /** Edges left out because they are negated or hypothetical. */
  excluded: number;
}

/** A gold relation as the report names it; `position` is 1-based, in gold-file order (as in parse errors). */
export interface GoldRelationRef {
  position: number;
  subject: string;
  relation: RelationType;
  object: string;
  required: boolean;
}

export interface MatchedRelation {
  gold: GoldRelationRef;
  edge: string;
}

/** Labels of the edge's end nodes (their keys when missing from the graph). */
export interface EdgeRef {
  edge: string;
  source: string;
  relation: RelationType;
  target: string;
}

export interface FalsePositive extends EdgeRef {
  reason: 'forbidden' | 'unknown-node' | 'no-gold-match';
}

export interface NeutralEdge extends EdgeRef {
  reason: 'optional' | 'already-matched';
}

export interface ForbiddenHit {
  /** 1-based position of the entry in the gold file's `forbidden` list. */
  position: number;
  subject: string;
  relation: RelationType;
  object: string;
  why?: string;
  edge: string;
}

export interface NodeRef {
  key: string;
  label: string;
  type: EntityType;
}

export interface WrongTypeNode extends NodeRef {
  /** Ids and types of the gold entities it matches. */
  gold: { id: string; type: EntityType }[];
}

export interface AmbiguousNode extends NodeRef {
  gold: string[];
}

export interface MissedEntity {
  id: string;
  label: string;
  type: EntityType;
}

export interface FileScore {
  entities: {
    counts: EntityCounts;
    untyped: Prf;
    typed: Prf;
    /** Required gold entities not found. */
    missed: MissedEntity[];
    /** Required gold entities found, but by no node of their type. */
    missedTyped: MissedEntity[];
    unknownNodes: NodeRef[];
    wrongType: WrongTypeNode[];
    ambiguousNodes: AmbiguousNode[];
  };
  relations: {
    counts: RelationCounts;
    scores: Prf;
    matched: MatchedRelation[];
    missed: GoldRelationRef[];
    falsePositives: FalsePositive[];
    neutral: NeutralEdge[];
    excluded: EdgeRef[];
  };
  forbiddenHits: ForbiddenHit[];
}

export interface TotalScore {
  files: number;
  entities: { counts: EntityCounts; untyped: Prf; typed: Prf };
  relations: { counts: RelationCounts; scores: Prf };
  forbiddenHits: number;
}

export function scoreGraph(graph: GraphFile, gold: GoldFile): FileScore {
  const entityById = new Map(gold.entities.map((e) => [e.id, e]));
  const goldOrder = new Map(gold.entities.map((e, i) => [e.id, i]));
  const byKey = new Map<string, string[]>();
  for (const entity of gold.entities) {
    for (const name of entity.names) {
      const key = goldNameKey(name);
      const owners = byKey.get(key) ?? [];
      if (!owners.includes(entity.id)) owners.push(entity.id);
      byKey.set(key, owners);
    }
  }
  const lookup = (surface: string): string[] => candidateKeys(surface).flatMap((key) => byKey.get(key) ?? []);
  /** The entity itself and its mergeableInto ancestors. */
  const lineage = (id: string): string[] => {
    const out: string[] = [];
    for (let next: string | undefined = id; next !== undefined && !out.includes(next); next = entityById.get(next)?.mergeableInto) {
      out.push(next);
    }
    return out;
  };
  const root = (id: string): string => lineage(id).at(-1) ?? id;

  // ---- entities (rules 1 and 2) ----
  const nodeMatches = new Map<string, string[]>();
  const foundDirect = new Set<string>();
  const foundDirectTyped = new Set<string>();
  const unknownNodes: NodeRef[] = [];
  const wrongType: WrongTypeNode[] = [];
  const ambiguousNodes: AmbiguousNode[] = [];
  let matchedNodes = 0;
  let typedMatchedNodes = 0;
  for (const node of graph.nodes) {
    const { label, type, aliases } = node.attributes;
    let ids = lookup(label);
    if (ids.length === 0) ids = (aliases ?? []).flatMap(lookup);
    ids = [...new Set(ids)].sort((a, b) => goldOrder.get(a)! - goldOrder.get(b)!);
    nodeMatches.set(node.key, ids);
    const ref: NodeRef = { key: node.key, label, type };
    if (ids.length === 0) {
      unknownNodes.push(ref);
      continue;
    }
    matchedNodes++;
    for (const id of ids) foundDirect.add(id);
    const typed = ids.filter((id) => entityById.get(id)!.type === type);
    for (const id of typed) foundDirectTyped.add(id);
    if (typed.length > 0) typedMatchedNodes++;
    else wrongType.push({ ...ref, gold: ids.map((id) => ({ id, type: entityById.get(id)!.type })) });
    if (new Set(ids.map(root)).size > 1) ambiguousNodes.push({ ...ref, gold: ids });
  }
  const foundVia = (direct: Set<string>) => (id: string) => lineage(id).some((x) => direct.has(x));
  const isFound = foundVia(foundDirect);
  const isFoundTyped = foundVia(foundDirectTyped);
  const requiredEntities = gold.entities.filter((e) => e.required !== false);
  const missed = requiredEntities.filter((e) => !isFound(e.id)).map(missedEntity);
  const missedTyped = requiredEntities.filter((e) => isFound(e.id) && !isFoundTyped(e.id)).map(missedEntity);
  const entityCounts: EntityCounts = {
    nodes: graph.nodes.length,
    matchedNodes,
    typedMatchedNodes,
    required: requiredEntities.length,
    found: requiredEntities.length - missed.length,
    foundTyped: requiredEntities.length - missed.length - missedTyped.length,
  };

  // ---- relations (rules 3, 4 and 6) ----
  /** Ids a node may match to fill a slot naming `ids`: those entities and their mergeableInto ancestors. */
  const slot = (ids: string[]): Set<string> => new Set(ids.flatMap(lineage));
  const fills = (nodeKey: string, accepted: Set<string>): boolean =>
    (nodeMatches.get(nodeKey) ?? []).some((id) => accepted.has(id));
  const isKnown = (nodeKey: string): boolean => (nodeMatches.get(nodeKey) ?? []).length > 0;
  interface Pattern {
    subjects: Set<string>;
    relations: RelationType[];
    objects: Set<string>;
  }
  const matches = (edge: SerializedEdge, p: Pattern): boolean => {
    const relation = edge.attributes.relation;
    if (!p.relations.includes(relation)) return false;
    if (fills(edge.source, p.subjects) && fills(edge.target, p.objects)) return true;
    return SYMMETRIC_RELATIONS.includes(relation) && fills(edge.source, p.objects) && fills(edge.target, p.subjects);
  };
  const goldPatterns: Pattern[] = gold.relations.map((r) => ({
    subjects: slot([r.subject, ...(r.alternatives?.subject ?? [])]),
    relations: [r.relation, ...(r.alternatives?.relation ?? [])],
    objects: slot([r.object, ...(r.alternatives?.object ?? [])]),
  }));
  const forbidden = gold.forbidden ?? [];
  const forbiddenPatterns: Pattern[] = forbidden.map((f) => ({
    subjects: slot([f.subject]),
    relations: [f.relation],
    objects: slot([f.object]),
  }));
  const labelOf = new Map(graph.nodes.map((n) => [n.key, n.attributes.label]));
  const edgeRef = (edge: SerializedEdge): EdgeRef => ({
    edge: edge.key,
    source: labelOf.get(edge.source) ?? edge.source,
    relation: edge.attributes.relation,
    target: labelOf.get(edge.target) ?? edge.target,
  });

  const excluded: EdgeRef[] = [];
  const falsePositives: FalsePositive[] = [];
  const forbiddenHits: ForbiddenHit[] = [];
  /** Edges that match at least one gold relation, with the required ones they match (gold order). */
  const candidates: { edge: SerializedEdge; required: number[] }[] = [];
  for (const edge of graph.edges) {
    if (edge.attributes.negated === true || edge.attributes.hypothetical === true) {
      excluded.push(edgeRef(edge));
      continue;
    }
    const hits = forbiddenPatterns.flatMap((p, i) => (matches(edge, p) ? [i] : []));
    if (hits.length > 0) {
      for (const i of hits) {
        const f = forbidden[i]!;
        forbiddenHits.push({
          position: i + 1,
          subject: f.subject,
          relation: f.relation,
          object: f.object,
          ...(f.why !== undefined ? { why: f.why } : {}),
          edge: edge.key,
        });
      }
      falsePositives.push({ ...edgeRef(edge), reason: 'forbidden' });
      continue;
    }
    if (!isKnown(edge.source) || !isKnown(edge.target)) {
      falsePositives.push({ ...edgeRef(edge), reason: 'unknown-node' });
      continue;
    }
    const matched = goldPatterns.flatMap((p, i) => (matches(edge, p) ? [i] : []));
    if (matched.length === 0) {
      falsePositives.push({ ...edgeRef(edge), reason: 'no-gold-match' });
      continue;
    }
    candidates.push({ edge, required: matched.filter((i) => gold.relations[i]!.required !== false) });
  }

  // Maximum bipartite matching (augmenting paths): each required gold relation to at most one edge.
  const owner = new Map<number, number>(); // gold relation index -> candidate index
  const augment = (c: number, seen: Set<number>): boolean => {
    for (const g of candidates[c]!.required) {
      if (seen.has(g)) continue;
      seen.add(g);
      const current = owner.get(g);
      if (current === undefined || augment(current, seen)) {
        owner.set(g, c);
        return true;
      }
    }
    return false;
  };
  candidates.forEach((_, c) => augment(c, new Set()));
  const used = new Set(owner.values());
  const neutral: NeutralEdge[] = candidates
    .filter((_, c) => !used.has(c))
    .map((c) => ({ ...edgeRef(c.edge), reason: c.required.length > 0 ? 'already-matched' : 'optional' }));
  const goldRef = (i: number): GoldRelationRef => relationRef(gold.relations[i]!, i);
  const matchedRelations: MatchedRelation[] = [...owner.entries()]
    .sort(([a], [b]) => a - b)
    .map(([g, c]) => ({ gold: goldRef(g), edge: candidates[c]!.edge.key }));
  const missedRelations = gold.relations.flatMap((r, i) => (r.required !== false && !owner.has(i) ? [goldRef(i)] : []));
  const relationCounts: RelationCounts = {
    tp: owner.size,
    fp: falsePositives.length,
    fn: missedRelations.length,
    neutral: neutral.length,
    excluded: excluded.length,
  };

  return {
    entities: {
      counts: entityCounts,
      ...entityScores(entityCounts),
      missed,
      missedTyped,
      unknownNodes,
      wrongType,
      ambiguousNodes,
    },
    relations: {
      counts: relationCounts,
      scores: relationScores(relationCounts),
      matched: matchedRelations,
      missed: missedRelations,
      falsePositives,
      neutral,
      excluded,
    },
    forbiddenHits,
  };
}

function missedEntity(e: GoldEntity): MissedEntity {
  return { id: e.id, label: e.label, type: e.type };
}

function relationRef(r: GoldRelation, index: number): GoldRelationRef {
  return { position: index + 1, subject: r.subject, relation: r.relation, object: r.object, required: r.required !== false };
}

/** P/R/F1 with the conventions for empty denominators documented at the top of this file. */
function prf(correctPredictions: number, predictions: number, found: number, toFind: number): Prf {
  const precision = predictions > 0 ? correctPredictions / predictions : toFind > 0 ? 0 : 1;
  const recall = toFind > 0 ? found / toFind : 1;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

function entityScores(c: EntityCounts): { untyped: Prf; typed: Prf } {
  return {
    untyped: prf(c.matchedNodes, c.nodes, c.found, c.required),
    typed: prf(c.typedMatchedNodes, c.nodes, c.foundTyped, c.required),
  };
}

function relationScores(c: RelationCounts): Prf {
  return prf(c.tp, c.tp + c.fp, c.tp, c.tp + c.fn);
}

/** Micro-average: sums the counts over files, then computes P/R/F1 from the sums. */
export function sumScores(scores: FileScore[]): TotalScore {
  const entities: EntityCounts = { nodes: 0, matchedNodes: 0, typedMatchedNodes: 0, required: 0, found: 0, foundTyped: 0 };
  const relations: RelationCounts = { tp: 0, fp: 0, fn: 0, neutral: 0, excluded: 0 };
  let forbiddenHits = 0;
  for (const s of scores) {
    for (const k of Object.keys(entities) as (keyof EntityCounts)[]) entities[k] += s.entities.counts[k];
    for (const k of Object.keys(relations) as (keyof RelationCounts)[]) relations[k] += s.relations.counts[k];
    forbiddenHits += s.forbiddenHits.length;
  }
  return {
    files: scores.length,
    entities: { counts: entities, ...entityScores(entities) },
    relations: { counts: relations, scores: relationScores(relations) },
    forbiddenHits,
  };
}

// ---- reports ----

export interface FileReport {
  name: string;
  score: FileScore;
}

export interface EvalJsonReport {
  files: ({ name: string } & FileScore)[];
  total: TotalScore;
}

/** The object `kg eval --json` prints (numbers unrounded). */
export function toJsonReport(perFile: FileReport[], total: TotalScore): EvalJsonReport {
  return { files: perFile.map(({ name, score }) => ({ name, ...score })), total };
}

const num = (x: number): string => x.toFixed(3);

/** A plain-text report: one table row per file and the total, then what to fix in each file. */
export function formatEvalReport(perFile: FileReport[], total: TotalScore): string {
  const rows: string[][] = [
    ['', 'entities typed', '', '', 'entities untyped', '', '', 'relations', '', '', '', '', '', 'forbidden'],
    ['file', 'P', 'R', 'F1', 'P', 'R', 'F1', 'P', 'R', 'F1', 'tp', 'fp', 'fn', 'hits'],
  ];
  const row = (name: string, e: { typed: Prf; untyped: Prf }, r: { scores: Prf; counts: RelationCounts }, hits: number) => [
    name,
    num(e.typed.precision),
    num(e.typed.recall),
    num(e.typed.f1),
    num(e.untyped.precision),
    num(e.untyped.recall),
    num(e.untyped.f1),
    num(r.scores.precision),
    num(r.scores.recall),
    num(r.scores.f1),
    String(r.counts.tp),
    String(r.counts.fp),
    String(r.counts.fn),
    String(hits),
  ];
  for (const { name, score } of perFile) rows.push(row(name, score.entities, score.relations, score.forbiddenHits.length));
  rows.push(row(`total (${total.files} file${total.files === 1 ? '' : 's'})`, total.entities, total.relations, total.forbiddenHits));
  const lines = table(rows, [0, 1, 4, 7, 13]);

  for (const { name, score } of perFile) {
    const e = score.entities;
    const r = score.relations;
    const c = e.counts;
    lines.push('', `== ${name}`);
    lines.push(
      `entities: ${c.matchedNodes}/${c.nodes} nodes match gold (${c.typedMatchedNodes} with the right type); ` +
        `${c.found}/${c.required} required gold entities found (${c.foundTyped} typed)`,
    );
    lines.push(
      `relations: tp ${r.counts.tp}, fp ${r.counts.fp}, fn ${r.counts.fn}, ` +
        `neutral ${r.counts.neutral}, left out (negated/hypothetical) ${r.counts.excluded}`,
    );
    section(lines, 'missed entities', e.missed, (m) => `${m.id} "${m.label}" (${m.type})`);
    section(lines, 'found with the wrong type only', e.missedTyped, (m) => `${m.id} "${m.label}" (${m.type})`);
    section(
      lines,
      'nodes of the wrong type',
      e.wrongType,
      (n) => `${n.key} "${n.label}" is ${n.type}, gold: ${n.gold.map((g) => `${g.id} (${g.type})`).join(', ')}`,
    );
    section(lines, 'unknown nodes', e.unknownNodes, (n) => `${n.key} "${n.label}" (${n.type})`);
    section(lines, 'nodes matching several gold entities', e.ambiguousNodes, (n) => `${n.key} "${n.label}": ${n.gold.join(', ')}`);
    section(lines, 'missed relations', r.missed, (g) => `#${g.position} ${g.subject} ${g.relation} ${g.object}`);
    section(lines, 'false positives', r.falsePositives, (f) => `${edgeText(f)}  [${FP_REASONS[f.reason]}]`);
    section(
      lines,
      'forbidden hits',
      score.forbiddenHits,
      (h) => `#${h.position} ${h.subject} ${h.relation} ${h.object}${h.why !== undefined ? ` (${h.why})` : ''} <- edge ${h.edge}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const FP_REASONS: Record<FalsePositive['reason'], string> = {
  forbidden: 'forbidden',
  'unknown-node': 'unknown node',
  'no-gold-match': 'no gold relation',
};

function edgeText(e: EdgeRef): string {
  return `${e.edge}: "${e.source}" -${e.relation}-> "${e.target}"`;
}

function section<T>(lines: string[], title: string, items: T[], render: (item: T) => string): void {
  if (items.length === 0) return;
  lines.push(`${title} (${items.length}):`);
  for (const item of items) lines.push(`  ${render(item)}`);
}

/** Left-aligns the first column, right-aligns the others; `groups` are the columns preceded by a wider gap. */
function table(rows: string[][], groups: number[]): string[] {
  const [header, ...body] = rows as [string[], ...string[][]];
  const widths = header.map((_, col) => Math.max(...body.map((r) => r[col]!.length)));
  const gap = (col: number) => (col === 0 ? '' : groups.includes(col) ? '   ' : '  ');
  const groupEnd = (g: number) => groups[g + 1] ?? header.length;
  const span = (from: number, to: number) => widths.slice(from, to).reduce((a, b) => a + b, 0) + 2 * (to - from - 1);
  // Group titles (first row) span their group: widen a group's last column when its title is longer.
  for (let g = 1; g < groups.length; g++) {
    const need = header[groups[g]!]!.length - span(groups[g]!, groupEnd(g));
    if (need > 0) widths[groupEnd(g) - 1]! += need;
  }
  let title = ''.padEnd(widths[0]!);
  for (let g = 1; g < groups.length; g++) title += gap(groups[g]!) + header[groups[g]!]!.padEnd(span(groups[g]!, groupEnd(g)));
  const lines = [title.trimEnd()];
  for (const r of body) {
    lines.push(r.map((cell, col) => gap(col) + (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('').trimEnd());
  }
  return lines;
}
