// Tests of the eval scorer: one table row per rule of shared/eval/README.md, micro-averaging, reports.

import { describe, expect, it } from 'vitest';
import { scoreGraph, sumScores, formatEvalReport, toJsonReport, type FileScore, type Prf } from '../../src/eval/score.js';
import type { GoldFile } from '../../src/eval/gold.js';
import type { GraphFile } from '../../src/types.js';
import { ent, makeGold, makeGraph, rel } from './helpers.js';

const nato = ent('nato', ['NATO', 'Nato', 'North Atlantic Treaty Organization'], 'organization');
const iraq = ent('iraq', ['Iraq', 'Irak']);
const iraqGov = ent('iraq-gov', ['Iraks regjering', 'Government of Iraq'], 'organization', { mergeableInto: 'iraq' });
const russia = ent('russia', ['Russia', 'Russland']);
const usa = ent('usa', ['United States', 'USA']);
const taliban = ent('taliban', ['Taliban'], 'organization');

interface Row {
  name: string;
  graph: GraphFile;
  gold: GoldFile;
  pick: (s: FileScore) => unknown;
  expected: unknown;
}

const rounded = (p: Prf): Prf => ({ precision: round(p.precision), recall: round(p.recall), f1: round(p.f1) });
const round = (x: number) => Math.round(x * 1e9) / 1e9;
const entityCounts = (s: FileScore) => s.entities.counts;
const relationCounts = (s: FileScore) => s.relations.counts;

