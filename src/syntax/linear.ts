// The numeric kernel of the syntax models: hashed features mapped to weight rows by an open-addressing
// table, an averaged perceptron to train them, and compact read-only forms to score with (Scorer).

/** Open-addressing map from 32-bit feature hashes (never 0) to counts, growing as needed. */
export class HashCounter {
  keys: Uint32Array;
  counts: Uint32Array;
  size = 0;
  constructor(capacity = 1 << 16) {
    this.keys = new Uint32Array(capacity);
    this.counts = new Uint32Array(capacity);
  }
  add(h: number): void {
    if (this.size * 2 >= this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let i = h & mask;
    for (;;) {
      const k = this.keys[i]!;
      if (k === h) {
        this.counts[i]!++;
        return;
      }
      if (k === 0) {
        this.keys[i] = h;
        this.counts[i] = 1;
        this.size++;
        return;
      }
      i = (i + 1) & mask;
    }
  }
  private grow(): void {
    const oldK = this.keys;
    const oldC = this.counts;
    this.keys = new Uint32Array(oldK.length * 2);
    this.counts = new Uint32Array(oldK.length * 2);
    this.size = 0;
    const mask = this.keys.length - 1;
    for (let j = 0; j < oldK.length; j++) {
      const h = oldK[j]!;
      if (h === 0) continue;
      let i = h & mask;
      while (this.keys[i] !== 0) i = (i + 1) & mask;
      this.keys[i] = h;
      this.counts[i] = oldC[j]!;
      this.size++;
    }
  }
  /** How many times `h` was added (0 if never). */
  count(h: number): number {
    const mask = this.keys.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const k = this.keys[i]!;
      if (k === h) return this.counts[i]!;
      if (k === 0) return 0;
    }
  }
  /**
   * The hashes seen at least `min` times, sorted ascending (deterministic whatever the insertion order); with
   * `orIn`, also those seen there at least `orMin` times (counts here cover `orIn`'s additions too).
   */
  atLeast(min: number, orIn?: HashCounter, orMin = min): Uint32Array {
    const keep = (i: number) => this.keys[i] !== 0 && (this.counts[i]! >= min || (orIn !== undefined && orIn.count(this.keys[i]!) >= orMin));
    let n = 0;
    for (let i = 0; i < this.keys.length; i++) if (keep(i)) n++;
    const out = new Uint32Array(n);
    n = 0;
    for (let i = 0; i < this.keys.length; i++) if (keep(i)) out[n++] = this.keys[i]!;
    return out.sort();
  }
}

/** Open-addressing tables are at most this full: few probes, and tables small enough to stay in cache. */
const MAX_LOAD = 0.7;

/**
 * Read-only map from feature hash to row number (the hash's index in a sorted list), -1 when absent. Keys
 * and rows sit side by side in one array, so a lookup touches one cache line. The table is built on the
 * first lookup: training looks rows up here, while tagging and parsing score through a Scorer (scorerOf), so
 * the tables of a model read from a file never build it.
 */
export class RowIndex {
  private slots: Int32Array | undefined;
  private mask = 0;
  readonly hashes: Uint32Array;
  constructor(hashes: Uint32Array) {
    this.hashes = hashes;
  }
  private build(): Int32Array {
    const hashes = this.hashes;
    let cap = 16;
    while (cap * MAX_LOAD < hashes.length) cap *= 2;
    const slots = new Int32Array(cap * 2);
    this.mask = cap - 1;
    for (let r = 0; r < hashes.length; r++) {
      const h = hashes[r]! | 0;
      let i = h & this.mask;
      while (slots[2 * i] !== 0) i = (i + 1) & this.mask;
      slots[2 * i] = h;
      slots[2 * i + 1] = r;
    }
    return (this.slots = slots);
  }
  get(hash: number): number {
    const h = hash | 0;
    const slots = this.slots ?? this.build();
    const mask = this.mask;
    let i = h & mask;
    for (;;) {
      const k = slots[2 * i]!;
      if (k === h) return slots[2 * i + 1]!;
      if (k === 0) return -1;
      i = (i + 1) & mask;
    }
  }
  get length(): number {
    return this.hashes.length;
  }
}

/** Weights of one linear classifier: `classes` scores per row, row-major. */
export interface LinearWeights {
  classes: number;
  index: RowIndex;
  weights: Float32Array;
}

