// The tagger: a linear model over hashed features with tag-bigram transitions, decoded by Viterbi under
// the IOB2 constraint (I-X only after B-X or I-X), so every output is a well-formed tag sequence.

import { KgError } from '../errors.js';
import {
  AFTER_1,
  AFTER_2,
  BEFORE_1,
  BEFORE_2,
  CAP_AFTER_SLOT,
  CAP_BEFORE_SLOT,
  CAP_FLAG,
  CAP_SELF_SLOT,
  CONTEXT_SLOTS,
  FAR_SLOTS,
  FEATURE_SET,
  FLAGS_AFTER,
  FLAGS_BEFORE,
  FLAG_SLOTS,
  INITIAL_FLAG,
  KB_AFTER,
  KB_BEFORE,
  KB_NONE,
  NEIGHBOUR_SLOTS,
  PAIR_KEYS,
  SELF_SLOTS,
  SHAPE_PAIR_SLOTS,
  WORD_PAIR_SLOTS,
  capFeatures,
  capInitial,
  capInitialFlags,
  flagFeatures,
  initialAfter,
  kbFeatures,
  kbHash,
  neighbourFeatures,
  selfFeatures,
  sentenceMark,
  shapePairFeatures,
  wordInfo,
  wordPairFeatures,
  type WordInfo,
} from './features.js';
import { tagList } from './tags.js';
import { PLACES_META } from './places.js';
import { NAMES_META } from './names.js';

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

/**
 * A place where a caller keeps, per word form, the id a tagger gave the form (the tokeniser's Word records are
 * such places). The tagger owns both fields: a caller makes them `null` and `-1` and passes one slot per token,
 * each slot belonging to exactly one form (the token's text), so that a recurring form is not looked up again.
 */
export interface TaggerWordSlot {
  taggerOwner: object | null;
  taggerId: number;
}

export interface TaggerOptions {
  /** Tag quiet tokens between quiet tokens O without scoring them (see tagIndices); default true. */
  skipQuiet?: boolean;
}

