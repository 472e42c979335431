// kg parse, kg eval parse and kg train syntax through the built binary: kept bytes, hand-counted scores,
// one-line errors with exit code 2 and no output file.
import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kg, tempDir, ROOT } from '../cli/helpers.js';

const FIX = join(ROOT, 'tests', 'fixtures', 'syntax');

describe('kg parse --conllu', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });

  it('fills LEMMA..DEPREL and keeps every other byte', () => {
    const out = join(dir, 'parsed.conllu');
    const r = kg(['parse', '--conllu', join(FIX, 'en-small.conllu'), '--lang', 'en', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^kg: parsed 4 sentences, 28 words \(UD trees\); wrote /);
    const a = readFileSync(join(FIX, 'en-small.conllu'), 'utf8').split('\n');
    const b = readFileSync(out, 'utf8').split('\n');
    expect(b).toHaveLength(a.length);
    a.forEach((line, i) => {
      if (!/^\d+\t/.test(line)) return expect(b[i]).toBe(line);
      const [x, y] = [line.split('\t'), b[i]!.split('\t')];
      expect([y[0], y[1], y[9]]).toEqual([x[0], x[1], x[9]]);
      expect(y[6]).toMatch(/^\d+$/);
      expect(y[8]).toBe('_');
      expect(y[3]).toMatch(/^[A-Z]+$/);
    });
  });

  it.each([
    ['bad-columns.conllu', /^kg: .*bad-columns\.conllu:2: not a CoNLL-U word line: expected 10 tab-separated columns, got 9\n$/],
    ['bad-head.conllu', /^kg: .*bad-head\.conllu:2: the HEAD column is "one": expected a number or _\n$/],
    ['empty.conllu', /^kg: .*empty\.conllu: .+\n$/],
  ])('refuses %s with one line, exit 2 and no output file', (file, message) => {
    const out = join(dir, `${file}.out`);
    const r = kg(['parse', '--conllu', join(FIX, file), '--lang', 'en', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses to write over its input', () => {
    const r = kg(['parse', '--conllu', join(FIX, 'en-small.conllu'), '-o', join(FIX, 'en-small.conllu')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kg: .*en-small\.conllu: the output file is one of the inputs: choose another -o\n$/);
  });
});

describe('kg parse TEXT', () => {
  it('writes CoNLL-U of the text as kg tokenises it, with offsets and the scheme', () => {
    const r = kg(['parse', '-', '--lang', 'en'], { input: 'NATO trains Iraqi soldiers. They met in Oslo.' });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('# scheme = UD (en)');
    expect(lines[1]).toBe('# sent_id = 1');
    expect(lines[2]).toBe('# text = NATO trains Iraqi soldiers.');
    const words = lines.filter((l) => /^\d+\t/.test(l)).map((l) => l.split('\t'));
    expect(words.map((w) => w[1])).toEqual(['NATO', 'trains', 'Iraqi', 'soldiers', '.', 'They', 'met', 'in', 'Oslo', '.']);
    expect(words[0]![9]).toBe('TokenRange=0:4');
    expect(words[3]![9]).toBe('TokenRange=18:26|SpaceAfter=No');
    expect(words[8]![9]).toBe('TokenRange=40:44|SpaceAfter=No');
  });
});

describe('kg parse TEXT: language and datelines', () => {
  it('takes the language a file name states, as kg build does, and parses a dateline apart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-parse-'));
    try {
      // (Short and without Norwegian letters: detection alone would not say Bokmål.)
      const file = join(dir, 'kort.nb.txt');
      writeFileSync(file, 'LIMA (NTB): Kari Dahl besøkte Peru.\n');
      const r = kg(['parse', file]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.split('\n')[0]).toBe('# scheme = NDT (nb)');
      const words = r.stdout.split('\n').filter((l) => /^\d+\t/.test(l)).map((l) => l.split('\t'));
      // The dateline "LIMA (NTB):" hangs on the sentence's root as a parenthetical, apart from the clause.
      const root = words.find((w) => w[6] === '0')!;
      expect(root[1]).toBe('besøkte');
      expect(words[0]![6]).toBe(root[0]);
      expect(words[0]![7]).toBe('PAR');
      expect(words.slice(1, 5).every((w) => Number(w[6]) <= 5)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('kg eval parse', () => {
  it('prints the hand-counted scores of the fixture (labels compared up to the colon)', () => {
    const r = kg(['eval', 'parse', join(FIX, 'en-small.conllu'), join(FIX, 'en-small.pred.conllu')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^scheme: UD$/m);
    expect(r.stdout).toMatch(/^4 sentences, 28 words$/m);
    expect(r.stdout).toMatch(/^UPOS\s+96\.43$/m);
    expect(r.stdout).toMatch(/^UAS\s+96\.43$/m);
    expect(r.stdout).toMatch(/^LAS\s+92\.86$/m);
    expect(r.stdout).toMatch(/^obj\s+3\s+2\s+50\.00\s+33\.33\s+40\.00$/m);
    expect(r.stdout).toMatch(/^nsubj\s+5\s+5\s+100\.00\s+100\.00\s+100\.00$/m);
  });

  it('refuses a prediction with other words', () => {
    const r = kg(['eval', 'parse', join(FIX, 'en-small.conllu'), join(FIX, 'nb-small.ndt.conll')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kg: .*nb-small\.ndt\.conll: has 2 sentences, the gold file 4\n$/);
  });
});

describe('kg train syntax', () => {
  it('gives the same model bytes twice with one seed', () => {
    const dir = tempDir();
    const args = (o: string) => ['train', 'syntax', '--lang', 'en', '--train', join(FIX, 'en-small.conllu'), '-o', o, '--seed', '4', '--parse-epochs', '3', '--tag-epochs', '3'];
    const a = kg(args(join(dir, 'a.gz')));
    expect(a.code, a.stderr).toBe(0);
    expect(a.stderr).toMatch(/training en syntax \(UD trees\) on 4 sentences, 28 words from 1 file/);
    expect(kg(args(join(dir, 'b.gz'))).code).toBe(0);
    expect(readFileSync(join(dir, 'a.gz')).equals(readFileSync(join(dir, 'b.gz')))).toBe(true);
    const r = kg(['eval', 'parse', join(FIX, 'en-small.conllu'), '--syntax-model', join(dir, 'a.gz'), '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^LAS\s+\d+\.\d\d$/m);
  });

  it('needs --lang', () => {
    const r = kg(['train', 'syntax', '--train', join(FIX, 'en-small.conllu'), '-o', join(tempDir(), 'x.gz')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kg: kg train syntax needs --lang nb|nn|en\n');
  });

  it('--also takes treebanks of the same scheme only, and no output may overwrite a treebank', () => {
    const dir = tempDir();
    const r = kg(['train', 'syntax', '--lang', 'nb', '--train', join(FIX, 'nb-small.ndt.conll'), '--also', join(FIX, 'en-small.conllu'), '-o', join(dir, 'x.gz')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kg: --also treebanks must have the scheme of --train (NDT trees), got UD trees\n');
    expect(existsSync(join(dir, 'x.gz'))).toBe(false);
    const copy = join(dir, 'also.conll');
    writeFileSync(copy, readFileSync(join(FIX, 'nb-small.ndt.conll')));
    const o = kg(['train', 'syntax', '--lang', 'nb', '--train', join(FIX, 'nb-small.ndt.conll'), '--also', copy, '-o', copy]);
    expect(o.code).toBe(2);
    expect(o.stderr).toMatch(/^kg: .*also\.conll: the output file is one of the inputs: choose another -o\n$/);
    expect(readFileSync(copy).equals(readFileSync(join(FIX, 'nb-small.ndt.conll')))).toBe(true);
    const ok = kg(['train', 'syntax', '--lang', 'nb', '--train', join(FIX, 'nb-small.ndt.conll'), '--also', copy, '-o', join(dir, 'y.gz'), '--parse-epochs', '2', '--tag-epochs', '2']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toContain('kg: the parser also trains on 2 sentences from 1 file(s) (--also; not the tagger or lemmatiser)\n');
  });

  it('refuses a file without trees', () => {
    const r = kg(['train', 'syntax', '--lang', 'en', '--train', join(FIX, 'no-trees.conllu'), '-o', join(tempDir(), 'x.gz')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kg: .*no-trees\.conllu:2: sentence 1: a word without HEAD or DEPREL: not a treebank\n$/);
  });
});
