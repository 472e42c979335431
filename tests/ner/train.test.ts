// Training on a tiny made-up fixture: deterministic for a seed, the saved model tags exactly like the
// trained tagger, outputs are well-formed IOB2, and bad settings are refused by name.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { decodeModel, decodeModelData, encodeModel, isTag, kbTagsFor, parseConll, requireTags, trainTagger, type TaggedSentence } from '../../src/ner/index.js';
import { buildAliasIndex } from '../../src/mentions/kbindex.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';

const FIX = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'ner');
const index = buildAliasIndex(loadKnowledgeBase());
function read(name: string): TaggedSentence[] {
  const s = requireTags(parseConll(readFileSync(join(FIX, name), 'utf8'), name), name);
  for (const x of s) x.kbTags = kbTagsFor(x.tokens, index);
  return s;
}
const train = read('train.conllu');
const dev = read('dev.conllu');

describe('trainTagger', () => {
  const a = trainTagger(train, dev, { seed: 3, epochs: 5, dropout: 0.1, minCount: 1 });
  const bytesA = encodeModel(a.tagger);

  it('gives the same model bytes for the same seed, and logs every epoch', () => {
    const b = trainTagger(train, dev, { seed: 3, epochs: 5, dropout: 0.1, minCount: 1 });
    expect(Buffer.from(encodeModel(b.tagger)).equals(Buffer.from(bytesA))).toBe(true);
    expect(a.log.map((e) => e.epoch)).toEqual([1, 2, 3, 4, 5]);
    expect(a.log.filter((e) => e.best).at(-1)!.epoch).toBe(a.bestEpoch);
  });

  it('a different seed shuffles differently', () => {
    const c = trainTagger(train, dev, { seed: 4, epochs: 5, dropout: 0.1, minCount: 1 });
    expect(Buffer.from(encodeModel(c.tagger)).equals(Buffer.from(bytesA))).toBe(false);
  });

  it('learns the training data and tags dev sentences with well-formed tags', () => {
    const got = train.map((s) => a.tagger.tagTokens(s.tokens, s.kbTags));
    const right = got.flat().filter((t, i) => t === train.flatMap((s) => s.tags)[i]).length;
    expect(right / got.flat().length).toBeGreaterThan(0.95);
    for (const s of dev) {
      const tags = a.tagger.tagTokens(s.tokens, s.kbTags);
      expect(tags).toHaveLength(s.tokens.length);
      tags.forEach((t, i) => {
        expect(isTag(t)).toBe(true);
        if (t.startsWith('I-')) expect(tags[i - 1]!.slice(2)).toBe(t.slice(2));
      });
    }
    expect(a.tagger.types).toEqual(['PER', 'ORG', 'LOC', 'GPE_LOC', 'GPE_ORG', 'PROD', 'EVT', 'DRV']);
  });

  it('a saved and reloaded model tags exactly alike and saves to the same bytes', () => {
    const back = decodeModel(bytesA);
    for (const s of [...train, ...dev]) expect(back.tagTokens(s.tokens, s.kbTags)).toEqual(a.tagger.tagTokens(s.tokens, s.kbTags));
    expect(Buffer.from(encodeModel(back)).equals(Buffer.from(bytesA))).toBe(true);
    expect(back.tagTokens([])).toEqual([]);
  });

  it('refuses a truncated model file', () => {
    const raw = gunzipSync(bytesA);
    expect(decodeModelData(raw).hashes.length).toBe(a.features);
    expect(() => decodeModel(raw.subarray(0, raw.length - 1))).toThrow(/not a usable NER model: truncated file/);
    expect(() => decodeModel(Buffer.concat([raw, Buffer.from([0])]))).toThrow(/trailing bytes/);
  });

  it('refuses bad settings and data by name', () => {
    expect(() => trainTagger(train, dev, { epochs: 0 })).toThrow(/invalid `epochs` setting: expected an integer from 1 to 1000, got 0/);
    expect(() => trainTagger(train, dev, { dropout: 1 })).toThrow(/invalid `dropout` setting/);
    expect(() => trainTagger([{ tokens: ['a'], tags: ['O'] }], dev)).toThrow(/no entities/);
    expect(() => trainTagger([], dev)).toThrow(/no training sentences/);
  });
});

describe('decodeModel', () => {
  const rows: [string, Uint8Array, RegExp][] = [
    ['empty', new Uint8Array(0), /wrong magic number/],
    ['not a model', new TextEncoder().encode('hello world, this is text'), /wrong magic number/],
    ['broken gzip', new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]), /corrupt gzip data/],
  ];
  it.each(rows)('refuses %s', (_n, bytes, message) => {
    expect(() => decodeModel(bytes)).toThrow(message);
  });
});
