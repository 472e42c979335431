// The store's queue and contributions on both backends: enqueue by hash, leases, commit only while held,
// failures recorded, the graph equal to the in-memory merge of the same contributions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { GraphStore, MAX_ATTEMPTS, type StoreSetup } from '../../src/store/index.js';
import { buildGraphFromContributions, type DocumentContribution } from '../../src/graph/build.js';
import { serializeGraph } from '../../src/graph/serialize.js';
import { tempDir } from '../cli/helpers.js';
import { postgresAvailable, startCluster, type Cluster } from '../../scripts/pg-cluster.js';

function contribution(id: string, people: string[], hash = `h-${id}`): DocumentContribution {
  return {
    document: { id, language: 'en', date: '2026-01-02', hash },
    entities: [
      { key: 'norway', label: 'Norway', type: 'country', aliases: ['Norway', 'Norwegian'], mentions: 2, kb: true, wikidata: 'Q20' },
      ...people.map((p) => ({ key: p.toLowerCase().replace(/ /g, '-'), label: p, type: 'person' as const, aliases: [p], mentions: 1, kb: false })),
    ],
    relations: people.map((p) => ({
      subject: p.toLowerCase().replace(/ /g, '-'),
      relation: 'member_of' as const,
      object: 'norway',
      confidence: 0.8,
      asserted: true,
      negated: false,
      hypothetical: false,
      evidence: [{ document: id, sentence: `${p} is Norwegian.`, start: 0, end: p.length, trigger: 'is', extractor: 'tree', frame: 'en:VERB:be:member_of' }],
    })),
  };
}

const setup: StoreSetup = { settings: { lang: 'auto', minConfidence: 0, dropUnasserted: false, kb: [], model: 'none' }, kb: [], frames: [] };
const raw = (id: string, text = `Text of ${id}.`) => ({ document: { id, text }, hash: `h-${id}` });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let cluster: Cluster | undefined;
let databases = 0;
beforeAll(async () => {
  if (postgresAvailable) cluster = await startCluster();
}, 120_000);
afterAll(() => cluster?.stop());

const backends: [string, () => Promise<string>][] = [
  ['SQLite', async () => join(tempDir(), 'store.sqlite')],
  [
    'PostgreSQL',
    async () => {
      const name = `unit${++databases}`;
      cluster!.createDatabase(name);
      return cluster!.url(name);
    },
  ],
];

