// Finds mentions in sentences: knowledge-base names with their inflections and compounds, and unknown
// capitalised names typed from context cues (titles → person, "partiet" → organisation, "i" → location).

import type { EntityType, Mention, Sentence, Token } from '../types.js';
import { findTitle, type LanguageResources } from '../lang/index.js';
import { type AliasIndex, type Variant, tokenMatches } from './kbindex.js';
import { closedCompoundStem } from './morphology.js';

const PUNCT_RE = /^[^\p{L}\p{N}]+$/u;
const CAP_RE = /^\p{Lu}/u;

export function isCapitalised(t: Token): boolean {
  return CAP_RE.test(t.text);
}

function isPunct(t: Token | undefined): boolean {
  return !!t && PUNCT_RE.test(t.text);
}

/** Is token i at the start of a sentence, a quote or a dialogue line (where capitals say nothing)? */
export function isSentenceInitial(tokens: Token[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const t = tokens[j]!;
    if (/^[«"“„'(\[–—-]$/.test(t.text)) continue;
    return t.text === ':' || t.text === '.' || t.text === '–' || t.text === '—';
  }
  return true;
}

function matchVariantAt(tokens: Token[], i: number, v: Variant): boolean {
  if (i + v.tokens.length > tokens.length) return false;
  for (let k = 0; k < v.tokens.length; k++) {
    const t = tokens[i + k]!;
    if (t.norm !== v.norms[k]) return false;
    if (!tokenMatches(v, k, t.text, k === 0)) return false;
  }
  if (v.lowerUnlessInitial && isCapitalised(tokens[i]!) && !isSentenceInitial(tokens, i)) return false;
  if (v.parenthesisOnly) {
    const before = tokens[i - 1];
    const after = tokens[i + v.tokens.length];
    if (!before || before.text !== '(' || !after || after.text !== ')') return false;
  }
  return true;
}

function kbMention(
  sentence: Sentence,
  i: number,
  j: number,
  start: number,
  end: number,
  text: string,
  v: { entryId: string; type: EntityType; form: Variant['form'] },
): Mention {
  return {
    start,
    end,
    text,
    type: v.type,
    source: 'kb',
    sentence: sentence.index,
    tokenStart: i,
    tokenEnd: j,
    kbId: v.entryId,
    form: v.form,
  };
}

/** Knowledge-base mentions of one sentence, longest match first, compounds split at hyphens. */
export function findKbMentions(sentence: Sentence, index: AliasIndex): Mention[] {
  const out: Mention[] = [];
  const tokens = sentence.tokens;
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i]!;
    let matched: Variant | null = null;
    for (const v of index.byFirst.get(tok.norm) ?? []) {
      if (matchVariantAt(tokens, i, v)) {
        matched = v;
        break;
      }
    }
    if (matched) {
      const j = i + matched.tokens.length - 1;
      const last = tokens[j]!;
      out.push(kbMention(sentence, i, j, tok.start, last.end, sentenceText(tokens, i, j, tok, last), matched));
      i = j + 1;
      continue;
    }
    const compound = matchCompound(tok, index);
    if (compound) {
      const end = tok.start + compound.length;
      out.push(kbMention(sentence, i, i, tok.start, end, tok.text.slice(0, compound.length), compound.variant));
    }
    i++;
  }
  return out;
}

function sentenceText(tokens: Token[], i: number, j: number, first: Token, last: Token): string {
  if (i === j) return first.text;
  let s = '';
  for (let k = i; k <= j; k++) {
    const t = tokens[k]!;
    if (k > i) s += t.start > tokens[k - 1]!.end ? ' ' : '';
    s += t.text;
  }
  void last;
  return s;
}

// The stems as a set, built once per alias index (not once per token).
const STEM_SETS = new WeakMap<AliasIndex, ReadonlySet<string>>();
function demonymStemSet(index: AliasIndex): ReadonlySet<string> {
  let set = STEM_SETS.get(index);
  if (!set) {
    set = new Set(index.demonymStems.keys());
    STEM_SETS.set(index, set);
  }
  return set;
}

