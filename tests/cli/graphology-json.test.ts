// JSON graphs written by graphology itself (`graph.export()`), not by kg: every command that takes a graph reads
// them, filling in what they lack with one counted warning per kind; a graph that is not one is still refused.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Graph from 'graphology';
import { kg, tempDir } from './helpers.js';

function plainGraph(): string {
  const g = new Graph({ multi: true, type: 'mixed', allowSelfLoops: true });
  g.addNode('n1', { label: 'Oslo', type: 'location', color: 'green', modularity_class: 2 });
  g.addNode('n2', { label: 'Norway', type: 'country', x: 1, y: 2, size: 5 });
  g.addNode('n3');
  g.addDirectedEdgeWithKey('e1', 'n1', 'n2', { relation: 'located_in' });
  g.addDirectedEdgeWithKey('e2', 'n1', 'n2', { label: 'capital of' });
  g.addDirectedEdgeWithKey('e3', 'n1', 'n2', { label: 'capital of' });
  g.addUndirectedEdgeWithKey('e4', 'n2', 'n3', { weight: 3 });
  g.addDirectedEdgeWithKey('e5', 'n3', 'n3');
  return JSON.stringify(g.export());
}

describe('graphology JSON from other programs', () => {
  it('is read by export and stats with defaults and counted warnings', () => {
    const dir = tempDir();
    const input = join(dir, 'plain.json');
    writeFileSync(input, plainGraph());
    const out = kg(['export', input, '-o', join(dir, 'out.json')]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr.split('\n').filter((l) => l.includes('warning'))).toEqual([
      `kg: ${input}: warning: 1 JSON graph not written by kg: what it lacks filled in with defaults`,
      `kg: ${input}: warning: 1 colours written as CSS names, #rgb or rgb() read as #rrggbb`,
      `kg: ${input}: warning: 2 edges whose relation is not in the ontology read as \`related\`, their own name kept as the label`,
      `kg: ${input}: warning: 1 parallel edges of one relation between the same nodes kept apart (key suffix #2, #3, ...)`,
      `kg: ${input}: warning: 2 edges without a relation read as \`related\``,
    ]);
    const file = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as {
      options: unknown;
      attributes: { name: string };
      nodes: { key: string; attributes: { label: string; type: string; color: string; x: number; size: number; modularity_class?: number } }[];
      edges: { key: string; source: string; target: string; undirected?: boolean; attributes: { relation: string; label: string; weight: number } }[];
    };
    expect(file.attributes.name).toBe('plain');
    expect(file.options).toEqual({ type: 'mixed', multi: true, allowSelfLoops: true });
    expect(file.nodes[0]!.attributes.modularity_class).toBe(2);
    expect(file.nodes.map((n) => [n.key, n.attributes.label, n.attributes.type, n.attributes.color])).toEqual([
      ['n1', 'Oslo', 'location', '#008000'],
      ['n2', 'Norway', 'country', '#2ca02c'],
      ['n3', 'n3', 'other', '#7f7f7f'],
    ]);
    expect(file.nodes[1]!.attributes.x).toBe(1);
    expect(file.nodes[1]!.attributes.size).toBe(5);
    expect(file.edges.map((e) => [e.key, e.source, e.target, e.undirected ?? false, e.attributes.label, e.attributes.weight])).toEqual([
      ['n1->located_in->n2', 'n1', 'n2', false, 'located in', 1],
      ['n1->related->n2', 'n1', 'n2', false, 'capital of', 1],
      ['n1->related->n2#2', 'n1', 'n2', false, 'capital of', 1],
      ['n2--related--n3', 'n2', 'n3', true, 'related', 3],
      ['n3->related->n3', 'n3', 'n3', false, 'related', 1],
    ]);
    const stats = kg(['stats', input, '--json']);
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ nodes: 3, edges: 5 });
  });

  it('round-trips through JSON, GEXF and GraphML with its self-loop, parallel and undirected edges and its own attributes', () => {
    const dir = tempDir();
    const input = join(dir, 'plain.json');
    const g = new Graph({ multi: true, type: 'mixed', allowSelfLoops: true });
    g.addNode('a', { label: 'Alpha', modularity_class: 3, tooltip: 'Oslo Gardermoen', weights: [1, 2] });
    g.addNode('b', { label: 'Beta', pagerank: 0.25, hub: true });
    g.addDirectedEdgeWithKey('e1', 'a', 'b', { label: 'flies to', airline: 'SK' });
    g.addDirectedEdgeWithKey('e2', 'a', 'b', { label: 'flies to', airline: 'DY' });
    g.addUndirectedEdgeWithKey('e3', 'b', 'a', { relation: 'cooperates_with', since: 1994 });
    g.addDirectedEdgeWithKey('e4', 'b', 'b', { relation: 'meets' });
    writeFileSync(input, JSON.stringify(g.export()));
    const json = join(dir, 'g.json');
    expect(kg(['export', input, '-o', json, '--no-layout']).code).toBe(0);
    const text = readFileSync(json, 'utf8');
    const file = JSON.parse(text) as { nodes: Array<{ attributes: Record<string, unknown> }>; edges: Array<{ key: string; attributes: Record<string, unknown> }> };
    expect(file.nodes[0]!.attributes).toMatchObject({ label: 'Alpha', modularity_class: 3, tooltip: 'Oslo Gardermoen', weights: [1, 2] });
    expect(file.nodes[1]!.attributes).toMatchObject({ pagerank: 0.25, hub: true });
    expect(file.edges.map((e) => [e.key, e.attributes.airline ?? e.attributes.since ?? null])).toEqual([
      ['a--cooperates_with--b', 1994],
      ['a->related->b', 'SK'],
      ['a->related->b#2', 'DY'],
      ['b->meets->b', null],
    ]);
    // graphology itself takes the file back as the graph it describes.
    const back = Graph.from(JSON.parse(text));
    expect([back.type, back.multi, back.allowSelfLoops, back.order, back.size, back.undirectedSize, back.selfLoopCount]).toEqual(['mixed', true, true, 2, 4, 1, 1]);
    for (const format of ['gexf', 'graphml']) {
      const out = join(dir, `g.${format}`);
      expect(kg(['export', json, '-o', out]).code).toBe(0);
      const again = join(dir, `from-${format}.json`);
      const r = kg(['export', out, '-o', again, '--no-layout']);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(again, 'utf8'), format).toBe(text);
    }
  });

  it('is refused when it is not a graph, every problem at once, and kg\'s own files stay strict', () => {
    const dir = tempDir();
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ nodes: [{ attributes: {} }, { key: 'a' }], edges: [{ source: 'a' }] }));
    const r = kg(['export', broken, '-o', join(dir, 'x.gexf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kg: ${broken}: not a graph: node 0 has no key; edge 0 has no source or target\n`);
    const missing = join(dir, 'missing.json');
    writeFileSync(missing, JSON.stringify({ nodes: [{ key: 'a' }], edges: [{ source: 'a', target: 'b' }] }));
    const m = kg(['stats', missing]);
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/^kg: .*missing\.json: edge .*"b"/);
    // A file kg wrote that has been damaged is named as such, not adapted.
    const sample = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'graphs', 'nato-irak-2020.json'), 'utf8')) as { edges: { attributes: { relation: string } }[] };
    sample.edges[0]!.attributes.relation = 'befriends';
    const damaged = join(dir, 'damaged.json');
    writeFileSync(damaged, JSON.stringify(sample));
    const d = kg(['export', damaged, '-o', join(dir, 'd.gexf')]);
    expect(d.code).toBe(2);
    expect(d.stderr).toMatch(/^kg: .*damaged\.json: edge .*relation/);
  });
});
