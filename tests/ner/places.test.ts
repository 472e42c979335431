// The gazetteer of towns and cities as part of the tagger's knowledge-base feature (src/ner/places.ts).
import { describe, expect, it } from 'vitest';
import { buildPlaceIndex, placeKey, placeTags, shippedPlaces, withPlaces } from '../../src/ner/places.js';

const small = buildPlaceIndex([
  ['Khān Yūnis', 'PS', 173183],
  ['Sant Julià de Lòria', 'AD', 8022],
  ['Tromsø', 'NO', 52436],
  ['Split', 'HR', 176314],
]);

describe('placeTags', () => {
  const rows: [string, (string | null)[]][] = [
    // Accents and the marks of romanised Arabic do not count; several words make one name.
    ['Shelling hit Khan Yunis overnight', [null, null, 'B-place', 'I-place', null]],
    ['de bodde i Sant Julia de Loria', [null, null, null, 'B-place', 'I-place', 'I-place', 'I-place']],
    // A genitive s on the last word.
    ['Tromsøs ordfører', ['B-place:genitive', null]],
    // A name must start capitalised: "split" the verb is no town.
    ['they split Split', [null, null, 'B-place']],
    ['Split-based firms', [null, null]],
  ];
  it.each(rows)('%s', (sentence, expected) => {
    expect(placeTags(sentence.split(' '), small)).toEqual(expected);
  });

  it('prefers the longest name', () => {
    const ix = buildPlaceIndex([
      ['Vik', 'XX', 150000],
      ['Nordre Vik', 'XX', 800000],
    ]);
    expect(placeTags(['in', 'Nordre', 'Vik', 'and', 'Vik'], ix)).toEqual([null, 'B-place', 'I-place', null, 'B-place']);
  });

  it('leaves the knowledge base its tokens and fills the others', () => {
    expect(withPlaces(['B-country', null, null], [null, null, 'B-place'])).toEqual(['B-country', null, 'B-place']);
    expect(withPlaces(['B-location', null], ['B-place', null])).toEqual(['B-location', null]);
    expect(withPlaces(undefined, ['B-place'])).toEqual(['B-place']);
    expect(withPlaces(['B-country'], undefined)).toEqual(['B-country']);
  });

  it('makes lookup forms without accents', () => {
    expect(placeKey('Ḩalḩūl')).toBe('halhul');
    expect(placeKey('‘Anātā')).toBe('anata');
    expect(placeKey('Tromsø')).toBe('tromsø');
  });
});

describe('the shipped gazetteer', () => {
  it('knows large towns of several countries and leaves small ones out', () => {
    const ix = shippedPlaces();
    for (const town of ['houston', 'kharkiv', 'tromsø', 'khan yunis', 'mariupol', 'calgary']) expect(ix.names.has(town), town).toBe(true);
    // El Tarter (Andorra) has about 1,000 people: below the file's threshold.
    expect(ix.names.has('el tarter')).toBe(false);
    expect(ix.names.size).toBeGreaterThan(20_000);
  });
});
