// Tests for validateKbFile: each kind of bad input gives KgError INVALID_KB with one exact one-line message.

import { describe, expect, it } from 'vitest';
import { validateKbFile } from '../../src/kb/index.js';
import { KgError } from '../../src/errors.js';

const entry = (fields: Record<string, unknown> = {}) => ({
  id: 'iraq',
  label: 'Iraq',
  type: 'country',
  names: { en: ['Iraq'], nb: ['Irak'] },
  ...fields,
});
const file = (...entities: unknown[]) => ({ version: '2026.11.1', entities });

const TYPES = 'person, organization, country, location, event, agreement, weapon, other';

const cases: Array<{ name: string; input: unknown; message: string }> = [
  {
    name: 'not a JSON object (array)',
    input: [],
    message: 'a KB file must be a JSON object with `version` and `entities`; got an array',
  },
  { name: 'not a JSON object (null)', input: null, message: 'a KB file must be a JSON object with `version` and `entities`; got null' },
  {
    name: 'not a JSON object (string)',
    input: 'nato',
    message: 'a KB file must be a JSON object with `version` and `entities`; got "nato"',
  },
  {
    name: 'bad version',
    input: { version: '1.0', entities: [] },
    message: '`version` must be a string "YYYY.MM.N"; got "1.0"',
  },
  { name: 'entities not an array', input: { version: '2026.11.1', entities: {} }, message: '`entities` must be an array; got an object' },
  {
    name: 'unknown top-level field',
    input: { version: '2026.11.1', entities: [], entries: [] },
    message: 'unknown top-level field `entries`; expected one of version, generatedBy, description, entities',
  },
  {
    name: 'wrong type value',
    input: file(entry(), entry({ id: 'a' }), entry({ id: 'b' }), entry({ id: 'nato', label: 'NATO', type: 'org' })),
    message: `entity 3 ("nato"): \`type\` must be one of ${TYPES}; got "org"`,
  },
  {
    name: 'missing label',
    input: file(entry({ label: undefined })),
    message: 'entity 0 ("iraq"): `label` must be a non-empty string without surrounding spaces; got nothing',
  },
  {
    name: 'names not arrays',
    input: file(entry({ names: { nb: 'Irak' } })),
    message: 'entity 0 ("iraq"): `names.nb` must be an array of non-empty strings without surrounding spaces; got "Irak"',
  },
  {
    name: 'names missing',
    input: file(entry({ names: undefined })),
    message: 'entity 0 ("iraq"): `names` must be an object with lists per language (nb, nn, en); got nothing',
  },
  {
    name: 'a name with a trailing space',
    input: file(entry({ names: { nb: ['Irak '] } })),
    message: 'entity 0 ("iraq"): `names.nb` must be an array of non-empty strings without surrounding spaces; got an array',
  },
  {
    name: 'a name listed twice',
    input: file(entry({ names: { nb: ['Irak', 'Irak'] } })),
    message: 'entity 0 ("iraq"): `names.nb` lists "Irak" twice',
  },
  {
    name: 'unknown language',
    input: file(entry({ demonyms: { no: ['irakisk'] } })),
    message: 'entity 0 ("iraq"): unknown language `demonyms.no`; expected one of nb, nn, en',
  },
  {
    name: 'duplicate ids',
    input: file(entry(), entry({ id: 'nato', label: 'NATO', type: 'organization' }), entry()),
    message: 'entity 2 ("iraq"): duplicate `id`; entity 0 has the same id',
  },
  {
    name: 'id not a slug',
    input: file(entry({ id: 'Iraq' })),
    message: 'entity 0 ("Iraq"): `id` must be a lowercase slug like "inf-treaty"; got "Iraq"',
  },
  {
    name: 'missing id',
    input: file(entry({ id: undefined })),
    message: 'entity 0: `id` must be a lowercase slug like "inf-treaty"; got nothing',
  },
  {
    name: 'bad Wikidata id',
    input: file(entry({ wikidata: '796' })),
    message: 'entity 0 ("iraq"): `wikidata` must be a Wikidata id like "Q796"; got "796"',
  },
  {
    name: 'unknown entity field',
    input: file(entry({ demonym: { nb: ['irakisk'] } })),
    message:
      'entity 0 ("iraq"): unknown field `demonym`; expected one of id, label, type, wikidata, names, demonyms, inhabitants, locatedIn, capitalOf, partOf',
  },
  {
    name: 'reference not a slug',
    input: file(entry({ id: 'baghdad', label: 'Baghdad', type: 'location', locatedIn: 'Iraq' })),
    message: 'entity 0 ("baghdad"): `locatedIn` must be the id of another entry; got "Iraq"',
  },
  {
    name: 'reference to itself',
    input: file(entry({ partOf: 'iraq' })),
    message: 'entity 0 ("iraq"): `partOf` points to the entry itself',
  },
  { name: 'entity not an object', input: file('iraq'), message: 'entity 0: `entity` must be an object; got "iraq"' },
];

describe('validateKbFile', () => {
  for (const { name, input, message } of cases) {
    it(`rejects ${name}`, () => {
      let error: unknown;
      try {
        validateKbFile(input, 'my-kb.json');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(KgError);
      expect(error).toMatchObject({ code: 'INVALID_KB', where: 'my-kb.json', message });
      expect((error as Error).message).not.toContain('\n');
    });
  }

  it('accepts a valid file and returns it', () => {
    const input = file(entry({ wikidata: 'Q796', demonyms: { nb: ['irakisk'] } }), entry({ id: 'baghdad', locatedIn: 'iraq' }));
    expect(validateKbFile(input, 'ok.json')).toBe(input);
  });
});
