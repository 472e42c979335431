// The graph store: an archive's documents, the queue that workers on one or many machines take them from, and
// what each document contributed to the graph, in SQLite or PostgreSQL with one schema. A document is one row,
// keyed by its id and carrying its content hash; what it contributed is rows keyed by (document, position):
// entities by the content-derived keys the graph file uses, relations by (subject, relation, object), evidence by
// document and span. The graph itself is made from those rows by the same merge a file build uses, so it is the
// same graph whatever the number of workers and the order they finished in.
import { KgError } from '../errors.js';
import { copyDocumentMeta, GraphAccumulator, type DocumentContribution, type EntityContribution, type KnowledgeGraph, type RelationContribution } from '../graph/build.js';
import type { RecordedSettings } from '../graph/update.js';
import { compareStrings } from '../graph/order.js';
import type { KbFile } from '../kb/index.js';
import { ENTITY_TYPES, RELATION_TYPES, type DocumentMeta, type EntityType, type Evidence, type RelationType } from '../types.js';
import type { RawDocument } from '../cli/io.js';
import { displayUrl, openDatabase, type Row, type SqlDatabase, type SqlRunner, type SqlValue } from './sql.js';

export const STORE_SCHEMA_VERSION = 1;

/** What workers need to extract alike on any machine: the settings, and the user files they name. */
export interface StoreSetup {
  settings: RecordedSettings;
  /** The user's knowledge-base files (--kb), as validated JSON. */
  kb: KbFile[];
  /** The user's frames files (--frames): where each came from and its text. */
  frames: { where: string; text: string }[];
  /** A user's tagger model (--model), base64; absent for the shipped models or none. */
  model?: string;
}

/** A document as it waits in the queue: the raw input (text and metadata) as the CLI read it. */
export type QueuedDocument = RawDocument;

export type DocumentStatus = 'queued' | 'running' | 'done' | 'failed';
export const DOCUMENT_STATUSES: readonly DocumentStatus[] = ['queued', 'running', 'done', 'failed'];

export interface StoreStatus {
  counts: Record<DocumentStatus, number>;
  failures: { id: string; error: string }[];
}

export interface EnqueueCounts {
  added: number;
  changed: number;
  unchanged: number;
}

/** A worker loses a document it took when it holds it this long without renewing (ms). */
export const DEFAULT_LEASE_MS = 60_000;
/** A document whose worker was lost this many times is failed, not taken again. */
export const MAX_ATTEMPTS = 3;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS kg_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL){without_rowid};
CREATE TABLE IF NOT EXISTS kg_documents (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL,
  seq BIGINT NOT NULL,
  source TEXT NOT NULL,
  status TEXT NOT NULL,
  owner TEXT,
  lease_until BIGINT,
  attempts INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  meta TEXT,
  language TEXT,
  date TEXT,
  finished BIGINT
);
CREATE INDEX IF NOT EXISTS kg_documents_queue ON kg_documents (status, seq);
CREATE TABLE IF NOT EXISTS kg_texts (id TEXT PRIMARY KEY, raw TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS kg_documents_hash ON kg_documents (hash);
CREATE TABLE IF NOT EXISTS kg_entities (
  doc TEXT NOT NULL,
  ord INTEGER NOT NULL,
  key TEXT NOT NULL,
  label TEXT NOT NULL,
  type TEXT NOT NULL,
  aliases TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  kb INTEGER NOT NULL,
  wikidata TEXT,
  PRIMARY KEY (doc, ord)
){without_rowid};
CREATE INDEX IF NOT EXISTS kg_entities_key ON kg_entities (key);
CREATE TABLE IF NOT EXISTS kg_names (name TEXT{binary} NOT NULL, key TEXT NOT NULL, PRIMARY KEY (name, key)){without_rowid};
CREATE TABLE IF NOT EXISTS kg_relations (
  doc TEXT NOT NULL,
  ord INTEGER NOT NULL,
  subject TEXT NOT NULL,
  relation TEXT NOT NULL,
  object TEXT NOT NULL,
  confidence DOUBLE PRECISION NOT NULL,
  asserted INTEGER NOT NULL,
  negated INTEGER NOT NULL,
  hypothetical INTEGER NOT NULL,
  PRIMARY KEY (doc, ord)
){without_rowid};
CREATE INDEX IF NOT EXISTS kg_relations_subject ON kg_relations (subject);
CREATE INDEX IF NOT EXISTS kg_relations_object ON kg_relations (object);
CREATE TABLE IF NOT EXISTS kg_evidence (
  doc TEXT NOT NULL,
  rel INTEGER NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  sentence TEXT NOT NULL,
  trigger_text TEXT NOT NULL,
  extractor TEXT NOT NULL,
  frame TEXT,
  PRIMARY KEY (doc, rel, start_offset, end_offset)
);
`;

/** Rows are written this many at a time (one INSERT with many VALUES: one round trip to a server). */
const INSERT_CHUNK = 200;

async function insertRows(tx: SqlRunner, table: string, columns: readonly string[], rows: SqlValue[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    const one = `(${columns.map(() => '?').join(', ')})`;
    await tx.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => one).join(', ')}`, chunk.flat());
  }
}

