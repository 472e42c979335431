// The shipped model (src/ner/model/norne-nb.model.gz): a checksum guard against silent changes, and made-up
// sentences it must tag right. Retraining on purpose means updating both here, with the figures in the notes.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defaultKbIndex, defaultModelPath, loadDefaultTagger } from '../../src/cli/model.js';
import { NORNE_TYPES, tagSentence } from '../../src/ner/index.js';

const MODEL_SHA256 = '946e69da5f47100780d4a8e6c6c23bf470ab6d6d75e29fdc23ab186661a6dc93';

describe('shipped NER model', () => {
  it('is the file the checksum names', () => {
    const sha = createHash('sha256').update(readFileSync(defaultModelPath())).digest('hex');
    expect(sha).toBe(MODEL_SHA256);
  });

  it('predicts NorNE tags with the knowledge-base feature, and is loaded once', () => {
    const tagger = loadDefaultTagger();
    expect(tagger.types).toEqual([...NORNE_TYPES]);
    expect(tagger.usesKb).toBe(true);
    expect(loadDefaultTagger()).toBe(tagger);
    expect(tagger.model.meta).toMatchObject({ seed: 1, epochs: 25, minCount: 3, dropout: 0.2 });
  });

  const rows: [string, string][] = [
    ['Jens Stoltenberg besøkte Oslo .', 'B-PER I-PER O B-GPE_LOC O'],
    ['Statsminister Erna Solberg møtte Angela Merkel i Berlin .', 'O B-PER I-PER O B-PER I-PER O B-GPE_LOC O'],
    ['Hun jobber i Telenor og bor i Bergen .', 'O O O B-ORG O O O B-GPE_LOC O'],
    ['Arbeiderpartiet vant valget i Trondheim .', 'B-ORG O O O B-GPE_LOC O'],
    ['Per Olsen er ny leder i Høyre .', 'B-PER I-PER O O O O B-ORG O'],
    ['Oslo-mannen ble dømt i tingretten .', 'B-DRV O O O O O'],
    ['Det regnet hele dagen .', 'O O O O O'],
  ];
  it.each(rows)('%s', (sentence, expected) => {
    const tokens = sentence.split(' ');
    expect(tagSentence(loadDefaultTagger(), tokens, defaultKbIndex()).join(' ')).toBe(expected);
  });
});