/** Adds the weight rows `rows[0..n)` (−1 skipped) into `out` for every class. */
export function scoreAll(m: LinearWeights, rows: Int32Array, n: number, out: Float64Array): void {
  const C = m.classes;
  const w = m.weights;
  out.fill(0, 0, C);
  for (let f = 0; f < n; f++) {
    const r = rows[f]!;
    if (r < 0) continue;
    const base = r * C;
    for (let c = 0; c < C; c++) out[c]! += w[base + c]!;
  }
}

/** Scores only the classes in `cands`, writing `out[k]` for `cands[k]`. */
export function scoreSome(m: LinearWeights, rows: Int32Array, n: number, cands: ArrayLike<number>, out: Float64Array): void {
  const C = m.classes;
  const w = m.weights;
  const K = cands.length;
  out.fill(0, 0, K);
  for (let f = 0; f < n; f++) {
    const r = rows[f]!;
    if (r < 0) continue;
    const base = r * C;
    for (let k = 0; k < K; k++) out[k]! += w[base + cands[k]!]!;
  }
}

/** Maps feature hashes to rows: `rows[f] = index.get(hashes[f])`. */
export function lookupRows(index: RowIndex, hashes: Uint32Array, n: number, rows: Int32Array): void {
  for (let f = 0; f < n; f++) rows[f] = index.get(hashes[f]!);
}

/**
 * An averaged perceptron being trained: current weights plus the time-weighted sum of updates, so the
 * average is `w − u / t` at the end (Daumé's trick: no per-weight timestamps).
 */
export class Perceptron implements LinearWeights {
  readonly classes: number;
  readonly index: RowIndex;
  readonly weights: Float32Array;
  private readonly sums: Float64Array;
  time = 1;
  constructor(hashes: Uint32Array, classes: number) {
    this.classes = classes;
    this.index = new RowIndex(hashes);
    this.weights = new Float32Array(hashes.length * classes);
    this.sums = new Float64Array(hashes.length * classes);
  }
  /** Moves the rows towards class `good` and away from `bad` by `step`. */
  update(rows: Int32Array, n: number, good: number, bad: number, step = 1): void {
    if (good === bad) return;
    const C = this.classes;
    const t = this.time;
    for (let f = 0; f < n; f++) {
      const r = rows[f]!;
      if (r < 0) continue;
      const base = r * C;
      this.weights[base + good]! += step;
      this.sums[base + good]! += t * step;
      this.weights[base + bad]! -= step;
      this.sums[base + bad]! -= t * step;
    }
  }
  tick(): void {
    this.time++;
  }
  /** The averaged weights, rows whose largest |weight| is at most `prune` left out. */
  average(prune = 0): LinearWeights {
    const C = this.classes;
    const t = this.time;
    const avg = new Float32Array(this.weights.length);
    for (let i = 0; i < avg.length; i++) avg[i] = this.weights[i]! - this.sums[i]! / t;
    return compact(this.index.hashes, avg, C, prune);
  }
}

/** Leaves out rows whose weights are all within ±prune (a zero row changes no score). */
export function compact(hashes: Uint32Array, weights: Float32Array, C: number, prune: number): LinearWeights {
  const keep: number[] = [];
  for (let r = 0; r < hashes.length; r++) {
    let max = 0;
    for (let c = 0; c < C; c++) max = Math.max(max, Math.abs(weights[r * C + c]!));
    if (max > prune) keep.push(r);
  }
  const h = new Uint32Array(keep.length);
  const w = new Float32Array(keep.length * C);
  keep.forEach((r, k) => {
    h[k] = hashes[r]!;
    w.set(weights.subarray(r * C, r * C + C), k * C);
  });
  return { classes: C, index: new RowIndex(h), weights: w };
}

/**
 * One classifier per candidate set, over its classes only, keeping the rows with a nonzero weight among
 * them: a fine-tag table of 400 classes becomes small dense tables of the few classes each UPOS allows.
 */
export function splitByCandidates(m: LinearWeights, candidates: readonly Int32Array[]): LinearWeights[] {
  const C = m.classes;
  const R = m.index.hashes.length;
  return candidates.map((cands) => {
    const K = cands.length;
    const keep: number[] = [];
    for (let r = 0; r < R; r++) {
      for (let k = 0; k < K; k++) {
        if (m.weights[r * C + cands[k]!] !== 0) {
          keep.push(r);
          break;
        }
      }
    }
    const w = new Float32Array(keep.length * K);
    const h = new Uint32Array(keep.length);
    keep.forEach((r, j) => {
      h[j] = m.index.hashes[r]!;
      for (let k = 0; k < K; k++) w[j * K + k] = m.weights[r * C + cands[k]!]!;
    });
    return { classes: K, index: new RowIndex(h), weights: w };
  });
}

