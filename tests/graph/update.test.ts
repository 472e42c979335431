// Merging a corpus at the library level: the graph accumulator (order-independent, refreshable), the build state
// written and read back, and surnames resolved across documents only where the corpus is unambiguous.
import { describe, expect, it } from 'vitest';
import { createExtractor, makeDocument } from '../../src/pipeline.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { buildGraph, contributionOf, GraphAccumulator, surnameMerges, type DocumentContribution } from '../../src/graph/build.js';
import { checkState, readState, stateHeaderLine, stateLine, type StateHeader, type StateItem } from '../../src/graph/update.js';
import { serializeGraph } from '../../src/graph/serialize.js';
import type { EntityType } from '../../src/types.js';

const extractor = createExtractor(loadKnowledgeBase());
const OPTIONS = { name: 'test', generator: 'kg-builder@0.0.0-test' };
const HEADER: StateHeader = { kgState: 1, generator: OPTIONS.generator, settings: { lang: 'auto', minConfidence: 0, dropUnasserted: false, kb: [], model: 'none' } };

function extract(id: string, text: string) {
  return extractor.extract(makeDocument({ id, text, language: 'nb' }));
}

const TEXTS: Record<string, string> = {
  a: 'Generalsekretær Jens Stoltenberg sier at Nato støtter Ukraina. Russland angriper Ukraina.',
  b: 'Kina truer Taiwan, sier Stoltenberg. Stoltenberg kritiserer Kina.',
  c: 'Utenriksminister Espen Barth Eide møtte Irans utenriksminister. USA forhandler med Taliban.',
  d: 'Barth Eide sier at Norge støtter FN. Norge innfører sanksjoner mot Russland.',
};
const CHANGED_B = 'Stoltenberg roser Finland. Kina truer Taiwan med en øvelse.';

function contributions(texts: Record<string, string>): DocumentContribution[] {
  return Object.entries(texts).map(([id, text]) => contributionOf(extract(id, text)));
}

function accumulatorOf(texts: Record<string, string>): GraphAccumulator {
  const accumulator = new GraphAccumulator();
  for (const c of contributions(texts)) accumulator.add(c);
  return accumulator;
}