const rows: Row[] = [
  // ---- rule 1: entity matching ----
  {
    name: 'label equals a gold name (trimmed, case-insensitive for long names)',
    graph: makeGraph([['n', ' nato ', 'organization'], ['r', 'RUSSLAND']]),
    gold: makeGold([nato, russia]),
    pick: entityCounts,
    expected: { nodes: 2, matchedNodes: 2, typedMatchedNodes: 2, required: 2, found: 2, foundTyped: 2 },
  },
  {
    name: 'aliases are ignored when the label matches a gold entity',
    graph: makeGraph([['iraq', 'Iraq', 'country', ['Government of Iraq', 'Irak']]]),
    gold: makeGold([iraq, { ...iraqGov, mergeableInto: undefined }]),
    pick: (s) => ({ missed: s.entities.missed.map((m) => m.id), found: s.entities.counts.found }),
    expected: { missed: ['iraq-gov'], found: 1 },
  },
  {
    name: 'aliases are compared when the label matches no gold entity',
    graph: makeGraph([['g', 'Bagdad-regimet', 'organization', ['Iraks regjering']]]),
    gold: makeGold([iraq, { ...iraqGov, mergeableInto: undefined }]),
    pick: (s) => ({ missed: s.entities.missed.map((m) => m.id), unknown: s.entities.unknownNodes.length }),
    expected: { missed: ['iraq'], unknown: 0 },
  },
  {
    name: 'a node whose aliases name two unrelated gold entities matches both and is listed as ambiguous',
    graph: makeGraph([['x', 'Somebody', 'country', ['Irak', 'Russland']]]),
    gold: makeGold([iraq, russia]),
    pick: (s) => ({ found: s.entities.counts.found, matchedNodes: s.entities.counts.matchedNodes, ambiguous: s.entities.ambiguousNodes }),
    expected: {
      found: 2,
      matchedNodes: 1,
      ambiguous: [{ key: 'x', label: 'Somebody', type: 'country', gold: ['iraq', 'russia'] }],
    },
  },
  {
    name: 'names of at most three characters match case-sensitively ("AP" is not "Ap")',
    graph: makeGraph([
      ['ap', 'AP', 'organization'],
      ['labour', 'Ap', 'organization'],
      ['lower', 'ap', 'organization'],
      ['un', 'Fn', 'organization'],
    ]),
    gold: makeGold([
      ent('apnews', ['Associated Press', 'AP'], 'organization'),
      ent('labour', ['Arbeiderpartiet', 'Ap'], 'organization'),
      ent('un', ['FN'], 'organization', { required: false }),
    ]),
    pick: (s) => ({ unknown: s.entities.unknownNodes.map((n) => n.key), found: s.entities.counts.found }),
    expected: { unknown: ['lower', 'un'], found: 2 },
  },
  {
    name: 'the three-character limit is checked on the gold name: "NATO" also matches "Nato"',
    graph: makeGraph([['n', 'NATO', 'organization']]),
    gold: makeGold([ent('nato', ['Nato'], 'organization')]),
    pick: (s) => s.entities.counts.matchedNodes,
    expected: 1,
  },
  {
    name: 'names are compared after NFC normalisation (decomposed é), also short exact names',
    graph: makeGraph([
      ['msf', 'Me\u0301decins Sans Frontie\u0300res', 'organization'],
      ['be', 'Be\u0301', 'other'],
    ]),
    gold: makeGold([ent('msf', ['Médecins Sans Frontières'], 'organization'), ent('be', ['Bé'], 'other')]),
    pick: (s) => ({ matched: s.entities.counts.matchedNodes, found: s.entities.counts.found }),
    expected: { matched: 2, found: 2 },
  },
  // ---- rule 2: entity scores ----
  {
    name: 'precision counts nodes, recall counts required gold entities; optional matches are matched nodes',
    graph: makeGraph([['n', 'NATO', 'organization'], ['foo', 'Foo'], ['t', 'Taliban', 'organization']]),
    gold: makeGold([nato, iraq, { ...taliban, required: false }]),
    pick: (s) => ({ counts: s.entities.counts, untyped: rounded(s.entities.untyped) }),
    expected: {
      counts: { nodes: 3, matchedNodes: 2, typedMatchedNodes: 2, required: 2, found: 1, foundTyped: 1 },
      untyped: rounded({ precision: 2 / 3, recall: 1 / 2, f1: 4 / 7 }),
    },
  },
  {
    name: 'typed scores require the node type to equal the gold type',
    graph: makeGraph([['n', 'NATO', 'country'], ['r', 'Russia', 'country']]),
    gold: makeGold([nato, russia]),
    pick: (s) => ({ counts: s.entities.counts, typed: s.entities.typed, wrong: s.entities.wrongType, missedTyped: s.entities.missedTyped }),
    expected: {
      counts: { nodes: 2, matchedNodes: 2, typedMatchedNodes: 1, required: 2, found: 2, foundTyped: 1 },
      typed: { precision: 0.5, recall: 0.5, f1: 0.5 },
      wrong: [{ key: 'n', label: 'NATO', type: 'country', gold: [{ id: 'nato', type: 'organization' }] }],
      missedTyped: [{ id: 'nato', label: 'NATO', type: 'organization' }],
    },
  },
  {
    name: 'a mergeableInto entity counts as found (and typed) when its parent is found',
    graph: makeGraph([['iraq', 'Iraq', 'country']]),
    gold: makeGold([iraq, iraqGov]),
    pick: entityCounts,
    expected: { nodes: 1, matchedNodes: 1, typedMatchedNodes: 1, required: 2, found: 2, foundTyped: 2 },
  },
  {
    name: 'a mergeableInto entity is found typed only when its parent is found typed',
    graph: makeGraph([['iraq', 'Iraq', 'organization']]),
    gold: makeGold([iraq, iraqGov]),
    pick: entityCounts,
    expected: { nodes: 1, matchedNodes: 1, typedMatchedNodes: 0, required: 2, found: 2, foundTyped: 0 },
  },
  {
    name: 'finding the merged entity does not find its parent',
    graph: makeGraph([['gov', 'Iraks regjering', 'organization']]),
    gold: makeGold([iraq, iraqGov]),
    pick: (s) => s.entities.missed.map((m) => m.id),
    expected: ['iraq'],
  },
  // ---- rule 3: relation matching ----
  {
    name: 'an edge matching a required gold relation is a true positive',
    graph: makeGraph([['n', 'NATO', 'organization'], ['i', 'Irak']], [['n', 'trains', 'i']]),
    gold: makeGold([nato, iraq], [rel('nato', 'trains', 'iraq')]),
    pick: (s) => ({ counts: s.relations.counts, matched: s.relations.matched }),
    expected: {
      counts: { tp: 1, fp: 0, fn: 0, neutral: 0, excluded: 0 },
      matched: [{ gold: { position: 1, subject: 'nato', relation: 'trains', object: 'iraq', required: true }, edge: 'n->trains->i' }],
    },
  },
  {
    name: 'alternatives of the three slots combine freely',
    graph: makeGraph(
      [['u', 'USA'], ['t', 'Taliban', 'organization'], ['r', 'Russia']],
      [['r', 'supports', 't']],
    ),
    gold: makeGold(
      [usa, taliban, russia, nato],
      [rel('usa', 'negotiates_with', 'nato', { alternatives: { subject: ['russia'], object: ['taliban'], relation: ['supports'] } })],
    ),
    pick: relationCounts,
    expected: { tp: 1, fp: 0, fn: 0, neutral: 0, excluded: 0 },
  },
  {
    name: 'a node matching the mergeableInto parent stands in a slot naming the merged entity',
    graph: makeGraph([['i', 'Iraq'], ['n', 'NATO', 'organization']], [['i', 'invites', 'n']]),
    gold: makeGold([iraq, iraqGov, nato], [rel('iraq-gov', 'invites', 'nato')]),
    pick: relationCounts,
    expected: { tp: 1, fp: 0, fn: 0, neutral: 0, excluded: 0 },
  },
  {
    name: 'a node matching the merged entity does not stand in for its parent',
    graph: makeGraph([['g', 'Iraks regjering', 'organization'], ['n', 'NATO', 'organization']], [['g', 'supports', 'n']]),
    gold: makeGold([iraq, iraqGov, nato], [rel('iraq', 'supports', 'nato')]),
    pick: (s) => ({ counts: s.relations.counts, fp: s.relations.falsePositives.map((f) => f.reason) }),
    expected: { counts: { tp: 0, fp: 1, fn: 1, neutral: 0, excluded: 0 }, fp: ['no-gold-match'] },
  },
  {
    name: 'symmetric relations match in either direction',
    graph: makeGraph([['t', 'Taliban', 'organization'], ['u', 'USA']], [['t', 'negotiates_with', 'u']]),
    gold: makeGold([usa, taliban], [rel('usa', 'negotiates_with', 'taliban')]),
    pick: relationCounts,
    expected: { tp: 1, fp: 0, fn: 0, neutral: 0, excluded: 0 },
  },
  {
    name: 'other relations do not match reversed',
    graph: makeGraph([['i', 'Iraq'], ['n', 'NATO', 'organization']], [['i', 'trains', 'n']]),
    gold: makeGold([nato, iraq], [rel('nato', 'trains', 'iraq')]),
    pick: relationCounts,
    expected: { tp: 0, fp: 1, fn: 1, neutral: 0, excluded: 0 },
  },
  {
    name: 'negated and hypothetical edges are left out of scoring (forbidden hits included)',
    graph: makeGraph(
      [['n', 'NATO', 'organization'], ['i', 'Iraq'], ['r', 'Russia']],
      [
        ['n', 'trains', 'i', { negated: true }],
        ['n', 'threatens', 'r', { hypothetical: true }],
      ],
    ),
    gold: makeGold([nato, iraq, russia], [rel('nato', 'trains', 'iraq')], [{ subject: 'nato', relation: 'threatens', object: 'russia' }]),
    pick: (s) => ({ counts: s.relations.counts, hits: s.forbiddenHits.length, excluded: s.relations.excluded.map((e) => e.edge) }),
    expected: {
      counts: { tp: 0, fp: 0, fn: 1, neutral: 0, excluded: 2 },
      hits: 0,
      excluded: ['n->trains->i', 'n->threatens->r'],
    },
  },
  // ---- rule 4: relation scores ----
  {
    name: 'an edge matching only a required:false relation is neutral',
    graph: makeGraph([['n', 'NATO', 'organization'], ['r', 'Russia']], [['r', 'threatens', 'n']]),
    gold: makeGold([nato, russia], [rel('russia', 'threatens', 'nato', { required: false })]),
    pick: (s) => ({ counts: s.relations.counts, neutral: s.relations.neutral.map((e) => e.reason) }),
    expected: { counts: { tp: 0, fp: 0, fn: 0, neutral: 1, excluded: 0 }, neutral: ['optional'] },
  },
  {
    name: 'a second edge matching an already-matched gold relation (through its alternatives) is neutral',
    graph: makeGraph(
      [['s', 'Stoltenberg', 'person'], ['n', 'NATO', 'organization'], ['u', 'USA']],
      [['s', 'supports', 'u'], ['n', 'supports', 'u']],
    ),
    gold: makeGold(
      [ent('stoltenberg', ['Jens Stoltenberg', 'Stoltenberg'], 'person'), nato, usa],
      [rel('stoltenberg', 'supports', 'usa', { alternatives: { subject: ['nato'] } })],
    ),
    pick: (s) => ({ counts: s.relations.counts, neutral: s.relations.neutral.map((e) => [e.edge, e.reason]) }),
    expected: { counts: { tp: 1, fp: 0, fn: 0, neutral: 1, excluded: 0 }, neutral: [['n->supports->u', 'already-matched']] },
  },
  {
    name: 'true positives are a maximum matching, independent of edge order',
    graph: makeGraph(
      [['s', 'Stoltenberg', 'person'], ['n', 'NATO', 'organization'], ['u', 'USA']],
      // The first edge matches relations 1 and 2, the second only relation 1.
      [['n', 'supports', 'u'], ['s', 'supports', 'u']],
    ),
    gold: makeGold(
      [ent('stoltenberg', ['Stoltenberg'], 'person'), nato, usa],
      [rel('stoltenberg', 'supports', 'usa', { alternatives: { subject: ['nato'] } }), rel('nato', 'supports', 'usa')],
    ),
    pick: (s) => ({ counts: s.relations.counts, matched: s.relations.matched.map((m) => [m.gold.position, m.edge]) }),
    expected: {
      counts: { tp: 2, fp: 0, fn: 0, neutral: 0, excluded: 0 },
      matched: [
        [1, 's->supports->u'],
        [2, 'n->supports->u'],
      ],
    },
  },
  {
    name: 'edges to unknown nodes (or to keys that are no node) are false positives',
    graph: makeGraph(
      [['n', 'NATO', 'organization'], ['x', 'Narnia']],
      [['n', 'trains', 'x'], ['n', 'trains', 'ghost']],
    ),
    gold: makeGold([nato, iraq], [rel('nato', 'trains', 'iraq')]),
    pick: (s) => ({ counts: s.relations.counts, fp: s.relations.falsePositives, unknown: s.entities.unknownNodes }),
    expected: {
      counts: { tp: 0, fp: 2, fn: 1, neutral: 0, excluded: 0 },
      fp: [
        { edge: 'n->trains->x', source: 'NATO', relation: 'trains', target: 'Narnia', reason: 'unknown-node' },
        { edge: 'n->trains->ghost', source: 'NATO', relation: 'trains', target: 'ghost', reason: 'unknown-node' },
      ],
      unknown: [{ key: 'x', label: 'Narnia', type: 'country' }],
    },
  },
  {
    name: 'an edge between known nodes that matches no gold relation is a false positive',
    graph: makeGraph([['n', 'NATO', 'organization'], ['i', 'Iraq']], [['n', 'attacks', 'i']]),
    gold: makeGold([nato, iraq], [rel('nato', 'trains', 'iraq')]),
    pick: (s) => ({ counts: s.relations.counts, scores: s.relations.scores }),
    expected: { counts: { tp: 0, fp: 1, fn: 1, neutral: 0, excluded: 0 }, scores: { precision: 0, recall: 0, f1: 0 } },
  },
  // ---- rule 6: forbidden relations ----
  {
    name: 'a forbidden hit is named (entry and edge) and is a false positive',
    graph: makeGraph([['n', 'NATO', 'organization'], ['r', 'Russia']], [['n', 'threatens', 'r']]),
    gold: makeGold([nato, russia], [], [{ subject: 'nato', relation: 'threatens', object: 'russia', why: 'negated' }]),
    pick: (s) => ({ counts: s.relations.counts, hits: s.forbiddenHits, fp: s.relations.falsePositives.map((f) => f.reason) }),
    expected: {
      counts: { tp: 0, fp: 1, fn: 0, neutral: 0, excluded: 0 },
      hits: [{ position: 1, subject: 'nato', relation: 'threatens', object: 'russia', why: 'negated', edge: 'n->threatens->r' }],
      fp: ['forbidden'],
    },
  },
  {
    name: 'a forbidden symmetric relation is hit in either direction',
    graph: makeGraph([['u', 'USA'], ['r', 'Russland']], [['u', 'negotiates_with', 'r']]),
    gold: makeGold([usa, russia], [], [{ subject: 'russia', relation: 'negotiates_with', object: 'usa' }]),
    pick: (s) => s.forbiddenHits.map((h) => [h.position, h.edge]),
    expected: [[1, 'u->negotiates_with->r']],
  },
  {
    name: 'a forbidden hit is a false positive even when a gold alternative accepts the edge',
    graph: makeGraph([['n', 'NATO', 'organization'], ['i', 'Iraq']], [['n', 'expels', 'i']]),
    gold: makeGold(
      [nato, iraq, iraqGov],
      [rel('iraq-gov', 'expels', 'nato', { alternatives: { relation: ['rejects'], subject: ['nato'], object: ['iraq'] } })],
      [{ subject: 'nato', relation: 'expels', object: 'iraq-gov' }],
    ),
    pick: (s) => ({ counts: s.relations.counts, hits: s.forbiddenHits.length }),
    expected: { counts: { tp: 0, fp: 1, fn: 1, neutral: 0, excluded: 0 }, hits: 1 },
  },
  // ---- empty denominators ----
  {
    name: 'an empty graph against a gold with required items scores 0',
    graph: makeGraph([]),
    gold: makeGold([nato, iraq], [rel('nato', 'trains', 'iraq')]),
    pick: (s) => [s.entities.untyped, s.relations.scores],
    expected: [
      { precision: 0, recall: 0, f1: 0 },
      { precision: 0, recall: 0, f1: 0 },
    ],
  },
  {
    name: 'nothing to find and nothing predicted scores 1',
    graph: makeGraph([]),
    gold: makeGold([{ ...nato, required: false }]),
    pick: (s) => [s.entities.untyped, s.relations.scores],
    expected: [
      { precision: 1, recall: 1, f1: 1 },
      { precision: 1, recall: 1, f1: 1 },
    ],
  },
];

