// Training: a structured (Collins) perceptron with weight averaging over the hashed features, Viterbi
// decoding under the IOB2 constraint, seeded shuffling; the last epoch kept (the number of epochs is chosen by
// cross-validation on train, crossValidate) or, when asked, the epoch with the best dev F1.

import { InvalidSettingError, KgError } from '../errors.js';
import type { TaggedSentence } from './conll.js';
import { FEATURE_SET, FEATURES_PER_TOKEN, sentenceFeatures } from './features.js';
import { mulberry32 } from '../random.js';
import { scoreNer, type NerScore } from './score.js';
import { NORNE_TYPES, tagList } from './tags.js';
import { decodeModelData, encodeModel } from './codec.js';
import { constrainedTransitions, createTagger, viterbi, type NerModel, type Tagger, type Transitions } from './tagger.js';
import { minMax } from '../arrays.js';
import { taggerInputs } from './kb.js';
import { PLACES_META } from './places.js';
import { NAMES_META } from './names.js';

export interface TrainSettings {
  /** Shuffling seed: the same data, settings and seed give the same model, byte for byte. */
  seed: number;
  /** Passes over the training data; the last is kept unless selectOnDev. */
  epochs: number;
  /** Keep the epoch with the best dev F1 instead of the last (tunes on the dev file: its score is then no test). */
  selectOnDev: boolean;
  /** Use the part of speech of each token (sentences must then carry `pos`; see taggerInputs). */
  usePos: boolean;
  /** The language the model is for, recorded in its meta (nb, nn, en), or '' for none. */
  lang: string;
  /** Use the knowledge-base feature (sentences must then carry `kbTags`). */
  useKb: boolean;
  /** The sentences' `kbTags` include the gazetteer's (placeTags): recorded in the model's meta, so that tagging adds them too. */
  usePlaces: boolean;
  /** The sentences' `kbTags` include the given names (givenNameTags): recorded in the model's meta (`names`). */
  useNames: boolean;
  /** Features seen fewer times than this in the training data are left out. */
  minCount: number;
  /** After training, features whose weights are all below this (absolute) are dropped from the model. */
  prune: number;
  /**
   * Share of feature occurrences hidden from each training update (seeded): the model cannot lean on one
   * memorised word alone and learns from context and word shape too, which is what unseen names need.
   */
  dropout: number;
}

export const DEFAULT_TRAIN_SETTINGS: Readonly<TrainSettings> = Object.freeze({
  seed: 1,
  epochs: 25,
  selectOnDev: false,
  usePos: false,
  lang: '',
  useKb: true,
  usePlaces: false,
  useNames: false,
  minCount: 3,
  prune: 0,
  dropout: 0.2,
});

export function validateTrainSettings(s: TrainSettings): void {
  if (!Number.isInteger(s.seed) || s.seed < 0 || s.seed > 2 ** 31 - 1) throw new InvalidSettingError('seed', 'an integer from 0 to 2147483647', s.seed);
  if (!Number.isInteger(s.epochs) || s.epochs < 1 || s.epochs > 1000) throw new InvalidSettingError('epochs', 'an integer from 1 to 1000', s.epochs);
  if (typeof s.useKb !== 'boolean') throw new InvalidSettingError('useKb', 'a boolean', s.useKb);
  if (typeof s.usePos !== 'boolean') throw new InvalidSettingError('usePos', 'a boolean', s.usePos);
  if (typeof s.usePlaces !== 'boolean') throw new InvalidSettingError('usePlaces', 'a boolean', s.usePlaces);
  if (typeof s.useNames !== 'boolean') throw new InvalidSettingError('useNames', 'a boolean', s.useNames);
  if (s.useNames && !s.useKb) throw new InvalidSettingError('useNames', 'false when useKb is false (the list fills the knowledge-base feature)', s.useNames);
  if (s.usePlaces && !s.useKb) throw new InvalidSettingError('usePlaces', 'false when useKb is false (the gazetteer fills the knowledge-base feature)', s.usePlaces);
  if (typeof s.selectOnDev !== 'boolean') throw new InvalidSettingError('selectOnDev', 'a boolean', s.selectOnDev);
  if (typeof s.lang !== 'string' || !/^([a-z]{2,3}(,[a-z]{2,3})*)?$/.test(s.lang)) throw new InvalidSettingError('lang', 'a language code such as nb, nn or en', s.lang);
  if (!Number.isInteger(s.minCount) || s.minCount < 1) throw new InvalidSettingError('minCount', 'an integer >= 1', s.minCount);
  if (typeof s.prune !== 'number' || !(s.prune >= 0)) throw new InvalidSettingError('prune', 'a number >= 0', s.prune);
  if (typeof s.dropout !== 'number' || !(s.dropout >= 0 && s.dropout < 1)) throw new InvalidSettingError('dropout', 'a number from 0 to below 1', s.dropout);
}

