// The knowledge-base feature (per-token KB tags on the tokens as given) and the NorNE → ontology typing.
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { buildAliasIndex } from '../../src/mentions/kbindex.js';
import { NORNE_TO_ONTOLOGY, kbTagsFor, ontologyTypeOf } from '../../src/ner/index.js';

const index = buildAliasIndex(loadKnowledgeBase());

describe('kbTagsFor', () => {
  const rows: [string, (string | null)[]][] = [
    ['Natos sjef besøkte Bagdad .', ['B-organization:genitive', null, null, 'B-location', null]],
    ['FNs sikkerhetsråd møttes', ['B-organization', 'I-organization', null]],
    ['Nato-sjefen og irakiske styrker', ['B-organization:part', null, 'B-country:demonym', null]],
    ['ingen kjente navn her', [null, null, null, null]],
  ];
  it.each(rows)('%s', (sentence, expected) => {
    expect(kbTagsFor(sentence.split(' '), index)).toEqual(expected);
  });
  it('keeps the tokens as given, one tag each', () => {
    expect(kbTagsFor([], index)).toEqual([]);
    expect(kbTagsFor(['USAs', 'og', 'Russlands'], index)).toEqual(['B-country:genitive', null, 'B-country:genitive']);
  });
});

describe('NorNE types → ontology types', () => {
  it('maps every NorNE type', () => {
    expect(NORNE_TO_ONTOLOGY).toEqual({
      PER: 'person',
      ORG: 'organization',
      GPE_LOC: 'location',
      GPE_ORG: 'organization',
      LOC: 'location',
      PROD: 'other',
      EVT: 'event',
      DRV: null,
      MISC: 'other',
    });
  });
  const rows: [string, string | null, string | null][] = [
    ['GPE_LOC', 'country', 'country'],
    ['GPE_LOC', null, 'location'],
    ['GPE_ORG', 'organization', 'organization'],
    ['PROD', 'weapon', 'weapon'],
    ['PROD', 'person', 'other'],
    ['PER', 'country', 'person'],
    ['DRV', 'country', null],
    ['FOO', null, 'other'],
  ];
  it.each(rows)('%s with KB type %s → %s', (norne, kb, expected) => {
    expect(ontologyTypeOf(norne, kb as never)).toBe(expected);
  });
});
