// The numeric kernel of the syntax models: hashed features mapped to weight rows by an open-addressing
// table, an averaged perceptron to train them, and a compact read-only form to ship and score with.

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
  /** The hashes seen at least `min` times, sorted ascending (deterministic whatever the insertion order). */
  atLeast(min: number): Uint32Array {
    let n = 0;
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== 0 && this.counts[i]! >= min) n++;
    const out = new Uint32Array(n);
    n = 0;
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== 0 && this.counts[i]! >= min) out[n++] = this.keys[i]!;
    return out.sort();
  }
}

/** Open-addressing tables are at most this full: few probes, and tables small enough to stay in cache. */
const MAX_LOAD = 0.7;

/**
 * Read-only map from feature hash to row number (the hash's index in a sorted list), -1 when absent. Keys
 * and rows sit side by side in one array, so a lookup touches one cache line. The table is built on the
 * first lookup: a table only ever scored through PackedWeights (the parser's moves) never builds it.
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
 * Weights packed beside their keys: slot i holds a hash and the row's `classes` weights, so scoring one
 * feature costs one probe into one array (the fast path for tables of few classes: moves, UPOS).
 */
export class PackedWeights {
  readonly classes: number;
  private readonly keys: Int32Array;
  private readonly values: Float32Array;
  private readonly mask: number;
  private readonly stride: number;
  constructor(m: LinearWeights) {
    const C = (this.classes = m.classes);
    this.stride = C + 1;
    let cap = 16;
    while (cap * MAX_LOAD < m.index.hashes.length) cap *= 2;
    this.mask = cap - 1;
    const buf = new ArrayBuffer(cap * this.stride * 4);
    this.keys = new Int32Array(buf);
    this.values = new Float32Array(buf);
    const hashes = m.index.hashes;
    for (let r = 0; r < hashes.length; r++) {
      const h = hashes[r]! | 0;
      let i = h & this.mask;
      while (this.keys[i * this.stride] !== 0) i = (i + 1) & this.mask;
      const base = i * this.stride;
      this.keys[base] = h;
      for (let c = 0; c < C; c++) this.values[base + 1 + c] = m.weights[r * C + c]!;
    }
  }
  /** Sets `out[0..classes)` to the summed weights of the features `feats[0..n)`. */
  score(feats: Uint32Array, n: number, out: Float64Array): void {
    const C = this.classes;
    const S = this.stride;
    const keys = this.keys;
    const values = this.values;
    const mask = this.mask;
    out.fill(0, 0, C);
    for (let f = 0; f < n; f++) {
      const h = feats[f]! | 0;
      let i = h & mask;
      for (;;) {
        const base = i * S;
        const k = keys[base]!;
        if (k === h) {
          for (let c = 0; c < C; c++) out[c]! += values[base + 1 + c]!;
          break;
        }
        if (k === 0) break;
        i = (i + 1) & mask;
      }
    }
  }
}
