// The dependency parser: arc-hybrid transitions (shift, left arc, right arc) chosen greedily by an averaged
// perceptron, each arc's label by a second one; trained with Goldberg & Nivre's dynamic oracle, so the
// model learns to recover from its own mistakes.

import { hashString, mix, mixPrefix, mixWith } from '../hash.js';
import { mulberry32, shuffleInPlace } from '../random.js';
import { HashCounter, Perceptron, argmax, lookupRows, scoreAll, scorerOf, type LinearWeights } from './linear.js';

/** A sentence as the parser sees it: per word (1-based; index 0 is the root) a word hash and two tag ids. */
export interface ParseInput {
  /** Length n + 1; [0] is the root. */
  w: Uint32Array;
  /** UPOS id + 1 (0 = none). */
  t: Int32Array;
  /** Treebank tag and features id + 1 (0 = none). */
  x: Int32Array;
  /** Punctuation words among words 1..i (prefix counts; [0] = 0). */
  punct: Int32Array;
}

export interface ParserModel {
  labels: string[];
  /** True: one word attaches to the root (UD); false: any number may (NDT). */
  singleRoot: boolean;
  moves: LinearWeights;
  labeller: LinearWeights;
}

export interface ParseResult {
  heads: Int32Array;
  labels: Int32Array;
}

const SHIFT = 0;
const LEFT = 1;
const RIGHT = 2;
const MAX_FEATURES = 112;
const ROOT_W = hashString('<root>');
/** The values of the features being made (moveFeatures, labelFeatures), before their template numbers are mixed in. */
const VALUES = new Uint32Array(MAX_FEATURES);
/** mixPrefix(k + 1) for the move feature k: its template number. */
const MOVE_PREFIX = Int32Array.from({ length: MAX_FEATURES }, (_, k) => mixPrefix(k + 1));
/** mixPrefix(mix(k + 1, dir)) for the label feature k of an arc in direction `dir`. */
const LABEL_PREFIX = [0, 1].map((dir) => Int32Array.from({ length: MAX_FEATURES }, (_, k) => mixPrefix(mix(k + 1, dir))));

/** The parser's configuration and the partial tree, reused across sentences. */
class State {
  n = 0;
  stack = new Int32Array(16);
  sp = 0;
  b = 1;
  heads = new Int32Array(16);
  labels = new Int32Array(16);
  l1 = new Int32Array(16);
  l2 = new Int32Array(16);
  r1 = new Int32Array(16);
  r2 = new Int32Array(16);
  nl = new Int32Array(16);
  nr = new Int32Array(16);
  /** Sets of the labels of a word's left and right children (bits of label id mod 31). */
  ls = new Int32Array(16);
  rs = new Int32Array(16);
  reset(n: number): void {
    if (this.heads.length < n + 1) {
      const size = Math.max(n + 1, this.heads.length * 2);
      for (const k of ['stack', 'heads', 'labels', 'l1', 'l2', 'r1', 'r2', 'nl', 'nr', 'ls', 'rs'] as const) this[k] = new Int32Array(size);
    }
    this.n = n;
    this.sp = 1;
    this.stack[0] = 0;
    this.b = 1;
    for (let i = 0; i <= n; i++) {
      this.heads[i] = -1;
      this.labels[i] = -1;
      this.l1[i] = this.l2[i] = this.r1[i] = this.r2[i] = this.nl[i] = this.nr[i] = this.ls[i] = this.rs[i] = 0;
    }
  }
  s(k: number): number {
    return this.sp > k ? this.stack[this.sp - 1 - k]! : -1;
  }
  done(): boolean {
    return this.b > this.n && this.sp === 1;
  }
  valid(move: number, singleRoot: boolean): boolean {
    if (move === SHIFT) return this.b <= this.n;
    if (move === LEFT) return this.b <= this.n && this.sp >= 2;
    if (this.sp < 2) return false;
    return !singleRoot || this.sp > 2 || this.b > this.n;
  }
  private arc(h: number, d: number, label: number): void {
    this.heads[d] = h;
    this.labels[d] = label;
    if (d < h) {
      if (this.l1[h] === 0 || d < this.l1[h]!) {
        this.l2[h] = this.l1[h]!;
        this.l1[h] = d;
      } else if (this.l2[h] === 0 || d < this.l2[h]!) this.l2[h] = d;
      this.nl[h]!++;
      this.ls[h]! |= 1 << (label % 31);
    } else {
      if (d > this.r1[h]!) {
        this.r2[h] = this.r1[h]!;
        this.r1[h] = d;
      } else if (d > this.r2[h]!) this.r2[h] = d;
      this.nr[h]!++;
      this.rs[h]! |= 1 << (label % 31);
    }
  }
  apply(move: number, label: number): void {
    if (move === SHIFT) {
      this.stack[this.sp++] = this.b++;
    } else if (move === LEFT) {
      this.arc(this.b, this.stack[--this.sp]!, label);
    } else {
      const d = this.stack[--this.sp]!;
      this.arc(this.stack[this.sp - 1]!, d, label);
    }
  }
}

