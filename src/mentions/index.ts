// Finds mentions in sentences: knowledge-base names with their inflections and compounds, and unknown
// capitalised names typed from context cues (titles → person, "partiet" → organisation, "i" → location).

import type { EntityType, Mention, Sentence, Token } from '../types.js';
import {
  WORD_COMMON,
  WORD_GOVERNMENT_NOUN,
  WORD_SPEECH_VERB,
  WORD_TITLE_COREF,
  findTitle,
  isOrgApposNoun,
  wordInfoOf,
  type LanguageResources,
} from '../lang/index.js';
import { type AliasIndex, type Variant, tokenMatches } from './kbindex.js';
import { isTokenizerSentence, sentenceWordList } from '../text/words.js';
import { closedCompoundStem } from './morphology.js';
import { LETTER, LL, flagsAt, hasAsciiDigit, hasLower, isAllUpper, sizeAt, startsLetter, startsLower, startsUpper } from '../text/chars.js';

// The character tests below answer what the regular expressions in their comments answer (src/text/chars.ts).

/** `/^\p{Lu}/u.test(t.text)`. */
export function isCapitalised(t: Token): boolean {
  return startsUpper(t.text);
}

/** `/^[«"“„'(\[–—-]$/`: an opening quote, bracket or dash, which may stand before a sentence's first word. */
function isOpener(text: string): boolean {
  if (text.length !== 1) return false;
  const c = text.charCodeAt(0);
  return c === 0xab || c === 0x22 || c === 0x201c || c === 0x201e || c === 0x27 || c === 0x28 || c === 0x5b || c === 0x2013 || c === 0x2014 || c === 0x2d;
}

/** Is token i at the start of a sentence, a quote or a dialogue line (where capitals say nothing)? */
export function isSentenceInitial(tokens: Token[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const t = tokens[j]!.text;
    if (isOpener(t)) continue;
    return t === ':' || t === '.' || t === '–' || t === '—';
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

/**
 * A knowledge-base mention as findKbMentions makes it. A class only so that withEntity can tell its own mentions
 * from others: their fields are these, in this order (the order JSON output shows them in).
 */
class KbMention implements Mention {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  source: Mention['source'];
  sentence: number;
  tokenStart: number;
  tokenEnd: number;
  kbId: string;
  form: Mention['form'];
  constructor(sentence: number, i: number, j: number, start: number, end: number, text: string, v: { entryId: string; type: EntityType; form: Variant['form'] }) {
    this.start = start;
    this.end = end;
    this.text = text;
    this.type = v.type;
    this.source = 'kb';
    this.sentence = sentence;
    this.tokenStart = i;
    this.tokenEnd = j;
    this.kbId = v.entryId;
    this.form = v.form;
  }
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
  return new KbMention(sentence.index, i, j, start, end, text, v);
}

/**
 * A copy of a mention with its entity key: `{ ...m, entity }`, written out for findKbMentions' own mentions
 * (whose fields are known): the spread with an added key is many times slower.
 */
export function withEntity(m: Mention, entity: string): Mention {
  if (m instanceof KbMention) {
    return {
      start: m.start,
      end: m.end,
      text: m.text,
      type: m.type,
      source: m.source,
      sentence: m.sentence,
      tokenStart: m.tokenStart,
      tokenEnd: m.tokenEnd,
      kbId: m.kbId,
      form: m.form,
      entity,
    };
  }
  return { ...m, entity };
}

/** Knowledge-base mentions of one sentence, longest match first, compounds split at hyphens. */
export function findKbMentions(sentence: Sentence, index: AliasIndex): Mention[] {
  const out: Mention[] = [];
  const tokens = sentence.tokens;
  const words = sentenceWordList(sentence);
  // For the tokeniser's sentences a token has a hyphen exactly when its Word has (see Word.hyphenated).
  const ownTokens = isTokenizerSentence(sentence);
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i]!;
    let matched: Variant | null = null;
    // Only the variants whose second word is the next token's can match (and those of one word). What the index
    // says about a word is kept on its Word record (text/words.ts) for the index last asked about.
    const word = words[i]!;
    if (word.kbIndex !== index.id) {
      word.kbFirst = index.byFirstAndSecond.get(word.norm) ?? null;
      word.kbClosedStem = closedCompoundStem(word.norm, index.demonymStemSet, index.maxStem);
      word.kbIndex = index.id;
    }
    const first = word.kbFirst;
    if (first) {
      const next = i + 1 < tokens.length ? tokens[i + 1]!.norm : undefined;
      const list = (first.bySecond !== null && next !== undefined && first.bySecond.get(next)) || first.single;
      for (const v of list) {
        if (matchVariantAt(tokens, i, v)) {
          matched = v;
          break;
        }
      }
    }
    if (matched) {
      const j = i + matched.tokens.length - 1;
      const last = tokens[j]!;
      out.push(kbMention(sentence, i, j, tok.start, last.end, sentenceText(tokens, i, j, tok, last), matched));
      i = j + 1;
      continue;
    }
    const hyphen = ownTokens ? word.hyphenated : hasHyphen(tok.text);
    const compound = hyphen || word.kbClosedStem > 0 ? matchCompound(tok, hyphen, word.kbClosedStem, index) : null;
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

const NO_VARIANTS: readonly Variant[] = [];

/** Has the text a hyphen (- or ‐)? */
function hasHyphen(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2d || c === 0x2010) return true;
  }
  return false;
}