export function resolveTrainSettings(partial: Partial<TrainSettings> = {}): TrainSettings {
  const s: TrainSettings = { ...DEFAULT_TRAIN_SETTINGS };
  for (const [k, v] of Object.entries(partial)) if (v !== undefined) (s as unknown as Record<string, unknown>)[k] = v;
  validateTrainSettings(s);
  return s;
}

/** What one epoch did: training mistakes (tokens) and the dev scores of the averaged weights. */
export interface EpochLog {
  epoch: number;
  trainTokenErrors: number;
  trainTokens: number;
  dev: NerScore;
  best: boolean;
}

export interface TrainResult {
  tagger: Tagger;
  log: EpochLog[];
  bestEpoch: number;
  /** Dev scores of the returned tagger (after pruning). */
  dev: NerScore;
  features: number;
}

/** Entity types of the training data: NorNE's first, in its order, then any others alphabetically. */
function typesOf(sentences: readonly TaggedSentence[]): string[] {
  const seen = new Set<string>();
  for (const s of sentences) for (const t of s.tags) if (t !== 'O') seen.add(t.slice(2));
  const norne = (NORNE_TYPES as readonly string[]).filter((t) => seen.has(t));
  const others = [...seen].filter((t) => !norne.includes(t)).sort();
  return [...norne, ...others];
}

/** Gold tag indices; an I- tag that continues nothing becomes B- (conlleval reads it so too). */
function goldIndices(tags: readonly string[], index: ReadonlyMap<string, number>): Int32Array {
  const out = new Int32Array(tags.length);
  for (let i = 0; i < tags.length; i++) {
    let tag = tags[i]!;
    if (tag.startsWith('I-') && (i === 0 || tags[i - 1]!.slice(2) !== tag.slice(2))) tag = `B-${tag.slice(2)}`;
    out[i] = index.get(tag) ?? 0;
  }
  return out;
}

interface Encoded {
  n: number;
  feats: Int32Array; // n × K feature ids, -1 absent
  gold: Int32Array;
}

/**
 * Trains a tagger on `train`, choosing the epoch on `dev` (typed entity F1). Pure and deterministic:
 * `onEpoch` is called after each epoch (for progress output).
 */