/** Index of the largest of `scores[0..n)`; ties go to the lower index. */
export function argmax(scores: Float64Array, n: number): number {
  let best = 0;
  for (let i = 1; i < n; i++) if (scores[i]! > scores[best]!) best = i;
  return best;
}

/**
 * A linear classifier compiled for scoring: `score` sets `out[0..classes)` to the summed weights of the features
 * `feats[0..n)`, adding them class by class in feature order (as scoreAll does over the rows of LinearWeights:
 * the scores are the same numbers, bit for bit, for any weights; only zero weights are left out of the sums).
 * Feature hashes are never 0 (mix and hashString never give 0): 0 marks an empty slot.
 */
export interface Scorer {
  readonly classes: number;
  score(feats: Uint32Array, n: number, out: Float64Array): void;
  /** The dense row-major weights it was built from (rows in the order of `hashes`, the table's list). */
  dense(hashes: Uint32Array): Float32Array;
}

/**
 * Slots of an ordered hash table: a hash's home slot is its top `bits` bits and, inserted in ascending hash order
 * with linear probing, the keys lie in ascending order along the table. So the table is built in one sequential
 * pass, probing never wraps (it runs into room past the last home slot instead), and a lookup stops at the first
 * key not below the one sought, found or not. Returns each row's slot (`rows[r]` is the r-th smallest hash),
 * the shift that gives a home slot, and the number of slots (one empty slot at least after the last key).
 */
function orderedSlots(hashes: Uint32Array, rows: Int32Array): { slot: Int32Array; shift: number; length: number } {
  let bits = 4;
  while ((1 << bits) * MAX_LOAD < hashes.length) bits++;
  const shift = 32 - bits;
  const slot = new Int32Array(rows.length);
  let last = -1;
  for (let k = 0; k < rows.length; k++) {
    last = Math.max(hashes[rows[k]!]! >>> shift, last + 1);
    slot[k] = last;
  }
  return { slot, shift, length: Math.max(last + 2, 1 << bits) };
}

/** The rows of a table in ascending order of their hashes (the identity for the sorted hash lists of model files). */
function rowsByHash(hashes: Uint32Array): Int32Array {
  const rows = new Int32Array(hashes.length);
  let sorted = true;
  for (let r = 0; r < hashes.length; r++) {
    rows[r] = r;
    if (r > 0 && hashes[r]! <= hashes[r - 1]!) sorted = false;
  }
  if (!sorted) rows.sort((a, b) => hashes[a]! - hashes[b]! || a - b);
  return rows;
}

/**
 * Weights packed beside their keys: slot i holds a hash and the row's `classes` weights, so scoring one feature
 * costs one probe into one array (the form for tables of few classes and mostly nonzero weights: the moves).
 */