/** The knowledge-base prefix of a compound token (Nato-sjefen, SSC-8-missilene, amerikanskledede). */
function matchCompound(
  tok: Token,
  hyphen: boolean,
  closedStem: number,
  index: AliasIndex,
): { length: number; variant: { entryId: string; type: EntityType; form: Variant['form'] } } | null {
  const parts = hyphen ? tok.text.split(/[-‐]/) : [];
  if (parts.length > 1) {
    for (let k = parts.length - 1; k >= 1; k--) {
      // The rest (parts k… joined) must start with a lower-case letter.
      if (!startsLower(parts[k]!)) continue;
      const prefix = parts.slice(0, k).join('-');
      const norm = prefix.toLowerCase();
      for (const v of index.byFirst.get(norm) ?? NO_VARIANTS) {
        if (v.tokens.length !== 1 || v.form === 'genitive') continue;
        if (!tokenMatches(v, 0, prefix, true)) continue;
        return { length: prefix.length, variant: { entryId: v.entryId, type: v.type, form: v.form } };
      }
    }
  }
  // Closed demonym compounds: amerikanskledede, Taiwanskkontrollerte, norskchartret.
  // (closedCompoundStem(tok.norm, …), kept on the token's Word.)
  const stemLen = closedStem;
  if (stemLen > 0) {
    const id = index.demonymStems.get(tok.norm.slice(0, stemLen))!;
    const entry = index.kb.entries.get(id)!;
    return { length: stemLen, variant: { entryId: id, type: entry.type, form: 'demonym' } };
  }
  return null;
}

/** Document-level capitalisation statistics: they decide whether a sentence-initial word is a name. */
export interface CapitalisationStats {
  /** Capitalised words (as written) not at the start of a sentence, with their counts. */
  docCapitalised: Map<string, number>;
  /** The norms of the words written with a lower-case first letter. */
  docLowercase: Set<string>;
  /** The words written in lower case all through ("junta", not "al-Sharaa"). */
  docAllLowercase: Set<string>;
}

/** The capitalisation statistics of a document's sentences (what findNameCandidates takes). */
export function capitalisationStats(sentences: readonly Sentence[]): CapitalisationStats {
  const docCapitalised = new Map<string, number>();
  const docLowercase = new Set<string>();
  const docAllLowercase = new Set<string>();
  for (const s of sentences) {
    const tokens = s.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (startsUpper(t.text)) {
        if (!isSentenceInitial(tokens, i)) docCapitalised.set(t.text, (docCapitalised.get(t.text) ?? 0) + 1);
      } else if (startsLower(t.text)) {
        docLowercase.add(t.norm);
        if (t.text === t.norm) docAllLowercase.add(t.norm);
      }
    }
  }
  return { docCapitalised, docLowercase, docAllLowercase };
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

/** `/-\p{Ll}{4,}$/u`: a compound with a lower-case head of four letters or more ("TV-kanalen", "EU-landene"). */
function hasLowerCompoundHead(text: string): boolean {
  // Only the last hyphen can start it: a later one would stand in the lower-case run.
  const h = text.lastIndexOf('-');
  if (h < 0) return false;
  let count = 0;
  for (let i = h + 1; i < text.length; i += sizeAt(text, i)) {
    if ((flagsAt(text, i) & LL) === 0) return false;
    count++;
  }
  return count >= 4;
}

