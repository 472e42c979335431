// Entity-tagged corpora other than NorNE's CoNLL files, read into the same tagged sentences: GUM (UD English
// trees with a bracketed entity layer in MISC, every mention annotated, named or not) and IOB2 files (UNER:
// token, tag, and any further columns). `taggedFormat` tells them and NorNE's CoNLL apart by content, so that
// `kg train ner` and `kg eval ner` take any of them.

import { KgError } from '../errors.js';
import { forEachTokenLine, parseConll, requireTags, type TaggedSentence } from './conll.js';
import { isTag } from './tags.js';

/** GUM's entity types that name things, and the tagger type each becomes. */
export const GUM_TYPES: Readonly<Record<string, string>> = Object.freeze({
  person: 'PER',
  organization: 'ORG',
  place: 'LOC',
  event: 'EVT',
  object: 'PROD',
});

/** One word of a UD sentence, with what the named-mention reading needs. */
export interface GumWord {
  form: string;
  upos: string;
  xpos: string;
  /** 1-based head, 0 for the root. */
  head: number;
  /** The dependency relation (DEPREL); '' when the line has none. */
  deprel: string;
}

/** An entity span of the GUM layer: word indices (0-based, inclusive) and GUM type. */
export interface GumSpan {
  start: number;
  end: number;
  type: string;
}

/** A sentence of a GUM file: its words and every entity span (named or not). */
export interface GumSentence {
  words: GumWord[];
  spans: GumSpan[];
  /** 0-based line of each word, for messages. */
  lines: number[];
}

/** The `Entity=` value of a MISC column, or undefined. */
function entityField(misc: string): string | undefined {
  if (misc === '_' || misc === '') return undefined;
  for (const part of misc.split('|')) if (part.startsWith('Entity=')) return part.slice(7);
  return undefined;
}

/**
 * Reads a GUM-style CoNLL-U text: words (multiword-token ranges and empty nodes skipped) and the entity spans
 * that `Entity=(ID-type-…` opens and `ID)` closes (an opening directly followed by `)` closes on its own word;
 * spans nest). A span left open or a close with nothing open is an error naming the line.
 */
export function readGum(text: string, where = 'input'): GumSentence[] {
  const out: GumSentence[] = [];
  let cur: GumSentence = { words: [], spans: [], lines: [] };
  // Entity id → stack of [start word, type]; spans may cross a sentence boundary in principle: they are closed
  // where they close, and a span still open at the end of a sentence is dropped from it.
  let open = new Map<string, { start: number; type: string }[]>();
  const flush = () => {
    if (cur.words.length > 0) out.push(cur);
    cur = { words: [], spans: [], lines: [] };
    open = new Map();
  };
  forEachTokenLine(text, (cols, n) => {
    const at = `${where}:${n + 1}`;
    if (cols.length !== 10) throw new KgError('INPUT_INVALID', `not a CoNLL-U token line: expected 10 tab-separated columns, got ${cols.length}`, at);
    if (!/^[0-9]+$/.test(cols[0]!)) return;
    const i = cur.words.length;
    const head = Number(cols[6]);
    cur.words.push({ form: cols[1]!, upos: cols[3]!, xpos: cols[4]!, head: Number.isInteger(head) ? head : 0, deprel: cols[7] === '_' ? '' : cols[7]! });
    cur.lines.push(n);
    const field = entityField(cols[9]!);
    if (field === undefined) return;
    let k = 0;
    while (k < field.length) {
      if (field[k] === '(') {
        let e = k + 1;
        while (e < field.length && field[e] !== '(' && field[e] !== ')') e++;
        const parts = field.slice(k + 1, e).split('-');
        const id = parts[0]!;
        const type = parts[1] ?? '';
        if (field[e] === ')') {
          cur.spans.push({ start: i, end: i, type });
          e++;
        } else {
          let stack = open.get(id);
          if (!stack) open.set(id, (stack = []));
          stack.push({ start: i, type });
        }
        k = e;
      } else {
        let e = k;
        while (e < field.length && field[e] !== ')') e++;
        const id = field.slice(k, e);
        const opened = open.get(id)?.pop();
        if (!opened) throw new KgError('INPUT_INVALID', `Entity=${field}: entity ${id} closes but is not open`, at);
        cur.spans.push({ start: opened.start, end: i, type: opened.type });
        k = e + 1;
      }
    }
  }, flush);
  if (out.length === 0) throw new KgError('INPUT_INVALID', 'no token lines: not a CoNLL-U file', where);
  return out;
}

