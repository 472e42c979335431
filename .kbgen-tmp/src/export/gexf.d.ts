import type { Evidence, GraphFile } from '../types.js';
/** Removes what XML 1.0 forbids; everything else, emoji and right-to-left scripts included, passes unchanged. */
export declare function stripXmlForbidden(text: string): string;
/** Escapes for use in both attribute values and text content. */
export declare function escapeXml(text: string): string;
/** One line per evidence item, because GEXF attribute values cannot hold a list of objects. */
export declare function flattenEvidence(evidence: Evidence[]): string;
/** The graph file as a GEXF 1.3 document (validates against the official RelaxNG grammar); deterministic. */
export declare function toGexf(file: GraphFile): string;
