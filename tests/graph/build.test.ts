// Merging extractions into the graph: keys, aliases, counts, evidence, flags, and what gets dropped.
import { describe, expect, it } from 'vitest';
import { KgError } from '../../src/errors.js';
import { buildGraph, edgeKey, GraphAccumulator } from '../../src/graph/build.js';
import { serializeGraph } from '../../src/graph/serialize.js';
import { ONTOLOGY_VERSION, type DocumentExtraction, type Relation } from '../../src/types.js';
import { BUILD_OPTIONS, EXTRACTIONS, EXTRACTION_A, EXTRACTION_B, TEXT_A, evidence } from './fixtures.js';

describe('buildGraph', () => {
  const graph = buildGraph(EXTRACTIONS, BUILD_OPTIONS);

  it('is a directed multigraph without self-loops', () => {
    expect(graph.type).toBe('directed');
    expect(graph.multi).toBe(true);
    expect(graph.allowSelfLoops).toBe(false);
  });

  it('merges entities across documents by key', () => {
    expect(graph.nodes()).toEqual(['iraq', 'jens-stoltenberg', 'nato', 'united-states']);
    expect(graph.getNodeAttributes('nato')).toEqual({
      // Label from the first document by id (a-…), wikidata from the first document that has one (b-…).
      label: 'NATO',
      type: 'organization',
      // Code-unit order: upper case before lower case, whatever the machine's locale.
      aliases: ['NATO', "NATO's", 'Nato', 'Natos', 'alliance'],
      mentions: 9,
      wikidata: 'Q7184',
      x: 0,
      y: 0,
      size: 1,
      color: '#1f77b4',
    });
    expect(graph.getNodeAttribute('iraq', 'label')).toBe('Iraq');
    expect(graph.getNodeAttribute('iraq', 'aliases')).toEqual(['Irak', 'Iraks', 'Iraq']);
    expect(graph.getNodeAttribute('iraq', 'mentions')).toBe(7);
    expect(graph.getNodeAttribute('united-states', 'aliases')).toEqual(['The United States', 'US', 'Washington']);
    expect(graph.getNodeAttributes('jens-stoltenberg')).not.toHaveProperty('wikidata');
  });

  it('makes one edge per (subject, relation, object) and drops self-loops and dangling relations', () => {
    expect(graph.edges()).toEqual([
      'jens-stoltenberg->leads->nato',
      'nato->supports->iraq',
      'nato->trains->iraq',
      'united-states->criticizes->nato',
      'united-states->supports->nato',
      'united-states->withdraws_from->iraq',
    ]);
    expect(graph.hasEdge('iraq->located_in->iraq')).toBe(false);
    expect(graph.hasNode('baghdad')).toBe(false);
  });

  it('unions evidence without duplicates, sorted by document and offset', () => {
    const trains = graph.getEdgeAttributes('nato->trains->iraq');
    expect(trains.evidence.map((e) => [e.document, e.start, e.end, e.trigger])).toEqual([
      ['a-nato-irak', 67, 84, 'treningsoppdraget'],
      ['a-nato-irak', 169, 176, 'trening'],
      ['b-nato-iraq', 23, 39, 'training mission'],
    ]);
    expect(trains.weight).toBe(3);
    expect(trains.confidence).toBe(0.9);
    expect(trains.label).toBe('trains');
    expect(graph.getEdgeAttribute('united-states->withdraws_from->iraq', 'label')).toBe('withdraws from');
  });

  it('lets an asserted occurrence win over a negated one, and keeps flags nothing contradicts', () => {
    expect(graph.getEdgeAttributes('nato->supports->iraq')).toMatchObject({
      negated: false,
      hypothetical: false,
      weight: 2,
      confidence: 0.85,
    });
    expect(graph.getEdgeAttribute('united-states->criticizes->nato', 'negated')).toBe(true);
    expect(graph.getEdgeAttribute('united-states->withdraws_from->iraq', 'hypothetical')).toBe(true);
  });

  it('records the graph attributes with documents sorted by id', () => {
    expect(graph.getAttributes()).toEqual({
      name: 'small-graph',
      generator: 'kg-builder@0.0.0-test',
      ontology: ONTOLOGY_VERSION,
      documents: [EXTRACTION_A.document, EXTRACTION_B.document],
    });
  });

  it('does not depend on the order of the extractions', () => {
    expect(serializeGraph(buildGraph([EXTRACTION_A, EXTRACTION_B], BUILD_OPTIONS))).toBe(serializeGraph(graph));
  });

  it('does not share arrays with its input', () => {
    const built = buildGraph([EXTRACTION_A], BUILD_OPTIONS);
    built.getEdgeAttribute('nato->trains->iraq', 'evidence')[0].trigger = 'changed';
    expect(EXTRACTION_A.relations[1].evidence[0].trigger).toBe('treningsoppdraget');
  });

  it('rejects two extractions with the same document id', () => {
    const error = (() => {
      try {
        buildGraph([EXTRACTION_A, EXTRACTION_A], BUILD_OPTIONS);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(KgError);
    expect(error).toMatchObject({ code: 'INPUT_INVALID', message: 'duplicate document id "a-nato-irak"' });
  });

  it('keeps the first of two evidence items with the same document, span and relation', () => {
    const item = evidence('a-nato-irak', TEXT_A, 'treningsoppdraget');
    const twice: DocumentExtraction = {
      ...EXTRACTION_A,
      relations: [
        { ...EXTRACTION_A.relations[1], evidence: [item] },
        { ...EXTRACTION_A.relations[1], evidence: [{ ...item, extractor: 'model' }] },
      ],
    };
    const edge = buildGraph([twice], BUILD_OPTIONS).getEdgeAttributes('nato->trains->iraq');
    expect(edge.weight).toBe(1);
    expect(edge.evidence).toEqual([item]);
  });
});

describe('merging negated and hypothetical flags', () => {
  type Flags = Pick<Relation, 'negated' | 'hypothetical'>;
  const asserted: Flags = { negated: false, hypothetical: false };
  const negated: Flags = { negated: true, hypothetical: false };
  const hypothetical: Flags = { negated: false, hypothetical: true };
  const table: Array<{ name: string; occurrences: Flags[]; expected: Flags }> = [
    { name: 'asserted only', occurrences: [asserted], expected: asserted },
    { name: 'negated only', occurrences: [negated, negated], expected: negated },
    { name: 'negated then asserted', occurrences: [negated, asserted], expected: asserted },
    { name: 'asserted then negated', occurrences: [asserted, negated], expected: asserted },
    { name: 'hypothetical and asserted', occurrences: [hypothetical, asserted], expected: asserted },
    { name: 'hypothetical only', occurrences: [hypothetical], expected: hypothetical },
    // Neither occurrence asserts the relation, so the edge must not come out asserted.
    { name: 'negated and hypothetical', occurrences: [negated, hypothetical], expected: { negated: true, hypothetical: true } },
  ];
  for (const { name, occurrences, expected } of table) {
    it(name, () => {
      const extraction: DocumentExtraction = {
        ...EXTRACTION_A,
        relations: occurrences.map((flags, i) => ({
          ...EXTRACTION_A.relations[1],
          ...flags,
          evidence: [evidence('a-nato-irak', TEXT_A, 'Nato', i)],
        })),
      };
      const edge = buildGraph([extraction], BUILD_OPTIONS).getEdgeAttributes(edgeKey('nato', 'trains', 'iraq'));
      expect({ negated: edge.negated, hypothetical: edge.hypothetical }).toEqual(expected);
      expect(edge.weight).toBe(occurrences.length);
    });
  }
});

describe('buildGraph edge cases', () => {
  it('builds an empty graph from no extractions', () => {
    const graph = buildGraph([], BUILD_OPTIONS);
    expect(graph.order).toBe(0);
    expect(graph.getAttribute('documents')).toEqual([]);
  });

  it('copies only the DocumentMeta fields', () => {
    const extra = { ...EXTRACTION_A, document: { ...EXTRACTION_A.document, text: 'must not leak' } as never };
    expect(buildGraph([extra], BUILD_OPTIONS).getAttribute('documents')[0]).not.toHaveProperty('text');
  });
});

describe('GraphAccumulator: where entities without relations come from', () => {
  const ent = (key: string, label: string) => ({ key, label, type: 'location' as const, aliases: [label], mentions: 1, kb: false });
  const rel = (subject: string, object: string, document: string) => ({
    subject,
    relation: 'meets' as const,
    object,
    confidence: 0.8,
    asserted: true,
    negated: false,
    hypothetical: false,
    evidence: [{ document, sentence: 'S.', start: 0, end: 1, trigger: 'S', extractor: 'tree' }],
  });
  const doc = (id: string) => ({ id, language: 'en' as const });

  it('lists the documents that name an entity only while no relation names it, in id order', () => {
    const acc = new GraphAccumulator();
    acc.add({ document: doc('doc-b'), entities: [ent('tromso', 'Tromsø'), ent('bodo', 'Bodø'), ent('narvik', 'Narvik')], relations: [rel('bodo', 'narvik', 'doc-b')] });
    acc.add({ document: doc('doc-a'), entities: [ent('tromso', 'Tromsø'), ent('alta', 'Alta')], relations: [] });
    acc.add({ document: doc('doc-c'), entities: [ent('alta', 'Alta'), ent('bodo', 'Bodø')], relations: [rel('alta', 'bodo', 'doc-c')] });
    const graph = acc.toGraph(BUILD_OPTIONS);
    expect(graph.getNodeAttribute('tromso', 'documents')).toEqual(['doc-a', 'doc-b']);
    for (const key of ['alta', 'bodo', 'narvik']) expect(graph.getNodeAttributes(key)).not.toHaveProperty('documents');
    // Written after the known attributes, read back the same.
    const text = serializeGraph(graph);
    expect(text).toContain('"documents": [\n          "doc-a",\n          "doc-b"\n        ]');
  });
});

describe('GraphAccumulator: an entity whose only relations are left out', () => {
  it('takes its documents from their evidence', () => {
    const acc = new GraphAccumulator();
    const person = (key: string, label: string) => ({ key, label, type: 'person' as const, aliases: [label], mentions: 1, kb: false });
    // "Hansen" merges into "Kari Hansen" across the corpus: the relation between them becomes a self-loop and is left out.
    acc.add({
      document: { id: 'doc-x', language: 'nb' as const },
      entities: [person('kari-hansen', 'Kari Hansen'), person('hansen', 'Hansen')],
      relations: [
        { subject: 'hansen', relation: 'meets' as const, object: 'kari-hansen', confidence: 0.8, asserted: true, negated: false, hypothetical: false, evidence: [{ document: 'doc-x', sentence: 'S.', start: 0, end: 1, trigger: 'S', extractor: 'tree' }] },
      ],
    });
    const graph = acc.toGraph(BUILD_OPTIONS);
    expect(graph.nodes()).toEqual(['kari-hansen']);
    expect(graph.size).toBe(0);
    expect(graph.getNodeAttribute('kari-hansen', 'documents')).toEqual(['doc-x']);
  });
});
