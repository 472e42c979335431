import { MultiDirectedGraph } from 'graphology';
import { type DocumentExtraction, type DocumentMeta, type EdgeAttributes, type GraphAttributes, type NodeAttributes } from '../types.js';
/** The in-memory graph every later stage (layout, stats, exporters) works on. */
export type KnowledgeGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;
export interface BuildOptions {
    /** Name of the graph (usually the corpus or file name). */
    name: string;
    /** `<package name>@<version>` of the program that built the graph. */
    generator: string;
}
/** A fresh, empty graph with the options the graph file fixes (directed, multi, no self-loops). */
export declare function createKnowledgeGraph(attributes: GraphAttributes): KnowledgeGraph;
/** The edge key GRAPH_FORMAT.md prescribes: derived from content so diffs between graph files are meaningful. */
export declare function edgeKey(subject: string, relation: string, object: string): string;
/** Copies only the fields of DocumentMeta, in a fixed order, so extra properties never leak into the graph file. */
export declare function copyDocumentMeta(meta: DocumentMeta): DocumentMeta;
export declare function buildGraph(extractions: DocumentExtraction[], options: BuildOptions): KnowledgeGraph;
