// Feature extraction: for every token, a fixed number of 32-bit feature hashes (0 = feature absent) built
// from the word, its lower case, prefixes and suffixes, character 4-grams of names (the parts of Norwegian
// compounds: Tafjord|fjella, Universitets|sykehus), shape, capitalisation and sentence position, the words and
// shapes around it (±2), hyphen parts, a genitive stem, and the knowledge-base tag of the token and its
// neighbours. Hashing integers instead of building strings is what makes tagging fast.
//
// The features fall in two groups. Unary features depend on one word only, seen from a fixed offset (the word
// itself, or the word 1 or 2 before or after): the tagger caches their summed weights per word type, since
// news repeats its words, so word-internal features cost nothing after a word's first occurrence. Context
// features combine positions (word pairs, flags with sentence position, the knowledge-base tags); they come in
// groups (see contextFeatures) that the tagger caches by what they depend on (the cap group per word, the flag
// group and shape pairs per flags and shapes around the token) or looks up for every token (the word pairs).

import { hashString, mix } from '../hash.js';

/** Version of the feature templates below; a model records it and is refused by code with another version. */
export const FEATURE_SET = 2;

/** Number of feature slots per token. */
export const FEATURES_PER_TOKEN = 60;

/** Slots per token: unary features of the word itself, of the words at -1, +1, -2, +2, then context ones. */
export const SELF_SLOTS = 32;
export const NEIGHBOUR_SLOTS = 3;
export const FAR_SLOTS = 1;
export const CONTEXT_SLOTS = 20;

const BOS = [hashString('<s-1>'), hashString('<s-2>')] as const;
const EOS = [hashString('</s+1>'), hashString('</s+2>')] as const;
const NONE = hashString('<none>');

// Capitalisation and form flags.
const CAP = 1;
const ALLCAPS = 2;
const DIGIT = 4;
const HYPHEN = 8;
const INITIAL = 16;
const PUNCT = 32;
const INNER_CAP = 64;
const LONG = 128;
const SHORT = 256;

const AFFIXES = 9;
const GRAMS = 16;

/** What the features need to know of one word, independent of where it stands. */
export interface WordInfo {
  /** A stand-in for the words before the first or after the last token. */
  readonly pseudo: boolean;
  readonly form: number;
  readonly lower: number;
  readonly shape: number;
  /** Capitalisation and form flags (never INITIAL: that depends on the sentence). */
  readonly flags: number;
  /** Prefixes 1-4 and suffixes 1-5 of the lower-case form, as feature hashes (0 when the word is too short). */
  readonly affix: Uint32Array;
  /** Character 4-grams of a capitalised word from its second character on (the first 16; 0-padded). */
  readonly grams: Uint32Array;
  /** Before the first hyphen (as written), after the last one (lower case), genitive stem: 0 when none. */
  readonly head: number;
  readonly tail: number;
  readonly genitive: number;
  /** Does the next word start a sentence, quote or dialogue line as far as this word is concerned? */
  readonly endsSentence: boolean;
  readonly opener: boolean;
  /** What the pair templates take of the word (see PAIR_KEYS). */
  readonly keys: Int32Array;
}

/**
 * What the pair templates of the context block take of a word, as PAIR_KEYS int32 numbers: its lower case and
 * shape hashes (K_LOWER, K_SHAPE) and its half of each template N, `mix(N, lower or shape)`, mixed once per word
 * type, so that template N of a word pair is `mix(first.keys[K_N], second's lower or shape)`: one mix per token.
 * (Hashes are uint32; as int32 they have the same bits, which is all mix and the model tables look at.)
 */
export const PAIR_KEYS = 11;
const K_LOWER = 0;
const K_SHAPE = 1;
const K_8 = 2;
const K_9 = 3;
const K_13 = 4;
const K_14 = 5;
const K_34 = 6;
const K_35 = 7;
const K_36 = 8;
const K_38 = 9;
const K_39 = 10;