const bool = (b: boolean): number => (b ? 1 : 0);

/** A queued document's metadata (not its text): where it is, its title, date, address and language. */
function metadataOf(d: QueuedDocument): Partial<DocumentMeta> {
  return {
    ...(d.path !== undefined ? { path: d.path } : {}),
    ...(d.title !== undefined ? { title: d.title } : {}),
    ...(d.date !== undefined ? { date: d.date } : {}),
    ...(d.url !== undefined ? { url: d.url } : {}),
  };
}

function sourceOf(d: QueuedDocument): string {
  return JSON.stringify({ ...metadataOf(d), ...(d.lang !== undefined ? { lang: d.lang } : {}) });
}

/** At most this many characters of a name are kept for search. */
const NAME_CHARS = 200;

/** The search names of an entity: its label and aliases, lower-cased, each from every word on. */
export function searchNames(e: { label: string; aliases: readonly string[] }): Set<string> {
  const out = new Set<string>();
  for (const name of [e.label, ...e.aliases]) {
    const words = name.toLowerCase().split(/\s+/).filter(Boolean);
    for (let i = 0; i < words.length && i < 6; i++) out.add(words.slice(i).join(' ').slice(0, NAME_CHARS));
  }
  return out;
}

/** The smallest string above every string that starts with `prefix` (for a range scan). */
export function prefixEnd(prefix: string): string {
  return prefix + '\uffff';
}

function parseJson<T>(text: unknown, where: string): T {
  try {
    return JSON.parse(String(text)) as T;
  } catch {
    throw new KgError('INVALID_GRAPH', 'the store holds a value that is not valid JSON (was it written by kg?)', where);
  }
}

/** Turns a database error into a one-line KgError naming the store. */
function storeError(e: unknown, where: string): never {
  if (e instanceof KgError) throw e;
  const message = e instanceof Error ? e.message.split('\n')[0]! : String(e);
  throw new KgError('INPUT_INVALID', `store error: ${message}`, where);
}

export class GraphStore {
  private constructor(
    private readonly db: SqlDatabase,
    /** The URL with any password hidden: what messages name. */
    readonly where: string,
  ) {}

  get dialect(): SqlDatabase['dialect'] {
    return this.db.dialect;
  }

