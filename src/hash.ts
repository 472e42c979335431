// 32-bit string and integer hashing for feature keys, shared by the NER tagger and the syntax models: features
// are never strings at tagging time, and model files store hashes, not the words of the corpus they were trained on.

/** FNV-1a over UTF-16 code units of `s[start, end)`, finished with a murmur3 avalanche. Never 0. */
export function hashString(s: string, start = 0, end = s.length): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return finish(h);
}

/** Combines two 32-bit values into one (order matters). Never 0, so 0 can mark an empty slot. */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = (h << 13) | (h >>> 19);
  h = Math.imul(h ^ b, 0xc2b2ae35);
  return finish(h);
}

/**
 * The half of mix(a, b) that depends on `a` alone: mix(a, b) === mixWith(mixPrefix(a), b). A feature template
 * whose first part is fixed (its number) or shared by several features computes it once.
 */
export function mixPrefix(a: number): number {
  const h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  return (h << 13) | (h >>> 19);
}

/** mix(a, b) from mixPrefix(a). */
export function mixWith(prefix: number, b: number): number {
  return finish(Math.imul(prefix ^ b, 0xc2b2ae35));
}

function finish(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  h >>>= 0;
  return h === 0 ? 1 : h;
}

