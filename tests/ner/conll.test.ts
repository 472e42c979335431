// CoNLL reading and writing: forms and name= tags read from column 2 and 10, every other byte kept on write.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConll, requireTags, writeConllTags } from '../../src/ner/index.js';
import { KgError } from '../../src/errors.js';

const FIX = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'ner');
const untagged = readFileSync(join(FIX, 'untagged.conllu'), 'utf8');

function line(...cols: string[]): string {
  return cols.join('\t');
}
const tok = (id: string, form: string, misc = '_') => line(id, form, '_', '_', '_', '_', '0', 'root', '_', misc);

describe('parseConll', () => {
  it('reads forms and tags, skipping comments and multiword-token lines', () => {
    const s = parseConll(untagged, 'untagged.conllu');
    expect(s.map((x) => x.tokens)).toEqual([
      ['Jens', 'Stoltenberg', 'besøkte', 'Oslo', '.'],
      ['Kari', 'Nordmann', 'bor', 'i', 'Bergen', '.'],
    ]);
    expect(s[0]!.tags).toEqual([null, 'O', null, null, 'B-PER']);
    expect(s[1]!.tags).toEqual(['O', null, null, null, null, null]);
  });

  it('reads CRLF files and a BOM', () => {
    const text = `\uFEFF${tok('1', 'Oslo', 'name=B-GPE_LOC')}\r\n${tok('2', '.', 'name=O')}\r\n\r\n`;
    expect(parseConll(text)).toEqual([{ tokens: ['Oslo', '.'], tags: ['B-GPE_LOC', 'O'], lines: [0, 1] }]);
  });

  const bad: [string, string, RegExp][] = [
    ['prose', 'Just some text.\n', /x:1: not a CoNLL token line: expected 10 tab-separated columns, got 1/],
    ['a bad ID', `${line('x', 'a', '_', '_', '_', '_', '_', '_', '_', '_')}\n`, /x:1: not a CoNLL token line: the ID column is "x"/],
    ['a bad tag', `${tok('1', 'Oslo', 'name=B-')}\n`, /x:1: invalid entity tag "name=B-"/],
    ['only comments', '# hello\n\n', /x: no token lines: not a CoNLL file/],
  ];
  it.each(bad)('refuses %s with the line', (_name, text, message) => {
    try {
      parseConll(text, 'x');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(KgError);
      const k = e as KgError;
      expect(`${k.where}: ${k.message}`).toMatch(message);
    }
  });

  it('requireTags names the first untagged token', () => {
    expect(() => requireTags(parseConll(untagged, 'u'), 'u')).toThrow(/entity tag/);
    try {
      requireTags(parseConll(untagged, 'u'), 'u');
    } catch (e) {
      expect((e as KgError).where).toBe('u:4');
    }
  });
});

describe('writeConllTags', () => {
  it('sets column 10 name= and keeps every other byte', () => {
    const tags = [
      ['B-PER', 'I-PER', 'O', 'B-GPE_LOC', 'O'],
      ['B-PER', 'I-PER', 'O', 'O', 'B-GPE_LOC', 'O'],
    ];
    const out = writeConllTags(untagged, tags);
    const a = untagged.split('\n');
    const b = out.split('\n');
    expect(b).toHaveLength(a.length);
    expect(b[3]).toBe(line('1', 'Jens', 'Jens', 'PROPN', '_', '_', '3', 'nsubj', '_', 'name=B-PER'));
    expect(b[4]!.endsWith('\tname=I-PER')).toBe(true);
    expect(b[6]!.endsWith('\tSpaceAfter=No|name=B-GPE_LOC')).toBe(true);
    expect(b[7]!.endsWith('\tSpaceAfter=No|name=O')).toBe(true);
    expect(b[11]!.endsWith('\tFoo=Bar|name=B-PER|Baz=Qux')).toBe(true);
    // Comments, the multiword-token line and columns 1-9 are untouched.
    a.forEach((l, i) => {
      if (l.startsWith('#') || l === '' || l.startsWith('3-4')) expect(b[i]).toBe(l);
      else expect(b[i]!.split('\t').slice(0, 9)).toEqual(l.split('\t').slice(0, 9));
    });
    expect(parseConll(out).map((s) => s.tags)).toEqual(tags);
  });

  it('keeps CRLF line ends', () => {
    const text = `${tok('1', 'Oslo')}\r\n\r\n`;
    expect(writeConllTags(text, [['B-GPE_LOC']])).toBe(`${tok('1', 'Oslo', 'name=B-GPE_LOC')}\r\n\r\n`);
  });

  it('refuses tags that do not fit the file', () => {
    expect(() => writeConllTags(untagged, [['O']])).toThrow(/expected tags for 2 sentences/);
    expect(() => writeConllTags(untagged, [['O'], ['O']])).toThrow(/sentence 1: expected 5 tags, got 1/);
  });
});
