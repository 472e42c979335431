// The syntax model file: a JSON header (language, scheme, tag and label names, lemma scripts, how it was
// made), then each weight table as delta-coded feature hashes and int16 weights, all gzip-compressed.
// Hashes and numbers only: no sentence or word of the training treebanks is stored.

import { gunzipSync, gzipSync } from 'node:zlib';
import { ByteWriter } from '../binary.js';
import { KgError } from '../errors.js';
import { quantisedWeights, type LinearWeights } from './linear.js';
import type { Lemmatizer } from './lemma.js';
import type { ParserModel } from './parser.js';
import type { TaggerModel } from './tagger.js';

export const SYNTAX_SCHEMES = ['UD', 'NDT'] as const;
export type SyntaxScheme = (typeof SYNTAX_SCHEMES)[number];

export interface SyntaxModel {
  language: string;
  /** The dependency scheme of HEAD and DEPREL (UPOS is Universal Dependencies' in both). */
  scheme: SyntaxScheme;
  tagger: TaggerModel;
  lemmatizer: Lemmatizer;
  parser: ParserModel;
  /** How the model was made (data, settings, seed); written into the header as is. */
  info: Record<string, unknown>;
}

const MAGIC = 0x5953474b; // "KGSY"
const FORMAT = 4;
const MAX_BYTES = 1024 * 1024 * 1024;

class Reader {
  private view: DataView;
  pos = 0;
  constructor(readonly buffer: Uint8Array) {
    this.view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }
  private need(n: number) {
    if (this.pos + n > this.buffer.length) throw new KgError('INPUT_INVALID', 'syntax model file is truncated');
  }
  u32() {
    this.need(4);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }
  f32() {
    this.need(4);
    const v = this.view.getFloat32(this.pos, true);
    this.pos += 4;
    return v;
  }
  varint() {
    let v = 0;
    let shift = 0;
    for (;;) {
      this.need(1);
      const b = this.buffer[this.pos++]!;
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v >>> 0;
      shift += 7;
      if (shift > 28) throw new KgError('INPUT_INVALID', 'syntax model file: bad varint');
    }
  }
  zigzag() {
    const v = this.varint();
    return (v >>> 1) ^ -(v & 1);
  }
  bytes(n: number) {
    this.need(n);
    const b = this.buffer.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
}

/** Weights are int16 multiples of one step per table: max |weight| / 32767. */
function writeWeights(w: ByteWriter, m: LinearWeights) {
  const hashes = m.index.hashes;
  w.u32(m.classes);
  w.u32(hashes.length);
  writeSortedHashes(w, hashes);
  let max = 0;
  for (let i = 0; i < m.weights.length; i++) max = Math.max(max, Math.abs(m.weights[i]!));
  const step = max > 0 ? Math.fround(max / 32767) : 1;
  w.f32(step);
  // Class-major order: one class's weights lie together, which compresses better than row-major.
  const C = m.classes;
  for (let c = 0; c < C; c++) for (let r = 0; r < hashes.length; r++) w.zigzag(Math.round(m.weights[r * C + c]! / step));
}

function readWeights(r: Reader): LinearWeights {
  const classes = r.u32();
  const n = r.u32();
  const hashes = readSortedHashes(r, n);
  const step = r.f32();
  const buf = r.buffer;
  const len = buf.length;
  let pos = r.pos;
  // The hot loop of loading: zigzag varints decoded inline (most weights are small: one byte), kept class-major
  // as written, with each row's count of nonzero weights; quantisedWeights builds the scoring form from these.
  const byClass = new Int32Array(n * classes);
  const nonzero = new Int32Array(n);
  for (let c = 0, j = 0; c < classes; c++) {
    for (let row = 0; row < n; row++, j++) {
      let v = pos < len ? buf[pos++]! : 0x100;
      if (v >= 0x80) {
        if (v === 0x100) throw new KgError('INPUT_INVALID', 'syntax model file is truncated');
        let b = v;
        v &= 0x7f;
        for (let shift = 7; b >= 0x80 && shift < 35; shift += 7) {
          if (pos >= len) throw new KgError('INPUT_INVALID', 'syntax model file is truncated');
          b = buf[pos++]!;
          v |= (b & 0x7f) << shift;
        }
        v >>>= 0;
      }
      const w = (v >>> 1) ^ -(v & 1);
      byClass[j] = w;
      if (w !== 0) nonzero[row]!++;
    }
  }
  r.pos = pos;
  return quantisedWeights(hashes, classes, byClass, step, nonzero);
}

function writeMap(w: ByteWriter, m: Map<number, number>) {
  const keys = Uint32Array.from([...m.keys()].sort((a, b) => a - b));
  w.u32(keys.length);
  writeSortedHashes(w, keys);
  for (const k of keys) w.varint(m.get(k)!);
}

function readMap(r: Reader): Map<number, number> {
  const n = r.u32();
  const keys = readSortedHashes(r, n);
  const m = new Map<number, number>();
  for (let i = 0; i < n; i++) m.set(keys[i]!, r.varint());
  return m;
}

/**
 * Ascending 32-bit hashes as Golomb-Rice codes of their gaps: random hashes have geometric gaps, so this
 * takes about 1.6 bytes a hash where varints take 2 to 3. A byte gives the Rice parameter k, then a bit stream.
 */
function writeSortedHashes(w: ByteWriter, hashes: Uint32Array): void {
  const n = hashes.length;
  const k = n === 0 ? 0 : Math.max(0, Math.floor(Math.log2(2 ** 32 / n)) - 1);
  const bytes: number[] = [k];
  let acc = 0;
  let bits = 0;
  const put = (bit: number) => {
    acc |= bit << bits;
    if (++bits === 8) {
      bytes.push(acc);
      acc = 0;
      bits = 0;
    }
  };
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const gap = hashes[i]! - prev;
    prev = hashes[i]!;
    for (let q = Math.floor(gap / 2 ** k); q > 0; q--) put(1);
    put(0);
    for (let b = 0; b < k; b++) put(Math.floor(gap / 2 ** b) & 1);
  }
  if (bits > 0) bytes.push(acc);
  w.u32(bytes.length);
  w.bytes(Uint8Array.from(bytes));
}

