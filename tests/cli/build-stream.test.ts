// `kg build` on a corpus: documents streamed from folders, JSONL and stdin, extracted in worker threads with
// the same bytes out whatever --jobs, and bad documents skipped, named, counted, and fatal only with --strict.
import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kg, tempDir } from './helpers.js';
import { mulberry32 } from '../../src/random.js';
import type { GraphFile } from '../../src/types.js';

const LINES = [
  'Russland angriper Ukraina.',
  'Kina truer Taiwan med en stor militærøvelse.',
  'USA forhandler med Taliban om en fredsavtale.',
  'Generalsekretær Jens Stoltenberg sier at Nato støtter Ukraina.',
  'Stoltenberg kritiserer Russland for angrepet.',
  'Iraks regjering ønsker at Natos treningsoppdrag i landet fortsetter, sier Stoltenberg.',
  'Norge innfører sanksjoner mot Russland.',
  'Utenriksminister Espen Barth Eide møtte Irans utenriksminister i Oslo.',
  'Barth Eide sier at Norge støtter FN.',
  'Forsvarsminister Bjørn Arild Gram besøkte Litauen.',
  'Gram sier at Norge vil sende flere soldater.',
  'Ukrainske soldater blir trent av norske instruktører.',
  'Israel angriper Gaza, og Iran fordømmer angrepet.',
  'EU og USA samarbeider om nye sanksjoner mot Iran.',
];

/** A seeded corpus of `n` small news items in JSONL, with names that recur across documents. */
function corpusLines(n: number, seed: number): string[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => {
    const k = 2 + Math.floor(random() * 5);
    const text = Array.from({ length: k }, () => LINES[Math.floor(random() * LINES.length)]!).join(' ');
    return JSON.stringify({ id: `n${String(i).padStart(3, '0')}`, text, lang: 'nb' });
  });
}

describe('the same graph whatever the number of jobs', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    mkdirSync(join(dir, 'in', 'b'), { recursive: true });
    const lines = corpusLines(36, 1);
    writeFileSync(join(dir, 'in', 'a.jsonl'), `${lines.slice(0, 24).join('\n')}\n`);
    lines.slice(24).forEach((line, i) => writeFileSync(join(dir, 'in', 'b', `t${i}.txt`), (JSON.parse(line) as { text: string }).text));
  });

  it('--jobs 1, 2 and 3 write identical graphs and build states', () => {
    const outputs = [1, 2, 3].map((jobs) => {
      const out = join(dir, `j${jobs}.json`);
      const r = kg(['build', join(dir, 'in'), '--jobs', String(jobs), '--name', 'corpus', '-o', out]);
      expect(r.stderr).toMatch(/^kg: wrote .*: 36 document\(s\), \d+ entities, \d+ relations\n$/);
      expect(r.code).toBe(0);
      return [readFileSync(out, 'utf8'), readFileSync(`${out}.kgstate`, 'utf8')];
    });
    expect(outputs[1]).toEqual(outputs[0]);
    expect(outputs[2]).toEqual(outputs[0]);
    const graph = JSON.parse(outputs[0]![0]!) as GraphFile;
    expect(graph.attributes.documents.map((d) => d.id)).toContain('b/t0');
    expect(graph.attributes.documents.every((d) => /^[0-9a-f]{64}$/.test(d.hash ?? ''))).toBe(true);
    // A bare surname in one document joins the one full name that ends in it elsewhere in the corpus.
    const stoltenberg = graph.nodes.find((n) => n.key === 'jens-stoltenberg')!;
    expect(stoltenberg.attributes.aliases).toEqual(expect.arrayContaining(['Jens Stoltenberg', 'Stoltenberg']));
    expect(graph.nodes.some((n) => n.key === 'stoltenberg')).toBe(false);
  });

  it('reads JSONL from stdin with --stdin-format jsonl', () => {
    const lines = corpusLines(5, 2);
    const r = kg(['build', '-', '--stdin-format', 'jsonl', '--no-layout', '--jobs', '2'], { input: `${lines.join('\n')}\n` });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as GraphFile).attributes.documents.map((d) => d.id)).toEqual(['n000', 'n001', 'n002', 'n003', 'n004']);
    expect(r.stderr).toMatch(/^kg: built 5 document\(s\), \d+ entities, \d+ relations in [\d.]+ s\n$/);
  });
});

