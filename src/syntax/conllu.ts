// CoNLL-U and CoNLL-X (NDT) files for the syntax stage: every column of every word line read, and the
// columns the parser fills written back into the original text with every other byte kept.

import { KgError } from '../errors.js';
import type { SyntaxWord } from '../types.js';

/** One word line (integer ID) of a CoNLL file; multiword ranges and empty nodes are kept as raw lines only. */
export interface ConlluWord {
  form: string;
  lemma: string;
  /** Column 4: UPOS in CoNLL-U, the coarse tag in CoNLL-X. */
  upos: string;
  /** Column 5: the treebank's own tag. */
  xpos: string;
  feats: string;
  /** 0 for the root, -1 when the column is `_`. */
  head: number;
  deprel: string;
  misc: string;
  /** 0-based line number in the file. */
  line: number;
}

export interface ConlluSentence {
  words: ConlluWord[];
  /** The `#` comment lines before the sentence (without the line end). */
  comments: string[];
}

const COLUMNS = 10;

/**
 * Parses CoNLL-U or CoNLL-X text. Throws a KgError naming `where:line` for a line of the wrong column
 * count, a bad ID or HEAD, and for a text without any word line.
 */
export function parseConllu(text: string, where = 'input'): ConlluSentence[] {
  const lines = text.split('\n');
  const out: ConlluSentence[] = [];
  let cur: ConlluSentence = { words: [], comments: [] };
  const flush = () => {
    if (cur.words.length > 0) out.push(cur);
    cur = { words: [], comments: [] };
  };
  for (let n = 0; n < lines.length; n++) {
    let line = lines[n]!;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (n === 0 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (line.startsWith('#')) {
      if (cur.words.length > 0) flush();
      cur.comments.push(line);
      continue;
    }
    const at = `${where}:${n + 1}`;
    const cols = line.split('\t');
    if (cols.length !== COLUMNS) {
      throw new KgError('INPUT_INVALID', `not a CoNLL-U word line: expected ${COLUMNS} tab-separated columns, got ${cols.length}`, at);
    }
    const id = cols[0]!;
    if (/^[0-9]+-[0-9]+$/.test(id) || /^[0-9]+\.[0-9]+$/.test(id)) continue;
    if (!/^[0-9]+$/.test(id)) throw new KgError('INPUT_INVALID', `not a CoNLL-U word line: the ID column is "${id}"`, at);
    if (Number(id) !== cur.words.length + 1) {
      throw new KgError('INPUT_INVALID', `word ID ${id} out of sequence: expected ${cur.words.length + 1}`, at);
    }
    const headCol = cols[6]!;
    if (headCol !== '_' && !/^[0-9]+$/.test(headCol)) {
      throw new KgError('INPUT_INVALID', `the HEAD column is "${headCol}": expected a number or _`, at);
    }
    if (cols[1] === '') throw new KgError('INPUT_INVALID', 'empty word form in column 2', at);
    cur.words.push({
      form: cols[1]!,
      lemma: cols[2]!,
      upos: cols[3]!,
      xpos: cols[4]!,
      feats: cols[5]!,
      head: headCol === '_' ? -1 : Number(headCol),
      deprel: cols[7]!,
      misc: cols[9]!,
      line: n,
    });
  }
  flush();
  if (out.length === 0) throw new KgError('INPUT_INVALID', 'no word lines: not a CoNLL-U file', where);
  for (const s of out) {
    for (const w of s.words) {
      if (w.head > s.words.length) {
        throw new KgError('INPUT_INVALID', `HEAD ${w.head} is past the sentence's last word (${s.words.length})`, `${where}:${w.line + 1}`);
      }
    }
  }
  return out;
}

/** What the parser gives one word: the columns `fillConllu` and `writeConllu` write. */
export type ParsedWord = SyntaxWord;

/**
 * The CoNLL text with LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL set and DEPS `_` on every word line; IDs,
 * forms, MISC, comments, multiword and empty-node lines and line ends stay exactly as they were.
 */
export function fillConllu(text: string, sentences: readonly ConlluSentence[], parsed: readonly (readonly ParsedWord[])[]): string {
  const lines = text.split('\n');
  sentences.forEach((s, k) => {
    const p = parsed[k]!;
    s.words.forEach((w, i) => {
      const line = lines[w.line]!;
      const cr = line.endsWith('\r');
      const cols = (cr ? line.slice(0, -1) : line).split('\t');
      const o = p[i]!;
      cols[2] = o.lemma || '_';
      cols[3] = o.upos || '_';
      cols[4] = o.xpos || '_';
      cols[5] = o.feats || '_';
      cols[6] = String(o.head);
      cols[7] = o.deprel || '_';
      cols[8] = '_';
      lines[w.line] = cols.join('\t') + (cr ? '\r' : '');
    });
  });
  return lines.join('\n');
}

/** Escapes a value for a CoNLL-U column: no tabs or newlines, never empty. */
function column(s: string): string {
  const v = s.replace(/[\t\n\r]/g, ' ');
  return v === '' ? '_' : v;
}

export interface TextSentence {
  /** `# sent_id` and `# text` comments are written from these. */
  id: string;
  text: string;
  words: { form: string; start: number; end: number; spaceAfter: boolean }[];
}

/** CoNLL-U for sentences of running text, with character offsets (`TokenRange=start:end`) in MISC. */
export function writeConllu(sentences: readonly TextSentence[], parsed: readonly (readonly ParsedWord[])[], scheme: string): string {
  const out: string[] = [];
  sentences.forEach((s, k) => {
    if (k === 0) out.push(`# scheme = ${scheme}`);
    out.push(`# sent_id = ${column(s.id)}`, `# text = ${s.text.replace(/[\r\n]+/g, ' ')}`);
    s.words.forEach((w, i) => {
      const p = parsed[k]![i]!;
      const misc = `TokenRange=${w.start}:${w.end}${w.spaceAfter ? '' : '|SpaceAfter=No'}`;
      out.push([i + 1, column(w.form), column(p.lemma), column(p.upos), column(p.xpos), column(p.feats), p.head, column(p.deprel), '_', misc].join('\t'));
    });
    out.push('');
  });
  return out.join('\n') + (out.length ? '\n' : '');
}
