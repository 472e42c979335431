// The store's queries and the server that answers them for `kg view --store`: the most connected entities,
// search over the archive, neighbourhoods with filters, the same nodes and edges as the exported graph, bad
// requests refused, and only loopback Host names answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphStore } from '../../src/store/index.js';
import { StoreQueries, type GraphPiece } from '../../src/store/query.js';
import { serveViewer, type ViewerServer } from '../../src/cli/serve.js';
import type { GraphFile } from '../../src/types.js';
import { kg, tempDir } from '../cli/helpers.js';
import { storeCorpus, writeCorpus } from './corpus.js';

let store: GraphStore;
let queries: StoreQueries;
let server: ViewerServer;
let exported: GraphFile;

beforeAll(async () => {
  const dir = tempDir();
  const corpus = join(dir, 'corpus.jsonl');
  writeCorpus(corpus, storeCorpus(40, 11));
  const url = join(dir, 'store.sqlite');
  const built = kg(['build', corpus, '--store', url, '--name', 'test archive', '--jobs', '2']);
  expect(built.code, built.stderr).toBe(0);
  expect(kg(['export', '--store', url, '-o', join(dir, 'graph.json'), '--no-layout']).code).toBe(0);
  exported = JSON.parse(readFileSync(join(dir, 'graph.json'), 'utf8')) as GraphFile;
  store = await GraphStore.open(url, { create: false });
  queries = new StoreQueries(store);
  server = await serveViewer({ store: queries });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await store?.close();
});

