// Interned words. The tokeniser looks every token up in a table of the forms it has seen (its own open-addressing
// table, keyed by a hash of the characters it computes itself), so a word that recurs gets the same text and norm
// strings and the same Word record as before: no new strings, no lower-casing, and no string hashing by the
// engine (a Map lookup with a fresh string has to hash it, which costs more than the rest of the token's work).
// The Word record of a form carries what the later stages work out about its norm (its knowledge-base entry, its
// word classes): they read it from the sentence's Word list instead of looking the norm up again.
//
// The tables are bounded: when full they start over (old sentences keep their records). Their strings are copies,
// so they never keep a document's text alive. Tokens and sentences are read only: a sentence whose token list was
// replaced is looked up again by norm.

import type { Sentence, Token } from '../types.js';
import type { FirstTokenVariants } from '../mentions/kbindex.js';
import type { LanguageResources, WordInfo } from '../lang/index.js';

/**
 * A word (an interned form, or a norm for tokens made elsewhere), with single-slot caches the stages fill about
 * its norm (each valid for the owner it names).
 */
export class Word {
  /** The id of the alias index `kbFirst` and `kbClosedStem` belong to (mentions/index.ts; 0 for none). */
  kbIndex = 0;
  /** The knowledge-base variants that start with this word, null for none. */
  kbFirst: FirstTokenVariants | null = null;
  /** The length of the demonym stem that opens the word as a closed compound (closedCompoundStem), or 0. */
  kbClosedStem = 0;
  /**
   * Has the norm a hyphen (- or ‐)? Then so has the text of every token the tokeniser gives this norm: NFC and
   * lower-casing neither make nor take hyphens.
   */
  readonly hyphenated: boolean;
  /** The language `info` belongs to (lang/index.ts). */
  infoOwner: LanguageResources | null = null;
  info: WordInfo | null = null;
  /**
   * The id a tagger gave the form (TaggerWordSlot, src/ner/tagger.ts). Only a Word the tokeniser made stands for
   * one form (see wordsOfForms); one made by norm may stand for several ("Nato", "NATO") and is never passed.
   */
  taggerOwner: object | null = null;
  taggerId = -1;
  constructor(readonly norm: string) {
    this.hyphenated = norm.includes('-') || norm.includes('‐');
  }
}

// Four times the forms of the NorNE dev set and the knowledge base's names together: big enough that news text
// rarely starts the tables over, small enough that what they keep alive costs the garbage collector little.
const MAX_ENTRIES = 1 << 16;
const SEED = (Math.random() * 0x100000000) | 0;

// Open addressing: slot k is table[2k] = entry id (-1 for none) and table[2k + 1] = its hash (compared before the
// entry is touched; side by side, one memory access reads both).
const INITIAL_SLOTS = 1 << 12;
let table = new Int32Array(2 * INITIAL_SLOTS).fill(-1);
let mask = INITIAL_SLOTS - 1;
let hashes: number[] = [];
/** Per entry id, side by side (one memory access for the three): its text, its norm and its Word. */
let entries: (string | Word)[] = [];
let byNorm = new Map<string, Word>();

function reset(): void {
  table = new Int32Array(2 * INITIAL_SLOTS).fill(-1);
  mask = INITIAL_SLOTS - 1;
  hashes = [];
  entries = [];
}

function grow(): void {
  const slotCount = 2 * (mask + 1);
  table = new Int32Array(2 * slotCount).fill(-1);
  mask = slotCount - 1;
  for (let id = 0; id < hashes.length; id++) {
    const h = hashes[id]!;
    let k = h & mask;
    while (table[2 * k] !== -1) k = (k + 1) & mask;
    table[2 * k] = id;
    table[2 * k + 1] = h;
  }
}

/** A copy of text[start, end) that shares no memory with text (a long slice would point into it). */
function copyOf(text: string, start: number, end: number): string {
  const s = text.slice(start, end);
  return end - start < 12 ? s : s.split('').join('');
}

/** The norm of a token: NFC, lower case, ’ as '. `plain`: no code unit from U+0300 up (NFC already, no ’). */
export function normOf(raw: string, plain: boolean): string {
  return plain ? raw.toLowerCase() : raw.normalize('NFC').toLowerCase().replace(/’/g, "'");
}

/** The Word record of a norm, for tokens the tokeniser did not make (kept per norm, bounded). */
export function wordOfNorm(norm: string): Word {
  let w = byNorm.get(norm);
  if (!w) {
    if (byNorm.size >= MAX_ENTRIES) byNorm = new Map();
    byNorm.set(norm, (w = new Word(norm)));
  }
  return w;
}

