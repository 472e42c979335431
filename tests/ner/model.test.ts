// The shipped models (src/ner/model/no.model.gz for Bokmål and Nynorsk, en.model.gz for English): a checksum
// guard against silent changes, and made-up sentences they must tag right. Retraining on purpose means updating
// both here, with the figures in the README (its "Entity tagger" section names the commands).
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultKbIndex, loadDefaultTagger, loadShippedSyntax, loadShippedTagger, NER_MODELS, packageRoot } from '../../src/cli/model.js';
import { NORNE_TYPES, tagSentence } from '../../src/ner/index.js';
import { partsOfSpeech } from '../../src/syntax/analyse.js';
import type { Language } from '../../src/types.js';

const SHA256: Record<string, string> = {
  'src/ner/model/no.model.gz': '963ecce8d5f59205d67f7ac53abb2b96505e9c173451eb9ae54c99d06c7841ee',
  'src/ner/model/en.model.gz': 'c2562c727cb72ea8ee5a90a0a89489195d2229c8dc3b23c3e5be05e5cded8da6',
};

describe('shipped NER models', () => {
  it('are the files the checksums name', () => {
    for (const file of new Set(Object.values(NER_MODELS))) {
      expect(createHash('sha256').update(readFileSync(join(packageRoot(), file))).digest('hex'), file).toBe(SHA256[file]);
    }
  });

  it('Norwegian: NorNE tags for Bokmål and Nynorsk, with the knowledge base and parts of speech, loaded once', () => {
    const tagger = loadDefaultTagger();
    expect(tagger.types).toEqual([...NORNE_TYPES]);
    expect(tagger.usesKb).toBe(true);
    expect(tagger.usesPos).toBe(true);
    expect(loadShippedTagger('nb')).toBe(tagger);
    expect(loadShippedTagger('nn')).toBe(tagger);
    expect(tagger.model.meta).toMatchObject({ lang: 'nb,nn', pos: 'upos', seed: 1, epochs: 18, keptEpoch: 18, minCount: 3, dropout: 0.2 });
    expect(tagger.usesNames).toBe(false);
  });

  it("English: GUM's named types, with the knowledge base, the towns, the given names and parts of speech", () => {
    const tagger = loadShippedTagger('en');
    expect(tagger.types).toEqual(['PER', 'ORG', 'LOC', 'PROD', 'EVT']);
    expect(tagger.usesKb && tagger.usesPos && tagger.usesPlaces && tagger.usesNames).toBe(true);
    expect(tagger.model.meta).toMatchObject({ lang: 'en', pos: 'upos', epochs: 8, keptEpoch: 8, dropout: 0.1, places: 'geonames-15k', names: 'stdlib-first-names-en' });
  });

  const rows: [string, string, Language][] = [
    ['Jens Stoltenberg besøkte Oslo .', 'B-PER I-PER O B-GPE_LOC O', 'nb'],
    ['Statsminister Erna Solberg møtte Angela Merkel i Berlin .', 'O B-PER I-PER O B-PER I-PER O B-GPE_LOC O', 'nb'],
    ['Hun jobber i Telenor og bor i Bergen .', 'O O O B-ORG O O O B-GPE_LOC O', 'nb'],
    ['Arbeiderpartiet vant valget i Trondheim .', 'B-ORG O O O B-GPE_LOC O', 'nb'],
    ['Per Olsen er ny leder i Høyre .', 'B-PER I-PER O O O O B-ORG O', 'nb'],
    ['Oslo-mannen ble dømt i tingretten .', 'B-DRV O O O O O', 'nb'],
    ['Det regnet hele dagen .', 'O O O O O', 'nb'],
    ['Ho budde i Bergen og arbeidde for Equinor .', 'O O O B-GPE_LOC O O O B-ORG O', 'nn'],
    ['Kari Nordmann vart vald til leiar i Senterpartiet .', 'B-PER I-PER O O O O O B-ORG O', 'nn'],
    ['Maria Olvera flew from Lisbon to Chicago on Monday .', 'B-PER I-PER O O B-LOC O B-LOC O O O', 'en'],
    ['The World Bank lent money to Kenya .', 'O B-ORG I-ORG O O O B-LOC O', 'en'],
    ['He works for Siemens in Munich .', 'O O O B-ORG O B-LOC O', 'en'],
    ['It rained all day .', 'O O O O O', 'en'],
    // A given name and a town nobody in the knowledge base is.
    ['Greg opened a bakery in Saskatoon last spring .', 'B-PER O O O O B-LOC O O O', 'en'],
    ['Laura and Kevin sold the farm near Red Deer .', 'B-PER O B-PER O O O O B-LOC I-LOC O', 'en'],
  ];
  it.each(rows)('%s', (sentence, expected, lang) => {
    const tokens = sentence.split(' ');
    expect(tagSentence(loadShippedTagger(lang), tokens, defaultKbIndex(), partsOfSpeech(loadShippedSyntax(lang), tokens)).join(' ')).toBe(expected);
  });

  it('a tagger that uses parts of speech refuses to tag without them', () => {
    expect(() => tagSentence(loadShippedTagger('en'), ['It', 'rained', '.'], defaultKbIndex())).toThrow(/uses parts of speech/);
  });
});