const dist = (a: number, b: number) => {
  const d = Math.abs(a - b);
  return d <= 4 ? d : d <= 6 ? 5 : d <= 10 ? 6 : 7;
};

const wOf = (inp: ParseInput, i: number) => (i < 0 ? 1 : inp.w[i]!);
const tOf = (inp: ParseInput, i: number) => (i < 0 ? 1000 : i === 0 ? 1001 : inp.t[i]!);
const xOf = (inp: ParseInput, i: number) => (i < 0 ? 1000 : i === 0 ? 1001 : inp.x[i]!);
const kidOf = (a: Int32Array, i: number) => (i > 0 && a[i]! > 0 ? a[i]! : -1);
const labelOf = (st: State, i: number) => (i < 0 ? 1000 : st.labels[i]!);

/**
 * The move features of a configuration into `out`; returns the count. Feature k is mix(k + 1, value): the
 * order of the values below is part of the model format.
 */
function moveFeatures(st: State, inp: ParseInput, out: Uint32Array): number {
  const S0 = st.s(0), S1 = st.s(1), S2 = st.s(2);
  const B0 = st.b <= st.n ? st.b : -1;
  const B1 = st.b + 1 <= st.n ? st.b + 1 : -1;
  const B2 = st.b + 2 <= st.n ? st.b + 2 : -1;
  const S0L = kidOf(st.l1, S0), S0L2 = kidOf(st.l2, S0), S0R = kidOf(st.r1, S0), S0R2 = kidOf(st.r2, S0);
  const S1L = kidOf(st.l1, S1), S1R = kidOf(st.r1, S1), B0L = kidOf(st.l1, B0), B0L2 = kidOf(st.l2, B0);
  const d = S0 >= 0 && B0 >= 0 ? dist(S0, B0) : 0;
  const d1 = S0 >= 0 && S1 >= 0 ? dist(S1, S0) : 0;
  const s0w = wOf(inp, S0), s0t = tOf(inp, S0), s0x = xOf(inp, S0), b0w = wOf(inp, B0), b0t = tOf(inp, B0), b0x = xOf(inp, B0);
  const s1w = wOf(inp, S1), s1t = tOf(inp, S1), s1x = xOf(inp, S1), b1w = wOf(inp, B1), b1t = tOf(inp, B1), b2t = tOf(inp, B2);
  const s2t = tOf(inp, S2), s0Lt = tOf(inp, S0L), s0Rt = tOf(inp, S0R), s1Lt = tOf(inp, S1L), s1Rt = tOf(inp, S1R), b0Lt = tOf(inp, B0L);
  const s0Ll = labelOf(st, S0L), s0Rl = labelOf(st, S0R), s1Rl = labelOf(st, S1R), b0Ll = labelOf(st, B0L);
  const nlS0 = S0 > 0 ? st.nl[S0]! : 0, nrS0 = S0 > 0 ? st.nr[S0]! : 0, nlB0 = B0 > 0 ? st.nl[B0]! : 0;
  const s0wt = mix(s0w, s0t), b0wt = mix(b0w, b0t), s1wt = mix(s1w, s1t);
  // Prefixes of the values that open several mixes (mixWith(pX, v) is mix(X, v)), and two pairs used often.
  const pS0t = mixPrefix(s0t), pS0w = mixPrefix(s0w), pS1t = mixPrefix(s1t), pB0t = mixPrefix(b0t), pB0w = mixPrefix(b0w);
  const pS1w = mixPrefix(s1w), pS0wt = mixPrefix(s0wt), pS0x = mixPrefix(s0x), pS1wt = mixPrefix(s1wt), pS1x = mixPrefix(s1x);
  const s1ts0t = mixWith(pS1t, s0t), s0tb0t = mixWith(pS0t, b0t);
  // The values first (feature k is mix(k + 1, v[k])), in this order: the order is part of the model format.
  const v = VALUES;
  let k = 0;
  // unigrams
  v[k++] = s0w; v[k++] = s0t; v[k++] = s0x; v[k++] = s0wt; v[k++] = b0w; v[k++] = b0t; v[k++] = b0x; v[k++] = b0wt; v[k++] = b1w; v[k++] = b1t; v[k++] = mix(b1w, b1t);
  v[k++] = wOf(inp, B2); v[k++] = b2t; v[k++] = s1w; v[k++] = s1t; v[k++] = s1x; v[k++] = s1wt; v[k++] = wOf(inp, S2); v[k++] = s2t;
  v[k++] = s0Lt; v[k++] = s0Rt; v[k++] = s1Lt; v[k++] = s1Rt; v[k++] = b0Lt; v[k++] = s0Ll; v[k++] = s0Rl; v[k++] = s1Rl; v[k++] = b0Ll;
  v[k++] = wOf(inp, S0L); v[k++] = wOf(inp, S0R); v[k++] = wOf(inp, B0L);
  // pairs
  v[k++] = mixWith(pS0wt, b0wt); v[k++] = mixWith(pS0wt, b0w); v[k++] = mixWith(pS0w, b0wt); v[k++] = mixWith(pS0wt, b0t);
  v[k++] = mixWith(pS0t, b0wt); v[k++] = mixWith(pS0w, b0w); v[k++] = s0tb0t; v[k++] = mixWith(pS0x, b0x); v[k++] = mixWith(pB0t, b1t);
  v[k++] = mixWith(pS1wt, s0wt); v[k++] = s1ts0t; v[k++] = mixWith(pS1w, s0w); v[k++] = mixWith(pS1x, s0x); v[k++] = mixWith(pS1wt, s0t); v[k++] = mixWith(pS1t, s0wt);
  // triples
  v[k++] = mix(mixWith(pB0t, b1t), b2t); v[k++] = mix(s0tb0t, b1t); v[k++] = mix(s1ts0t, b0t); v[k++] = mix(mix(s2t, s1t), s0t);
  v[k++] = mix(mixWith(pS0t, s0Lt), b0t); v[k++] = mix(mixWith(pS0t, s0Rt), b0t); v[k++] = mix(s0tb0t, b0Lt); v[k++] = mix(s1ts0t, s0Lt);
  v[k++] = mix(s1ts0t, s0Rt); v[k++] = mix(mixWith(pS1t, s1Rt), s0t); v[k++] = mix(mixWith(pS0t, s0Lt), tOf(inp, S0L2)); v[k++] = mix(mixWith(pS0t, s0Rt), tOf(inp, S0R2));
  v[k++] = mix(mixWith(pB0t, b0Lt), tOf(inp, B0L2)); v[k++] = mix(mixWith(pS1x, s0x), b0x); v[k++] = mix(mixWith(pS0x, b0x), b1t);
  // distance
  v[k++] = mixWith(pS0w, d); v[k++] = mixWith(pS0t, d); v[k++] = mixWith(pB0w, d); v[k++] = mixWith(pB0t, d); v[k++] = mix(s0tb0t, d); v[k++] = mix(mixWith(pS0w, b0w), d);
  v[k++] = mix(s1ts0t, d1); v[k++] = mix(mixWith(pS1w, s0w), d1);
  // valency
  v[k++] = mixWith(pS0w, nrS0); v[k++] = mixWith(pS0t, nrS0); v[k++] = mixWith(pS0w, nlS0); v[k++] = mixWith(pS0t, nlS0); v[k++] = mixWith(pB0w, nlB0); v[k++] = mixWith(pB0t, nlB0);
  // labels of the children
  v[k++] = mix(mixWith(pS0t, s0Ll), labelOf(st, S0L2)); v[k++] = mix(mixWith(pS0t, s0Rl), labelOf(st, S0R2)); v[k++] = mix(mixWith(pB0t, b0Ll), labelOf(st, B0L2));
  v[k++] = mix(mixWith(pS0w, s0Ll), s0Rl); v[k++] = mix(mixWith(pS1t, labelOf(st, S1L)), s1Rl);
  // label sets, the words next to s0 and b0 in the sentence, punctuation between them
  const lsS0 = S0 > 0 ? st.ls[S0]! : 0, rsS0 = S0 > 0 ? st.rs[S0]! : 0, lsB0 = B0 > 0 ? st.ls[B0]! : 0;
  const between = (a: number, b: number) => (a >= 0 && b > a ? Math.min(2, inp.punct[b - 1]! - inp.punct[a]!) : 3);
  const pSB = between(S0, B0), pS1S0 = between(S1, S0);
  const after = S0 >= 0 && S0 + 1 <= st.n ? S0 + 1 : -1;
  v[k++] = mixWith(pS0t, lsS0); v[k++] = mixWith(pS0t, rsS0); v[k++] = mixWith(pB0t, lsB0); v[k++] = mixWith(pS0w, rsS0); v[k++] = mixWith(pB0w, lsB0);
  v[k++] = mix(mixWith(pS0t, tOf(inp, S0 > 0 ? S0 - 1 : -1)), b0t); v[k++] = mix(mixWith(pS0t, tOf(inp, after)), b0t); v[k++] = mix(mixWith(pS0t, tOf(inp, B0 > 1 ? B0 - 1 : -1)), b0t);
  v[k++] = mix(s0tb0t, pSB); v[k++] = mix(s1ts0t, pS1S0); v[k++] = mix(mixWith(pS0w, b0t), pSB);
  // the treebank tags of the leftmost children: a relative pronoun or subjunction marks a finished clause
  const s0Lx = xOf(inp, S0L), s1Lx = xOf(inp, S1L), b0Lx = xOf(inp, B0L);
  v[k++] = mix(s0Lx, b0t); v[k++] = mix(mixWith(pS0t, s0Lx), b0t); v[k++] = mix(mixWith(pS1t, s0Lx), b0t); v[k++] = mix(mixWith(pS0t, s1Lx), b0t); v[k++] = mix(mixWith(pB0t, b0Lx), s0t);
  // Feature k is mix(k + 1, value): the template numbers go in last, in one small loop.
  for (let i = 0; i < k; i++) out[i] = mixWith(MOVE_PREFIX[i]!, v[i]!);
  return k;
}

