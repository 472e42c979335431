// Incremental builds: the build state, kept beside a graph file, holds each document's id, content hash and what
// it added to the graph, so new documents can be added and changed ones replaced without re-reading the texts.
import { KgError } from '../errors.js';
import { ENTITY_TYPES, LANGUAGES, RELATION_TYPES, type DocumentMeta, type Evidence } from '../types.js';
import { copyDocumentMeta, type DocumentContribution, type EntityContribution, type RelationContribution } from './build.js';

/** The extraction settings a graph was built with: an update must extract its documents the same way. */
export interface RecordedSettings {
  lang: string;
  minConfidence: number;
  dropUnasserted: boolean;
  /** sha256 of each extra knowledge-base file, in the order given. */
  kb: string[];
  /** sha256 of the tagger model file, or "none" (rules only). States written before the tagger lack it: "none". */
  model: string;
  /** sha256 of each relation frames file (`--frames`), when any was given. */
  frames?: string[];
  /** false when built without the syntax stage (`--no-syntax`: relations from the word-order rules). */
  syntax?: false;
}

export interface StateHeader {
  kgState: 1;
  generator: string;
  settings: RecordedSettings;
}

/** The first line of a build state. */
export function stateHeaderLine(header: StateHeader): string {
  return JSON.stringify(header);
}

/** One document's line of a build state (the lines follow the header in document id order). */
export function stateLine(contribution: DocumentContribution): string {
  return JSON.stringify(contribution);
}

// ---- reading a build state: our own file, but checked, because a damaged one would silently corrupt updates ----

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class LineChecker {
  constructor(
    private readonly where: string,
    private readonly line: number,
  ) {}

  fail(message: string): never {
    throw new KgError('INVALID_GRAPH', `build state line ${this.line}: ${message}`, this.where);
  }

  object(value: unknown, what: string): Record<string, unknown> {
    if (!isObject(value)) this.fail(`${what} must be an object`);
    return value;
  }

  string(o: Record<string, unknown>, field: string, what: string): string {
    if (typeof o[field] !== 'string') this.fail(`${what}: \`${field}\` must be a string`);
    return o[field];
  }

  optionalString(o: Record<string, unknown>, field: string, what: string): string | undefined {
    return o[field] === undefined ? undefined : this.string(o, field, what);
  }

  number(o: Record<string, unknown>, field: string, what: string): number {
    if (typeof o[field] !== 'number' || !Number.isFinite(o[field])) this.fail(`${what}: \`${field}\` must be a number`);
    return o[field];
  }

  boolean(o: Record<string, unknown>, field: string, what: string): boolean {
    if (typeof o[field] !== 'boolean') this.fail(`${what}: \`${field}\` must be a boolean`);
    return o[field];
  }

  oneOf<T extends string>(o: Record<string, unknown>, field: string, choices: readonly T[], what: string): T {
    if (!choices.includes(o[field] as T)) this.fail(`${what}: \`${field}\` must be one of ${choices.join(', ')}`);
    return o[field] as T;
  }

  array(o: Record<string, unknown>, field: string, what: string): unknown[] {
    if (!Array.isArray(o[field])) this.fail(`${what}: \`${field}\` must be an array`);
    return o[field];
  }

  strings(o: Record<string, unknown>, field: string, what: string): string[] {
    const a = this.array(o, field, what);
    if (!a.every((s) => typeof s === 'string')) this.fail(`${what}: \`${field}\` must be an array of strings`);
    return a as string[];
  }
}

function readDocumentMeta(c: LineChecker, value: unknown): DocumentMeta {
  const o = c.object(value, '`document`');
  const meta: DocumentMeta = { id: c.string(o, 'id', 'document'), language: c.oneOf(o, 'language', LANGUAGES, 'document') };
  for (const field of ['path', 'title', 'date', 'url', 'hash'] as const) {
    const v = c.optionalString(o, field, 'document');
    if (v !== undefined) meta[field] = v;
  }
  return copyDocumentMeta(meta);
}

function readEntity(c: LineChecker, value: unknown, i: number): EntityContribution {
  const what = `entity ${i}`;
  const o = c.object(value, what);
  const entity: EntityContribution = {
    key: c.string(o, 'key', what),
    label: c.string(o, 'label', what),
    type: c.oneOf(o, 'type', ENTITY_TYPES, what),
    aliases: c.strings(o, 'aliases', what),
    mentions: c.number(o, 'mentions', what),
    kb: c.boolean(o, 'kb', what),
  };
  const wikidata = c.optionalString(o, 'wikidata', what);
  if (wikidata !== undefined) entity.wikidata = wikidata;
  return entity;
}

