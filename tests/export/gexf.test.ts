// GEXF 1.3 export and GEXF 1.1–1.3 import: golden output, validity against the official RelaxNG grammar, hostile text, Gephi files.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeXml, flattenEvidence, fromGexf, stripXmlForbidden, toGexf } from '../../src/export/gexf.js';
import { KgError } from '../../src/errors.js';
import { parseGraphFile, serializeGraph, graphFromFile } from '../../src/graph/serialize.js';
import type { GraphFile } from '../../src/types.js';
import { ROOT, expectGolden, readGolden } from '../graph/golden.js';
import { expectValidGexf as expectValid, withXmllint, xpath } from './xmllint.js';

const file = (): GraphFile => parseGraphFile(readGolden('small-graph.json'), 'small-graph.json');
const json = (f: GraphFile): string => serializeGraph(graphFromFile(f));
const fixture = (name: string): string => readFileSync(resolve(ROOT, 'tests/fixtures/export', name), 'utf8');

describe('toGexf', () => {
  it('matches the golden file and is deterministic', () => {
    const gexf = toGexf(file());
    expect(toGexf(file())).toBe(gexf);
    expectGolden('small-graph.gexf', gexf);
  });

  it('does not depend on the order of nodes and edges in the file', () => {
    const f = file();
    expect(toGexf({ ...f, nodes: [...f.nodes].reverse(), edges: [...f.edges].reverse() })).toBe(toGexf(f));
  });

  withXmllint('validates against the GEXF 1.3 RelaxNG grammar', () => {
    expectValid(toGexf(file()));
  });

  it('writes colours as r/g/b, positions, sizes and typed parallel edges', () => {
    const gexf = toGexf(file());
    expect(gexf).toContain('<viz:color r="31" g="119" b="180"/>');
    expect(gexf).toContain(
      '<edge id="nato-&gt;supports-&gt;iraq" source="nato" target="iraq" label="supports" kind="supports" weight="2">',
    );
    expect(gexf).toContain(
      '<edge id="nato-&gt;trains-&gt;iraq" source="nato" target="iraq" label="trains" kind="trains" weight="3">',
    );
    expect(gexf).toContain(`<attvalue for="aliases" value="NATO | NATO's | Nato | Natos | alliance"/>`);
    expect(gexf).toContain('<attvalue for="documents" value="a-nato-irak | b-nato-iraq"/>');
  });

  withXmllint('keeps awkward text readable and the file valid', () => {
    const f = file();
    const nato = f.nodes.find((n) => n.key === 'nato')!;
    nato.attributes.label = 'NATO "Alliance" & <friends>\nline two\ttab 🇳🇴😀 العراق עברית\u0001\uD800\uFFFF end';
    nato.attributes.aliases = ['a&b', 'c<d', 'e"f'];
    nato.attributes.wikidata = 'Q7184';
    nato.attributes.community = 0;
    const trains = f.edges.find((e) => e.key === 'nato->trains->iraq')!;
    trains.attributes.evidence[0].sentence = 'Sier "nei" & <b>\u0008ja</b>\r\nبغداد';
    f.attributes.generator = 'kg & co <test>';
    const gexf = toGexf(f);

    expectValid(gexf);
    expect(gexf).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(gexf).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    const label = xpath(gexf, 'string(//*[local-name()="node"][@id="nato"]/@label)');
    expect(label).toBe('NATO "Alliance" & <friends>\nline two\ttab 🇳🇴😀 العراق עברית end');
    const evidence = xpath(gexf, 'string(//*[local-name()="edge"][@kind="trains"]//*[@for="evidence"]/@value)');
    expect(evidence.split('\n')[0]).toBe('[a-nato-irak] Sier "nei" & <b>ja</b>\r');
    expect(evidence.split('\n')[1]).toBe('بغداد «treningsoppdraget» (rules)');
    expect(xpath(gexf, 'string(//*[local-name()="creator"])')).toBe('kg & co <test>');
    expect(xpath(gexf, 'string(//*[local-name()="node"][@id="nato"]//*[@for="community"]/@value)')).toBe('0');
  });

  it('refuses a colour that is not #rrggbb and a non-finite position', () => {
    const f = file();
    f.nodes[0].attributes.color = 'green';
    expect(() => toGexf(f)).toThrow('node "iraq": `color` must be #rrggbb, got "green"');
    const g = file();
    g.nodes[0].attributes.x = Number.POSITIVE_INFINITY;
    expect(() => toGexf(g)).toThrow('cannot write a non-finite number (Infinity) to GEXF');
  });
});