function pairKeys(lower: number, shape: number): Int32Array {
  const k = new Int32Array(PAIR_KEYS);
  k[K_LOWER] = lower;
  k[K_SHAPE] = shape;
  k[K_8] = mix(8, lower);
  k[K_9] = mix(9, lower);
  k[K_13] = mix(13, shape);
  k[K_14] = mix(14, shape);
  k[K_34] = mix(34, lower);
  k[K_35] = mix(35, shape);
  k[K_36] = mix(36, lower);
  k[K_38] = mix(38, lower);
  k[K_39] = mix(39, lower);
  return k;
}

/** Every WordInfo is made here, so all have the same fields in the same order (one object shape for the JIT). */
function makeInfo(
  pseudo: boolean,
  form: number,
  lower: number,
  shape: number,
  flags: number,
  affix: Uint32Array,
  grams: Uint32Array,
  head: number,
  tail: number,
  genitive: number,
  endsSentence: boolean,
  opener: boolean,
): WordInfo {
  return {
    pseudo,
    form,
    lower,
    shape,
    flags,
    affix,
    grams,
    head,
    tail,
    genitive,
    endsSentence,
    opener,
    keys: pairKeys(lower, shape),
  };
}

function pseudo(h: number): WordInfo {
  return makeInfo(true, 0, h, h, 0, new Uint32Array(AFFIXES), new Uint32Array(GRAMS), 0, 0, 0, false, false);
}
/** The word before the first token, the one before that, and likewise after the last token. */
export const BEFORE_1 = pseudo(BOS[0]);
export const BEFORE_2 = pseudo(BOS[1]);
export const AFTER_1 = pseudo(EOS[0]);
export const AFTER_2 = pseudo(EOS[1]);

/** The attributes of one word (see WordInfo). */
export function wordInfo(form: string): WordInfo {
  const lower = form.toLowerCase();
  const len = form.length;
  // Shape: X upper, x lower, d digit, punctuation as itself; runs of one class collapsed (Xx, dd.d → d.d).
  let shape = 0x811c9dc5;
  let prevClass = -1;
  let upper = 0;
  let lowerCount = 0;
  let digits = 0;
  let letters = 0;
  let hyphen = false;
  let innerCap = false;
  for (let k = 0; k < len; k++) {
    const c = form.charCodeAt(k);
    const lc = k < lower.length ? lower.charCodeAt(k) : c;
    let cls: number;
    if (c >= 48 && c <= 57) {
      cls = 100;
      digits++;
    } else if (lc !== c) {
      cls = 88;
      upper++;
      letters++;
      if (k > 0) innerCap = true;
    } else if ((c >= 97 && c <= 122) || (c > 127 && form[k]!.toUpperCase() !== form[k])) {
      cls = 120;
      lowerCount++;
      letters++;
    } else {
      cls = c;
      if (c === 45 || c === 0x2010) hyphen = true;
    }
    if (cls !== prevClass) {
      shape = Math.imul(shape ^ cls, 0x01000193);
      prevClass = cls;
    }
  }
  let flags = 0;
  if (upper > 0 && lower.charCodeAt(0) !== form.charCodeAt(0)) flags |= CAP;
  if (upper > 1 && lowerCount === 0) flags |= ALLCAPS;
  if (digits > 0) flags |= DIGIT;
  if (hyphen) flags |= HYPHEN;
  if (letters === 0 && digits === 0) flags |= PUNCT;
  if (innerCap && lowerCount > 0) flags |= INNER_CAP;
  if (len > 7) flags |= LONG;
  else if (len <= 2) flags |= SHORT;
  const ll = lower.length;
  const affix = new Uint32Array(AFFIXES);
  for (let k = 1; k <= 4; k++) affix[k - 1] = ll > k ? mix(k, hashString(lower, 0, k)) : 0;
  for (let k = 1; k <= 5; k++) affix[3 + k] = ll > k ? mix(10 + k, hashString(lower, ll - k, ll)) : 0;
  const grams = new Uint32Array(GRAMS);
  if (flags & CAP) for (let k = 1; k + 4 <= ll && k <= GRAMS; k++) grams[k - 1] = mix(60, hashString(lower, k, k + 4));
  let head = 0;
  let tail = 0;
  if (hyphen && len > 2) {
    const first = form.search(/[-‐]/);
    const last = Math.max(form.lastIndexOf('-'), form.lastIndexOf('‐'));
    head = first > 0 ? hashString(form, 0, first) : 0;
    tail = last < len - 1 ? hashString(lower, last + 1, ll) : 0;
  }
  const genitive = flags & CAP && len > 2 && (form.endsWith('s') || form.endsWith("'")) ? hashString(lower, 0, ll - 1) : 0;
  return makeInfo(
    false,
    hashString(form),
    hashString(lower),
    mix(shape >>> 0, len > 4 ? 5 : len),
    flags,
    affix,
    grams,
    head,
    tail,
    genitive,
    // Capitals say little at the start of a sentence, a quote or a dialogue line.
    form === '.' || form === ':' || form === '!' || form === '?' || form === '–' || form === '—' || form === '|',
    form.length === 1 && '«"“„\'([–—-'.includes(form),
  );
}