/** `/^\d{1,3}$/`. */
function isShortNumber(text: string): boolean {
  if (text.length === 0 || text.length > 3) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Nouns after which a number counts something ("Channel 12", but not "12 år"). */
const COUNT_NOUNS = new Set(['år', 'prosent', 'millioner', 'personer']);

/** Does the short number at token k close the name before it ("Channel 12") rather than count ("18 år")? */
export function numberClosesName(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (!t || !isShortNumber(t.text) || tokens[k + 1]?.text === '.') return false;
  const after = tokens[k + 1];
  return !after || !startsLetter(after.text) || !COUNT_NOUNS.has(after.norm);
}

/** The code units of the letters in a text: the length of `text.replace(/[^\p{L}]/gu, '')`. */
function letterUnits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; ) {
    const size = sizeAt(text, i);
    if ((flagsAt(text, i) & LETTER) !== 0) n += size;
    i += size;
  }
  return n;
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
  const words = sentenceWordList(sentence);
  const out: NameCandidate[] = [];
  const { sets } = lang;
  // Does the sentence have no lower-case letter at all? Asked per capitalised word, computed once.
  let noLowercase: boolean | undefined;
  const nameLike = (k: number): boolean => {
    const text = tokens[k]!.text;
    // A capital first letter (so no punctuation either).
    if (!startsUpper(text) || taken.has(k)) return false;
    // A known non-name, also with a final -s removed.
    if (sets.nonNames.has(text) || (text.charCodeAt(text.length - 1) === 0x73 && sets.nonNames.has(text.slice(0, -1)))) return false;
    // "TV-kanalen", "EU-landene": a compound with a common-noun head is no proper name ("Ing-wen" is).
    if (hasLowerCompoundHead(text)) return false;
    if (text.length >= 4 && isAllUpper(text) && !hasAsciiDigit(text) && !docCapitalised.has(text)) {
      // Words in capitals in headlines and kickers ("TETT PÅ:") are emphasis, not names.
      if (tokens[k + 1]?.text === ':' || (noLowercase ??= !tokens.some((x) => hasLower(x.text)))) return false;
    }
    return true;
  };
  // A kicker in capitals before a colon ("TETT PÅ: …") is emphasis, not a name: the first colon, if it is
  // one of the first five tokens.
  let colon = -1;
  for (let k = 0; k < tokens.length && k <= 4; k++) {
    if (tokens[k]!.text === ':') {
      colon = k;
      break;
    }
  }
  let kickerEnd = 0;
  if (colon > 0) {
    kickerEnd = colon;
    for (let k = 0; k < colon; k++) {
      if (hasLower(tokens[k]!.text)) {
        kickerEnd = 0;
        break;
      }
    }
  }
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
      while (p < tokens.length && sets.givenNameParticles.has(tokens[p]!.norm) && p - j <= 3) p++;
      if (p > j + 1 && p < tokens.length && nameLike(p)) {
        j = p;
        continue;
      }
      // A number closing a name: "Channel 12".
      if (!taken.has(j + 1) && j === i && numberClosesName(tokens, j + 1)) j++;
      break;
    }
    let s = i;
    // Sentence-initial capital: drop a leading common word or title ("Utenriksminister Espen Barth Eide").
    while (s <= j) {
      const t = tokens[s]!;
      const initial = isSentenceInitial(tokens, s) || s > i;
      // A common word, title, role noun, government noun, title noun, cue word or verb of saying.
      const info = wordInfoOf(lang, words[s]!);
      const title = !!info.title;
      const common =
        (info.classes & (WORD_COMMON | WORD_GOVERNMENT_NOUN | WORD_TITLE_COREF | WORD_SPEECH_VERB)) !== 0 ||
        title ||
        info.roleNoun !== undefined ||
        info.cues.length > 0;
      if (common && (initial || title)) {
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
    // A single capital ("AP / N") or a bare number is no name (two letters at least); nor is one capitalised
    // word that the lexicons know as a common word or verb ("Brøt seg inn" in a run of headlines).
    let letters = 0;
    for (let k = s; k <= j && letters < 2; k++) letters += letterUnits(tokens[k]!.text);
    const lone = s === j ? tokens[s]! : undefined;
    const known = !!lone && (sets.commonWords.has(lone.norm) || sets.verbForms.has(lone.norm) || lang.cueForms.has(lone.norm));
    if (s <= j && letters >= 2 && !known) {
      out.push(typeCandidate(tokens, s, j, lang));
    }
    i = j + 1;
  }
  return out;
}

