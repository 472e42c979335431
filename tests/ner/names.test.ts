// The list of given names as part of the tagger's knowledge-base feature (src/ner/names.ts), and the order in
// which the gazetteers fill that feature (withGazetteers).
import { describe, expect, it } from 'vitest';
import { buildNameIndex, givenNameTags, shippedNames } from '../../src/ner/names.js';
import { withGazetteers } from '../../src/ner/kb.js';
import { namesFile } from '../../scripts/generate-names.js';

const small = buildNameIndex(['Anna', 'Will', 'José', "O'Neil"]);

describe('givenNameTags', () => {
  const rows: [string, (string | null)[]][] = [
    ['Anna met Will', ['B-given', null, 'B-given']],
    // Only a capitalised word with a lower-case letter in it: "will" the verb and "WILL" in capitals are no names.
    ['they will go', [null, null, null]],
    ['WE WILL GO', [null, null, null]],
    // Accents do not count, as in the town gazetteer.
    ['Jose and José', ['B-given', null, 'B-given']],
    ["O'Neil", ['B-given']],
  ];
  it.each(rows)('%s', (sentence, expected) => {
    expect(givenNameTags(sentence.split(' '), small)).toEqual(expected);
  });
});

describe('withGazetteers', () => {
  // "Austin" is a town of the gazetteer and a given name of the list; "Jordan" a state of the knowledge base.
  const tokens = ['Jordan', 'and', 'Austin', 'and', 'Sarah'];
  const kb = ['B-country', null, null, null, null];
  it('fills what the knowledge base leaves empty: towns first, then given names', () => {
    expect(withGazetteers(kb, tokens, { places: true, names: true })).toEqual(['B-country', null, 'B-place', null, 'B-given']);
    expect(withGazetteers(kb, tokens, { places: false, names: true })).toEqual(['B-country', null, 'B-given', null, 'B-given']);
    expect(withGazetteers(kb, tokens, { places: false, names: false })).toEqual(kb);
  });
});

describe('the shipped list', () => {
  it('holds common given names and no lower-case words', () => {
    const ix = shippedNames();
    for (const n of ['anna', 'michael', 'laura', 'greg', 'jennifer']) expect(ix.has(n), n).toBe(true);
    for (const w of ['the', 'and', 'president']) expect(ix.has(w), w).toBe(false);
  });

  it('is what the generator writes from the lists: sorted, one-word names only, duplicates merged', () => {
    const text = namesFile([['Zoe', 'Anna', 'Mary Ann', 'x'], ['Anna', 'Bo']], ['1.0.0', '2.0.0']);
    expect(JSON.parse(text).names).toEqual(['Anna', 'Bo', 'Zoe']);
  });
});