/** The knowledge-base prefix of a compound token (Nato-sjefen, SSC-8-missilene, amerikanskledede). */
function matchCompound(
  tok: Token,
  index: AliasIndex,
): { length: number; variant: { entryId: string; type: EntityType; form: Variant['form'] } } | null {
  const parts = tok.text.includes('-') || tok.text.includes('‐') ? tok.text.split(/[-‐]/) : [];
  if (parts.length > 1) {
    for (let k = parts.length - 1; k >= 1; k--) {
      const rest = parts.slice(k).join('-');
      if (!/^\p{Ll}/u.test(rest)) continue;
      const prefix = parts.slice(0, k).join('-');
      const norm = prefix.toLowerCase();
      for (const v of index.byFirst.get(norm) ?? []) {
        if (v.tokens.length !== 1 || v.form === 'genitive') continue;
        if (!tokenMatches(v, 0, prefix, true)) continue;
        return { length: prefix.length, variant: { entryId: v.entryId, type: v.type, form: v.form } };
      }
    }
  }
  // Closed demonym compounds: amerikanskledede, Taiwanskkontrollerte, norskchartret.
  const stemLen = closedCompoundStem(tok.norm, demonymStemSet(index), index.maxStem);
  if (stemLen > 0) {
    const id = index.demonymStems.get(tok.norm.slice(0, stemLen))!;
    const entry = index.kb.entries.get(id)!;
    return { length: stemLen, variant: { entryId: id, type: entry.type, form: 'demonym' } };
  }
  return null;
}

/** A capitalised span that no knowledge-base entry covers, with the cue that typed it. */
export interface NameCandidate {
  tokenStart: number;
  tokenEnd: number;
  genitive: boolean;
  type: EntityType;
  /** How sure the typing is: 2 = an explicit cue (title, appositive, party code), 1 = weaker context. */
  evidence: number;
}

/**
 * Unknown names in one sentence: runs of capitalised words that are not knowledge-base mentions,
 * not sentence-initial common words, not titles; typed from the words around them.
 */
