// Unicode character classes without a regular expression per test: the classes of each code point are worked out
// once with the Unicode property regexes and kept (in a table for the Basic Multilingual Plane, in a map above
// it), so the per-token tests of the tokeniser, the mention finder and the relation rules cost a table load.
// Every helper here answers exactly what the regex named in its comment answers, code point by code point
// (a lone surrogate is a code point of no class, as the `u` flag reads it).

export const LU = 1; // \p{Lu}
export const LL = 2; // \p{Ll}
export const LETTER = 4; // \p{L}
export const DIGIT = 8; // \p{N}
export const MARK = 16; // \p{M}
export const SPACE = 32; // \s
export const LOWER_CHANGES = 64; // c.toLowerCase() !== c
const KNOWN = 128;

const BMP = new Uint8Array(0x10000);
const ASTRAL = new Map<number, number>();

function computeFlags(cp: number): number {
  // Lone surrogates are no letters, digits, marks or spaces.
  if (cp >= 0xd800 && cp <= 0xdfff) return KNOWN;
  const ch = String.fromCodePoint(cp);
  return (
    KNOWN |
    (/\p{Lu}/u.test(ch) ? LU : 0) |
    (/\p{Ll}/u.test(ch) ? LL : 0) |
    (/\p{L}/u.test(ch) ? LETTER : 0) |
    (/\p{N}/u.test(ch) ? DIGIT : 0) |
    (/\p{M}/u.test(ch) ? MARK : 0) |
    (/\s/u.test(ch) ? SPACE : 0) |
    (ch.toLowerCase() !== ch ? LOWER_CHANGES : 0)
  );
}

for (let c = 0; c < 0x80; c++) BMP[c] = computeFlags(c);

/** The class flags of a code point (a code unit below 0x10000 that is no surrogate, or any code point). */
export function flagsOf(cp: number): number {
  if (cp < 0x10000) {
    const f = BMP[cp]!;
    if (f !== 0) return f;
    return (BMP[cp] = computeFlags(cp));
  }
  let f = ASTRAL.get(cp);
  if (f === undefined) ASTRAL.set(cp, (f = computeFlags(cp)));
  return f;
}

/** The flags of the code point that starts at index i of s (0 past the end). */
export function flagsAt(s: string, i: number): number {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return flagsOf(c);
  return flagsOf(s.codePointAt(i)!);
}

/** The length in code units of the code point that starts at index i of s. */
export function sizeAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** Is the code unit whitespace (`/\s/`)? Every whitespace character is in the Basic Multilingual Plane. */
export function isSpaceCode(c: number): boolean {
  return c < 0x80 ? c === 32 || (c >= 9 && c <= 13) : (flagsOf(c) & SPACE) !== 0;
}

/** Does lower-casing change the code unit c (`ch !== ch.toLowerCase()` for `ch = s.charAt(k)`; false for NaN)? */
export function changesWhenLowerCased(c: number): boolean {
  return c >= 0 && c < 0x10000 && (flagsOf(c) & LOWER_CHANGES) !== 0;
}

/** `/^\p{Lu}/u.test(s)`. */
export function startsUpper(s: string): boolean {
  return (flagsAt(s, 0) & LU) !== 0;
}

/** `/^\p{Ll}/u.test(s)`. */
export function startsLower(s: string): boolean {
  return (flagsAt(s, 0) & LL) !== 0;
}

/** `/^\p{L}/u.test(s)`. */
export function startsLetter(s: string): boolean {
  return (flagsAt(s, 0) & LETTER) !== 0;
}

/** Is every code point of a non-empty s of one of the classes in `mask`: `/^[…]+$/u`? */
export function allOf(s: string, mask: number): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) {
      if ((flagsOf(c) & mask) === 0) return false;
      i++;
    } else {
      const size = sizeAt(s, i);
      if ((flagsOf(size === 2 ? s.codePointAt(i)! : c) & mask) === 0) return false;
      i += size;
    }
  }
  return true;
}

/** Has s a code point of one of the classes in `mask` (`/[…]/u.test(s)`)? */
export function someOf(s: string, mask: number): boolean {
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) {
      if ((flagsOf(c) & mask) !== 0) return true;
      i++;
    } else {
      const size = sizeAt(s, i);
      if ((flagsOf(size === 2 ? s.codePointAt(i)! : c) & mask) !== 0) return true;
      i += size;
    }
  }
  return false;
}

/** `/^\p{Ll}+$/u.test(s)`. */
export function isAllLower(s: string): boolean {
  return allOf(s, LL);
}

/** `/^\p{Lu}+$/u.test(s)`. */
export function isAllUpper(s: string): boolean {
  return allOf(s, LU);
}

/** `/^[^\p{L}\p{N}]+$/u.test(s)`: a non-empty string with no letter or digit. */
export function isPunctText(s: string): boolean {
  return s.length > 0 && !someOf(s, LETTER | DIGIT);
}

/** `/\p{Ll}/u.test(s)`. */
export function hasLower(s: string): boolean {
  return someOf(s, LL);
}

/** `/\d/.test(s)`: an ASCII digit. */
export function hasAsciiDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** The last three UTF-16 code units of a string (at least three long) as one number, for suffix filters. */
export function ending3(w: string): number {
  const n = w.length;
  return w.charCodeAt(n - 1) + w.charCodeAt(n - 2) * 0x10000 + w.charCodeAt(n - 3) * 0x100000000;
}