/** Tags tokenised sentences. */
export interface Tagger {
  /** Entity types the tagger predicts (for the shipped model: NorNE's). */
  readonly types: readonly string[];
  /** Its tag list: `O`, then `B-`/`I-` of each type. */
  readonly tags: readonly string[];
  /** Does it use the knowledge-base feature? If so, pass `kbTagsFor(tokens, index)` to tagTokens. */
  readonly usesKb: boolean;
  /** Does it use parts of speech (meta `pos: upos`)? If so, pass taggerInputs(kbTags, pos) as the KB tags. */
  readonly usesPos: boolean;
  /** Does it use the gazetteer (meta `places`)? If so, merge placeTags into the KB tags (withPlaces). */
  readonly usesPlaces: boolean;
  /** Does it use the list of given names (meta `names`)? If so, merge givenNameTags into the KB tags after the towns. */
  readonly usesNames: boolean;
  readonly model: NerModel;
  /** IOB2 tags (`B-PER`, `I-PER`, `O`) for one sentence's tokens. */
  tagTokens(tokens: readonly string[], kbTags?: readonly (string | null)[]): string[];
  /**
   * The same as tag indices into `tags` (no string allocation per token). `slots`, when given, holds one slot per
   * token for the token's form (see TaggerWordSlot); the result is the same with or without them. `into`, when
   * given and long enough, receives the tags (from index 0) and is returned instead of a new array.
   */
  tagIndices(tokens: readonly string[], kbTags?: readonly (string | null)[], slots?: readonly TaggerWordSlot[], into?: Int32Array): Int32Array;
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

/** log2 of the number of 32-bit words of FeatureTable's filter (64 KB: it stays in the L2 cache). */
const FILTER_BITS = 14;

/**
 * An open-addressing table from feature hash to weight row, built once when a model loads. Key and row sit
 * side by side (one cache line per probe); keys are stored as int32 (0 never occurs: hashes are never 0).
 *
 * Most context features a tagger looks up are word pairs the model does not know. A small Bloom filter in
 * front of the table (two bits of one 32-bit word per feature) answers most of those without touching the
 * table, which is too large for the fast caches: a hash whose bits are not both set is not in the model.
 */
class FeatureTable {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly filter = new Int32Array(1 << FILTER_BITS);
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
      this.filter[h >>> (32 - FILTER_BITS)]! |= filterBits(h);
    }
  }
  /** The row of a feature hash, or -1. */
  get(hash: number): number {
    return this.mayContain(hash) ? this.find(hash) : -1;
  }
  /** False when the hash is certainly not in the table (the filter); true when it may be. */
  mayContain(hash: number): boolean {
    const h = hash | 0;
    const bits = filterBits(h);
    return (this.filter[h >>> (32 - FILTER_BITS)]! & bits) === bits;
  }
  /** The first table entry a lookup of the hash reads (see tagIndices: loading it early saves waiting later). */
  touch(hash: number): number {
    return this.slots[2 * (hash & this.mask)]!;
  }
  /** The row of a feature hash, or -1, without asking the filter first. */
  find(hash: number): number {
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

/** The filter bits of a hash within its filter word (chosen by the hash's top bits): two of 32, by its low bits. */
function filterBits(h: number): number {
  return (1 << (h & 31)) | (1 << ((h >>> 5) & 31));
}

/** Transition scores with the IOB2 constraint applied, as decoding uses them. */
export interface Transitions {
  /** trT[to * T + from]: transposed, so the scores into one tag lie together. */
  trT: Float64Array;
  st: Float64Array;
  en: Float64Array;
  /** The largest spread (max − min over the tags it may follow) of the scores into one O or B- tag. */
  spread: number;
  /** The largest absolute score into an O or B- tag (it sizes the rounding margin of viterbi's pruning). */
  magnitude: number;
  /** Scratch for viterbi: the candidate tags of one position. */
  candidates: Int32Array;
}

/**
 * Viterbi decoding over emission scores (n × T): writes the best tag indices to `out`. Tags are laid out as
 * tagList makes them (O, B-X, I-X, …): O and B- tags may follow any tag, an I- tag only its own B- and I-,
 * so an I- tag costs two comparisons instead of T.
 *
 * O and B- tags are not scored from every tag before them: a tag whose score (delta) is more than the spread
 * of the transition scores below the best one cannot be the best predecessor of any O or B- tag, whatever
 * the transition, so only the tags within that distance of the best (the candidates: usually just one) are
 * tried. A margin of 1e-9 of the magnitudes keeps this exact under floating-point rounding: a tag left out
 * scores strictly below the best, so the result (scores, and the first best tag on ties) is the one of
 * trying every tag.
 *
 * The positions decoded are base … base + n - 1 of `emit`, `back` and `out`; `st` and `en` score the first and
 * the last tag (the model's start and end scores unless given: see tagIndices for runs between O tokens).
 * Returns the best tag of the last position before the end scores (what the tokens so far say of it).
 */
export function viterbi(
  n: number,
  T: number,
  emit: Float64Array,
  x: Transitions,
  back: Int32Array,
  delta: Float64Array,
  out: Int32Array,
  base = 0,
  st: Float64Array = x.st,
  en: Float64Array = x.en,
): number {
  if (n === 0) return 0;
  const { trT, spread, magnitude, candidates } = x;
  const b0 = base * T;
  // delta holds two rows: previous and current position. While a row is filled, its best score is kept (top).
  let top = -Infinity;
  for (let t = 0; t < T; t++) {
    const d = st[t]! + emit[b0 + t]!;
    delta[t] = d;
    top = Math.max(top, d);
  }
  let prev = 0;
  let cur = T;
  for (let i = 1; i < n; i++) {
    const e = b0 + i * T;
    const threshold = top - spread - 1e-9 * (1 + Math.abs(top) + spread + magnitude);
    let nc = 0;
    for (let f = 0; f < T; f++) if (delta[prev + f]! >= threshold) candidates[nc++] = f;
    if (nc === 0) for (let f = 0; f < T; f++) candidates[nc++] = f; // only with NaN scores: try every tag
    const only = nc === 1 ? candidates[0]! : -1;
    top = -Infinity;
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
      } else if (only >= 0) {
        best = delta[prev + only]! + trT[t * T + only]!;
        arg = only;
      } else {
        const row = t * T;
        arg = candidates[0]!;
        best = delta[prev + arg]! + trT[row + arg]!;
        for (let c = 1; c < nc; c++) {
          const f = candidates[c]!;
          const s = delta[prev + f]! + trT[row + f]!;
          if (s > best) {
            best = s;
            arg = f;
          }
        }
      }
      const d = best + emit[e + t]!;
      delta[cur + t] = d;
      back[e + t] = arg;
      top = Math.max(top, d);
    }
    const tmp = prev;
    prev = cur;
    cur = tmp;
  }
  let best = -Infinity;
  let arg = 0;
  let open = 0;
  for (let t = 0; t < T; t++) {
    const s = delta[prev + t]! + en[t]!;
    if (s > best) {
      best = s;
      arg = t;
    }
    if (delta[prev + t]! > delta[prev + open]!) open = t;
  }
  out[base + n - 1] = arg;
  for (let i = base + n - 1; i > base; i--) out[i - 1] = back[i * T + out[i]!]!;
  return open;
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
  // Spread and magnitude of the scores into the tags any tag may precede (O and B-: not forbidden from any).
  let spread = 0;
  let magnitude = 0;
  for (let to = 0; to < T; to++) {
    if (to > 0 && to % 2 === 0) continue;
    let max = -Infinity;
    let min = Infinity;
    for (let from = 0; from < T; from++) {
      const v = trT[to * T + from]!;
      max = Math.max(max, v);
      min = Math.min(min, v);
      magnitude = Math.max(magnitude, Math.abs(v));
    }
    spread = Math.max(spread, max - min);
  }
  return { trT, st, en, spread, magnitude, candidates: new Int32Array(T) };
}

