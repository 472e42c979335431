import type { KnowledgeGraph } from '../graph/build.js';
export declare const SIZE_BY: readonly ["mentions", "degree"];
export type SizeBy = (typeof SIZE_BY)[number];
export interface LayoutSettings {
    /** Seed of the PRNG that places nodes before ForceAtlas2 runs. */
    seed: number;
    /** ForceAtlas2 iterations; 'auto' derives them from the number of nodes (see `autoIterations`). */
    iterations: number | 'auto';
    /** What node size grows with. */
    sizeBy: SizeBy;
}
export declare const DEFAULT_LAYOUT_SETTINGS: Readonly<LayoutSettings>;
export declare function autoIterations(order: number): number;
/** Node size from a count (mentions or degree): grows with the square root so hubs do not swamp the picture. */
export declare function nodeSize(count: number): number;
/** Throws InvalidSettingError naming the first setting that is wrong (unknown names included, to catch typos). */
export declare function validateLayoutSettings(settings: object): asserts settings is LayoutSettings;
/** Defaults overridden by the given settings (undefined values count as unset, so CLI flags can pass through), validated. */
export declare function resolveLayoutSettings(partial?: Partial<LayoutSettings>): LayoutSettings;
/** mulberry32: tiny, fast and good enough to scatter starting positions; identical on every platform. */
export declare function mulberry32(seed: number): () => number;
export interface NodeLayout {
    x: number;
    y: number;
    size: number;
    color: string;
}
/** Positions, sizes and colours for every node; the graph is not modified. */
export declare function computeLayout(graph: KnowledgeGraph, settings?: Partial<LayoutSettings>): Map<string, NodeLayout>;
/** Writes x, y, size and colour into the graph's nodes (the mutating variant of `computeLayout`). */
declare function assignLayout(graph: KnowledgeGraph, settings?: Partial<LayoutSettings>): void;
/** graphology's idiom: `layoutGraph(graph)` returns the layout, `layoutGraph.assign(graph)` writes it. */
export declare const layoutGraph: ((graph: KnowledgeGraph, settings?: Partial<LayoutSettings>) => Map<string, NodeLayout>) & {
    assign: typeof assignLayout;
};
export {};