function readSortedHashes(r: Reader, n: number): Uint32Array {
  const size = r.u32();
  const out = new Uint32Array(n);
  // The bit stream with four zero bytes after it, so that a 32-bit window can be read anywhere in it (bits past
  // the end read as 0, as a truncated stream's did bit by bit; the position check below catches those).
  const data = new Uint8Array(size + 4);
  data.set(r.bytes(size));
  if (n === 0) return out;
  const k = data[0]!;
  if (k > 30) throw new KgError('INPUT_INVALID', 'syntax model file: bad hash list');
  const end = size * 8;
  /** 25 bits (at least) from bit `p` on, least significant first; an int32 (higher bits are not to be read). */
  const window = (p: number) => {
    const i = p >>> 3;
    return (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24)) >> (p & 7);
  };
  const low = k > 24 ? (1 << 24) - 1 : 2 ** k - 1;
  const scale = 2 ** k;
  let pos = 8;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    // the quotient in unary: ones up to a zero (at the latest the first bit past the end)
    let q = 0;
    for (;;) {
      const inv = ~window(pos);
      const ones = inv === 0 ? 32 : 31 - Math.clz32(inv & -inv);
      if (ones < 25) {
        q += ones;
        pos += ones;
        break;
      }
      q += 25;
      pos += 25;
    }
    pos++;
    // then k bits of remainder
    let rem = window(pos) & low;
    if (k > 24) rem += (window(pos + 24) & ((1 << (k - 24)) - 1)) * 2 ** 24;
    pos += k;
    if (pos > end) throw new KgError('INPUT_INVALID', 'syntax model file: truncated hash list');
    prev = prev + q * scale + rem;
    if (prev > 0xffffffff) throw new KgError('INPUT_INVALID', 'syntax model file: bad hash list');
    out[i] = prev;
  }
  return out;
}

/** Serialises a syntax model as gzip bytes; the same model gives the same bytes. */
export function encodeSyntaxModel(model: SyntaxModel): Uint8Array {
  const header = new TextEncoder().encode(
    JSON.stringify({
      language: model.language,
      scheme: model.scheme,
      upos: model.tagger.upos,
      fine: model.tagger.fine,
      candidates: model.tagger.candidates.map((c) => Array.from(c)),
      labels: model.parser.labels,
      singleRoot: model.parser.singleRoot,
      scripts: model.lemmatizer.scripts,
      info: model.info,
    }),
  );
  const w = new ByteWriter();
  w.u32(MAGIC);
  w.u32(FORMAT);
  w.u32(header.length);
  w.bytes(header);
  writeWeights(w, model.tagger.uposWeights);
  for (const f of model.tagger.fineWeights) writeWeights(w, f);
  writeWeights(w, model.parser.moves);
  writeWeights(w, model.parser.labeller);
  writeMap(w, model.lemmatizer.words);
  writeMap(w, model.lemmatizer.suffixes);
  const gz = gzipSync(w.result(), { level: 9 });
  gz[9] = 3; // the gzip OS field: fixed, so the bytes do not depend on the platform that wrote them
  return gz;
}

/** Reads a model file written by encodeSyntaxModel; a damaged or foreign file is a KgError. */
export function decodeSyntaxModel(bytes: Uint8Array): SyntaxModel {
  let raw: Uint8Array;
  try {
    raw = gunzipSync(bytes, { maxOutputLength: MAX_BYTES });
  } catch {
    throw new KgError('INPUT_INVALID', 'not a syntax model file (not gzip data)');
  }
  const r = new Reader(raw);
  if (r.u32() !== MAGIC) throw new KgError('INPUT_INVALID', 'not a syntax model file (wrong magic number)');
  const format = r.u32();
  if (format !== FORMAT) throw new KgError('INPUT_INVALID', `syntax model format ${format} is not supported (expected ${FORMAT})`);
  const h = JSON.parse(new TextDecoder().decode(r.bytes(r.u32()))) as {
    language: string; scheme: SyntaxScheme; upos: string[]; fine: string[]; candidates: number[][];
    labels: string[]; singleRoot: boolean; scripts: Lemmatizer['scripts']; info: Record<string, unknown>;
  };
  const uposWeights = readWeights(r);
  const fineWeights = h.upos.map(() => readWeights(r));
  const moves = readWeights(r);
  const labeller = readWeights(r);
  const words = readMap(r);
  const suffixes = readMap(r);
  if (r.pos !== raw.length) throw new KgError('INPUT_INVALID', 'syntax model file: trailing bytes after the last table');
  return {
    language: h.language,
    scheme: h.scheme,
    tagger: { upos: h.upos, fine: h.fine, candidates: h.candidates.map((c) => Int32Array.from(c)), uposWeights, fineWeights },
    lemmatizer: { scripts: h.scripts, words, suffixes },
    parser: { labels: h.labels, singleRoot: h.singleRoot, moves, labeller },
    info: h.info,
  };
}
