// Part-of-speech and morphology tagging: a greedy left-to-right averaged perceptron that picks the UPOS,
// then the treebank tag with its features among those seen with that UPOS.

import { hashString, mix, mixPrefix, mixWith } from '../hash.js';
import { mulberry32, shuffleInPlace } from '../random.js';
import { HashCounter, Perceptron, argmax, lookupRows, scoreAll, scoreSome, scorerOf, splitByCandidates, type LinearWeights, type Scorer } from './linear.js';

/** The words of one sentence as the tagger reads them, hashed once. */
export interface TagInput {
  forms: readonly string[];
}

export interface TaggerModel {
  upos: string[];
  /** Treebank tag and features, joined by a tab. */
  fine: string[];
  /** For each UPOS, the fine classes seen with it in training. */
  candidates: Int32Array[];
  uposWeights: LinearWeights;
  /** For each UPOS, a classifier over its candidates only (class k is `candidates[u][k]`). */
  fineWeights: LinearWeights[];
}

export interface TaggedWords {
  upos: Int32Array;
  fine: Int32Array;
}

const MAX_FEATURES = 64;
const T = {
  bias: 1, w: 2, form: 3, s1: 4, s2: 5, s3: 6, s4: 7, p1: 8, p2: 9, p3: 10, shape: 11,
  wm1: 12, wp1: 13, wm2: 14, wp2: 15, s3m1: 16, s3p1: 17, t1: 18, t12: 19, t1w: 20, wm1w: 21, wwp1: 22,
  first: 23, tail: 24, tails3: 25, cap: 26, s5: 27, shapem1: 28, shapep1: 29,
  u: 40, uw: 41, f1: 42, us3: 43, utail: 44, f1u: 45,
} as const;

/** Collapsed character classes: "Stoltenberg" → "Xx", "SSC-8" → "X-d", "2020" → "d". */
export function wordShape(s: string): string {
  let out = '';
  let last = '';
  for (const ch of s) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{Nd}/u.test(ch) ? 'd' : ch;
    if (c !== last) out += c;
    last = c;
    if (out.length >= 6) break;
  }
  return out;
}

/** Per-word hashes the templates combine, for words 0..n (the arrays may be longer). */
interface WordHashes {
  n: number;
  w: Uint32Array;
  form: Uint32Array;
  s: Uint32Array[];
  p: Uint32Array[];
  shape: Uint32Array;
  tail: Uint32Array;
  tails3: Uint32Array;
  cap: Uint8Array;
}

const SUFFIX_T = [T.s1, T.s2, T.s3, T.s4, T.s5];
const START = hashString('<s>');
const END = hashString('</s>');

function suffixHash(s: string, k: number): number {
  return s.length >= k ? hashString(s, s.length - k) : hashString(s) ^ 0x5bd1e995;
}

function wordHashes(forms: readonly string[]): WordHashes {
  const n = forms.length;
  const h: WordHashes = {
    n, w: new Uint32Array(n), form: new Uint32Array(n), s: [1, 2, 3, 4, 5].map(() => new Uint32Array(n)),
    p: [1, 2, 3].map(() => new Uint32Array(n)), shape: new Uint32Array(n), tail: new Uint32Array(n),
    tails3: new Uint32Array(n), cap: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const f = forms[i]!;
    const low = f.toLowerCase();
    h.w[i] = hashString(low);
    h.form[i] = hashString(f);
    for (let k = 0; k < 5; k++) h.s[k]![i] = suffixHash(low, k + 1);
    for (let k = 0; k < 3; k++) h.p[k]![i] = hashString(low, 0, Math.min(low.length, k + 1));
    h.shape[i] = hashString(wordShape(f));
    const dash = low.lastIndexOf('-');
    const tail = dash > 0 && dash < low.length - 1 ? low.slice(dash + 1) : '';
    h.tail[i] = tail ? hashString(tail) : 0;
    h.tails3[i] = tail ? suffixHash(tail, 3) : 0;
    h.cap[i] = /^\p{Lu}/u.test(f) ? 1 : 0;
  }
  return h;
}

/** The features of word i that depend on the word alone (cached per word form when tagging). */
function localFeatures(h: WordHashes, i: number, out: Uint32Array): number {
  let k = 0;
  out[k++] = mix(T.bias, 1);
  out[k++] = mix(T.w, h.w[i]!);
  out[k++] = mix(T.form, h.form[i]!);
  for (let s = 0; s < 5; s++) out[k++] = mix(SUFFIX_T[s]!, h.s[s]![i]!);
  for (let p = 0; p < 3; p++) out[k++] = mix(T.p1 + p, h.p[p]![i]!);
  out[k++] = mix(T.shape, h.shape[i]!);
  if (h.tail[i]) {
    out[k++] = mix(T.tail, h.tail[i]!);
    out[k++] = mix(T.tails3, h.tails3[i]!);
  }
  return k;
}