// Word attributes are pure functions of the word: cached, bounded, shared by training and tagging.
const INFO_CACHE_LIMIT = 200_000;
let infoCache = new Map<string, WordInfo>();
/** wordInfo through a bounded cache. */
function cachedWordInfo(form: string): WordInfo {
  let info = infoCache.get(form);
  if (info === undefined) {
    if (infoCache.size >= INFO_CACHE_LIMIT) infoCache = new Map();
    info = wordInfo(form);
    infoCache.set(form, info);
  }
  return info;
}

/** Unary features of the word itself (bias included): SELF_SLOTS hashes written at `o`, 0 where absent. */
export function selfFeatures(w: WordInfo, out: Uint32Array, o: number): void {
  out[o] = 1; // bias
  out[o + 1] = mix(2, w.lower);
  out[o + 2] = mix(3, w.form);
  out[o + 3] = mix(10, w.shape);
  for (let k = 0; k < AFFIXES; k++) out[o + 4 + k] = w.affix[k]!;
  out[o + 13] = w.head ? mix(27, w.head) : 0;
  out[o + 14] = w.tail ? mix(28, w.tail) : 0;
  out[o + 15] = w.genitive ? mix(29, w.genitive) : 0;
  for (let k = 0; k < GRAMS; k++) out[o + 16 + k] = w.grams[k]!;
}

/** Unary features of the word before (-1), after (+1), two before (-2) or two after (+2) a token. */
export function neighbourFeatures(w: WordInfo, offset: -2 | -1 | 1 | 2, out: Uint32Array, o: number): void {
  switch (offset) {
    case -1:
      out[o] = mix(4, w.lower);
      out[o + 1] = mix(11, w.shape);
      out[o + 2] = w.pseudo ? 0 : mix(43, w.form);
      return;
    case 1:
      out[o] = mix(5, w.lower);
      out[o + 1] = mix(12, w.shape);
      out[o + 2] = w.pseudo ? 0 : mix(44, w.form);
      return;
    case -2:
      out[o] = mix(6, w.lower);
      return;
    case 2:
      out[o] = mix(7, w.lower);
      return;
  }
}

/** Sentence-initial flags: a token opens a sentence when only openers stand between it and a sentence end. */
function initialFlags(infos: readonly WordInfo[], out: Uint8Array): void {
  let initial = true;
  for (let i = 0; i < infos.length; i++) {
    out[i] = initial ? 1 : 0;
    initial = initialAfter(initial, sentenceMark(infos[i]!));
  }
}

/** A word's part in the sentence-initial flags: it ends a sentence (SENTENCE_END), opens one (OPENER), or 0. */
export const SENTENCE_END = 2;
export const OPENER = 1;
export function sentenceMark(w: WordInfo): number {
  return w.endsSentence ? SENTENCE_END : w.opener ? OPENER : 0;
}
/** Is the token after a word with sentence mark `mark` sentence-initial, given whether that word is? */
export function initialAfter(initial: boolean, mark: number): boolean {
  return mark === SENTENCE_END || (initial && mark === OPENER);
}

