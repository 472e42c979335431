// Tests of the gold-file parser: every real gold file parses, and each invalid shape gets its exact one-line error.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGoldFile } from '../../src/eval/gold.js';
import { KgError } from '../../src/errors.js';

const GOLD_DIR = '/work/shared/eval/no';

describe('parseGoldFile on the real gold files', () => {
  const files = existsSync(GOLD_DIR) ? readdirSync(GOLD_DIR).filter((f) => f.endsWith('.gold.json')).sort() : [];

  it.skipIf(files.length === 0).each(files)('%s parses', (file) => {
    const gold = parseGoldFile(readFileSync(join(GOLD_DIR, file), 'utf8'), file);
    expect(gold.entities.length).toBeGreaterThan(0);
    expect(gold.relations.length).toBeGreaterThan(0);
  });
});

describe('parseGoldFile', () => {
  const entities = [
    { id: 'nato', label: 'NATO', type: 'organization', names: ['NATO', 'Nato'] },
    { id: 'iraq', label: 'Iraq', type: 'country', names: ['Iraq', 'Irak'] },
  ];
  const base = { document: 'samples/x.nb.txt', language: 'nb', entities, relations: [{ subject: 'nato', relation: 'trains', object: 'iraq' }] };
  const withChange = (change: Record<string, unknown>) => JSON.stringify({ ...base, ...change });

  it('keeps the known fields and drops unknown ones', () => {
    const gold = parseGoldFile(
      withChange({
        date: '2020-02-13',
        extra: 1,
        entities: [...entities, { id: 'gov', label: 'Gov', type: 'organization', names: ['Iraks regjering'], required: false, mergeableInto: 'iraq', x: 1 }],
        relations: [{ subject: 'gov', relation: 'invites', object: 'nato', alternatives: { subject: ['iraq'] }, evidence: 'e', note: 'n', y: 2 }],
        forbidden: [{ subject: 'nato', relation: 'expels', object: 'iraq', why: 'reversed' }],
      }),
      'x.gold.json',
    );
    expect(gold).toEqual({
      document: 'samples/x.nb.txt',
      language: 'nb',
      date: '2020-02-13',
      entities: [...entities, { id: 'gov', label: 'Gov', type: 'organization', names: ['Iraks regjering'], required: false, mergeableInto: 'iraq' }],
      relations: [{ subject: 'gov', relation: 'invites', object: 'nato', alternatives: { subject: ['iraq'] }, evidence: 'e', note: 'n' }],
      forbidden: [{ subject: 'nato', relation: 'expels', object: 'iraq', why: 'reversed' }],
    });
  });

  it('accepts a forbidden entry on the parent beside a relation on its stand-in child', () => {
    const gold = parseGoldFile(
      withChange({
        entities: [...entities, { id: 'gov', label: 'Gov', type: 'organization', names: ['Iraks regjering'], required: false, mergeableInto: 'iraq' }],
        relations: [{ subject: 'nato', relation: 'trains', object: 'gov', required: false }],
        forbidden: [{ subject: 'nato', relation: 'trains', object: 'iraq' }],
      }),
      'x.gold.json',
    );
    expect(gold.forbidden).toEqual([{ subject: 'nato', relation: 'trains', object: 'iraq' }]);
  });

  const errors: { name: string; text: string; message: string }[] = [
    { name: 'not JSON', text: '{"document": ', message: 'not valid JSON: ' },
    { name: 'not an object', text: '[]', message: 'expected a JSON object at the top level, got an array' },
    { name: 'no document', text: withChange({ document: undefined }), message: '"document" must be a non-empty string, got nothing' },
    { name: 'bad language', text: withChange({ language: 'de' }), message: '"language" must be one of nb, nn, en, got "de"' },
    { name: 'note not a string', text: withChange({ note: 3 }), message: '"note" must be a string, got 3' },
    { name: 'entities missing', text: withChange({ entities: undefined }), message: '"entities" must be an array, got nothing' },
    { name: 'entity not an object', text: withChange({ entities: ['nato'] }), message: 'entity 1: expected an object, got "nato"' },
    {
      name: 'entity without id',
      text: withChange({ entities: [entities[0], { label: 'X', type: 'country', names: ['X'] }] }),
      message: 'entity 2: "id" must be a non-empty string, got nothing',
    },
    {
      name: 'duplicate entity id',
      text: withChange({ entities: [entities[0], { ...entities[1], id: 'nato' }] }),
      message: 'entity 2 ("nato"): duplicate id',
    },
    {
      name: 'bad entity type',
      text: withChange({ entities: [entities[0], { ...entities[1], type: 'state' }] }),
      message: 'entity 2 ("iraq"): "type" must be one of person, organization, country, location, event, agreement, weapon, other, got "state"',
    },
    {
      name: 'empty names',
      text: withChange({ entities: [entities[0], { ...entities[1], names: [] }] }),
      message: 'entity 2 ("iraq"): "names" must be a non-empty array of strings, got an array',
    },
    {
      name: 'blank name',
      text: withChange({ entities: [entities[0], { ...entities[1], names: ['Iraq', '  '] }] }),
      message: 'entity 2 ("iraq"): name 2 must be a non-empty string, got "  "',
    },
    {
      name: 'a name shared by two entities (compared as the scorer compares names)',
      text: withChange({ entities: [entities[0], { ...entities[1], names: ['Iraq', 'nato'] }] }),
      message: 'entity 2 ("iraq"): name "nato" is also a name of entity "nato"',
    },
    {
      name: 'required not a boolean',
      text: withChange({ entities: [entities[0], { ...entities[1], required: 'no' }] }),
      message: 'entity 2 ("iraq"): "required" must be a boolean, got "no"',
    },
    {
      name: 'mergeableInto unknown',
      text: withChange({ entities: [entities[0], { ...entities[1], mergeableInto: 'irq' }] }),
      message: 'entity 2 ("iraq"): mergeableInto "irq" is not a gold entity id',
    },
    {
      name: 'mergeableInto cycle',
      text: withChange({ entities: [{ ...entities[0], mergeableInto: 'iraq' }, { ...entities[1], mergeableInto: 'nato' }] }),
      message: 'entity 1 ("nato"): mergeableInto forms a cycle (nato -> iraq -> nato)',
    },
    { name: 'relations missing', text: withChange({ relations: undefined }), message: '"relations" must be an array, got nothing' },
    {
      name: 'relation subject unknown',
      text: withChange({ relations: [base.relations[0], { subject: 'foo', relation: 'trains', object: 'iraq' }] }),
      message: 'relation 2: subject "foo" is not a gold entity id',
    },
    {
      name: 'relation object missing',
      text: withChange({ relations: [{ subject: 'nato', relation: 'trains' }] }),
      message: 'relation 1: object must be a gold entity id, got nothing',
    },
    {
      name: 'relation type unknown',
      text: withChange({ relations: [{ subject: 'nato', relation: 'helps', object: 'iraq' }] }),
      message: 'relation 1: relation "helps" is not a relation type id of ONTOLOGY.md',
    },
    {
      name: 'alternatives not an object',
      text: withChange({ relations: [{ ...base.relations[0], alternatives: ['iraq'] }] }),
      message: 'relation 1: "alternatives" must be an object, got an array',
    },
    {
      name: 'alternatives slot not an array',
      text: withChange({ relations: [{ ...base.relations[0], alternatives: { object: 'iraq' } }] }),
      message: 'relation 1: "alternatives.object" must be an array, got "iraq"',
    },
    {
      name: 'alternative subject unknown',
      text: withChange({ relations: [{ ...base.relations[0], alternatives: { subject: ['usa'] } }] }),
      message: 'relation 1: alternatives.subject "usa" is not a gold entity id',
    },
    {
      name: 'alternative relation unknown',
      text: withChange({ relations: [{ ...base.relations[0], alternatives: { relation: ['teaches'] } }] }),
      message: 'relation 1: alternatives.relation "teaches" is not a relation type id of ONTOLOGY.md',
    },
    {
      name: 'evidence not a string',
      text: withChange({ relations: [{ ...base.relations[0], evidence: ['a'] }] }),
      message: 'relation 1: "evidence" must be a string, got an array',
    },
    { name: 'forbidden not an array', text: withChange({ forbidden: {} }), message: '"forbidden" must be an array, got an object' },
    {
      name: 'forbidden object unknown',
      text: withChange({ forbidden: [{ subject: 'nato', relation: 'attacks', object: 'russia' }] }),
      message: 'forbidden 1: object "russia" is not a gold entity id',
    },
    {
      name: 'forbidden entry that a gold relation accepts',
      text: withChange({
        relations: [{ subject: 'nato', relation: 'meets', object: 'iraq', alternatives: { relation: ['negotiates_with'] } }],
        forbidden: [{ subject: 'iraq', relation: 'negotiates_with', object: 'nato' }],
      }),
      message: 'forbidden 1: (iraq negotiates_with nato) is also accepted by relation 1',
    },
    {
      name: 'forbidden entry on a stand-in child that a relation on its parent names outright',
      text: withChange({
        entities: [...entities, { id: 'gov', label: 'Gov', type: 'organization', names: ['Iraks regjering'], required: false, mergeableInto: 'iraq' }],
        relations: [{ subject: 'nato', relation: 'trains', object: 'iraq' }],
        forbidden: [{ subject: 'nato', relation: 'trains', object: 'gov' }],
      }),
      message: 'forbidden 1: (nato trains gov) is also accepted by relation 1 through mergeableInto',
    },
  ];

  it.each(errors)('rejects: $name', ({ text, message }) => {
    let caught: unknown;
    try {
      parseGoldFile(text, 'bad.gold.json');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(KgError);
    const error = caught as KgError;
    expect(error.code).toBe('INVALID_GOLD');
    expect(error.where).toBe('bad.gold.json');
    expect(error.message).not.toContain('\n');
    if (message.endsWith(': ')) expect(error.message.startsWith(message)).toBe(true);
    else expect(error.message).toBe(message);
  });
});
