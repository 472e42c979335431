// The tagger: a linear model over hashed features with tag-bigram transitions, decoded by Viterbi under
// the IOB2 constraint (I-X only after B-X or I-X), so every output is a well-formed tag sequence.

import { KgError } from '../errors.js';
import {
  AFTER_1,
  AFTER_2,
  BEFORE_1,
  BEFORE_2,
  CONTEXT_SLOTS,
  FAR_SLOTS,
  FEATURE_SET,
  NEIGHBOUR_SLOTS,
  SELF_SLOTS,
  KB_AFTER,
  KB_BEFORE,
  KB_NONE,
  KB_SLOT,
  SentenceContext,
  capInitial,
  capInitialFlags,
  kbFeatures,
  contextFeatures,
  neighbourFeatures,
  selfFeatures,
  wordInfo,
  type WordInfo,
} from './features.js';
import { tagList } from './tags.js';

/** The weights of a tagger: what a model file holds. */
export interface NerModel {
  /** Entity types, in tag order: tags are `O`, then `B-`/`I-` of each type. */
  types: string[];
  /** Version of the feature templates the weights belong to (FEATURE_SET). */
  featureSet: number;
  /** Was the model trained with the knowledge-base feature (see kbTagsFor)? */
  usesKb: boolean;
  /** Feature hashes, strictly ascending. */
  hashes: Uint32Array;
  /** hashes.length × tags weights, row-major. */
  weights: Float32Array;
  /** tags × tags transition weights (from × to), and weights of the first and the last tag. */
  transitions: Float32Array;
  start: Float32Array;
  end: Float32Array;
  /** The int16 step the weights were stored with (set when read from a file; saving reuses it). */
  step?: number;
  /** How the model was made (seed, epochs, dev scores): strings and numbers, no timestamps. */
  meta: Record<string, string | number>;
}

/** Tags tokenised sentences. */
export interface Tagger {
  /** Entity types the tagger predicts (for the shipped model: NorNE's). */
  readonly types: readonly string[];
  /** Its tag list: `O`, then `B-`/`I-` of each type. */
  readonly tags: readonly string[];
  /** Does it use the knowledge-base feature? If so, pass `kbTagsFor(tokens, index)` to tagTokens. */
  readonly usesKb: boolean;
  readonly model: NerModel;
  /** IOB2 tags (`B-PER`, `I-PER`, `O`) for one sentence's tokens. */
  tagTokens(tokens: readonly string[], kbTags?: readonly (string | null)[]): string[];
  /** The same as tag indices into `tags` (no string allocation per token). */
  tagIndices(tokens: readonly string[], kbTags?: readonly (string | null)[]): Int32Array;
}

const FORBIDDEN = -1e30;

/** Which tag may follow which under IOB2: forbidden[from * T + to], and which may open a sentence. */
function transitionMask(types: readonly string[]): { allowed: Uint8Array; startAllowed: Uint8Array } {
  const T = 1 + 2 * types.length;
  const allowed = new Uint8Array(T * T);
  const startAllowed = new Uint8Array(T);
  for (let to = 0; to < T; to++) {
    const isInside = to > 0 && to % 2 === 0;
    startAllowed[to] = isInside ? 0 : 1;
    for (let from = 0; from < T; from++) {
      // I-X (index 2x+2) may only follow B-X (2x+1) or I-X (2x+2).
      allowed[from * T + to] = !isInside || from === to || from === to - 1 ? 1 : 0;
    }
  }
  return { allowed, startAllowed };
}

/**
 * An open-addressing table from feature hash to weight row, built once when a model loads. Key and row sit
 * side by side (one cache line per probe); keys are stored as int32 (0 never occurs: hashes are never 0).
 */