export function trainTagger(
  train: readonly TaggedSentence[],
  dev: readonly TaggedSentence[],
  options: Partial<TrainSettings> & { onEpoch?: (log: EpochLog) => void } = {},
): TrainResult {
  const { onEpoch, ...rest } = options;
  const settings = resolveTrainSettings(rest);
  const sents = train.filter((s) => s.tokens.length > 0);
  if (sents.length === 0) throw new KgError('INPUT_EMPTY', 'no training sentences');
  const types = typesOf(sents);
  if (types.length === 0) throw new KgError('INPUT_INVALID', 'the training data has no entities (every tag is O)');
  const tags = tagList(types);
  const T = tags.length;
  const tagIndex = new Map(tags.map((t, i) => [t, i] as const));
  const K = FEATURES_PER_TOKEN;
  const kbOf = (s: TaggedSentence) => {
    if (settings.usePos && !s.pos) throw new KgError('INPUT_INVALID', 'usePos: a training or dev sentence has no parts of speech');
    return taggerInputs(settings.useKb ? s.kbTags : undefined, settings.usePos ? s.pos : undefined);
  };

  // Feature ids, in order of first appearance (deterministic); rare ones left out when minCount > 1.
  const counts = new Map<number, number>();
  for (const s of sents) {
    const f = sentenceFeatures(s.tokens, kbOf(s));
    for (let k = 0; k < s.tokens.length * K; k++) {
      const h = f[k]!;
      if (h !== 0) counts.set(h, (counts.get(h) ?? 0) + 1);
    }
  }
  const ids = new Map<number, number>();
  const hashOf: number[] = [];
  for (const [h, c] of counts) {
    if (c >= settings.minCount) {
      ids.set(h, hashOf.length);
      hashOf.push(h);
    }
  }
  counts.clear();
  const encode = (s: TaggedSentence): Encoded => {
    const n = s.tokens.length;
    const f = sentenceFeatures(s.tokens, kbOf(s));
    const feats = new Int32Array(n * K);
    for (let k = 0; k < n * K; k++) {
      const h = f[k]!;
      feats[k] = h === 0 ? -1 : (ids.get(h) ?? -1);
    }
    return { n, feats, gold: goldIndices(s.tags, tagIndex) };
  };
  const trainEnc = sents.map(encode);
  const devSents = dev.filter((s) => s.tokens.length > 0);
  const devEnc = devSents.map(encode);
  const devGold = devSents.map((s) => s.tags);

  const F = hashOf.length;
  const W = new Float64Array(F * T);
  const U = new Float64Array(F * T);
  // Transitions (T×T), then start (T), then end (T), in one array.
  const TR = T * T + 2 * T;
  const Wt = new Float64Array(TR);
  const Ut = new Float64Array(TR);
  let c = 1;

  const maxLen = Math.max(minMax([...trainEnc, ...devEnc].map((e) => e.n))[1], 1);
  const emit = new Float64Array(maxLen * T);
  const back = new Int32Array(maxLen * T);
  const delta = new Float64Array(2 * T);
  const pred = new Int32Array(maxLen);

  const decode = (e: Encoded, w: Float64Array | Float32Array, tr: Transitions) => {
    emit.fill(0, 0, e.n * T);
    for (let i = 0; i < e.n; i++) {
      const o = i * T;
      for (let k = i * K; k < (i + 1) * K; k++) {
        const f = e.feats[k]!;
        if (f < 0) continue;
        const r = f * T;
        for (let t = 0; t < T; t++) emit[o + t] += w[r + t]!;
      }
    }
    viterbi(e.n, T, emit, tr, back, delta, pred);
  };
  const splitTransitions = (w: Float64Array | Float32Array) =>
    constrainedTransitions(types, w.subarray(0, T * T), w.subarray(T * T, T * T + T), w.subarray(T * T + T, TR));
  const update = (f: Int32Array, i: number, tag: number, d: number) => {
    for (let k = i * K; k < (i + 1) * K; k++) {
      const id = f[k]!;
      if (id < 0) continue;
      W[id * T + tag] += d;
      U[id * T + tag] += c * d;
    }
  };
  const updateT = (k: number, d: number) => {
    Wt[k] += d;
    Ut[k] += c * d;
  };

  const rng = mulberry32(settings.seed);
  const order = trainEnc.map((_, i) => i);
  const avg = new Float32Array(F * T);
  const avgT = new Float32Array(TR);
  let best: { epoch: number; f1: number; w: Float32Array; t: Float32Array } | null = null;
  const log: EpochLog[] = [];
  const trainTokens = trainEnc.reduce((n, e) => n + e.n, 0);

  for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      const tmp = order[i]!;
      order[i] = order[j]!;
      order[j] = tmp;
    }
    let errors = 0;
    for (const idx of order) {
      let e = trainEnc[idx]!;
      if (settings.dropout > 0) {
        const feats = e.feats.slice();
        for (let k = 0; k < feats.length; k++) if (feats[k]! >= 0 && rng() < settings.dropout) feats[k] = -1;
        e = { n: e.n, feats, gold: e.gold };
      }
      decode(e, W, splitTransitions(Wt));
      const g = e.gold;
      for (let i = 0; i < e.n; i++) {
        if (pred[i] !== g[i]) {
          errors++;
          update(e.feats, i, g[i]!, 1);
          update(e.feats, i, pred[i]!, -1);
        }
        if (i > 0 && (pred[i] !== g[i] || pred[i - 1] !== g[i - 1])) {
          updateT(g[i - 1]! * T + g[i]!, 1);
          updateT(pred[i - 1]! * T + pred[i]!, -1);
        }
      }
      if (pred[0] !== g[0]) {
        updateT(T * T + g[0]!, 1);
        updateT(T * T + pred[0]!, -1);
      }
      if (pred[e.n - 1] !== g[e.n - 1]) {
        updateT(T * T + T + g[e.n - 1]!, 1);
        updateT(T * T + T + pred[e.n - 1]!, -1);
      }
      c++;
    }
    for (let k = 0; k < W.length; k++) avg[k] = W[k]! - U[k]! / c;
    for (let k = 0; k < TR; k++) avgT[k] = Wt[k]! - Ut[k]! / c;
    const tr = splitTransitions(avgT);
    const devPred = devEnc.map((e) => {
      decode(e, avg, tr);
      return Array.from(pred.subarray(0, e.n), (t) => tags[t]!);
    });
    const score = scoreNer(devGold, devPred);
    const isBest = !settings.selectOnDev || devEnc.length === 0 ? epoch === settings.epochs : !best || score.overall.f1 > best.f1;
    if (isBest) best = { epoch, f1: score.overall.f1, w: avg.slice(), t: avgT.slice() };
    const entry: EpochLog = { epoch, trainTokenErrors: errors, trainTokens, dev: score, best: isBest };
    log.push(entry);
    onEpoch?.(entry);
  }

  // Through the file format and back, so the returned tagger is exactly what a saved file will tag with.
  const model = decodeModelData(encodeModel(buildModel(types, hashOf, best!.w, best!.t, settings, best!.epoch)));
  const tagger = createTagger(model);
  const devScore = scoreNer(
    devGold,
    devSents.map((s) => tagger.tagTokens(s.tokens, kbOf(s))),
  );
  model.meta.devF1 = Number((100 * devScore.overall.f1).toFixed(2));
  return { tagger, log, bestEpoch: best!.epoch, dev: devScore, features: model.hashes.length };
}

