// The format registry: input detection by content and extension, reading any format, output format by extension.
import { describe, expect, it } from 'vitest';
import { detectInputFormat, formatFromExtension, readGraphText } from '../../src/export/formats.js';
import { toGexf } from '../../src/export/gexf.js';
import { toGraphml } from '../../src/export/graphml.js';
import { parseGraphFile } from '../../src/graph/serialize.js';
import { readGolden } from '../graph/golden.js';

const small = () => parseGraphFile(readGolden('small-graph.json'), 'small-graph.json');

describe('detectInputFormat', () => {
  it.each([
    ['{"nodes": []}', 'g.gexf', 'json'],
    ['\uFEFF  <?xml version="1.0"?>\n<!-- c -->\n<gexf version="1.3"/>', 'g.xml', 'gexf'],
    ['<ns0:gexf xmlns:ns0="http://gexf.net/1.3"/>', 'g', 'gexf'],
    ['<?xml version="1.0"?><!DOCTYPE graphml SYSTEM "x.dtd"><graphml/>', 'g', 'graphml'],
    ['<graphml', 'g.txt', 'graphml'],
    ['<!DOCTYPE gexf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<gexf/>', 'evil.xml', 'gexf'],
    ['garbage', 'g.json', 'json'],
    ['garbage', 'g.GEXF', 'gexf'],
  ])('%j from %s is %s', (text, where, format) => {
    expect(detectInputFormat(text, where)).toBe(format);
  });

  it.each([
    ['<svg/>', 'x.svg', 'cannot read XML with root <svg>: expected <gexf> or <graphml>'],
    ['hello', 'x.txt', 'cannot tell the format: expected a graph JSON, GEXF or GraphML file'],
  ])('refuses %j', (text, where, message) => {
    expect(() => detectInputFormat(text, where)).toThrow(message);
  });
});

describe('readGraphText', () => {
  it('reads every readable format into the same graph', () => {
    const f = small();
    expect(readGraphText(toGexf(f), 'a')).toEqual(readGraphText(toGraphml(f), 'b'));
    expect(readGraphText(JSON.stringify(f), 'c').nodes).toEqual(f.nodes);
  });

  it('refuses a JSON that is not a graph', () => {
    expect(() => readGraphText('{"hello": "world"}', 'x.json')).toThrow('not a graph file: missing "nodes" array');
  });
});

describe('formatFromExtension', () => {
  it.each([
    ['a.json', 'json'],
    ['a.GEXF', 'gexf'],
    ['dir.x/a.graphml', 'graphml'],
    ['a.cql', 'cypher'],
    ['a.cypher', 'cypher'],
    ['a.svg', 'svg'],
    ['a.png', undefined],
    ['folder', undefined],
  ])('%s → %s', (path, format) => {
    expect(formatFromExtension(path)).toBe(format);
  });
});