/** mixPrefix of each template number: mix(T.x, v) is mixWith(P.x, v). */
const P = Object.fromEntries(Object.entries(T).map(([k, v]) => [k, mixPrefix(v)])) as Record<keyof typeof T, number>;

/** The features of word i from its neighbours and the two previous UPOS ids, written from `out[k0]` on. */
function contextFeatures(h: WordHashes, i: number, t1: number, t2: number, out: Uint32Array, k0: number): number {
  const n = h.n;
  const w = h.w, s3 = h.s[2]!, shape = h.shape;
  const wi = w[i]!;
  const wm1 = i > 0 ? w[i - 1]! : START, wp1 = i + 1 < n ? w[i + 1]! : END;
  let k = k0;
  out[k++] = mixWith(P.wm1, wm1);
  out[k++] = mixWith(P.wp1, wp1);
  out[k++] = mixWith(P.wm2, i > 1 ? w[i - 2]! : START);
  out[k++] = mixWith(P.wp2, i + 2 < n ? w[i + 2]! : END);
  out[k++] = mixWith(P.s3m1, i > 0 ? s3[i - 1]! : START);
  out[k++] = mixWith(P.s3p1, i + 1 < n ? s3[i + 1]! : END);
  out[k++] = mixWith(P.shapem1, i > 0 ? shape[i - 1]! : START);
  out[k++] = mixWith(P.shapep1, i + 1 < n ? shape[i + 1]! : END);
  out[k++] = mixWith(P.t1, t1 + 1);
  out[k++] = mix(mixWith(P.t12, t1 + 1), t2 + 1);
  out[k++] = mix(mixWith(P.t1w, t1 + 1), wi);
  out[k++] = mix(mixWith(P.wm1w, wm1), wi);
  out[k++] = mix(mixWith(P.wwp1, wi), wp1);
  out[k++] = mixWith(P.first, (i === 0 ? 2 : 0) + h.cap[i]!);
  return k;
}

/** Writes the UPOS features of word i (given the two previous UPOS ids) into `out`; returns the count. */
function uposFeatures(h: WordHashes, i: number, t1: number, t2: number, out: Uint32Array): number {
  return contextFeatures(h, i, t1, t2, out, localFeatures(h, i, out));
}

/** Adds the fine-tag features (the chosen UPOS, the previous fine tag) after the UPOS features. */
function fineFeatures(h: WordHashes, i: number, u: number, f1: number, out: Uint32Array, k0: number): number {
  let k = k0;
  out[k++] = mixWith(P.u, u + 1);
  out[k++] = mix(mixWith(P.uw, u + 1), h.w[i]!);
  out[k++] = mixWith(P.f1, f1 + 1);
  out[k++] = mix(mixWith(P.f1u, f1 + 1), u + 1);
  out[k++] = mix(mixWith(P.us3, u + 1), h.s[2]![i]!);
  if (h.tail[i]) out[k++] = mix(mixWith(P.utail, u + 1), h.tails3[i]!);
  return k;
}

/** A reusable tagging workspace (no allocation per word). */
class Scratch {
  feats = new Uint32Array(MAX_FEATURES);
  rows = new Int32Array(MAX_FEATURES);
  scores = new Float64Array(4096);
  hashes: WordHashes | undefined;
}

/** What tagging keeps of a word form: its hashes, its local UPOS scores and its local fine-tag rows. */
interface FormEntry {
  w: number; form: number; s: number[]; p: number[]; shape: number; tail: number; tails3: number; cap: number;
  localU: Float64Array;
  /** The local feature hashes (looked up in the fine classifier of whichever UPOS is chosen). */
  local: Uint32Array;
}

const MAX_CACHED_FORMS = 200_000;
const formCaches = new WeakMap<TaggerModel, Map<string, FormEntry>>();

function formEntry(model: TaggerModel, cache: Map<string, FormEntry>, form: string, sc: Scratch): FormEntry {
  let e = cache.get(form);
  if (e) return e;
  const h = wordHashes([form]);
  const n = localFeatures(h, 0, sc.feats);
  const localU = new Float64Array(model.upos.length);
  scorerOf(model.uposWeights).score(sc.feats, n, localU);
  const local = sc.feats.slice(0, n);
  e = { w: h.w[0]!, form: h.form[0]!, s: h.s.map((a) => a[0]!), p: h.p.map((a) => a[0]!), shape: h.shape[0]!, tail: h.tail[0]!, tails3: h.tails3[0]!, cap: h.cap[0]!, localU, local };
  if (cache.size >= MAX_CACHED_FORMS) cache.clear();
  cache.set(form, e);
  return e;
}

