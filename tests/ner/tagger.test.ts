// The tagger's fast paths (per-word and per-context caches, the table's filter, batched lookups, the pruned
// Viterbi) against a plain reference: every feature hash of sentenceFeatures (what training sees) looked up and
// summed in slot order, then the Viterbi the tagger used to have, which tries every tag pair. Both must give
// the same tags for every sentence, also when the caches fill up and start over. By default the tagger leaves
// quiet tokens between quiet tokens O unscored: the reference then decodes with every other tag ruled out there.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultKbIndex, loadDefaultTagger } from '../../src/cli/model.js';
import { FEATURES_PER_TOKEN, sentenceFeatures } from '../../src/ner/features.js';
import {
  constrainedTransitions,
  createTagger,
  viterbi,
  type NerModel,
  type Tagger,
  type TaggerWordSlot,
  type Transitions,
} from '../../src/ner/tagger.js';
import { mulberry32 } from '../../src/random.js';
import { kbTagsFor, parseConll } from '../../src/ner/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIX = join(ROOT, 'tests', 'fixtures', 'ner');
const NORNE_DEV = join(ROOT, '..', 'shared', 'data', 'norne', 'norne-nob-dev.ud.conllu');

/**
 * The Viterbi decoder as it was before pruning: every O and B- tag scored from every tag before it. Returns the
 * best tag of the last position before the end scores.
 */
function plainViterbi(n: number, T: number, emit: Float64Array, x: Transitions, out: Int32Array, st = x.st, en = x.en): number {
  if (n === 0) return 0;
  const { trT } = x;
  const back = new Int32Array(n * T);
  let prev = new Float64Array(T);
  let cur = new Float64Array(T);
  for (let t = 0; t < T; t++) prev[t] = st[t]! + emit[t]!;
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      let best: number;
      let arg: number;
      if (t > 0 && (t & 1) === 0) {
        const a = prev[t - 1]! + trT[t * T + t - 1]!;
        const b = prev[t]! + trT[t * T + t]!;
        [best, arg] = b > a ? [b, t] : [a, t - 1];
      } else {
        best = prev[0]! + trT[t * T]!;
        arg = 0;
        for (let f = 1; f < T; f++) {
          const s = prev[f]! + trT[t * T + f]!;
          if (s > best) [best, arg] = [s, f];
        }
      }
      cur[t] = best + emit[i * T + t]!;
      back[i * T + t] = arg;
    }
    [prev, cur] = [cur, prev];
  }
  let best = -Infinity;
  let open = 0;
  for (let t = 0; t < T; t++) {
    const s = prev[t]! + en[t]!;
    if (s > best) [best, out[n - 1]] = [s, t];
    if (prev[t]! > prev[open]!) open = t;
  }
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * T + out[i]!]!;
  return open;
}

/** Lower-case words and some punctuation: the tokens the tagger may leave unscored. */
const quiet = (token: string) => /^(?:\p{Ll}+|[,.:;!?])$/u.test(token);

/**
 * Tags by the plain reference: sentenceFeatures, a Map from hash to row, plainViterbi. With `skipQuiet`, a quiet
 * token whose two tokens before and one after (or the end) are quiet is O, and the tokens between such tokens are decoded as
 * runs that start after an O and end before one, a run that may end in a name joined to the next.
 */
function referenceTagger(model: NerModel, skipQuiet: boolean): (tokens: readonly string[], kbTags?: readonly (string | null)[]) => Int32Array {
  const T = 1 + 2 * model.types.length;
  const rows = new Map<number, number>();
  model.hashes.forEach((h, r) => rows.set(h, r));
  const trans = constrainedTransitions(model.types, model.transitions, model.start, model.end);
  return (tokens, kbTags) => {
    const n = tokens.length;
    const K = FEATURES_PER_TOKEN;
    const f = sentenceFeatures(tokens, kbTags);
    const emit = new Float64Array(n * T);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < K; k++) {
        const row = rows.get(f[i * K + k]!);
        if (row === undefined) continue;
        for (let t = 0; t < T; t++) emit[i * T + t] += model.weights[row * T + t]!;
      }
    }
    const out = new Int32Array(n);
    if (!skipQuiet) {
      plainViterbi(n, T, emit, trans, out);
      return out;
    }
    // (Past the last token counts as quiet.)
    const skip = tokens.map((_, i) => [i - 2, i - 1, i, i + 1].every((k) => k >= 0 && (k === n || quiet(tokens[k]!))));
    const afterO = Float64Array.from({ length: T }, (_, t) => trans.trT[t * T]!);
    const beforeO = Float64Array.from({ length: T }, (_, t) => trans.trT[t]!);
    for (let i = 0; i < n; ) {
      if (skip[i]) {
        out[i++] = 0;
        continue;
      }
      let j = i;
      while (j < n && !skip[j]) j++;
      for (;;) {
        const tags = new Int32Array(j - i);
        const open = plainViterbi(j - i, T, emit.slice(i * T, j * T), trans, tags, i === 0 ? trans.st : afterO, j === n ? trans.en : beforeO);
        out.set(tags, i);
        if (j === n || (open === 0 && tags[j - i - 1] === 0)) break;
        while (j < n && skip[j]) skip[j++] = false;
        while (j < n && !skip[j]) j++;
      }
      i = j;
    }
    return out;
  };
}