const labelWOf = (inp: ParseInput, i: number) => (i < 0 ? 1 : i === 0 ? ROOT_W : inp.w[i]!);
const kidLabel = (st: State, a: Int32Array, i: number) => (i > 0 && a[i]! > 0 ? st.labels[a[i]!]! : 1000);

/** The labeller's features for the arc h → d (dir 0: the head is to the right); the order is part of the model format. */
function labelFeatures(st: State, inp: ParseInput, h: number, d: number, out: Uint32Array): number {
  const dir = h > d ? 0 : 1;
  const next = st.b <= st.n ? st.b : -1;
  const B = h === next ? (st.b + 1 <= st.n ? st.b + 1 : -1) : next;
  const dw = labelWOf(inp, d), dt = tOf(inp, d), dx = xOf(inp, d), hw = labelWOf(inp, h), ht = tOf(inp, h), hx = xOf(inp, h);
  const dd = dist(h, d), dl1 = kidLabel(st, st.l1, d), dr1 = kidLabel(st, st.r1, d), bt = tOf(inp, B);
  const pDt = mixPrefix(dt), pHt = mixPrefix(ht), pHw = mixPrefix(hw);
  const prefix = LABEL_PREFIX[dir]!;
  const v = VALUES;
  let k = 0;
  v[k++] = dw; v[k++] = dt; v[k++] = dx; v[k++] = mix(dw, dt); v[k++] = hw; v[k++] = ht; v[k++] = hx; v[k++] = mixWith(pHw, ht); v[k++] = mixWith(pHt, dt); v[k++] = mix(hx, dx);
  v[k++] = mixWith(pHw, dt); v[k++] = mixWith(pHt, dw); v[k++] = mixWith(pHw, dw);
  v[k++] = mixWith(pDt, dd); v[k++] = mix(mixWith(pHt, dt), dd); v[k++] = mixWith(pDt, dl1); v[k++] = mixWith(pDt, dr1); v[k++] = mix(mixWith(pDt, dl1), dr1);
  v[k++] = mix(mixWith(pDt, st.nl[d]!), st.nr[d]!); v[k++] = mixWith(pHt, kidLabel(st, st.l1, h)); v[k++] = mixWith(pHt, kidLabel(st, st.r1, h)); v[k++] = mix(mixWith(pHt, dt), bt); v[k++] = mixWith(pDt, bt);
  v[k++] = mix(mix(dx, hx), dl1); v[k++] = mixWith(pDt, d === 1 ? 1 : 0); v[k++] = mix(mixWith(pDt, labelWOf(inp, st.l1[d]! || -1)), 7);
  for (let i = 0; i < k; i++) out[i] = mixWith(prefix[i]!, v[i]!);
  return k;
}