// KB tags are few distinct strings ("B-person", "I-country:genitive"): their hashes are cached.
const kbHashes = new Map<string, number>();
/** The knowledge-base feature value of a token (hashed). */
export function kbHash(tag: string | null | undefined): number {
  if (!tag) return NONE;
  let h = kbHashes.get(tag);
  if (h === undefined) {
    h = hashString(tag);
    if (kbHashes.size < 10_000) kbHashes.set(tag, h);
  }
  return h;
}

/** Where the four knowledge-base features start among the context slots. */
export const KB_SLOT = 7;
/** The KB hashes of no KB tag, and of the positions before the first and after the last token. */
export const KB_NONE = NONE;
export const KB_BEFORE = BOS[0];
export const KB_AFTER = EOS[0];

/** The knowledge-base features of a token: its KB tag, its neighbours', and its own with its capitalisation. */
export function kbFeatures(k0: number, km1: number, kp1: number, flags: number, out: Uint32Array, o: number): void {
  out[o] = mix(30, k0);
  out[o + 1] = mix(31, km1);
  out[o + 2] = mix(32, kp1);
  out[o + 3] = mix(mix(33, k0), flags & (CAP | INITIAL));
}

/** The capitalisation bits the KB features use, as an index 0-3. */
export function capInitial(flags: number): number {
  return (flags & CAP ? 1 : 0) | (flags & INITIAL ? 2 : 0);
}
/** Flags with the bits of capInitial index k. */
export function capInitialFlags(k: number): number {
  return (k & 1 ? CAP : 0) | (k & 2 ? INITIAL : 0);
}

// The context block of a token (CONTEXT_SLOTS hashes) in four groups, each written by one function below
// into its own slots of the block, so that the tagger can compute, cache and look up the groups apart:
//   pair slots  0-3, 11-13, 15, 16: word/shape pairs and triples around the token (looked up per token);
//   flag slots  4-6, 14: capitalisation flags of the token and its neighbours, sentence position;
//   KB slots    7-10: knowledge-base tags (see kbFeatures);
//   cap slots   17-19: words around a capitalised token, and the token itself with its INITIAL flag.
/** Slots of the pair group within the context block: shape pairs (shapePairFeatures), word pairs (wordPairFeatures). */
export const SHAPE_PAIR_SLOTS: readonly number[] = [2, 3];
export const WORD_PAIR_SLOTS: readonly number[] = [0, 1, 11, 12, 13, 15, 16];
/** Slots of the flag group within the context block (see flagFeatures). */
export const FLAG_SLOTS: readonly number[] = [4, 5, 6, 14];
/** Slots of the cap group: the word before, the word after, the token itself (see capFeatures). */
export const CAP_BEFORE_SLOT = 17;
export const CAP_AFTER_SLOT = 18;
export const CAP_SELF_SLOT = 19;

/**
 * The pair group of the context block at `o`: templates over two or three of the words m2 m1 cur p1 p2
 * (lower case and shape), each as mix(first word's pre-mixed half, second word's hash). The words are given
 * by the offsets of their PAIR_KEYS numbers in `k`.
 */
export function pairFeatures(k: Int32Array, m2: number, m1: number, cur: number, p1: number, p2: number, out: Uint32Array, o: number): void {
  shapePairFeatures(k, m1, cur, p1, out, o);
  wordPairFeatures(k, m2, m1, cur, p1, p2, out, o);
}

/** The shape pairs of the pair group (they depend on three shapes only): 13 (m1, cur), 14 (cur, p1). */
export function shapePairFeatures(k: Int32Array, m1: number, cur: number, p1: number, out: Uint32Array, o: number): void {
  out[o + 2] = mix(k[m1 + K_13]!, k[cur + K_SHAPE]!);
  out[o + 3] = mix(k[cur + K_14]!, k[p1 + K_SHAPE]!);
}