function get(path: string, host?: string): Promise<{ status: number; body: string }> {
  const url = new URL(path, server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, headers: host ? { Host: host } : {} }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const degreeIn = (file: GraphFile, key: string) => new Set(file.edges.filter((e) => e.source === key || e.target === key).map((e) => e.key)).size;

describe('store queries', () => {
  it('lists the most connected entities with the degrees the exported graph gives them', async () => {
    const top = await queries.top(5);
    expect(top).toHaveLength(5);
    for (const e of top) expect(e.degree, e.key).toBe(degreeIn(exported, e.key));
    const degrees = exported.nodes.map((n) => degreeIn(exported, n.key)).sort((a, b) => b - a);
    expect(top.map((e) => e.degree)).toEqual(degrees.slice(0, 5));
  });

  it('opens a neighbourhood with the nodes, edges and evidence counts of the exported graph', async () => {
    const [first] = await queries.top(1);
    const piece = await queries.neighbourhood(first!.key);
    const edges = exported.edges.filter((e) => e.source === first!.key || e.target === first!.key);
    expect(piece.edges.map((e) => e.key)).toEqual(edges.map((e) => e.key).sort());
    for (const e of piece.edges) {
      const file = edges.find((x) => x.key === e.key)!;
      expect(e.weight).toBe(file.attributes.evidence.length);
      expect(e.confidence).toBe(file.attributes.confidence);
      expect(e.evidence.length).toBe(Math.min(10, file.attributes.evidence.length));
    }
    const ends = new Set([first!.key, ...edges.flatMap((e) => [e.source, e.target])]);
    expect(piece.nodes.map((n) => n.key)).toEqual([...ends].sort());
    for (const n of piece.nodes) {
      const file = exported.nodes.find((x) => x.key === n.key)!;
      expect({ label: n.label, type: n.type, mentions: n.mentions, aliases: n.aliases }).toEqual({
        label: file.attributes.label,
        type: file.attributes.type,
        mentions: file.attributes.mentions,
        aliases: file.attributes.aliases,
      });
    }
  });

  it('filters a neighbourhood by relation, document and date', async () => {
    const [first] = await queries.top(1);
    const all = await queries.neighbourhood(first!.key);
    const relation = all.edges[0]!.relation;
    const byRelation = await queries.neighbourhood(first!.key, { relation });
    expect(byRelation.edges.length).toBeGreaterThan(0);
    expect(byRelation.edges.every((e) => e.relation === relation)).toBe(true);
    expect(byRelation.edges.map((e) => e.key)).toEqual(all.edges.filter((e) => e.relation === relation).map((e) => e.key));

    const doc = all.edges[0]!.evidence[0]!.document;
    const byDocument = await queries.neighbourhood(first!.key, { document: doc });
    expect(byDocument.edges.length).toBeGreaterThan(0);
    expect(byDocument.edges.every((e) => e.evidence.every((ev) => ev.document === doc))).toBe(true);

    // The corpus dates documents 2026-03-01 … 2026-03-28; one day holds few of them.
    const docs = exported.attributes.documents;
    const day = docs.find((d) => d.id === doc)!.date!;
    const onDay = await queries.neighbourhood(first!.key, { from: day, to: day });
    const dayDocs = new Set(docs.filter((d) => d.date === day).map((d) => d.id));
    expect(onDay.edges.every((e) => e.evidence.every((ev) => dayDocs.has(ev.document)))).toBe(true);
    expect(onDay.edges.length).toBeGreaterThan(0);
    expect((await queries.neighbourhood(first!.key, { from: '2027-01-01' })).edges).toEqual([]);
  });

  it('searches names and aliases in the whole archive by the start of a word, case-insensitively', async () => {
    const found = await queries.search('SVERIGE', 5);
    expect(found[0]!.key).toBe('sweden');
    expect(await queries.search('%', 5)).toEqual([]);
    const person = await queries.search('kari nordmann', 5);
    expect(person.map((p) => p.label)).toContain('Kari Nordmann');
    // Any word of a name starts a match; a word's middle does not.
    expect((await queries.search('Nordm', 5)).map((p) => p.label)).toContain('Kari Nordmann');
    expect((await queries.search('ordmann', 5)).map((p) => p.label)).not.toContain('Kari Nordmann');
  });
});

describe('the store server', () => {
  it('answers the queries as JSON and refuses bad parameters', async () => {
    const summary = await get('/api/summary');
    expect(summary.status).toBe(200);
    expect(JSON.parse(summary.body)).toMatchObject({ name: 'test archive', documents: 40 });
    const top = await get('/api/top?n=3');
    const keys = (JSON.parse(top.body) as { key: string }[]).map((e) => e.key);
    expect(keys).toEqual((await queries.top(3)).map((e) => e.key));
    const piece = JSON.parse((await get(`/api/neighbourhood?key=${encodeURIComponent(keys[0]!)}`)).body) as GraphPiece;
    expect(piece).toEqual(await queries.neighbourhood(keys[0]!));
    expect(await get('/api/neighbourhood?key=x&relation=DROP%20TABLE')).toEqual({ status: 400, body: 'Bad request: bad relation\n' });
    expect(await get('/api/neighbourhood?key=x&from=yesterday')).toEqual({ status: 400, body: 'Bad request: bad from\n' });
    expect(await get('/api/neighbourhood')).toEqual({ status: 400, body: 'Bad request: no key\n' });
    expect(await get('/api/top?n=100000')).toEqual({ status: 400, body: 'Bad request: bad n\n' });
    expect((await get('/api/other')).status).toBe(404);
    // A key with SQL in it is a value like any other: nothing found, nothing broken.
    expect(JSON.parse((await get(`/api/neighbourhood?key=${encodeURIComponent("x' OR '1'='1")}`)).body)).toEqual({ nodes: [], edges: [], truncated: false });
    expect((await get('/api/summary')).status).toBe(200);
  });

  it('serves the store page, sends / there, and answers only loopback Host names', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/store\/$/);
    const page = await get('/store/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Knowledge graph store</title>');
    expect((await get('/')).status).toBe(302);
    expect((await get('/api/summary', 'evil.example')).status).toBe(403);
    expect((await get('/graph.json')).status).toBe(404);
  });
});