class Scratch {
  feats = new Uint32Array(MAX_FEATURES);
  rows = new Int32Array(MAX_FEATURES);
  scores = new Float64Array(512);
  st = new State();
}

const shared = new Scratch();

/** Parses one sentence: heads (0 = root) and label ids into `model.labels`, for words 1..n. */
export function parseWords(model: ParserModel, inp: ParseInput, sc: Scratch = shared): ParseResult {
  const n = inp.w.length - 1;
  const st = sc.st;
  const moves = scorerOf(model.moves);
  const labeller = scorerOf(model.labeller);
  st.reset(n);
  while (!st.done()) {
    const nf = moveFeatures(st, inp, sc.feats);
    moves.score(sc.feats, nf, sc.scores);
    let move = -1;
    for (let m = 0; m < 3; m++) if (st.valid(m, model.singleRoot) && (move < 0 || sc.scores[m]! > sc.scores[move]!)) move = m;
    let label = 0;
    if (move !== SHIFT) {
      const d = st.s(0);
      const h = move === LEFT ? st.b : st.s(1);
      labeller.score(sc.feats, labelFeatures(st, inp, h, d, sc.feats), sc.scores);
      label = argmax(sc.scores, model.labels.length);
    }
    st.apply(move, label);
  }
  return { heads: st.heads.slice(1, n + 1), labels: st.labels.slice(1, n + 1) };
}

