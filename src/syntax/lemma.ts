// Lemmas as edit scripts learned from a treebank: the word's own script when training saw the word with
// that part of speech, else the most frequent script of its longest known suffix. Only hashes of forms
// and the scripts' short endings are kept, never the treebank's words.

import { hashString, mix } from '../hash.js';

/** How to turn a form into its lemma: lower-case it or not, drop `strip` characters, append `add`. */
export interface EditScript {
  lower: boolean;
  strip: number;
  add: string;
}

export interface Lemmatizer {
  scripts: EditScript[];
  /** hash(lower form, UPOS) → script. */
  words: Map<number, number>;
  /** hash(suffix, UPOS) → script, for suffixes of 1..MAX_SUFFIX characters. */
  suffixes: Map<number, number>;
}

export const MAX_SUFFIX = 6;
const SUFFIX_SALT = 0x2545f491;

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** The script from form to lemma: lower-casing whenever the lemma has no capitals, so "The" and "the" share one. */
export function editScript(form: string, lemma: string): EditScript {
  if (lemma === lemma.toLowerCase()) {
    const low = form.toLowerCase();
    const keep = commonPrefix(low, lemma);
    return { lower: true, strip: low.length - keep, add: lemma.slice(keep) };
  }
  const keep = commonPrefix(form, lemma);
  return { lower: false, strip: form.length - keep, add: lemma.slice(keep) };
}

export function applyScript(form: string, s: EditScript): string {
  const base = s.lower ? form.toLowerCase() : form;
  if (s.strip > base.length) return base;
  return base.slice(0, base.length - s.strip) + s.add;
}

const scriptKey = (s: EditScript) => `${s.lower ? 'L' : 'K'}${s.strip}|${s.add}`;

function wordKey(low: string, upos: string): number {
  return mix(hashString(low), hashString(upos));
}

function suffixKey(low: string, k: number, upos: string): number {
  return mix(mix(hashString(low, low.length - k), hashString(upos)), SUFFIX_SALT + k);
}

/** Learns scripts from (form, UPOS, lemma) triples; a suffix rule needs `minSuffixCount` examples. */
export function trainLemmatizer(data: Iterable<{ form: string; upos: string; lemma: string }>, minSuffixCount = 2): Lemmatizer {
  const scriptIds = new Map<string, number>();
  const scripts: EditScript[] = [];
  const wordVotes = new Map<number, Map<number, number>>();
  const suffixVotes = new Map<number, Map<number, number>>();
  const vote = (m: Map<number, Map<number, number>>, key: number, script: number) => {
    let v = m.get(key);
    if (!v) m.set(key, (v = new Map()));
    v.set(script, (v.get(script) ?? 0) + 1);
  };
  for (const { form, upos, lemma } of data) {
    if (lemma === '_' || lemma === '') continue;
    const s = editScript(form, lemma);
    const key = scriptKey(s);
    let id = scriptIds.get(key);
    if (id === undefined) {
      id = scripts.length;
      scripts.push(s);
      scriptIds.set(key, id);
    }
    const low = form.toLowerCase();
    vote(wordVotes, wordKey(low, upos), id);
    for (let k = 1; k <= Math.min(MAX_SUFFIX, low.length); k++) vote(suffixVotes, suffixKey(low, k, upos), id);
  }
  const best = (m: Map<number, Map<number, number>>, min: number) => {
    const out = new Map<number, number>();
    for (const key of [...m.keys()].sort((a, b) => a - b)) {
      let top = -1;
      let count = 0;
      let total = 0;
      for (const [id, c] of m.get(key)!) {
        total += c;
        if (c > count || (c === count && id < top)) [top, count] = [id, c];
      }
      if (total >= min) out.set(key, top);
    }
    return out;
  };
  return { scripts, words: best(wordVotes, 1), suffixes: best(suffixVotes, minSuffixCount) };
}

/** Whether training saw this form (any case) with this UPOS. */
export function seenAs(lz: Lemmatizer, form: string, upos: string): boolean {
  return lz.words.has(wordKey(form.toLowerCase(), upos));
}

/** The lemma of a form with the given UPOS. */
export function lemmatize(lz: Lemmatizer, form: string, upos: string): string {
  const low = form.toLowerCase();
  const w = lz.words.get(wordKey(low, upos));
  if (w !== undefined) return applyScript(form, lz.scripts[w]!);
  for (let k = Math.min(MAX_SUFFIX, low.length); k >= 1; k--) {
    const s = lz.suffixes.get(suffixKey(low, k, upos));
    if (s !== undefined) return applyScript(form, lz.scripts[s]!);
  }
  return upos === 'PROPN' ? form : low;
}