/**
 * A cache of vectors keyed by two int32 numbers: open addressing over the keys, the vectors (`width` numbers
 * each) side by side in one slab. When it holds `1 << bits` / 2 vectors it starts over empty. The slab's first
 * vector is no entry's: it is scratch space for a vector that is not to be kept (see scratch).
 */
class VectorCache {
  private readonly keys: Int32Array;
  /** Slab offset of each slot's vector, -1 for an empty slot. */
  private readonly offsets: Int32Array;
  slab: Float64Array;
  /** Vectors in the slab (the scratch one included). */
  private count = 1;
  private readonly shift: number;
  private readonly mask: number;
  constructor(
    private readonly width: number,
    bits: number,
  ) {
    this.keys = new Int32Array(2 << bits);
    this.offsets = new Int32Array(1 << bits).fill(-1);
    this.slab = new Float64Array(64 * width);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
  }

  /** The slab offset of the vector of (a, b), or -1 - (the slot to add it at) when it has none. */
  find(a: number, b: number): number {
    const keys = this.keys;
    const offsets = this.offsets;
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ 0x7f4a7c15, 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
    let slot = (h ^ (h >>> 12)) >>> this.shift;
    for (;;) {
      const o = offsets[slot]!;
      if (o < 0) return -1 - slot;
      if (keys[2 * slot] === a && keys[2 * slot + 1] === b) return o;
      slot = (slot + 1) & this.mask;
    }
  }

  clear(): void {
    this.offsets.fill(-1);
    this.count = 1;
  }

  /** The offset of the scratch vector, zeroed: valid until the next call. */
  scratch(): number {
    this.slab.fill(0, 0, this.width);
    return 0;
  }

  /** Adds a zeroed vector for (a, b), which find() has just not found, and returns its slab offset. */
  add(a: number, b: number, notFound: number): number {
    let slot = -1 - notFound;
    if (this.count > this.mask >> 1) {
      this.clear();
      slot = -1 - this.find(a, b);
    }
    const o = this.count++ * this.width;
    if (o + this.width > this.slab.length) {
      const next = new Float64Array(this.slab.length * 2);
      next.set(this.slab);
      this.slab = next;
    }
    this.slab.fill(0, o, o + this.width);
    this.keys[2 * slot] = a;
    this.keys[2 * slot + 1] = b;
    this.offsets[slot] = o;
    return o;
  }
}

// Per-word vectors: the summed weights of a word's unary features seen from each offset, T numbers per segment.
// Besides the unary templates proper, the cap group of the context block (capFeatures) depends on one word
// and on whether the token is capitalised (a property of the token's word) and sentence-initial: it is folded
// into the segments too, so a token's emission scores start as a sum of five cached segments.
//
// The tagger adds weights in another order than the feature slots list them (cached sums first), which gives
// the same scores because every sum is exact: a model file stores weights as int16 multiples of one float32
// step (codec.ts), so every weight is a float32 between the step and 2^15 steps in size, an integer multiple of
// u = 2^-23 times the power of two at or below the step, under 2^39 u. Any sum of a few thousand weights is an
// integer multiple of u under 2^53 u, which float64 holds exactly, whatever the order of the additions.
const SEG_SELF = 0; // the token itself, not sentence-initial (with cap slot 19 if capitalised)
const SEG_SELF_INITIAL = 1; // the token itself, sentence-initial
const SEG_M1 = 2; // the word before a token (-1)
const SEG_M1_CAP = 3; // the word before a capitalised token (-1, with cap slot 17)
const SEG_P1 = 4; // the word after a token (+1)
const SEG_P1_CAP = 5; // the word after a capitalised token (+1, with cap slot 18)
const SEG_M2 = 6; // two before (-2)
const SEG_P2 = 7; // two after (+2)
const SEGMENTS = 8;

/**
 * Word types cached (ids, four of them the stand-ins for the words around a sentence) and word shapes numbered
 * (below 1024, so that three make one int32 key). When a sentence would pass either, the caches start over.
 */
const WORD_LIMIT = 1 << 15;
const SHAPE_LIMIT = 1024;
/** log2 of the slots of the context-vector cache (it holds half as many vectors). */
const CONTEXT_CACHE_BITS = 15;
/** Ids of the stand-ins: the word before the first token, two before, after the last, two after. */
const BEFORE_1_ID = 0;
const BEFORE_2_ID = 1;
const AFTER_1_ID = 2;
const AFTER_2_ID = 3;
const STAND_INS = [BEFORE_1, BEFORE_2, AFTER_1, AFTER_2];