/** Lifts non-projective arcs (each dependent to its head's head) until the tree is projective. */
export function projectivize(heads: Int32Array): Int32Array {
  const h = heads.slice();
  const n = h.length - 1;
  const dominates = (a: number, d: number) => {
    for (let x = d, guard = 0; x > 0 && guard <= n; x = h[x]!, guard++) if (x === a) return true;
    return a === 0;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let d = 1; d <= n; d++) {
      const hd = h[d]!;
      const lo = Math.min(hd, d), hi = Math.max(hd, d);
      for (let k = lo + 1; k < hi; k++) {
        if (!dominates(hd, k)) {
          h[d] = h[hd]!;
          changed = true;
          break;
        }
      }
    }
  }
  return h;
}

/** Zero-cost test for each move under the gold tree (Goldberg & Nivre 2013, arc-hybrid). */
function moveCosts(st: State, gold: Int32Array, out: Int32Array): void {
  const s0 = st.s(0), s1 = st.s(1), b0 = st.b, n = st.n;
  out[SHIFT] = out[LEFT] = out[RIGHT] = 0;
  if (b0 <= n) {
    let c = 0;
    for (let k = 0; k < st.sp; k++) {
      const x = st.stack[k]!;
      if (gold[x] === b0) c++;
      if (x !== s0 && gold[b0] === x) c++;
    }
    out[SHIFT] = c;
  }
  if (s0 > 0) {
    let deps = 0;
    for (let k = b0; k <= n; k++) if (gold[k] === s0) deps++;
    const h = gold[s0]!;
    const inBuffer = h >= b0 && h <= n;
    out[LEFT] = deps + ((h === s1 || inBuffer) && h !== b0 ? 1 : 0);
    out[RIGHT] = deps + (inBuffer ? 1 : 0);
  }
}

