// Seeded layout: reproducible bit for bit, sensitive to the seed, finite for every node, and strict about its settings.
import { describe, expect, it } from 'vitest';
import { InvalidSettingError } from '../../src/errors.js';
import { buildGraph } from '../../src/graph/build.js';
import { graphFromFile, graphToFile, serializeGraph } from '../../src/graph/serialize.js';
import { mulberry32 } from '../../src/random.js';
import {
  DEFAULT_LAYOUT_SETTINGS,
  autoIterations,
  computeCommunities,
  computeLayout,
  layoutGraph,
  nodeSize,
  resolveLayoutSettings,
  validateLayoutSettings,
} from '../../src/layout/index.js';
import type { DocumentExtraction } from '../../src/types.js';
import { BUILD_OPTIONS, EXTRACTIONS, EXTRACTION_A } from '../graph/fixtures.js';

const small = () => buildGraph(EXTRACTIONS, BUILD_OPTIONS);

// Isolated entities and a second component next to the fixture's connected graph.
const LONERS: DocumentExtraction = {
  document: { id: 'c-loners', language: 'en' },
  entities: ['kabul', 'brussels', 'inf-treaty', 'ssc-8'].map((key) => ({
    key,
    label: key,
    type: key === 'ssc-8' ? 'weapon' : key === 'inf-treaty' ? 'agreement' : 'location',
    aliases: [key],
    mentions: [],
  })),
  relations: [
    {
      subject: 'ssc-8',
      relation: 'violates',
      object: 'inf-treaty',
      confidence: 0.7,
      negated: false,
      hypothetical: false,
      evidence: [{ document: 'c-loners', sentence: 's', start: 0, end: 1, trigger: 't', extractor: 'rules' }],
    },
  ],
};

describe('computeLayout', () => {
  it('gives identical files for the same seed', () => {
    const a = small();
    const b = small();
    layoutGraph.assign(a, { seed: 7 });
    layoutGraph.assign(b, { seed: 7 });
    expect(serializeGraph(b)).toBe(serializeGraph(a));
  });

  it('gives the same positions bit for bit, whatever order the graph was assembled in', () => {
    const file = graphToFile(small());
    const reversed = graphFromFile({ ...file, nodes: [...file.nodes].reverse(), edges: [...file.edges].reverse() });
    const a = computeLayout(graphFromFile(file), { seed: 3 });
    const b = computeLayout(reversed, { seed: 3 });
    for (const [key, node] of a) {
      expect(Object.is(b.get(key)!.x, node.x) && Object.is(b.get(key)!.y, node.y)).toBe(true);
    }
  });

  it('gives different positions for a different seed', () => {
    const a = computeLayout(small(), { seed: 1 });
    const b = computeLayout(small(), { seed: 2 });
    expect([...b.values()].map((n) => [n.x, n.y])).not.toEqual([...a.values()].map((n) => [n.x, n.y]));
  });

  it('places isolated nodes and separate components at finite, distinct positions', () => {
    const graph = buildGraph([...EXTRACTIONS, LONERS], BUILD_OPTIONS);
    const layout = computeLayout(graph);
    expect([...layout.keys()]).toEqual(graph.nodes().sort());
    for (const node of layout.values()) {
      expect(Number.isFinite(node.x) && Number.isFinite(node.y) && Number.isFinite(node.size)).toBe(true);
    }
    const positions = new Set([...layout.values()].map((n) => `${n.x},${n.y}`));
    expect(positions.size).toBe(layout.size);
  });

  it('lays out a single node and an empty graph', () => {
    const one = buildGraph([{ ...LONERS, relations: [], entities: LONERS.entities.slice(0, 1) }], BUILD_OPTIONS);
    const node = computeLayout(one).get('kabul')!;
    expect(Number.isFinite(node.x) && Number.isFinite(node.y)).toBe(true);
    expect(computeLayout(buildGraph([], BUILD_OPTIONS)).size).toBe(0);
  });

  it('does not modify the graph; assign writes positions, sizes and colours', () => {
    const graph = small();
    const before = serializeGraph(graph);
    const layout = computeLayout(graph);
    expect(serializeGraph(graph)).toBe(before);
    layoutGraph.assign(graph);
    expect(graph.getNodeAttributes('nato')).toMatchObject(layout.get('nato')!);
    expect(layoutGraph(graph)).toEqual(layout);
  });

  it('sizes nodes by mentions or by degree, with colours by type', () => {
    const byMentions = computeLayout(small(), { sizeBy: 'mentions' });
    expect(byMentions.get('nato')).toMatchObject({ size: 4 + 3 * 3, color: '#1f77b4' });
    expect(byMentions.get('jens-stoltenberg')).toMatchObject({ size: 7, color: '#d62728' });
    const byDegree = computeLayout(small(), { sizeBy: 'degree' });
    // nato has five edges (leads in, supports and trains out, criticizes and supports in).
    expect(byDegree.get('nato')!.size).toBe(4 + 3 * Math.sqrt(5));
    expect(byDegree.get('jens-stoltenberg')!.size).toBe(7);
  });

  it('uses the evidence weight of edges, and nothing else of them', () => {
    const positions = (change: (g: ReturnType<typeof small>) => void) => {
      const graph = small();
      change(graph);
      return [...computeLayout(graph).values()].map((n) => [n.x, n.y]);
    };
    const base = positions(() => {});
    // FA2 weighs both attraction and mass (weighted degree) by it, so the picture changes as a whole.
    expect(positions((g) => g.setEdgeAttribute('united-states->supports->nato', 'weight', 5))).not.toEqual(base);
    expect(positions((g) => g.setEdgeAttribute('united-states->supports->nato', 'confidence', 0.1))).toEqual(base);
  });
});