function readEvidence(c: LineChecker, value: unknown, what: string): Evidence {
  const o = c.object(value, what);
  return {
    document: c.string(o, 'document', what),
    sentence: c.string(o, 'sentence', what),
    start: c.number(o, 'start', what),
    end: c.number(o, 'end', what),
    trigger: c.string(o, 'trigger', what),
    extractor: c.string(o, 'extractor', what),
    ...(o.frame !== undefined ? { frame: c.string(o, 'frame', what) } : {}),
  };
}

function readRelation(c: LineChecker, value: unknown, i: number): RelationContribution {
  const what = `relation ${i}`;
  const o = c.object(value, what);
  return {
    subject: c.string(o, 'subject', what),
    relation: c.oneOf(o, 'relation', RELATION_TYPES, what),
    object: c.string(o, 'object', what),
    confidence: c.number(o, 'confidence', what),
    asserted: c.boolean(o, 'asserted', what),
    negated: c.boolean(o, 'negated', what),
    hypothetical: c.boolean(o, 'hypothetical', what),
    evidence: c.array(o, 'evidence', what).map((e, k) => readEvidence(c, e, `${what}, evidence ${k}`)),
  };
}

function parseLine(text: string, c: LineChecker): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return c.fail('not valid JSON');
  }
}

export type StateItem = { kind: 'header'; header: StateHeader } | { kind: 'document'; contribution: DocumentContribution };

/**
 * Reads a build state written by `stateLines`, one document at a time (a state holds the whole corpus' share of
 * the graph and need not fit in memory at once); throws KgError('INVALID_GRAPH') naming the line.
 */
export async function* readState(lines: AsyncIterable<string> | Iterable<string>, where: string): AsyncGenerator<StateItem> {
  let header = false;
  const ids = new Set<string>();
  let n = 0;
  for await (const text of lines) {
    n++;
    if (text.trim() === '') continue;
    const c = new LineChecker(where, n);
    const value = parseLine(text, c);
    if (!header) {
      const o = c.object(value, 'the header');
      if (o.kgState !== 1) c.fail('not a build state (expected a header with "kgState": 1)');
      const s = c.object(o.settings, '`settings`');
      header = true;
      yield {
        kind: 'header',
        header: {
          kgState: 1,
          generator: c.string(o, 'generator', 'header'),
          settings: {
            lang: c.string(s, 'lang', 'settings'),
            minConfidence: c.number(s, 'minConfidence', 'settings'),
            dropUnasserted: c.boolean(s, 'dropUnasserted', 'settings'),
            kb: c.strings(s, 'kb', 'settings'),
            model: s.model === undefined ? 'none' : c.string(s, 'model', 'settings'),
            ...(s.frames !== undefined ? { frames: c.strings(s, 'frames', 'settings') } : {}),
            ...(s.syntax === false ? { syntax: false as const } : {}),
          },
        },
      };
      continue;
    }
    const o = c.object(value, 'a document line');
    const contribution: DocumentContribution = {
      document: readDocumentMeta(c, o.document),
      entities: c.array(o, 'entities', 'document').map((e, i) => readEntity(c, e, i)),
      relations: c.array(o, 'relations', 'document').map((r, i) => readRelation(c, r, i)),
    };
    if (ids.has(contribution.document.id)) c.fail(`duplicate document id "${contribution.document.id}"`);
    ids.add(contribution.document.id);
    yield { kind: 'document', contribution };
  }
  if (!header) throw new KgError('INVALID_GRAPH', 'empty build state', where);
}

/**
 * Reads a whole build state to check it against the graph it belongs to (same documents, same hashes), keeping
 * only its header: names the first difference, or returns the header.
 */
export async function checkState(
  lines: AsyncIterable<string> | Iterable<string>,
  where: string,
  graphDocuments: readonly DocumentMeta[],
): Promise<{ header: StateHeader } | { mismatch: string }> {
  const hashes = new Map(graphDocuments.map((d) => [d.id, d.hash]));
  let header: StateHeader | undefined;
  let count = 0;
  for await (const item of readState(lines, where)) {
    if (item.kind === 'header') {
      header = item.header;
      continue;
    }
    const { id, hash } = item.contribution.document;
    if (!hashes.has(id)) return { mismatch: `document "${id}" is in the state but not in the graph` };
    if (hashes.get(id) !== hash) return { mismatch: `document "${id}" has another hash in the state` };
    count++;
  }
  if (count !== hashes.size) return { mismatch: `the state has ${count} document(s), the graph ${hashes.size}` };
  return { header: header! };
}
