// What the viewer asks a store for (`kg view --store`): entities by name, the most connected ones, and one
// entity's neighbourhood with its evidence, filtered by relation type, document and date. Each answer is a
// small piece of the graph made with parameterised SQL; the browser never receives the whole graph. Surnames
// are merged into full names as the file build merges them, from a table of person names kept by the server
// and made again when documents have been added.
import { surnameMerges, edgeKey } from '../graph/build.js';
import { compareStrings } from '../graph/order.js';
import { RELATION_TYPES, TYPE_COLORS, type EntityType, type RelationType } from '../types.js';
import { prefixEnd, type GraphStore } from './index.js';
import type { EdgeSummary, EntitySummary, GraphPiece, NeighbourhoodFilter } from './api.js';

export type { EdgeSummary, EntitySummary, GraphPiece, NeighbourhoodFilter };

/** At most this many evidence rows are read for one neighbourhood. */
const MAX_EVIDENCE_ROWS = 5000;
/** Evidence items sent per edge. */
const EVIDENCE_PER_EDGE = 10;

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export class StoreQueries {
  private merges = new Map<string, string>();
  private mergedFrom = new Map<string, string[]>();
  private version = '';
  private checked = 0;
  private merged = 0;
  private topCache: { version: string; limit: number; entities: EntitySummary[] } | undefined;

  constructor(
    private readonly store: GraphStore,
    /** How often (ms) the server looks whether documents were added since the surnames were merged. */
    private readonly refreshMs = 2000,
    /** While documents keep coming (a build is running), the surnames are merged again at most this often (ms). */
    private readonly remergeMs = 30_000,
  ) {}

  /** Makes the surname merges again when the store's done documents changed (at most every `remergeMs`). */
  private async refresh(): Promise<void> {
    const now = Date.now();
    if (this.version !== '' && (now - this.checked < this.refreshMs || now - this.merged < this.remergeMs)) return;
    this.checked = now;
    const [v] = await this.store.query<{ n: number; last: number | null }>(`SELECT COUNT(*) AS n, MAX(finished) AS last FROM kg_documents WHERE status = 'done'`);
    const version = `${Number(v!.n)}:${v!.last ?? ''}`;
    if (version === this.version) return;
    this.merged = now;
    // Only names of people can merge: one row per person key, labelled by its first document as in the file build.
    const rows = await this.store.query<{ key: string; label: string; doc: string; kb: number; wikidata: string | null }>(
      `SELECT key, label, doc, kb, wikidata FROM kg_entities WHERE type = 'person'`,
    );
    const people = new Map<string, { label: string; type: EntityType; kb: boolean; wikidata?: string; doc: string }>();
    for (const r of rows) {
      const p = people.get(r.key);
      if (!p) people.set(r.key, { label: r.label, type: 'person', kb: Number(r.kb) === 1, doc: r.doc, ...(r.wikidata ? { wikidata: r.wikidata } : {}) });
      else {
        if (compareStrings(r.doc, p.doc) < 0) Object.assign(p, { label: r.label, doc: r.doc });
        p.kb ||= Number(r.kb) === 1;
        if (r.wikidata && p.wikidata === undefined) p.wikidata = r.wikidata;
      }
    }
    this.merges = surnameMerges(people);
    this.mergedFrom = new Map();
    for (const [from, into] of this.merges) {
      const list = this.mergedFrom.get(into) ?? [];
      list.push(from);
      this.mergedFrom.set(into, list);
    }
    this.version = version;
  }

  private canonical(key: string): string {
    return this.merges.get(key) ?? key;
  }

  /** The entities of these (canonical) keys, as the file build describes them. */
  private async entities(keys: readonly string[]): Promise<Map<string, EntitySummary>> {
    const all = [...new Set(keys.flatMap((k) => [k, ...(this.mergedFrom.get(k) ?? [])]))];
    const out = new Map<string, EntitySummary & { doc: string }>();
    for (let i = 0; i < all.length; i += 500) {
      const chunk = all.slice(i, i + 500);
      const rows = await this.store.query<{ key: string; label: string; type: EntityType; doc: string; mentions: number; aliases: string; wikidata: string | null }>(
        `SELECT key, label, type, doc, mentions, aliases, wikidata FROM kg_entities WHERE key IN (${marks(chunk.length)})`,
        chunk,
      );
      // Full names first, then what merges into them: label and type stay the full name's.
      rows.sort((a, b) => Number(this.merges.has(a.key)) - Number(this.merges.has(b.key)) || compareStrings(a.doc, b.doc));
      for (const r of rows) {
        const key = this.canonical(r.key);
        let e = out.get(key);
        if (!e) {
          e = { key, label: r.label, type: r.type, color: TYPE_COLORS[r.type], mentions: 0, aliases: [], doc: r.doc };
          out.set(key, e);
        } else if (key === r.key && compareStrings(r.doc, e.doc) < 0) {
          Object.assign(e, { label: r.label, type: r.type, color: TYPE_COLORS[r.type], doc: r.doc });
        }
        e.mentions += Number(r.mentions);
        for (const a of JSON.parse(r.aliases) as string[]) if (!e.aliases.includes(a)) e.aliases.push(a);
        if (r.wikidata && e.wikidata === undefined) e.wikidata = r.wikidata;
      }
    }
    const result = new Map<string, EntitySummary>();
    for (const [key, { doc: _doc, ...e }] of out) result.set(key, { ...e, aliases: e.aliases.sort(compareStrings) });
    return result;
  }

  /**
   * Entities with a name or alias that starts with `text`, or has a word that does (case-insensitive), most
   * mentioned first: a range of the store's name index, whatever the size of the archive.
   */
  async search(text: string, limit = 20): Promise<EntitySummary[]> {
    await this.refresh();
    const needle = text.trim().toLowerCase().replace(/\s+/g, ' ');
    if (needle === '') return [];
    const rows = await this.store.query<{ key: string }>(`SELECT DISTINCT key FROM kg_names WHERE name >= ? AND name < ? LIMIT ?`, [needle, prefixEnd(needle), limit * 10]);
    const keys = [...new Set(rows.map((r) => this.canonical(r.key)))];
    const found = await this.entities(keys);
    return [...found.values()].sort((a, b) => b.mentions - a.mentions || compareStrings(a.key, b.key)).slice(0, limit);
  }

  /**
   * The most connected entities: by the number of distinct relations (edges) they take part in. A surname merged
   * into a full name adds its edges to the full name's (an edge both had is then counted twice).
   */
  async top(limit = 15): Promise<EntitySummary[]> {
    await this.refresh();
    // The count runs over every relation: it is made once per state of the store.
    if (this.topCache && this.topCache.version === this.version && this.topCache.limit === limit) return this.topCache.entities;
    const rows = await this.store.query<{ node: string; n: number }>(
      `SELECT node, COUNT(*) AS n FROM (
         SELECT DISTINCT subject AS node, relation, object AS other, 1 AS outgoing FROM kg_relations WHERE subject <> object
         UNION
         SELECT DISTINCT object AS node, relation, subject AS other, 0 AS outgoing FROM kg_relations WHERE subject <> object
       ) edges GROUP BY node ORDER BY n DESC, node LIMIT ?`,
      [limit * 3],
    );
    const degree = new Map<string, number>();
    for (const r of rows) degree.set(this.canonical(r.node), (degree.get(this.canonical(r.node)) ?? 0) + Number(r.n));
    const keys = [...degree.keys()].sort((a, b) => degree.get(b)! - degree.get(a)! || compareStrings(a, b)).slice(0, limit);
    const found = await this.entities(keys);
    const entities = keys.filter((k) => found.has(k)).map((k) => ({ ...found.get(k)!, degree: degree.get(k)! }));
    this.topCache = { version: this.version, limit, entities };
    return entities;
  }

  /** One entity, its relations (filtered) and the entities at their other ends, with their evidence. */
  async neighbourhood(key: string, filter: NeighbourhoodFilter = {}): Promise<GraphPiece> {
    await this.refresh();
    const centre = this.canonical(key);
    const own = [centre, ...(this.mergedFrom.get(centre) ?? [])];
    const where: string[] = [`(r.subject IN (${marks(own.length)}) OR r.object IN (${marks(own.length)}))`];
    const params: (string | number)[] = [...own, ...own];
    // Each filter given is one condition with its value bound.
    const conditions: [string | undefined, string][] = [
      [filter.relation, 'r.relation = ?'],
      [filter.document, 'r.doc = ?'],
      [filter.from, 'd.date >= ?'],
      [filter.to, 'd.date <= ?'],
    ];
    for (const [value, condition] of conditions) {
      if (value === undefined) continue;
      where.push(condition);
      params.push(value);
    }
    const rows = await this.store.query<{
      subject: string;
      relation: RelationType;
      object: string;
      confidence: number;
      asserted: number;
      negated: number;
      hypothetical: number;
      doc: string;
      start_offset: number;
      end_offset: number;
      sentence: string;
      trigger_text: string;
      extractor: string;
      frame: string | null;
    }>(
      `SELECT r.subject, r.relation, r.object, r.confidence, r.asserted, r.negated, r.hypothetical, e.doc, e.start_offset, e.end_offset, e.sentence, e.trigger_text, e.extractor, e.frame
       FROM kg_relations r
       JOIN kg_documents d ON d.id = r.doc
       JOIN kg_evidence e ON e.doc = r.doc AND e.rel = r.ord
       WHERE d.status = 'done' AND ${where.join(' AND ')}
       ORDER BY e.doc, e.start_offset, e.end_offset
       LIMIT ?`,
      [...params, MAX_EVIDENCE_ROWS + 1],
    );
    const truncated = rows.length > MAX_EVIDENCE_ROWS;
    const edges = new Map<string, EdgeSummary & { asserted: boolean; seen: Set<string> }>();
    for (const r of rows.slice(0, MAX_EVIDENCE_ROWS)) {
      const source = this.canonical(r.subject);
      const target = this.canonical(r.object);
      if (source === target) continue;
      const k = edgeKey(source, r.relation, target);
      let e = edges.get(k);
      if (!e) {
        e = { key: k, source, target, relation: r.relation, label: r.relation.replaceAll('_', ' '), confidence: 0, negated: false, hypothetical: false, asserted: false, weight: 0, evidence: [], seen: new Set() };
        edges.set(k, e);
      }
      e.confidence = Math.max(e.confidence, Number(r.confidence));
      e.asserted ||= Number(r.asserted) === 1;
      e.negated ||= Number(r.negated) === 1;
      e.hypothetical ||= Number(r.hypothetical) === 1;
      const id = `${r.doc}\u0000${r.start_offset}\u0000${r.end_offset}`;
      if (e.seen.has(id)) continue;
      e.seen.add(id);
      e.weight++;
      if (e.evidence.length < EVIDENCE_PER_EDGE) {
        e.evidence.push({ document: r.doc, sentence: r.sentence, start: Number(r.start_offset), end: Number(r.end_offset), trigger: r.trigger_text, extractor: r.extractor, ...(r.frame ? { frame: r.frame } : {}) });
      }
    }
    const ends = new Set<string>([centre]);
    for (const e of edges.values()) {
      ends.add(e.source);
      ends.add(e.target);
    }
    const nodes = await this.entities([...ends]);
    const out: EdgeSummary[] = [];
    for (const { asserted, seen: _seen, ...e } of [...edges.values()].sort((a, b) => compareStrings(a.key, b.key))) {
      // As in the file build: relations to an entity no document names are left out.
      if (!nodes.has(e.source) || !nodes.has(e.target)) continue;
      out.push({ ...e, negated: !asserted && e.negated, hypothetical: !asserted && e.hypothetical });
    }
    return { nodes: [...nodes.values()].sort((a, b) => compareStrings(a.key, b.key)), edges: out, truncated };
  }

  /** Documents whose id or title contains `text`, for the document filter. */
  async documents(text: string, limit = 20): Promise<{ id: string; title?: string; date?: string }[]> {
    const needle = `%${text.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await this.store.query<{ id: string; meta: string; date: string | null }>(
      `SELECT id, meta, date FROM kg_documents WHERE status = 'done' AND (LOWER(id) LIKE ? ESCAPE '\\' OR LOWER(meta) LIKE ? ESCAPE '\\') ORDER BY id LIMIT ?`,
      [needle, needle, limit],
    );
    return rows.map((r) => {
      const meta = JSON.parse(r.meta) as { title?: string };
      return { id: r.id, ...(meta.title ? { title: meta.title } : {}), ...(r.date ? { date: r.date } : {}) };
    });
  }

  /** Counts for the page's header, and the relation types the filter offers. */
  async summary(): Promise<{ name?: string; documents: number; relationTypes: readonly RelationType[] }> {
    const [d] = await this.store.query<{ n: number }>(`SELECT COUNT(*) AS n FROM kg_documents WHERE status = 'done'`);
    const name = await this.store.name();
    return { ...(name ? { name } : {}), documents: Number(d!.n), relationTypes: RELATION_TYPES };
  }
}