describe('XML text helpers', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<x y="1">', '&lt;x y=&quot;1&quot;&gt;'],
    ['line\nbreak\ttab\rcr', 'line&#10;break&#9;tab&#13;cr'],
    ["it's", "it's"],
    ['\u0000\u0001\u001f\u007f', '\u007f'],
    ['😀 \uD83D lone high, lone low \uDE00', '😀  lone high, lone low '],
    ['\uFFFE\uFFFF\uFFFD', '\uFFFD'],
    ['العراق עברית', 'العراق עברית'],
  ])('escapeXml(%j) = %j', (input, output) => {
    expect(escapeXml(input)).toBe(output);
  });

  it('stripXmlForbidden keeps tab, LF and CR', () => {
    expect(stripXmlForbidden('a\tb\nc\rd\u000be')).toBe('a\tb\nc\rde');
  });

  it('flattens evidence one line per item', () => {
    const trains = file().edges.find((e) => e.key === 'nato->trains->iraq')!;
    expect(flattenEvidence(trains.attributes.evidence)).toBe(
      [
        '[a-nato-irak] Natos generalsekretær Jens Stoltenberg sier at Nato skal fortsette treningsoppdraget i Irak. «treningsoppdraget» (rules)',
        '[a-nato-irak] Iraks regjering ønsker at Natos trening fortsetter. «trening» (rules)',
        '[b-nato-iraq] NATO will continue its training mission in Iraq, the alliance said. «training mission» (rules)',
      ].join('\n'),
    );
  });
});

