// The viewer's pure modules under Node: filters, emphasis, URL state, loading and validation, search, text helpers, layout convergence.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveEmphasis, diffSets } from '../../viewer/src/emphasis.js';
import { captionLayout, exportSize } from '../../viewer/src/export-image.js';
import { computeVisibility, filtersActive } from '../../viewer/src/filters.js';
import { relativeMovement } from '../../viewer/src/layout.js';
import { buildGraph, parseGraphText, resolveGraphUrl, type KnowledgeGraph } from '../../viewer/src/load.js';
import { relationColor } from '../../viewer/src/palette.js';
import { buildSearchIndex } from '../../viewer/src/search.js';
import { NO_FILTERS, sameFilters, type Filters } from '../../viewer/src/state.js';
import { foldForSearch, relationText, splitAroundTrigger } from '../../viewer/src/text.js';
import { decodeViewState, encodeViewState, EMPTY_URL_STATE } from '../../viewer/src/url-state.js';
import { RELATION_TYPES } from '../../src/types.js';
import type { Evidence, GraphFile } from '../../src/types.js';
import { evidenceSummary, groupEvidence } from '../../viewer/src/evidence.js';

const ROOT = join(import.meta.dirname, '..', '..');
// A copy of the sample graph as the word-order rules built it (its content is what these tests know; the
// committed graphs/ change whenever the extractor does).
const SAMPLE = readFileSync(join(ROOT, 'tests', 'fixtures', 'viewer', 'nato-irak-2020.json'), 'utf8');
const FIXTURE = readFileSync(join(ROOT, 'tests', 'fixtures', 'viewer', 'sample-graph.json'), 'utf8');

function graphOf(text: string): KnowledgeGraph {
  return buildGraph(parseGraphText(text, 'test.json')).graph;
}

const filters = (patch: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...patch });

describe('search', () => {
  const index = buildSearchIndex(graphOf(SAMPLE));
  it.each([
    { query: 'Irak', key: 'iraq' },
    { query: 'irakiske', key: 'iraq' },
    { query: 'IRÁK', key: 'iraq' },
    { query: 'nato', key: 'nato' },
    { query: 'stoltenberg', key: 'jens-stoltenberg' },
  ])('"$query" finds $key first', ({ query, key }) => {
    expect(index.search(query)[0]?.key).toBe(key);
  });

  it.each([
    ['Ærø Ålesund', 'aero alesund'],
    ['  ØRLAND  ', 'orland'],
    ['Straße', 'strasse'],
  ])('folds %j to %j', (text, folded) => expect(foldForSearch(text)).toBe(folded));
});