/** Words that may stand between the proper nouns of one name: "University of Oslo", "Bosnia and Herzegovina". */
const GLUE = new Set(['of', 'for', 'the', 'and', '&', '-', 'de', 'la', 'le', 'du', 'des', 'von', 'van', 'der', 'den', 'del', 'da', 'di', 'al', 'el', 'bin', 'ibn']);

/**
 * A word of a name: a proper noun, or a capitalised word of another open class next to one ("United" of "United
 * States" is tagged ADJ, "Military" of "Russian State Military Archive" ADJ); never a determiner, pronoun or
 * punctuation.
 */
const isProper = (w: GumWord) => w.upos === 'PROPN' || (/^\p{Lu}/u.test(w.form) && (w.upos === 'ADJ' || w.upos === 'NOUN' || w.upos === 'VERB' || w.upos === 'NUM' || w.upos === 'X'));

/**
 * Where a person's name starts after the titles and honorifics before it: the index after the last title
 * phrase that `isTitleAt(k)` (the length in words of a title phrase starting at word k, 0 for none) finds
 * from `start` on, leaving at least one word of [start, end]; `start` when none.
 */
export function titleEnd(start: number, end: number, isTitleAt: (k: number) => number): number {
  let cut = start;
  for (let k = start; k < end; k++) {
    const len = isTitleAt(k);
    if (len > 0 && k + len <= end) {
      cut = k + len;
      k += len - 1;
    }
  }
  return cut;
}

/**
 * The named mentions of a GUM sentence as IOB2 tags: an entity span of a naming type (GUM_TYPES) whose
 * syntactic head is a proper noun, or a common noun with a proper noun in apposition or flat after it, names
 * something; its name is the run of proper nouns around the head, with
 * glue words between them (GLUE), inside the span. A person's titles and honorifics are cut from the front
 * (`isTitle`, see titleEnd); a lone plural proper noun as a person ("Americans") is a group, not a name.
 * Longer mentions are placed first; a mention overlapping one already placed is left out.
 */
export function gumMentions(sentence: GumSentence, isTitle?: (words: readonly string[], k: number) => number): string[] {
  const words = sentence.words;
  const tags = words.map(() => 'O');
  const forms = words.map((w) => w.form);
  const found: { start: number; end: number; type: string }[] = [];
  for (const span of sentence.spans) {
    const type = GUM_TYPES[span.type];
    if (!type) continue;
    // The head: the first word of the span whose head lies outside it.
    let head = -1;
    for (let k = span.start; k <= span.end && head < 0; k++) {
      const h = words[k]!.head - 1;
      if (h < span.start || h > span.end) head = k;
    }
    if (head < 0) continue;
    // A common noun heading the span with a name in apposition or flat after it ("the physician Yang Buwei",
    // "music journalist Stanley Mitchell", "a Mademoiselle Poterin du Motel"): the name is the mention's.
    if (words[head]!.upos !== 'PROPN') {
      let named = -1;
      for (let k = head + 1; k <= span.end && named < 0; k++) {
        const w = words[k]!;
        if (w.upos === 'PROPN' && w.head - 1 === head && (w.deprel === 'appos' || w.deprel === 'flat')) named = k;
      }
      if (named < 0) continue;
      head = named;
    }
    let a = head;
    let b = head;
    // Out from the head over proper nouns, and over one or two glue words with a proper noun beyond them.
    const glue = (k: number) => GLUE.has(words[k]!.form.toLowerCase());
    for (let moved = true; moved; ) {
      moved = false;
      for (let g = 0; g <= 2 && !moved; g++) {
        const k = a - 1 - g;
        if (k < span.start) break;
        let ok = isProper(words[k]!);
        for (let j = k + 1; j < a && ok; j++) ok = glue(j);
        if (ok) (a = k), (moved = true);
      }
    }
    for (let moved = true; moved; ) {
      moved = false;
      for (let g = 0; g <= 2 && !moved; g++) {
        const k = b + 1 + g;
        if (k > span.end) break;
        let ok = isProper(words[k]!);
        for (let j = b + 1; j < k && ok; j++) ok = glue(j);
        if (ok) (b = k), (moved = true);
      }
    }
    if (type === 'PER') {
      if (isTitle) a = titleEnd(a, b, (k) => isTitle(forms, k));
      if (a === b && words[a]!.xpos === 'NNPS') continue;
    }
    found.push({ start: a, end: b, type });
  }
  found.sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start);
  for (const m of found) {
    let free = true;
    for (let k = m.start; k <= m.end && free; k++) free = tags[k] === 'O';
    if (!free) continue;
    for (let k = m.start; k <= m.end; k++) tags[k] = `${k === m.start ? 'B' : 'I'}-${m.type}`;
  }
  return tags;
}

