// Every format from the sample graph (golden files, byte-stable), and round trips through GEXF and GraphML that lose nothing.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportGraph, readGraphText } from '../../src/export/formats.js';
import { fromGexf, toGexf } from '../../src/export/gexf.js';
import { fromGraphml, toGraphml } from '../../src/export/graphml.js';
import { graphFromFile, parseGraphFile, serializeGraph } from '../../src/graph/serialize.js';
import type { GraphFile } from '../../src/types.js';
import { ROOT, expectGolden } from '../graph/golden.js';
import { afterXml, awkwardGraph } from './awkward.js';
import { expectValidGexf, expectWellFormed, withXmllint } from './xmllint.js';

const SAMPLE_PATH = 'tests/fixtures/export/nato-irak-2020.json';
const SAMPLE_TEXT = readFileSync(resolve(ROOT, SAMPLE_PATH), 'utf8');
const sample = (): GraphFile => parseGraphFile(SAMPLE_TEXT, SAMPLE_PATH);
const json = (f: GraphFile): string => serializeGraph(graphFromFile(f));

const GOLDEN_NAMES: Record<string, string> = {
  json: 'nato-irak-2020.json',
  gexf: 'nato-irak-2020.gexf',
  graphml: 'nato-irak-2020.graphml',
  cypher: 'nato-irak-2020.cypher',
  svg: 'nato-irak-2020.svg',
};

describe('exports of the sample graph', () => {
  it.each(EXPORT_FORMATS.map((f) => [f]))('%s matches its golden file, byte for byte, whatever the input order', (format) => {
    const files = exportGraph(sample(), format);
    const s = sample();
    const shuffled = { ...s, nodes: [...s.nodes].reverse(), edges: [...s.edges].reverse() };
    expect(exportGraph(shuffled, format)).toEqual(files);
    expect(exportGraph(sample(), format)).toEqual(files);
    if (format === 'csv') {
      expect(files.map((f) => f.name)).toEqual(['nodes.csv', 'edges.csv']);
      for (const f of files) expectGolden(`nato-irak-2020.${f.name}`, f.text);
    } else {
      expect(files).toHaveLength(1);
      expectGolden(GOLDEN_NAMES[format], files[0].text);
    }
  });

  it('the JSON export is the graph file itself', () => {
    expect(exportGraph(sample(), 'json')[0].text).toBe(SAMPLE_TEXT);
  });

  withXmllint('the GEXF export validates against the GEXF 1.3 RelaxNG grammar, the GraphML and SVG are well-formed', () => {
    expectValidGexf(exportGraph(sample(), 'gexf')[0].text);
    expectWellFormed(exportGraph(sample(), 'graphml')[0].text);
    expectWellFormed(exportGraph(sample(), 'svg')[0].text);
  });
});