  /** Opens (and, when `create`, makes) a store: a file path or sqlite:PATH for SQLite, postgres://… for PostgreSQL. */
  static async open(url: string, options: { create: boolean }): Promise<GraphStore> {
    const where = displayUrl(url);
    if (!options.create && !/^postgres(?:ql)?:\/\//i.test(url)) {
      const { existsSync } = await import('node:fs');
      const path = url.replace(/^sqlite:(\/\/)?/i, '');
      if (!existsSync(path)) throw new KgError('INPUT_NOT_FOUND', 'no such store (make one with `kg build CORPUS --store FILE`)', where);
    }
    const db = await openDatabase(url);
    const store = new GraphStore(db, where);
    try {
      // SQLite: tables of short rows keyed by their primary key alone (WITHOUT ROWID), one b-tree each instead of
      // two; tables of long rows (texts, evidence sentences, document metadata) keep their rowid, as SQLite advises.
      // PostgreSQL: names compared byte by byte (COLLATE "C"), so that a prefix is a range of the index, as in SQLite.
      if (options.create) await db.exec(SCHEMA.replaceAll('{without_rowid}', db.dialect === 'sqlite' ? ' WITHOUT ROWID' : '').replaceAll('{binary}', db.dialect === 'postgres' ? ' COLLATE "C"' : ''));
      const rows = await db.all<{ value: string }>(`SELECT value FROM kg_meta WHERE name = 'schema'`).catch(() => undefined);
      if (options.create && rows && rows.length === 0) {
        await db.run(`INSERT INTO kg_meta (name, value) VALUES ('schema', ?) ON CONFLICT (name) DO NOTHING`, [String(STORE_SCHEMA_VERSION)]);
      } else if (!rows || rows.length === 0) {
        throw new KgError('INVALID_GRAPH', 'not a kg graph store (no kg_meta schema row)', where);
      } else if (rows[0]!.value !== String(STORE_SCHEMA_VERSION)) {
        throw new KgError('INVALID_GRAPH', `store schema ${rows[0]!.value}, this kg reads schema ${STORE_SCHEMA_VERSION}`, where);
      }
    } catch (e) {
      await db.close().catch(() => undefined);
      storeError(e, where);
    }
    return store;
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      return storeError(e, this.where);
    }
  }

  // ---- settings ----

  /** The setup recorded by the first build into this store, if any. */
  async setup(): Promise<StoreSetup | undefined> {
    return this.guard(async () => {
      const rows = await this.db.all<{ value: string }>(`SELECT value FROM kg_meta WHERE name = 'setup'`);
      return rows.length === 0 ? undefined : parseJson<StoreSetup>(rows[0]!.value, this.where);
    });
  }

  /**
   * Records the setup when the store has none, and returns the one the store holds: the caller compares it with
   * its own (a second build with other settings would mix two extractions in one graph).
   */
  async recordSetup(setup: StoreSetup, name: string | undefined): Promise<StoreSetup> {
    return this.guard(async () => {
      await this.db.run(`INSERT INTO kg_meta (name, value) VALUES ('setup', ?) ON CONFLICT (name) DO NOTHING`, [JSON.stringify(setup)]);
      if (name !== undefined) await this.db.run(`INSERT INTO kg_meta (name, value) VALUES ('name', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value`, [name]);
      return (await this.setup())!;
    });
  }

  /** The graph name given to a build into this store (--name), if any. */
  async name(): Promise<string | undefined> {
    return this.guard(async () => {
      const rows = await this.db.all<{ value: string }>(`SELECT value FROM kg_meta WHERE name = 'name'`);
      return rows[0]?.value;
    });
  }

  // ---- the queue ----

  /**
   * Adds documents to the queue, in one transaction: a new id is queued; an id the store holds with the same
   * hash is left as it is; one with another hash is queued again and what it contributed is removed.
   */
  async enqueue(documents: readonly { document: QueuedDocument; hash: string }[]): Promise<EnqueueCounts> {
    const counts: EnqueueCounts = { added: 0, changed: 0, unchanged: 0 };
    if (documents.length === 0) return counts;
    return this.guard(() =>
      this.db.transaction(async (tx) => {
        const ids = documents.map((d) => d.document.id);
        const known = new Map<string, string>();
        const sources = new Map<string, { source: string; status: string; meta: string | null }>();
        for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
          const chunk = ids.slice(i, i + INSERT_CHUNK);
          for (const r of await tx.all<{ id: string; hash: string; source: string; status: string; meta: string | null }>(
            `SELECT id, hash, source, status, meta FROM kg_documents WHERE id IN (${chunk.map(() => '?').join(', ')})`,
            chunk,
          )) {
            known.set(r.id, r.hash);
            sources.set(r.id, r);
          }
        }
        const [{ next }] = await tx.all<{ next: number }>(`SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM kg_documents`);
        let seq = Number(next);
        const fresh: SqlValue[][] = [];
        for (const { document, hash } of documents) {
          const old = known.get(document.id);
          const raw = JSON.stringify(document);
          const source = sourceOf(document);
          if (old === undefined) {
            fresh.push([document.id, hash, seq++, source, 'queued', raw]);
            known.set(document.id, hash);
            counts.added++;
          } else if (old === hash) {
            counts.unchanged++;
            // The same text with other metadata (moved, retitled, redated): the metadata is brought up to date,
            // what the document contributed stays, as `kg build --update` does.
            const was = sources.get(document.id);
            if (was && was.source !== source) {
              await tx.run(`UPDATE kg_texts SET raw = ? WHERE id = ?`, [raw, document.id]);
              let meta = was.meta;
              if (was.status === 'done' && meta !== null) {
                const m = parseJson<DocumentMeta>(meta, this.where);
                meta = JSON.stringify(copyDocumentMeta({ id: m.id, language: m.language, ...metadataOf(document), ...(m.hash !== undefined ? { hash: m.hash } : {}) }));
              }
              await tx.run(`UPDATE kg_documents SET source = ?, meta = ?, date = ? WHERE id = ?`, [source, meta, was.status === 'done' ? (document.date ?? null) : null, document.id]);
              was.source = source;
            }
          } else {
            await this.removeContribution(tx, document.id);
            await tx.run(
              `UPDATE kg_documents SET hash = ?, seq = ?, source = ?, status = 'queued', owner = NULL, lease_until = NULL, attempts = 0, error = NULL, meta = NULL, language = NULL, date = NULL, finished = NULL WHERE id = ?`,
              [hash, seq++, source, document.id],
            );
            await tx.run(`UPDATE kg_texts SET raw = ? WHERE id = ?`, [raw, document.id]);
            known.set(document.id, hash);
            counts.changed++;
          }
        }
        // Another build may queue the same id meanwhile: the first one in wins, the other is left as it is.
        for (let i = 0; i < fresh.length; i += INSERT_CHUNK) {
          const chunk = fresh.slice(i, i + INSERT_CHUNK);
          const inserted = await tx.all<{ id: string }>(
            `INSERT INTO kg_documents (id, hash, seq, source, status) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')} ON CONFLICT (id) DO NOTHING RETURNING id`,
            chunk.flatMap((r) => r.slice(0, 5)),
          );
          const mine = new Set(inserted.map((r) => r.id));
          const texts = chunk.filter((r) => mine.has(r[0] as string)).map((r) => [r[0]!, r[5]!]);
          if (texts.length > 0) await tx.run(`INSERT INTO kg_texts (id, raw) VALUES ${texts.map(() => '(?, ?)').join(', ')}`, texts.flat());
        }
        return counts;
      }),
    );
  }

  /**
   * Takes up to `limit` documents for `owner`: queued ones, and running ones whose lease ran out (their worker
   * was lost), for `leaseMs`. A document whose worker was lost MAX_ATTEMPTS times is failed instead.
   */
  async claim(owner: string, limit: number, leaseMs: number): Promise<{ document: QueuedDocument; hash: string }[]> {
    return this.guard(async () => {
      await this.db.run(
        `UPDATE kg_documents SET status = 'failed', owner = NULL, lease_until = NULL, error = ? WHERE status = 'running' AND lease_until < {now} AND attempts >= ?`,
        [`its worker was lost ${MAX_ATTEMPTS} times while extracting it (killed, out of memory, or a lost machine)`, MAX_ATTEMPTS],
      );
      // PostgreSQL: SKIP LOCKED lets concurrent workers take different rows; the outer condition is checked again
      // on the row as it is when the update takes it, so a row another worker took meanwhile is left alone.
      // The chosen rows are a materialised CTE: as a plain IN (subquery with LIMIT), PostgreSQL may run the
      // subquery more than once and take more than the limit. SQLite: one writer at a time. Documents of lost workers first, then the queue in order: two statements,
      // so that each walks the (status, seq) index instead of the whole table.
      const skip = this.db.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
      const take = (takeable: string, n: number) =>
        this.db.all<{ id: string; hash: string }>(
          `WITH chosen AS MATERIALIZED (SELECT id FROM kg_documents WHERE ${takeable} ORDER BY seq LIMIT ?${skip})
           UPDATE kg_documents SET status = 'running', owner = ?, lease_until = {now} + ?, attempts = attempts + 1
           WHERE id IN (SELECT id FROM chosen) AND ${takeable}
           RETURNING id, hash`,
          [n, owner, leaseMs],
        );
      const rows = await take(`status = 'running' AND lease_until < {now}`, limit);
      if (rows.length < limit) rows.push(...(await take(`status = 'queued'`, limit - rows.length)));
      if (rows.length === 0) return [];
      // The texts live in a table of their own: the queue's rows stay small, so taking and committing is cheap.
      const texts = new Map((await this.db.all<{ id: string; raw: string }>(`SELECT id, raw FROM kg_texts WHERE id IN (${rows.map(() => '?').join(', ')})`, rows.map((r) => r.id))).map((t) => [t.id, t.raw]));
      return rows
        .map((r) => ({ document: parseJson<QueuedDocument>(texts.get(r.id), this.where), hash: r.hash }))
        .sort((a, b) => compareStrings(a.document.id, b.document.id));
    });
  }

  /** Extends the lease of documents `owner` holds; returns how many it still holds. */
  async renew(owner: string, ids: readonly string[], leaseMs: number): Promise<number> {
    if (ids.length === 0) return 0;
    return this.guard(() =>
      this.db.run(`UPDATE kg_documents SET lease_until = {now} + ? WHERE owner = ? AND status = 'running' AND id IN (${ids.map(() => '?').join(', ')})`, [leaseMs, owner, ...ids]),
    );
  }

  /**
   * Commits what a document contributed, in one transaction, if `owner` still holds it with this hash; returns
   * false (and writes nothing) when it does not: the lease ran out and another worker took it, or the document
   * was queued again with another text.
   */
  async commit(owner: string, hash: string, contribution: DocumentContribution): Promise<boolean> {
    const doc = contribution.document;
    return this.guard(() =>
      this.db.transaction(async (tx) => {
        const taken = await tx.run(
          `UPDATE kg_documents SET status = 'done', owner = NULL, lease_until = NULL, error = NULL, meta = ?, language = ?, date = ?, finished = {now}
           WHERE id = ? AND owner = ? AND status = 'running' AND hash = ?`,
          [JSON.stringify(doc), doc.language, doc.date ?? null, doc.id, owner, hash],
        );
        if (taken !== 1) return false;
        // A document holds no rows while it is queued or running: queueing a changed text removed them.
        await insertRows(
          tx,
          'kg_entities',
          ['doc', 'ord', 'key', 'label', 'type', 'aliases', 'mentions', 'kb', 'wikidata'],
          contribution.entities.map((e, i) => [doc.id, i, e.key, e.label, e.type, JSON.stringify(e.aliases), e.mentions, bool(e.kb), e.wikidata ?? null]),
        );
        // Every name and alias, lower-cased, from each of its words on ("kari nordmann", "nordmann"): the
        // store page searches them by prefix.
        const names = new Set<string>();
        for (const e of contribution.entities) for (const n of searchNames(e)) names.add(`${n}\u0000${e.key}`);
        const nameRows = [...names].map((x) => x.split('\u0000'));
        for (let i = 0; i < nameRows.length; i += INSERT_CHUNK) {
          const chunk = nameRows.slice(i, i + INSERT_CHUNK);
          await tx.run(`INSERT INTO kg_names (name, key) VALUES ${chunk.map(() => '(?, ?)').join(', ')} ON CONFLICT (name, key) DO NOTHING`, chunk.flat());
        }
        await insertRows(
          tx,
          'kg_relations',
          ['doc', 'ord', 'subject', 'relation', 'object', 'confidence', 'asserted', 'negated', 'hypothetical'],
          contribution.relations.map((r, i) => [doc.id, i, r.subject, r.relation, r.object, r.confidence, bool(r.asserted), bool(r.negated), bool(r.hypothetical)]),
        );
        await insertRows(
          tx,
          'kg_evidence',
          ['doc', 'rel', 'start_offset', 'end_offset', 'sentence', 'trigger_text', 'extractor', 'frame'],
          contribution.relations.flatMap((r, i) => r.evidence.map((e) => [doc.id, i, e.start, e.end, e.sentence, e.trigger, e.extractor, e.frame ?? null])),
        );
        return true;
      }),
    );
  }

  /** Records that a document failed (the others go on); false when `owner` no longer holds it. */
  async fail(owner: string, id: string, error: string): Promise<boolean> {
    return this.guard(async () => (await this.db.run(`UPDATE kg_documents SET status = 'failed', owner = NULL, lease_until = NULL, error = ?, finished = {now} WHERE id = ? AND owner = ? AND status = 'running'`, [error, id, owner])) === 1);
  }

  /** Gives documents back to the queue (a worker that stops before extracting them). */
  async release(owner: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.guard(() =>
      this.db.run(`UPDATE kg_documents SET status = 'queued', owner = NULL, lease_until = NULL, attempts = attempts - 1 WHERE owner = ? AND status = 'running' AND id IN (${ids.map(() => '?').join(', ')})`, [owner, ...ids]),
    );
  }

  private async removeContribution(tx: SqlRunner, id: string): Promise<void> {
    for (const table of ['kg_evidence', 'kg_relations', 'kg_entities']) await tx.run(`DELETE FROM ${table} WHERE doc = ?`, [id]);
  }

  async status(): Promise<StoreStatus> {
    return this.guard(async () => {
      const counts: Record<DocumentStatus, number> = { queued: 0, running: 0, done: 0, failed: 0 };
      for (const r of await this.db.all<{ status: DocumentStatus; n: number }>(`SELECT status, COUNT(*) AS n FROM kg_documents GROUP BY status`)) counts[r.status] = Number(r.n);
      const failures = (await this.db.all<{ id: string; error: string }>(`SELECT id, error FROM kg_documents WHERE status = 'failed'`))
        .map((r) => ({ id: r.id, error: r.error ?? '' }))
        .sort((a, b) => compareStrings(a.id, b.id));
      return { counts, failures };
    });
  }

  // ---- the graph ----

  /** What each done document contributed, a batch of documents at a time, in id order. */
  async *contributions(batch = 500): AsyncGenerator<DocumentContribution> {
    const docs = await this.guard(() => this.db.all<{ id: string; meta: string }>(`SELECT id, meta FROM kg_documents WHERE status = 'done'`));
    docs.sort((a, b) => compareStrings(a.id, b.id));
    for (let i = 0; i < docs.length; i += batch) {
      const chunk = docs.slice(i, i + batch);
      const ids = chunk.map((d) => d.id);
      const marks = ids.map(() => '?').join(', ');
      const [entities, relations, evidence] = await this.guard(() =>
        Promise.all([
          this.db.all(`SELECT * FROM kg_entities WHERE doc IN (${marks})`, ids),
          this.db.all(`SELECT * FROM kg_relations WHERE doc IN (${marks})`, ids),
          this.db.all(`SELECT * FROM kg_evidence WHERE doc IN (${marks})`, ids),
        ]),
      );
      const byDoc = new Map<string, DocumentContribution>();
      for (const d of chunk) byDoc.set(d.id, { document: parseJson<DocumentMeta>(d.meta, this.where), entities: [], relations: [] });
      const ordered = (rows: Row[], ...keys: string[]) =>
        rows.sort((a, b) => {
          for (const k of keys) {
            const x = a[k] as string | number;
            const y = b[k] as string | number;
            if (x !== y) return typeof x === 'number' && typeof y === 'number' ? x - y : compareStrings(String(x), String(y));
          }
          return 0;
        });
      for (const r of ordered(entities, 'doc', 'ord')) byDoc.get(String(r.doc))!.entities.push(entityOf(r, this.where));
      for (const r of ordered(relations, 'doc', 'ord')) byDoc.get(String(r.doc))!.relations.push(relationOf(r, this.where));
      for (const r of ordered(evidence, 'doc', 'rel', 'start_offset', 'end_offset')) {
        const relation = byDoc.get(String(r.doc))!.relations[Number(r.rel)];
        if (!relation) throw new KgError('INVALID_GRAPH', `evidence of a relation the store does not hold (document "${String(r.doc)}")`, this.where);
        relation.evidence.push(evidenceOf(r));
      }
      yield* byDoc.values();
    }
  }

  /** The graph of every done document: the same merge, and so the same graph, as a file build of them. */
  async graph(options: { name: string; generator: string }): Promise<KnowledgeGraph> {
    const accumulator = new GraphAccumulator();
    for await (const c of this.contributions()) accumulator.add(c);
    return accumulator.toGraph(options);
  }

  /** Runs a read query (for the viewer's queries in ./query.ts). */
  query<T extends Row = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.guard(() => this.db.all<T>(sql, params));
  }
}

