// GEXF 1.3 export: golden output, validity against the official RelaxNG grammar, and hostile text.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeXml, flattenEvidence, stripXmlForbidden, toGexf } from '../../src/export/gexf.js';
import { parseGraphFile } from '../../src/graph/serialize.js';
import type { GraphFile } from '../../src/types.js';
import { ROOT, expectGolden, readGolden } from '../graph/golden.js';

const SCHEMA = resolve(ROOT, 'tests/export/schemas/gexf-1.3/gexf.rng');
const file = (): GraphFile => parseGraphFile(readGolden('small-graph.json'), 'small-graph.json');

const HAS_XMLLINT = spawnSync('xmllint', ['--version']).status === 0;
const CI = process.env.CI === 'true' || process.env.CI === '1';
if (!HAS_XMLLINT && !CI) {
  console.warn('xmllint not found: skipping GEXF RelaxNG validation (install libxml2-utils to run it)');
}
// On CI a missing xmllint must fail the run, not quietly skip the only check that the files are valid.
const withXmllint = HAS_XMLLINT || CI ? it : it.skip;

function xmllint(xml: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kg-gexf-'));
  try {
    const path = join(dir, 'graph.gexf');
    writeFileSync(path, xml);
    const result = spawnSync('xmllint', [...args, path], { encoding: 'utf8' });
    if (result.error) throw new Error(`xmllint could not run: ${result.error.message}`);
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function expectValid(xml: string): void {
  const result = xmllint(xml, ['--noout', '--relaxng', SCHEMA]);
  expect(result.stderr).toMatch(/validates/);
  expect(result.status).toBe(0);
}

/** The value of an XPath expression as an XML parser reads it back (entities decoded). */
function xpath(xml: string, expression: string): string {
  const result = xmllint(xml, ['--xpath', expression]);
  expect(result.stderr).toBe('');
  // xmllint ends the printed value with a newline of its own.
  return result.stdout.replace(/\n$/, '');
}

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