/** What intern finds for a token. */
export interface Interned {
  text: string;
  norm: string;
  word: Word;
}

/**
 * The interned token text[start, end): writes its text, norm and Word to `out` (one object the caller reuses, so a
 * lookup allocates nothing).
 */
export function intern(text: string, start: number, end: number, out: Interned): void {
  let h = SEED ^ (end - start);
  let plain = true;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x300) plain = false;
    h = Math.imul(h ^ c, 0x9e3779b1);
  }
  h ^= h >>> 15;
  const len = end - start;
  if (!plain && len > 1) {
    // Words in other scripts are not kept: news in Norwegian and English has few that recur, while text in
    // those scripts (or binary junk read as text) would fill the table with forms seen once. Single characters
    // (dashes, quotes) are kept.
    const raw = text.slice(start, end);
    out.text = raw;
    out.norm = normOf(raw, false);
    out.word = new Word(out.norm);
    return;
  }
  let k = h & mask;
  for (;;) {
    const id = table[2 * k]!;
    if (id === -1) break;
    if (table[2 * k + 1] === h) {
      const raw = entries[3 * id] as string;
      if (raw.length === len) {
        let same = true;
        for (let i = 0; i < len; i++) {
          if (raw.charCodeAt(i) !== text.charCodeAt(start + i)) {
            same = false;
            break;
          }
        }
        if (same) {
          out.text = raw;
          out.norm = entries[3 * id + 1] as string;
          out.word = entries[3 * id + 2] as Word;
          return;
        }
      }
    }
    k = (k + 1) & mask;
  }
  // A new form, with a Word of its own (forms that differ only in case, "Nato" and "nato", get a Word each: a
  // lookup by norm to share one would cost more than working out the little they cache twice).
  const raw = copyOf(text, start, end);
  const norm = normOf(raw, plain);
  const word = new Word(norm);
  if (hashes.length >= MAX_ENTRIES) reset();
  k = h & mask;
  while (table[2 * k] !== -1) k = (k + 1) & mask;
  const id = hashes.length;
  hashes.push(h);
  entries.push(raw, norm, word);
  table[2 * k] = id;
  table[2 * k + 1] = h;
  if (hashes.length * 2 > mask + 1) grow();
  out.text = raw;
  out.norm = norm;
  out.word = word;
}

/**
 * A sentence as splitSentences makes it: a plain Sentence to everyone else (its fields, in this order), which
 * keeps the Word of each token in a private field (invisible to JSON, equality and cloning).
 */
export class TokenizedSentence implements Sentence {
  index: number;
  start: number;
  end: number;
  tokens: Token[];
  readonly #tokens: Token[];
  readonly #words: readonly Word[];

  constructor(index: number, start: number, end: number, tokens: Token[], words: readonly Word[]) {
    this.index = index;
    this.start = start;
    this.end = end;
    this.tokens = tokens;
    this.#tokens = tokens;
    this.#words = words;
  }

  /** The Word of each token of a sentence splitSentences made (and nobody changed the tokens of). */
  static wordsOf(s: Sentence): readonly Word[] | undefined {
    return #words in s && s.#tokens === s.tokens && s.#words.length === s.tokens.length ? s.#words : undefined;
  }
}

/** The Word of each token when each stands for the token's exact form (the tokeniser's sentences), else undefined. */
export function wordsOfForms(sentence: Sentence): readonly Word[] | undefined {
  return TokenizedSentence.wordsOf(sentence);
}

/** Did splitSentences make the sentence (so its tokens' norms are what normOf makes of their texts)? */
export function isTokenizerSentence(sentence: Sentence): boolean {
  return TokenizedSentence.wordsOf(sentence) !== undefined;
}

const OTHER_SENTENCE_WORDS = new WeakMap<readonly Token[], readonly Word[]>();

/** The Word of each token of a sentence: the tokeniser's, or looked up by norm for sentences made elsewhere. */
export function sentenceWordList(sentence: Sentence): readonly Word[] {
  const own = TokenizedSentence.wordsOf(sentence);
  if (own) return own;
  const tokens = sentence.tokens;
  const cached = OTHER_SENTENCE_WORDS.get(tokens);
  if (cached && cached.length === tokens.length && cached.every((w, i) => w.norm === tokens[i]!.norm)) return cached;
  const made = tokens.map((t) => wordOfNorm(t.norm));
  OTHER_SENTENCE_WORDS.set(tokens, made);
  return made;
}