/** Room for the word hashes of a sentence of n words (grown as needed, reused across sentences). */
function wordHashRoom(h: WordHashes | undefined, n: number): WordHashes {
  if (h && h.w.length >= n) return h;
  const size = Math.max(n, 2 * (h?.w.length ?? 32));
  return {
    n: 0, w: new Uint32Array(size), form: new Uint32Array(size), s: [0, 1, 2, 3, 4].map(() => new Uint32Array(size)),
    p: [0, 1, 2].map(() => new Uint32Array(size)), shape: new Uint32Array(size), tail: new Uint32Array(size),
    tails3: new Uint32Array(size), cap: new Uint8Array(size),
  };
}

/** The sentence's word hashes from the cache entries (the same values wordHashes computes), into `h`. */
function hashesOf(entries: readonly FormEntry[], h: WordHashes): WordHashes {
  const n = (h.n = entries.length);
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    h.w[i] = e.w;
    h.form[i] = e.form;
    for (let k = 0; k < 5; k++) h.s[k]![i] = e.s[k]!;
    for (let k = 0; k < 3; k++) h.p[k]![i] = e.p[k]!;
    h.shape[i] = e.shape;
    h.tail[i] = e.tail;
    h.tails3[i] = e.tails3;
    h.cap[i] = e.cap;
  }
  return h;
}

/** The scoring forms of a tagger's tables: UPOS, then the fine tags of each UPOS. */
const scorerSets = new WeakMap<TaggerModel, { upos: Scorer; fine: Scorer[] }>();

function tagWith(model: TaggerModel, forms: readonly string[], sc: Scratch, fixed?: readonly (number | undefined)[]): TaggedWords {
  let cache = formCaches.get(model);
  if (!cache) formCaches.set(model, (cache = new Map()));
  let scorers = scorerSets.get(model);
  if (!scorers) scorerSets.set(model, (scorers = { upos: scorerOf(model.uposWeights), fine: model.fineWeights.map(scorerOf) }));
  const entries = forms.map((f) => formEntry(model, cache, f, sc));
  const h = hashesOf(entries, (sc.hashes = wordHashRoom(sc.hashes, forms.length)));
  const n = forms.length;
  const upos = new Int32Array(n);
  const fine = new Int32Array(n);
  const U = model.upos.length;
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    const t1 = i > 0 ? upos[i - 1]! : -1;
    const t2 = i > 1 ? upos[i - 2]! : -1;
    const nc = contextFeatures(h, i, t1, t2, sc.feats, 0);
    scorers.upos.score(sc.feats, nc, sc.scores);
    for (let c = 0; c < U; c++) sc.scores[c]! += e.localU[c]!;
    const u = fixed?.[i] ?? argmax(sc.scores, U);
    upos[i] = u;
    const cands = model.candidates[u]!;
    if (cands.length === 0) {
      fine[i] = -1;
      continue;
    }
    const nf = fineFeatures(h, i, u, i > 0 ? fine[i - 1]! : -1, sc.feats, nc);
    sc.feats.set(e.local, nf);
    scorers.fine[u]!.score(sc.feats, nf + e.local.length, sc.scores);
    fine[i] = cands[argmax(sc.scores, cands.length)]!;
  }
  return { upos, fine };
}

const scratch = new Scratch();

/**
 * Tags one sentence: UPOS ids into `model.upos`, fine ids into `model.fine` (−1: no fine tag known). `fixed` gives
 * the UPOS of some words beforehand (names the mention finder knows are PROPN); their fine tag is still chosen.
 */
export function tagWords(model: TaggerModel, forms: readonly string[], fixed?: readonly (number | undefined)[]): TaggedWords {
  // The same words tagged again with some tags fixed (the names, once the entity tagger has found them) come out as
  // before when the tagging before chose those tags itself: the greedy decoder makes the same choices at every word.
  let memo = recentTaggings.get(model);
  if (!memo) recentTaggings.set(model, (memo = new Map()));
  const key = forms.join('\u0001');
  const hit = memo.get(key);
  if (hit && (fixed ?? []).every((u, i) => u === undefined || hit.upos[i] === u)) return { upos: hit.upos.slice(), fine: hit.fine.slice() };
  const out = tagWith(model, forms, scratch, fixed);
  if (!fixed || fixed.every((u) => u === undefined)) {
    if (memo.size >= MAX_RECENT_TAGGINGS) memo.clear();
    memo.set(key, { upos: out.upos.slice(), fine: out.fine.slice() });
  }
  return out;
}

