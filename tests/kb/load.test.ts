// Tests for loadKnowledgeBase: the integrity of the built-in data and how user files extend it.

import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_BASE_VERSION, loadKnowledgeBase, type KbEntry, type KbFile } from '../../src/kb/index.js';
import { LANGUAGES } from '../../src/types.js';
import countries from '../../src/kb/data/countries.json' with { type: 'json' };
import organizations from '../../src/kb/data/organizations.json' with { type: 'json' };
import agreements from '../../src/kb/data/agreements.json' with { type: 'json' };
import weapons from '../../src/kb/data/weapons.json' with { type: 'json' };
import locations from '../../src/kb/data/locations.json' with { type: 'json' };
import events from '../../src/kb/data/events.json' with { type: 'json' };

const FILES = { countries, organizations, agreements, weapons, locations, events } as unknown as Record<string, KbFile>;
const kb = loadKnowledgeBase();
const entries = [...kb.entries.values()];

/** Names written the same up to case that rightly belong to different entries. */
const SHARED_UP_TO_CASE = new Set(['nb:ap', 'nn:ap']); // "Ap" (Labour, Norway) and "AP" (Associated Press)

describe('built-in knowledge base', () => {
  it('loads every entry of every data file once (no id in two files)', () => {
    const total = Object.values(FILES).reduce((n, f) => n + f.entities.length, 0);
    expect(kb.entries.size).toBe(total);
    expect(kb.version).toBe(KNOWLEDGE_BASE_VERSION);
    expect(KNOWLEDGE_BASE_VERSION).toMatch(/^\d{4}\.\d{2}\.\d+$/);
  });

  it('has only references to existing ids', () => {
    for (const e of entries) {
      for (const field of ['locatedIn', 'capitalOf', 'partOf'] as const) {
        if (e[field] !== undefined) expect(kb.get(e[field]!), `${e.id}.${field}`).toBeDefined();
      }
    }
  });

  it('has well-formed Wikidata ids, none used twice', () => {
    const seen = new Map<string, string>();
    for (const e of entries.filter((x) => x.wikidata)) {
      expect(e.wikidata, e.id).toMatch(/^Q\d+$/);
      expect(seen.get(e.wikidata!), `${e.id} and ${seen.get(e.wikidata!)} share ${e.wikidata}`).toBeUndefined();
      seen.set(e.wikidata!, e.id);
    }
  });

  it('gives every entry at least one name', () => {
    for (const e of entries) expect(LANGUAGES.some((l) => (e.names[l]?.length ?? 0) > 0), e.id).toBe(true);
  });

  it('never gives one written form to two entries in the same language', () => {
    const owner = new Map<string, string>();
    for (const e of entries) {
      for (const field of ['names', 'demonyms', 'inhabitants'] as const) {
        for (const lang of LANGUAGES) {
          for (const name of e[field]?.[lang] ?? []) {
            const key = `${lang}:${name.toLowerCase()}`;
            const other = owner.get(key);
            if (other !== undefined && other !== e.id && !SHARED_UP_TO_CASE.has(key)) {
              expect.fail(`${lang} ${JSON.stringify(name)} names both ${other} and ${e.id}`);
            }
            owner.set(key, e.id);
          }
        }
      }
    }
  });

  it('writes Norwegian demonyms and inhabitant nouns in lower case', () => {
    for (const e of entries) {
      for (const field of ['demonyms', 'inhabitants'] as const) {
        for (const lang of ['nb', 'nn'] as const) {
          for (const word of e[field]?.[lang] ?? []) expect(word, `${e.id} ${field}.${lang}`).toBe(word.toLowerCase());
        }
      }
    }
  });

  const spotChecks: Array<[string, Partial<KbEntry>, Partial<Record<'en' | 'nb', string[]>>]> = [
    ['nato', { type: 'organization', wikidata: 'Q7184' }, { nb: ['Nato', 'NATO'], en: ['NATO'] }],
    ['united-nations', { wikidata: 'Q1065' }, { nb: ['FN', 'De forente nasjoner'], en: ['UN'] }],
    ['un-security-council', { partOf: 'united-nations' }, { nb: ['FNs sikkerhetsråd', 'Sikkerhetsrådet'] }],
    ['islamic-state', { type: 'organization' }, { nb: ['IS', 'Den islamske staten'], en: ['ISIS', 'ISIL', 'Daesh'] }],
    ['taliban', { type: 'organization' }, { nb: ['Taliban'] }],
    ['norwegian-home-guard', { partOf: 'norwegian-armed-forces' }, { nb: ['Heimevernet', 'HV'] }],
    ['united-states-house-of-representatives', { partOf: 'united-states-congress' }, { nb: ['Representantenes hus'] }],
    ['israel-defense-forces', { partOf: 'israel' }, { nb: ['IDF'] }],
    ['inf-treaty', { type: 'agreement' }, { nb: ['INF-avtalen'], en: ['INF Treaty'] }],
    ['ssc-8', { type: 'weapon' }, { nb: ['SSC-8', '9M729'] }],
    ['iron-dome', { type: 'weapon' }, { nb: ['Jernkuppelen'] }],
    ['the-hague', { locatedIn: 'netherlands' }, { nb: ['Haag'] }],
    ['middle-east', { type: 'location' }, { nb: ['Midtøsten'] }],
    ['world-war-ii', { type: 'event', wikidata: 'Q362' }, { nb: ['andre verdenskrig'] }],
  ];
  for (const [id, fields, names] of spotChecks) {
    it(`has ${id}`, () => {
      const e = kb.get(id);
      expect(e).toMatchObject(fields);
      for (const [lang, list] of Object.entries(names)) {
        expect(e?.names[lang as 'en' | 'nb']).toEqual(expect.arrayContaining(list));
      }
    });
  }
});

