// Cypher export: golden script, literal escaping, and idempotence by construction (MERGE on keys only).
import { describe, expect, it } from 'vitest';
import { cypherName, cypherString, toCypher } from '../../src/export/cypher.js';
import { parseGraphFile } from '../../src/graph/serialize.js';
import type { GraphFile } from '../../src/types.js';
import { expectGolden, readGolden } from '../graph/golden.js';
import { awkwardGraph } from './awkward.js';

const file = (): GraphFile => parseGraphFile(readGolden('small-graph.json'), 'small-graph.json');

/** Reads a Cypher string literal as Neo4j would; returns the value and the index after it. */
function readString(text: string, start: number): [string, number] {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '\\': '\\', "'": "'", '"': '"' };
  while (text[i] !== quote) {
    if (i >= text.length) throw new Error('unterminated string literal');
    if (text[i] === '\\') {
      const c = text[i + 1];
      if (c === 'u') {
        value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
      } else if (c in escapes) {
        value += escapes[c];
        i += 2;
      } else throw new Error(`unknown escape \\${c}`);
    } else value += text[i++];
  }
  return [value, i + 1];
}

/** Splits a statement into its string literals and the code around them (which must hold no `;` but the last). */
function scan(statement: string): { code: string; strings: string[] } {
  let code = '';
  const strings: string[] = [];
  for (let i = 0; i < statement.length; ) {
    if (statement[i] === "'") {
      const [value, next] = readString(statement, i);
      strings.push(value);
      code += "''";
      i = next;
    } else if (statement[i] === '`') {
      const end = statement.indexOf('`', i + 1);
      code += statement.slice(i, end + 1);
      i = end + 1;
    } else code += statement[i++];
  }
  return { code, strings };
}

/** A tiny model of Neo4j for this script's statement shapes: MERGE by key, so running twice changes nothing. */
function runScript(script: string, db: { nodes: Map<string, string>; rels: Map<string, string> }): void {
  for (const line of script.split('\n')) {
    if (line === '' || line.startsWith('//') || line.startsWith('CREATE CONSTRAINT')) continue;
    const { code, strings } = scan(line);
    if (/^MERGE \(n:Entity \{key: ''\}\) SET /.test(code)) db.nodes.set(strings[0], line);
    else if (/^MATCH \(a:Entity \{key: ''\}\), \(b:Entity \{key: ''\}\) MERGE \(a\)-\[r:`[A-Z_]+` \{key: ''\}\]->\(b\) SET /.test(code)) {
      if (!db.nodes.has(strings[0]) || !db.nodes.has(strings[1])) throw new Error(`relationship before its nodes: ${line}`);
      db.rels.set(`${strings[0]}|${strings[2]}|${strings[1]}`, line);
    } else throw new Error(`unexpected statement shape: ${code.slice(0, 120)}`);
  }
}

describe('toCypher', () => {
  it('matches the golden file and is deterministic', () => {
    const cypher = toCypher(file());
    expect(toCypher(file())).toBe(cypher);
    expectGolden('small-graph.cypher', cypher);
  });

  it('writes one MERGE per entity and per relation, keyed, with labels and relationship types', () => {
    const cypher = toCypher(file());
    expect(cypher).toContain("CREATE CONSTRAINT kg_entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE;");
    expect(cypher).toContain("MERGE (n:Entity {key: 'nato'}) SET n:`Organization`, n.label = 'NATO', n.type = 'organization'");
    expect(cypher).toContain(
      "MATCH (a:Entity {key: 'nato'}), (b:Entity {key: 'iraq'}) MERGE (a)-[r:`TRAINS` {key: 'nato->trains->iraq'}]->(b) SET r.relation = 'trains'",
    );
    expect(cypher).toContain("MERGE (a)-[r:`WITHDRAWS_FROM` {key: 'united-states->withdraws_from->iraq'}]->(b)");
    expect(cypher).not.toMatch(/\bCREATE \(/);
  });

  it('is idempotent by construction: every statement MERGEs on a key, so a second run adds nothing', () => {
    for (const f of [file(), awkwardGraph(1), awkwardGraph(2)]) {
      const script = toCypher(f);
      const db = { nodes: new Map<string, string>(), rels: new Map<string, string>() };
      runScript(script, db);
      expect(db.nodes.size).toBe(f.nodes.length);
      expect(db.rels.size).toBe(f.edges.length);
      runScript(script, db);
      expect(db.nodes.size).toBe(f.nodes.length);
      expect(db.rels.size).toBe(f.edges.length);
    }
  });

  it('escapes awkward text so every statement is one line whose literals read back as the original', () => {
    const f = awkwardGraph(4);
    const script = toCypher(f);
    const lines = script.trimEnd().split('\n');
    expect(lines).toHaveLength(3 + f.nodes.length + f.edges.length);
    const labels = new Set<string>();
    for (const line of lines.slice(3)) {
      const { code, strings } = scan(line);
      expect(code.indexOf(';')).toBe(code.length - 1);
      if (line.startsWith('MERGE')) labels.add(strings[1]);
    }
    const strip = (s: string) => s.replace(/[\uD800-\uDFFF]/gu, '');
    expect([...labels].sort()).toEqual([...new Set(f.nodes.map((n) => strip(n.attributes.label)))].sort());
  });

  it.each([
    ['plain', "'plain'"],
    ["it's", "'it\\'s'"],
    ['back\\slash', "'back\\\\slash'"],
    ['two\nlines\r\ttab', "'two\\nlines\\r\\ttab'"],
    ['nul \u0000 bell \u0007', "'nul \\u0000 bell \\u0007'"],
    ['say "hi"', `'say "hi"'`],
    ['lone \uD800', "'lone '"],
    ['😀 العراق', "'😀 العراق'"],
  ])('cypherString(%j) = %s', (text, literal) => {
    expect(cypherString(text)).toBe(literal);
  });

  it('backtick-quotes names, doubling backticks', () => {
    expect(cypherName('NEGOTIATES_WITH')).toBe('`NEGOTIATES_WITH`');
    expect(cypherName('a`b')).toBe('`a``b`');
  });
});
