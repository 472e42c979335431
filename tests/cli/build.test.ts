// The CLI end to end: the spawned binary on the sample article, folders, stdin, JSONL, and every kind of
// bad input (one-line error naming the file, exit code 2, no output file).
import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync, readFileSync, writeFileSync, mkdirSync, truncateSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { kg, tempDir, ROOT } from './helpers.js';
import type { GraphFile } from '../../src/types.js';

const SAMPLE = join(ROOT, 'corpus', 'nato-irak-2020.nb.txt');

describe('kg build on the sample article', () => {
  let dir: string;
  let graph: GraphFile;
  let first: string;
  beforeAll(() => {
    dir = tempDir();
    const r = kg(['build', SAMPLE, '-o', join(dir, 'a.json')]);
    expect(r.stderr).toMatch(/^kg: wrote .*a\.json: 1 document\(s\), \d+ entities, \d+ relations\n$/);
    expect(r.code).toBe(0);
    first = readFileSync(join(dir, 'a.json'), 'utf8');
    graph = JSON.parse(first) as GraphFile;
  });

  it('holds the headline relations with the sentences that say so and the frames that found them', () => {
    const edge = (key: string) => graph.edges.find((e) => e.key === key);
    const trains = edge('nato->trains->iraq')!;
    expect(trains.attributes.evidence.map((e) => [e.trigger, e.extractor, e.frame])).toContainEqual(['treningsoppdrag', 'tree', 'nb:noun:treningsoppdrag:trains']);
    expect(trains.attributes.evidence.some((e) => e.sentence.startsWith('Iraks regjering ønsker at Natos treningsoppdrag i landet fortsetter'))).toBe(true);
    const leads = edge('jens-stoltenberg->leads->nato')!;
    expect(leads.attributes.evidence[0]!.trigger).toBe('generalsekretær');
    expect(leads.attributes.evidence[0]!.frame).toBe('nb:title:leads');
    const talks = edge('united-states->negotiates_with->taliban')!;
    expect(talks.attributes.evidence[0]!.trigger).toBe('samtaler');
    expect(talks.attributes.evidence[0]!.frame).toBe('nb:noun:samtale:negotiates_with');
    expect(talks.attributes.negated).toBe(false);
  });

  it('evidence offsets point at the trigger in the document text', () => {
    const text = readFileSync(SAMPLE, 'utf8');
    for (const e of graph.edges) for (const ev of e.attributes.evidence) expect(text.slice(ev.start, ev.end)).toBe(ev.trigger);
  });

  it('is deterministic: a second build gives the same bytes', () => {
    const again = join(tempDir(), 'a.json');
    kg(['build', SAMPLE, '-o', again]);
    expect(readFileSync(again, 'utf8')).toBe(first);
  });

  it('a different seed moves the nodes but keeps the content', () => {
    kg(['build', SAMPLE, '-o', join(dir, 'c.json'), '--seed', '7']);
    const other = JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8')) as GraphFile;
    expect(other.edges.map((e) => e.key)).toEqual(graph.edges.map((e) => e.key));
    expect(other.nodes.map((n) => [n.attributes.x, n.attributes.y])).not.toEqual(graph.nodes.map((n) => [n.attributes.x, n.attributes.y]));
  });

  it('writes the graph to stdout without -o', () => {
    const r = kg(['build', SAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(first.replace('"name": "a"', '"name": "nato-irak-2020"'));
  });

  it('records the document and the generator', () => {
    expect(graph.attributes.documents).toEqual([
      expect.objectContaining({ id: 'nato-irak-2020', language: 'nb', path: SAMPLE }),
    ]);
    expect(graph.attributes.generator).toMatch(/^kg-builder@\d+\.\d+\.\d+$/);
  });
});

describe('kg build inputs', () => {
  it('reads stdin', () => {
    const dir = tempDir();
    const r = kg(['build', '-', '-o', join(dir, 's.json'), '--no-layout'], { input: 'Russland angriper Ukraina.' });
    expect(r.code).toBe(0);
    const g = JSON.parse(readFileSync(join(dir, 's.json'), 'utf8')) as GraphFile;
    expect(g.edges.map((e) => e.key)).toEqual(['russia->attacks->ukraine']);
    expect(g.attributes.documents[0]!.id).toBe('stdin');
  });

  it('reads every .txt/.md file below a folder, one document each', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'in', 'a.txt'), 'Russland angriper Ukraina.');
    writeFileSync(join(dir, 'in', 'sub', 'b.md'), '# Samtaler\n\nUSA forhandler med Taliban.');
    writeFileSync(join(dir, 'in', 'ignored.csv'), 'x');
    const r = kg(['build', join(dir, 'in'), '-o', join(dir, 'f.json'), '--no-layout']);
    expect(r.code).toBe(0);
    const g = JSON.parse(readFileSync(join(dir, 'f.json'), 'utf8')) as GraphFile;
    expect(g.attributes.documents.map((d) => [d.id, d.title])).toEqual([['a', undefined], ['sub/b', 'Samtaler']]);
    expect(g.edges.map((e) => e.key).sort()).toEqual(['russia->attacks->ukraine', 'united-states->negotiates_with->taliban']);
  });

  it('reads JSONL, skipping a broken line with a warning naming file and line', () => {
    const dir = tempDir();
    const file = join(dir, 'docs.jsonl');
    writeFileSync(file, [JSON.stringify({ id: 'd1', text: 'Russland angriper Ukraina.' }), '{broken', JSON.stringify({ id: 'd2', text: 'Kina truer Taiwan.', lang: 'nb' })].join('\n'));
    const r = kg(['build', file, '-o', join(dir, 'j.json'), '--no-layout']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`kg: warning: skipped ${file}:2: not valid JSON\n`);
    const g = JSON.parse(readFileSync(join(dir, 'j.json'), 'utf8')) as GraphFile;
    expect(g.attributes.documents.map((d) => d.id)).toEqual(['d1', 'd2']);
    const strict = kg(['build', file, '-o', join(dir, 'k.json'), '--no-layout', '--strict']);
    expect(strict.code).toBe(2);
  });
});

