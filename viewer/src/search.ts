// Entity search over labels and aliases: case- and accent-insensitive, best matches first.
import type { EntityType } from '../../src/types.js';
import type { KnowledgeGraph } from './load.js';
import { foldForSearch } from './text.js';

export interface SearchHit {
  key: string;
  label: string;
  type: EntityType;
  color: string;
  /** The alias that matched, when it is not the label itself. */
  alias: string | null;
}

interface Entry {
  key: string;
  label: string;
  type: EntityType;
  color: string;
  mentions: number;
  names: { text: string; folded: string; isLabel: boolean }[];
}

export interface SearchIndex {
  search(query: string, limit?: number): SearchHit[];
}

export function buildSearchIndex(graph: KnowledgeGraph): SearchIndex {
  const entries: Entry[] = graph.mapNodes((key, attrs) => ({
    key,
    label: attrs.label,
    type: attrs.type,
    color: attrs.color,
    mentions: attrs.mentions,
    names: [
      { text: attrs.label, folded: foldForSearch(attrs.label), isLabel: true },
      ...attrs.aliases.map((alias) => ({ text: alias, folded: foldForSearch(alias), isLabel: false })),
    ],
  }));

  return {
    search(query, limit = 8) {
      const folded = foldForSearch(query);
      if (folded === '') return [];
      const scored: { entry: Entry; score: number; alias: string | null }[] = [];
      for (const entry of entries) {
        let best = Infinity;
        let alias: string | null = null;
        for (const name of entry.names) {
          const score = matchScore(name.folded, folded) + (name.isLabel ? 0 : 0.5);
          if (score < best) {
            best = score;
            alias = name.isLabel ? null : name.text;
          }
        }
        if (best !== Infinity) scored.push({ entry, score: best, alias });
      }
      scored.sort(
        (a, b) =>
          a.score - b.score ||
          b.entry.mentions - a.entry.mentions ||
          a.entry.label.localeCompare(b.entry.label) ||
          (a.entry.key < b.entry.key ? -1 : 1),
      );
      return scored.slice(0, limit).map(({ entry, alias }) => ({
        key: entry.key,
        label: entry.label,
        type: entry.type,
        color: entry.color,
        alias,
      }));
    },
  };
}

/** 0 exact, 1 prefix, 2 prefix of a later word, 3 anywhere; Infinity when the name does not contain the query. */
function matchScore(name: string, query: string): number {
  if (name === query) return 0;
  if (name.startsWith(query)) return 1;
  const at = name.indexOf(query);
  if (at === -1) return Infinity;
  return /[\s\-–/(.,]/.test(name.charAt(at - 1)) ? 2 : 3;
}