describe('user files', () => {
  const userFile: KbFile = {
    version: '2026.12.1',
    entities: [
      { id: 'nato', label: 'NATO', type: 'organization', names: { nb: ['Atlanterhavsalliansen'] } },
      {
        id: 'joint-expeditionary-force',
        label: 'Joint Expeditionary Force',
        type: 'organization',
        names: { en: ['Joint Expeditionary Force', 'JEF'], nb: ['JEF'] },
        locatedIn: 'united-kingdom',
      },
    ],
  };

  it('extends an existing entry: names are unioned, other fields kept', () => {
    const nato = loadKnowledgeBase([userFile]).get('nato');
    expect(nato?.names.nb).toEqual(['Nato', 'NATO', 'Atlanterhavsalliansen']);
    expect(nato?.names.en).toContain('North Atlantic Treaty Organization');
    expect(nato?.wikidata).toBe('Q7184');
  });

  it('replaces scalar fields it sets', () => {
    const kb2 = loadKnowledgeBase([
      { version: '2026.12.1', entities: [{ id: 'nato', label: 'North Atlantic Alliance', type: 'organization', names: {} }] },
    ]);
    expect(kb2.get('nato')?.label).toBe('North Atlantic Alliance');
    expect(kb2.get('nato')?.names.nb).toEqual(['Nato', 'NATO']);
  });

  it('adds a new entry and reports the combined version', () => {
    const kb2 = loadKnowledgeBase([userFile]);
    expect(kb2.get('joint-expeditionary-force')?.names.en).toContain('JEF');
    expect(kb2.entries.size).toBe(kb.entries.size + 1);
    expect(kb2.version).toBe(`${KNOWLEDGE_BASE_VERSION}+2026.12.1`);
  });

  it('leaves the built-in knowledge base untouched', () => {
    loadKnowledgeBase([userFile]);
    expect(loadKnowledgeBase().get('nato')?.names.nb).toEqual(['Nato', 'NATO']);
    expect(loadKnowledgeBase().get('joint-expeditionary-force')).toBeUndefined();
  });

  it('lets a later file override an earlier one', () => {
    const later: KbFile = { version: '2026.12.2', entities: [{ id: 'nato', label: 'Nato', type: 'organization', names: {} }] };
    expect(loadKnowledgeBase([userFile, later]).get('nato')?.label).toBe('Nato');
  });

  it('rejects a user entry that points to an unknown id', () => {
    const bad: KbFile = {
      version: '2026.12.1',
      entities: [{ id: 'x-city', label: 'X City', type: 'location', names: { en: ['X City'] }, locatedIn: 'atlantis' }],
    };
    expect(() => loadKnowledgeBase([bad])).toThrow(
      expect.objectContaining({
        code: 'INVALID_KB',
        where: 'user KB file 1',
        message: 'entity "x-city": `locatedIn` must be the id of a known entry; got "atlantis"',
      }),
    );
  });

  it('rejects an invalid user file with the validator message', () => {
    const bad = { version: '2026.12.1', entities: [{ id: 'x', label: 'X', type: 'org', names: {} }] } as unknown as KbFile;
    expect(() => loadKnowledgeBase([userFile, bad])).toThrow(
      expect.objectContaining({ code: 'INVALID_KB', where: 'user KB file 2' }),
    );
  });
});
