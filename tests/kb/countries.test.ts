// Tests for the generated countries.json: membership, key entries, and that regenerating it gives the same bytes.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import countriesJson from '../../src/kb/data/countries.json' with { type: 'json' };
import { generateCountries, selectCountries, serializeKbFile, slugify } from '../../scripts/generate-kb.js';
import type { KbEntry, KbFile } from '../../src/kb/index.js';

const countries = countriesJson as unknown as KbFile;
const byId = new Map(countries.entities.map((e) => [e.id, e]));
const get = (id: string): KbEntry => {
  const entry = byId.get(id);
  if (!entry) throw new Error(`no entry ${id}`);
  return entry;
};

describe('country selection', () => {
  it('has the 193 UN member states: world-countries flags 194, one of them the observer Vatican City', () => {
    const { unMembers, nonMembers } = selectCountries();
    expect(unMembers).toHaveLength(193);
    expect(unMembers).not.toContain('VA');
    expect(unMembers).toEqual(expect.arrayContaining(['NO', 'IQ', 'US', 'RU', 'CN', 'SS', 'ME', 'TL']));
    expect(nonMembers).toEqual(['EH', 'PS', 'TW', 'VA', 'XK']);
  });

  it('writes 193 + 5 non-members + 5 former states as countries', () => {
    const ids = countries.entities.filter((e) => e.type === 'country').map((e) => e.id);
    expect(ids).toHaveLength(193 + 5 + 5);
    for (const id of ['taiwan', 'kosovo', 'palestine', 'vatican-city', 'western-sahara']) expect(ids).toContain(id);
    for (const id of ['soviet-union', 'yugoslavia', 'east-germany', 'west-germany', 'czechoslovakia']) {
      expect(ids).toContain(id);
    }
  });

  it('gives every country a Wikidata id, an English and a Bokmål name', () => {
    for (const entry of countries.entities.filter((e) => e.type === 'country')) {
      expect(entry.wikidata, entry.id).toMatch(/^Q\d+$/);
      expect(entry.names.en?.[0], entry.id).toBe(entry.label);
      expect(entry.names.nb?.length ?? 0, entry.id).toBeGreaterThan(0);
    }
  });
});

describe('key entries', () => {
  const cases: Array<{ name: string; id: string; check: (e: KbEntry) => void }> = [
    {
      name: 'Iraq',
      id: 'iraq',
      check: (e) => {
        expect(e).toMatchObject({ label: 'Iraq', type: 'country', wikidata: 'Q796' });
        expect(e.names.nb).toContain('Irak');
        expect(e.demonyms?.nb).toContain('irakisk');
        expect(e.demonyms?.en).toContain('Iraqi');
        expect(e.inhabitants?.nb).toContain('iraker');
      },
    },
    {
      name: 'Baghdad',
      id: 'baghdad',
      check: (e) => {
        expect(e).toMatchObject({ type: 'location', locatedIn: 'iraq', capitalOf: 'iraq', wikidata: 'Q1530' });
        expect(e.names.nb).toContain('Bagdad');
        expect(e.names.en).toContain('Baghdad');
      },
    },
    {
      name: 'United States',
      id: 'united-states',
      check: (e) => {
        expect(e.wikidata).toBe('Q30');
        expect(e.names.nb).toContain('USA');
        expect(e.names.en).toEqual(expect.arrayContaining(['USA', 'US', 'U.S.', 'United States of America']));
        expect(e.demonyms?.nb).toContain('amerikansk');
        expect(e.inhabitants?.nb).toContain('amerikaner');
      },
    },
    {
      name: 'Russia: the short news name is the label, the official one an alias',
      id: 'russia',
      check: (e) => {
        expect(e.label).toBe('Russia');
        expect(e.names.en).toContain('Russian Federation');
        expect(e.names.nb).toContain('Russland');
      },
    },
    {
      name: 'Turkey is labelled Turkey and keeps Türkiye',
      id: 'turkey',
      check: (e) => expect(e.names.en).toEqual(expect.arrayContaining(['Turkey', 'Türkiye'])),
    },
    {
      name: 'Norway in Nynorsk and its people',
      id: 'norway',
      check: (e) => {
        expect(e.names.nn).toContain('Noreg');
        expect(e.inhabitants?.nb).toEqual(['nordmann']);
      },
    },
    {
      name: 'Nynorsk inhabitant nouns end in -ar',
      id: 'china',
      check: (e) => expect(e.inhabitants?.nn).toEqual(['kinesar']),
    },
    {
      name: 'Denmark links to the country item, not the realm',
      id: 'denmark',
      check: (e) => expect(e.wikidata).toBe('Q35'),
    },
    {
      name: 'Netherlands drops the inverted ISO form',
      id: 'netherlands',
      check: (e) => {
        expect(e.names.en).toContain('Kingdom of the Netherlands');
        expect(e.names.en).not.toContain('Kingdom of the');
      },
    },
    {
      name: 'Belarus has both Norwegian names',
      id: 'belarus',
      check: (e) => expect(e.names.nb).toEqual(expect.arrayContaining(['Hviterussland', 'Belarus'])),
    },
    {
      name: 'Kyiv has the Norwegian spellings',
      id: 'kyiv',
      check: (e) => expect(e.names.nb).toEqual(expect.arrayContaining(['Kyiv', 'Kiev'])),
    },
    {
      name: 'Luxembourg City does not take the country name',
      id: 'luxembourg-city',
      check: (e) => {
        expect(e.capitalOf).toBe('luxembourg');
        expect(e.names.en).not.toContain('Luxembourg');
      },
    },
    {
      name: 'South Africa has three capitals',
      id: 'south-africa',
      check: () => {
        const capitals = countries.entities.filter((c) => c.capitalOf === 'south-africa').map((c) => c.id);
        expect(capitals.sort()).toEqual(['bloemfontein', 'cape-town', 'pretoria']);
      },
    },
    {
      name: 'Soviet Union',
      id: 'soviet-union',
      check: (e) => {
        expect(e.wikidata).toBe('Q15180');
        expect(e.names.nb).toContain('Sovjetunionen');
      },
    },
  ];
  for (const { name, id, check } of cases) it(name, () => check(get(id)));

  it('has no capital entry for city-states', () => {
    for (const id of ['singapore', 'monaco', 'vatican-city']) {
      expect(countries.entities.filter((e) => e.capitalOf === id)).toEqual([]);
    }
  });
});

describe('generator', () => {
  it('regenerates countries.json byte for byte', () => {
    const committed = readFileSync(new URL('../../src/kb/data/countries.json', import.meta.url), 'utf8');
    expect(serializeKbFile(generateCountries())).toBe(committed);
  });

  it('marks the file as generated and sorts it by id', () => {
    expect(countries.generatedBy).toBe('scripts/generate-kb.ts');
    const ids = countries.entities.map((e) => e.id);
    expect(ids).toEqual([...ids].sort());
  });

  const slugs: Array<[string, string]> = [
    ['United States', 'united-states'],
    ['São Tomé and Príncipe', 'sao-tome-and-principe'],
    ["Sana'a", 'sanaa'],
    ['Chișinău', 'chisinau'],
    ['Washington, D.C.', 'washington-d-c'],
  ];
  for (const [text, slug] of slugs) it(`slugifies ${JSON.stringify(text)}`, () => expect(slugify(text)).toBe(slug));
});
