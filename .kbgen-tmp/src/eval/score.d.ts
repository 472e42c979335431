import { type EntityType, type GraphFile, type RelationType } from '../types.js';
import type { GoldFile } from './gold.js';
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
    gold: {
        id: string;
        type: EntityType;
    }[];
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
    entities: {
        counts: EntityCounts;
        untyped: Prf;
        typed: Prf;
    };
    relations: {
        counts: RelationCounts;
        scores: Prf;
    };
    forbiddenHits: number;
}
export declare function scoreGraph(graph: GraphFile, gold: GoldFile): FileScore;
/** Micro-average: sums the counts over files, then computes P/R/F1 from the sums. */
export declare function sumScores(scores: FileScore[]): TotalScore;
export interface FileReport {
    name: string;
    score: FileScore;
}
export interface EvalJsonReport {
    files: ({
        name: string;
    } & FileScore)[];
    total: TotalScore;
}
/** The object `kg eval --json` prints (numbers unrounded). */
export declare function toJsonReport(perFile: FileReport[], total: TotalScore): EvalJsonReport;
/** A plain-text report: one table row per file and the total, then what to fix in each file. */
export declare function formatEvalReport(perFile: FileReport[], total: TotalScore): string;
