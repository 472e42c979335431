// What the store server answers (`kg view --store`, /api/…): shared by the server's queries, the store page and
// its tests. Types only, and no imports but the graph types, so the browser build can take it.
import type { EntityType, Evidence, RelationType } from '../types.js';

export interface NeighbourhoodFilter {
  relation?: RelationType;
  document?: string;
  /** Documents dated from (inclusive), YYYY-MM-DD. */
  from?: string;
  /** Documents dated up to (inclusive), YYYY-MM-DD. */
  to?: string;
}

export interface EntitySummary {
  key: string;
  label: string;
  type: EntityType;
  color: string;
  mentions: number;
  aliases: string[];
  wikidata?: string;
  /** Relations to other entities (top list only). */
  degree?: number;
}

export interface EdgeSummary {
  key: string;
  source: string;
  target: string;
  relation: RelationType;
  label: string;
  confidence: number;
  negated: boolean;
  hypothetical: boolean;
  /** How many evidence items the edge has in the store (for these filters). */
  weight: number;
  /** The first evidence items, in document and offset order. */
  evidence: Evidence[];
}

export interface GraphPiece {
  nodes: EntitySummary[];
  edges: EdgeSummary[];
  /** True when the neighbourhood had more relations than were sent. */
  truncated: boolean;
}

/** Read-only probe of the store page for the browser tests (`window.__kgStore`). */
export interface StoreTestHook {
  nodes(): string[];
  edges(): string[];
  expanded(): string[];
  nodeViewportPosition(key: string): { x: number; y: number } | null;
  requests(): string[];
}