function entityOf(r: Row, where: string): EntityContribution {
  const type = String(r.type) as EntityType;
  if (!ENTITY_TYPES.includes(type)) throw new KgError('INVALID_GRAPH', `entity "${String(r.key)}" has an unknown type "${type}"`, where);
  const e: EntityContribution = {
    key: String(r.key),
    label: String(r.label),
    type,
    aliases: parseJson<string[]>(r.aliases, where),
    mentions: Number(r.mentions),
    kb: Number(r.kb) === 1,
  };
  if (r.wikidata !== null && r.wikidata !== undefined) e.wikidata = String(r.wikidata);
  return e;
}

function relationOf(r: Row, where: string): RelationContribution {
  const relation = String(r.relation) as RelationType;
  if (!RELATION_TYPES.includes(relation)) throw new KgError('INVALID_GRAPH', `relation of unknown type "${relation}"`, where);
  return {
    subject: String(r.subject),
    relation,
    object: String(r.object),
    confidence: Number(r.confidence),
    asserted: Number(r.asserted) === 1,
    negated: Number(r.negated) === 1,
    hypothetical: Number(r.hypothetical) === 1,
    evidence: [],
  };
}

function evidenceOf(r: Row): Evidence {
  return {
    document: String(r.doc),
    sentence: String(r.sentence),
    start: Number(r.start_offset),
    end: Number(r.end_offset),
    trigger: String(r.trigger_text),
    extractor: String(r.extractor),
    ...(r.frame !== null && r.frame !== undefined ? { frame: String(r.frame) } : {}),
  };
}
