// The graph file: byte-stable output equal to the golden file, a lossless round trip, and exact parse errors.
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { KgError } from '../../src/errors.js';
import { buildGraph } from '../../src/graph/build.js';
import { graphFromFile, graphToFile, parseGraphFile, serializeGraph } from '../../src/graph/serialize.js';
import { layoutGraph } from '../../src/layout/index.js';
import { BUILD_OPTIONS, EXTRACTIONS } from './fixtures.js';
import { expectGolden } from './golden.js';

function smallGraph() {
  const graph = buildGraph(EXTRACTIONS, BUILD_OPTIONS);
  layoutGraph.assign(graph);
  return graph;
}

describe('serializeGraph', () => {
  it('gives identical bytes twice and matches the golden file', () => {
    const first = serializeGraph(smallGraph());
    const second = serializeGraph(smallGraph());
    expect(second).toBe(first);
    expectGolden('small-graph.json', first);
  });

  it('writes attribute keys in the fixed order whatever order they were set in', () => {
    const graph = smallGraph();
    graph.forEachNode((key) => graph.removeNodeAttribute(key, 'community'));
    const text = serializeGraph(graph);
    graph.updateEachNodeAttributes((_, a) => {
      const { color, size, y, x, mentions, aliases, type, label, ...rest } = a;
      return { color, size, y, x, mentions, aliases, type, label, ...rest };
    });
    graph.setNodeAttribute('nato', 'community', 2);
    graph.removeNodeAttribute('nato', 'community');
    expect(serializeGraph(graph)).toBe(text);
    expect(Object.keys(graphToFile(graph).nodes[2].attributes)).toEqual([
      'label', 'type', 'aliases', 'mentions', 'wikidata', 'x', 'y', 'size', 'color',
    ]);
  });

  it('puts community last, rounds to 4 decimals and never writes -0', () => {
    const graph = smallGraph();
    graph.mergeNodeAttributes('nato', { x: 1.234567, y: -0.00001, size: 2.00004, community: 3 });
    graph.setEdgeAttribute('nato->trains->iraq', 'confidence', 0.912345);
    const file = graphToFile(graph);
    const nato = file.nodes.find((n) => n.key === 'nato')!.attributes;
    expect(Object.keys(nato).at(-1)).toBe('community');
    expect([nato.x, nato.y, nato.size]).toEqual([1.2346, 0, 2]);
    expect(Object.is(nato.y, -0)).toBe(false);
    expect(file.edges.find((e) => e.key === 'nato->trains->iraq')!.attributes.confidence).toBe(0.9123);
  });

  it('refuses a non-finite coordinate', () => {
    const graph = smallGraph();
    graph.setNodeAttribute('iraq', 'x', Number.NaN);
    expect(() => serializeGraph(graph)).toThrow('node "iraq": coordinate or size is not a finite number: NaN');
  });

  it('round-trips through parseGraphFile and graphFromFile byte for byte', () => {
    const text = serializeGraph(smallGraph());
    expect(serializeGraph(graphFromFile(parseGraphFile(text, 'small-graph.json')))).toBe(text);
  });

  it('is loadable by plain graphology (Graph.from)', () => {
    const text = serializeGraph(smallGraph());
    const graph = MultiDirectedGraph.from(JSON.parse(text));
    expect(graph.order).toBe(4);
    expect(graph.size).toBe(6);
    expect(graph.getEdgeAttribute('nato->trains->iraq', 'weight')).toBe(3);
  });
});