describe.each(backends)('graph store on %s', (backend, makeUrl) => {
  const skip = backend === 'PostgreSQL' && !postgresAvailable;

  it.skipIf(skip)('queues new ids, leaves the same hash alone and queues a changed text again', async () => {
    const store = await GraphStore.open(await makeUrl(), { create: true });
    try {
      expect(await store.enqueue([raw('a'), raw('b')])).toEqual({ added: 2, changed: 0, unchanged: 0 });
      expect(await store.enqueue([raw('a'), { document: { id: 'b', text: 'new' }, hash: 'other' }, raw('c')])).toEqual({ added: 1, changed: 1, unchanged: 1 });
      expect((await store.status()).counts).toEqual({ queued: 3, running: 0, done: 0, failed: 0 });
    } finally {
      await store.close();
    }
  });

  it.skipIf(skip)('records the setup once and hands back the first one', async () => {
    const store = await GraphStore.open(await makeUrl(), { create: true });
    try {
      expect(await store.setup()).toBeUndefined();
      expect(await store.recordSetup(setup, 'archive')).toEqual(setup);
      const other = { ...setup, settings: { ...setup.settings, minConfidence: 0.5 } };
      expect((await store.recordSetup(other, undefined)).settings.minConfidence).toBe(0);
      expect(await store.name()).toBe('archive');
    } finally {
      await store.close();
    }
  });

  it.skipIf(skip)('gives each document to one worker; a lost lease is taken over and the late commit is refused', async () => {
    const store = await GraphStore.open(await makeUrl(), { create: true });
    try {
      await store.enqueue([raw('a'), raw('b'), raw('c')]);
      const first = await store.claim('w1', 2, 60_000);
      expect(first.map((d) => d.document.id)).toEqual(['a', 'b']);
      const second = await store.claim('w2', 5, 60_000);
      expect(second.map((d) => d.document.id)).toEqual(['c']);
      expect(await store.claim('w3', 5, 60_000)).toEqual([]);

      // w1 goes silent on b: its lease is shortened to nothing, and w3 takes b.
      expect(await store.renew('w1', ['b'], 1)).toBe(1);
      await sleep(20);
      expect((await store.claim('w3', 5, 60_000)).map((d) => d.document.id)).toEqual(['b']);
      expect(await store.commit('w1', 'h-b', contribution('b', ['Ola Berg']))).toBe(false);
      expect(await store.commit('w3', 'h-b', contribution('b', ['Ola Berg']))).toBe(true);
      expect(await store.commit('w3', 'h-b', contribution('b', ['Ola Berg']))).toBe(false);
      expect(await store.commit('w1', 'h-a', contribution('a', ['Kari Berg', 'Berg']))).toBe(true);
      expect(await store.fail('w2', 'c', 'extraction failed: broken')).toBe(true);
      expect(await store.status()).toEqual({ counts: { queued: 0, running: 0, done: 2, failed: 1 }, failures: [{ id: 'c', error: 'extraction failed: broken' }] });
    } finally {
      await store.close();
    }
  });

  it.skipIf(skip)('never gives one document to two workers claiming at the same time', async () => {
    const url = await makeUrl();
    const store = await GraphStore.open(url, { create: true });
    const others = await Promise.all([1, 2, 3].map(() => GraphStore.open(url, { create: false })));
    try {
      await store.enqueue(Array.from({ length: 60 }, (_, i) => raw(`d${String(i).padStart(2, '0')}`)));
      const all = [store, ...others];
      const taken = await Promise.all(Array.from({ length: 16 }, (_, i) => all[i % all.length]!.claim(`w${i}`, 5, 60_000)));
      const ids = taken.flat().map((d) => d.document.id);
      expect(ids).toHaveLength(60);
      expect(new Set(ids).size).toBe(60);
      expect(taken.every((t) => t.length <= 5)).toBe(true);
    } finally {
      await Promise.all([store, ...others].map((s) => s.close()));
    }
  });

  it.skipIf(skip)(`fails a document whose worker was lost ${MAX_ATTEMPTS} times, and gives back released ones`, async () => {
    const store = await GraphStore.open(await makeUrl(), { create: true });
    try {
      await store.enqueue([raw('a'), raw('b')]);
      for (let i = 0; i < MAX_ATTEMPTS; i++) {
        const taken = await store.claim(`w${i}`, 1, 1);
        expect(taken.map((d) => d.document.id)).toEqual(['a']);
        await sleep(15);
      }
      const next = await store.claim('late', 1, 60_000);
      expect(next.map((d) => d.document.id)).toEqual(['b']);
      await store.release('late', ['b']);
      const status = await store.status();
      expect(status.counts).toEqual({ queued: 1, running: 0, done: 0, failed: 1 });
      expect(status.failures[0]!.error).toMatch(/^its worker was lost 3 times/);
    } finally {
      await store.close();
    }
  });

  it.skipIf(skip)('makes the graph a file build makes of the same contributions, whatever the commit order', async () => {
    const store = await GraphStore.open(await makeUrl(), { create: true });
    const docs = [contribution('d2', ['Kari Berg']), contribution('d1', ['Berg', 'Per Lund']), contribution('d3', ['Lund', 'Anna Holm'])];
    try {
      await store.enqueue(docs.map((d) => raw(d.document.id)));
      const taken = await store.claim('w', 10, 60_000);
      expect(taken).toHaveLength(3);
      for (const d of [docs[2]!, docs[0]!, docs[1]!]) expect(await store.commit('w', d.document.hash!, d)).toBe(true);
      const fromStore = serializeGraph(await store.graph({ name: 'g', generator: 'test' }));
      const inMemory = serializeGraph(buildGraphFromContributions(docs, { name: 'g', generator: 'test' }));
      expect(fromStore).toBe(inMemory);
      const graph = JSON.parse(fromStore) as { nodes: { key: string; attributes: { aliases: string[] } }[]; edges: { key: string }[] };
      // "Berg" and "Lund" are the surnames of one full name each in the corpus: merged across documents.
      expect(graph.nodes.map((n) => n.key)).toEqual(['anna-holm', 'kari-berg', 'norway', 'per-lund']);
      expect(graph.edges.map((e) => e.key)).toEqual(['anna-holm->member_of->norway', 'kari-berg->member_of->norway', 'per-lund->member_of->norway']);
      const contributions = [];
      for await (const c of store.contributions()) contributions.push(c);
      expect(contributions).toEqual([docs[1], docs[0], docs[2]]);
    } finally {
      await store.close();
    }
  });
});

describe('opening a store', () => {
  it('refuses a missing SQLite store when reading, and a file that is not a store', async () => {
    const dir = tempDir();
    await expect(GraphStore.open(join(dir, 'none.sqlite'), { create: false })).rejects.toThrow('no such store (make one with `kg build CORPUS --store FILE`)');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'text.sqlite'), 'hello, not a database\n'.repeat(200));
    await expect(GraphStore.open(join(dir, 'text.sqlite'), { create: false })).rejects.toThrow(/file is not a database|not a kg graph store/);
  });

  it.skipIf(!postgresAvailable)('names the server, without its password, when it cannot connect', async () => {
    await expect(GraphStore.open('postgres://kg:secret@127.0.0.1:1/none', { create: false })).rejects.toThrow(/^cannot connect to PostgreSQL: .*ECONNREFUSED/);
    const error = await GraphStore.open('postgres://kg:secret@127.0.0.1:1/none', { create: false }).catch((e: { where: string }) => e);
    expect((error as { where: string }).where).toBe('postgres://kg:***@127.0.0.1:1/none');
  });
});
