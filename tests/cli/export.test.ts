// `kg export`, `kg render` and `kg merge` through the built binary: every format, detection, and refusals of bad input.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectValidGexf, withXmllint } from '../export/xmllint.js';
import { kg, ROOT, tempDir } from './helpers.js';

const SAMPLE = join(ROOT, 'tests', 'fixtures', 'export', 'nato-irak-2020.json');
const GEPHI = join(ROOT, 'tests', 'fixtures', 'export', 'gephi-1.2.gexf');
const golden = (name: string) => readFileSync(join(ROOT, 'tests', 'fixtures', 'golden', name), 'utf8');

describe('kg export', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });

  it.each([
    ['gexf', 'nato-irak-2020.gexf'],
    ['graphml', 'nato-irak-2020.graphml'],
    ['cypher', 'nato-irak-2020.cypher'],
    ['svg', 'nato-irak-2020.svg'],
    ['json', 'nato-irak-2020.json'],
  ])('--format %s writes the golden file', (format, goldenName) => {
    const out = join(dir, `sample.${format}`);
    const r = kg(['export', SAMPLE, '--format', format, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`kg: wrote ${out} (${format})\n`);
    expect(readFileSync(out, 'utf8')).toBe(golden(goldenName));
  });

  it('writes to stdout without -o, and takes the format from the output extension', () => {
    const r = kg(['export', SAMPLE, '-f', 'graphml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(golden('nato-irak-2020.graphml'));
    const out = join(dir, 'implied.cql');
    expect(kg(['export', SAMPLE, '-o', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(golden('nato-irak-2020.cypher'));
  });

  it('writes CSV as a folder of nodes.csv and edges.csv, and only with -o', () => {
    const out = join(dir, 'csv');
    const r = kg(['export', SAMPLE, '--format', 'csv', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['edges.csv', 'nodes.csv']);
    expect(readFileSync(join(out, 'nodes.csv'), 'utf8')).toBe(golden('nato-irak-2020.nodes.csv'));
    expect(readFileSync(join(out, 'edges.csv'), 'utf8')).toBe(golden('nato-irak-2020.edges.csv'));
    const noFolder = kg(['export', SAMPLE, '--format', 'csv']);
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toBe(`kg: ${SAMPLE}: --format csv writes a folder: give it with -o <folder>\n`);
  });

  withXmllint('exports GEXF that validates against the official GEXF 1.3 RelaxNG grammar', () => {
    const r = kg(['export', SAMPLE, '--format', 'gexf']);
    expect(r.code).toBe(0);
    expectValidGexf(r.stdout);
  });

  it('converts back: GEXF → JSON and GraphML → JSON give the graph file byte for byte', () => {
    for (const format of ['gexf', 'graphml']) {
      const mid = join(dir, `round.${format}`);
      expect(kg(['export', SAMPLE, '-o', mid]).code).toBe(0);
      const back = kg(['export', mid, '--format', 'json']);
      expect(back.code, back.stderr).toBe(0);
      expect(back.stdout).toBe(readFileSync(SAMPLE, 'utf8'));
    }
  });

  it('reads a GEXF 1.2 file written by Gephi and converts it to any format', () => {
    const json = kg(['export', GEPHI, '-f', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const file = JSON.parse(json.stdout) as { nodes: { key: string }[]; edges: { key: string }[] };
    expect(file.nodes.map((n) => n.key)).toEqual(['iraq', 'nato', 'ntb']);
    expect(file.edges.map((e) => e.key)).toEqual(['iraq->supports->nato', 'nato->trains->iraq']);
    for (const format of ['gexf', 'graphml', 'cypher', 'svg']) expect(kg(['export', GEPHI, '-f', format]).code).toBe(0);
  });

  it('reads a graph from another tool: edges outside the ontology become `related`, each adaptation one counted warning line', () => {
    const dir = tempDir();
    const file = join(dir, 'other.gexf');
    writeFileSync(
      file,
      '<gexf version="1.3"><graph><nodes><node id="a" label="Alpha"><attvalues><attvalue for="x" value="1"/></attvalues></node><node id="b"/></nodes>' +
        '<edges><edge id="0" source="a" target="b" label="likes"/><edge id="1" source="a" target="b"/><edge id="2" source="b" target="a" kind="meets"/></edges></graph></gexf>',
    );
    for (const args of [['export', file, '-f', 'json'], ['stats', file]]) {
      const r = kg(args);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr.trim().split('\n')).toEqual([
        `kg: ${file}: warning: 1 values of undeclared attributes kept under their ids`,
        `kg: ${file}: warning: 1 edges whose relation is not in the ontology read as \`related\`, their own name kept as the label`,
        `kg: ${file}: warning: 1 edges without a relation read as \`related\``,
        `kg: ${file}: warning: 1 parallel edges of one relation between the same nodes kept apart (key suffix #2, #3, ...)`,
      ]);
    }
    // No defaultedgetype: GEXF's default, undirected, so the keys do not depend on which end is written first.
    const json = JSON.parse(kg(['export', file, '-f', 'json']).stdout) as { options: { type: string }; edges: { key: string; source: string; undirected?: boolean; attributes: { label: string } }[] };
    expect(json.options.type).toBe('undirected');
    expect(json.edges.map((e) => [e.key, e.source, e.undirected, e.attributes.label])).toEqual([
      ['a--meets--b', 'b', true, 'meets'],
      ['a--related--b', 'a', true, 'likes'],
      ['a--related--b#2', 'a', true, 'related'],
    ]);
  });

  describe('refuses bad input with one line naming the file, exit 2 and no output file', () => {
    const cases: Array<[string, string, string, string[], RegExp]> = [
      ['malformed JSON', 'bad.json', '{"nodes": [', [], /bad\.json: not a graph file: not valid JSON$/],
      ['a JSON that is not a graph', 'list.json', '[1, 2, 3]', [], /list\.json: not a graph file: expected a JSON object/],
      ['malformed XML', 'bad.gexf', '<gexf version="1.3"><graph></gexf>', [], /bad\.gexf: not valid XML: .*\(line 1\)$/],
      [
        'an XXE attempt',
        'xxe.gexf',
        '<?xml version="1.0"?>\n<!DOCTYPE gexf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<gexf version="1.3"><meta><creator>&xxe;</creator></meta><graph><nodes/><edges/></graph></gexf>',
        [],
        /xxe\.gexf: not valid XML: refused: the DOCTYPE declares entities/,
      ],
      [
        'billion laughs',
        'lol.graphml',
        `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>\n<graphml><graph><node id="&lol9;"/></graph></graphml>`,
        [],
        /lol\.graphml: not valid XML: refused: the DOCTYPE declares entities/,
      ],
      ['deep nesting', 'deep.graphml', `<graphml>${'<graph>'.repeat(100)}${'</graph>'.repeat(100)}</graphml>`, [], /deep\.graphml: not valid XML: elements nested deeper than 64 levels$/],
      ['a file of another kind', 'notes.txt', 'just some notes', [], /notes\.txt: cannot tell the format/],
      ['an unknown format name', 'ok.json', '', ['--format', 'pdf'], /ok\.json: unknown format "pdf"\. Allowed choices are json, gexf, graphml, csv, cypher, svg, html$/],
    ];

    it.each(cases)('%s', (_name, inputName, content, extra, message) => {
      const input = join(dir, inputName);
      if (content !== '') writeFileSync(input, content);
      else writeFileSync(input, readFileSync(SAMPLE));
      const out = join(dir, `out-${inputName}.result`);
      const r = kg(['export', input, ...(extra.length > 0 ? extra : ['--format', 'gexf']), '-o', out]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr.trimEnd()).toMatch(message);
      expect(r.stderr.startsWith(`kg: ${input}: `)).toBe(true);
      expect(existsSync(out)).toBe(false);
    });

    it('a file that does not exist', () => {
      const missing = join(dir, 'missing.gexf');
      const out = join(dir, 'missing.json');
      const r = kg(['export', missing, '-o', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`kg: ${missing}: no such file or directory\n`);
      expect(existsSync(out)).toBe(false);
    });
  });

  it('leaves no temporary file behind when the output cannot be written', () => {
    const blocked = join(dir, 'blocked');
    mkdirSync(join(blocked, 'out.gexf'), { recursive: true });
    const r = kg(['export', SAMPLE, '-o', join(blocked, 'out.gexf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/out\.gexf: cannot write/);
    expect(readdirSync(blocked)).toEqual(['out.gexf']);
  });
});

describe('kg render', () => {
  it('draws the sample graph as SVG', () => {
    const dir = tempDir();
    const out = join(dir, 'graph.svg');
    const r = kg(['render', SAMPLE, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(golden('nato-irak-2020.svg'));
    const small = kg(['render', GEPHI, '--width', '300', '--no-legend', '--no-edge-labels']);
    expect(small.code).toBe(0);
    expect(small.stdout).toContain('width="300"');
    expect(small.stdout).not.toContain('class="legend"');
  });

  it('says PNG is not supported, with exit 2 and no file', () => {
    const dir = tempDir();
    const out = join(dir, 'graph.png');
    const r = kg(['render', SAMPLE, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kg: .*graph\.png: PNG is not supported/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('kg merge', () => {
  it('merges a JSON and a GEXF graph: same keys merge, evidence united, weights recomputed', () => {
    const dir = tempDir();
    const out = join(dir, 'c.json');
    const r = kg(['merge', SAMPLE, GEPHI, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('kg: merged 2 graph(s)');
    const merged = JSON.parse(readFileSync(out, 'utf8')) as {
      nodes: { key: string; attributes: { aliases: string[] } }[];
      edges: { key: string; attributes: { weight: number; evidence: { sentence: string }[] } }[];
    };
    const sample = JSON.parse(readFileSync(SAMPLE, 'utf8')) as typeof merged;
    expect(merged.nodes.map((n) => n.key)).toEqual(sample.nodes.map((n) => n.key));
    const nato = merged.nodes.find((n) => n.key === 'nato')!;
    expect(nato.attributes.aliases).toContain('alliansen');
    const trains = merged.edges.find((e) => e.key === 'nato->trains->iraq')!;
    const before = sample.edges.find((e) => e.key === 'nato->trains->iraq')!;
    expect(trains.attributes.weight).toBe(trains.attributes.evidence.length);
    expect(trains.attributes.evidence.length).toBeGreaterThan(before.attributes.evidence.length);
    expect(merged.edges.some((e) => e.key === 'iraq->supports->nato')).toBe(true);
  });

  it('merging a graph with its own GEXF export changes nothing but the generator, and --relayout is deterministic', () => {
    const dir = tempDir();
    const gexf = join(dir, 'sample.gexf');
    expect(kg(['export', SAMPLE, '-o', gexf]).code).toBe(0);
    const r = kg(['merge', SAMPLE, gexf]);
    expect(r.code).toBe(0);
    const generator = (text: string) => text.replace(/"generator": "[^"]*"/, '"generator": "…"');
    expect(generator(r.stdout)).toBe(generator(readFileSync(SAMPLE, 'utf8')));
    const a = kg(['merge', SAMPLE, GEPHI, '--relayout', '--seed', '7', '-f', 'gexf']);
    const b = kg(['merge', SAMPLE, GEPHI, '--relayout', '--seed', '7', '-f', 'gexf']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it('refuses a bad input among good ones, with exit 2 and no output', () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.graphml');
    writeFileSync(bad, '<graphml><graph><node id="a"><data key="zz">1</data></node></graph></graphml>');
    const out = join(dir, 'merged.json');
    const r = kg(['merge', SAMPLE, bad, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kg: ${bad}: not a valid GraphML file: node "a": <data> for undeclared key "zz"\n`);
    expect(existsSync(out)).toBe(false);
  });
});
