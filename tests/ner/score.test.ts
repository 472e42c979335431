// Entity scoring against hand-counted figures: exact span and type (conlleval's chunks), and untyped spans.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatNerScore, parseConll, requireTags, scoreNer, tagsToSpans } from '../../src/ner/index.js';

const FIX = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'ner');
const tagsOf = (f: string) => requireTags(parseConll(readFileSync(join(FIX, f), 'utf8'))).map((s) => s.tags);

describe('tagsToSpans', () => {
  const rows: [string, string[], string][] = [
    ['B then I', ['B-PER', 'I-PER', 'O'], 'PER:0-2'],
    ['a stray I- starts an entity', ['O', 'I-ORG', 'I-ORG'], 'ORG:1-3'],
    ['I- of another type starts a new one', ['B-PER', 'I-ORG'], 'PER:0-1 ORG:1-2'],
    ['B- after B- of the same type', ['B-LOC', 'B-LOC'], 'LOC:0-1 LOC:1-2'],
    ['entity at the end', ['O', 'B-GPE_LOC'], 'GPE_LOC:1-2'],
  ];
  it.each(rows)('%s', (_n, tags, expected) => {
    expect(tagsToSpans(tags).map((s) => `${s.type}:${s.start}-${s.end}`).join(' ')).toBe(expected);
  });
});

describe('scoreNer on the gold/pred fixture (counted by hand)', () => {
  const score = scoreNer(tagsOf('gold.conllu'), tagsOf('pred.conllu'));
  const pct = (x: number) => Number((100 * x).toFixed(2));
  it('overall: 5 of 8 predicted right, 5 of 9 gold found', () => {
    expect(score.overall).toMatchObject({ gold: 9, predicted: 8, correct: 5 });
    expect([pct(score.overall.precision), pct(score.overall.recall), pct(score.overall.f1)]).toEqual([62.5, 55.56, 58.82]);
  });
  it('untyped: Hydro and Dagbladet have the right span, the wrong type', () => {
    expect(score.untyped).toMatchObject({ gold: 9, predicted: 8, correct: 7 });
    expect([pct(score.untyped.precision), pct(score.untyped.recall), pct(score.untyped.f1)]).toEqual([87.5, 77.78, 82.35]);
  });
  it('per type, in NorNE order', () => {
    const byType = Object.fromEntries(score.byType.map((t) => [t.type, [t.score.gold, t.score.predicted, t.score.correct, pct(t.score.f1)]]));
    expect(score.byType.map((t) => t.type)).toEqual(['PER', 'ORG', 'LOC', 'GPE_LOC', 'PROD']);
    expect(byType).toEqual({
      PER: [2, 3, 2, 80],
      ORG: [2, 2, 1, 50],
      LOC: [1, 1, 0, 0],
      GPE_LOC: [3, 2, 2, 80],
      PROD: [1, 0, 0, 0],
    });
    expect(pct(score.tokenAccuracy)).toBe(80.77);
  });
  it('formats a table', () => {
    const text = formatNerScore(score);
    expect(text).toContain('4 sentences, 26 tokens, token accuracy 80.77%');
    expect(text).toMatch(/overall\s+9\s+8\s+5\s+62\.50\s+55\.56\s+58\.82/);
    expect(text).toMatch(/untyped\s+9\s+8\s+7\s+87\.50\s+77\.78\s+82\.35/);
  });
  it('perfect and empty predictions', () => {
    const gold = tagsOf('gold.conllu');
    expect(scoreNer(gold, gold).overall.f1).toBe(1);
    const none = scoreNer(gold, gold.map((s) => s.map(() => 'O')));
    expect(none.overall).toMatchObject({ predicted: 0, precision: 0, recall: 0, f1: 0 });
  });
  it('refuses mismatched sentences', () => {
    expect(() => scoreNer([['O']], [['O', 'O']])).toThrow(/sentence 1: gold has 1 tokens, the prediction 2/);
  });
});