describe('fromGexf', () => {
  it('reads back exactly the graph it was written from', () => {
    const f = file();
    expect(json(fromGexf(toGexf(f), 'small-graph.gexf'))).toBe(json(f));
  });

  it('reads a GEXF 1.2 file written by Gephi (viz 1.2draft namespace, defaults, readable evidence only)', () => {
    const g = fromGexf(fixture('gephi-1.2.gexf'), 'tests/fixtures/export/gephi-1.2.gexf');
    expect(g.attributes).toEqual({ name: 'gephi-1.2', generator: 'Gephi 0.9', ontology: '1.0', documents: [] });
    const nato = g.nodes.find((n) => n.key === 'nato')!.attributes;
    expect(nato).toEqual({
      label: 'NATO',
      type: 'organization',
      aliases: ['NATO', 'Nato', 'Natos', 'alliansen'],
      mentions: 14,
      wikidata: 'Q7184',
      x: 12.3,
      y: -4.1,
      size: 15.22,
      color: '#1f77b4',
      // Gephi's own column, typed as it was declared, kept under its title.
      'Modularity Class': 0,
    });
    // An entity type outside the ontology becomes `other`; entities decode.
    expect(g.nodes.find((n) => n.key === 'ntb')!.attributes).toMatchObject({ label: 'NTB & Reuters', type: 'other', aliases: [] });

    const trains = g.edges.find((e) => e.attributes.relation === 'trains')!;
    // Gephi numbers edges; keys come back derived from content.
    expect(trains.key).toBe('nato->trains->iraq');
    expect(trains.attributes).toMatchObject({ weight: 2, confidence: 0.92, negated: false, hypothetical: false });
    // The attribute value's literal newline became a space (XML attribute normalisation); items still split.
    expect(trains.attributes.evidence).toEqual([
      {
        document: 'nato-irak-2020',
        sentence: 'Iraks regjering ønsker at Natos treningsoppdrag i landet fortsetter.',
        start: 0,
        end: 0,
        trigger: 'treningsoppdrag',
        extractor: 'rules',
      },
      {
        document: 'nato-irak-2020',
        sentence: 'Stoltenberg sier at Nato skal fortsette treningen av irakiske styrker.',
        start: 0,
        end: 0,
        trigger: 'treningen',
        extractor: 'rules',
      },
    ]);
    // No `relation` attribute: the edge label names it.
    const supports = g.edges.find((e) => e.key === 'iraq->supports->nato')!;
    expect(supports.attributes.evidence[0].sentence).toBe('Regjeringen i Bagdad ønsker at Nato fortsetter.');
  });

  it('prefers the JSON twins over the readable values, and falls back to the readable ones', () => {
    const f = file();
    const gexf = toGexf(f);
    const withoutTwins = gexf.replace(/\s*<attvalue for="(aliases_json|evidence_json)" value="[^"]*"\/>/g, '');
    expect(withoutTwins).not.toContain('_json" value');
    const g = fromGexf(withoutTwins, 'edited.gexf');
    const nato = g.nodes.find((n) => n.key === 'nato')!;
    expect(nato.attributes.aliases).toEqual(f.nodes.find((n) => n.key === 'nato')!.attributes.aliases);
    const trains = g.edges.find((e) => e.key === 'nato->trains->iraq')!;
    const original = f.edges.find((e) => e.key === 'nato->trains->iraq')!;
    expect(trains.attributes.evidence.map((e) => [e.document, e.sentence, e.trigger, e.extractor])).toEqual(
      original.attributes.evidence.map((e) => [e.document, e.sentence, e.trigger, e.extractor]),
    );
  });

  it('reads viz colours given as hex and GEXF 1.1 attvalues named by id', () => {
    const gexf = `<?xml version="1.0"?>
<gexf xmlns="http://www.gexf.net/1.1draft" xmlns:viz="http://www.gexf.net/1.1draft/viz" version="1.1">
  <graph defaultedgetype="directed">
    <attributes class="node"><attribute id="0" title="Type" type="string"/></attributes>
    <nodes>
      <node id="a" label="A"><attvalues><attvalue id="0" value="Person"/></attvalues><viz:color hex="#AABBCC"/></node>
      <node id="b" label="B"/>
    </nodes>
    <edges><edge source="a" target="b" label="meets"/></edges>
  </graph>
</gexf>`;
    const g = fromGexf(gexf, 'old.gexf');
    expect(g.nodes[0].attributes).toMatchObject({ type: 'person', color: '#aabbcc' });
    expect(g.nodes[1].attributes).toMatchObject({ type: 'other', color: '#7f7f7f', x: 0, y: 0, size: 1 });
    expect(g.edges[0]).toMatchObject({ key: 'a->meets->b', attributes: { relation: 'meets', weight: 1, evidence: [] } });
  });

  const minimal = (body: string, attributes = '', type = 'directed') =>
    `<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="${type}">${attributes}<nodes><node id="a"/><node id="b"/></nodes><edges>${body}</edges></graph></gexf>`;

  it('reads what other tools write, counting each adaptation: relations outside the ontology, parallel edges, undeclared attributes', () => {
    const warnings = new Map<string, number>();
    const g = fromGexf(
      minimal(
        '<edge id="e" source="a" target="b" kind="likes"/><edge source="a" target="b"/><edge source="b" target="a" label="knows"/>' +
          '<edge id="1" source="a" target="b" kind="meets"/><edge id="2" source="a" target="b" kind="meets"><attvalues><attvalue for="secret" value="1"/></attvalues></edge>',
      ),
      'x.gexf',
      warnings,
    );
    expect(g.edges.map((e) => [e.key, e.attributes.relation, e.attributes.label])).toEqual([
      ['a->related->b', 'related', 'likes'],
      ['a->related->b#2', 'related', 'related'],
      ['b->related->a', 'related', 'knows'],
      ['a->meets->b', 'meets', 'meets'],
      ['a->meets->b#2', 'meets', 'meets'],
    ]);
    expect([...warnings]).toEqual([
      ['values of undeclared attributes kept under their ids', 1],
      ['edges whose relation is not in the ontology read as `related`, their own name kept as the label', 2],
      ['edges without a relation read as `related`', 1],
      ['parallel edges of one relation between the same nodes kept apart (key suffix #2, #3, ...)', 2],
    ]);
  });

  it('keeps self-loops, and says so in the options', () => {
    const warnings = new Map<string, number>();
    const g = fromGexf(minimal('<edge source="a" target="b" kind="meets"/><edge source="a" target="a" kind="meets"/><edge source="b" target="a" kind="meets"/>'), 's.gexf', warnings);
    expect(g.edges.map((e) => e.key)).toEqual(['a->meets->b', 'a->meets->a', 'b->meets->a']);
    expect(g.options).toEqual({ type: 'directed', multi: true, allowSelfLoops: true });
    expect([...warnings]).toEqual([]);
  });

  it('reads undirected graphs (the GEXF default) and mixed ones, and writes them back as they were', () => {
    const undirected = fromGexf(minimal('<edge source="b" target="a" kind="meets"/>', '', 'undirected'), 'u.gexf');
    expect(undirected.options.type).toBe('undirected');
    expect(undirected.edges).toMatchObject([{ key: 'a--meets--b', source: 'b', target: 'a', undirected: true }]);
    const noDefault = fromGexf(minimal('<edge source="a" target="b" kind="meets"/>').replace(' defaultedgetype="directed"', ''), 'n.gexf');
    expect(noDefault.options.type).toBe('undirected');
    const mixed = fromGexf(minimal('<edge source="a" target="b" kind="meets"/><edge source="a" target="b" type="undirected" kind="meets"/>'), 'm.gexf');
    expect(mixed.options.type).toBe('mixed');
    expect(mixed.edges.map((e) => [e.key, e.undirected ?? false])).toEqual([
      ['a->meets->b', false],
      ['a--meets--b', true],
    ]);
    const written = toGexf(mixed);
    expect(written).toContain('<graph defaultedgetype="directed" mode="static">');
    expect(written).toContain('source="a" target="b" type="undirected"');
    expect(json(fromGexf(written, 'm.gexf'))).toBe(json(mixed));
  });

  it.each([
    ['an edge to a missing node', minimal('<edge source="a" target="zz" kind="meets"/>'), 'target "zz" is not a node'],
    ['a weight that is not a number', minimal('<edge source="a" target="b" kind="meets" weight="heavy"/>'), 'edge 0: weight="heavy" is not a number'],
    [
      'a bad integer attribute',
      minimal('', '<attributes class="node"><attribute id="m" title="mentions" type="integer"/></attributes>').replace(
        '<node id="a"/>',
        '<node id="a"><attvalues><attvalue for="m" value="many"/></attvalues></node>',
      ),
      'node "a": `mentions` must be a number, got "many"',
    ],
    ['another XML vocabulary', '<svg xmlns="http://www.w3.org/2000/svg"/>', 'the root element is <svg>, expected <gexf>'],
    ['an unsupported version', '<gexf version="2.0"><graph/></gexf>', 'unsupported GEXF version "2.0"'],
    ['no graph', '<gexf version="1.3"><meta/></gexf>', 'no <graph> element'],
    ['malformed XML', '<gexf version="1.3"><graph></gexf>', 'not valid XML'],
  ])('refuses %s with a one-line message naming the file', (_name, text, message) => {
    let error: unknown;
    try {
      fromGexf(text, 'bad.gexf');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KgError);
    expect((error as KgError).where).toBe('bad.gexf');
    expect((error as KgError).message).toContain(message);
    expect((error as KgError).message).not.toContain('\n');
  });
});