function sentencesOf(path: string): string[][] {
  return parseConll(readFileSync(path, 'utf8'), path).map((s) => s.tokens);
}

/** Made-up sentences for the edges: openers and ends, hyphens, genitives, capitals, one-token sentences. */
const EDGES: string[][] = [
  ['Oslo'],
  ['.'],
  ['«', 'Hei', '»', ',', 'sa', 'NRK-sjef', 'Thor', 'Gjermund', 'Eriksen', '.'],
  ['–', 'Nei', ',', 'svarte', 'Støre', '.', '–', 'Ja', '!'],
  ['Natos', 'generalsekretær', 'Jens', 'Stoltenberg', 'besøkte', 'Irak', 'og', 'FN-sambandet', 'i', 'New', 'York', '.'],
  ['(', 'NTB', ')', 'USAs', 'og', 'Russlands', 'presidenter', 'møttes', 'i', 'Helsingfors', '16.', 'juli', '2018', '.'],
  ['A-', '-B', 'ÆØÅ', 'æøå', "Ole's", 'iPhone', 'McDonald', 'COVID-19', 'e-post', 'www.vg.no', '1,5', '%'],
  // A name whose lower-case words run on past the quiet tokens the tagger skips (see below).
  'Forskere ved Institutt for lingvistiske og nordiske studier har laget en ny ordbok .'.split(' '),
];