function candidate(tokenStart: number, tokenEnd: number, type: EntityType, evidence: number): NameCandidate {
  return { tokenStart, tokenEnd, genitive: false, type, evidence };
}

/** `/^\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*$/u`: a capitalised word with a lower-case letter after the first. */
/** Articles and relative pronouns of an apposition ("X, an alliance which ..."): closed word classes. */
const APPOS_ARTICLES = new Set(['a', 'an', 'the', 'en', 'ei', 'et', 'ein', 'eit']);
const APPOS_RELATIVES = new Set(['which', 'that', 'who', 'som']);

/** The capitals that open a name's words, upper case ("International Institute for Strategic Studies": IISS). */
export function capitalInitials(words: readonly string[]): string {
  let out = '';
  for (const w of words) for (const part of w.split('-')) if (/^\p{Lu}/u.test(part)) out += part.charAt(0);
  return out.toUpperCase();
}

const NAME_WORD_RE = /^\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*$/u;

/** The type of the name candidate spanning tokens s…e, from the words around it. */
export function typeCandidate(tokens: Token[], s: number, e: number, lang: LanguageResources): NameCandidate {
  const { sets } = lang;
  const last = tokens[e]!;
  const before = tokens[s - 1];
  const before2 = tokens[s - 2];
  const after = tokens[e + 1];
  const after2 = tokens[e + 2];
  const n = e - s + 1;
  let hasDigit = false;
  for (let k = s; k <= e && !hasDigit; k++) hasDigit = hasAsciiDigit(tokens[k]!.text);
  if (before && (findTitle(lang, before.norm) || sets.titleCoref.has(before.norm))) return candidate(s, e, 'person', 2);
  // ... or a title with the name in apposition after it ("Haiti's prime minister, Alix Fils-Aimé, said").
  if (before?.text === ',' && before2 && /^\p{Ll}/u.test(before2.text) && findTitle(lang, before2.norm) && n <= 4) return candidate(s, e, 'person', 2);
  // A name compounded with a place noun: "Batken-regionen", "Evin-fengselet".
  if (n === 1 && compoundPlace(last, sets.locationApposNouns)) return candidate(s, e, 'location', 2);
  // A place's head word last: "Second Thomas Shoal", "Batken Region", "Evin Prison".
  if (n >= 2 && sets.locationHeads.has(last.text)) return candidate(s, e, 'location', 2);
  // A treaty's head word last ("Indus Waters Treaty", "Good Friday Agreement"), or compounded ("Prespa-avtalen").
  if ((n >= 2 && sets.agreementHeads.has(last.text)) || (n === 1 && compoundAgreement(last, sets.agreementHeads))) return candidate(s, e, 'agreement', 2);
  // (A body's head noun first: "National Liberation Army (ELN)" is no person with a party code.)
  const lastNorm = last.norm;
  for (const sl of lang.orgHeadSuffixes) {
    if (lastNorm.endsWith(sl)) return candidate(s, e, 'organization', 2);
  }
  // ... or first, before a lower-case preposition ("Frigjøringsfronten for Azawad", "Institutt for forsvarsstudier").
  if (n >= 3 && /^\p{Ll}/u.test(tokens[s + 1]!.text) && sets.prepositions.has(tokens[s + 1]!.norm)) {
    const firstNorm = tokens[s]!.norm;
    for (const sl of lang.orgHeadSuffixes) if (firstNorm.endsWith(sl)) return candidate(s, e, 'organization', 2);
  }
  if (after?.text === '(' && after2 && /^\p{Lu}[\p{L}]{0,4}$/u.test(after2.text) && tokens[e + 3]?.text === ')' && n >= 2) {
    // (Unless it is the name's abbreviation: "International Institute for Strategic Studies (IISS)" is a body.)
    return candidate(s, e, after2.text.toUpperCase() === capitalInitials(tokens.slice(s, e + 1).map((t) => t.text)) ? 'organization' : 'person', 2);
  }
  // A name with a body's noun in apposition after it ("Viv Ansanm, an alliance led by ...", "X, a militia that ..."):
  // a body. (The noun ends its phrase: "X, a party official" is a person.)
  if (after?.text === ',' && after2 && APPOS_ARTICLES.has(after2.norm)) {
    for (let k = e + 3; k <= e + 5 && k < tokens.length; k++) {
      const t = tokens[k]!;
      if (!/^\p{Ll}/u.test(t.text)) break;
      if (!sets.orgApposNouns.has(t.norm) && !lang.orgHeadSuffixes.includes(t.norm)) continue;
      const next = tokens[k + 1];
      const ends = !next || !/^\p{L}/u.test(next.text) || sets.prepositions.has(next.norm) || APPOS_RELATIVES.has(next.norm) || (lang.language === 'en' && /^\p{Ll}+ed$/u.test(next.text));
      if (ends) return candidate(s, e, 'organization', 2);
      break;
    }
  }
  if (before && sets.orgApposNouns.has(before.norm)) return candidate(s, e, 'organization', 2);
  // (... or a compound ending in one: "jihadistgruppen JNIM", "gjengalliansen Viv Ansanm".)
  if (before && /^\p{Ll}/u.test(before.text) && isOrgApposNoun(lang, before.norm)) return candidate(s, e, 'organization', 2);
  if (before && sets.locationApposNouns.has(before.norm)) return candidate(s, e, 'location', 2);
  // "the town of Ann", "the region of Tigray"; "Rakhine state", "Kherson region" (the place noun in lower case).
  if (before && before2 && sets.genitivePrepositions.has(before.norm) && sets.locationApposNouns.has(before2.norm)) return candidate(s, e, 'location', 2);
  if (after && after.text === after.norm && sets.locationApposNouns.has(after.norm)) return candidate(s, e, 'location', 2);
  // ... and a body's: "the Viv Ansanm coalition", "the Wagner group" (a lower-case body noun right after the name).
  if (after && after.text === after.norm && sets.orgApposNouns.has(after.norm)) return candidate(s, e, 'organization', 2);
  if (before && sets.speechVerbs.has(before.norm) && !hasDigit) return candidate(s, e, 'person', 1);
  if (after && sets.speechVerbs.has(after.norm) && n >= 2) return candidate(s, e, 'person', 1);
  if (n >= 2 && !hasDigit && tokens.slice(s, e + 1).every((t) => NAME_WORD_RE.test(t.text))) {
    if (before && sets.placePrepositions.has(before.norm) && !(before2 && findTitle(lang, before2.norm))) {
      return candidate(s, e, 'location', 1);
    }
    return candidate(s, e, 'person', 1);
  }
  if (before && sets.placePrepositions.has(before.norm)) return candidate(s, e, 'location', 1);
  // /^\p{Lu}{2,}$/u: two capitals or more.
  if (isAllUpper(last.text) && sizeAt(last.text, 0) < last.text.length) return candidate(s, e, 'organization', 1);
  return candidate(s, e, 'other', 0);
}

