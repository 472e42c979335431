// Summary numbers of a graph file (`kg stats`): what is in it, by type and relation, and which entities dominate.
import { ENTITY_TYPES, RELATION_TYPES, type EntityType, type GraphFile, type RelationType } from '../types.js';
import { compareStrings } from './order.js';

export interface TopEntity {
  key: string;
  label: string;
  type: EntityType;
  value: number;
}

export interface GraphStats {
  name: string;
  documents: number;
  nodes: number;
  edges: number;
  /** Evidence items over all edges (the sum of edge weights as built). */
  evidence: number;
  negatedEdges: number;
  hypotheticalEdges: number;
  /** Types that occur, most frequent first (ties in ontology order). */
  byType: Array<{ type: EntityType; nodes: number }>;
  /** Relations that occur, most frequent first (ties in ontology order). */
  byRelation: Array<{ relation: RelationType; edges: number; evidence: number }>;
  topByMentions: TopEntity[];
  /** Degree counts every edge in and out, so parallel edges of different relations each count. */
  topByDegree: TopEntity[];
}

export interface StatsOptions {
  /** How many entities the top lists hold. */
  top?: number;
}

export function graphStats(file: GraphFile, options: StatsOptions = {}): GraphStats {
  const top = options.top ?? 10;
  const typeCounts = new Map<EntityType, number>();
  for (const node of file.nodes) typeCounts.set(node.attributes.type, (typeCounts.get(node.attributes.type) ?? 0) + 1);

  const relationCounts = new Map<RelationType, { edges: number; evidence: number }>();
  const degree = new Map<string, number>();
  let evidence = 0;
  for (const edge of file.edges) {
    const { relation } = edge.attributes;
    const count = relationCounts.get(relation) ?? { edges: 0, evidence: 0 };
    count.edges += 1;
    count.evidence += edge.attributes.evidence.length;
    relationCounts.set(relation, count);
    evidence += edge.attributes.evidence.length;
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }

  const ranked = (value: (key: string, mentions: number) => number): TopEntity[] =>
    file.nodes
      .map((node) => ({
        key: node.key,
        label: node.attributes.label,
        type: node.attributes.type,
        value: value(node.key, node.attributes.mentions),
      }))
      .sort((a, b) => b.value - a.value || compareStrings(a.key, b.key))
      .slice(0, top);

  return {
    name: file.attributes.name,
    documents: file.attributes.documents.length,
    nodes: file.nodes.length,
    edges: file.edges.length,
    evidence,
    negatedEdges: file.edges.filter((e) => e.attributes.negated).length,
    hypotheticalEdges: file.edges.filter((e) => e.attributes.hypothetical).length,
    byType: ENTITY_TYPES.filter((type) => typeCounts.has(type))
      .map((type) => ({ type, nodes: typeCounts.get(type)! }))
      .sort((a, b) => b.nodes - a.nodes),
    byRelation: RELATION_TYPES.filter((relation) => relationCounts.has(relation))
      .map((relation) => ({ relation, ...relationCounts.get(relation)! }))
      .sort((a, b) => b.edges - a.edges || b.evidence - a.evidence),
    topByMentions: ranked((_, mentions) => mentions),
    topByDegree: ranked((key) => degree.get(key) ?? 0),
  };
}

// Labels come from arbitrary documents: control characters (ANSI escapes included) must not reach the terminal.
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '\uFFFD');
}

type Cell = string | number;

// Numbers right-aligned, text left-aligned; widths count UTF-16 units, which is close enough for a terminal table.
function table(rows: Cell[][], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, String(cell).length)));
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, i) => {
          const last = i === row.length - 1;
          if (typeof cell === 'number') return String(cell).padStart(widths[i]);
          return last ? cell : cell.padEnd(widths[i]);
        })
        .join('  ')
        .trimEnd(),
  );
}

function topTable(entities: TopEntity[]): string[] {
  if (entities.length === 0) return ['  (none)'];
  return table(entities.map((e, i) => [`${i + 1}.`, e.value, printable(e.label), `${printable(e.key)} (${e.type})`]));
}

/** A plain-text report for the terminal; no colours, so it reads the same in a pipe or a log. */
export function formatStats(stats: GraphStats): string {
  const lines: string[] = [
    `Graph ${printable(stats.name)}`,
    ...table(
      [
        ['documents', stats.documents],
        ['nodes', stats.nodes],
        ['edges', stats.edges],
        ['evidence', stats.evidence],
        ['negated edges', stats.negatedEdges],
        ['hypothetical edges', stats.hypotheticalEdges],
      ],
      '  ',
    ),
    '',
    'Entity types',
    ...(stats.byType.length === 0 ? ['  (none)'] : table(stats.byType.map((t) => [t.type, t.nodes]))),
    '',
    'Relations (edges, evidence)',
    ...(stats.byRelation.length === 0
      ? ['  (none)']
      : table(stats.byRelation.map((r) => [r.relation, r.edges, r.evidence]))),
    '',
    'Top entities by mentions',
    ...topTable(stats.topByMentions),
    '',
    'Top entities by degree',
    ...topTable(stats.topByDegree),
  ];
  return `${lines.join('\n')}\n`;
}
