// Interned words (src/text/words.ts): the same text and norm as slicing and normalising would give, one Word
// record per form, through the table's growth and restarts; sentences keep their tokens' Words privately.
import { describe, expect, it } from 'vitest';
import { intern, normOf, sentenceWordList, wordOfNorm, Word, type Interned } from '../../src/text/words.js';
import { splitSentences } from '../../src/text/tokenize.js';
import type { Sentence } from '../../src/types.js';

const reference = (raw: string) => raw.normalize('NFC').toLowerCase().replace(/’/g, "'");

describe('intern', () => {
  const out: Interned = { text: '', norm: '', word: new Word('') };

  it('gives the text and norm of the slice', () => {
    const text = "Nato NATO nato Natos NATO's NATO’s e\u0301 É İstanbul ﬁ Å Å Σ ς";
    for (const m of text.matchAll(/\S+/g)) {
      intern(text, m.index, m.index + m[0].length, out);
      expect(out.text).toBe(m[0]);
      expect(out.norm).toBe(reference(m[0]));
      expect(out.word.norm).toBe(out.norm);
    }
  });

  it('finds the same entry for the same form, in any text', () => {
    intern('xx Stoltenberg', 3, 14, out);
    const first = out.text;
    const word = out.word;
    intern('Stoltenberg sa', 0, 11, out);
    expect(out.text).toBe(first);
    expect(out.word).toBe(word);
  });

  it('stays right through growth and restarts of its tables', () => {
    const forms: string[] = [];
    for (let i = 0; i < 150_000; i++) forms.push(`Ord${i.toString(36)}`);
    const text = forms.join(' ');
    let pos = 0;
    const wrong: string[] = [];
    for (const f of forms) {
      intern(text, pos, pos + f.length, out);
      if (out.text !== f || out.norm !== f.toLowerCase() || out.word.norm !== out.norm) wrong.push(f);
      pos += f.length + 1;
    }
    // And again, now (partly) from the tables.
    pos = 0;
    for (const f of forms) {
      intern(text, pos, pos + f.length, out);
      if (out.text !== f || out.norm !== f.toLowerCase() || out.word.norm !== out.norm) wrong.push(f);
      pos += f.length + 1;
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('normOf is the tokeniser\'s norm', () => {
    for (const raw of ['Nato', 'NATO’s', 'e\u0301', 'ÆØÅ']) expect(normOf(raw, false)).toBe(reference(raw));
    expect(normOf('Nato', true)).toBe('nato');
  });
});

describe('sentence words', () => {
  it('are the Words of the tokens, for tokeniser sentences and others alike', () => {
    const [s] = splitSentences('Nato-sjefen møtte USAs president.', { abbreviations: new Set() });
    const words = sentenceWordList(s!);
    expect(words.map((w) => w.norm)).toEqual(s!.tokens.map((t) => t.norm));
    // A plain copy of the sentence (no private words): Words looked up by norm, kept for the same tokens.
    const copy: Sentence = JSON.parse(JSON.stringify(s));
    const copied = sentenceWordList(copy);
    expect(copied.map((w) => w.norm)).toEqual(words.map((w) => w.norm));
    expect(sentenceWordList(copy)).toBe(copied);
    expect(copied[0]).toBe(wordOfNorm('nato-sjefen'));
  });

  it('are looked up again when the tokens change', () => {
    const [s] = splitSentences('Nato møtte USA', { abbreviations: new Set() });
    s!.tokens = s!.tokens.slice(1);
    expect(sentenceWordList(s!).map((w) => w.norm)).toEqual(['møtte', 'usa']);
  });
});
