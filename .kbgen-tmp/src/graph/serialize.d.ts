import { type GraphFile } from '../types.js';
import { type KnowledgeGraph } from './build.js';
/** The graph as a graph file object: sorted, fixed key order, numbers rounded as they are written. */
export declare function graphToFile(graph: KnowledgeGraph): GraphFile;
/** The graph file text: 2-space JSON with a trailing newline, byte-identical for the same graph. */
export declare function serializeGraph(graph: KnowledgeGraph): string;
/** A graphology graph holding exactly what the file holds (no rounding: the file already is). */
export declare function graphFromFile(file: GraphFile): KnowledgeGraph;
/** Parses and validates a graph file; throws KgError('INVALID_GRAPH') naming the first thing that is wrong. */
export declare function parseGraphFile(text: string, where: string): GraphFile;