describe('bad documents in a corpus', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = tempDir();
    file = join(dir, 'mixed.jsonl');
    const good = corpusLines(4, 3);
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(`${good[0]}\n{broken\n`),
        Buffer.from('{"id": "bin", "text": "a\u0000b"}\n'.replace('\\u0000', '\u0000')),
        Buffer.from('{"id": "latin1", "text": "Norge st'),
        Buffer.from([0xf8]),
        Buffer.from('tter Ukraina"}\n'),
        Buffer.from(`{"id": "empty", "text": "   "}\n\n[1, 2]\n${good[1]}\n${good[0]}\n{"text": "no id"}\n${good[2]}`),
      ]),
    );
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'folder', 'ok.txt'), 'Russland angriper Ukraina.');
    writeFileSync(join(dir, 'folder', 'binary.txt'), Buffer.from([0x89, 0x50, 0x00, 0x01]));
    writeFileSync(join(dir, 'folder', 'empty.md'), '\n\n');
    writeFileSync(join(dir, 'folder', 'latin1.txt'), Buffer.from('Norge st\xf8tter Ukraina', 'latin1'));
  });

  it('skips each with a warning naming the file and line, counts them, and builds the rest', () => {
    const out = join(dir, 'mixed.json');
    const r = kg(['build', file, '--no-layout', '--jobs', '2', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('kg: warning'))).toEqual([
      `kg: warning: skipped ${file}:2: not valid JSON`,
      `kg: warning: skipped ${file}:3: binary data (NUL byte at offset 24), expected UTF-8 text`,
      `kg: warning: skipped ${file}:4: invalid UTF-8 at byte 34`,
      `kg: warning: skipped ${file}:5: "text" must be a non-empty string`,
      `kg: warning: skipped ${file}:7: expected a JSON object with "id" and "text"`,
      `kg: warning: skipped ${file}:9: duplicate document id "n000" (also in ${file}:1)`,
      `kg: warning: skipped ${file}:10: "id" must be a non-empty string`,
    ]);
    expect(r.stderr).toMatch(/kg: wrote .*mixed\.json: 3 document\(s\), \d+ entities, \d+ relations, 7 skipped\n$/);
    const graph = JSON.parse(readFileSync(out, 'utf8')) as GraphFile;
    expect(graph.attributes.documents.map((d) => d.id)).toEqual(['n000', 'n001', 'n002']);
  });

  it('with --strict exits 2 but still writes what it built', () => {
    const out = join(dir, 'strict.json');
    const r = kg(['build', file, join(dir, 'folder'), '--no-layout', '--strict', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`kg: warning: skipped ${join(dir, 'folder', 'binary.txt')}: binary file (NUL byte at offset 2), expected UTF-8 text\n`);
    expect(r.stderr).toContain(`kg: warning: skipped ${join(dir, 'folder', 'empty.md')}: empty input: no text to read\n`);
    expect(r.stderr).toContain(`kg: warning: skipped ${join(dir, 'folder', 'latin1.txt')}: invalid UTF-8 at byte 8\n`);
    expect(r.stderr).toMatch(/: 4 document\(s\), \d+ entities, \d+ relations, 10 skipped\n/);
    expect(r.stderr).toMatch(/10 document\(s\) skipped \(--strict\)\n$/);
    expect((JSON.parse(readFileSync(out, 'utf8')) as GraphFile).attributes.documents.map((d) => d.id)).toEqual(['n000', 'n001', 'n002', 'ok']);
  });

  it('--quiet keeps the warnings and drops the summary', () => {
    const r = kg(['build', join(dir, 'folder'), '--no-layout', '--quiet', '-o', join(dir, 'quiet.json')]);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter(Boolean).every((l) => l.startsWith('kg: warning: skipped '))).toBe(true);
    expect(existsSync(join(dir, 'quiet.json'))).toBe(true);
  });

  it('skips a line over the size limit without holding it in memory', () => {
    const big = join(dir, 'big.jsonl');
    const good = corpusLines(1, 4)[0]!;
    writeFileSync(big, Buffer.concat([Buffer.from('{"id": "huge", "text": "'), Buffer.alloc(51 * 1024 * 1024, 0x61), Buffer.from(`"}\n${good}\n`)]));
    const r = kg(['build', big, '--no-layout', '-o', join(dir, 'big.json')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`kg: warning: skipped ${big}:1: line is too large (53477402 bytes; the limit is 52428800)\n`);
    expect(r.stderr).toMatch(/: 1 document\(s\), \d+ entities, \d+ relations, 1 skipped\n$/);
  });

  it('a corpus with no readable document is an error', () => {
    const only = join(dir, 'bad-only.jsonl');
    writeFileSync(only, '{broken\n');
    const r = kg(['build', only, '-o', join(dir, 'none.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/kg: .*bad-only\.jsonl: no readable documents\n$/);
    expect(existsSync(join(dir, 'none.json'))).toBe(false);
  });
});
