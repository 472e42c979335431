// Entity corpora other than NorNE's CoNLL (src/ner/corpora.ts): GUM's bracketed entity layer read into named
// mentions, IOB2 files, and the format told by content. The fixtures are made-up sentences.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gumMentions, readGum, readIob2, readTaggedText, taggedFormat, titleEnd } from '../../src/ner/index.js';
import { getLanguageResources, titleMatcher } from '../../src/lang/index.js';
import { ROOT } from '../cli/helpers.js';

const FIX = join(ROOT, 'tests', 'fixtures', 'ner');
const gumText = readFileSync(join(FIX, 'gum-sample.conllu'), 'utf8');
const english = titleMatcher(getLanguageResources('en'));

describe('readGum', () => {
  it('reads words (not empty nodes) and every span in the order they close, nested and one-word ones included', () => {
    const [a, b] = readGum(gumText, 'gum');
    expect(a!.words.map((w) => w.form).join(' ')).toBe('Secretary of State Maria Olvera visited the University of Lisbon and the president .');
    expect(a!.spans).toEqual([
      { start: 0, end: 4, type: 'person' },
      { start: 9, end: 9, type: 'place' },
      { start: 6, end: 9, type: 'organization' },
      { start: 11, end: 12, type: 'person' },
    ]);
    expect(b!.words).toHaveLength(6);
  });

  it('refuses a span that closes without opening, naming the line', () => {
    expect(() => readGum('1\tX\tx\tPROPN\tNNP\t_\t0\troot\t_\tEntity=7)\n', 'f.conllu')).toThrow(/entity 7 closes but is not open/);
    try {
      readGum('1\tX\tx\tPROPN\tNNP\t_\t0\troot\t_\tEntity=7)\n', 'f.conllu');
    } catch (e) {
      expect((e as { where?: string }).where ?? String(e)).toMatch(/f\.conllu:1/);
    }
  });
});

describe('gumMentions', () => {
  it('names: a proper-noun head, the run around it with glue words; titles cut; common-noun heads and lone plural persons left out', () => {
    const [a, b] = readGum(gumText, 'gum');
    expect(gumMentions(a!, english).join(' ')).toBe('O O O B-PER I-PER O O B-ORG I-ORG I-ORG O O O O');
    // Without a title matcher the person keeps its title words.
    expect(gumMentions(a!).slice(0, 5).join(' ')).toBe('B-PER I-PER I-PER I-PER I-PER');
    // "Americans" (NNPS person) is a group; "United" (ADJ, capitalised) belongs to the name.
    expect(gumMentions(b!, english).join(' ')).toBe('O O O B-LOC I-LOC O');
  });

  it('names a proper noun in apposition or flat after a common-noun head; never an nmod after it', () => {
    const line = (i: number, form: string, upos: string, head: number, rel: string, ent: string) => `${i}\t${form}\t_\t${upos}\t_\t_\t${head}\t${rel}\t_\t${ent}`;
    const text = [
      line(1, 'the', 'DET', 3, 'det', 'Entity=(1-person'),
      line(2, 'music', 'NOUN', 3, 'compound', '_'),
      line(3, 'critic', 'NOUN', 6, 'nsubj', '_'),
      line(4, 'Ada', 'PROPN', 3, 'appos', '_'),
      line(5, 'Lind', 'PROPN', 4, 'flat', 'Entity=1)'),
      line(6, 'praised', 'VERB', 0, 'root', '_'),
      line(7, 'the', 'DET', 8, 'det', 'Entity=(2-place'),
      line(8, 'capital', 'NOUN', 6, 'obj', '_'),
      line(9, 'of', 'ADP', 10, 'case', '_'),
      line(10, 'Peru', 'PROPN', 8, 'nmod', 'Entity=(3-place)2)'),
      '',
    ].join('\n');
    const [s] = readGum(text, 'gum');
    // "Ada Lind" is the critic's name; "Peru" is a place of its own, and no name of the capital.
    expect(gumMentions(s!, english).join(' ')).toBe('O O O B-PER I-PER O O O O B-LOC');
  });

  it('titleEnd cuts every title before the last name word, never the last', () => {
    const words = ['Former', 'Prime', 'Minister', 'Lars', 'Berg'];
    expect(titleEnd(0, 4, (k) => english(words, k))).toBe(3);
    expect(titleEnd(0, 1, (k) => english(['President', 'Obama'], k))).toBe(1);
    expect(titleEnd(0, 0, (k) => english(['President'], k))).toBe(0);
    expect(titleEnd(0, 1, (k) => english(['John', 'Major'], k))).toBe(0);
  });
});

describe('IOB2 and format detection', () => {
  const iob = readFileSync(join(FIX, 'uner-sample.iob2'), 'utf8');
  it('reads the word and tag columns, OTH as O', () => {
    expect(readIob2(iob, 'u')).toEqual([
      { tokens: ['Maria', 'Olvera', 'works', 'for', 'Acme', 'Ltd', 'in', 'Lisbon', '.'], tags: ['B-PER', 'I-PER', 'O', 'O', 'B-ORG', 'I-ORG', 'O', 'B-LOC', 'O'] },
      { tokens: ['I', 'like', 'Star', 'Wars', 'and', 'Kenya'], tags: ['O', 'O', 'O', 'O', 'O', 'B-LOC'] },
    ]);
    expect(() => readIob2('1\tword\tB-\n', 'u.iob2')).toThrow(/invalid entity tag "B-"/);
  });
  it('tells GUM, CoNLL and IOB2 apart by content', () => {
    expect(taggedFormat(gumText)).toBe('gum');
    expect(taggedFormat(iob)).toBe('iob2');
    expect(taggedFormat(readFileSync(join(FIX, 'gold.conllu'), 'utf8'))).toBe('conll');
    expect(taggedFormat('Just prose here.\n')).toBe('conll');
    expect(readTaggedText(gumText, 'g', english)[1]!.tags).toEqual(['O', 'O', 'O', 'B-LOC', 'I-LOC', 'O']);
  });
});