class FeatureTable {
  private readonly slots: Int32Array;
  private readonly mask: number;
  constructor(hashes: Uint32Array) {
    let size = 1024;
    while (size < hashes.length * 2) size *= 2;
    this.slots = new Int32Array(2 * size);
    this.mask = size - 1;
    for (let r = 0; r < hashes.length; r++) {
      const h = hashes[r]! | 0;
      let slot = h & this.mask;
      while (this.slots[2 * slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[2 * slot] = h;
      this.slots[2 * slot + 1] = r;
    }
  }
  /** The row of a feature hash, or -1. */
  get(hash: number): number {
    const h = hash | 0;
    const slots = this.slots;
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const k = slots[2 * slot]!;
      if (k === h) return slots[2 * slot + 1]!;
      if (k === 0) return -1;
      slot = (slot + 1) & mask;
    }
  }
}

/** Transition scores with the IOB2 constraint applied, as decoding uses them. */
export interface Transitions {
  /** trT[to * T + from]: transposed, so the scores into one tag lie together. */
  trT: Float64Array;
  st: Float64Array;
  en: Float64Array;
}

/**
 * Viterbi decoding over emission scores (n × T): writes the best tag indices to `out`. Tags are laid out as
 * tagList makes them (O, B-X, I-X, …): O and B- tags may follow any tag, an I- tag only its own B- and I-,
 * so an I- tag costs two comparisons instead of T.
 */
export function viterbi(n: number, T: number, emit: Float64Array, x: Transitions, back: Int32Array, delta: Float64Array, out: Int32Array): void {
  if (n === 0) return;
  const { trT, st, en } = x;
  // delta holds two rows: previous and current position.
  for (let t = 0; t < T; t++) delta[t] = st[t]! + emit[t]!;
  let prev = 0;
  let cur = T;
  for (let i = 1; i < n; i++) {
    const e = i * T;
    for (let t = 0; t < T; t++) {
      let best: number;
      let arg: number;
      if (t > 0 && (t & 1) === 0) {
        // I-X: from B-X (t - 1) or I-X (t).
        const a = delta[prev + t - 1]! + trT[t * T + t - 1]!;
        const b = delta[prev + t]! + trT[t * T + t]!;
        if (b > a) {
          best = b;
          arg = t;
        } else {
          best = a;
          arg = t - 1;
        }
      } else {
        const row = t * T;
        best = delta[prev]! + trT[row]!;
        arg = 0;
        for (let f = 1; f < T; f++) {
          const s = delta[prev + f]! + trT[row + f]!;
          if (s > best) {
            best = s;
            arg = f;
          }
        }
      }
      delta[cur + t] = best + emit[e + t]!;
      back[e + t] = arg;
    }
    const tmp = prev;
    prev = cur;
    cur = tmp;
  }
  let best = -Infinity;
  let arg = 0;
  for (let t = 0; t < T; t++) {
    const s = delta[prev + t]! + en[t]!;
    if (s > best) {
      best = s;
      arg = t;
    }
  }
  out[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * T + out[i]!]!;
}

/** Transition, start and end scores with the IOB2 constraint applied, as float64 for decoding. */
export function constrainedTransitions(types: readonly string[], trans: ArrayLike<number>, start: ArrayLike<number>, end: ArrayLike<number>): Transitions {
  const T = 1 + 2 * types.length;
  const { allowed, startAllowed } = transitionMask(types);
  const trT = new Float64Array(T * T);
  const st = new Float64Array(T);
  const en = new Float64Array(T);
  for (let from = 0; from < T; from++) {
    for (let to = 0; to < T; to++) trT[to * T + from] = allowed[from * T + to] ? trans[from * T + to]! : FORBIDDEN;
  }
  for (let t = 0; t < T; t++) {
    st[t] = startAllowed[t] ? start[t]! : FORBIDDEN;
    en[t] = end[t]!;
  }
  return { trT, st, en };
}

// Per-word vectors: the summed weights of a word's unary features seen from each offset.
const SEGMENTS = 5; // the word itself, as the word before (-1), after (+1), two before (-2), two after (+2)
const WORD_CACHE_LIMIT = 50_000;

interface CachedWord {
  info: WordInfo;
  vec: Float64Array;
}

class LinearTagger implements Tagger {
  readonly types: readonly string[];
  readonly tags: readonly string[];
  readonly usesKb: boolean;
  private readonly table: FeatureTable;
  private readonly T: number;
  private readonly trans: Transitions;
  private emit = new Float64Array(0);
  private back = new Int32Array(0);
  private readonly delta: Float64Array;
  private readonly ctx = new SentenceContext();
  private readonly slots = new Uint32Array(Math.max(SELF_SLOTS, CONTEXT_SLOTS));
  private words = new Map<string, CachedWord>();
  private vecs: Float64Array[] = [];
  private readonly before1: Float64Array;
  private readonly before2: Float64Array;
  private readonly after1: Float64Array;
  private readonly after2: Float64Array;
  /** Summed KB-feature weights of a token with no KB tag on it or its neighbours (see tagIndices). */
  private readonly noKb: Float64Array[] = [];

  constructor(readonly model: NerModel) {
    if (model.featureSet !== FEATURE_SET) {
      throw new KgError('INPUT_INVALID', `not a usable NER model: it uses feature set ${model.featureSet}; this version computes feature set ${FEATURE_SET}`);
    }
    this.types = model.types;
    this.tags = tagList(model.types);
    this.usesKb = model.usesKb;
    this.T = this.tags.length;
    this.table = new FeatureTable(model.hashes);
    this.trans = constrainedTransitions(model.types, model.transitions, model.start, model.end);
    this.delta = new Float64Array(2 * this.T);
    this.before1 = this.wordVector(BEFORE_1);
    this.before2 = this.wordVector(BEFORE_2);
    this.after1 = this.wordVector(AFTER_1);
    this.after2 = this.wordVector(AFTER_2);
    for (let k = 0; k < 16; k++) {
      const v = new Float64Array(this.T);
      kbFeatures(KB_NONE, k & 8 ? KB_BEFORE : KB_NONE, k & 4 ? KB_AFTER : KB_NONE, capInitialFlags(k & 3), this.slots, 0);
      this.addWeights(4, v, 0);
      this.noKb.push(v);
    }
  }

