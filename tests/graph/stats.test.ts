// `kg stats` numbers and their terminal table, on the small fixture graph.
import { describe, expect, it } from 'vitest';
import { parseGraphFile } from '../../src/graph/serialize.js';
import { formatStats, graphStats } from '../../src/graph/stats.js';
import { readGolden } from './golden.js';

const file = () => parseGraphFile(readGolden('small-graph.json'), 'small-graph.json');

describe('graphStats', () => {
  it('counts documents, nodes, edges, evidence and flags', () => {
    expect(graphStats(file())).toMatchObject({
      name: 'small-graph',
      documents: 2,
      nodes: 4,
      edges: 6,
      evidence: 9,
      negatedEdges: 1,
      hypotheticalEdges: 1,
    });
  });

  it('counts by entity type and by relation, most frequent first, ties in ontology order', () => {
    const stats = graphStats(file());
    expect(stats.byType).toEqual([
      { type: 'country', nodes: 2 },
      { type: 'person', nodes: 1 },
      { type: 'organization', nodes: 1 },
    ]);
    expect(stats.byRelation).toEqual([
      { relation: 'supports', edges: 2, evidence: 3 },
      { relation: 'trains', edges: 1, evidence: 3 },
      { relation: 'withdraws_from', edges: 1, evidence: 1 },
      { relation: 'criticizes', edges: 1, evidence: 1 },
      { relation: 'leads', edges: 1, evidence: 1 },
    ]);
  });

  it('ranks entities by mentions and by degree, ties broken by key', () => {
    const stats = graphStats(file(), { top: 3 });
    expect(stats.topByMentions.map((e) => [e.key, e.value])).toEqual([
      ['nato', 9],
      ['iraq', 7],
      ['united-states', 3],
    ]);
    // iraq and united-states both have degree 3: key order decides.
    expect(stats.topByDegree.map((e) => [e.key, e.value])).toEqual([
      ['nato', 5],
      ['iraq', 3],
      ['united-states', 3],
    ]);
  });

  it('handles an empty graph', () => {
    const empty = { ...file(), nodes: [], edges: [] };
    const stats = graphStats(empty);
    expect(stats).toMatchObject({ nodes: 0, edges: 0, evidence: 0, byType: [], byRelation: [], topByDegree: [] });
    expect(formatStats(stats)).toContain('Entity types\n  (none)\n');
  });
});

describe('formatStats', () => {
  it('prints a plain-text table', () => {
    expect(formatStats(graphStats(file()))).toBe(
      [
        'Graph small-graph',
        '  documents           2',
        '  nodes               4',
        '  edges               6',
        '  evidence            9',
        '  negated edges       1',
        '  hypothetical edges  1',
        '',
        'Entity types',
        '  country       2',
        '  person        1',
        '  organization  1',
        '',
        'Relations (edges, evidence)',
        '  supports        2  3',
        '  trains          1  3',
        '  withdraws_from  1  1',
        '  criticizes      1  1',
        '  leads           1  1',
        '',
        'Top entities by mentions',
        '  1.  9  NATO              nato (organization)',
        '  2.  7  Iraq              iraq (country)',
        '  3.  3  United States     united-states (country)',
        '  4.  1  Jens Stoltenberg  jens-stoltenberg (person)',
        '',
        'Top entities by degree',
        '  1.  5  NATO              nato (organization)',
        '  2.  3  Iraq              iraq (country)',
        '  3.  3  United States     united-states (country)',
        '  4.  1  Jens Stoltenberg  jens-stoltenberg (person)',
        '',
      ].join('\n'),
    );
  });

  it('keeps control characters from labels out of the terminal', () => {
    const f = file();
    f.nodes[2].attributes.label = 'NATO\u001b[31m\nred';
    const text = formatStats(graphStats(f));
    expect(text).toContain('NATO\uFFFD[31m\uFFFDred');
    expect(text).not.toContain('\u001b');
  });
});