export class PackedWeights implements Scorer {
  private first = new Uint32Array(128);
  private constructor(
    readonly classes: number,
    private readonly shift: number,
    private readonly keys: Uint32Array,
    private readonly values: Float32Array,
  ) {}
  private static alloc(hashes: Uint32Array, C: number, rows: Int32Array): { table: PackedWeights; slot: Int32Array } {
    const { slot, shift, length } = orderedSlots(hashes, rows);
    const buf = new ArrayBuffer(length * (C + 1) * 4);
    const table = new PackedWeights(C, shift, new Uint32Array(buf), new Float32Array(buf));
    for (let k = 0; k < rows.length; k++) table.keys[slot[k]! * (C + 1)] = hashes[rows[k]!]!;
    return { table, slot };
  }
  /** From dense row-major weights. */
  static of(m: LinearWeights): PackedWeights {
    const C = m.classes;
    const rows = rowsByHash(m.index.hashes);
    const { table, slot } = PackedWeights.alloc(m.index.hashes, C, rows);
    const w = m.weights;
    for (let k = 0; k < rows.length; k++) {
      const base = slot[k]! * (C + 1) + 1;
      for (let c = 0; c < C; c++) table.values[base + c] = w[rows[k]! * C + c]!;
    }
    return table;
  }
  /** From class-major integer weights (`q[c * rows + r]`), each weight `q × step` (as a float32). */
  static fromClassMajor(hashes: Uint32Array, C: number, q: Int32Array, step: number): PackedWeights {
    const rows = rowsByHash(hashes);
    const { table, slot } = PackedWeights.alloc(hashes, C, rows);
    const n = rows.length;
    for (let c = 0; c < C; c++) {
      const values = table.values;
      for (let k = 0; k < n; k++) values[slot[k]! * (C + 1) + 1 + c] = q[c * n + rows[k]!]! * step;
    }
    return table;
  }
  /** The dense row-major weights again (rows in the order of `hashes`, the list it was built from). */
  dense(hashes: Uint32Array): Float32Array {
    const C = this.classes;
    const rows = rowsByHash(hashes);
    const { slot } = orderedSlots(hashes, rows);
    const w = new Float32Array(hashes.length * C);
    for (let k = 0; k < rows.length; k++) for (let c = 0; c < C; c++) w[rows[k]! * C + c] = this.values[slot[k]! * (C + 1) + 1 + c]!;
    return w;
  }
  score(feats: Uint32Array, n: number, out: Float64Array): void {
    const C = this.classes;
    const S = C + 1;
    const keys = this.keys;
    const values = this.values;
    const shift = this.shift;
    if (this.first.length < n) this.first = new Uint32Array(n);
    // First every feature's home slot, loads that do not wait on one another: the cache misses of a large table
    // overlap here, and the probes below find the lines in cache.
    const first = this.first;
    for (let f = 0; f < n; f++) first[f] = keys[(feats[f]! >>> shift) * S]!;
    out.fill(0, 0, C);
    for (let f = 0; f < n; f++) {
      const h = feats[f]!;
      let base = (h >>> shift) * S;
      let k = first[f]!;
      while (k < h && k !== 0) k = keys[(base += S)]!;
      if (k === h) for (let c = 0; c < C; c++) out[c]! += values[base + 1 + c]!;
    }
  }
}

/**
 * Only the nonzero weights of each row, as (class, weight) pairs after a count, and an ordered table from hash to
 * row: the form for tables of many classes and mostly zero weights (UPOS, fine tags, labels), a fraction of
 * their dense size (a tenth for the labeller), so that more of it stays in cache.
 */
