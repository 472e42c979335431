// The model file: a small JSON header (types, feature set, scale, how it was made), then transitions as
// float32, feature hashes as delta varints and weights as int16, all gzip-compressed. Holds hashes and
// numbers only — no word of the training corpus is stored in it.

import { gunzipSync, gzipSync } from 'node:zlib';
import { ByteWriter } from '../binary.js';
import { KgError } from '../errors.js';
import { FEATURE_SET } from './features.js';
import { createTagger, type NerModel, type Tagger } from './tagger.js';

const MAGIC = 0x524e474b; // "KGNR" little-endian
const FORMAT = 1;
/** A larger uncompressed model is refused rather than read (a model of NorNE's size is about 2 MB). */
const MAX_MODEL_BYTES = 512 * 1024 * 1024;
/** Weights are stored as int16 multiples of a per-model step: max |weight| / QMAX. */
const QMAX = 32767;

/** The int16 step of a model's weights: the one it was read with, else max |weight| / QMAX. */
function quantisationStep(model: NerModel): number {
  if (model.step !== undefined && model.step > 0) return model.step;
  let max = 0;
  for (let i = 0; i < model.weights.length; i++) max = Math.max(max, Math.abs(model.weights[i]!));
  return max > 0 ? Math.fround(max / QMAX) : 1;
}

/** Serialises a tagger's model (weights rounded to the stored int16 grid) as gzip bytes. Deterministic. */
export function encodeModel(tagger: Tagger | NerModel): Uint8Array {
  const model = 'model' in tagger ? tagger.model : tagger;
  const T = 1 + 2 * model.types.length;
  const F = model.hashes.length;
  const step = quantisationStep(model);
  const header = JSON.stringify({
    types: model.types,
    featureSet: model.featureSet,
    usesKb: model.usesKb,
    features: F,
    step,
    meta: model.meta,
  });
  const w = new ByteWriter();
  w.u32(MAGIC);
  w.u32(FORMAT);
  const headerBytes = new TextEncoder().encode(header);
  w.u32(headerBytes.length);
  w.bytes(headerBytes);
  for (const x of model.transitions) w.f32(x);
  for (const x of model.start) w.f32(x);
  for (const x of model.end) w.f32(x);
  let prev = 0;
  for (let r = 0; r < F; r++) {
    const h = model.hashes[r]!;
    if (r > 0 && h <= prev) throw new KgError('INPUT_INVALID', 'model feature hashes must be strictly ascending');
    w.varint(h - prev);
    prev = h;
  }
  // Tag-major order: a tag's weights lie together, which compresses better than feature-major.
  for (let t = 0; t < T; t++) {
    for (let r = 0; r < F; r++) w.i16(Math.max(-QMAX, Math.min(QMAX, Math.round(model.weights[r * T + t]! / step))));
  }
  const gz = gzipSync(w.result(), { level: 9 });
  gz[9] = 3; // the gzip OS field: fixed, so the bytes do not depend on the platform that wrote them
  return gz;
}

function bad(message: string): KgError {
  return new KgError('INPUT_INVALID', `not a usable NER model: ${message}`);
}

/** Reads a model file (gzip or uncompressed) into a tagger. Throws a KgError on anything malformed. */
export function decodeModel(bytes: Uint8Array): Tagger {
  return createTagger(decodeModelData(bytes));
}

/** Reads a model file into its weights (see decodeModel). */
export function decodeModelData(input: Uint8Array): NerModel {
  let bytes = input;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_MODEL_BYTES });
    } catch (e) {
      throw bad(`corrupt gzip data (${(e as Error).message})`);
    }
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  const need = (n: number) => {
    if (pos + n > bytes.length) throw bad('truncated file');
  };
  const u32 = () => {
    need(4);
    const x = view.getUint32(pos, true);
    pos += 4;
    return x;
  };
  if (bytes.length < 12 || u32() !== MAGIC) throw bad('wrong magic number');
  const format = u32();
  if (format !== FORMAT) throw bad(`file format ${format}, expected ${FORMAT}`);
  const headerLength = u32();
  need(headerLength);
  let header: { types?: unknown; featureSet?: unknown; usesKb?: unknown; features?: unknown; step?: unknown; meta?: unknown };
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(pos, pos + headerLength))) as typeof header;
  } catch {
    throw bad('unreadable header');
  }
  pos += headerLength;
  const { types, featureSet, usesKb, features, step, meta } = header;
  if (!Array.isArray(types) || types.length === 0 || types.length > 1000 || !types.every((t) => typeof t === 'string' && /^[A-Za-z0-9_]+$/.test(t))) {
    throw bad('header `types` must be a non-empty list of type names');
  }
  if (featureSet !== FEATURE_SET) throw bad(`feature set ${String(featureSet)}; this version computes feature set ${FEATURE_SET}`);
  if (typeof usesKb !== 'boolean') throw bad('header `usesKb` must be a boolean');
  if (typeof features !== 'number' || !Number.isInteger(features) || features < 0) throw bad('header `features` must be a count');
  if (typeof step !== 'number' || !(step > 0) || Math.fround(step) !== step) throw bad('header `step` must be a positive float32 number');
  const T = 1 + 2 * types.length;
  // Every feature takes at least one hash byte and T int16 weights: refuse a count the file cannot hold.
  if (features * (1 + 2 * T) > bytes.length - pos) throw bad('truncated file');
  const floats = (n: number) => {
    need(4 * n);
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = view.getFloat32(pos + 4 * i, true);
    pos += 4 * n;
    return out;
  };
  const transitions = floats(T * T);
  const start = floats(T);
  const end = floats(T);
  const hashes = new Uint32Array(features);
  let prev = 0;
  for (let r = 0; r < features; r++) {
    let v = 0;
    let shift = 0;
    for (;;) {
      need(1);
      const b = bytes[pos++]!;
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
      shift += 7;
      if (shift > 28) throw bad('corrupt feature hash');
    }
    const h = prev + v;
    if (h > 0xffffffff || (r > 0 && v === 0) || h === 0) throw bad('corrupt feature hash');
    hashes[r] = h;
    prev = h;
  }
  need(2 * features * T);
  const weights = new Float32Array(features * T);
  const s = step;
  for (let t = 0; t < T; t++) {
    for (let r = 0; r < features; r++) {
      weights[r * T + t] = view.getInt16(pos, true) * s;
      pos += 2;
    }
  }
  if (pos !== bytes.length) throw bad('trailing bytes after the weights');
  return {
    types: types as string[],
    featureSet,
    usesKb,
    hashes,
    weights,
    transitions,
    start,
    end,
    step,
    meta: typeof meta === 'object' && meta !== null ? (meta as Record<string, string | number>) : {},
  };
}