/**
 * An IOB2 file (UNER): `#` comments, blank lines between sentences, lines of tab-separated columns with the
 * word form in the first column after an optional numeric index and the tag in the next (`1\tword\tB-PER\t…`
 * or `word\tB-PER`). UNER's OTH tags (rare, outside PER/ORG/LOC) are read as O.
 */
export function readIob2(text: string, where = 'input'): TaggedSentence[] {
  const out: TaggedSentence[] = [];
  let cur: TaggedSentence = { tokens: [], tags: [] };
  const flush = () => {
    if (cur.tokens.length > 0) out.push(cur);
    cur = { tokens: [], tags: [] };
  };
  forEachTokenLine(text, (cols, n) => {
    const first = /^[0-9]+$/.test(cols[0]!) && cols.length >= 3 ? 1 : 0;
    const at = `${where}:${n + 1}`;
    if (cols.length < first + 2) throw new KgError('INPUT_INVALID', 'not an IOB2 line: expected a word and a tag, tab-separated', at);
    let tag = cols[first + 1]!;
    if (!isTag(tag)) throw new KgError('INPUT_INVALID', `invalid entity tag "${tag}": expected O, B-TYPE or I-TYPE`, at);
    if (tag.endsWith('-OTH')) tag = 'O';
    cur.tokens.push(cols[first]!);
    cur.tags.push(tag);
  }, flush);
  if (out.length === 0) throw new KgError('INPUT_INVALID', 'no token lines: not an IOB2 file', where);
  return out;
}

/** Which reader a tagged file needs, by content: GUM's entity layer, NorNE's name= tags, or IOB2 columns. */
export function taggedFormat(text: string): 'gum' | 'conll' | 'iob2' {
  const head = text.slice(0, 200_000);
  if (/\tEntity=\(|\|Entity=\(/.test(head)) return 'gum';
  for (const line of head.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const cols = line.replace(/\r$/, '').split('\t');
    // IOB2: a word and a tag (after an optional index), a few columns in all; anything else is read as CoNLL,
    // whose reader says what is wrong with it.
    const first = /^[0-9]+$/.test(cols[0]!) && cols.length >= 3 ? 1 : 0;
    return cols.length >= 2 && cols.length < 10 && isTag(cols[first + 1] ?? '') ? 'iob2' : 'conll';
  }
  return 'conll';
}

/** GUM sentences as tagged sentences of their named mentions (see gumMentions). */
export function gumTagged(sentences: readonly GumSentence[], isTitle?: (words: readonly string[], k: number) => number): TaggedSentence[] {
  return sentences.map((s) => ({ tokens: s.words.map((w) => w.form), tags: gumMentions(s, isTitle) }));
}

/**
 * The tagged sentences of a file in any of the three formats. `isTitle` cuts titles from GUM's person names
 * (see gumMentions); CoNLL files must carry a tag on every token.
 */
export function readTaggedText(text: string, where: string, isTitle?: (words: readonly string[], k: number) => number): TaggedSentence[] {
  switch (taggedFormat(text)) {
    case 'gum':
      return gumTagged(readGum(text, where), isTitle);
    case 'iob2':
      return readIob2(text, where);
    default:
      return requireTags(parseConll(text, where), where);
  }
}
