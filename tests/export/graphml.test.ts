// GraphML export and import: declared keys, golden output, files from yEd and networkx, refusals.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KgError } from '../../src/errors.js';
import { fromGraphml, toGraphml } from '../../src/export/graphml.js';
import { graphFromFile, parseGraphFile, serializeGraph } from '../../src/graph/serialize.js';
import { TYPE_COLORS, type GraphFile } from '../../src/types.js';
import { ROOT, expectGolden, readGolden } from '../graph/golden.js';
import { withXmllint, xpath } from './xmllint.js';

const file = (): GraphFile => parseGraphFile(readGolden('small-graph.json'), 'small-graph.json');
const json = (f: GraphFile): string => serializeGraph(graphFromFile(f));
const fixture = (name: string): string => readFileSync(resolve(ROOT, 'tests/fixtures/export', name), 'utf8');

describe('toGraphml', () => {
  it('matches the golden file and is deterministic', () => {
    const graphml = toGraphml(file());
    expect(toGraphml(file())).toBe(graphml);
    expectGolden('small-graph.graphml', graphml);
  });

  it('declares a key for every data element it writes, with a name and a type', () => {
    const graphml = toGraphml(file());
    const declared = new Set([...graphml.matchAll(/<key id="([^"]+)" for="(graph|node|edge)" attr\.name="[^"]+" attr\.type="(string|int|double|boolean)"\/>/g)].map((m) => m[1]));
    const used = new Set([...graphml.matchAll(/<data key="([^"]+)">/g)].map((m) => m[1]));
    expect([...used].filter((k) => !declared.has(k))).toEqual([]);
    expect(declared.size).toBe((graphml.match(/<key /g) ?? []).length);
  });

  withXmllint('keeps awkward text readable for an XML parser', () => {
    const f = file();
    f.nodes[0].attributes.label = 'Iraq "Republic" & <co>\nline two 😀 العراق\u0001';
    const graphml = toGraphml(f);
    expect(xpath(graphml, 'string(//*[local-name()="node"][@id="iraq"]/*[@key="n_label"])')).toBe('Iraq "Republic" & <co>\nline two 😀 العراق');
  });

  it('writes r, g, b next to the colour, for Gephi', () => {
    const graphml = toGraphml(file());
    expect(graphml).toContain('<data key="n_color">#1f77b4</data>');
    expect(graphml).toContain('<data key="n_r">31</data>');
  });
});