describe('scoreGraph', () => {
  it.each(rows)('$name', ({ graph, gold, pick, expected }) => {
    expect(pick(scoreGraph(graph, gold))).toEqual(expected);
  });
});

describe('sumScores', () => {
  // File A: entities 2/3 nodes matched, 2/2 found; relations tp 2, fp 1, fn 0.
  const a = scoreGraph(
    makeGraph(
      [['n', 'NATO', 'organization'], ['i', 'Iraq'], ['x', 'Narnia']],
      [['n', 'trains', 'i'], ['n', 'deployed_in', 'i'], ['n', 'trains', 'x']],
    ),
    makeGold([nato, iraq], [rel('nato', 'trains', 'iraq'), rel('nato', 'deployed_in', 'iraq')]),
  );
  // File B: entities 1/1 nodes matched (wrong type), 1/3 found; relations tp 0, fp 0, fn 3.
  const b = scoreGraph(
    makeGraph([['r', 'Russia', 'organization']]),
    makeGold(
      [russia, usa, taliban],
      [rel('usa', 'negotiates_with', 'taliban'), rel('russia', 'threatens', 'usa'), rel('russia', 'criticizes', 'usa')],
    ),
  );

  it('micro-averages: sums the counts, then computes P/R/F1', () => {
    const total = sumScores([a, b]);
    expect(total.files).toBe(2);
    expect(total.relations.counts).toEqual({ tp: 2, fp: 1, fn: 3, neutral: 0, excluded: 0 });
    // P = 2/3, R = 2/5, F1 = 2·(2/3)(2/5) / (2/3 + 2/5) = 1/2
    expect(total.relations.scores.precision).toBeCloseTo(2 / 3, 12);
    expect(total.relations.scores.recall).toBeCloseTo(2 / 5, 12);
    expect(total.relations.scores.f1).toBeCloseTo(1 / 2, 12);
    expect(total.entities.counts).toEqual({ nodes: 4, matchedNodes: 3, typedMatchedNodes: 2, required: 5, found: 3, foundTyped: 2 });
    // untyped: P = 3/4, R = 3/5, F1 = 2/3; typed: P = 2/4, R = 2/5, F1 = 4/9
    expect(total.entities.untyped.precision).toBeCloseTo(3 / 4, 12);
    expect(total.entities.untyped.recall).toBeCloseTo(3 / 5, 12);
    expect(total.entities.untyped.f1).toBeCloseTo(2 / 3, 12);
    expect(total.entities.typed.f1).toBeCloseTo(4 / 9, 12);
    expect(total.forbiddenHits).toBe(0);
  });

  it('is not the mean of the per-file scores', () => {
    const meanF1 = (a.relations.scores.f1 + b.relations.scores.f1) / 2;
    expect(sumScores([a, b]).relations.scores.f1).not.toBeCloseTo(meanF1, 3);
  });
});