  /** Adds the weights of the features in slots[0, count) to out[o, o + T), in slot order. */
  private addWeights(count: number, out: Float64Array, o: number): void {
    const T = this.T;
    const w = this.model.weights;
    const slots = this.slots;
    for (let k = 0; k < count; k++) {
      const h = slots[k]!;
      if (h === 0) continue;
      const row = this.table.get(h);
      if (row < 0) continue;
      const r = row * T;
      for (let t = 0; t < T; t++) out[o + t] += w[r + t]!;
    }
  }

  private wordVector(info: WordInfo): Float64Array {
    const T = this.T;
    const v = new Float64Array(SEGMENTS * T);
    selfFeatures(info, this.slots, 0);
    this.addWeights(SELF_SLOTS, v, 0);
    neighbourFeatures(info, -1, this.slots, 0);
    this.addWeights(NEIGHBOUR_SLOTS, v, T);
    neighbourFeatures(info, 1, this.slots, 0);
    this.addWeights(NEIGHBOUR_SLOTS, v, 2 * T);
    neighbourFeatures(info, -2, this.slots, 0);
    this.addWeights(FAR_SLOTS, v, 3 * T);
    neighbourFeatures(info, 2, this.slots, 0);
    this.addWeights(FAR_SLOTS, v, 4 * T);
    return v;
  }

  private cachedWord(token: string): CachedWord {
    let c = this.words.get(token);
    if (c === undefined) {
      if (this.words.size >= WORD_CACHE_LIMIT) this.words = new Map();
      const info = wordInfo(token);
      c = { info, vec: this.wordVector(info) };
      this.words.set(token, c);
    }
    return c;
  }

  tagIndices(tokens: readonly string[], kbTags?: readonly (string | null)[]): Int32Array {
    const n = tokens.length;
    const out = new Int32Array(n);
    if (n === 0) return out;
    const T = this.T;
    if (this.emit.length < n * T) {
      this.emit = new Float64Array(Math.max(n * T, this.emit.length * 2));
      this.back = new Int32Array(this.emit.length);
    }
    const emit = this.emit;
    const ctx = this.ctx;
    const infos = ctx.infos;
    const vecs = this.vecs;
    infos.length = n;
    vecs.length = n;
    for (let i = 0; i < n; i++) {
      const c = this.cachedWord(tokens[i]!);
      infos[i] = c.info;
      vecs[i] = c.vec;
    }
    ctx.complete(kbTags);
    const kb = ctx.kb;
    for (let i = 0; i < n; i++) {
      const e = i * T;
      const self = vecs[i]!;
      const m1 = i > 0 ? vecs[i - 1]! : this.before1;
      const p1 = i + 1 < n ? vecs[i + 1]! : this.after1;
      const m2 = i > 1 ? vecs[i - 2]! : i > 0 ? this.before1 : this.before2;
      const p2 = i + 2 < n ? vecs[i + 2]! : i + 1 < n ? this.after1 : this.after2;
      for (let t = 0; t < T; t++) emit[e + t] = self[t]! + m1[T + t]! + p1[2 * T + t]! + m2[3 * T + t]! + p2[4 * T + t]!;
      const fl = contextFeatures(infos, ctx.initial, ctx.kb, i, this.slots, 0);
      // Most tokens have no KB tag around them: their four KB features come from a precomputed sum.
      const km1 = i > 0 ? kb[i - 1]! : KB_BEFORE;
      const kp1 = i + 1 < n ? kb[i + 1]! : KB_AFTER;
      if (kb[i] === KB_NONE && (km1 === KB_NONE || km1 === KB_BEFORE) && (kp1 === KB_NONE || kp1 === KB_AFTER)) {
        const v = this.noKb[(km1 === KB_BEFORE ? 8 : 0) + (kp1 === KB_AFTER ? 4 : 0) + capInitial(fl)]!;
        for (let t = 0; t < T; t++) emit[e + t] += v[t]!;
        this.slots.fill(0, KB_SLOT, KB_SLOT + 4);
      }
      this.addWeights(CONTEXT_SLOTS, emit, e);
    }
    viterbi(n, T, emit, this.trans, this.back, this.delta, out);
    return out;
  }

  tagTokens(tokens: readonly string[], kbTags?: readonly (string | null)[]): string[] {
    const idx = this.tagIndices(tokens, kbTags);
    const out = new Array<string>(idx.length);
    for (let i = 0; i < idx.length; i++) out[i] = this.tags[idx[i]!]!;
    return out;
  }
}

/** A tagger over a model's weights. */
export function createTagger(model: NerModel): Tagger {
  return new LinearTagger(model);
}