/**
 * A capitalised name compounded with a treaty noun, with a hyphen or without ("Prespa-avtalen", "Parisavtalen",
 * "Dayton-avtalen"): at least three letters before the noun, so "Avtalen" opening a sentence is no name.
 */
export function compoundAgreement(tok: { text: string }, nouns: ReadonlySet<string>): boolean {
  if (!/^\p{Lu}/u.test(tok.text)) return false;
  const cut = Math.max(tok.text.lastIndexOf('-'), tok.text.lastIndexOf('‐'));
  if (cut > 0) {
    const tail = tok.text.slice(cut + 1);
    return /^\p{Ll}+$/u.test(tail) && nouns.has(tail);
  }
  const low = tok.text.toLowerCase();
  if (low !== tok.text.charAt(0).toLowerCase() + tok.text.slice(1)) return false;
  for (const noun of nouns) if (low.length >= noun.length + 3 && low.endsWith(noun) && /^\p{Ll}+$/u.test(noun)) return true;
  return false;
}

/** A capitalised name with a hyphen and a place noun after it ("Batken-regionen", "Evin-fengselet"). */
export function compoundPlace(tok: { text: string }, placeNouns: ReadonlySet<string>): boolean {
  const cut = Math.max(tok.text.lastIndexOf('-'), tok.text.lastIndexOf('‐'));
  if (cut <= 0 || !/^\p{Lu}/u.test(tok.text)) return false;
  const tail = tok.text.slice(cut + 1);
  return /^\p{Ll}+$/u.test(tail) && placeNouns.has(tail);
}