async function collect(items: AsyncIterable<StateItem>): Promise<StateItem[]> {
  const out: StateItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('GraphAccumulator', () => {
  it('builds the same graph as buildGraph, whatever order documents are added in', () => {
    const expected = serializeGraph(buildGraph(Object.entries(TEXTS).map(([id, text]) => extract(id, text)), OPTIONS));
    const reversed = new GraphAccumulator();
    for (const c of contributions(TEXTS).reverse()) reversed.add(c);
    expect(serializeGraph(accumulatorOf(TEXTS).toGraph(OPTIONS))).toBe(expected);
    expect(serializeGraph(reversed.toGraph(OPTIONS))).toBe(expected);
  });

  it('refuses a document id twice', () => {
    const accumulator = accumulatorOf(TEXTS);
    expect(() => accumulator.add(contributionOf(extract('b', CHANGED_B)))).toThrow('duplicate document id "b"');
  });

  it('refreshes the metadata of an unchanged document, never of a changed one', () => {
    const accumulator = accumulatorOf(TEXTS);
    const meta = { ...extract('a', TEXTS.a!).document, path: 'moved/a.txt', title: 'Ny tittel' };
    expect(accumulator.refresh(meta)).toBe(true);
    expect(accumulator.toGraph(OPTIONS).getAttribute('documents')[0]).toMatchObject({ id: 'a', path: 'moved/a.txt', title: 'Ny tittel' });
    expect(accumulator.refresh({ ...meta, hash: 'other' })).toBe(false);
    expect(accumulator.refresh({ ...meta, id: 'nope' })).toBe(false);
  });
});

describe('build state', () => {
  const lines = (texts: Record<string, string>) => [stateHeaderLine(HEADER), ...contributions(texts).map(stateLine)];

  it('reads back exactly what was written: an update from it equals a full rebuild', async () => {
    const items = await collect(readState(lines(TEXTS), 'x.kgstate'));
    expect(items[0]).toEqual({ kind: 'header', header: HEADER });
    const read = items.flatMap((item) => (item.kind === 'document' ? [item.contribution] : []));
    expect(read.map(stateLine)).toEqual(lines(TEXTS).slice(1));
    // An update: the unchanged documents from the state, the changed and the new one extracted again.
    const updated = new GraphAccumulator();
    for (const c of read) if (c.document.id !== 'b') updated.add(c);
    for (const c of contributions({ b: CHANGED_B, e: 'Russland angriper Ukraina igjen.' })) updated.add(c);
    const rebuilt = accumulatorOf({ ...TEXTS, b: CHANGED_B, e: 'Russland angriper Ukraina igjen.' });
    expect(serializeGraph(updated.toGraph(OPTIONS))).toBe(serializeGraph(rebuilt.toGraph(OPTIONS)));
    // Nothing of the old text of b is left.
    const evidence = updated.toGraph(OPTIONS).getEdgeAttribute('china->threatens->taiwan', 'evidence');
    expect(evidence.filter((e) => e.document === 'b').map((e) => e.sentence)).toEqual(['Kina truer Taiwan med en øvelse.']);
  });

  it('is checked against the graph it belongs to', async () => {
    const documents = accumulatorOf(TEXTS).toGraph(OPTIONS).getAttribute('documents');
    expect(await checkState(lines(TEXTS), 'x.kgstate', documents)).toEqual({ header: HEADER });
    expect(await checkState(lines(TEXTS), 'x.kgstate', documents.slice(0, 3))).toEqual({ mismatch: 'document "d" is in the state but not in the graph' });
    expect(await checkState(lines(TEXTS).slice(0, 4), 'x.kgstate', documents)).toEqual({ mismatch: 'the state has 3 document(s), the graph 4' });
    const other = documents.map((d) => (d.id === 'c' ? { ...d, hash: 'x' } : d));
    expect(await checkState(lines(TEXTS), 'x.kgstate', other)).toEqual({ mismatch: 'document "c" has another hash in the state' });
  });

  const broken: { name: string; lines: string[]; message: string }[] = [
    { name: 'empty', lines: [], message: 'empty build state' },
    { name: 'no header', lines: ['{"document": {}}'], message: 'build state line 1: not a build state (expected a header with "kgState": 1)' },
    { name: 'bad JSON', lines: [JSON.stringify(HEADER), '{nope'], message: 'build state line 2: not valid JSON' },
    {
      name: 'bad entity',
      lines: [JSON.stringify(HEADER), JSON.stringify({ document: { id: 'a', language: 'nb' }, entities: [{ key: 'x' }], relations: [] })],
      message: 'build state line 2: entity 0: `label` must be a string',
    },
    {
      name: 'duplicate document',
      lines: [JSON.stringify(HEADER), ...Array(2).fill(JSON.stringify({ document: { id: 'a', language: 'nb' }, entities: [], relations: [] }))],
      message: 'build state line 3: duplicate document id "a"',
    },
  ];
  it('reads a state written before the tagger (no model recorded) as rules only, and refuses a model that is no string', async () => {
    const { model: _model, ...older } = HEADER.settings;
    const items = await collect(readState([JSON.stringify({ ...HEADER, settings: older })], 'x.kgstate'));
    expect(items).toEqual([{ kind: 'header', header: { ...HEADER, settings: { ...older, model: 'none' } } }]);
    await expect(collect(readState([JSON.stringify({ ...HEADER, settings: { ...older, model: 7 } })], 'x.kgstate'))).rejects.toMatchObject({
      code: 'INVALID_GRAPH',
    });
  });
  for (const { name, lines, message } of broken) {
    it(`refuses a broken state: ${name}`, async () => {
      await expect(collect(readState(lines, 'x.kgstate'))).rejects.toMatchObject({ code: 'INVALID_GRAPH', where: 'x.kgstate', message });
    });
  }
});

describe('surnames across documents', () => {
  type Node = { label: string; type: EntityType; kb: boolean; wikidata?: string };
  const person = (label: string): Node => ({ label, type: 'person', kb: false });
  const table: { name: string; nodes: Record<string, Node>; expected: Record<string, string> }[] = [
    { name: 'a surname joins the one full name', nodes: { 'jens-stoltenberg': person('Jens Stoltenberg'), stoltenberg: person('Stoltenberg') }, expected: { stoltenberg: 'jens-stoltenberg' } },
    { name: 'a genitive too', nodes: { 'jens-stoltenberg': person('Jens Stoltenberg'), stoltenbergs: person('Stoltenbergs') }, expected: { stoltenbergs: 'jens-stoltenberg' } },
    {
      name: 'two full names make it ambiguous',
      nodes: { 'jens-stoltenberg': person('Jens Stoltenberg'), 'camilla-stoltenberg': person('Camilla Stoltenberg'), stoltenberg: person('Stoltenberg') },
      expected: {},
    },
    { name: 'a given name stays apart', nodes: { 'jens-stoltenberg': person('Jens Stoltenberg'), jens: person('Jens') }, expected: {} },
    {
      name: 'the longest full name wins along a chain',
      nodes: { 'espen-barth-eide': person('Espen Barth Eide'), 'barth-eide': person('Barth Eide'), eide: person('Eide') },
      expected: { 'barth-eide': 'espen-barth-eide', eide: 'espen-barth-eide' },
    },
    {
      name: 'no merge for organisations, knowledge-base entities or non-persons',
      nodes: {
        'jens-stoltenberg': person('Jens Stoltenberg'),
        stoltenberg: { label: 'Stoltenberg', type: 'organization', kb: false },
        'anne-solberg': person('Anne Solberg'),
        solberg: { label: 'Solberg', type: 'person', kb: true },
        'kari-nordmann': { label: 'Kari Nordmann', type: 'other', kb: false },
        nordmann: person('Nordmann'),
      },
      expected: {},
    },
  ];
  for (const { name, nodes, expected } of table) {
    it(name, () => {
      expect(Object.fromEntries(surnameMerges(new Map(Object.entries(nodes))))).toEqual(expected);
    });
  }

  it('merging keeps the full name, and adds the aliases, mentions and edges of the surname', () => {
    const graph = accumulatorOf(TEXTS).toGraph(OPTIONS);
    expect(graph.hasNode('stoltenberg')).toBe(false);
    expect(graph.getNodeAttributes('jens-stoltenberg')).toMatchObject({ label: 'Jens Stoltenberg', aliases: ['Jens Stoltenberg', 'Stoltenberg'] });
    expect(graph.getNodeAttribute('jens-stoltenberg', 'mentions')).toBe(3);
    expect(graph.hasEdge('jens-stoltenberg->criticizes->china')).toBe(true);
    expect(graph.getNodeAttribute('espen-barth-eide', 'aliases')).toContain('Barth Eide');
  });

  it('a later document can make a surname ambiguous again: the merge is undone', () => {
    const accumulator = accumulatorOf(TEXTS);
    accumulator.add(contributionOf(extract('z', 'Forsker Camilla Stoltenberg sier at Norge støtter Ukraina.')));
    const graph = accumulator.toGraph(OPTIONS);
    expect(graph.hasNode('stoltenberg')).toBe(true);
    expect(graph.hasEdge('stoltenberg->criticizes->china')).toBe(true);
    expect(graph.hasEdge('jens-stoltenberg->criticizes->china')).toBe(false);
  });
});

describe('contributionOf', () => {
  it('keeps counts, not mention objects, and aggregates a document per edge', () => {
    const c: DocumentContribution = contributionOf(extract('a', 'Russland angriper Ukraina. Russland angriper Ukraina igjen.'));
    expect(c.entities.find((e) => e.key === 'russia')).toEqual({ key: 'russia', label: 'Russia', type: 'country', aliases: ['Russland'], mentions: 2, wikidata: 'Q159', kb: true });
    expect(c.relations).toHaveLength(1);
    expect(c.relations[0]).toMatchObject({ subject: 'russia', relation: 'attacks', object: 'ukraine', asserted: true });
    expect(c.relations[0]!.evidence.map((e) => e.start)).toEqual([9, 36]);
  });
});