describe('parseGraphFile', () => {
  const valid = () => JSON.parse(serializeGraph(smallGraph()));
  const table: Array<{ name: string; input: () => string; message: string }> = [
    { name: 'not JSON', input: () => '{"nodes": [', message: 'not a graph file: not valid JSON' },
    { name: 'empty text', input: () => '', message: 'not a graph file: not valid JSON' },
    { name: 'an array', input: () => '[1, 2]', message: 'not a graph file: expected a JSON object, got [1,2]' },
    { name: 'missing nodes', input: () => '{"edges": []}', message: 'not a graph file: missing "nodes" array' },
    {
      name: 'nodes not an array',
      input: () => JSON.stringify({ ...valid(), nodes: {} }),
      message: 'not a graph file: missing "nodes" array',
    },
    { name: 'missing edges', input: () => '{"nodes": []}', message: 'not a graph file: missing "edges" array' },
    {
      name: 'directed edges under undirected options',
      input: () => JSON.stringify({ ...valid(), options: { type: 'undirected', multi: true, allowSelfLoops: false } }),
      message: 'edge 0 ("jens-stoltenberg->leads->nato"): a directed edge in an undirected graph (`undirected: true` missing)',
    },
    {
      name: 'unknown graph type',
      input: () => JSON.stringify({ ...valid(), options: { type: 'bipartite', multi: true, allowSelfLoops: false } }),
      message: 'options: `type` must be one of directed, undirected, mixed, got "bipartite"',
    },
    {
      name: 'an undirected edge in a directed graph',
      input: () => {
        const file = valid();
        file.edges[1].undirected = true;
        return JSON.stringify(file);
      },
      message: 'edge 1 ("nato->supports->iraq"): an undirected edge in a directed graph',
    },
    {
      name: 'parallel edges in a simple graph',
      input: () => {
        const file = valid();
        file.options.multi = false;
        return JSON.stringify(file);
      },
      message: 'edge 2 ("nato->trains->iraq"): a second edge between "nato" and "iraq" in a graph whose options say multi: false',
    },
    {
      name: 'graph name missing',
      input: () => {
        const file = valid();
        delete file.attributes.name;
        return JSON.stringify(file);
      },
      message: 'attributes: `name` must be a string, got nothing',
    },
    {
      name: 'bad document language',
      input: () => {
        const file = valid();
        file.attributes.documents[1].language = 'de';
        return JSON.stringify(file);
      },
      message: 'document 1: `language` must be one of nb, nn, en, got "de"',
    },
    {
      name: 'bad entity type',
      input: () => {
        const file = valid();
        file.nodes[0].attributes.type = 'nation';
        return JSON.stringify(file);
      },
      message:
        'node "iraq": `type` must be one of person, organization, country, location, event, agreement, weapon, other, got "nation"',
    },
    {
      name: 'node without key',
      input: () => {
        const file = valid();
        delete file.nodes[1].key;
        return JSON.stringify(file);
      },
      message: 'node 1: `key` must be a string, got nothing',
    },
    {
      name: 'node without attributes',
      input: () => {
        const file = valid();
        delete file.nodes[1].attributes;
        return JSON.stringify(file);
      },
      message: 'node "jens-stoltenberg": missing "attributes" object',
    },
    {
      name: 'negative mentions',
      input: () => {
        const file = valid();
        file.nodes[2].attributes.mentions = -1;
        return JSON.stringify(file);
      },
      message: 'node "nato": `mentions` must be an integer >= 0, got -1',
    },
    {
      name: 'colour not #rrggbb',
      input: () => {
        const file = valid();
        file.nodes[2].attributes.color = 'blue';
        return JSON.stringify(file);
      },
      message: 'node "nato": `color` must be a colour written #rrggbb, got "blue"',
    },
    {
      name: 'x not a number',
      input: () => {
        const file = valid();
        file.nodes[3].attributes.x = '12';
        return JSON.stringify(file);
      },
      message: 'node "united-states": `x` must be a finite number, got "12"',
    },
    {
      name: 'duplicate node',
      input: () => {
        const file = valid();
        file.nodes.push(file.nodes[0]);
        return JSON.stringify(file);
      },
      message: 'node "iraq": duplicate key',
    },
    {
      name: 'dangling edge',
      input: () => {
        const file = valid();
        file.edges[0].source = 'ghost';
        return JSON.stringify(file);
      },
      message: 'edge 0 ("jens-stoltenberg->leads->nato"): source "ghost" is not a node',
    },
    {
      name: 'dangling target',
      input: () => {
        const file = valid();
        file.edges[3].target = 'ghost';
        return JSON.stringify(file);
      },
      message: 'edge 3 ("united-states->criticizes->nato"): target "ghost" is not a node',
    },
    {
      name: 'self-loop',
      input: () => {
        const file = valid();
        file.edges[1].target = 'nato';
        return JSON.stringify(file);
      },
      message: 'edge 1 ("nato->supports->iraq"): self-loop on "nato" (the graph\'s options do not allow self-loops)',
    },
    {
      name: 'unknown relation',
      input: () => {
        const file = valid();
        file.edges[2].attributes.relation = 'likes';
        return JSON.stringify(file);
      },
      message: `edge 2 ("nato->trains->iraq"): \`relation\` must be one of trains, supports, negotiates_with, meets, cooperates_with, agrees_with, invites, deployed_in, withdraws_from, demands, criticizes, rejects, threatens, sanctions, violates, fights, attacks, expels, deploys, leads, member_of, located_in, related, got "likes"`,
    },
    {
      name: 'confidence above 1',
      input: () => {
        const file = valid();
        file.edges[2].attributes.confidence = 1.5;
        return JSON.stringify(file);
      },
      message: 'edge 2 ("nato->trains->iraq"): `confidence` must be a number between 0 and 1, got 1.5',
    },
    {
      name: 'bad evidence offset',
      input: () => {
        const file = valid();
        file.edges[2].attributes.evidence[1].start = -4;
        return JSON.stringify(file);
      },
      message: 'edge 2 ("nato->trains->iraq"): evidence 1: `start` must be an integer >= 0, got -4',
    },
    {
      name: 'evidence ending before it starts',
      input: () => {
        const file = valid();
        file.edges[2].attributes.evidence[0].end = 3;
        return JSON.stringify(file);
      },
      message: 'edge 2 ("nato->trains->iraq"): evidence 0: `end` must be >= `start` (67), got 3',
    },
    {
      name: 'long values are shortened to keep the message on one line',
      input: () => {
        const file = valid();
        file.nodes[0].attributes.label = { text: 'x\n'.repeat(50) };
        return JSON.stringify(file);
      },
      message: 'node "iraq": `label` must be a string, got {"text":"x\\nx\\nx\\nx\\nx\\nx\\nx\\nx\\nx\\nx\\n…',
    },
  ];

  for (const { name, input, message } of table) {
    it(`rejects ${name}`, () => {
      let error: unknown;
      try {
        parseGraphFile(input(), 'graphs/x.json');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(KgError);
      expect(error).toMatchObject({ code: 'INVALID_GRAPH', where: 'graphs/x.json', message });
      expect((error as Error).message).not.toContain('\n');
    });
  }

  it('keeps node and edge attributes it does not know, after the known ones in name order, and drops unknown top-level keys', () => {
    const file = valid();
    file.nodes[0].attributes.zeta = [1, { a: 'b' }];
    file.nodes[0].attributes.highlighted = true;
    file.edges[0].attributes.tooltip = 'Oslo Gardermoen';
    file.extra = 1;
    const parsed = parseGraphFile(JSON.stringify(file), 'x.json');
    const keys = Object.keys(parsed.nodes[0].attributes);
    expect(keys.slice(-2)).toEqual(['highlighted', 'zeta']);
    expect(parsed.nodes[0].attributes).toMatchObject({ highlighted: true, zeta: [1, { a: 'b' }] });
    expect(parsed.edges[0].attributes).toMatchObject({ tooltip: 'Oslo Gardermoen' });
    expect(parsed).not.toHaveProperty('extra');
    // Written back in that order, byte for byte the same on a second pass.
    const text = serializeGraph(graphFromFile(parsed));
    expect(text).toContain('"highlighted": true');
    expect(serializeGraph(graphFromFile(parseGraphFile(text, 'y.json')))).toBe(text);
  });

  it('reads undirected and mixed graphs with self-loops when their options allow them, and writes the options back', () => {
    const file = valid();
    file.options = { type: 'mixed', multi: true, allowSelfLoops: true };
    file.edges[1].undirected = true;
    file.edges[2].target = file.edges[2].source;
    const parsed = parseGraphFile(JSON.stringify(file), 'x.json');
    const graph = graphFromFile(parsed);
    expect(graph.type).toBe('mixed');
    expect(graph.isUndirected(file.edges[1].key)).toBe(true);
    expect(graph.source(file.edges[2].key)).toBe(graph.target(file.edges[2].key));
    const back = JSON.parse(serializeGraph(graph));
    expect(back.options).toEqual({ type: 'mixed', multi: true, allowSelfLoops: true });
    expect(back.edges.filter((e: { undirected?: boolean }) => e.undirected === true).map((e: { key: string }) => e.key)).toEqual([file.edges[1].key]);
  });
});