class LinearTagger implements Tagger {
  readonly types: readonly string[];
  readonly tags: readonly string[];
  readonly usesKb: boolean;
  readonly usesPos: boolean;
  readonly usesPlaces: boolean;
  readonly usesNames: boolean;
  private readonly table: FeatureTable;
  private readonly T: number;
  private readonly trans: Transitions;
  private emit = new Float64Array(0);
  private back = new Int32Array(0);
  private readonly delta: Float64Array;
  /** Scratch for feature hashes: one SELF_SLOTS or CONTEXT_SLOTS block. */
  private readonly slots = new Uint32Array(Math.max(SELF_SLOTS, CONTEXT_SLOTS));

  // Word types by id, in flat arrays (no object per word to chase in the tagging loop): the segment vectors
  // (SEGMENTS × T numbers each), pair keys (PAIR_KEYS each), flags, sentence marks and shape numbers.
  private ids = new Map<string, number>();
  /** The owner of slots' ids (TaggerWordSlot): replaced whenever the ids start over, which invalidates them all. */
  private generation: object = {};
  private count = 0;
  private vecs = new Float64Array(0);
  private keys = new Int32Array(0);
  private flags = new Int32Array(0);
  private marks = new Uint8Array(0);
  /** Per word type: is it a quiet word (quietForm)? */
  private quiet = new Uint8Array(0);
  private shapeIds = new Int32Array(0);
  private readonly shapes = new Map<number, number>();

  // The sentence being tagged: word ids with two stand-ins on either side (token i at i + 2), sentence-initial
  // flags and KB hashes.
  private sentence = new Int32Array(0);
  private initial = new Uint8Array(0);
  private kb = new Uint32Array(0);
  /** Word-pair hashes to look up, the emission offsets they add to, and the weight rows found (see tagIndices). */
  private pairHashes = new Int32Array(0);
  private pairTargets = new Int32Array(0);
  private pairRows = new Int32Array(0);
  private skip = new Uint8Array(0);
  /** Scores of each tag after an O tag and before one (the start and end scores of a run between O tokens). */
  private readonly fromO: Float64Array;
  private readonly toO: Float64Array;
  /** What the early reads of tagIndices read (kept, so that they are not optimised away). */
  private touched = 0;

  /** Summed KB-feature weights of a token with no KB tag on it or its neighbours (see contextVector). */
  private readonly noKb: Float64Array[] = [];
  /** Context vectors (see contextVector). */
  private readonly contexts: VectorCache;

  constructor(
    readonly model: NerModel,
    private readonly skipQuiet: boolean,
  ) {
    if (model.featureSet !== FEATURE_SET) {
      throw new KgError('INPUT_INVALID', `not a usable NER model: it uses feature set ${model.featureSet}; this version computes feature set ${FEATURE_SET}`);
    }
    this.types = model.types;
    this.tags = tagList(model.types);
    this.usesKb = model.usesKb;
    this.usesPos = model.meta.pos === 'upos';
    this.usesPlaces = model.meta.places !== undefined;
    if (this.usesPlaces && model.meta.places !== PLACES_META) {
      throw new KgError('INPUT_INVALID', `not a usable NER model: it was trained with the gazetteer "${model.meta.places}"; this version has "${PLACES_META}"`);
    }
    this.usesNames = model.meta.names !== undefined;
    if (this.usesNames && model.meta.names !== NAMES_META) {
      throw new KgError('INPUT_INVALID', `not a usable NER model: it was trained with the list of given names "${model.meta.names}"; this version has "${NAMES_META}"`);
    }
    this.T = this.tags.length;
    this.table = new FeatureTable(model.hashes);
    this.trans = constrainedTransitions(model.types, model.transitions, model.start, model.end);
    this.delta = new Float64Array(2 * this.T);
    this.fromO = new Float64Array(this.T);
    this.toO = new Float64Array(this.T);
    for (let t = 0; t < this.T; t++) {
      this.fromO[t] = this.trans.trT[t * this.T]!;
      this.toO[t] = this.trans.trT[t]!;
    }
    this.contexts = new VectorCache(2 * this.T, CONTEXT_CACHE_BITS);
    this.clearWords();
    for (let k = 0; k < 16; k++) {
      const v = new Float64Array(this.T);
      kbFeatures(KB_NONE, k & 8 ? KB_BEFORE : KB_NONE, k & 4 ? KB_AFTER : KB_NONE, capInitialFlags(k & 3), this.slots, 0);
      this.addWeights(0, 4, v, 0);
      this.noKb.push(v);
    }
  }

