// kg tag, kg eval ner and kg train ner through the built binary: output files, numbers, and one-line errors.
import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kg, tempDir, ROOT } from '../cli/helpers.js';

const FIX = join(ROOT, 'tests', 'fixtures', 'ner');

describe('kg tag', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });

  it('writes name= tags into column 10 and keeps everything else', () => {
    const out = join(dir, 'tagged.conllu');
    const r = kg(['tag', '--conllu', join(FIX, 'untagged.conllu'), '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/tagged 2 sentences, 11 tokens, \d+ entities; wrote/);
    const a = readFileSync(join(FIX, 'untagged.conllu'), 'utf8').split('\n');
    const b = readFileSync(out, 'utf8').split('\n');
    expect(b).toHaveLength(a.length);
    a.forEach((line, i) => {
      if (!/^\d+\t/.test(line)) return expect(b[i]).toBe(line);
      const [x, y] = [line.split('\t'), b[i]!.split('\t')];
      expect(y.slice(0, 9)).toEqual(x.slice(0, 9));
      // Column 10 is the old one with its name= part set (added when it had none).
      const strip = (m: string) => m.split('|').filter((p) => !p.startsWith('name=') && p !== '_').join('|');
      expect(strip(y[9]!)).toBe(strip(x[9]!));
      expect(y[9]).toMatch(/(^|\|)name=(O|[BI]-[A-Z_]+)(\||$)/);
    });
    expect(b[6]).toMatch(/\tSpaceAfter=No\|name=B-GPE_LOC$/);
    expect(b[3]).toMatch(/\tname=B-PER$/);
  });

  it('writes to stdout without -o', () => {
    const r = kg(['tag', '--conllu', join(FIX, 'untagged.conllu')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\tname=B-PER\n');
  });
});

describe('kg eval ner', () => {
  it('prints the hand-counted scores of the fixture', () => {
    const r = kg(['eval', 'ner', join(FIX, 'gold.conllu'), join(FIX, 'pred.conllu')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^PER\s+2\s+3\s+2\s+66\.67\s+100\.00\s+80\.00$/m);
    expect(r.stdout).toMatch(/^ORG\s+2\s+2\s+1\s+50\.00\s+50\.00\s+50\.00$/m);
    expect(r.stdout).toMatch(/^GPE_LOC\s+3\s+2\s+2\s+100\.00\s+66\.67\s+80\.00$/m);
    expect(r.stdout).toMatch(/^overall\s+9\s+8\s+5\s+62\.50\s+55\.56\s+58\.82$/m);
    expect(r.stdout).toMatch(/^untyped\s+9\s+8\s+7\s+87\.50\s+77\.78\s+82\.35$/m);
  });

  it('tags the gold file with the shipped model when no prediction is given', () => {
    const r = kg(['eval', 'ner', join(FIX, 'gold.conllu')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^overall\s+9\s+\d+\s+\d+/m);
  });

  const bad: [string, string[], RegExp][] = [
    ['a missing file', ['eval', 'ner', join(FIX, 'nope.conllu')], /^kg: .*nope\.conllu: no such file or directory$/],
    ['a file that is not CoNLL', ['eval', 'ner', join(FIX, 'not-conll.txt')], /^kg: .*not-conll\.txt:1: not a CoNLL token line: expected 10 tab-separated columns, got 1$/],
    ['gold without tags', ['eval', 'ner', join(FIX, 'untagged.conllu')], /^kg: .*untagged\.conllu:4: token without an entity tag/],
    ['other tokens in the prediction', ['eval', 'ner', join(FIX, 'gold.conllu'), join(FIX, 'dev.conllu')], /^kg: .*dev\.conllu: has 3 sentences, the gold file 4$/],
    ['no file', ['eval', 'ner'], /^kg: usage: kg eval ner GOLD \[PRED\]/],
    ['kg tag on prose', ['tag', '--conllu', join(FIX, 'not-conll.txt')], /^kg: .*not-conll\.txt:1: not a CoNLL token line/],
    ['kg tag with a model that is no model', ['tag', '--conllu', join(FIX, 'untagged.conllu'), '--model', join(FIX, 'not-conll.txt')], /^kg: .*not-conll\.txt: not a usable NER model: wrong magic number$/],
    ['kg train of something else', ['train', 'pos', '--train', join(FIX, 'train.conllu'), '--dev', join(FIX, 'dev.conllu'), '-o', 'x'], /^kg: unknown model "pos"/],
  ];
  it.each(bad)('refuses %s with one line and exit 2', (_n, args, message) => {
    const r = kg(args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(message);
    expect(r.stdout).toBe('');
  });
});

describe('kg train ner', () => {
  it('trains on a fixture, reports every epoch, and the model tags with kg tag', () => {
    const dir = tempDir();
    const model = join(dir, 'm.model.gz');
    const args = ['train', 'ner', '--train', join(FIX, 'train.conllu'), '--dev', join(FIX, 'dev.conllu'), '-o', model, '--epochs', '4', '--seed', '5', '--min-count', '1'];
    const r = kg(args);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.match(/^kg: epoch \d\/4: .* dev P [\d.]+ R [\d.]+ F1 [\d.]+/gm)).toHaveLength(4);
    expect(r.stderr).toMatch(/kg: kept epoch \d: dev P/);
    const first = readFileSync(model);
    expect(kg(args).code).toBe(0);
    expect(readFileSync(model).equals(first)).toBe(true);
    const out = join(dir, 'tagged.conllu');
    expect(kg(['tag', '--conllu', join(FIX, 'dev.conllu'), '--model', model, '-o', out]).code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const e = kg(['eval', 'ner', join(FIX, 'dev.conllu'), out]);
    expect(e.code).toBe(0);
    expect(e.stdout).toMatch(/^overall\s+/m);
  });

  it('cross-validates with --cv: mean held-out F1 per epoch on stdout, the best marked, no model written', () => {
    const dir = tempDir();
    const args = ['train', 'ner', '--cv', '2', '--train', join(FIX, 'train.conllu'), '--also', join(FIX, 'gold.conllu'), '--epochs', '3', '--min-count', '1'];
    const r = kg(args, { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.map((l) => l.split('\t')[0])).toEqual(['epoch 1', 'epoch 2', 'epoch 3']);
    expect(lines.filter((l) => l.endsWith('\tbest'))).toHaveLength(1);
    expect(r.stderr).toMatch(/^kg: 2-fold cross-validation on \d+ sentences \(\d+ tokens\), 4 more sentences in every training part$/m);
    expect(r.stderr.match(/^kg: fold \d\/2: held-out F1 [\d.]+ after epoch 3/gm)).toHaveLength(2);
    expect(kg(args, { cwd: dir }).stdout).toBe(r.stdout);
    const both = kg([...args, '-o', join(dir, 'm.gz')]);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe('kg: --cv measures and writes no model: leave out -o\n');
  });

  it('--repeat counts every --train sentence n times per epoch: another model, the same with the same n', () => {
    const dir = tempDir();
    const base = ['train', 'ner', '--train', join(FIX, 'train.conllu'), '--also', join(FIX, 'gold.conllu'), '--epochs', '2', '--min-count', '1', '--no-kb'];
    const once = join(dir, 'once.gz');
    const twice = join(dir, 'twice.gz');
    const again = join(dir, 'again.gz');
    expect(kg([...base, '-o', once]).code).toBe(0);
    expect(kg([...base, '--repeat', '2', '-o', twice]).code).toBe(0);
    expect(kg([...base, '--repeat', '2', '-o', again]).code).toBe(0);
    expect(readFileSync(twice).equals(readFileSync(once))).toBe(false);
    expect(readFileSync(twice).equals(readFileSync(again))).toBe(true);
    const bad = kg([...base, '--repeat', '0', '-o', join(dir, 'x.gz')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('kg: option \'--repeat <n>\' argument \'0\' is invalid. expected an integer from 1 to 20, got "0" (see --help)\n');
    expect(existsSync(join(dir, 'x.gz'))).toBe(false);
  });

  it('trains on GUM and IOB2 files, renames types with --map-types, records --lang, and kg eval ner --types scores a subset', () => {
    const dir = tempDir();
    const model = join(dir, 'en.model.gz');
    const r = kg(['train', 'ner', '--lang', 'en', '--train', join(FIX, 'gum-sample.conllu'), join(FIX, 'uner-sample.iob2'), '--also', join(FIX, 'train.conllu'), '--map-types', 'GPE_LOC=LOC,GPE_ORG=O,DRV=O', '--epochs', '3', '--min-count', '1', '--no-kb', '-o', model]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/kg: kept epoch 3; \d+ features; wrote /);
    const gzip = readFileSync(model);
    expect(gzip.length).toBeGreaterThan(100);
    const e = kg(['eval', 'ner', join(FIX, 'uner-sample.iob2'), '--model', model, '--types', 'PER,LOC', '--json']);
    expect(e.code, e.stderr).toBe(0);
    const score = JSON.parse(e.stdout) as { byType: { type: string; score: { gold: number } }[] };
    expect(score.byType.map((t) => [t.type, t.score.gold])).toEqual([['PER', 1], ['LOC', 2]]);
    const bad = kg(['train', 'ner', '--train', join(FIX, 'train.conllu'), '--map-types', 'GPE_LOC', '-o', join(dir, 'x.gz')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('kg: --map-types: "GPE_LOC" is not FROM=TO (e.g. GPE_LOC=LOC,DRV=O)\n');
    expect(existsSync(join(dir, 'x.gz'))).toBe(false);
    const lang = kg(['train', 'ner', '--lang', 'se', '--train', join(FIX, 'train.conllu'), '-o', join(dir, 'x.gz')]);
    expect(lang.stderr).toMatch(/^kg: --lang: unknown language "se"/);
  });

  it('kg tag --lang en tags with the English model', () => {
    const dir = tempDir();
    const file = join(dir, 'en.conllu');
    writeFileSync(file, ['Maria', 'Olvera', 'flew', 'to', 'Lisbon', '.'].map((w, i) => `${i + 1}\t${w}\t_\t_\t_\t_\t_\t_\t_\t_`).join('\n') + '\n\n');
    const r = kg(['tag', '--conllu', file, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n').map((l) => l.split('\t')[9] ?? '').filter((t) => t)).toEqual(['name=B-PER', 'name=I-PER', 'name=O', 'name=O', 'name=B-LOC', 'name=O']);
  });

  it('refuses training data without tags', () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.conllu');
    writeFileSync(bad, readFileSync(join(FIX, 'untagged.conllu')));
    const r = kg(['train', 'ner', '--train', bad, '--dev', join(FIX, 'dev.conllu'), '-o', join(dir, 'm')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(dir, 'm'))).toBe(false);
  });
});