/** The model of averaged weights: features sorted by hash, rows whose weights are all below `prune` dropped. */
function buildModel(types: string[], hashOf: number[], w: Float32Array, t: Float32Array, settings: TrainSettings, epoch: number): NerModel {
  const T = 1 + 2 * types.length;
  const keep: number[] = [];
  for (let f = 0; f < hashOf.length; f++) {
    let max = 0;
    for (let k = 0; k < T; k++) max = Math.max(max, Math.abs(w[f * T + k]!));
    if (max > settings.prune && max > 0) keep.push(f);
  }
  keep.sort((a, b) => hashOf[a]! - hashOf[b]!);
  const hashes = new Uint32Array(keep.length);
  const weights = new Float32Array(keep.length * T);
  keep.forEach((f, r) => {
    hashes[r] = hashOf[f]!;
    weights.set(w.subarray(f * T, (f + 1) * T), r * T);
  });
  return {
    types,
    featureSet: FEATURE_SET,
    usesKb: settings.useKb,
    hashes,
    weights,
    transitions: t.slice(0, T * T),
    start: t.slice(T * T, T * T + T),
    end: t.slice(T * T + T, T * T + 2 * T),
    meta: {
      ...(settings.lang ? { lang: settings.lang } : {}),
      ...(settings.usePos ? { pos: 'upos' } : {}),
      ...(settings.usePlaces ? { places: PLACES_META } : {}),
      ...(settings.useNames ? { names: NAMES_META } : {}),
      seed: settings.seed,
      epochs: settings.epochs,
      keptEpoch: epoch,
      minCount: settings.minCount,
      prune: settings.prune,
      dropout: settings.dropout,
    },
  };
}

/** What cross-validation measured: per epoch, the mean held-out typed F1 over the folds. */
export interface CrossValidation {
  folds: number;
  /** meanF1[e - 1]: mean typed entity F1 of epoch e on the held-out folds (0 to 1). */
  meanF1: number[];
  /** foldF1[f][e - 1]. */
  foldF1: number[][];
  /** The epoch with the highest mean F1 (the first of equals). */
  bestEpoch: number;
}

/**
 * k-fold cross-validation on `train`: fold f is the f-th of k contiguous parts (documents stay together), the
 * tagger is trained on the other parts plus `extra` (data that is never held out, such as another language's
 * treebank) and scored on fold f after every epoch. Deterministic as trainTagger is.
 */
/** The sentences `times` times over, in order (a corpus weighted against others trained with it). */
export function repeated<T>(sentences: readonly T[], times: number): T[] {
  const out: T[] = [];
  for (let r = 0; r < times; r++) for (const s of sentences) out.push(s);
  return out;
}

export function crossValidate(
  train: readonly TaggedSentence[],
  k: number,
  options: Partial<TrainSettings> & { extra?: readonly TaggedSentence[]; repeat?: number; onFold?: (fold: number, f1: number[]) => void; onEpoch?: (fold: number, log: EpochLog) => void } = {},
): CrossValidation {
  const { extra = [], repeat = 1, onFold, onEpoch, ...settings } = options;
  if (!Number.isInteger(repeat) || repeat < 1) throw new InvalidSettingError('repeat', 'a whole number of at least 1', repeat);
  if (!Number.isInteger(k) || k < 2 || k > train.length) throw new InvalidSettingError('folds', `an integer from 2 to the number of training sentences (${train.length})`, k);
  const foldF1: number[][] = [];
  for (let f = 0; f < k; f++) {
    const from = Math.floor((f * train.length) / k);
    const to = Math.floor(((f + 1) * train.length) / k);
    const held = train.slice(from, to);
    const part = [...train.slice(0, from), ...train.slice(to)];
    const rest = [...repeated(part, repeat), ...extra];
    const result = trainTagger(rest, held, { ...settings, selectOnDev: false, ...(onEpoch ? { onEpoch: (e: EpochLog) => onEpoch(f + 1, e) } : {}) });
    const f1 = result.log.map((e) => e.dev.overall.f1);
    foldF1.push(f1);
    onFold?.(f + 1, f1);
  }
  const epochs = foldF1[0]!.length;
  const meanF1 = Array.from({ length: epochs }, (_, e) => foldF1.reduce((sum, f1) => sum + f1[e]!, 0) / k);
  let bestEpoch = 1;
  for (let e = 2; e <= epochs; e++) if (meanF1[e - 1]! > meanF1[bestEpoch - 1]!) bestEpoch = e;
  return { folds: k, meanF1, foldF1, bestEpoch };
}