/**
 * The rest of the pair group: 8 (m1, cur), 9 (cur, p1), 34 (m1, cur shape), 35 (cur shape, p1), 36 (m1, p1),
 * 38 (m2, m1), 39 (p1, p2); words in lower case.
 */
export function wordPairFeatures(k: Int32Array, m2: number, m1: number, cur: number, p1: number, p2: number, out: Uint32Array, o: number): void {
  out[o] = mix(k[m1 + K_8]!, k[cur + K_LOWER]!);
  out[o + 1] = mix(k[cur + K_9]!, k[p1 + K_LOWER]!);
  out[o + 11] = mix(k[m1 + K_34]!, k[cur + K_SHAPE]!);
  out[o + 12] = mix(k[cur + K_35]!, k[p1 + K_LOWER]!);
  out[o + 13] = mix(k[m1 + K_36]!, k[p1 + K_LOWER]!);
  out[o + 15] = mix(k[m2 + K_38]!, k[m1 + K_LOWER]!);
  out[o + 16] = mix(k[p1 + K_39]!, k[p2 + K_LOWER]!);
}

/** Flags of the position before the first token and after the last one (as flag features see them). */
export const FLAGS_BEFORE = 1024;
export const FLAGS_AFTER = 2048;

/**
 * The flag group of the context block at `o`: the token's flags `fl` (INITIAL included), with those of the
 * token before (`flm1`, FLAGS_BEFORE at the first token) and after (`flp1`, FLAGS_AFTER at the last), and the
 * sentence position `pos` (1 first, 2 last, 3 elsewhere).
 */
export function flagFeatures(fl: number, flm1: number, flp1: number, pos: number, out: Uint32Array, o: number): void {
  out[o + 4] = mix(24, fl);
  out[o + 5] = mix(mix(25, flm1), fl);
  out[o + 6] = mix(mix(26, fl), flp1);
  out[o + 14] = mix(37, pos);
}

/** The sentence position flag features use: 1 for the first token, 2 for the last, 3 elsewhere. */
export function sentencePosition(i: number, n: number): number {
  return i === 0 ? 1 : i === n - 1 ? 2 : 3;
}

/**
 * The cap group of the context block at `o` (all 0 unless the token is capitalised): the words around a
 * capitalised word say what kind of name it is ("i X", "X sa", "minister X").
 */
export function capFeatures(fl: number, m1: WordInfo, cur: WordInfo, p1: WordInfo, out: Uint32Array, o: number): void {
  const cap = (fl & CAP) !== 0;
  out[o + 17] = cap ? mix(40, m1.lower) : 0;
  out[o + 18] = cap ? mix(41, p1.lower) : 0;
  out[o + 19] = cap ? mix(mix(42, fl & INITIAL), cur.lower) : 0;
}

/** The CAP (capitalised: the condition of capFeatures) and INITIAL (opens a sentence) bits of flags. */
export const CAP_FLAG = CAP;
export const INITIAL_FLAG = INITIAL;

const pairScratch = new Int32Array(5 * PAIR_KEYS);

/**
 * Context features of token i: CONTEXT_SLOTS hashes written at `o`. `infos` are the sentence's words,
 * `initial` its sentence-initial flags, `kb` the hashed knowledge-base tags. Returns the token's flags.
 */
