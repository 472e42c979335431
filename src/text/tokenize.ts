// Sentence splitting and tokenisation with offsets into the document text (never copies that drift).
// Hyphenated compounds (Nato-sjefen, SSC-8-missilene) and genitives (Natos, NATO's) stay one token:
// the mention matcher splits them with the morphology rules, where the knowledge base can guide it.

import type { Sentence, Token } from '../types.js';

export interface SplitSettings {
  /** Lower-cased abbreviations (without the final dot) after which a dot does not end a sentence. */
  abbreviations: ReadonlySet<string>;
}

// A word: letters/digits with inner hyphens, apostrophes, dots between digits or single capitals (U.S.).
const TOKEN_RE =
  /(?:\p{Lu}\.){2,}|\p{N}+(?:[.,:]\p{N}+)*\.?(?=\s|$)|[\p{L}\p{N}\p{M}]+(?:[-‐'’][\p{L}\p{N}\p{M}]+)*(?:['’](?=\s|$))?|\S/gu;

const SENTENCE_END = /[.!?…]/;

/**
 * A "sentence" longer than this is no sentence (a table, a run of text without punctuation): it is cut into
 * pieces of this many tokens, so that the per-sentence work downstream stays linear in the size of the text.
 * News sentences are far shorter (the longest in NorNE has 94 tokens).
 */
export const MAX_SENTENCE_TOKENS = 250;

/** Splits a text into sentences (by line breaks and end punctuation) and tokens. */
export function splitSentences(text: string, settings: SplitSettings): Sentence[] {
  const sentences: Sentence[] = [];
  let current: Token[] = [];
  const flush = () => {
    if (current.length > 0) {
      const first = current[0]!;
      const last = current[current.length - 1]!;
      sentences.push({ index: sentences.length, start: first.start, end: last.end, tokens: current });
      current = [];
    }
  };
  TOKEN_RE.lastIndex = 0;
  let prevEnd = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const start = m.index;
    const raw = m[0];
    const gap = text.slice(prevEnd, start);
    // A line break always ends a sentence: headlines, captions and list items rarely end with a dot.
    if (gap.includes('\n')) flush();
    // "11. september": an ordinal number followed by a lower-case word keeps the sentence going.
    let tokText = raw;
    if (/^\p{N}+\.$/u.test(raw)) {
      const after = text.slice(start + raw.length, start + raw.length + 3);
      if (!/^\s+\p{Ll}/u.test(after)) tokText = raw.slice(0, -1);
    }
    if (current.length >= MAX_SENTENCE_TOKENS) flush();
    pushToken(current, text, start, tokText);
    if (tokText.length < raw.length) pushToken(current, text, start + tokText.length, '.');
    TOKEN_RE.lastIndex = start + raw.length;
    prevEnd = start + raw.length;
    const lastTok = current[current.length - 1]!;
    if (lastTok.text.length === 1 && SENTENCE_END.test(lastTok.text) && endsSentence(text, current, settings)) {
      // Closing quotes and brackets belong to the sentence they close.
      let j = prevEnd;
      while (j < text.length && /[»”"')\]]/.test(text[j]!)) {
        pushToken(current, text, j, text[j]!);
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

function pushToken(tokens: Token[], text: string, start: number, raw: string): void {
  tokens.push({
    start,
    end: start + raw.length,
    text: text.slice(start, start + raw.length),
    norm: raw.normalize('NFC').toLowerCase().replace(/’/g, "'"),
    index: tokens.length,
  });
}

function endsSentence(text: string, tokens: Token[], settings: SplitSettings): boolean {
  const dot = tokens[tokens.length - 1]!;
  const rest = text.slice(dot.end, dot.end + 8);
  if (/^[»”"')\]]*\S/u.test(rest) && !/^[»”"')\]]+(\s|$)/u.test(rest)) return false; // "bl.a.", "3.5"
  const next = rest.match(/^[»”"')\]]*(\s+)(\S)/u);
  if (!next) return true; // end of text
  const nextChar = next[2]!;
  if (dot.text !== '.') return true;
  const prev = tokens[tokens.length - 2];
  if (prev && prev.end === dot.start) {
    if (settings.abbreviations.has(prev.norm)) return false;
    // Initials: "J. Stoltenberg".
    if (/^\p{L}$/u.test(prev.text)) return false;
  }
  return /[\p{Lu}\p{N}«"“–—-]/u.test(nextChar);
}