describe('bad input: one line naming what and where, exit 2, no output file', () => {
  const dir = tempDir();
  const cases: { name: string; setup: () => string; message: RegExp }[] = [
    { name: 'missing file', setup: () => join(dir, 'nope.txt'), message: /^kg: .*nope\.txt: no such file or directory\n$/ },
    {
      name: 'binary file',
      setup: () => {
        const f = join(dir, 'bin.txt');
        writeFileSync(f, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
        return f;
      },
      message: /^kg: .*bin\.txt: binary file \(NUL byte at offset 4\), expected UTF-8 text\n$/,
    },
    {
      name: 'empty file',
      setup: () => {
        const f = join(dir, 'empty.txt');
        writeFileSync(f, '  \n');
        return f;
      },
      message: /^kg: .*empty\.txt: empty input: no text to read\n$/,
    },
    {
      name: 'invalid UTF-8',
      setup: () => {
        const f = join(dir, 'latin1.txt');
        writeFileSync(f, Buffer.from('Norge st\xf8tter Ukraina', 'latin1'));
        return f;
      },
      message: /^kg: .*latin1\.txt: invalid UTF-8 at byte 8\n$/,
    },
    {
      name: 'huge input',
      setup: () => {
        const f = join(dir, 'huge.txt');
        writeFileSync(f, '');
        truncateSync(f, 60 * 1024 * 1024);
        return f;
      },
      message: /^kg: .*huge\.txt: input is too large \(62914560 bytes; the limit is 52428800\)\n$/,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const input = c.setup();
      const out = join(dir, `${c.name.replace(/\W/g, '-')}.json`);
      const r = kg(['build', input, '-o', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(c.message);
      expect(existsSync(out)).toBe(false);
    });
  }
  it('leaves no temporary files behind', () => {
    expect(readdirSync(dir).filter((f) => f.startsWith('.kg-tmp'))).toEqual([]);
  });
  it('rejects a bad option value', () => {
    const r = kg(['build', SAMPLE, '--min-confidence', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("kg: option '--min-confidence <x>' argument '2' is invalid. expected a number from 0 to 1, got \"2\" (see --help)\n");
  });
  it('refuses a folder as the output, before any work: no graph, no build state, no folder made', () => {
    const base = tempDir();
    const existing = join(base, 'out');
    mkdirSync(existing);
    for (const [target, shown] of [
      [existing, existing],
      [join(base, 'new') + '/', join(base, 'new') + '/'],
    ] as const) {
      const r = kg(['build', SAMPLE, '-o', target]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`kg: ${shown}: is a folder: -o names the graph file to write, e.g. ${join(target, 'graph.json')}\n`);
    }
    expect(readdirSync(base)).toEqual(['out']);
    expect(readdirSync(existing)).toEqual([]);
  });
  it('says what is wrong with an option in the one style of every error, on one line', () => {
    const r = kg(['build', SAMPLE, '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("kg: unknown option '--bogus' (see --help)\n");
    const missing = kg(['build', SAMPLE, '--jobs']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("kg: option '-j, --jobs <n>' argument missing (see --help)\n");
  });
  it('rejects an unknown language', () => {
    const r = kg(['build', SAMPLE, '--lang', 'sv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("argument 'sv' is invalid. Allowed choices are auto, nb, nn, en.");
  });
  it('rejects a broken user knowledge base', () => {
    const f = join(dir, 'kb.json');
    writeFileSync(f, '{"version": "1", "entities": [{"id": "x"}]}');
    const r = kg(['build', SAMPLE, '--kb', f, '-o', join(dir, 'kb-out.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').length).toBe(2);
    expect(r.stderr).toMatch(/^kg: .*kb\.json: /);
    expect(existsSync(join(dir, 'kb-out.json'))).toBe(false);
  });
});

describe('help', () => {
  it('kg --help lists the commands', () => {
    const r = kg(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['build', 'export', 'stats', 'eval', 'view']) expect(r.stdout).toContain(c);
  });
  it('kg build --help explains the options with an example', () => {
    const r = kg(['build', '--help']);
    expect(r.code).toBe(0);
    for (const o of ['--lang', '--seed', '--no-layout', '--min-confidence', '--kb', 'Examples:']) expect(r.stdout).toContain(o);
  });
  it('an unknown command exits 2', () => {
    const r = kg(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
  });
});