export interface ParseTrainSentence {
  inp: ParseInput;
  /** Gold heads and label ids, index 0 unused. */
  heads: Int32Array;
  labels: Int32Array;
}

export interface ParseTrainSettings {
  epochs: number;
  seed: number;
  minCount: number;
  /** From this epoch on, a wrong move is followed with probability `explore` (dynamic oracle). */
  exploreFrom: number;
  explore: number;
  singleRoot: boolean;
  /**
   * The sentences from this one on are another written standard's trees (after the language's own): a feature seen
   * only there needs `alsoMinCount` sightings in all to get a weight row, one of the own trees `minCount`.
   */
  alsoFrom?: number;
  alsoMinCount?: number;
  onEpoch?: (epoch: number, moveErrors: number, moves: number) => void;
  /** Called after each epoch with the averaged model so far (for choosing the number of epochs). */
  snapshot?: (epoch: number, model: ParserModel) => void;
}

/** Runs the static oracle over the gold trees to count the features worth a weight row. */
function countFeatures(data: readonly ParseTrainSentence[], singleRoot: boolean, minCount: number, alsoFrom = data.length, alsoMinCount = minCount): { moves: Uint32Array; labels: Uint32Array } {
  const cm = new HashCounter(1 << 20);
  const cl = new HashCounter(1 << 20);
  // (Counts over the own trees alone, when other trees follow them.)
  const own = alsoFrom < data.length ? { m: new HashCounter(1 << 20), l: new HashCounter(1 << 20) } : undefined;
  const sc = new Scratch();
  const cost = new Int32Array(3);
  for (const [j, s] of data.entries()) {
    const mine = own && j < alsoFrom ? own : undefined;
    const st = sc.st;
    st.reset(s.inp.w.length - 1);
    while (!st.done()) {
      const nf = moveFeatures(st, s.inp, sc.feats);
      for (let k = 0; k < nf; k++) cm.add(sc.feats[k]!);
      if (mine) for (let k = 0; k < nf; k++) mine.m.add(sc.feats[k]!);
      moveCosts(st, s.heads, cost);
      let move = -1;
      for (const m of [LEFT, RIGHT, SHIFT]) if (move < 0 && st.valid(m, singleRoot) && cost[m] === 0) move = m;
      if (move < 0) move = [SHIFT, LEFT, RIGHT].find((m) => st.valid(m, singleRoot))!;
      let label = 0;
      if (move !== SHIFT) {
        const d = st.s(0);
        const h = move === LEFT ? st.b : st.s(1);
        const nl = labelFeatures(st, s.inp, h, d, sc.feats);
        for (let k = 0; k < nl; k++) cl.add(sc.feats[k]!);
        if (mine) for (let k = 0; k < nl; k++) mine.l.add(sc.feats[k]!);
        label = s.labels[d]!;
      }
      st.apply(move, label);
    }
  }
  if (!own) return { moves: cm.atLeast(minCount), labels: cl.atLeast(minCount) };
  return { moves: cm.atLeast(alsoMinCount, own.m, minCount), labels: cl.atLeast(alsoMinCount, own.l, minCount) };
}

