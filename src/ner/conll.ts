// CoNLL-X / CoNLL-U reading and writing as string functions: the word form (column 2) and the entity tag
// kept in column 10 as `name=B-XXX` (NorNE's convention); every other byte of a file is left as it was.

import { KgError } from '../errors.js';
import { isTag } from './tags.js';

/** One sentence of a CoNLL file: word forms, their `name=` tags (null when a token has none), and lines. */
export interface ConllSentence {
  tokens: string[];
  tags: (string | null)[];
  /** 0-based line number of each token in the file (for error messages and rewriting). */
  lines: number[];
}

/** A sentence with a tag for every token: what training and scoring take. */
export interface TaggedSentence {
  tokens: string[];
  tags: string[];
  /** Knowledge-base feature per token (see kbTagsFor); computed once and reused across epochs. */
  kbTags?: (string | null)[];
  /** Part of speech per token (the syntax model's UPOS), for taggers that use it (see taggerInputs). */
  pos?: string[];
}

const COLUMNS = 10;

function tokenKind(id: string): 'word' | 'skip' | null {
  if (/^[0-9]+$/.test(id)) return 'word';
  // CoNLL-U multiword-token ranges (1-2) and empty nodes (8.1) carry no word of the sentence's token sequence.
  if (/^[0-9]+-[0-9]+$/.test(id) || /^[0-9]+\.[0-9]+$/.test(id)) return 'skip';
  return null;
}

function nameTag(misc: string): string | undefined {
  if (misc === '_' || misc === '') return undefined;
  for (const part of misc.split('|')) if (part.startsWith('name=')) return part.slice(5);
  return undefined;
}

/**
 * The token lines of a tab-separated sentence file (CoNLL-X, CoNLL-U, IOB2): `token(cols, n)` for every line
 * that is neither blank nor a `#` comment (`n` is its 0-based line number; CR line ends and a leading BOM are
 * removed), and `sentenceEnd()` at every blank line and at the end of the text.
 */
export function forEachTokenLine(text: string, token: (cols: string[], n: number) => void, sentenceEnd: () => void): void {
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    let line = lines[n]!;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (n === 0 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (line.trim() === '') sentenceEnd();
    else if (!line.startsWith('#')) token(line.split('\t'), n);
  }
  sentenceEnd();
}

/**
 * Parses a CoNLL-X or CoNLL-U text: `#` comment lines, blank lines between sentences, token lines of
 * 10 tab-separated columns. Throws a KgError naming the line when a line is none of these.
 */
export function parseConll(text: string, where = 'input'): ConllSentence[] {
  const out: ConllSentence[] = [];
  let cur: ConllSentence = { tokens: [], tags: [], lines: [] };
  const flush = () => {
    if (cur.tokens.length > 0) out.push(cur);
    cur = { tokens: [], tags: [], lines: [] };
  };
  forEachTokenLine(text, (cols, n) => {
    const at = `${where}:${n + 1}`;
    if (cols.length !== COLUMNS) {
      throw new KgError('INPUT_INVALID', `not a CoNLL token line: expected ${COLUMNS} tab-separated columns, got ${cols.length}`, at);
    }
    const kind = tokenKind(cols[0]!);
    if (kind === null) throw new KgError('INPUT_INVALID', `not a CoNLL token line: the ID column is "${cols[0]}"`, at);
    if (kind === 'skip') return;
    const form = cols[1]!;
    if (form === '') throw new KgError('INPUT_INVALID', 'empty word form in column 2', at);
    const tag = nameTag(cols[9]!);
    if (tag !== undefined && !isTag(tag)) {
      throw new KgError('INPUT_INVALID', `invalid entity tag "name=${tag}": expected O, B-TYPE or I-TYPE`, at);
    }
    cur.tokens.push(form);
    cur.tags.push(tag ?? null);
    cur.lines.push(n);
  }, flush);
  if (out.length === 0) throw new KgError('INPUT_INVALID', 'no token lines: not a CoNLL file', where);
  return out;
}

/** The sentences with every tag present, for training and scoring; throws naming the first untagged token. */
export function requireTags(sentences: readonly ConllSentence[], where = 'input'): TaggedSentence[] {
  return sentences.map((s) => {
    const missing = s.tags.indexOf(null);
    if (missing >= 0) {
      throw new KgError('INPUT_INVALID', 'token without an entity tag (expected name=... in column 10)', `${where}:${s.lines[missing]! + 1}`);
    }
    return { tokens: s.tokens, tags: s.tags as string[] };
  });
}

function setNameTag(misc: string, tag: string): string {
  if (misc === '_' || misc === '') return `name=${tag}`;
  const parts = misc.split('|');
  const i = parts.findIndex((p) => p.startsWith('name='));
  if (i >= 0) parts[i] = `name=${tag}`;
  else parts.push(`name=${tag}`);
  return parts.join('|');
}

/**
 * The CoNLL text with column 10 of every token line set to `name=<tag>` (other `|` parts, other columns,
 * comments and line ends kept). `tags` has one array per sentence of `parseConll(text)`.
 */
export function writeConllTags(text: string, tags: readonly (readonly string[])[], where = 'input'): string {
  const sentences = parseConll(text, where);
  if (sentences.length !== tags.length) {
    throw new KgError('INPUT_INVALID', `expected tags for ${sentences.length} sentences, got ${tags.length}`, where);
  }
  const lines = text.split('\n');
  sentences.forEach((s, k) => {
    const t = tags[k]!;
    if (t.length !== s.tokens.length) {
      throw new KgError('INPUT_INVALID', `sentence ${k + 1}: expected ${s.tokens.length} tags, got ${t.length}`, where);
    }
    s.lines.forEach((n, i) => {
      const line = lines[n]!;
      const cr = line.endsWith('\r');
      const cols = (cr ? line.slice(0, -1) : line).split('\t');
      cols[9] = setNameTag(cols[9]!, t[i]!);
      lines[n] = cols.join('\t') + (cr ? '\r' : '');
    });
  });
  return lines.join('\n');
}
