// Sentence splitting and tokenisation with offsets into the document text (never copies that drift).
// Hyphenated compounds (Nato-sjefen, SSC-8-missilene) and genitives (Natos, NATO's) stay one token:
// the mention matcher splits them with the morphology rules, where the knowledge base can guide it.

import type { Sentence, Token } from '../types.js';
import { DIGIT, LETTER, LL, LU, MARK, flagsAt, flagsOf, isSpaceCode, sizeAt, allOf } from './chars.js';
import { TokenizedSentence, Word, intern, type Interned } from './words.js';

export interface SplitSettings {
  /** Lower-cased abbreviations (without the final dot) after which a dot does not end a sentence. */
  abbreviations: ReadonlySet<string>;
}

// The tokens are what this regular expression matches, scanned by hand below (a hand-written scanner with
// cached character classes is several times faster than the regex with Unicode properties, and gives the
// same tokens: tests/text/tokenize-scanner.test.ts compares the two):
//   (?:\p{Lu}\.){2,}                                                     initials: U.S.
//   | \p{N}+(?:[.,:]\p{N}+)*\.?(?=\s|$)                                   numbers: 1987, 3.5, 10:30, 11.
//   | [\p{L}\p{N}\p{M}]+(?:[-‐'’][\p{L}\p{N}\p{M}]+)*(?:['’](?=\s|$))?   words with inner hyphens and apostrophes
//   | \S                                                                 anything else, one character

/**
 * A "sentence" longer than this is no sentence (a table, a run of text without punctuation): it is cut into
 * pieces of this many tokens, so that the per-sentence work downstream stays linear in the size of the text.
 * News sentences are far shorter (the longest in NorNE has 94 tokens).
 */
export const MAX_SENTENCE_TOKENS = 250;

const WORD = LETTER | DIGIT | MARK;

/** `[»”"')\]]`: closing quotes and brackets. */
function isCloser(c: number): boolean {
  return c === 0xbb || c === 0x201d || c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d;
}

/** `[.!?…]`. */
function isSentenceEnd(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026;
}

/** Splits a text into sentences (by line breaks and end punctuation) and tokens. */
export function splitSentences(text: string, settings: SplitSettings): Sentence[] {
  const sentences: Sentence[] = [];
  const b = new SentenceBuilder(text, sentences);
  const n = text.length;
  let pos = 0;
  for (;;) {
    // The gap before the next token; a line break in it always ends a sentence: headlines, captions and list
    // items rarely end with a dot.
    let newline = false;
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === 32) {
        pos++;
        continue;
      }
      if (!isSpaceCode(c)) break;
      if (c === 10) newline = true;
      pos++;
    }
    if (pos >= n) break;
    if (newline) b.flush();
    const start = pos;
    const end = tokenEnd(text, start);
    // "11. september": an ordinal number followed by a lower-case word keeps the sentence going.
    let tokEnd = end;
    if (end - start >= 2 && text.charCodeAt(end - 1) === 0x2e && allOf(text.slice(start, end - 1), DIGIT) && !lowerFollows(text, end)) {
      tokEnd = end - 1;
    }
    if (b.tokens.length >= MAX_SENTENCE_TOKENS) b.flush();
    b.push(start, tokEnd);
    if (tokEnd < end) b.push(tokEnd, end);
    pos = end;
    // The last token pushed: the token, or the dot split off it.
    const lastStart = tokEnd < end ? tokEnd : start;
    if (end - lastStart === 1 && isSentenceEnd(text.charCodeAt(lastStart)) && endsSentence(text, b.tokens, settings)) {
      // Closing quotes and brackets belong to the sentence they close.
      while (pos < n && isCloser(text.charCodeAt(pos))) {
        b.push(pos, pos + 1);
        pos++;
      }
      b.flush();
    }
  }
  b.flush();
  return sentences;
}

/** The tokens of the sentence being read, interned (text/words.ts), and the sentences done. */
class SentenceBuilder {
  tokens: Token[] = [];
  words: Word[] = [];
  private readonly interned: Interned = { text: '', norm: '', word: EMPTY_WORD };

  constructor(
    private readonly text: string,
    private readonly sentences: Sentence[],
  ) {}

  push(start: number, end: number): void {
    const w = this.interned;
    intern(this.text, start, end, w);
    this.tokens.push({ start, end, text: w.text, norm: w.norm, index: this.tokens.length });
    this.words.push(w.word);
  }

  flush(): void {
    const tokens = this.tokens;
    if (tokens.length === 0) return;
    this.sentences.push(new TokenizedSentence(this.sentences.length, tokens[0]!.start, tokens[tokens.length - 1]!.end, tokens, this.words));
    this.tokens = [];
    this.words = [];
  }
}

const EMPTY_WORD = new Word('');

/** Skips code points of the classes in `mask` from index i. */
function skipClass(text: string, i: number, mask: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) {
      if ((flagsOf(c) & mask) === 0) break;
      i++;
    } else {
      if ((flagsAt(text, i) & mask) === 0) break;
      i += sizeAt(text, i);
    }
  }
  return i;
}