export function contextFeatures(infos: readonly WordInfo[], initial: Uint8Array, kb: Uint32Array, i: number, out: Uint32Array, o: number): number {
  const n = infos.length;
  const cur = infos[i]!;
  const m1 = i > 0 ? infos[i - 1]! : BEFORE_1;
  const m2 = i > 1 ? infos[i - 2]! : i > 0 ? BEFORE_1 : BEFORE_2;
  const p1 = i + 1 < n ? infos[i + 1]! : AFTER_1;
  const p2 = i + 2 < n ? infos[i + 2]! : i + 1 < n ? AFTER_1 : AFTER_2;
  const fl = cur.flags | (initial[i] ? INITIAL : 0);
  const flm1 = i > 0 ? m1.flags | (initial[i - 1] ? INITIAL : 0) : FLAGS_BEFORE;
  const flp1 = i + 1 < n ? p1.flags | (initial[i + 1] ? INITIAL : 0) : FLAGS_AFTER;
  const k0 = kb[i]!;
  const km1 = i > 0 ? kb[i - 1]! : BOS[0];
  const kp1 = i + 1 < n ? kb[i + 1]! : EOS[0];
  const keys = pairScratch;
  keys.set(m2.keys, 0);
  keys.set(m1.keys, PAIR_KEYS);
  keys.set(cur.keys, 2 * PAIR_KEYS);
  keys.set(p1.keys, 3 * PAIR_KEYS);
  keys.set(p2.keys, 4 * PAIR_KEYS);
  pairFeatures(keys, 0, PAIR_KEYS, 2 * PAIR_KEYS, 3 * PAIR_KEYS, 4 * PAIR_KEYS, out, o);
  flagFeatures(fl, flm1, flp1, sentencePosition(i, n), out, o);
  kbFeatures(k0, km1, kp1, fl, out, o + KB_SLOT);
  capFeatures(fl, m1, cur, p1, out, o);
  return fl;
}

/** Per-sentence word infos, initial flags and KB hashes (buffers reused: the tagger is single-threaded). */
export class SentenceContext {
  infos: WordInfo[] = [];
  initial = new Uint8Array(64);
  kb = new Uint32Array(64);
  fill(tokens: readonly string[], kbTags?: readonly (string | null)[]): void {
    const n = tokens.length;
    this.infos.length = n;
    for (let i = 0; i < n; i++) this.infos[i] = cachedWordInfo(tokens[i]!);
    this.complete(kbTags);
  }
  /** Fills the initial flags and KB hashes once `infos` holds the sentence's words. */
  complete(kbTags?: readonly (string | null)[]): void {
    const n = this.infos.length;
    if (this.initial.length < n) {
      this.initial = new Uint8Array(n * 2);
      this.kb = new Uint32Array(n * 2);
    }
    for (let i = 0; i < n; i++) this.kb[i] = kbHash(kbTags?.[i]);
    initialFlags(this.infos, this.initial);
  }
}

const ctx = new SentenceContext();
let featBuf = new Uint32Array(64 * FEATURES_PER_TOKEN);

/**
 * All feature hashes of a sentence (what training uses): FEATURES_PER_TOKEN slots per token, 0 where a
 * template does not apply. The returned array is reused by the next call: copy it to keep it.
 */
export function sentenceFeatures(tokens: readonly string[], kbTags?: readonly (string | null)[]): Uint32Array {
  const n = tokens.length;
  const K = FEATURES_PER_TOKEN;
  if (featBuf.length < n * K) featBuf = new Uint32Array(Math.max(n * K, featBuf.length * 2));
  const out = featBuf;
  ctx.fill(tokens, kbTags);
  const infos = ctx.infos;
  for (let i = 0; i < n; i++) {
    let o = i * K;
    selfFeatures(infos[i]!, out, o);
    o += SELF_SLOTS;
    neighbourFeatures(i > 0 ? infos[i - 1]! : BEFORE_1, -1, out, o);
    o += NEIGHBOUR_SLOTS;
    neighbourFeatures(i + 1 < n ? infos[i + 1]! : AFTER_1, 1, out, o);
    o += NEIGHBOUR_SLOTS;
    neighbourFeatures(i > 1 ? infos[i - 2]! : i > 0 ? BEFORE_1 : BEFORE_2, -2, out, o);
    o += FAR_SLOTS;
    neighbourFeatures(i + 2 < n ? infos[i + 2]! : i + 1 < n ? AFTER_1 : AFTER_2, 2, out, o);
    o += FAR_SLOTS;
    contextFeatures(infos, ctx.initial, ctx.kb, i, out, o);
  }
  return out;
}