describe('reports', () => {
  const gold = makeGold(
    [nato, iraq, russia],
    [rel('nato', 'trains', 'iraq'), rel('russia', 'violates', 'nato')],
    [{ subject: 'nato', relation: 'threatens', object: 'russia', why: 'negated' }],
  );
  const graph = makeGraph(
    [['n', 'NATO', 'organization'], ['i', 'Iraq'], ['x', 'Narnia', 'location']],
    [['n', 'trains', 'i'], ['n', 'trains', 'x']],
  );
  const graph2 = makeGraph([['n', 'NATO', 'organization'], ['r', 'Russia']], [['n', 'threatens', 'r']]);
  const perFile = [
    { name: 'one', score: scoreGraph(graph, gold) },
    { name: 'two', score: scoreGraph(graph2, gold) },
  ];
  const total = sumScores(perFile.map((f) => f.score));

  it('formats a table per file and in total, then what to fix', () => {
    const text = formatEvalReport(perFile, total);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^\s+entities typed\s+entities untyped\s+relations\s+forbidden$/);
    expect(lines[1]).toMatch(/^file\s+P\s+R\s+F1\s+P\s+R\s+F1\s+P\s+R\s+F1\s+tp\s+fp\s+fn\s+hits$/);
    expect(lines[2]).toMatch(/^one\s+0\.667\s+0\.667\s+0\.667\s+0\.667\s+0\.667\s+0\.667\s+0\.500\s+0\.500\s+0\.500\s+1\s+1\s+1\s+0$/);
    expect(lines[3]).toMatch(/^two\s+1\.000\s+0\.667\s+0\.800\s+1\.000\s+0\.667\s+0\.800\s+0\.000\s+0\.000\s+0\.000\s+0\s+1\s+2\s+1$/);
    expect(lines[4]).toMatch(/^total \(2 files\)\s+0\.800\s+0\.667\s+0\.727/);
    // Every table line has the same column layout.
    expect(new Set(lines.slice(1, 5).map((l) => l.length)).size).toBe(1);
    expect(text).toContain('== one\n');
    expect(text).toContain('unknown nodes (1):\n  x "Narnia" (location)\n');
    expect(text).toContain('missed relations (1):\n  #2 russia violates nato\n');
    expect(text).toContain('false positives (1):\n  n->trains->x: "NATO" -trains-> "Narnia"  [unknown node]\n');
    expect(text).toContain('missed entities (1):\n  iraq "Iraq" (country)\n');
    expect(text).toContain('forbidden hits (1):\n  #1 nato threatens russia (negated) <- edge n->threatens->r\n');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('gives a JSON report that survives serialisation', () => {
    const report = toJsonReport(perFile, total);
    expect(report.files.map((f) => f.name)).toEqual(['one', 'two']);
    expect(report.files[1]!.forbiddenHits).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
