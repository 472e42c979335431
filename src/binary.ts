// Little-endian binary writing shared by the model file encoders (NER tagger, syntax models).

/** A growing little-endian byte buffer: what the model encoders write into. */
export class ByteWriter {
  private buf = new Uint8Array(1 << 16);
  private view = new DataView(this.buf.buffer);
  length = 0;
  private ensure(n: number) {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
  u32(x: number) {
    this.ensure(4);
    this.view.setUint32(this.length, x, true);
    this.length += 4;
  }
  f32(x: number) {
    this.ensure(4);
    this.view.setFloat32(this.length, x, true);
    this.length += 4;
  }
  i16(x: number) {
    this.ensure(2);
    this.view.setInt16(this.length, x, true);
    this.length += 2;
  }
  varint(x: number) {
    this.ensure(5);
    let v = x >>> 0;
    while (v >= 0x80) {
      this.buf[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[this.length++] = v;
  }
  /** Signed integers as zigzag varints (small magnitudes take one byte). */
  zigzag(x: number) {
    this.varint(((x << 1) ^ (x >> 31)) >>> 0);
  }
  bytes(b: Uint8Array) {
    this.ensure(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

