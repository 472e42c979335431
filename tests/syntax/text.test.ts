// How the syntax stage reads running text rather than treebank words: English clitics split as EWT writes them
// and merged back onto our tokens, and words of known names tagged PROPN before parsing.
import { describe, expect, it } from 'vitest';
import { analyseWords } from '../../src/syntax/analyse.js';
import { loadShippedSyntax } from '../../src/cli/model.js';

describe('English clitics', () => {
  const en = loadShippedSyntax('en');
  const words = ["Peru", "didn't", 'attack', "Chile's", "allies'", 'ships', '.'];
  const w = analyseWords(en, words);

  it('gives a negated auxiliary the analysis of "n\'t": the verb keeps its negation', () => {
    expect([w[1]!.lemma, w[1]!.deprel, w[1]!.head]).toEqual(['not', 'advmod', 3]);
    expect([w[2]!.upos, w[2]!.deprel]).toEqual(['VERB', 'root']);
    expect([w[0]!.deprel, w[0]!.head]).toEqual(['nsubj', 3]);
  });

  it('gives a genitive the analysis of its name, and a plural possessive that of its noun', () => {
    expect([w[3]!.lemma, w[3]!.deprel, w[3]!.head]).toEqual(['Chile', 'nmod:poss', 5]);
    expect([w[4]!.lemma, w[4]!.deprel, w[4]!.head]).toEqual(['ally', 'nmod:poss', 6]);
    expect([w[5]!.deprel, w[5]!.head]).toEqual(['obj', 3]);
  });

  it('leaves a quote mark after a word that does not end in s as it is', () => {
    const q = analyseWords(en, ['They', 'said', "'no'", '.']);
    expect(q).toHaveLength(4);
    expect(q.filter((x) => x.head === 0)).toHaveLength(1);
  });
});

describe('names tagged before parsing', () => {
  const en = loadShippedSyntax('en');
  it('tags the words marked as a name PROPN, whatever the tagger would say', () => {
    const forms = ['Lockheed', 'Martin', 'won', 'the', 'contract', '.'];
    const names = [true, true, false, false, false, false];
    const w = analyseWords(en, forms, names);
    expect(w.slice(0, 2).map((x) => x.upos)).toEqual(['PROPN', 'PROPN']);
    expect(w[2]!.upos).toBe('VERB');
    expect(w.filter((x) => x.head === 0).map((x) => x.lemma)).toEqual(['win']);
  });
});