describe('the tagger against the plain reference', () => {
  const tagger = loadDefaultTagger();
  const full = createTagger(tagger.model, { skipQuiet: false });
  const references = new Map([
    [true, referenceTagger(tagger.model, true)],
    [false, referenceTagger(tagger.model, false)],
  ]);
  const index = defaultKbIndex();
  // Word slots as the tokeniser's Word records are: one per form, kept across sentences.
  const slots = new Map<string, TaggerWordSlot>();
  const slotsOf = (s: readonly string[]) =>
    s.map((w) => {
      let slot = slots.get(w);
      if (!slot) slots.set(w, (slot = { taggerOwner: null, taggerId: -1 }));
      return slot;
    });
  /** Sentences tagged otherwise than by the reference, with and without the KB feature and word slots. */
  const check = (sentences: readonly string[][], tg: Tagger = tagger, skipQuiet = tg !== full) => {
    const reference = references.get(skipQuiet)!;
    let differing = 0;
    for (const s of sentences) {
      for (const kb of [undefined, kbTagsFor(s, index)]) {
        const want = reference(s, kb).join();
        if (tg.tagIndices(s, kb).join() !== want || tg.tagIndices(s, kb, slotsOf(s)).join() !== want) differing++;
      }
    }
    return differing;
  };

  it('tags the fixtures and the edge cases alike, with and without the KB feature', () => {
    const sentences = [...sentencesOf(join(FIX, 'train.conllu')), ...sentencesOf(join(FIX, 'dev.conllu')), ...EDGES];
    expect(check(sentences)).toBe(0);
    expect(check(sentences, full)).toBe(0);
    expect(tagger.tagIndices([])).toEqual(new Int32Array(0));
  });

  it('skips quiet tokens, but not the lower-case tail of a name', () => {
    // "og" and "nordiske" follow two quiet tokens and precede one: skipped, until the run before them, which ends
    // in the name, is joined to the rest of the sentence.
    const name = 'Forskere ved Institutt for lingvistiske og nordiske studier har laget en ny ordbok .'.split(' ');
    expect(tagger.tagTokens(name)).toEqual(['O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O', 'O', 'O', 'O', 'O', 'O']);
    // A sentence of quiet tokens only is all O, scored or not.
    const plain = 'det var en , to og tre'.split(' ');
    expect(tagger.tagTokens(plain)).toEqual(plain.map(() => 'O'));
    expect(full.tagTokens(plain)).toEqual(plain.map(() => 'O'));
    // Tags written into a caller's array when it is long enough, else into a new one.
    const into = new Int32Array(20).fill(-1);
    expect(tagger.tagIndices(name, undefined, undefined, into)).toBe(into);
    expect([...into.subarray(0, name.length)]).toEqual([...tagger.tagIndices(name)]);
    expect(into[name.length]).toBe(-1);
    expect(tagger.tagIndices(name, undefined, undefined, new Int32Array(3))).toHaveLength(name.length);
  });

  it.each([true, false])('gives the same tags when its caches fill up and start over (skipQuiet %s)', (skipQuiet) => {
    // A fresh tagger over 38,000 made-up lower-case words (more than its word cache holds), then over tokens of
    // 200 made-up shapes a sentence (more than it numbers), then the fixtures again. Half the sentences pass word
    // slots, so slots filled before the caches start over are read after.
    const fresh = createTagger(tagger.model, { skipQuiet });
    const rng = mulberry32(7);
    const made = (alphabet: string, count: number) =>
      Array.from({ length: count }, () =>
        Array.from({ length: 16 }, () => Array.from({ length: 4 + Math.floor(rng() * 6) }, () => alphabet[Math.floor(rng() * alphabet.length)]).join('')),
      );
    const words = made('abcdefghijklmnopqrstuvwxyzæøå', 2400);
    const shapes = made('aA0-.,:;!?()«»"/&%', 200);
    const fixtures = [...sentencesOf(join(FIX, 'train.conllu')), ...EDGES];
    expect(check(fixtures, fresh, skipQuiet)).toBe(0);
    expect(check(words.filter((_, k) => k % 100 === 0), fresh, skipQuiet)).toBe(0);
    words.forEach((s, k) => fresh.tagIndices(s, undefined, k % 2 ? slotsOf(s) : undefined));
    expect(check(shapes.slice(0, 20), fresh, skipQuiet)).toBe(0);
    shapes.forEach((s, k) => fresh.tagIndices(s, undefined, k % 2 ? slotsOf(s) : undefined));
    const again = [...fixtures, ...words.slice(-20), ...shapes.slice(-20)];
    expect(check(again, fresh, skipQuiet)).toBe(0);
    // One sentence with more shapes than the tagger numbers at a time.
    expect(check([shapes.slice(0, 120).flat()], fresh, skipQuiet)).toBe(0);
  });

  it('gives the same tags when its word arrays grow in the middle of a sentence', () => {
    // A fresh tagger that has seen about a thousand words grows its arrays at one of the sentence's words.
    const sentence = ['Hei', '.', 'Venstre', 'sa', 'det', '.', '«', 'Regjeringen', 'svarte', ':', 'Høyre', '!'];
    for (let seen = 1010; seen < 1030; seen++) {
      for (const skipQuiet of [true, false]) {
        const fresh = createTagger(tagger.model, { skipQuiet });
        fresh.tagIndices(Array.from({ length: seen }, (_, k) => `ord${k}`));
        expect(check([sentence], fresh, skipQuiet)).toBe(0);
      }
    }
  });

  it.skipIf(!existsSync(NORNE_DEV))('tags NorNE dev alike (when ../shared/data/norne is there)', () => {
    const sentences = sentencesOf(NORNE_DEV);
    expect(check(sentences)).toBe(0);
    expect(check(sentences, full)).toBe(0);
  });
});

describe('viterbi', () => {
  it('finds the path the plain decoder finds, ties included, whatever the scale of the scores', () => {
    const rng = mulberry32(11);
    let differing = 0;
    for (let trial = 0; trial < 400; trial++) {
      const types = Array.from({ length: 1 + Math.floor(rng() * 9) }, (_, i) => `T${i}`);
      const T = 1 + 2 * types.length;
      // Small integers (many ties), quantised float32 values (like model weights), and large magnitudes.
      const kind = trial % 3;
      const value = () =>
        kind === 0 ? Math.floor(rng() * 5) - 2 : kind === 1 ? Math.fround((Math.floor(rng() * 200) - 100) * 0.0123) : (rng() - 0.5) * 1e6;
      const x = constrainedTransitions(types, Float32Array.from({ length: T * T }, value), Float32Array.from({ length: T }, value), Float32Array.from({ length: T }, value));
      for (let s = 0; s < 10; s++) {
        const n = 1 + Math.floor(rng() * 30);
        const emit = Float64Array.from({ length: n * T }, value);
        const a = new Int32Array(n);
        const b = new Int32Array(n);
        viterbi(n, T, emit, x, new Int32Array(n * T), new Float64Array(2 * T), a);
        plainViterbi(n, T, emit, x, b);
        if (a.join() !== b.join()) differing++;
      }
    }
    expect(differing).toBe(0);
  });
});
