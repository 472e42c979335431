// Table tests of the Norwegian and English inflection rules the knowledge-base matcher relies on.
import { describe, expect, it } from 'vitest';
import { adjectiveForms, closedCompoundStem, definiteStems, genitiveForms, inhabitantForms } from '../../src/mentions/morphology.js';

describe('morphology', () => {
  it.each([
    ['Nato', 'nb', ['Natos']],
    ['USA', 'nb', ['USAs']],
    ['Irak', 'nb', ['Iraks']],
    ['Hellas', 'nb', ["Hellas'"]],
    ['NATO', 'en', ["NATO's", 'NATO’s']],
    ['United States', 'en', ["United States'", "United States's"]],
  ] as const)('genitive of %s (%s)', (name, lang, forms) => {
    expect(genitiveForms(name, lang)).toEqual(forms);
  });

  it.each([
    ['irakisk', ['irakisk', 'irakiske']],
    ['russisk', ['russisk', 'russiske']],
    ['amerikansk', ['amerikansk', 'amerikanske']],
    ['norsk', ['norsk', 'norske']],
  ])('adjective forms of %s', (base, forms) => {
    expect(adjectiveForms(base, 'nb')).toEqual(forms);
  });

  it.each([
    ['iraker', ['iraker', 'irakeren', 'irakere', 'irakerne', 'irakernes', 'irakar', 'irakaren', 'irakarar', 'irakarane']],
    ['afghaner', ['afghaner', 'afghaneren', 'afghanere', 'afghanerne', 'afghanernes', 'afghanar', 'afghanaren', 'afghanarar', 'afghanarane']],
    ['nordmann', ['nordmann', 'nordmannen', 'nordmenn', 'nordmennene', 'nordmenns', 'nordmennenes']],
    ['brite', ['brite', 'briten', 'briter', 'britene', 'britenes', 'britar', 'britane']],
    ['kurd', ['kurd', 'kurden', 'kurder', 'kurdene', 'kurdenes', 'kurdar', 'kurdane']],
  ])('inhabitant forms of %s', (base, forms) => {
    expect(inhabitantForms(base, 'nb')).toEqual(forms);
  });

  const stems = new Set(['amerikansk', 'taiwansk', 'norsk', 'russisk']);
  it.each([
    ['amerikanskledede', 10],
    ['taiwanskkontrollerte', 8],
    ['russiskprodusert', 7],
    ['amerikanske', 0],
    ['norskekysten', 0],
    ['amerikansk', 0],
  ])('closed compound %s → stem length %i', (word, len) => {
    expect(closedCompoundStem(word, stems, 10)).toBe(len);
  });

  it.each([
    ['forsvarsministeren', 'forsvarsminister'],
    ['alliansen', 'allians'],
    ['landet', 'land'],
  ])('definite stems of %s include %s', (word, stem) => {
    expect(definiteStems(word)).toContain(stem);
  });
});