describe('round trips', () => {
  it('JSON → GEXF → JSON and JSON → GraphML → JSON give back the sample graph file byte for byte', () => {
    expect(json(fromGexf(toGexf(sample()), 'x.gexf'))).toBe(SAMPLE_TEXT);
    expect(json(fromGraphml(toGraphml(sample()), 'x.graphml'))).toBe(SAMPLE_TEXT);
  });

  it('any readable format converts to any other: JSON → GEXF → GraphML → GEXF → JSON', () => {
    const gexf = toGexf(sample());
    const graphml = toGraphml(readGraphText(gexf, 'a.gexf'));
    const again = toGexf(readGraphText(graphml, 'b.graphml'));
    expect(again).toBe(gexf);
    expect(json(readGraphText(again, 'c.gexf'))).toBe(SAMPLE_TEXT);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('awkward text survives GEXF and GraphML (seed %i)', (seed) => {
    const file = awkwardGraph(seed);
    // The generated file is a valid graph file to begin with.
    expect(json(parseGraphFile(json(file), 'awkward.json'))).toBe(json(file));
    const expected = json(afterXml(file));
    expect(json(fromGexf(toGexf(file), 'awkward.gexf'))).toBe(expected);
    expect(json(fromGraphml(toGraphml(file), 'awkward.graphml'))).toBe(expected);
    // And a second trip changes nothing more.
    expect(toGexf(fromGexf(toGexf(file), 'a.gexf'))).toBe(toGexf(afterXml(file)));
  });

  withXmllint('GEXF with awkward text still validates, GraphML and SVG stay well-formed', () => {
    for (const seed of [1, 2, 3]) {
      const file = awkwardGraph(seed);
      expectValidGexf(toGexf(file));
      expectWellFormed(toGraphml(file));
      expectWellFormed(exportGraph(file, 'svg')[0].text);
    }
  });

  it('evidence, aliases and graph metadata come back whole, control characters and all', () => {
    const file = afterXml(awkwardGraph(3));
    const back = fromGexf(toGexf(file), 'a.gexf');
    const byKey = <T extends { key: string }>(items: T[]) => [...items].sort((a, b) => (a.key < b.key ? -1 : 1));
    file.nodes = byKey(file.nodes);
    file.edges = byKey(file.edges);
    expect(back.attributes).toEqual(file.attributes);
    expect(back.nodes.map((n) => n.attributes.aliases)).toEqual(file.nodes.map((n) => n.attributes.aliases));
    expect(back.edges.map((e) => e.attributes.evidence)).toEqual(file.edges.map((e) => e.attributes.evidence));
    expect(file.edges.some((e) => e.attributes.evidence.some((ev) => /[\u0001\uFFFE]/.test(ev.sentence)))).toBe(true);
  });
});

describe('attributes kg does not know, whatever they are called and hold', () => {
  // A graph file kg wrote, with extras named like kg's own fields in another case, like the `_json` twins,
  // like Object's methods, with quotes, spaces and markup in their names, and with mixed, empty, null and list values.
  const text = JSON.stringify({
    options: { type: 'mixed', multi: true, allowSelfLoops: true },
    attributes: { name: 'odd', generator: 'kg-builder@0.0.0-test', ontology: '1.0', documents: [{ id: 'doc | two', language: 'en' }] },
    nodes: [
      {
        key: 'a',
        attributes: {
          label: 'A', type: 'country', aliases: [], mentions: 1, x: 0, y: 0, size: 4, color: '#2ca02c', documents: ['doc | two'],
          ' pad': 'p', 'Label': 'shadow', 'Type': 'shadow', 'X': 5, 'aliases_json': 'not json', 'b': true, 'constructor': 1,
          'extra_0': 'e', 'kgx_0': 'k', 'mixed': 5, 'nothing': null, 'empty': '', 'q"uo<te>': 'q', 'list': [1, 'two'], 'num42': '42',
        },
      },
      {
        key: 'b',
        attributes: { label: 'B', type: 'other', aliases: [], mentions: 1, x: 1, y: 1, size: 4, color: '#7f7f7f', 'mixed': 'five', 'num42': 'x' },
      },
    ],
    edges: [
      {
        key: 'a--meets--b', source: 'a', target: 'b', undirected: true,
        attributes: { relation: 'meets', label: 'meets', weight: 1, confidence: 1, negated: false, hypothetical: false, evidence: [], 'Weight': 9, 'documents': 'd', 'evidence_json': '[', 'key': 'k', 'undirected': 'u' },
      },
      { key: 'b->meets->b', source: 'b', target: 'b', attributes: { relation: 'meets', label: 'meets', weight: 1, confidence: 1, negated: false, hypothetical: false, evidence: [] } },
    ],
  }).replace('"constructor":1', '"constructor":1,"__proto__":"proto"');
  const file = parseGraphFile(text, 'odd.json');
  const once = json(file);

  it('keeps every one in the graph file, __proto__ and constructor included', () => {
    const a = JSON.parse(once).nodes[0].attributes;
    expect(Object.keys(a)).toContain('__proto__');
    expect(Object.getOwnPropertyDescriptor(a, '__proto__')?.value).toBe('proto');
    expect(a.constructor).toBe(1);
    expect(a).toMatchObject({ Label: 'shadow', Type: 'shadow', X: 5, aliases_json: 'not json', nothing: null, empty: '', list: [1, 'two'] });
  });

  it('comes back byte for byte through GEXF and GraphML', () => {
    expect(json(fromGexf(toGexf(file), 'odd.gexf'))).toBe(once);
    expect(json(fromGraphml(toGraphml(file), 'odd.graphml'))).toBe(once);
  });

  withXmllint('writes well-formed XML whatever the names, GEXF still valid against its grammar', () => {
    expectValidGexf(toGexf(file));
    expectWellFormed(toGraphml(file));
  });

  it('never takes the place of a CSV header or a Cypher property of kg', () => {
    const [nodes, edges] = exportGraph(file, 'csv').map((f) => f.text.split('\r\n')[0]!.split(','));
    expect(nodes).toEqual(expect.arrayContaining(['Label', 'Label (attribute)', 'type', 'Type (attribute)']));
    expect(edges).toEqual(expect.arrayContaining(['Weight', 'Weight (attribute)', 'documents', 'documents (attribute)']));
    const cypher = exportGraph(file, 'cypher')[0]!.text;
    expect(cypher).toContain('r.`attribute_key` = \'k\'');
    expect(cypher).toContain('r.`attribute_documents` = \'d\'');
    expect(cypher).toContain('r.undirected = true');
    expect(cypher).toContain('n.`nothing` = null');
  });
});