/** Taggings without fixed tags, by sentence, for tagWords to reuse (a document's sentences, tagged twice in kg build). */
const recentTaggings = new WeakMap<TaggerModel, Map<string, TaggedWords>>();

/** Forgets the taggings tagWords keeps for reuse (so that a benchmark's second pass tags every sentence again). */
export function forgetTaggings(model: TaggerModel): void {
  recentTaggings.delete(model);
}
const MAX_RECENT_TAGGINGS = 4096;

/** A training sentence: forms with gold UPOS and fine class strings. */
export interface TagTrainSentence {
  forms: readonly string[];
  upos: readonly string[];
  fine: readonly string[];
}

export interface TagTrainSettings {
  epochs: number;
  seed: number;
  minCount: number;
  onEpoch?: (epoch: number, errors: number, tokens: number) => void;
}

function classIds(values: Iterable<string>): Map<string, number> {
  return new Map([...new Set(values)].sort().map((v, i) => [v, i]));
}

/** Trains the tagger; the same sentences and settings give the same weights. */
export function trainTagger(data: readonly TagTrainSentence[], settings: TagTrainSettings): TaggerModel {
  const uposIds = classIds(data.flatMap((s) => s.upos));
  const fineIds = classIds(data.flatMap((s) => s.fine));
  const cand: Set<number>[] = [...uposIds.keys()].map(() => new Set());
  for (const s of data) s.upos.forEach((u, i) => cand[uposIds.get(u)!]!.add(fineIds.get(s.fine[i]!)!));
  const gold = data.map((s) => ({ u: Int32Array.from(s.upos, (u) => uposIds.get(u)!), f: Int32Array.from(s.fine, (f) => fineIds.get(f)!), h: wordHashes(s.forms) }));
  const sc = new Scratch();
  // Features seen at least minCount times with gold context.
  const cu = new HashCounter(1 << 20);
  const cf = new HashCounter(1 << 20);
  for (const g of gold) {
    for (let i = 0; i < g.u.length; i++) {
      const nu = uposFeatures(g.h, i, i > 0 ? g.u[i - 1]! : -1, i > 1 ? g.u[i - 2]! : -1, sc.feats);
      for (let k = 0; k < nu; k++) cu.add(sc.feats[k]!);
      const nf = fineFeatures(g.h, i, g.u[i]!, i > 0 ? g.f[i - 1]! : -1, sc.feats, nu);
      for (let k = 0; k < nf; k++) cf.add(sc.feats[k]!);
    }
  }
  const pu = new Perceptron(cu.atLeast(settings.minCount), uposIds.size);
  const pf = new Perceptron(cf.atLeast(settings.minCount), fineIds.size);
  const candidates = cand.map((c) => Int32Array.from([...c].sort((a, b) => a - b)));
  const rng = mulberry32(settings.seed);
  const order = gold.map((_, i) => i);
  for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    shuffleInPlace(order, rng);
    let errors = 0;
    let tokens = 0;
    for (const k of order) {
      const g = gold[k]!;
      let p1 = -1, p2 = -1, f1 = -1;
      for (let i = 0; i < g.u.length; i++) {
        const nu = uposFeatures(g.h, i, p1, p2, sc.feats);
        lookupRows(pu.index, sc.feats, nu, sc.rows);
        scoreAll(pu, sc.rows, nu, sc.scores);
        const u = argmax(sc.scores, pu.classes);
        if (u !== g.u[i]) {
          pu.update(sc.rows, nu, g.u[i]!, u);
          errors++;
        }
        const cands = candidates[u]!;
        const nf = fineFeatures(g.h, i, u, f1, sc.feats, nu);
        lookupRows(pf.index, sc.feats, nf, sc.rows);
        scoreSome(pf, sc.rows, nf, cands, sc.scores);
        const f = cands[argmax(sc.scores, cands.length)]!;
        if (f !== g.f[i]! && u === g.u[i]) pf.update(sc.rows, nf, g.f[i]!, f);
        pu.tick();
        pf.tick();
        tokens++;
        p2 = p1;
        p1 = u;
        f1 = f;
      }
    }
    settings.onEpoch?.(epoch, errors, tokens);
  }
  return {
    upos: [...uposIds.keys()],
    fine: [...fineIds.keys()],
    candidates,
    uposWeights: pu.average(),
    fineWeights: splitByCandidates(pf.average(), candidates),
  };
}
