// Table tests for the NDT → UD UPOS/FEATS conversion, on hand-annotated sentences.
import { describe, it, expect } from 'vitest';
import { ndtToUd, type NdtToken } from '../../src/syntax/ndt.js';

/** One token per row: form, lemma, NDT pos, NDT feats, head, deprel, expected UPOS, expected FEATS. */
type Row = [string, string, string, string, number, string, string, string];

const cases: { name: string; rows: Row[] }[] = [
  {
    name: 'perfect auxiliary ha is AUX, its participle VERB; prop noun is PROPN',
    rows: [
      ['Kari', 'Kari', 'subst', 'prop|fem', 2, 'SUBJ', 'PROPN', 'Gender=Fem'],
      ['har', 'ha', 'verb', 'pres', 0, 'FINV', 'AUX', 'Mood=Ind|Tense=Pres|VerbForm=Fin'],
      ['lest', 'lese', 'verb', 'perf-part', 2, 'INFV', 'VERB', 'VerbForm=Part'],
      ['boka', 'bok', 'subst', 'appell|fem|be|ent', 3, 'DOBJ', 'NOUN', 'Definite=Def|Gender=Fem|Number=Sing'],
      ['.', '$.', 'clb', '<punkt>', 2, 'IP', 'PUNCT', '_'],
    ],
  },
  {
    name: 'ha with an object is VERB; ikke is PART; demonstrative det is DET, personal pronoun PRON',
    rows: [
      ['Vi', 'vi', 'pron', 'fl|pers|hum|nom|1', 2, 'SUBJ', 'PRON', 'Animacy=Hum|Case=Nom|Number=Plur|Person=1|PronType=Prs'],
      ['har', 'ha', 'verb', 'pres', 0, 'FINV', 'VERB', 'Mood=Ind|Tense=Pres|VerbForm=Fin'],
      ['ikke', 'ikke', 'adv', '_', 2, 'ADV', 'PART', 'Polarity=Neg'],
      ['den', 'den', 'det', 'dem|mask|ent', 5, 'DET', 'DET', 'Gender=Masc|Number=Sing|PronType=Dem'],
      ['bilen', 'bil', 'subst', 'appell|mask|be|ent', 2, 'DOBJ', 'NOUN', 'Definite=Def|Gender=Masc|Number=Sing'],
      ['.', '$.', 'clb', '<punkt>', 2, 'IP', 'PUNCT', '_'],
    ],
  },
  {
    name: 'copula være is AUX; subordinator at is SCONJ; infinitive marker å is PART',
    rows: [
      ['Det', 'det', 'pron', 'nøyt|ent|pers|3', 2, 'FSUBJ', 'PRON', 'Gender=Neut|Number=Sing|Person=3|PronType=Prs'],
      ['er', 'være', 'verb', 'pres', 0, 'FINV', 'AUX', 'Mood=Ind|Tense=Pres|VerbForm=Fin'],
      ['viktig', 'viktig', 'adj', 'nøyt|ub|ent|pos', 2, 'SPRED', 'ADJ', 'Definite=Ind|Degree=Pos|Gender=Neut|Number=Sing'],
      ['at', 'at', 'sbu', '_', 6, 'SBU', 'SCONJ', '_'],
      ['hun', 'hun', 'pron', 'fem|ent|pers|hum|3|nom', 6, 'SUBJ', 'PRON', 'Animacy=Hum|Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs'],
      ['prøver', 'prøve', 'verb', 'pres', 2, 'PSUBJ', 'VERB', 'Mood=Ind|Tense=Pres|VerbForm=Fin'],
      ['å', 'å', 'inf-merke', '_', 6, 'DOBJ', 'PART', '_'],
      ['vinne', 'vinne', 'verb', 'inf', 7, 'INFV', 'VERB', 'VerbForm=Inf'],
      ['.', '$.', 'clb', '<punkt>', 2, 'IP', 'PUNCT', '_'],
    ],
  },
  {
    name: 'preposition before an infinitive is SCONJ, before a noun ADP; possessive is PRON; numeral is NUM',
    rows: [
      ['Ola', 'Ola', 'subst', 'prop|mask', 2, 'SUBJ', 'PROPN', 'Gender=Masc'],
      ['ringte', 'ringe', 'verb', 'pret', 0, 'FINV', 'VERB', 'Mood=Ind|Tense=Past|VerbForm=Fin'],
      ['for', 'for', 'prep', '_', 2, 'ADV', 'SCONJ', '_'],
      ['å', 'å', 'inf-merke', '_', 3, 'PUTFYLL', 'PART', '_'],
      ['hjelpe', 'hjelpe', 'verb', 'inf', 4, 'INFV', 'VERB', 'VerbForm=Inf'],
      ['sin', 'sin', 'det', 'mask|ent|poss', 7, 'DET', 'PRON', 'Gender=Masc|Number=Sing|Poss=Yes|PronType=Prs'],
      ['bror', 'bror', 'subst', 'appell|mask|ub|ent', 5, 'DOBJ', 'NOUN', 'Definite=Ind|Gender=Masc|Number=Sing'],
      ['med', 'med', 'prep', '_', 5, 'ADV', 'ADP', '_'],
      ['to', 'to', 'det', 'fl|kvant', 10, 'DET', 'NUM', 'Number=Plur|NumType=Card'],
      ['biler', 'bil', 'subst', 'appell|mask|ub|fl', 8, 'PUTFYLL', 'NOUN', 'Definite=Ind|Gender=Masc|Number=Plur'],
      ['.', '$.', 'clb', '<punkt>', 2, 'IP', 'PUNCT', '_'],
    ],
  },
  {
    name: 'Nynorsk: modal AUX, article DET, relative som PRON, quotes PUNCT',
    rows: [
      ['Eg', 'eg', 'pron', 'pers|1|eint|hum|nom', 2, 'SUBJ', 'PRON', 'Animacy=Hum|Case=Nom|Number=Sing|Person=1|PronType=Prs'],
      ['skal', 'skulle', 'verb', 'pres', 0, 'FINV', 'AUX', 'Mood=Ind|Tense=Pres|VerbForm=Fin'],
      ['kjøpe', 'kjøpe', 'verb', 'inf', 2, 'INFV', 'VERB', 'VerbForm=Inf'],
      ['ein', 'ein', 'det', 'kvant|mask|eint', 5, 'DET', 'DET', 'Gender=Masc|Number=Sing|PronType=Art'],
      ['bil', 'bil', 'subst', 'mask|appell|ub|eint', 3, 'DOBJ', 'NOUN', 'Definite=Ind|Gender=Masc|Number=Sing'],
      ['som', 'som', 'sbu', '_', 10, 'SBU', 'PRON', 'PronType=Rel'],
      ['«', '$"', '<anf>', '_', 8, 'IK', 'PUNCT', '_'],
      ['alle', 'alle', 'pron', 'pers|3|fl', 10, 'SUBJ', 'PRON', 'Number=Plur|Person=3|PronType=Prs,Tot'],
      ['»', '$"', '<anf>', '_', 8, 'IK', 'PUNCT', '_'],
      ['vil', 'ville', 'verb', 'pres', 5, 'ATR', 'AUX', 'Mood=Ind|Tense=Pres|VerbForm=Fin'],
      ['ha', 'ha', 'verb', 'inf', 10, 'INFV', 'VERB', 'VerbForm=Inf'],
      ['.', '$.', 'clb', '<punkt>', 2, 'IP', 'PUNCT', '_'],
    ],
  },
  {
    name: 'headline: symbol is SYM, headline marker PUNCT',
    rows: [
      ['Oslo', 'Oslo', 'subst', 'prop', 0, 'FRAG', 'PROPN', '_'],
      ['/', '$/', 'symb', '_', 1, 'IK', 'SYM', '_'],
      ['Bergen', 'Bergen', 'subst', 'prop', 1, 'KOORD', 'PROPN', '_'],
      ['|', '$|', 'clb', '<overskrift>', 1, 'IP', 'PUNCT', '_'],
    ],
  },
];

describe('ndtToUd', () => {
  for (const { name, rows } of cases) {
    it(name, () => {
      const sentence: NdtToken[] = rows.map(([form, lemma, pos, feats, head, deprel]) => ({ form, lemma, pos, feats, head, deprel }));
      const { upos, feats } = ndtToUd(sentence);
      expect(upos).toEqual(rows.map((r) => r[6]));
      expect(feats).toEqual(rows.map((r) => r[7]));
    });
  }

  it('returns empty arrays for an empty sentence', () => {
    expect(ndtToUd([])).toEqual({ upos: [], feats: [] });
  });
});
