// Merging graphs: one node per key, evidence united without duplicates, weights recomputed, mentions not double-counted.
import { describe, expect, it } from 'vitest';
import { fromGexf, toGexf } from '../../src/export/gexf.js';
import { mergeGraphFiles, uniteEvidence } from '../../src/export/merge.js';
import { recoverEvidence, flattenEvidence } from '../../src/export/text.js';
import { graphFromFile, parseGraphFile, serializeGraph } from '../../src/graph/serialize.js';
import type { Evidence, GraphFile } from '../../src/types.js';
import { readGolden } from '../graph/golden.js';

const file = (): GraphFile => parseGraphFile(readGolden('small-graph.json'), 'small-graph.json');
const json = (f: GraphFile): string => serializeGraph(graphFromFile(f));
const ev = (document: string, start: number, sentence = `s${start}`): Evidence => ({
  document,
  sentence,
  start,
  end: start + 3,
  trigger: 'tri',
  extractor: 'rules',
});

/** A graph from one other document: Iraq and a new entity, one relation shared with small-graph and one new. */
function other(): GraphFile {
  return {
    options: { type: 'directed', multi: true, allowSelfLoops: false },
    attributes: {
      name: 'other',
      generator: 'x',
      ontology: '1.0',
      documents: [{ id: 'c-other', language: 'en' }],
    },
    nodes: [
      { key: 'iraq', attributes: { label: 'Iraq (other)', type: 'country', aliases: ['Republic of Iraq'], mentions: 2, x: 5, y: 5, size: 3, color: '#000000' } },
      { key: 'nato', attributes: { label: 'NATO', type: 'organization', aliases: ['NATO'], mentions: 1, x: 1, y: 1, size: 3, color: '#000000' } },
    ],
    edges: [
      {
        key: 'nato->trains->iraq',
        source: 'nato',
        target: 'iraq',
        attributes: { relation: 'trains', label: 'trains', weight: 1, confidence: 0.99, negated: false, hypothetical: false, evidence: [ev('c-other', 10)] },
      },
    ],
  };
}

describe('mergeGraphFiles', () => {
  it('merges entities by key: first graph gives label and position, aliases united, mentions added', () => {
    const merged = mergeGraphFiles([file(), other()], { generator: 'kg@test' });
    const iraq = merged.nodes.find((n) => n.key === 'iraq')!.attributes;
    expect(iraq.label).toBe('Iraq');
    expect(iraq.x).toBe(-2.9733);
    expect(iraq.aliases).toEqual(['Irak', 'Iraks', 'Iraq', 'Republic of Iraq']);
    expect(iraq.mentions).toBe(7 + 2);
    expect(merged.nodes).toHaveLength(file().nodes.length);
    expect(merged.attributes.documents.map((d) => d.id)).toEqual(['a-nato-irak', 'b-nato-iraq', 'c-other']);
    expect(merged.attributes.generator).toBe('kg@test');
  });

  it('unites evidence and recomputes weights and confidence', () => {
    const merged = mergeGraphFiles([file(), other()], { generator: 'kg@test' });
    const trains = merged.edges.find((e) => e.key === 'nato->trains->iraq')!.attributes;
    expect(trains.evidence.map((e) => e.document)).toEqual(['a-nato-irak', 'a-nato-irak', 'b-nato-iraq', 'c-other']);
    expect(trains.weight).toBe(4);
    expect(trains.confidence).toBe(0.99);
  });

  it('merging a graph with itself, or with its own GEXF export, gives the graph back', () => {
    const f = file();
    const same = (g: GraphFile) => json({ ...g, attributes: { ...g.attributes, generator: f.attributes.generator } });
    expect(same(mergeGraphFiles([f, f], { generator: 'x' }))).toBe(json(f));
    expect(same(mergeGraphFiles([f, fromGexf(toGexf(f), 'f.gexf')], { generator: 'x' }))).toBe(json(f));
  });

  it('does not double-count evidence recovered from readable text (offsets lost)', () => {
    const f = file();
    const stripped = structuredClone(f);
    for (const edge of stripped.edges) edge.attributes.evidence = recoverEvidence(flattenEvidence(edge.attributes.evidence));
    const merged = mergeGraphFiles([stripped, f], { generator: 'x' });
    expect(json({ ...merged, attributes: f.attributes })).toBe(json(f));
  });

  it('combines negated and hypothetical flags as graph building does', () => {
    const a = other();
    const b = other();
    a.edges[0].attributes.negated = true;
    b.edges[0].attributes.hypothetical = true;
    const both = mergeGraphFiles([a, b], { generator: 'x' }).edges[0].attributes;
    expect([both.negated, both.hypothetical]).toEqual([true, true]);
    const asserted = mergeGraphFiles([a, other()], { generator: 'x' }).edges[0].attributes;
    expect([asserted.negated, asserted.hypothetical]).toEqual([false, false]);
  });

  it('keeps the largest weight for edges without evidence', () => {
    const a = other();
    const b = other();
    a.edges[0].attributes = { ...a.edges[0].attributes, evidence: [], weight: 2 };
    b.edges[0].attributes = { ...b.edges[0].attributes, evidence: [], weight: 5 };
    expect(mergeGraphFiles([a, b], { generator: 'x' }).edges[0].attributes.weight).toBe(5);
  });

  it('refuses graphs of different ontology versions, and nothing at all', () => {
    const b = other();
    b.attributes.ontology = '2.0';
    expect(() => mergeGraphFiles([file(), b], { generator: 'x' })).toThrow('different ontology versions (1.0, 2.0)');
    expect(() => mergeGraphFiles([], { generator: 'x' })).toThrow('nothing to merge');
  });
});

describe('uniteEvidence', () => {
  it('keeps each item once, by document and span; an item without offsets gives way to its located twin', () => {
    const located = ev('d', 5, 'Same sentence.');
    const lost = { ...located, start: 0, end: 0 };
    expect(uniteEvidence([[located, ev('d', 1)], [lost, ev('d', 1)], [ev('e', 0, 'Other.')]])).toEqual([ev('d', 1), located, ev('e', 0, 'Other.')]);
  });
});