export function findNameCandidates(
  sentence: Sentence,
  taken: ReadonlySet<number>,
  lang: LanguageResources,
  docCapitalised: ReadonlyMap<string, number>,
  docLowercase: ReadonlySet<string>,
): NameCandidate[] {
  const tokens = sentence.tokens;
  const out: NameCandidate[] = [];
  const { sets, titles } = lang;
  // Does the sentence have no lower-case letter at all? Asked per capitalised word, computed once.
  let noLowercase: boolean | undefined;
  const nameLike = (k: number): boolean => {
    const t = tokens[k]!;
    if (taken.has(k) || !isCapitalised(t) || isPunct(t)) return false;
    if (sets.nonNames.has(t.text) || sets.nonNames.has(t.text.replace(/s$/, ''))) return false;
    // "TV-kanalen", "EU-landene": a compound with a common-noun head is no proper name ("Ing-wen" is).
    if (/-\p{Ll}{4,}$/u.test(t.text)) return false;
    if (/^\p{Lu}+$/u.test(t.text) && t.text.length >= 4 && !/\d/.test(t.text) && !docCapitalised.has(t.text)) {
      // Words in capitals in headlines and kickers ("TETT PÅ:") are emphasis, not names.
      if (tokens[k + 1]?.text === ':' || (noLowercase ??= tokens.every((x) => !/\p{Ll}/u.test(x.text)))) return false;
    }
    return true;
  };
  // A kicker in capitals before a colon ("TETT PÅ: …") is emphasis, not a name.
  const colon = tokens.findIndex((t) => t.text === ':');
  const kickerEnd = colon > 0 && colon <= 4 && tokens.slice(0, colon).every((t) => !/\p{Ll}/u.test(t.text)) ? colon : 0;
  let i = kickerEnd;
  while (i < tokens.length) {
    if (!nameLike(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length) {
      const next = tokens[j + 1]!;
      if (nameLike(j + 1) && next.start - tokens[j]!.end <= 1) {
        j++;
        continue;
      }
      // Particles inside names: "Ursula von der Leyen", "Abu Bakr al-Baghdadi".
      let p = j + 1;
      while (p < tokens.length && lang.lexicon.givenNameParticles.includes(tokens[p]!.norm) && p - j <= 3) p++;
      if (p > j + 1 && p < tokens.length && nameLike(p)) {
        j = p;
        continue;
      }
      // A number closing a name: "Channel 12".
      if (/^\d{1,3}$/.test(next.text) && !taken.has(j + 1) && j === i && tokens[j + 2]?.text !== '.') {
        const after = tokens[j + 2];
        if (!after || !/^\p{L}/u.test(after.text) || !/^(år|prosent|millioner|personer)$/u.test(after.norm)) {
          j++;
        }
      }
      break;
    }
    let s = i;
    // Sentence-initial capital: drop a leading common word or title ("Utenriksminister Espen Barth Eide").
    while (s <= j) {
      const t = tokens[s]!;
      const initial = isSentenceInitial(tokens, s) || s > i;
      const common =
        sets.commonWords.has(t.norm) ||
        !!findTitle(lang, t.norm) ||
        lang.roleNouns.has(t.norm) ||
        sets.governmentNouns.has(t.norm) ||
        sets.titleCoref.has(t.norm) ||
        lang.cueForms.has(t.norm) ||
        sets.speechVerbs.has(t.norm);
      if (common && (initial || !!findTitle(lang, t.norm))) {
        s++;
        continue;
      }
      if (s === i && isSentenceInitial(tokens, s) && s === j) {
        // A lone capitalised word opening a sentence is a name only if the document capitalises it
        // elsewhere too, and never writes it in lower case.
        const seenMid = (docCapitalised.get(t.text) ?? 0) > 0;
        if (!seenMid || docLowercase.has(t.norm)) {
          s++;
          continue;
        }
      }
      break;
    }
    // "Secretary General Mark Rutte", "Defence Minister Boris Pistorius": titles written with capitals.
    for (let k = j - 1; k >= s; k--) {
      if (findTitle(lang, tokens[k]!.norm)) {
        s = k + 1;
        break;
      }
    }
    const span = tokens.slice(s, j + 1);
    const letters = span.map((t) => t.text).join('').replace(/[^\p{L}]/gu, '');
    // A single capital ("AP / N") or a bare number is no name; nor is one capitalised word that the
    // lexicons know as a common word or verb ("Brøt seg inn" in a run of headlines).
    const lone = s === j ? tokens[s]! : undefined;
    const known = !!lone && (sets.commonWords.has(lone.norm) || sets.verbForms.has(lone.norm) || lang.cueForms.has(lone.norm));
    if (s <= j && letters.length >= 2 && !known) {
      out.push(typeCandidate(tokens, s, j, lang));
    }
    i = j + 1;
  }
  return out;
}

function typeCandidate(tokens: Token[], s: number, e: number, lang: LanguageResources): NameCandidate {
  const { sets, titles } = lang;
  const last = tokens[e]!;
  const genitive = false;
  const before = tokens[s - 1];
  const before2 = tokens[s - 2];
  const after = tokens[e + 1];
  const after2 = tokens[e + 2];
  const n = e - s + 1;
  const hasDigit = tokens.slice(s, e + 1).some((t) => /\d/.test(t.text));
  const base = { tokenStart: s, tokenEnd: e, genitive };
  if (before && (findTitle(lang, before.norm) || sets.titleCoref.has(before.norm))) return { ...base, type: 'person', evidence: 2 };
  if (after?.text === '(' && after2 && /^\p{Lu}[\p{L}]{0,4}$/u.test(after2.text) && tokens[e + 3]?.text === ')' && n >= 2) {
    return { ...base, type: 'person', evidence: 2 };
  }
  if (before && sets.orgApposNouns.has(before.norm)) return { ...base, type: 'organization', evidence: 2 };
  if (before && sets.locationApposNouns.has(before.norm)) return { ...base, type: 'location', evidence: 2 };
  const lastNorm = last.norm;
  for (const suf of lang.lexicon.orgHeadSuffixes) {
    const sl = suf.toLowerCase();
    if (lastNorm.endsWith(sl) && lastNorm.length >= sl.length) return { ...base, type: 'organization', evidence: 2 };
  }
  if (before && sets.speechVerbs.has(before.norm) && !hasDigit) return { ...base, type: 'person', evidence: 1 };
  if (after && sets.speechVerbs.has(after.norm) && n >= 2) return { ...base, type: 'person', evidence: 1 };
  if (n >= 2 && !hasDigit && tokens.slice(s, e + 1).every((t) => /^\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*$/u.test(t.text))) {
    if (before && sets.placePrepositions.has(before.norm) && !(before2 && findTitle(lang, before2.norm))) {
      return { ...base, type: 'location', evidence: 1 };
    }
    return { ...base, type: 'person', evidence: 1 };
  }
  if (before && sets.placePrepositions.has(before.norm)) return { ...base, type: 'location', evidence: 1 };
  if (/^\p{Lu}{2,}$/u.test(last.text)) return { ...base, type: 'organization', evidence: 1 };
  return { ...base, type: 'other', evidence: 0 };
}
