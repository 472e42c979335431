// CSV export: Gephi's spreadsheet headers, RFC 4180 quoting, evidence as text, formula-safe cells.
import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../src/export/csv.js';
import { flattenEvidence } from '../../src/export/text.js';
import { parseGraphFile } from '../../src/graph/serialize.js';
import type { GraphFile } from '../../src/types.js';
import { expectGolden, readGolden } from '../graph/golden.js';
import { awkwardGraph } from './awkward.js';

const file = (): GraphFile => parseGraphFile(readGolden('small-graph.json'), 'small-graph.json');

/** A strict RFC 4180 reader, to check that what is written parses back into the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else cell += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} in an unquoted field at ${i}`);
        cell += text[i++];
      }
    }
    row.push(cell);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`expected , or CRLF at ${i}`);
  }
  return rows;
}

describe('toCsv', () => {
  it('matches the golden files', () => {
    const csv = toCsv(file());
    expectGolden('small-graph.nodes.csv', csv['nodes.csv']);
    expectGolden('small-graph.edges.csv', csv['edges.csv']);
  });

  it("uses the headers Gephi's spreadsheet import recognises", () => {
    const csv = toCsv(file());
    expect(csv['nodes.csv'].split('\r\n')[0]).toBe('Id,Label,type,aliases,mentions,wikidata,x,y,size,color,community,documents');
    expect(csv['edges.csv'].split('\r\n')[0]).toBe('Source,Target,Type,Id,Label,Weight,relation,confidence,negated,hypothetical,evidence,documents');
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    ['=1+1', "'=1+1"],
    ['+47 22', "'+47 22"],
    ['-x', "'-x"],
    ['@SUM', "'@SUM"],
    ['=a,b', `"'=a,b"`],
    [-2.5, '-2.5'],
    [true, 'true'],
    [undefined, ''],
  ])('csvField(%j) = %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it('parses back, per RFC 4180, into one row per node and edge with the evidence as text', () => {
    for (const seed of [1, 2, 3]) {
      const f = awkwardGraph(seed);
      const csv = toCsv(f);
      const nodes = parseCsv(csv['nodes.csv']);
      const edges = parseCsv(csv['edges.csv']);
      expect(nodes).toHaveLength(f.nodes.length + 1);
      expect(edges).toHaveLength(f.edges.length + 1);
      expect(nodes.every((r) => r.length === 12)).toBe(true);
      expect(edges.every((r) => r.length === 12)).toBe(true);
      const unneutralised = (cell: string) => cell.replace(/^'(?=[=+\-@\t\r])/, '');
      for (const edge of f.edges) {
        const row = edges.find((r) => unneutralised(r[3]) === edge.key)!;
        expect(unneutralised(row[10])).toBe(flattenEvidence(edge.attributes.evidence));
      }
    }
  });
});