describe('a picture a reader can read', () => {
  const extentOf = (layout: Map<string, { x: number; y: number }>) => {
    const xs = [...layout.values()].map((p) => p.x);
    const ys = [...layout.values()].map((p) => p.y);
    return Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  };

  it('leaves room for every label at the default view, and room for relation names between related entities', () => {
    const graph = buildGraph([...EXTRACTIONS, LONERS], BUILD_OPTIONS);
    const layout = computeLayout(graph);
    // The picture fitted into 700 px: a label takes 7 px a character, half of it on each side of the gap.
    const perPx = extentOf(layout) / 700;
    const keys = [...layout.keys()];
    const room = (k: string) => layout.get(k)!.size + (Math.min(24, graph.getNodeAttribute(k, 'label').length) * 7) / 2;
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const [a, b] = [layout.get(keys[i]!)!, layout.get(keys[j]!)!];
        const d = Math.hypot(a.x - b.x, a.y - b.y) / perPx;
        expect(d, `${keys[i]} and ${keys[j]}`).toBeGreaterThan(0.8 * (room(keys[i]!) + room(keys[j]!)));
      }
    }
    graph.forEachEdge((edge, _attrs, source, target) => {
      const [a, b] = [layout.get(source)!, layout.get(target)!];
      expect(Math.hypot(a.x - b.x, a.y - b.y) / perPx, edge).toBeGreaterThan(0.8 * 150);
    });
  });

  it('numbers communities found by Louvain, seeded, in the order of their first node', () => {
    const graph = buildGraph([...EXTRACTIONS, LONERS], BUILD_OPTIONS);
    const a = computeCommunities(graph, 42);
    expect(computeCommunities(graph, 42)).toEqual(a);
    // The fixture's connected entities against the loners' own component and isolated ones.
    expect(a.get('ssc-8')).toBe(a.get('inf-treaty'));
    expect(a.get('ssc-8')).not.toBe(a.get('nato'));
    expect(a.get('kabul')).not.toBe(a.get('brussels'));
    const order = [...a.keys()].sort();
    const firstSeen: number[] = [];
    for (const k of order) if (!firstSeen.includes(a.get(k)!)) firstSeen.push(a.get(k)!);
    expect(firstSeen).toEqual(firstSeen.map((_, i) => i));
    expect(computeLayout(graph).get('nato')!.community).toBe(a.get('nato'));
  });
});

describe('node sizes and iterations', () => {
  it.each([
    [0, 4],
    [1, 7],
    [4, 10],
    [100, 30],
    [1e6, 30],
  ])('nodeSize(%d) = %d', (count, size) => {
    expect(nodeSize(count)).toBe(size);
  });

  it.each([
    [1, 500],
    [100, 500],
    [101, 300],
    [2000, 100],
    [2001, 60],
    [10001, 40],
  ])('autoIterations(%d) = %d', (order, iterations) => {
    expect(autoIterations(order)).toBe(iterations);
  });

  it('mulberry32 is a deterministic stream in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(values);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBe(1000);
    expect(mulberry32(43)()).not.toBe(values[0]);
  });
});

describe('layout settings', () => {
  it('resolves to the defaults, ignoring undefined values', () => {
    expect(resolveLayoutSettings()).toEqual({ seed: 42, iterations: 'auto', sizeBy: 'mentions' });
    expect(resolveLayoutSettings({ seed: undefined, iterations: 20 })).toEqual({ ...DEFAULT_LAYOUT_SETTINGS, iterations: 20 });
  });

  const table: Array<{ name: string; input: Record<string, unknown>; message: string }> = [
    {
      name: 'negative seed',
      input: { seed: -1 },
      message: 'invalid `seed` setting: expected an integer between 0 and 4294967295, got -1',
    },
    {
      name: 'fractional seed',
      input: { seed: 1.5 },
      message: 'invalid `seed` setting: expected an integer between 0 and 4294967295, got 1.5',
    },
    {
      name: 'seed as a string',
      input: { seed: '42' },
      message: 'invalid `seed` setting: expected an integer between 0 and 4294967295, got "42"',
    },
    {
      name: 'zero iterations',
      input: { iterations: 0 },
      message: 'invalid `iterations` setting: expected "auto" or an integer between 1 and 100000, got 0',
    },
    {
      name: 'too many iterations',
      input: { iterations: 100001 },
      message: 'invalid `iterations` setting: expected "auto" or an integer between 1 and 100000, got 100001',
    },
    {
      name: 'unknown sizeBy',
      input: { sizeBy: 'pagerank' },
      message: 'invalid `sizeBy` setting: expected one of mentions, degree, got "pagerank"',
    },
    {
      name: 'unknown setting',
      input: { seeed: 7 },
      message: 'invalid `seeed` setting: expected one of the layout settings seed, iterations, sizeBy, got 7',
    },
  ];
  for (const { name, input, message } of table) {
    it(`rejects ${name}`, () => {
      const merged = { ...DEFAULT_LAYOUT_SETTINGS, ...input };
      expect(() => validateLayoutSettings(merged)).toThrow(InvalidSettingError);
      expect(() => validateLayoutSettings(merged)).toThrow(message);
      expect(() => resolveLayoutSettings(input as never)).toThrow(message);
      expect(() => computeLayout(buildGraph([EXTRACTION_A], BUILD_OPTIONS), input as never)).toThrow(message);
    });
  }

  it('reports the INVALID_SETTING code', () => {
    expect(() => validateLayoutSettings({ ...DEFAULT_LAYOUT_SETTINGS, seed: -1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_SETTING' }),
    );
  });
});
