import { type EntityType, type GraphFile, type RelationType } from '../types.js';
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
    byType: Array<{
        type: EntityType;
        nodes: number;
    }>;
    /** Relations that occur, most frequent first (ties in ontology order). */
    byRelation: Array<{
        relation: RelationType;
        edges: number;
        evidence: number;
    }>;
    topByMentions: TopEntity[];
    /** Degree counts every edge in and out, so parallel edges of different relations each count. */
    topByDegree: TopEntity[];
}
export interface StatsOptions {
    /** How many entities the top lists hold. */
    top?: number;
}
export declare function graphStats(file: GraphFile, options?: StatsOptions): GraphStats;
/** A plain-text report for the terminal; no colours, so it reads the same in a pipe or a log. */
export declare function formatStats(stats: GraphStats): string;
