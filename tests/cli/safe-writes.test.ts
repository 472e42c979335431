// An output that would replace an input is refused before anything is read or written: same file for
// build, export, render, merge and tag, and an article-like file inside a folder that build reads.
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kg, tempDir, ROOT } from './helpers.js';

describe('an output that is one of the inputs', () => {
  const dir = tempDir();
  const article = join(dir, 'a.txt');
  writeFileSync(article, 'Norge og Sverige signerte avtalen.\n');
  const graph = join(dir, 'g.json');
  copyFileSync(join(ROOT, 'graphs', 'nato-irak-2020.json'), graph);
  const conllu = join(dir, 'x.conllu');
  copyFileSync(join(ROOT, 'tests', 'fixtures', 'ner', 'untagged.conllu'), conllu);
  const folder = join(dir, 'articles');
  mkdirSync(folder);
  writeFileSync(join(folder, 'b.txt'), 'Russland angrep Ukraina.\n');

  it.each([
    ['kg build a.txt -o a.txt', ['build', article, '-o', article, '--no-layout'], article],
    ['kg export g.json -o g.json --format gexf', ['export', graph, '-o', graph, '--format', 'gexf'], graph],
    ['kg render g.json -o g.json', ['render', graph, '-o', graph], graph],
    ['kg merge g.json -o g.json', ['merge', graph, '-o', graph], graph],
    ['kg tag --conllu x.conllu -o x.conllu', ['tag', '--conllu', conllu, '-o', conllu], conllu],
  ])('%s is refused with exit 2 and the input left as it was', (_name, args, input) => {
    const before = readFileSync(input);
    const r = kg(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kg: .+: the output file is one of the inputs: choose another -o\n$/);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it('refuses an article-like output inside a folder that build reads, and allows a graph there', () => {
    const r = kg(['build', folder, '-o', join(folder, 'c.txt'), '--no-layout', '--no-state']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kg: .+c\.txt: the output is inside the input folder .+ and would be read as an article: choose another -o\n$/);
    const ok = kg(['build', folder, '-o', join(folder, 'graph.json'), '--no-layout', '--no-state', '--no-syntax', '-q']);
    expect(ok.code, ok.stderr).toBe(0);
  });
});

describe('the HTML export, made for sharing', () => {
  it('leaves the documents\' local paths out unless --keep-paths', () => {
    const dir = tempDir();
    const article = join(dir, 'secret-folder', 'a.nb.txt');
    mkdirSync(join(dir, 'secret-folder'));
    writeFileSync(article, 'Norge og Sverige signerte avtalen.\n');
    const graph = join(dir, 'g.json');
    expect(kg(['build', article, '-o', graph, '--no-layout', '--no-state', '--no-syntax', '-q']).code).toBe(0);
    expect(readFileSync(graph, 'utf8')).toContain('secret-folder');
    const html = join(dir, 'g.html');
    expect(kg(['export', graph, '-o', html]).code).toBe(0);
    expect(readFileSync(html, 'utf8')).not.toContain('secret-folder');
    expect(kg(['export', graph, '-o', html, '--keep-paths']).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('secret-folder');
  });
});

describe('what a corpus folder holds', () => {
  it('reads articles through symbolic links, once each, and leaves README and LICENSE files out', () => {
    const dir = tempDir();
    const corpus = join(dir, 'corpus');
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(corpus);
    mkdirSync(elsewhere);
    writeFileSync(join(corpus, 'a.txt'), 'Norge og Sverige signerte avtalen.\n');
    writeFileSync(join(corpus, 'README.md'), '# Samples\nThis folder holds test articles.\n');
    writeFileSync(join(corpus, 'LICENSE.txt'), 'MIT License\n');
    writeFileSync(join(elsewhere, 'b.txt'), 'Russland angrep Ukraina.\n');
    writeFileSync(join(dir, 'c.txt'), 'Kina truet Taiwan.\n');
    symlinkSync(elsewhere, join(corpus, 'linked'));
    symlinkSync(join(dir, 'c.txt'), join(corpus, 'c.txt'));
    symlinkSync(corpus, join(elsewhere, 'loop'));
    const graph = join(dir, 'g.json');
    const r = kg(['build', corpus, '-o', graph, '--no-layout', '--no-state', '--no-syntax', '-q', '--strict']);
    expect(r.code, r.stderr).toBe(0);
    const ids = (JSON.parse(readFileSync(graph, 'utf8')) as { attributes: { documents: { id: string }[] } }).attributes.documents.map((d) => d.id);
    expect(ids.sort()).toEqual(['a', 'c', 'linked/b']);
  });
});

describe('a large document', () => {
  it('is extracted, not refused with a stack overflow (hundreds of thousands of role-noun mentions)', () => {
    const dir = tempDir();
    const article = join(dir, 'big.txt');
    writeFileSync(article, Array.from({ length: 130_000 }, () => 'Irak venter. Landet vil ha støtte fra alliansen.').join(' '));
    const r = kg(['build', article, '--lang', 'nb', '-o', join(dir, 'g.json'), '--no-layout', '--no-state', '--no-syntax', '-q']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