describe('text helpers', () => {
  it.each([
    { sentence: 'Natos treningsoppdrag i landet', trigger: 'treningsoppdrag', match: 'treningsoppdrag', before: 'Natos ' },
    { sentence: 'samtaler og samtalene', trigger: 'samtale', match: 'samtale', before: '' },
    { sentence: 'No trigger', trigger: 'absent', match: null, before: null },
  ])('splits "$sentence" around "$trigger"', ({ sentence, trigger, match, before }) => {
    const split = splitAroundTrigger(sentence, trigger);
    expect(split?.match ?? null).toBe(match);
    expect(split?.before ?? null).toBe(before);
  });

  it('makes relation ids readable', () => {
    expect(relationText({ relation: 'negotiates_with', label: 'negotiates_with' })).toBe('negotiates with');
    expect(relationText({ relation: 'trains', label: 'trener' })).toBe('trener');
  });

  it('gives every ontology relation its own colour and unknown ones grey', () => {
    const colours = RELATION_TYPES.map(relationColor);
    expect(new Set(colours).size).toBe(RELATION_TYPES.length);
    expect(colours.every((c) => /^#[0-9a-f]{6}$/.test(c))).toBe(true);
    expect(relationColor('made_up')).toBe('#9aa0a6');
    expect(relationColor('__proto__')).toBe('#9aa0a6');
  });
});

describe('loading', () => {
  it('keeps positions from the file as they are', () => {
    const { graph, placement } = buildGraph(parseGraphText(SAMPLE, 'sample.json'));
    const file = JSON.parse(SAMPLE) as GraphFile;
    expect(placement).toBe('file');
    for (const node of file.nodes) {
      expect(graph.getNodeAttributes(node.key)).toMatchObject({ x: node.attributes.x, y: node.attributes.y });
    }
  });

  it('lays out a small file without positions before the first frame, deterministically', () => {
    const file = JSON.parse(FIXTURE) as GraphFile;
    for (const node of file.nodes) Object.assign(node.attributes, { x: 0, y: 0 });
    const text = JSON.stringify(file);
    const a = buildGraph(parseGraphText(text, 'f.json'));
    const b = buildGraph(parseGraphText(text, 'f.json'));
    expect(a.placement).toBe('computed');
    expect(a.graph.getNodeAttributes('nato')).toEqual(b.graph.getNodeAttributes('nato'));
  });

  it('sizes the nodes of a file written without a layout by their mentions, and keeps sizes a layout gave', () => {
    const file = JSON.parse(FIXTURE) as GraphFile;
    for (const node of file.nodes) Object.assign(node.attributes, { x: 0, y: 0, size: 1 });
    const { graph } = buildGraph(parseGraphText(JSON.stringify(file), 'f.json'));
    for (const node of file.nodes) expect(graph.getNodeAttribute(node.key, 'size')).toBe(Math.min(30, 4 + 3 * Math.sqrt(node.attributes.mentions)));
    const laidOut = buildGraph(parseGraphText(FIXTURE, 'f.json')).graph;
    const original = JSON.parse(FIXTURE) as GraphFile;
    for (const node of original.nodes) expect(laidOut.getNodeAttribute(node.key, 'size')).toBe(node.attributes.size);
  });

  it.each([
    { name: 'not an object', input: '[]', error: 'not a graph file: expected a JSON object, got []' },
    { name: 'no nodes', input: '{}', error: 'not a graph file: missing "nodes" array' },
    { name: 'bad JSON', input: '{nodes', error: 'not a graph file: not valid JSON' },
    { name: 'an edge to a missing node', input: '{"nodes":[{"key":"a"}],"edges":[{"source":"a","target":"b"}]}', error: 'is not a node' },
    { name: 'text that is no graph', input: 'hello', error: 'cannot tell the format', name_: 'notes.txt' },
  ])('refuses $name as kg does', ({ input, error, name_ }) => {
    expect(() => parseGraphText(input, name_ ?? 'x.json')).toThrow(error);
  });

  it('reads what kg reads, with the same adaptations counted: graphology JSON, GEXF and GraphML', () => {
    const warnings = new Map<string, number>();
    const file = parseGraphText(JSON.stringify({ nodes: [{ key: 'a', attributes: { type: 'spaceship', color: 'red' } }, { key: 'b' }], edges: [{ source: 'a', target: 'b' }] }), 'g.json', warnings);
    expect(file.nodes[0]!.attributes).toMatchObject({ label: 'a', type: 'other', color: '#ff0000' });
    expect([...warnings.keys()]).toContain('edges without a relation read as `related`');
    // Documents listed in kg's shape are kept; one without a language kg knows is left out, counted.
    const listed = new Map<string, number>();
    const withDocs = parseGraphText(JSON.stringify({ attributes: { documents: [{ id: 'd1', language: 'en', title: 'T' }, { id: 'd2' }] }, nodes: [{ key: 'a' }] }), 'd.json', listed);
    expect(withDocs.attributes.documents).toEqual([{ id: 'd1', language: 'en', title: 'T' }]);
    expect(listed.get('listed documents without an id or a language kg knows left out')).toBe(1);
    const gexf = parseGraphText('<gexf version="1.3"><graph defaultedgetype="directed"><nodes><node id="x" label="X"/><node id="y"/></nodes><edges><edge source="x" target="y" kind="trains"/></edges></graph></gexf>', 'g.gexf');
    expect(gexf.edges.map((e) => e.key)).toEqual(['x->trains->y']);
    const graphml = parseGraphText('<graphml><graph edgedefault="undirected"><node id="p"/><node id="q"/><edge source="q" target="p"/></graph></graphml>', 'g.graphml');
    expect(graphml.edges).toMatchObject([{ key: 'p--related--q', undirected: true }]);
  });

  it.each([
    { query: '', path: '/graph.json' },
    { query: '?graph=graphs/x.json', path: '/graphs/x.json' },
    { query: '?graph=https://evil.example/x.json', error: true },
    { query: '?graph=//evil.example/x.json', error: true },
    { query: '?graph=javascript:alert(1)', error: true },
  ])('resolves the graph URL for "$query"', ({ query, path, error }) => {
    const run = (): URL => resolveGraphUrl(`http://127.0.0.1:8080/${query}`);
    if (error === true) expect(run).toThrow('relative path on this site');
    else expect(run().pathname).toBe(path);
  });
});

describe('filters', () => {
  const graph = graphOf(SAMPLE);
  const trains = 'nato->trains->iraq';

  it('hides nothing without filters, and counts everything', () => {
    const v = computeVisibility(graph, NO_FILTERS);
    expect(v.hiddenNodes.size + v.hiddenEdges.size).toBe(0);
    expect(v.visibleNodes).toBe(graph.order);
    expect(v.relations.get('trains')).toEqual({ visible: 1, total: 1 });
    expect(filtersActive(NO_FILTERS)).toBe(false);
  });

  it('hides a relation type', () => {
    const v = computeVisibility(graph, filters({ hiddenRelations: new Set(['trains']) }));
    expect([...v.hiddenEdges]).toEqual([trains]);
    expect(v.relations.get('trains')).toEqual({ visible: 0, total: 1 });
    expect(v.hiddenNodes.size).toBe(0);
  });

  it('hides an entity type with its relations', () => {
    const v = computeVisibility(graph, filters({ hiddenTypes: new Set(['organization']) }));
    expect(v.hiddenNodes.has('nato')).toBe(true);
    expect(v.hiddenEdges.has(trains)).toBe(true);
    expect(v.types.get('organization')?.visible).toBe(0);
  });

  it('hides relations below a minimum weight', () => {
    const v = computeVisibility(graph, filters({ minWeight: 3 }));
    expect(graph.filterEdges((e) => !v.hiddenEdges.has(e))).toEqual([trains]);
  });

  it('hides isolated entities, counting them either way', () => {
    const shown = computeVisibility(graph, NO_FILTERS);
    const hidden = computeVisibility(graph, filters({ hideIsolated: true }));
    expect(shown.isolated).toBeGreaterThan(0);
    expect(hidden.hiddenNodes.size).toBe(shown.isolated);
    expect(hidden.hiddenNodes.has('reuters')).toBe(true);
    expect(hidden.hiddenNodes.has('iraq')).toBe(false);
  });

  it('hides relations and entities found only in switched-off documents', () => {
    const g = graphOf(SAMPLE);
    g.mergeEdgeAttributes(trains, { evidence: [{ ...g.getEdgeAttribute(trains, 'evidence')[0]!, document: 'other' }] });
    const v = computeVisibility(g, filters({ hiddenDocuments: new Set(['nato-irak-2020']) }));
    expect(g.filterEdges((e) => !v.hiddenEdges.has(e))).toEqual([trains]);
    expect(v.hiddenNodes.has('jens-stoltenberg')).toBe(true);
    expect(v.hiddenNodes.has('nato')).toBe(false);
    expect(v.documents.get('other')).toEqual({ visible: 1, total: 1 });
  });

  it('hides an entity without relations when every document that names it is switched off, and keeps one without a document list', () => {
    const g = graphOf(SAMPLE);
    g.addNode('lonely-a', { ...g.getNodeAttributes('nato'), label: 'Lonely A', documents: ['doc-a'] });
    g.addNode('lonely-ab', { ...g.getNodeAttributes('nato'), label: 'Lonely AB', documents: ['doc-a', 'doc-b'] });
    g.addNode('old-file', { ...g.getNodeAttributes('nato'), label: 'Old file' });
    const a = computeVisibility(g, filters({ hiddenDocuments: new Set(['doc-a']) }));
    expect(['lonely-a', 'lonely-ab', 'old-file'].map((n) => a.hiddenNodes.has(n))).toEqual([true, false, false]);
    const both = computeVisibility(g, filters({ hiddenDocuments: new Set(['doc-a', 'doc-b']) }));
    expect(['lonely-a', 'lonely-ab', 'old-file'].map((n) => both.hiddenNodes.has(n))).toEqual([true, true, false]);
  });

  it('compares filters by content', () => {
    expect(sameFilters(filters({ hiddenTypes: new Set(['a', 'b']) }), filters({ hiddenTypes: new Set(['b', 'a']) }))).toBe(true);
    expect(sameFilters(filters({ minWeight: 2 }), NO_FILTERS)).toBe(false);
  });
});

describe('emphasis', () => {
  const graph = graphOf(SAMPLE);
  const none = new Set<string>();

  it('puts a hovered node forward with its relations and neighbours', () => {
    const e = deriveEmphasis(graph, { hoveredNode: 'iraq', selection: null }, none, none);
    expect(e.active).toBe(true);
    expect([...e.nodes].sort()).toEqual(['iraq', 'nato']);
    expect(e.edges.size).toBe(4);
    expect(e.highlightNode).toBeNull();
  });

  it('prefers the hovered node over the selected one, and keeps the selection highlighted', () => {
    const e = deriveEmphasis(graph, { hoveredNode: 'russia', selection: { kind: 'node', key: 'iraq' } }, none, none);
    expect(e.nodes.has('russia')).toBe(true);
    expect(e.nodes.has('iraq')).toBe(false);
    expect(e.highlightNode).toBe('iraq');
  });

  it('shows a selected relation with its two ends', () => {
    const e = deriveEmphasis(graph, { hoveredNode: null, selection: { kind: 'edge', key: 'nato->trains->iraq' } }, none, none);
    expect([...e.nodes].sort()).toEqual(['iraq', 'nato']);
    expect([...e.edges]).toEqual(['nato->trains->iraq']);
  });

  it('never lights up hidden items', () => {
    const e = deriveEmphasis(graph, { hoveredNode: 'iraq', selection: null }, none, new Set(['nato->trains->iraq']));
    expect(e.edges.has('nato->trains->iraq')).toBe(false);
    expect(deriveEmphasis(graph, { hoveredNode: 'iraq', selection: null }, new Set(['iraq']), none).active).toBe(false);
  });

  it('diffs sets', () => {
    expect(diffSets(new Set(['a', 'b']), new Set(['b', 'c']))).toEqual({ on: ['c'], off: ['a'] });
  });
});

describe('URL view state', () => {
  it('round-trips a full state', () => {
    const state = {
      selection: { kind: 'edge' as const, key: 'nato->trains->iraq' },
      search: 'Irak & co',
      camera: { x: 0.5, y: 0.25, ratio: 0.125 },
      filters: filters({ hiddenTypes: new Set(['person']), hiddenRelations: new Set(['trains', 'meets']), hiddenDocuments: new Set(['d,1']), minWeight: 2, hideIsolated: true }),
    };
    const decoded = decodeViewState(`#${encodeViewState(state)}`);
    expect(decoded.selection).toEqual(state.selection);
    expect(decoded.search).toBe(state.search);
    expect(decoded.camera).toEqual(state.camera);
    expect(sameFilters(decoded.filters, state.filters)).toBe(true);
  });

  it('writes nothing for the default state', () => {
    expect(encodeViewState(EMPTY_URL_STATE)).toBe('');
  });

  it.each(['camera=1,2', 'camera=a,b,c', 'camera=0,0,-1', 'min-weight=-4', 'min-weight=1e9', 'node=', '%E0%A4%A'])('ignores malformed %j', (fragment) => {
    const decoded = decodeViewState(fragment);
    expect(decoded.camera).toBeNull();
    expect(decoded.filters.minWeight).toBe(1);
    expect(decoded.selection).toBeNull();
  });
});

describe('layout convergence and image size', () => {
  it('measures movement relative to the extent of the layout', () => {
    const before = new Float64Array([0, 0, 100, 0, 0, 100]);
    expect(relativeMovement(before, before)).toBe(0);
    expect(relativeMovement(before, new Float64Array([1, 0, 101, 0, 1, 100]))).toBeCloseTo(0.01);
  });

  it.each([
    { w: 1000, h: 600, scale: 2, out: { width: 2000, height: 1200 } },
    { w: 4000, h: 1000, scale: 4, out: { width: 8192, height: 2048 } },
  ])('exports $w×$h at $scale× as $out.width×$out.height', ({ w, h, scale, out }) => {
    expect(exportSize(w, h, scale)).toMatchObject(out);
  });
});

describe('evidence counted as a reader counts it', () => {
  const item = (document: string, sentence: string, start: number, trigger = 'trener'): Evidence => ({ document, sentence, start, end: start + 6, trigger, extractor: 'tree' });
  it('shows one sentence found by two triggers, or in two copies of an article, once with its count', () => {
    const evidence = [
      item('a', 'Nato trener irakiske soldater.', 5),
      item('a', 'Nato trener irakiske soldater.', 12, 'soldater'),
      item('b', 'Nato  trener irakiske soldater. ', 5),
      item('b', 'Nato støtter Irak.', 40, 'støtter'),
    ];
    const groups = groupEvidence(evidence);
    expect(groups.map((g) => [g.first.sentence, g.count, g.documents])).toEqual([
      ['Nato trener irakiske soldater.', 3, ['a', 'b']],
      ['Nato støtter Irak.', 1, ['b']],
    ]);
    expect(evidenceSummary(evidence)).toBe('2 sentences in 2 documents');
    expect(evidenceSummary(evidence.slice(0, 2))).toBe('1 sentence');
    expect(evidenceSummary([])).toBe('0 sentences');
  });
});

describe('the caption of an exported picture', () => {
  it('puts the title at the top left and one legend line per entity type at the bottom left', () => {
    const layout = captionLayout({ title: 'nato', legend: [{ label: 'country', color: '#2ca02c' }, { label: 'person', color: '#d62728' }] }, 600);
    expect(layout.title).toEqual({ x: 12, y: 24 });
    expect(layout.legend).toEqual([
      { label: 'country', color: '#2ca02c', x: 12, y: 565 },
      { label: 'person', color: '#d62728', x: 12, y: 583 },
    ]);
  });
});