  /** Adds the weights of the feature in slots[k] to out[o, o + T). */
  private addWeight(k: number, out: Float64Array, o: number): void {
    const h = this.slots[k]!;
    if (h === 0) return;
    const row = this.table.get(h);
    if (row < 0) return;
    const T = this.T;
    const w = this.model.weights;
    const r = row * T;
    for (let t = 0; t < T; t++) out[o + t] += w[r + t]!;
  }

  /** Adds the weights of the features in slots[from, to) to out[o, o + T). */
  private addWeights(from: number, to: number, out: Float64Array, o: number): void {
    for (let k = from; k < to; k++) this.addWeight(k, out, o);
  }

  /** Empties the word and shape caches (and the context vectors, keyed by shape numbers), keeping the stand-ins. */
  private clearWords(): void {
    this.ids = new Map();
    this.generation = {};
    this.shapes.clear();
    this.contexts.clear();
    this.count = 0;
    for (const info of STAND_INS) this.addWord(info);
  }

  /** The number of a word shape (hash). */
  private shapeId(shape: number): number {
    let id = this.shapes.get(shape);
    if (id === undefined) {
      id = this.shapes.size;
      this.shapes.set(shape, id);
    }
    return id;
  }

  /** Adds a word type: computes its vector and the rest, returns its id. */
  private addWord(info: WordInfo): number {
    const T = this.T;
    const S = SEGMENTS * T;
    const id = this.count++;
    if (id >= this.flags.length) {
      const size = Math.max(1024, 2 * this.flags.length);
      const grow = <A extends Float64Array | Int32Array | Uint8Array>(a: A, make: (n: number) => A, width: number): A => {
        const b = make(size * width);
        b.set(a);
        return b;
      };
      this.vecs = grow(this.vecs, (n) => new Float64Array(n), S);
      this.keys = grow(this.keys, (n) => new Int32Array(n), PAIR_KEYS);
      this.flags = grow(this.flags, (n) => new Int32Array(n), 1);
      this.marks = grow(this.marks, (n) => new Uint8Array(n), 1);
      this.quiet = grow(this.quiet, (n) => new Uint8Array(n), 1);
      this.shapeIds = grow(this.shapeIds, (n) => new Int32Array(n), 1);
    }
    const v = this.vecs;
    const o = id * S;
    v.fill(0, o, o + S);
    const slots = this.slots;
    selfFeatures(info, slots, 0);
    this.addWeights(0, SELF_SLOTS, v, o + SEG_SELF * T);
    v.copyWithin(o + SEG_SELF_INITIAL * T, o + SEG_SELF * T, o + SEG_SELF * T + T);
    neighbourFeatures(info, -1, slots, 0);
    this.addWeights(0, NEIGHBOUR_SLOTS, v, o + SEG_M1 * T);
    neighbourFeatures(info, 1, slots, 0);
    this.addWeights(0, NEIGHBOUR_SLOTS, v, o + SEG_P1 * T);
    neighbourFeatures(info, -2, slots, 0);
    this.addWeights(0, FAR_SLOTS, v, o + SEG_M2 * T);
    neighbourFeatures(info, 2, slots, 0);
    this.addWeights(0, FAR_SLOTS, v, o + SEG_P2 * T);
    v.copyWithin(o + SEG_M1_CAP * T, o + SEG_M1 * T, o + SEG_M1 * T + T);
    v.copyWithin(o + SEG_P1_CAP * T, o + SEG_P1 * T, o + SEG_P1 * T + T);
    // The cap group with this word in every role: as the word before or after a capitalised token, and as a
    // capitalised token itself (the latter only when it is one: otherwise the group is empty).
    capFeatures(CAP_FLAG, info, info, info, slots, 0);
    this.addWeight(CAP_BEFORE_SLOT, v, o + SEG_M1_CAP * T);
    this.addWeight(CAP_AFTER_SLOT, v, o + SEG_P1_CAP * T);
    if (info.flags & CAP_FLAG) {
      capFeatures(info.flags, info, info, info, slots, 0);
      this.addWeight(CAP_SELF_SLOT, v, o + SEG_SELF * T);
      capFeatures(info.flags | INITIAL_FLAG, info, info, info, slots, 0);
      this.addWeight(CAP_SELF_SLOT, v, o + SEG_SELF_INITIAL * T);
    }
    this.keys.set(info.keys, id * PAIR_KEYS);
    this.flags[id] = info.flags;
    this.marks[id] = sentenceMark(info);
    this.shapeIds[id] = this.shapeId(info.shape);
    return id;
  }