describe('fromGraphml', () => {
  it('reads back exactly the graph it was written from', () => {
    expect(json(fromGraphml(toGraphml(file()), 'g.graphml'))).toBe(json(file()));
  });

  it('reads a file written by networkx (d0… keys, no edge relation label)', () => {
    const g = fromGraphml(fixture('networkx.graphml'), 'networkx.graphml');
    expect(g.nodes.map((n) => [n.key, n.attributes.label, n.attributes.type, n.attributes.x, n.attributes.y])).toEqual([
      ['united-states', 'United States', 'country', 1.5, -2.25],
      ['taliban', 'Taliban', 'organization', -3, 4],
    ]);
    expect(g.edges).toEqual([
      {
        key: 'united-states->negotiates_with->taliban',
        source: 'united-states',
        target: 'taliban',
        attributes: { relation: 'negotiates_with', label: 'negotiates with', weight: 2, confidence: 1, negated: false, hypothetical: false, evidence: [] },
      },
    ]);
  });

  it('reads a file written by yEd: labels, positions, box sizes and fill colours from its node graphics', () => {
    const g = fromGraphml(fixture('yed.graphml'), 'yed.graphml');
    expect(g.nodes.map((n) => n.attributes)).toEqual([
      { label: 'Jens Stoltenberg', type: 'person', aliases: [], mentions: 0, x: 115, y: 0, size: 15, color: '#d62728' },
      { label: 'NATO', type: 'organization', aliases: [], mentions: 0, x: 0, y: -100, size: 15, color: '#1f77b4' },
    ]);
    expect(g.edges.map((e) => e.key)).toEqual(['n0->leads->n1']);
  });

  it('reads yEd groups (the active realizer), box sizes and edge labels', () => {
    const y = 'xmlns:y="http://www.yworks.com/xml/graphml"';
    const shape = (label: string, w: number, h: number, x: number, yy: number) =>
      `<y:ShapeNode><y:Geometry height="${h}" width="${w}" x="${x}" y="${yy}"/><y:Fill color="#FFCC00"/><y:NodeLabel>${label}</y:NodeLabel></y:ShapeNode>`;
    const group = `<y:ProxyAutoBoundsNode><y:Realizers active="1"><y:GroupNode><y:Geometry height="50" width="50" x="0" y="0"/><y:NodeLabel>Closed</y:NodeLabel></y:GroupNode><y:GroupNode><y:Geometry height="80" width="160" x="10" y="20"/><y:Fill color="#F5F5F5"/><y:NodeLabel>Nordic states</y:NodeLabel></y:GroupNode></y:Realizers></y:ProxyAutoBoundsNode>`;
    const text = `<graphml ${y}><key id="g" for="node" yfiles.type="nodegraphics"/><key id="e" for="edge" yfiles.type="edgegraphics"/><graph edgedefault="directed">
      <node id="n0"><data key="g">${group}</data><graph id="n0:">
        <node id="n0::n0"><data key="g">${shape('Oslo', 30, 40, 100, 200)}</data></node>
        <node id="n0::n1"><data key="g">${shape('Stockholm', 60, 20, 300, 200)}</data></node>
      </graph></node>
      <edge id="e0" source="n0::n0" target="n0::n1"><data key="e"><y:PolyLineEdge><y:EdgeLabel>ferry to</y:EdgeLabel></y:PolyLineEdge></data></edge>
      <edge id="e1" source="n0::n1" target="n0"><data key="e"><y:PolyLineEdge><y:EdgeLabel>located in</y:EdgeLabel></y:PolyLineEdge></data></edge>
    </graph></graphml>`;
    const g = fromGraphml(text, 'groups.graphml');
    expect(g.nodes.map((n) => [n.key, n.attributes.label, n.attributes.x, n.attributes.y, n.attributes.size, n.attributes.color])).toEqual([
      ['n0', 'Nordic states', 90, -60, 80, '#f5f5f5'],
      ['n0::n0', 'Oslo', 115, -220, 20, '#ffcc00'],
      ['n0::n1', 'Stockholm', 330, -210, 30, '#ffcc00'],
    ]);
    expect(g.edges.map((e) => [e.key, e.attributes.label])).toEqual([
      ['n0::n0->related->n0::n1', 'ferry to'],
      ['n0::n1->located_in->n0', 'located in'],
    ]);
  });

  it('reads colours in any CSS form as #rrggbb, counting them', () => {
    const warnings = new Map<string, number>();
    const node = (id: string, c: string) => `<node id="${id}"><data key="c">${c}</data></node>`;
    const g = fromGraphml(
      `<graphml><key id="c" for="node" attr.name="color"/><graph>${node('a', 'green')}${node('b', 'rgb(255, 0, 10)')}${node('c', '#FA0')}${node('d', '#123456')}${node('e', 'reddish')}</graph></graphml>`,
      'c.graphml',
      warnings,
    );
    // "reddish" is no colour: the type's colour (type other) instead.
    expect(g.nodes.map((n) => n.attributes.color)).toEqual(['#008000', '#ff000a', '#ffaa00', '#123456', TYPE_COLORS.other]);
    expect([...warnings]).toEqual([
      ['colours written as CSS names, #rgb or rgb() read as #rrggbb', 3],
      ["colours that are no CSS colour replaced by the entity type's colour", 1],
    ]);
  });

  it.each([
    [
      'data for an undeclared key',
      '<graphml><graph><node id="a"><data key="nope">1</data></node></graph></graphml>',
      'not a valid GraphML file: node "a": <data> for undeclared key "nope"',
    ],
    ['no graph', '<graphml/>', 'no <graph> element'],
    ['another vocabulary', '<gexf version="1.3"/>', 'the root element is <gexf>, expected <graphml>'],
    [
      'a colour channel out of range',
      '<graphml><key id="r" for="node" attr.name="r"/><key id="g" for="node" attr.name="g"/><key id="b" for="node" attr.name="b"/><graph><node id="a"><data key="r">300</data><data key="g">0</data><data key="b">0</data></node></graph></graphml>',
      'colour channel r must be an integer 0..255',
    ],
    ['malformed XML', '<graphml><graph></graphml>', 'not valid XML'],
  ])('refuses %s with a one-line message naming the file', (_name, text, message) => {
    let error: unknown;
    try {
      fromGraphml(text, 'bad.graphml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KgError);
    expect((error as KgError).where).toBe('bad.graphml');
    expect((error as KgError).message).toContain(message);
    expect((error as KgError).message).not.toContain('\n');
  });
});