export class SparseWeights implements Scorer {
  private at = new Int32Array(128);
  private constructor(
    readonly classes: number,
    private readonly shift: number,
    /** Per slot a hash and the offset of its row in the entries (0 for an empty slot: the empty row). */
    private readonly slots: Uint32Array,
    /** Rows as [count, class, weight, class, weight, …] in ascending hash order; the weights are float32 bits. */
    private readonly ints: Int32Array,
    private readonly floats: Float32Array,
  ) {}
  /** Slots and room for `nonzero` weights; rows get their offsets as they are filled, in ascending hash order. */
  private static alloc(hashes: Uint32Array, C: number, rows: Int32Array, nonzero: number): { table: SparseWeights; slot: Int32Array } {
    const { slot, shift, length } = orderedSlots(hashes, rows);
    const buf = new ArrayBuffer((1 + rows.length + 2 * nonzero) * 4);
    const table = new SparseWeights(C, shift, new Uint32Array(length * 2), new Int32Array(buf), new Float32Array(buf));
    for (let k = 0; k < rows.length; k++) table.slots[2 * slot[k]!] = hashes[rows[k]!]!;
    return { table, slot };
  }
  /** From dense row-major weights. */
  static of(m: LinearWeights): SparseWeights {
    const C = m.classes;
    const w = m.weights;
    const rows = rowsByHash(m.index.hashes);
    const { table, slot } = SparseWeights.alloc(m.index.hashes, C, rows, countNonzero(w));
    const { ints, floats, slots } = table;
    let e = 1; // entry 0 is the empty row
    for (let k = 0; k < rows.length; k++) {
      slots[2 * slot[k]! + 1] = e;
      const head = e++;
      for (let c = 0; c < C; c++) {
        const v = w[rows[k]! * C + c]!;
        if (v === 0) continue;
        ints[e] = c;
        floats[e + 1] = v;
        e += 2;
      }
      ints[head] = (e - head - 1) / 2;
    }
    return table;
  }
  /**
   * From class-major integer weights (`q[c * rows + r]`), each weight `q × step` (as a float32), given the count of
   * nonzero weights of each row and in all.
   */
  static fromClassMajor(hashes: Uint32Array, C: number, q: Int32Array, step: number, nonzero: Int32Array, total: number): SparseWeights {
    const n = hashes.length;
    const rows = rowsByHash(hashes);
    const { table, slot } = SparseWeights.alloc(hashes, C, rows, total);
    const { ints, floats, slots } = table;
    // Each row's place, then its pairs class by class (so in ascending class order); `next` is where a row's next pair goes.
    const next = new Int32Array(n);
    let e = 1;
    for (let k = 0; k < n; k++) {
      const r = rows[k]!;
      slots[2 * slot[k]! + 1] = e;
      ints[e] = nonzero[r]!;
      next[r] = e + 1;
      e += 1 + 2 * nonzero[r]!;
    }
    for (let c = 0; c < C; c++) {
      const base = c * n;
      for (let r = 0; r < n; r++) {
        const v = q[base + r]!;
        if (v === 0) continue;
        const at = next[r]!;
        ints[at] = c;
        floats[at + 1] = v * step;
        next[r] = at + 2;
      }
    }
    return table;
  }
  /** The dense row-major weights again (rows in the order of `hashes`, the list it was built from). */
  dense(hashes: Uint32Array): Float32Array {
    const C = this.classes;
    const rows = rowsByHash(hashes);
    const w = new Float32Array(hashes.length * C);
    let e = 1;
    for (let k = 0; k < rows.length; k++) {
      const end = e + 1 + 2 * this.ints[e]!;
      for (e++; e < end; e += 2) w[rows[k]! * C + this.ints[e]!] = this.floats[e + 1]!;
    }
    return w;
  }
  score(feats: Uint32Array, n: number, out: Float64Array): void {
    const slots = this.slots;
    const shift = this.shift;
    const ints = this.ints;
    const floats = this.floats;
    if (this.at.length < n) this.at = new Int32Array(n);
    // First each feature's row (0: none), then the sums: the row loads overlap, as in PackedWeights.
    const at = this.at;
    for (let f = 0; f < n; f++) {
      const h = feats[f]!;
      let s = (h >>> shift) << 1;
      let k = slots[s]!;
      while (k < h && k !== 0) k = slots[(s += 2)]!;
      at[f] = k === h ? slots[s + 1]! : 0;
    }
    out.fill(0, 0, this.classes);
    for (let f = 0; f < n; f++) {
      let e = at[f]!;
      const end = e + 1 + 2 * ints[e]!;
      for (e++; e < end; e += 2) out[ints[e]!]! += floats[e + 1]!;
    }
  }
}

function countNonzero(w: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < w.length; i++) if (w[i] !== 0) n++;
  return n;
}

/** Packed beside the keys when most weights are nonzero or the classes are few, else sparse. */
const packs = (classes: number, nonzero: number, weights: number) => classes <= 4 || nonzero * 2 > weights;

const scorers = new WeakMap<LinearWeights, Scorer>();

/** The scoring form of a table, built on first use and kept while the table lives. */
export function scorerOf(m: LinearWeights): Scorer {
  let s = scorers.get(m);
  if (!s) {
    s = packs(m.classes, countNonzero(m.weights), m.weights.length) ? PackedWeights.of(m) : SparseWeights.of(m);
    scorers.set(m, s);
  }
  return s;
}

/**
 * A table as a model file gives it: sorted hashes and class-major integer weights, each `q × step`. It goes
 * straight into its scoring form; the dense `weights` are made from that form only when something asks for them
 * (re-encoding the model, say): scoring never does.
 */
export function quantisedWeights(hashes: Uint32Array, classes: number, q: Int32Array, step: number, nonzero: Int32Array): LinearWeights {
  let total = 0;
  for (let r = 0; r < nonzero.length; r++) total += nonzero[r]!;
  const s = packs(classes, total, q.length)
    ? PackedWeights.fromClassMajor(hashes, classes, q, step)
    : SparseWeights.fromClassMajor(hashes, classes, q, step, nonzero, total);
  let dense: Float32Array | undefined;
  const m: LinearWeights = {
    classes,
    index: new RowIndex(hashes),
    get weights() {
      return (dense ??= s.dense(hashes));
    },
  };
  scorers.set(m, s);
  return m;
}
