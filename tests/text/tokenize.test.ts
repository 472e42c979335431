// Sentence splitting and tokenisation: offsets, compounds, abbreviations, ordinals, headlines.
import { describe, expect, it } from 'vitest';
import { datelineLength, splitSentences } from '../../src/text/tokenize.js';
import { getLanguageResources } from '../../src/lang/index.js';

const nb = getLanguageResources('nb');
const split = (text: string) => splitSentences(text, { abbreviations: nb.sets.abbreviations });

describe('splitSentences', () => {
  const cases: { name: string; input: string; sentences: string[] }[] = [
    { name: 'two sentences', input: 'Nato trener Irak. Russland bryter avtalen.', sentences: ['Nato trener Irak.', 'Russland bryter avtalen.'] },
    { name: 'line break ends a headline', input: 'Kina med militærøvelse\nKina har satt i gang en øvelse.', sentences: ['Kina med militærøvelse', 'Kina har satt i gang en øvelse.'] },
    { name: 'abbreviation keeps the sentence', input: 'Han møtte bl.a. Stoltenberg i går. Så dro han.', sentences: ['Han møtte bl.a. Stoltenberg i går.', 'Så dro han.'] },
    { name: 'ordinal before a month', input: 'Vi gikk inn etter 11. september for å hindre det.', sentences: ['Vi gikk inn etter 11. september for å hindre det.'] },
    { name: 'number ends a sentence', input: 'Avtalen ble inngått i 1987. Den brøt sammen.', sentences: ['Avtalen ble inngått i 1987.', 'Den brøt sammen.'] },
    { name: 'dialogue dash starts a sentence', input: '– Vi håper det, sa han. Foto: NTB', sentences: ['– Vi håper det, sa han.', 'Foto: NTB'] },
    { name: 'closing quote stays', input: 'Han sa «ja.» Så gikk han.', sentences: ['Han sa «ja.»', 'Så gikk han.'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(split(c.input).map((s) => c.input.slice(s.start, s.end))).toEqual(c.sentences);
    });
  }

  const tokenCases: { input: string; tokens: string[] }[] = [
    { input: 'Nato-sjefen støtter USAs samtaler.', tokens: ['Nato-sjefen', 'støtter', 'USAs', 'samtaler', '.'] },
    { input: 'SSC-8-missilene og INF-avtalen', tokens: ['SSC-8-missilene', 'og', 'INF-avtalen'] },
    { input: "NATO's chief met U.S. envoys", tokens: ["NATO's", 'chief', 'met', 'U.S.', 'envoys'] },
    { input: 'Espen Barth Eide (Ap) sa: «Nei»', tokens: ['Espen', 'Barth', 'Eide', '(', 'Ap', ')', 'sa', ':', '«', 'Nei', '»'] },
  ];
  for (const c of tokenCases) {
    it(`tokens of "${c.input}"`, () => {
      const toks = split(c.input).flatMap((s) => s.tokens);
      expect(toks.map((t) => t.text)).toEqual(c.tokens);
      for (const t of toks) expect(c.input.slice(t.start, t.end)).toBe(t.text);
    });
  }
});

describe('datelineLength', () => {
  const nb = getLanguageResources('nb');
  const lengthOf = (text: string) => datelineLength(splitSentences(text, { abbreviations: nb.sets.abbreviations })[0]!.tokens);
  it.each([
    ['BERGEN (NTB): Regjeringen la fram budsjettet.', 5],
    ['LIMA (Reuters) - Peru closed its border.', 5],
    ['PORT MORESBY, Papua New Guinea (AP) — Talks began.', 10],
    ['KYIV – Ukraine said on Monday it had shot down drones.', 2],
  ])('%s: %i tokens', (text, n) => {
    expect(lengthOf(text)).toBe(n);
  });
  it.each(['NATO og EU møttes i Brussel.', 'Peru (Reuters) - closed its border.', 'USA: en ny plan.', 'FN (på engelsk UN) er stort - og gammelt.'])('no dateline: %s', (text) => {
    expect(lengthOf(text)).toBe(0);
  });
});