/** Trains the parser; the same data and settings give the same weights. */
export function trainParser(data: readonly ParseTrainSentence[], labels: string[], settings: ParseTrainSettings): ParserModel {
  const proj = data.map((s) => ({ ...s, heads: projectivize(s.heads) }));
  const counted = countFeatures(proj, settings.singleRoot, settings.minCount, settings.alsoFrom, settings.alsoMinCount);
  const pm = new Perceptron(counted.moves, 3);
  const pl = new Perceptron(counted.labels, labels.length);
  const sc = new Scratch();
  const lrows = new Int32Array(MAX_FEATURES);
  const cost = new Int32Array(3);
  const rng = mulberry32(settings.seed);
  const order = proj.map((_, i) => i);
  for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    shuffleInPlace(order, rng);
    let errors = 0;
    let total = 0;
    for (const k of order) {
      const s = proj[k]!;
      const st = sc.st;
      st.reset(s.inp.w.length - 1);
      while (!st.done()) {
        const nf = moveFeatures(st, s.inp, sc.feats);
        lookupRows(pm.index, sc.feats, nf, sc.rows);
        scoreAll(pm, sc.rows, nf, sc.scores);
        moveCosts(st, s.heads, cost);
        let pred = -1;
        let best = -1;
        for (let m = 0; m < 3; m++) {
          if (!st.valid(m, settings.singleRoot)) continue;
          if (pred < 0 || sc.scores[m]! > sc.scores[pred]!) pred = m;
          if (cost[m] === 0 && (best < 0 || sc.scores[m]! > sc.scores[best]!)) best = m;
        }
        if (best < 0) best = pred;
        total++;
        let move = best;
        if (cost[pred]! > 0) {
          errors++;
          pm.update(sc.rows, nf, best, pred);
          if (epoch >= settings.exploreFrom && rng() < settings.explore) move = pred;
        }
        pm.tick();
        let label = 0;
        if (move !== SHIFT) {
          const d = st.s(0);
          const h = move === LEFT ? st.b : st.s(1);
          const nl = labelFeatures(st, s.inp, h, d, sc.feats);
          lookupRows(pl.index, sc.feats, nl, lrows);
          scoreAll(pl, lrows, nl, sc.scores);
          label = argmax(sc.scores, labels.length);
          if (s.heads[d] === h) {
            if (label !== s.labels[d]) pl.update(lrows, nl, s.labels[d]!, label);
            label = s.labels[d]!;
          }
          pl.tick();
        }
        st.apply(move, label);
      }
    }
    settings.onEpoch?.(epoch, errors, total);
    settings.snapshot?.(epoch, { labels, singleRoot: settings.singleRoot, moves: pm.average(), labeller: pl.average() });
  }
  return { labels, singleRoot: settings.singleRoot, moves: pm.average(), labeller: pl.average() };
}
