// SVG render: golden picture, determinism, legend, arrows, escaping, settings and degenerate layouts.
import { describe, expect, it } from 'vitest';
import { InvalidSettingError } from '../../src/errors.js';
import { DEFAULT_SVG_SETTINGS, resolveSvgSettings, toSvg } from '../../src/export/svg.js';
import { parseGraphFile } from '../../src/graph/serialize.js';
import { TYPE_COLORS, type GraphFile } from '../../src/types.js';
import { expectGolden, readGolden } from '../graph/golden.js';
import { expectWellFormed, withXmllint } from './xmllint.js';

const file = (): GraphFile => parseGraphFile(readGolden('small-graph.json'), 'small-graph.json');

describe('toSvg', () => {
  it('matches the golden file and does not depend on input order', () => {
    const svg = toSvg(file());
    const f = file();
    expect(toSvg({ ...f, nodes: [...f.nodes].reverse(), edges: [...f.edges].reverse() })).toBe(svg);
    expectGolden('small-graph.svg', svg);
  });

  it('has a viewBox, a legend of the entity types present, labels, and arrows on edges', () => {
    const svg = toSvg(file());
    expect(svg).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1200" height="\d+" viewBox="0 0 1200 \d+"/);
    expect(svg).toContain(`fill="${TYPE_COLORS.country}"/>\n    <text x="235.6" y="30">country</text>`);
    expect(svg).toContain('>organization</text>');
    expect(svg).not.toContain('>weapon</text>');
    expect(svg).toContain('>Jens Stoltenberg</text>');
    expect((svg.match(/marker-end="url\(#arrow\)"/g) ?? []).length).toBe(file().edges.length);
    // Parallel edges between NATO and Iraq are drawn as curves, not on top of each other.
    expect((svg.match(/ Q/g) ?? []).length).toBeGreaterThanOrEqual(2);
  });

  withXmllint('escapes labels and stays well-formed', () => {
    const f = file();
    f.nodes[0].attributes.label = '<script>alert("x")</script> & 😀 العراق\u0001';
    f.edges[0].attributes.label = '"quoted" <edge>';
    const svg = toSvg(f);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 😀 العراق</text>');
    expectWellFormed(svg);
  });

  it('spreads nodes on a circle when the graph has no layout', () => {
    const f = file();
    for (const node of f.nodes) Object.assign(node.attributes, { x: 0, y: 0 });
    const centres = [...toSvg(f).matchAll(/<circle cx="([^"]+)" cy="([^"]+)" r="[^"]+" fill="[^"]+"><title>/g)].map((m) => `${m[1]},${m[2]}`);
    expect(new Set(centres).size).toBe(f.nodes.length);
  });

  it('draws an empty graph', () => {
    const svg = toSvg({ ...file(), nodes: [], edges: [] });
    expect(svg).toContain('(empty graph)');
  });

  it('leaves out what the settings turn off', () => {
    const svg = toSvg(file(), { edgeLabels: false, legend: false, nodeLabels: false, width: 400 });
    expect(svg).toContain('width="400"');
    expect(svg).not.toContain('class="legend"');
    expect(svg).not.toContain('class="labels"');
    expect(svg).not.toContain('class="edge-labels"');
  });

  it.each([
    [{ width: 10 }, 'invalid `width` setting: expected an integer between 200 and 20000, got 10'],
    [{ legend: 'yes' }, 'invalid `legend` setting: expected a boolean, got "yes"'],
    [{ colour: 'red' }, 'invalid `colour` setting'],
  ])('validates settings: %j', (settings, message) => {
    expect(() => resolveSvgSettings(settings as never)).toThrow(InvalidSettingError);
    expect(() => resolveSvgSettings(settings as never)).toThrow(message);
  });

  it('resolves defaults, treating undefined as unset', () => {
    expect(resolveSvgSettings({ width: undefined })).toEqual(DEFAULT_SVG_SETTINGS);
  });
});