/** The end of the token starting at index p (a non-space): the longest match of the grammar above. */
function tokenEnd(text: string, p: number): number {
  const n = text.length;
  const f0 = flagsAt(text, p);
  if ((f0 & LU) !== 0) {
    // (?:\p{Lu}\.){2,}
    let q = p;
    let reps = 0;
    while (q < n && (flagsAt(text, q) & LU) !== 0) {
      const size = sizeAt(text, q);
      if (text.charCodeAt(q + size) !== 0x2e) break;
      q += size + 1;
      reps++;
    }
    if (reps >= 2) return q;
  } else if ((f0 & DIGIT) !== 0) {
    // \p{N}+(?:[.,:]\p{N}+)*\.?(?=\s|$): taken greedily, backtracking cannot find another match.
    let q = skipClass(text, p, DIGIT);
    for (;;) {
      const c = text.charCodeAt(q);
      if ((c === 0x2e || c === 0x2c || c === 0x3a) && (flagsAt(text, q + 1) & DIGIT) !== 0) q = skipClass(text, q + 1, DIGIT);
      else break;
    }
    if (text.charCodeAt(q) === 0x2e) q++;
    if (q >= n || isSpaceCode(text.charCodeAt(q))) return q;
  }
  if ((f0 & WORD) !== 0) {
    // [\p{L}\p{N}\p{M}]+(?:[-‐'’][\p{L}\p{N}\p{M}]+)*(?:['’](?=\s|$))?
    let q = skipClass(text, p, WORD);
    for (;;) {
      const c = text.charCodeAt(q);
      if ((c === 0x2d || c === 0x2010 || c === 0x27 || c === 0x2019) && (flagsAt(text, q + 1) & WORD) !== 0) q = skipClass(text, q + 1, WORD);
      else break;
    }
    const c = text.charCodeAt(q);
    if ((c === 0x27 || c === 0x2019) && (q + 1 >= n || isSpaceCode(text.charCodeAt(q + 1)))) q++;
    return q;
  }
  // \S
  return p + sizeAt(text, p);
}

/** `/^\s+\p{Ll}/u` on the three characters after index e. */
function lowerFollows(text: string, e: number): boolean {
  const lim = Math.min(text.length, e + 3);
  let k = e;
  while (k < lim && isSpaceCode(text.charCodeAt(k))) k++;
  if (k === e || k >= lim) return false;
  return (codePointFlags(text, k, lim) & LL) !== 0;
}

/** The flags of the code point at index k of text cut at lim (a surrogate pair cut in two is no letter). */
function codePointFlags(text: string, k: number, lim: number): number {
  const c = text.charCodeAt(k);
  if (c >= 0xd800 && c <= 0xdbff) return k + 1 < lim ? flagsAt(text, k) : flagsOf(c);
  return flagsOf(c);
}

function endsSentence(text: string, tokens: Token[], settings: SplitSettings): boolean {
  const dot = tokens[tokens.length - 1]!;
  // What follows, as the eight characters after the dot.
  const from = dot.end;
  const lim = Math.min(text.length, from + 8);
  let k = from;
  while (k < lim && isCloser(text.charCodeAt(k))) k++;
  // "bl.a.", "3.5": text right after the dot, unless closing quotes and brackets then a space (or the end).
  if (lim > from && !isSpaceCode(text.charCodeAt(from)) && !(k > from && (k === lim || isSpaceCode(text.charCodeAt(k))))) return false;
  let w = k;
  while (w < lim && isSpaceCode(text.charCodeAt(w))) w++;
  if (w === k || w >= lim) return true; // end of text
  if (dot.text !== '.') return true;
  const prev = tokens[tokens.length - 2];
  if (prev && prev.end === dot.start) {
    if (settings.abbreviations.has(prev.norm)) return false;
    // Initials: "J. Stoltenberg".
    if (sizeAt(prev.text, 0) === prev.text.length && (flagsAt(prev.text, 0) & LETTER) !== 0) return false;
  }
  // The next character: /[\p{Lu}\p{N}«"“–—-]/u.
  const c = text.charCodeAt(w);
  if ((codePointFlags(text, w, lim) & (LU | DIGIT)) !== 0) return true;
  return c === 0xab || c === 0x22 || c === 0x201c || c === 0x2013 || c === 0x2014 || c === 0x2d;
}

const DATELINE_SEPARATORS = new Set([':', '-', '–', '—']);

/**
 * The number of tokens of a dateline opening a sentence ("OSLO (NTB):", "ABU DHABI (Reuters) -", "GOMA, Democratic
 * Republic of Congo (Reuters) -", "KYIV –"), 0 when there is none: a place in capitals first, up to ten tokens, an
 * agency in brackets and a colon or dash, or a dash alone. The dateline says where the news comes from; it is no part of the
 * sentence after it.
 */
export function datelineLength(tokens: readonly { text: string }[]): number {
  const first = tokens[0]?.text ?? '';
  if (!/^\p{Lu}[\p{Lu}.'’-]+$/u.test(first)) return 0;
  for (let k = 1; k < Math.min(tokens.length, 12); k++) {
    const t = tokens[k]!.text;
    // (Without an agency only a dash: "USA: en ny plan" is a headline's topic, not a dateline.)
    if (DATELINE_SEPARATORS.has(t)) return t !== ':' && k + 1 < tokens.length - 1 ? k + 1 : 0;
    if (t === '(') {
      let close = -1;
      for (let j = k + 1; j <= k + 5 && j < tokens.length; j++) if (tokens[j]!.text === ')') { close = j; break; }
      if (close < 0 || close === k + 1) return 0;
      const sep = tokens[close + 1]?.text;
      if (sep === undefined || !DATELINE_SEPARATORS.has(sep)) return 0;
      return close + 2 < tokens.length - 1 ? close + 2 : 0;
    }
    if (/[.!?]/.test(t)) return 0;
  }
  return 0;
}
