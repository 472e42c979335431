// The hand-written scanner of splitSentences against the regular expressions it replaces (the original
// implementation, kept here as the reference): the same sentences and tokens on random and real text.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Sentence, Token } from '../../src/types.js';
import { MAX_SENTENCE_TOKENS, splitSentences, type SplitSettings } from '../../src/text/tokenize.js';
import { getLanguageResources } from '../../src/lang/index.js';
import { mulberry32 } from '../../src/random.js';
import * as chars from '../../src/text/chars.js';

const TOKEN_RE =
  /(?:\p{Lu}\.){2,}|\p{N}+(?:[.,:]\p{N}+)*\.?(?=\s|$)|[\p{L}\p{N}\p{M}]+(?:[-‐'’][\p{L}\p{N}\p{M}]+)*(?:['’](?=\s|$))?|\S/gu;
const SENTENCE_END = /[.!?…]/;

function referenceSplit(text: string, settings: SplitSettings): Sentence[] {
  const sentences: Sentence[] = [];
  let current: Token[] = [];
  const flush = () => {
    if (current.length > 0) {
      sentences.push({ index: sentences.length, start: current[0]!.start, end: current[current.length - 1]!.end, tokens: current });
      current = [];
    }
  };
  const pushToken = (tokens: Token[], start: number, raw: string) => {
    tokens.push({ start, end: start + raw.length, text: text.slice(start, start + raw.length), norm: raw.normalize('NFC').toLowerCase().replace(/’/g, "'"), index: tokens.length });
  };
  const endsSentence = (tokens: Token[]): boolean => {
    const dot = tokens[tokens.length - 1]!;
    const rest = text.slice(dot.end, dot.end + 8);
    if (/^[»”"')\]]*\S/u.test(rest) && !/^[»”"')\]]+(\s|$)/u.test(rest)) return false;
    const next = rest.match(/^[»”"')\]]*(\s+)(\S)/u);
    if (!next) return true;
    const nextChar = next[2]!;
    if (dot.text !== '.') return true;
    const prev = tokens[tokens.length - 2];
    if (prev && prev.end === dot.start) {
      if (settings.abbreviations.has(prev.norm)) return false;
      if (/^\p{L}$/u.test(prev.text)) return false;
    }
    return /[\p{Lu}\p{N}«"“–—-]/u.test(nextChar);
  };
  TOKEN_RE.lastIndex = 0;
  let prevEnd = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const start = m.index;
    const raw = m[0];
    if (text.slice(prevEnd, start).includes('\n')) flush();
    let tokText = raw;
    if (/^\p{N}+\.$/u.test(raw)) {
      const after = text.slice(start + raw.length, start + raw.length + 3);
      if (!/^\s+\p{Ll}/u.test(after)) tokText = raw.slice(0, -1);
    }
    if (current.length >= MAX_SENTENCE_TOKENS) flush();
    pushToken(current, start, tokText);
    if (tokText.length < raw.length) pushToken(current, start + tokText.length, '.');
    TOKEN_RE.lastIndex = start + raw.length;
    prevEnd = start + raw.length;
    const lastTok = current[current.length - 1]!;
    if (lastTok.text.length === 1 && SENTENCE_END.test(lastTok.text) && endsSentence(current)) {
      let j = prevEnd;
      while (j < text.length && /[»”"')\]]/.test(text[j]!)) {
        pushToken(current, j, text[j]!);
        j++;
      }
      TOKEN_RE.lastIndex = j;
      prevEnd = j;
      flush();
    }
  }
  flush();
  return sentences;
}

const settings = { abbreviations: getLanguageResources('nb').sets.abbreviations };

// Pieces that meet the scanner's every branch: initials, numbers, ordinals, compounds, apostrophes, quotes,
// Unicode spaces, combining marks, astral letters and digits, lone surrogates, upper-case forms that
// lower-case to more than one character.
const PIECES = [
  'Nato', 'Nato-sjefen', 'SSC-8-missilene', "NATO's", 'Natos', 'U.S.', 'U.S', 'A.B.C.', 'J.', 'bl.a.', 'bl', 'a', 'f.eks.', 'mr.', 'nr.',
  '11.', '11', '3.5', '3,5', '10:30', '1.2.3', '1987.', '12.5x', '٣٤', '²', 'Ⅻ', '½', 'x²', '12a', 'a12',
  'september', 'Oslo', 'ÆØÅ', 'æøå', 'İstanbul', 'ǅ', 'ß', 'ﬁ', 'e\u0301', '\u0301', 'Å', 'Å', '’', "'", "Jens'", 'Jens’', 'rock’n’roll',
  '-', '‐', '–', '—', '«', '»', '“', '”', '"', '(', ')', '[', ']', '.', '..', '...', '…', '!', '?', ':', ';', ',', '/', '&',
  '»»»»', '»)', '"\')', '𝐀', '𝐀.', '𝑎', '𝟙', '😀', '\ud800', '\udc00', '\ud835', 'Ω', 'Σ', 'ΑΣ', 'ς',
];
const SPACES = [' ', ' ', ' ', '  ', '       ', '\n       \n', '\n', '\n\n', '\t', '\u00a0', '\u2009', '\u3000', '\ufeff', '\u2028', '', ''];

function randomText(random: () => number, length: number): string {
  let s = '';
  while (s.length < length) {
    s += PIECES[Math.floor(random() * PIECES.length)]!;
    s += SPACES[Math.floor(random() * SPACES.length)]!;
  }
  return s;
}

describe('splitSentences scanner', () => {
  it('tokenises random text as the regular expressions do', () => {
    const random = mulberry32(7);
    for (let k = 0; k < 3000; k++) {
      const text = randomText(random, 1 + Math.floor(random() * 120));
      expect(splitSentences(text, settings), JSON.stringify(text)).toEqual(referenceSplit(text, settings));
    }
  });

  it('tokenises random characters as the regular expressions do', () => {
    const random = mulberry32(11);
    for (let k = 0; k < 2000; k++) {
      let text = '';
      const n = 1 + Math.floor(random() * 40);
      for (let i = 0; i < n; i++) {
        const r = random();
        const cp = r < 0.5 ? 32 + Math.floor(random() * 96) : r < 0.8 ? 0xa0 + Math.floor(random() * 0x600) : r < 0.95 ? Math.floor(random() * 0x10000) : 0x10000 + Math.floor(random() * 0x20000);
        text += String.fromCodePoint(cp);
      }
      expect(splitSentences(text, settings), JSON.stringify(text)).toEqual(referenceSplit(text, settings));
    }
  });

  it('tokenises the sample texts as the regular expressions do', () => {
    const dir = join(import.meta.dirname, '..', '..', 'corpus');
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(splitSentences(text, settings)).toEqual(referenceSplit(text, settings));
    }
  });

  it('cuts overlong sentences as the regular expressions do', () => {
    const text = Array.from({ length: 700 }, (_, i) => `ord${i}`).join(' ');
    expect(splitSentences(text, settings)).toEqual(referenceSplit(text, settings));
  });
});

describe('character classes', () => {
  it('agree with the Unicode property regexes on every code point of the Basic Multilingual Plane', () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c += 1) {
      const s = String.fromCharCode(c);
      if (
        chars.startsUpper(s) !== /^\p{Lu}/u.test(s) ||
        chars.startsLower(s) !== /^\p{Ll}/u.test(s) ||
        chars.startsLetter(s) !== /^\p{L}/u.test(s) ||
        chars.isPunctText(s) !== /^[^\p{L}\p{N}]+$/u.test(s) ||
        chars.isSpaceCode(c) !== /\s/.test(s)
      ) {
        wrong.push(c);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('read surrogate pairs as one code point', () => {
    for (const s of ['𝐀', '𝑎', '𝐀𝐁', '𝑎b', '\ud835', '\ud835x', 'a\udc00', '😀', 'AB', 'Ab', '']) {
      expect(chars.startsUpper(s), s).toBe(/^\p{Lu}/u.test(s));
      expect(chars.startsLower(s), s).toBe(/^\p{Ll}/u.test(s));
      expect(chars.startsLetter(s), s).toBe(/^\p{L}/u.test(s));
      expect(chars.isAllLower(s), s).toBe(/^\p{Ll}+$/u.test(s));
      expect(chars.isAllUpper(s), s).toBe(/^\p{Lu}+$/u.test(s));
      expect(chars.hasLower(s), s).toBe(/\p{Ll}/u.test(s));
      expect(chars.isPunctText(s), s).toBe(/^[^\p{L}\p{N}]+$/u.test(s));
    }
  });
});