  /** The id of a token's word type, added when new. */
  private wordId(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.addWord(wordInfo(token));
      this.quiet[id] = this.skipQuiet && quietForm(token) ? 1 : 0;
      this.ids.set(token, id);
    }
    return id;
  }

  /**
   * The summed weights of a token's features that depend on its flags and those of its neighbours (the flag
   * group) and on the shapes of it and its neighbours (the shape pairs), as an offset into contexts.slab:
   * [0, T) with the KB features of a token without KB tags around it added, [T, 2T) without. `flm1`/`flp1`
   * are FLAGS_BEFORE / FLAGS_AFTER at the sentence ends, `m1`/`p1` (word ids) then the stand-ins.
   */
  private contextVector(fl: number, flm1: number, flp1: number, m1: number, cur: number, p1: number): number {
    // Flags are below 512; the ends are coded as 512. Shape numbers are below SHAPE_LIMIT, except in a sentence
    // of more tokens than that (see readSentence): such a token's vector is computed, not kept.
    const first = flm1 === FLAGS_BEFORE;
    const last = flp1 === FLAGS_AFTER;
    const shapes = this.shapeIds;
    let o: number;
    if ((shapes[m1]! | shapes[cur]! | shapes[p1]!) < SHAPE_LIMIT) {
      const a = fl + 512 * ((first ? 512 : flm1) + 513 * (last ? 512 : flp1));
      const b = shapes[m1]! + SHAPE_LIMIT * (shapes[cur]! + SHAPE_LIMIT * shapes[p1]!);
      const found = this.contexts.find(a, b);
      if (found >= 0) return found;
      o = this.contexts.add(a, b, found);
    } else o = this.contexts.scratch();
    const v = this.contexts.slab;
    const T = this.T;
    flagFeatures(fl, flm1, flp1, first ? 1 : last ? 2 : 3, this.slots, 0);
    for (const k of FLAG_SLOTS) this.addWeight(k, v, o + T);
    shapePairFeatures(this.keys, m1 * PAIR_KEYS, cur * PAIR_KEYS, p1 * PAIR_KEYS, this.slots, 0);
    for (const k of SHAPE_PAIR_SLOTS) this.addWeight(k, v, o + T);
    const noKb = this.noKb[(first ? 8 : 0) + (last ? 4 : 0) + capInitial(fl)]!;
    for (let t = 0; t < T; t++) v[o + t] = v[o + T + t]! + noKb[t]!;
    return o;
  }

  /** Fills `sentence`, `initial` and `kb` for the tokens; returns whether any token has a KB tag. */
  private readSentence(tokens: readonly string[], kbTags?: readonly (string | null)[], slots?: readonly TaggerWordSlot[]): boolean {
    const n = tokens.length;
    if (this.sentence.length < n + 4) {
      this.sentence = new Int32Array(2 * n + 4);
      this.initial = new Uint8Array(2 * n);
      this.kb = new Uint32Array(2 * n);
    }
    // Ids stay valid through the sentence: the caches start over before it if it could overflow them. (A
    // sentence of more than SHAPE_LIMIT tokens may still number more shapes: see contextVector.)
    if (this.count + n > WORD_LIMIT || this.shapes.size + n > SHAPE_LIMIT) this.clearWords();
    const sentence = this.sentence;
    sentence[0] = BEFORE_2_ID;
    sentence[1] = BEFORE_1_ID;
    sentence[n + 2] = AFTER_1_ID;
    sentence[n + 3] = AFTER_2_ID;
    if (slots === undefined || slots.length !== n) for (let i = 0; i < n; i++) sentence[i + 2] = this.wordId(tokens[i]!);
    else {
      const generation = this.generation;
      for (let i = 0; i < n; i++) {
        const slot = slots[i]!;
        if (slot.taggerOwner === generation) sentence[i + 2] = slot.taggerId;
        else {
          const id = this.wordId(tokens[i]!);
          sentence[i + 2] = id;
          slot.taggerOwner = generation;
          slot.taggerId = id;
        }
      }
    }
    // (The word arrays are read only now: adding words may have replaced them with larger ones.)
    const marks = this.marks;
    const initial = this.initial;
    let init = true;
    for (let i = 0; i < n; i++) {
      initial[i] = init ? 1 : 0;
      init = initialAfter(init, marks[sentence[i + 2]!]!);
    }
    let any = false;
    const kb = this.kb;
    if (kbTags === undefined) kb.fill(KB_NONE, 0, n);
    else {
      for (let i = 0; i < n; i++) {
        const h = kbHash(kbTags[i]);
        kb[i] = h;
        if (h !== KB_NONE) any = true;
      }
    }
    return any;
  }

  /**
   * Scores token i of the sentence readSentence has read: writes its emission scores to `emit`, except those of
   * its word pairs, whose hashes (the ones the filter lets through) it adds to pairHashes from `pairs` on, for
   * addPairs. Returns the new number of pairs.
   */
  private scoreToken(i: number, n: number, anyKb: boolean, pairs: number): number {
    const T = this.T;
    const S = SEGMENTS * T;
    const PK = PAIR_KEYS;
    const emit = this.emit;
    const sentence = this.sentence;
    const initial = this.initial;
    const kb = this.kb;
    const flags = this.flags;
    const vecs = this.vecs;
    const slots = this.slots;
    const table = this.table;
    const e = i * T;
    const m2 = sentence[i]!;
    const m1 = sentence[i + 1]!;
    const cur = sentence[i + 2]!;
    const p1 = sentence[i + 3]!;
    const p2 = sentence[i + 4]!;
    const fl = flags[cur]! | (initial[i] ? INITIAL_FLAG : 0);
    const flm1 = i > 0 ? flags[m1]! | (initial[i - 1] ? INITIAL_FLAG : 0) : FLAGS_BEFORE;
    const flp1 = i + 1 < n ? flags[p1]! | (initial[i + 1] ? INITIAL_FLAG : 0) : FLAGS_AFTER;
    // The flag group and shape pairs, with the KB group when no KB tag is on the token or its neighbours.
    const k0 = kb[i]!;
    const km1 = i > 0 ? kb[i - 1]! : KB_BEFORE;
    const kp1 = i + 1 < n ? kb[i + 1]! : KB_AFTER;
    const kbAround = anyKb && (k0 !== KB_NONE || (i > 0 && km1 !== KB_NONE) || (i + 1 < n && kp1 !== KB_NONE));
    const co = this.contextVector(fl, flm1, flp1, m1, cur, p1) + (kbAround ? T : 0);
    const cv = this.contexts.slab;
    // Unary features of the five words and the cap group, from their cached segments.
    const cap = (fl & CAP_FLAG) !== 0;
    const so = cur * S + (initial[i] ? SEG_SELF_INITIAL : SEG_SELF) * T;
    const m1o = m1 * S + (cap ? SEG_M1_CAP : SEG_M1) * T;
    const p1o = p1 * S + (cap ? SEG_P1_CAP : SEG_P1) * T;
    const m2o = m2 * S + SEG_M2 * T;
    const p2o = p2 * S + SEG_P2 * T;
    for (let t = 0; t < T; t++) emit[e + t] = cv[co + t]! + vecs[so + t]! + vecs[m1o + t]! + vecs[p1o + t]! + vecs[m2o + t]! + vecs[p2o + t]!;
    if (kbAround) {
      kbFeatures(k0, km1, kp1, fl, slots, 0);
      this.addWeights(0, 4, emit, e);
    }
    // The word pairs: the hashes the filter lets through are collected and looked up by addPairs.
    const keys = this.keys;
    wordPairFeatures(keys, m2 * PK, m1 * PK, cur * PK, p1 * PK, p2 * PK, slots, 0);
    const pairHashes = this.pairHashes;
    const pairTargets = this.pairTargets;
    for (let k = 0; k < WORD_PAIR_SLOTS.length; k++) {
      const h = slots[WORD_PAIR_SLOTS[k]!]! | 0;
      if (!table.mayContain(h)) continue;
      pairHashes[pairs] = h;
      pairTargets[pairs++] = e;
    }
    return pairs;
  }

  /** Adds the weights of the first `pairs` collected word pairs (scoreToken) to the emission scores. */
  private addPairs(pairs: number): void {
    const T = this.T;
    const emit = this.emit;
    const table = this.table;
    const w = this.model.weights;
    const pairHashes = this.pairHashes;
    const pairTargets = this.pairTargets;
    // Word pairs are rare features, so their table entries and weight rows are seldom in the fast caches.
    // Reading them in passes (first one entry of each, then the lookups, then the first and last number of
    // each row, then the sums) has the processor fetch many of them at once instead of one after the other.
    let touched = 0;
    for (let j = 0; j < pairs; j++) touched ^= table.touch(pairHashes[j]!);
    // The rows found, as offsets into the weights, replace the hashes' targets in order (rows ≤ pairs).
    const pairRows = this.pairRows;
    let rows = 0;
    for (let j = 0; j < pairs; j++) {
      const row = table.find(pairHashes[j]!);
      if (row < 0) continue;
      pairRows[rows] = row * T;
      pairTargets[rows++] = pairTargets[j]!;
    }
    for (let j = 0; j < rows; j++) touched += w[pairRows[j]!]! + w[pairRows[j]! + T - 1]!;
    this.touched = touched;
    for (let j = 0; j < rows; j++) {
      const r = pairRows[j]!;
      const e = pairTargets[j]!;
      for (let t = 0; t < T; t++) emit[e + t] += w[r + t]!;
    }
  }

  tagIndices(tokens: readonly string[], kbTags?: readonly (string | null)[], wordSlots?: readonly TaggerWordSlot[], into?: Int32Array): Int32Array {
    const n = tokens.length;
    const out = into !== undefined && into.length >= n ? into : new Int32Array(n);
    if (n === 0) return out;
    const T = this.T;
    if (this.emit.length < n * T) {
      this.emit = new Float64Array(Math.max(n * T, this.emit.length * 2));
      this.back = new Int32Array(this.emit.length);
    }
    if (this.pairHashes.length < n * WORD_PAIR_SLOTS.length) {
      this.pairHashes = new Int32Array(2 * n * WORD_PAIR_SLOTS.length);
      this.pairTargets = new Int32Array(this.pairHashes.length);
      this.pairRows = new Int32Array(this.pairHashes.length);
    }
    const anyKb = this.readSentence(tokens, kbTags, wordSlots);
    const sentence = this.sentence;
    // A quiet token (quietForm) between quiet tokens, QUIET_BEFORE before it and QUIET_AFTER after it, is tagged O
    // and not scored: nearly 60% of the tokens of news text (lower-case words between lower-case words, commas and
    // full stops), where names are rare enough that scoring them costs more than the odd name it would find. The tokens
    // between such O tokens are decoded as runs (viterbi with the scores after and before an O as start and end
    // scores): the tags are the best ones that keep those tokens O. Their scores still read the words around
    // them, skipped or not. A run whose last token may be inside a name ("Institutt for lingvistiske | og nordiske
    // studier") is joined to the next run, its skipped tokens scored, and decoded again, so names whose lower-case
    // words run on are kept whole. What can be lost is a name that starts with lower-case words ("sykehuset i
    // Vestfold") and a title of lower-case words that the tokens before its end do not show to go on: 18 of NorNE
    // train's 15,696 sentences are tagged otherwise than with every token scored, NorNE dev scores the same.
    if (this.skip.length < n) this.skip = new Uint8Array(2 * n);
    const skip = this.skip;
    const quiet = this.quiet;
    let skipped = 0;
    for (let i = 0; i < n; i++) {
      let q = quiet[sentence[i + 2]!]!;
      for (let d = 1; d <= QUIET_BEFORE && q; d++) q = i - d >= 0 ? quiet[sentence[i + 2 - d]!]! : 0;
      for (let d = 1; d <= QUIET_AFTER && q; d++) q = i + d < n ? quiet[sentence[i + 2 + d]!]! : 1;
      skip[i] = q;
      skipped += q;
    }
    let pairs = 0;
    for (let i = 0; i < n; i++) if (!skip[i]) pairs = this.scoreToken(i, n, anyKb, pairs);
    this.addPairs(pairs);
    const emit = this.emit;
    const x = this.trans;
    if (skipped === 0) {
      viterbi(n, T, emit, x, this.back, this.delta, out);
      return out;
    }
    for (let i = 0; i < n; ) {
      if (skip[i]) {
        out[i++] = 0;
        continue;
      }
      let j = i + 1;
      while (j < n && !skip[j]) j++;
      for (;;) {
        const open = viterbi(j - i, T, emit, x, this.back, this.delta, out, i, i === 0 ? x.st : this.fromO, j === n ? x.en : this.toO);
        if (j === n || (open === 0 && out[j - 1] === 0)) break;
        // The run may end in a name (its last token's best tag, or the one it is given, is not O): the skipped
        // tokens after it are scored, and the run goes on to the end of the next one.
        let more = 0;
        for (; j < n && skip[j]; j++) {
          skip[j] = 0;
          more = this.scoreToken(j, n, anyKb, more);
        }
        this.addPairs(more);
        while (j < n && !skip[j]) j++;
      }
      i = j;
    }
    return out;
  }

  tagTokens(tokens: readonly string[], kbTags?: readonly (string | null)[]): string[] {
    const idx = this.tagIndices(tokens, kbTags);
    const out = new Array<string>(idx.length);
    for (let i = 0; i < idx.length; i++) out[i] = this.tags[idx[i]!]!;
    return out;
  }
}

/**
 * Is a token quiet: a word of lower-case letters only, or a comma, full stop, colon, semicolon, exclamation or
 * question mark? Quiet tokens with quiet neighbours are tagged O without scoring (see tagIndices).
 */
export function quietForm(token: string): boolean {
  return QUIET_WORD.test(token) || (token.length === 1 && QUIET_MARKS.includes(token));
}
const QUIET_WORD = /^\p{Ll}+$/u;
const QUIET_MARKS = ',.:;!?';
/**
 * How many tokens before and after a quiet token must be quiet for it to be tagged O unscored (the end of the
 * sentence counts as quiet, its start does not).
 */
export const QUIET_BEFORE = 2;
export const QUIET_AFTER = 1;

/** A tagger over a model's weights. */
export function createTagger(model: NerModel, options: TaggerOptions = {}): Tagger {
  return new LinearTagger(model, options.skipQuiet ?? true);
}
