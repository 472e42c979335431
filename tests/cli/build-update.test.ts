// `kg build --update`: new documents added, changed ones replaced, unchanged ones skipped, and the result
// byte-identical to a full rebuild; the build state it needs, and the settings it must share with the build.
import { describe, expect, it, beforeAll } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kg, tempDir } from './helpers.js';

const ARTICLES: Record<string, string> = {
  'a.txt': 'Generalsekretær Jens Stoltenberg sier at Nato støtter Ukraina. Russland angriper Ukraina.',
  'b.txt': 'Kina truer Taiwan, sier Stoltenberg. Stoltenberg kritiserer Kina.',
  'c.md': '# Samtaler\n\nUSA forhandler med Taliban. Utenriksminister Espen Barth Eide møtte Irans utenriksminister.',
  'sub/d.txt': 'Barth Eide sier at Norge støtter FN. Norge innfører sanksjoner mot Russland.',
};

function writeArticles(dir: string, articles: Record<string, string>): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [name, text] of Object.entries(articles)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

function copyGraph(from: string, to: string): void {
  copyFileSync(from, to);
  copyFileSync(`${from}.kgstate`, `${to}.kgstate`);
}

describe('kg build --update', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    writeArticles(join(dir, 'in'), ARTICLES);
    const r = kg(['build', join(dir, 'in'), '-o', join(dir, 'base.json')]);
    expect(r.code).toBe(0);
  });

  it('adds new documents, replaces changed ones, skips unchanged ones: the same bytes as a full rebuild', () => {
    copyGraph(join(dir, 'base.json'), join(dir, 'updated.json'));
    writeArticles(join(dir, 'in'), {
      ...ARTICLES,
      'b.txt': 'Kina truer Taiwan med en stor øvelse, sier Stoltenberg.',
      'e.txt': 'Camilla Stoltenberg sier at Norge støtter Ukraina. Israel angriper Gaza.',
    });
    const r = kg(['build', '--update', join(dir, 'updated.json'), join(dir, 'in'), '--jobs', '2']);
    expect(r.stderr).toMatch(/^kg: updated .*updated\.json: 5 document\(s\) \(1 new, 1 changed, 3 unchanged\), \d+ entities, \d+ relations\n$/);
    expect(r.code).toBe(0);
    const full = kg(['build', join(dir, 'in'), '--name', 'base', '-o', join(dir, 'full.json')]);
    expect(full.code).toBe(0);
    expect(readFileSync(join(dir, 'updated.json'), 'utf8')).toBe(readFileSync(join(dir, 'full.json'), 'utf8'));
    expect(readFileSync(join(dir, 'updated.json.kgstate'), 'utf8')).toBe(readFileSync(join(dir, 'full.json.kgstate'), 'utf8'));
    const graph = readFileSync(join(dir, 'full.json'), 'utf8');
    expect(graph).not.toContain('Stoltenberg kritiserer Kina.'); // the old text of b is gone with its evidence
  });

  it('writes to -o instead of the graph it updates when asked', () => {
    const before = readFileSync(join(dir, 'base.json'), 'utf8');
    const r = kg(['build', '--update', join(dir, 'base.json'), join(dir, 'in'), '-o', join(dir, 'elsewhere.json'), '--no-layout']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'base.json'), 'utf8')).toBe(before);
    expect(readFileSync(join(dir, 'elsewhere.json.kgstate'), 'utf8').split('\n')[0]).toMatch(/^\{"kgState":1,/);
  });

  it('keeps the settings the graph was built with, and refuses others', () => {
    const strict = join(dir, 'strict.json');
    expect(kg(['build', join(dir, 'in'), '--min-confidence', '0.8', '--drop-unasserted', '--no-layout', '-o', strict]).code).toBe(0);
    writeFileSync(join(dir, 'in', 'f.txt'), 'Norge støtter ikke Russland. Norge støtter Ukraina.');
    const r = kg(['build', '--update', strict, join(dir, 'in', 'f.txt'), '--no-layout']);
    expect(r.code).toBe(0);
    const full = kg(['build', join(dir, 'in'), '--min-confidence', '0.8', '--drop-unasserted', '--no-layout', '--name', 'strict']);
    expect(readFileSync(strict, 'utf8')).toBe(full.stdout);
    const other = kg(['build', '--update', strict, join(dir, 'in', 'f.txt'), '--min-confidence', '0.1']);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/^kg: .*strict\.json: the graph was built with other extraction settings .*: update with the same --lang, --min-confidence, --drop-unasserted, --kb and --frames files, tagger model \(--model, --no-tagger\) and --no-syntax, or rebuild\n$/);
  });

  it('keeps the tagger choice: a rules-only graph stays rules-only, and another model is refused', () => {
    const rules = join(dir, 'rules.json');
    writeFileSync(join(dir, 'in', 'f.txt'), 'Norge støtter ikke Russland. Norge støtter Ukraina.');
    expect(kg(['build', join(dir, 'in'), '--no-tagger', '--no-layout', '-o', rules]).code).toBe(0);
    expect(readFileSync(`${rules}.kgstate`, 'utf8').split('\n')[0]).toContain('"model":"none"');
    writeFileSync(join(dir, 'in', 'f.txt'), 'Kari Hansen fra Venstre støtter Ukraina.');
    expect(kg(['build', '--update', rules, join(dir, 'in', 'f.txt'), '--no-layout']).code).toBe(0);
    const full = kg(['build', join(dir, 'in'), '--no-tagger', '--no-layout', '--name', 'rules']);
    expect(readFileSync(rules, 'utf8')).toBe(full.stdout);
    const tagged = kg(['build', '--update', rules, join(dir, 'in', 'f.txt'), '--model', fileURLToPath(new URL('../../src/ner/model/no.model.gz', import.meta.url))]);
    expect(tagged.code).toBe(2);
    expect(tagged.stderr).toMatch(/other extraction settings \(.*"model":"none"\}, now .*"model":"[0-9a-f]{64}"\}\)/);
  });

  it('needs the build state written beside the graph', () => {
    const lonely = join(dir, 'lonely.json');
    copyFileSync(join(dir, 'base.json'), lonely);
    const r = kg(['build', '--update', lonely, join(dir, 'in')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kg: ${lonely}: no build state beside the graph (${lonely}.kgstate): build the graph once with \`kg build … -o ${lonely}\`\n`);
  });

  it('refuses a build state that does not belong to the graph', () => {
    const mixed = join(dir, 'mixed.json');
    copyFileSync(join(dir, 'base.json'), mixed);
    copyFileSync(join(dir, 'strict.json.kgstate'), `${mixed}.kgstate`);
    const r = kg(['build', '--update', mixed, join(dir, 'in')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the build state does not match the graph \(.*\): rebuild the graph\n$/);
  });
});
