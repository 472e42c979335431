// Unknown names found by the statistical tagger (src/ner): in languages a tagger model covers, its spans replace
// the capitalisation rules of findNameCandidates. Knowledge-base mentions stay what they are (the knowledge base
// links and types the names it knows); a span that touches one is left to it. The tagger's own type is mapped to
// the ontology (ontologyTypeOf) for the names the knowledge base does not know, unless an explicit cue next to
// the name says otherwise (a title before it: a person; "partiet", "TV-kanalen" before it: an organisation).

import type { EntityType, Mention, Sentence } from '../types.js';
import type { Tagger } from '../ner/tagger.js';
import { kbTagsFromMentions, ontologyTypeOf, taggerInputs, withGazetteers } from '../ner/kb.js';

/** A name and a lower-case word joined by hyphens: "Kenya-led", "U.S.-backed", "Nato-ledede", "Iran-friendly". */
const MODIFIER_COMPOUND = /^\p{Lu}[\p{L}\p{N}.]*(?:-\p{L}[\p{L}\p{N}.]*)*-\p{Ll}+$/u;
import { titleEnd } from '../ner/corpora.js';
import { KgError } from '../errors.js';
import { compoundAgreement, compoundPlace, isSentenceInitial, numberClosesName, typeCandidate, type NameCandidate } from './index.js';
import { startsLower, startsUpper } from '../text/chars.js';
import { findTitle, isOrgApposNoun, titleMatcher, type LanguageResources } from '../lang/index.js';
import { wordsOfForms } from '../text/words.js';
import { abbreviationGroups } from '../syntax/analyse.js';
import { datelineLength } from '../text/tokenize.js';

/** A tagged sentence's entity spans, read from tag indices (0 = O, 2t+1 = B-type t, 2t+2 = I-type t). */
export interface IndexSpan {
  /** NorNE type (the tagger's types[t]). */
  type: string;
  /** First and last token, inclusive. */
  start: number;
  end: number;
}

/** Spans of a tag-index sequence (its first n tags), conlleval's way (as tagsToSpans reads tag strings). */
export function spansOfIndices(tags: Int32Array, types: readonly string[], n = tags.length): IndexSpan[] {
  const out: IndexSpan[] = [];
  let cur: IndexSpan | null = null;
  let curType = -1;
  for (let i = 0; i < n; i++) {
    const tag = tags[i]!;
    if (tag === 0) {
      if (cur) out.push(cur);
      cur = null;
      curType = -1;
      continue;
    }
    const t = (tag - 1) >> 1;
    const begins = (tag & 1) === 1;
    if (begins || !cur || curType !== t) {
      if (cur) out.push(cur);
      cur = { type: types[t]!, start: i, end: i };
      curType = t;
    } else {
      cur.end = i;
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** The tags of the sentence being read (reused: findTaggedCandidates reads them before it returns). */
let tagBuffer = new Int32Array(256);

/**
 * Are the knowledge-base mentions that overlap tokens s…e all demonyms inside that span, each shorter than it
 * (so that the name is more than the demonym)?
 */
function demonymsInside(kbMentions: readonly Mention[], s: number, e: number): boolean {
  for (const m of kbMentions) {
    if (m.tokenEnd < s || m.tokenStart > e) continue;
    if (m.form !== 'demonym' || m.tokenStart < s || m.tokenEnd > e || m.tokenEnd - m.tokenStart >= e - s) return false;
  }
  return true;
}

/** Is the span only punctuation, digits or a single letter ("AP / N")? Such spans are no names. */
function tooThin(sentence: Sentence, s: number, e: number): boolean {
  let letters = 0;
  for (let k = s; k <= e; k++) {
    for (const ch of sentence.tokens[k]!.text) if (/\p{L}/u.test(ch) && ++letters >= 2) return false;
  }
  return true;
}

/**
 * Name candidates of one sentence from the tagger. `kbMentions` are the sentence's knowledge-base mentions
 * (findKbMentions), which also give the tagger its knowledge-base feature. A tagged name that a demonym of the
 * knowledge base stands inside ("Den norske kirke", "Norsk Folkehjelp", "Institutt for … nordiske studier") is
 * a name of its own, not the country: such demonym mentions are added to `overruled`, for the caller to drop.
 */
export function findTaggedCandidates(
  sentence: Sentence,
  kbMentions: readonly Mention[],
  tagger: Tagger,
  lang: LanguageResources,
  overruled?: Mention[],
  pos?: readonly string[],
): NameCandidate[] {
  const tokens = sentence.tokens;
  if (tokens.length === 0) return [];
  const n = tokens.length;
  const words = new Array<string>(n);
  for (let k = 0; k < n; k++) words[k] = tokens[k]!.text;
  if (tagBuffer.length < n) tagBuffer = new Int32Array(2 * n);
  if (tagger.usesPos && (!pos || pos.length !== n)) throw new KgError('INVALID_SETTING', 'this entity tagger uses parts of speech: one per token is needed');
  const kbTags = tagger.usesKb ? withGazetteers(kbTagsFromMentions(tokens, kbMentions), words, { places: tagger.usesPlaces, names: tagger.usesNames }) : undefined;
  const inputs = taggerInputs(kbTags, tagger.usesPos ? pos : undefined);
  // A dateline ("DOHA (NTB):") is tagged apart: the word after it opens the sentence, capitalised as any first word.
  const d = datelineLength(tokens);
  let tags: Int32Array;
  // An abbreviation or initial with its dot ("Gen" ".", "bl" "." "a" ".") is one word to the tagger, as its training
  // data write it; the word's tag goes to its first token and runs on over the dots.
  const groups = d === 0 ? abbreviationGroups(words, lang.sets.abbreviations) : undefined;
  if (groups) {
    const merged = tagger.tagIndices(groups.map((g) => g.map((k) => words[k]).join('')), inputs ? groups.map((g) => inputs[g[0]!]!) : undefined);
    groups.forEach((g, w) => {
      const x = merged[w]!;
      g.forEach((k, j) => (tagBuffer[k] = j === 0 || x === 0 ? x : x % 2 === 1 ? x + 1 : x));
    });
    tags = tagBuffer;
  } else if (d === 0) tags = tagger.tagIndices(words, inputs, wordsOfForms(sentence), tagBuffer);
  else {
    const slots = wordsOfForms(sentence);
    const head = tagger.tagIndices(words.slice(0, d), inputs?.slice(0, d), slots?.slice(0, d));
    const rest = tagger.tagIndices(words.slice(d), inputs?.slice(d), slots?.slice(d));
    tagBuffer.set(head.subarray(0, d), 0);
    tagBuffer.set(rest.subarray(0, n - d), d);
    tags = tagBuffer;
  }
  const isTitle = titleMatcher(lang);
  const honorific = honorifics(lang);
  /** A capitalised word that can be a word of a name: no title, honorific, non-name or common word. */
  const plain = (j: number) => NAME_WORD.test(words[j]!) && isTitle(words, j) === 0 && !honorific.has(words[j]!.toLowerCase()) && !lang.sets.nonNames.has(words[j]!.toLowerCase()) && !lang.sets.commonWords.has(words[j]!.toLowerCase());
  // Tokens of knowledge-base mentions: 1, or 2 for a demonym only.
  const taken = new Uint8Array(tokens.length);
  for (const m of kbMentions) {
    const mark = m.form === 'demonym' ? 2 : 1;
    for (let k = m.tokenStart; k <= m.tokenEnd; k++) if (taken[k] !== 1) taken[k] = mark;
  }
  const out: NameCandidate[] = [];
  // A person's name with lower-case particles inside ("Ursula von der Leyen", "Ahmed bin Ali"), which the tagger
  // may cut in two at them, is one name.
  const spans = spansOfIndices(tags, tagger.types, n);
  for (let k = spans.length - 1; k > 0; k--) {
    const a = spans[k - 1]!;
    const b = spans[k]!;
    const gap = b.start - a.end - 1;
    if (a.type !== 'PER' || b.type !== 'PER' || gap < 1 || gap > 3) continue;
    let particles = true;
    for (let j = a.end + 1; j < b.start; j++) if (!lang.sets.givenNameParticles.has(words[j]!)) particles = false;
    if (!particles) continue;
    a.end = b.end;
    spans.splice(k, 1);
  }
  // Two people joined by a coordinator are two names ("Ali and Maduro", "Støre og Kristersson"): a person's name
  // has no "and" inside.
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k]!;
    if (span.type !== 'PER') continue;
    for (let j = span.start + 1; j < span.end; j++) {
      if (!/^(?:and|og|&)$/i.test(words[j]!) || !/^\p{Lu}/u.test(words[j - 1]!) || !/^\p{Lu}/u.test(words[j + 1]!)) continue;
      spans.splice(k + 1, 0, { ...span, start: j + 1 });
      span.end = j - 1;
      break;
    }
  }
  for (const span of spans) {
    // A name joined by a hyphen to a lower-case word opening a longer span ("the Kenya-led Multinational Security
    // Support mission", "den USA-støttede Syriske demokratiske styrker") is a modifier of the name after it: the
    // span starts after it (the knowledge base, or compoundParticiples, reads the name inside the modifier).
    while (span.end > span.start && MODIFIER_COMPOUND.test(words[span.start]!) && /^\p{Lu}/u.test(words[span.start + 1]!)) span.start++;
    // The sentence's first word, capitalised only for being first, that is a body's appositive noun or a compound
    // ending in one ("Opposisjonspartiet MDP anklaget ...", "Selskapet Equinor", "The group Hamas"): the noun the name
    // stands beside, not a word of it (lexicon: orgApposNouns).
    if (span.type !== 'PER' && span.start === d && span.end > span.start && /^\p{Lu}\p{Ll}+$/u.test(words[span.start]!) && /^\p{Lu}/u.test(words[span.start + 1]!) && isOrgApposNoun(lang, words[span.start]!.toLowerCase())) span.start++;
    // In a language whose names end in a capitalised word (English, not Norwegian: "Institutt for forsvarsstudier"),
    // a lower-case word closing a span is the common noun the name modifies ("the Nordic country's own submarines").
    if (lang.lexicon.namesEndCapitalised && span.type !== 'PER') {
      while (span.end > span.start && /^\p{Ll}+(?:['’]s?)?$/u.test(words[span.end]!)) span.end--;
    }
    // A body's name that goes on with "of"/"for" runs through the capitalised words after it ("the Department of Foreign
    // Affairs" tagged up to "Foreign"): words nothing else claims, no title, month or common word.
    if (lang.lexicon.namesEndCapitalised && span.type !== 'PER' && span.end - span.start >= 2 && NAME_PREPOSITIONS.has(words[span.end - 1]!.toLowerCase())) {
      const free = (j: number) => j < n && taken[j] === 0 && plain(j) && !monthWords(lang).has(words[j]!.toLowerCase());
      while (free(span.end + 1) && spans.every((o) => o === span || o.start !== span.end + 1)) span.end++;
    }
    // A person's titles and honorifics are not the name ("Secretary of State X", "Prime Minister Y"): the
    // name keeps its own words, and a title before it, cut or not, makes it a person by an explicit cue.
    let titled = false;
    // A title inside a span of another type, with a name after it and nothing but known names before it
    // ("Indian Foreign Minister Rahul Mehta" read as one organisation): the words after the title are a person.
    if (span.type !== 'PER') {
      for (let t = span.start; t < span.end; t++) {
        // (Office words may stand between the owner and the title: "Sri Lankan Deputy Finance Minister X".)
        // (A lower-case title is no word of a name wherever it stands: "Army spokesman Maj. Gen. X" read as one thing.)
        if (t > span.start && taken[t - 1] === 0 && (taken[span.start] === 0 || t - span.start > 5) && !/^\p{Ll}/u.test(words[t]!)) break;
        const len = isTitle(words, t);
        // (An honorific opens a person's name only where the span starts: "Maj. Gen. Zaw Min Tun" read as a thing.)
        if (len === 0 || (t > span.start && honorific.has(words[t]!.toLowerCase().replace(/\.$/, '')))) continue;
        if (t + len <= span.end && /^\p{Lu}/u.test(words[t + len]!)) {
          span.type = 'PER';
          span.start = t;
          // (The person's name is the run of capitalised words after the title: "... Karl Lund of Sweden" ends at Lund.)
          let e = t + len;
          while (e + 1 <= span.end && (/^\p{Lu}/u.test(words[e + 1]!) || words[e + 1] === '.')) e++;
          span.end = e;
        } else if (t + len - 1 === span.end) span.type = '';
        break;
      }
    }
    // (A span that is a title with its owner's name or demonym before it, "Indian Foreign Minister", names nobody.)
    if (span.type === '') continue;
    if (span.type === 'PER') {
      // A title that starts before the span and runs into it ("Secretary of" + "State Maria Olvera"): the name
      // starts after it.
      for (let k = Math.max(0, span.start - 4); k < span.start; k++) {
        const len = isTitle(words, k);
        if (k + len > span.start && k + len <= span.end) {
          span.start = k + len;
          titled = true;
          break;
        }
      }
      const from = titleEnd(span.start, span.end, (k) => isTitle(words, k));
      titled = titled || from > span.start || titleBefore(words, span.start, isTitle);
      span.start = from;
      // A capitalised word the tagger left out between a title and the name is the name's first word ("Foreign
      // Minister Subrahmanyam Jaishankar").
      const j = span.start - 1;
      if (j > 0 && taken[j] === 0 && NAME_WORD.test(words[j]!) && isTitle(words, j) === 0 && !honorific.has(words[j]!.toLowerCase()) && titleBefore(words, j, isTitle)) {
        span.start = j;
        titled = true;
      }
      // A surname with a lower-case particle joined by a hyphen ("Abdel Fattah al-Sisi", "Izz ad-Din") belongs to the name.
      while (span.end + 1 < n && taken[span.end + 1] !== 1 && /^\p{Ll}{1,3}-\p{Lu}\p{L}+$/u.test(words[span.end + 1]!)) span.end++;
      // "Karl Lund of Sweden", "Kari Dahl fra Norge": a known name after a lower-case word is the person's owner or
      // origin, not part of the name.
      for (let k = span.start + 1; k < span.end; k++) {
        // (So does any capitalised phrase after "of"/"from": "Anna Berg of the Green Party" is a person of a party.)
        const of = PERSON_OF.test(words[k]!) && /^\p{Lu}/u.test(words[words[k + 1]?.toLowerCase() === 'the' ? k + 2 : k + 1] ?? '');
        if (/^\p{Ll}/u.test(words[k]!) && (taken[k + 1] !== 0 || of) && !/^\p{Ll}{1,3}-\p{Lu}/u.test(words[k]!)) {
          span.end = k - 1;
          break;
        }
      }
      // "Ana Lindqvist and Mr": a coordinator or comma and an honorific after the name belong to the next one.
      while (span.end - span.start >= 2 && honorific.has(words[span.end]!.toLowerCase().replace(/\.$/, '')) && /^(?:,|and|og|&)$/i.test(words[span.end - 1]!)) span.end -= 2;
      // A person's name ends in a word of the name, not in "of the" ("Mark Hill of the U.S. Army").
      while (span.end > span.start && /^\p{Ll}/u.test(words[span.end]!) && !/^\p{Ll}{1,3}-\p{Lu}/u.test(words[span.end]!)) span.end--;
      // Titles and honorifics alone name nobody ("Gen" in "Senior Gen. Min Aung Hlaing", "Mr" before its full stop).
      if (isTitle(words, span.start) >= span.end - span.start + 1) continue;
    }
    // A given name that is also a state's or a place's, right after a title and before the rest of the person's name
    // ("Forsvarsminister Israel Katz", "Defence Minister Israel Katz"): the person's first name, not the state.
    let givenPlace = false;
    if (span.type === 'PER') {
      const j = taken[span.start] === 1 ? span.start : span.start - 1;
      const place = j >= 1 && j < span.end ? kbMentions.find((m) => m.tokenStart === j && m.tokenEnd === j && m.form === 'name' && (m.type === 'country' || m.type === 'location')) : undefined;
      if (place && titleBefore(words, j, isTitle) && NAME_WORD.test(words[j + 1]!)) {
        span.start = j;
        givenPlace = kbMentions.every((m) => m === place || m.tokenEnd < span.start || m.tokenStart > span.end);
      }
    }
    let overlaps = 0;
    for (let k = span.start; k <= span.end; k++) overlaps |= taken[k]!;
    // A name the knowledge base knows, inside a longer tagged name that goes on with "of"/"for"/"av" and more
    // capitalised words ("Nordic Council of Ministers", "Bank of England"), is part of another body's name.
    // A person's name with a weapon's name as its surname ("Alparslan Bayraktar", "Mikhail Kalashnikov"): the tagger's
    // person, given name first, overrules the knowledge base's product.
    const overlapping = (overlaps & 1) !== 0 ? kbMentions.filter((m) => m.tokenStart <= span.end && m.tokenEnd >= span.start) : [];
    const namesake = span.type === 'PER' && overlapping.length > 0 && overlapping.every((m) => m.type === 'weapon' && m.tokenStart > span.start && m.tokenEnd <= span.end);
    const extending = namesake || givenPlace || ((overlaps & 1) !== 0 && span.type !== 'PER' && extendsKnownName(tokens, kbMentions, span.start, span.end, stateBodyHeads(lang), (w) => !!findTitle(lang, w)));
    if (!extending && ((overlaps & 1) !== 0 || (overlaps === 2 && !demonymsInside(kbMentions, span.start, span.end)))) continue;
    // A month and a day number are a date, not a name ("OTTAWA, Dec 3 (Reuters)", "on Nov. 30"): "Jan" is a name only
    // where no number follows it.
    if (isDate(tokens, span.start, span.end, lang)) continue;
    // A state's ministry or office named by its function right after the state's genitive ("Russia's Defence
    // Ministry", "China's Foreign Ministry") is the state's own body, like "Russia's defence ministry": no name of a
    // body of its own, but the stand-in noun the relation rules read as the state.
    if (stateBody(tokens, kbMentions, span.start, span.end, lang)) continue;
    const type = ontologyTypeOf(span.type, null);
    // DRV ("Oslo-mannen") names no entity by itself.
    if (!type) continue;
    const code = partyCode(tokens, span.start, span.end);
    if (tooThin(sentence, span.start, span.end) && !code) continue;
    // The rules' typing counts where it rests on an explicit cue (evidence 2); weaker context is the tagger's.
    const cue = typeCandidate(tokens, span.start, span.end, lang);
    const c: NameCandidate = code
      ? { tokenStart: span.start, tokenEnd: span.end, genitive: false, type: 'organization', evidence: 2 }
      : titled && type === 'person'
        ? { tokenStart: span.start, tokenEnd: span.end, genitive: cue.genitive, type: 'person', evidence: 2 }
        : cue.evidence >= 2
        ? cue
        : weaponContext(sentence, span.start, span.end, lang)
          ? { ...cue, type: 'weapon', evidence: 2 }
          : { tokenStart: span.start, tokenEnd: span.end, genitive: false, type, evidence: 1 };
    // Capitalised words right before a body's or thing's name, inside the sentence, that nothing else claims, are
    // the name's first words ("the Coastal Defence Apparatus" tagged from "Defence" on): a title, an honorific, a
    // known name, a word in capitals, a compound ending in a lower-case word ("TV-kanalen", "Kenya-led") or another
    // tagged name before it is not.
    if (c.type !== 'person') {
      const free = (j: number) => j > 0 && taken[j] === 0 && NAME_WORD.test(words[j]!) && !MODIFIER_COMPOUND.test(words[j]!) && !/^\p{Lu}+$/u.test(words[j]!) && isTitle(words, j) === 0 && !honorific.has(words[j]!.toLowerCase()) && spans.every((o) => o.end !== j);
      while (free(c.tokenStart - 1)) c.tokenStart--;
    }
    // A number closing the name of a channel, product or event ("Channel 12", "TV 2", "Apollo 11").
    const next = c.tokenEnd + 1;
    if (c.type !== 'person' && taken[next] !== 1 && numberClosesName(tokens, next)) c.tokenEnd = next;
    // A regnal number closes a person's name ("Harald V", "Charles III").
    if (c.type === 'person' && taken[next] !== 1 && REGNAL.test(tokens[next]?.text ?? '')) c.tokenEnd = next;
    out.push(c);
    for (let k = c.tokenStart; k <= c.tokenEnd; k++) taken[k] = 1;
    if ((overlaps === 2 || extending) && overruled) {
      for (const m of kbMentions) if (m.tokenStart <= span.end && m.tokenEnd >= span.start) overruled.push(m);
    }
  }
  // Designations the tagger does not see as names ("rakettsystemet kalt 9M729", "the S-400 system"): a code of
  // capitals and digits next to a weapon noun names a weapon system.
  for (let k = 0; k < tokens.length; k++) {
    const text = tokens[k]!.text;
    const c0 = text.charCodeAt(0);
    // Most tokens start with a lower-case letter: one comparison rules them out before any regex runs.
    if (!((c0 >= 48 && c0 <= 57) || (c0 >= 65 && c0 <= 90) || c0 > 127)) continue;
    if (taken[k] === 1) continue;
    const designation = DESIGNATION.test(text) && /\d/.test(text) && /\p{Lu}/u.test(text);
    // (Or a proper noun of its own right before a weapon noun, after an owner, a determiner or a number: "Greece's
    // Rafale fighters", "its Patriot batteries", "24 Leopard tanks".)
    const before = tokens[k - 1]?.text ?? '';
    const named = !designation && taken[k] === 0 && pos?.[k] === 'PROPN' && NAME_WORD.test(text) && k > 0 && (!/^\p{Lu}/u.test(before) || /['’]s?$/u.test(before)) && nextIsWeaponNoun(sentence, k, lang);
    if (!designation && !named) continue;
    if (named || weaponContext(sentence, k, k, lang)) out.push({ tokenStart: k, tokenEnd: k, genitive: false, type: 'weapon', evidence: 2 });
  }
  // Places the tagger missed, named by the place noun before them ("the town of Paletwa", "landsbyen Hlegu"): the
  // run of capitalised words after it.
  for (let k = 1; k < tokens.length; k++) {
    if (taken[k] === 1 || !/^\p{Lu}/u.test(tokens[k]!.text) || !NAME_WORD.test(tokens[k]!.text)) continue;
    const b = tokens[k - 1]!;
    const named = lang.sets.locationApposNouns.has(b.norm) || (k >= 2 && lang.sets.genitivePrepositions.has(b.norm) && lang.sets.locationApposNouns.has(tokens[k - 2]!.norm));
    if (!named || !/^\p{Ll}/u.test(b.text)) continue;
    let e = k;
    while (e + 1 < tokens.length && taken[e + 1] !== 1 && /^\p{Lu}/u.test(tokens[e + 1]!.text) && NAME_WORD.test(tokens[e + 1]!.text)) e++;
    out.push({ tokenStart: k, tokenEnd: e, genitive: false, type: 'location', evidence: 2 });
    for (let j = k; j <= e; j++) taken[j] = 1;
    k = e;
  }
  // ... and places written as a name compounded with a place noun ("Batken-regionen", "Hiiraan-regionen").
  for (let k = 0; k < tokens.length; k++) {
    if (taken[k] === 0 && compoundPlace(tokens[k]!, lang.sets.locationApposNouns)) {
      out.push({ tokenStart: k, tokenEnd: k, genitive: false, type: 'location', evidence: 2 });
      taken[k] = 1;
    }
  }
  // ... and treaties the same way ("Prespa-avtalen", "Parisavtalen"), when not at a sentence's start; a known place
  // inside the word is the treaty's first part, not a mention of its own ("Minsk-avtalen", "Tromsø-erklæringen").
  for (let k = 1; k < tokens.length; k++) {
    const tok = tokens[k]!;
    if (taken[k] === 2 || !compoundAgreement(tok, lang.sets.agreementHeads)) continue;
    const inside = taken[k] === 1 ? kbMentions.filter((m) => m.tokenStart <= k && m.tokenEnd >= k) : [];
    if (inside.some((m) => m.tokenStart !== k || m.tokenEnd !== k || m.end >= tok.end) || (taken[k] === 1 && inside.length === 0)) continue;
    out.push({ tokenStart: k, tokenEnd: k, genitive: false, type: 'agreement', evidence: 2 });
    taken[k] = 1;
    if (overruled) overruled.push(...inside);
  }
  // People the tagger missed, named right after a title ("U.S. Ambassador MaryKay Carlson"): the run of up to
  // four capitalised words after it that are no title and no common word.
  for (let k = 1; k < n; k++) {
    // (A state's or place's name as the given name: "Defense Minister Israel Katz", when a plain name follows it.)
    const place = taken[k] === 1 && k + 1 < n && taken[k + 1] === 0 && plain(k + 1) ? kbMentions.find((m) => m.tokenStart === k && m.tokenEnd === k && m.form === 'name' && (m.type === 'country' || m.type === 'location')) : undefined;
    if ((taken[k] !== 0 && !place) || !NAME_WORD.test(words[k]!) || isTitle(words, k) > 0 || !titleBefore(words, k, isTitle)) continue;
    if (!place && !plain(k)) continue;
    let e = k;
    while (e + 1 < n && e - k < 3 && taken[e + 1] === 0 && plain(e + 1)) e++;
    out.push({ tokenStart: k, tokenEnd: e, genitive: false, type: 'person', evidence: 2 });
    for (let j = k; j <= e; j++) taken[j] = 1;
    if (place && overruled) overruled.push(place);
    k = e;
  }
  // Treaties the tagger missed: a run of capitalised words (with "of", "for", "and" or "the" between them) that ends in
  // a treaty's word, not at the start of a sentence ("the 1960 Indus Waters Treaty", "the Karachi Water Accord"; lexicon
  // agreementHeadWords). A known place inside it is the treaty's part, not a mention of its own.
  for (let k = 1; k < tokens.length; k++) {
    const place = (j: number) => kbMentions.find((m) => m.tokenStart <= j && m.tokenEnd >= j && m.form === 'name' && (m.type === 'location' || m.type === 'country'));
    const free = (j: number) => taken[j] === 0 || (taken[j] === 1 && !!place(j));
    if (!free(k) || !NAME_WORD.test(tokens[k]!.text) || isTitle(words, k) > 0) continue;
    let e = k;
    while (e + 1 < tokens.length && free(e + 1)) {
      if (NAME_WORD.test(tokens[e + 1]!.text)) e++;
      else if (BODY_LINKS.has(tokens[e + 1]!.text) && e + 2 < tokens.length && free(e + 2) && NAME_WORD.test(tokens[e + 2]!.text)) e += 2;
      else break;
    }
    if (e === k || !lang.sets.agreementHeads.has(tokens[e]!.text)) {
      k = e;
      continue;
    }
    // (Only whole places inside: "the Paris Agreement", not a place running on past the treaty's words.)
    const inside = kbMentions.filter((m) => m.tokenEnd >= k && m.tokenStart <= e);
    if (inside.some((m) => m.tokenStart < k || m.tokenEnd > e || (m.type !== 'location' && m.type !== 'country'))) {
      k = e;
      continue;
    }
    out.push({ tokenStart: k, tokenEnd: e, genitive: false, type: 'agreement', evidence: 2 });
    for (let j = k; j <= e; j++) taken[j] = 1;
    if (overruled) overruled.push(...inside);
    k = e;
  }
  // Bodies the tagger missed, named by a run of capitalised words that ends in a body's head noun or opens with one
  // before "of" ("the Stability Support Apparatus", "Libya's Government of National Unity"), with "of", "for",
  // "and" or "the" between capitalised words; not at the start of a sentence.
  for (let k = 1; k < tokens.length; k++) {
    if (taken[k] !== 0 || !NAME_WORD.test(tokens[k]!.text) || isTitle(words, k) > 0) continue;
    let e = k;
    while (e + 1 < tokens.length && taken[e + 1] === 0) {
      if (NAME_WORD.test(tokens[e + 1]!.text)) e++;
      else if (BODY_LINKS.has(tokens[e + 1]!.text) && e + 2 < tokens.length && taken[e + 2] === 0 && NAME_WORD.test(tokens[e + 2]!.text)) e += 2;
      else break;
    }
    if (e === k) continue;
    const head = (t: string) => lang.orgHeadSuffixes.includes(t.toLowerCase());
    const headed = head(tokens[e]!.text) || (head(tokens[k]!.text) && tokens[k + 1]?.text === 'of');
    if (headed && !stateBody(tokens, kbMentions, k, e, lang)) {
      out.push({ tokenStart: k, tokenEnd: e, genitive: false, type: 'organization', evidence: 2 });
      for (let j = k; j <= e; j++) taken[j] = 1;
    }
    k = e;
  }
  out.sort((a, b) => a.tokenStart - b.tokenStart);
  return out;
}

/** Roman numerals of a monarch or pope, II to XVI ("I" is a pronoun). */
const REGNAL = /^(?:II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)$/;

/** Lower-case words inside a body's name of capitalised words ("Government of National Unity"). */
const BODY_LINKS = new Set(['of', 'for', 'and', 'the']);

/** Prepositions of whose or where from a person is, which no person's name has inside ("Anna Berg of the Green Party"). */
const PERSON_OF = /^(?:of|from|fra|frå)$/;

/** A word that can be part of a name: letters, with hyphens and apostrophes inside. */
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’-]*$/u;

/** The lexicon's honorifics, lower case. */
function honorifics(lang: LanguageResources): ReadonlySet<string> {
  let h = HONORIFICS.get(lang);
  if (!h) HONORIFICS.set(lang, (h = new Set((lang.lexicon.honorifics ?? []).map((x) => x.toLowerCase()))));
  return h;
}
const HONORIFICS = new WeakMap<LanguageResources, ReadonlySet<string>>();

/** The lexicon's stateBodyHeads, lower case. */
function monthWords(lang: LanguageResources): ReadonlySet<string> {
  let set = MONTHS.get(lang);
  if (!set) MONTHS.set(lang, (set = new Set((lang.lexicon.months ?? []).map((m) => m.toLowerCase()))));
  return set;
}
const MONTHS = new WeakMap<LanguageResources, ReadonlySet<string>>();

/** A month word, with its dot or not, and nothing after it in the span but a day number or a dot. */
function isDate(tokens: readonly { text: string; norm: string }[], s: number, e: number, lang: LanguageResources): boolean {
  if (!monthWords(lang).has(tokens[s]!.norm.replace(/\.$/, ''))) return false;
  let day = false;
  let k = s + 1;
  if (tokens[k]?.text === '.') k++;
  for (; k <= e + 1 && k < tokens.length; k++) {
    const t = tokens[k]!.text;
    if (/^(?:[1-9]|[12]\d|3[01])\.?$/.test(t)) day = true;
    else if (k <= e) return false;
    else break;
  }
  return day;
}

function stateBodyHeads(lang: LanguageResources): ReadonlySet<string> {
  let h = STATE_BODY_HEADS.get(lang);
  if (!h) STATE_BODY_HEADS.set(lang, (h = new Set((lang.lexicon.stateBodyHeads ?? []).map((x) => x.toLowerCase()))));
  return h;
}
const STATE_BODY_HEADS = new WeakMap<LanguageResources, ReadonlySet<string>>();

/** Is tokens s…e (two or three words) a state's ministry or office right after the state's genitive ("Russia's Defence Ministry")? */
function stateBody(tokens: readonly { norm: string }[], kbMentions: readonly Mention[], s: number, e: number, lang: LanguageResources): boolean {
  return e > s && e - s <= 2 && stateBodyHeads(lang).has(tokens[e]!.norm) && kbMentions.some((m) => m.form === 'genitive' && m.type === 'country' && m.tokenEnd === s - 1);
}

/** Prepositions that join a body's name to what it is of or for ("Council of Ministers", "Institutt for …"). */
const NAME_PREPOSITIONS = new Set(['of', 'for', 'av']);

/**
 * Does the tagged span s…e hold knowledge-base names only inside it, go on past them, and have a naming
 * preposition followed by a capitalised word inside (so that it is one longer name, not a list of known ones)?
 */
function extendsKnownName(tokens: readonly { text: string; norm: string }[], kbMentions: readonly Mention[], s: number, e: number, heads: ReadonlySet<string>, titleWord: (norm: string) => boolean): boolean {
  let inside = 0;
  for (const m of kbMentions) {
    if (m.tokenEnd < s || m.tokenStart > e) continue;
    // Only plain names: a genitive or demonym ("Representanter for Sudans hær") says the name ends there.
    if (m.form !== 'name' || m.tokenStart < s || m.tokenEnd > e || m.tokenEnd - m.tokenStart >= e - s) return false;
    inside++;
  }
  if (inside === 0) return false;
  // (Not when known names fill both sides of it: "Washington of Cold War" is two names, "Council of Europe" one.)
  const known = (a: number, b: number) => kbMentions.some((m) => m.tokenStart === a && m.tokenEnd === b);
  for (let k = s + 1; k < e; k++) if (NAME_PREPOSITIONS.has(tokens[k]!.norm) && /^\p{Lu}/u.test(tokens[k + 1]!.text) && !(known(s, k - 1) && known(k + 1, e))) return true;
  // A place's name opening a longer name of capitalised words ("Africa Corps", "Iran Air", "Panama Canal Authority"):
  // another thing's name, unless what follows is a state's ministry or office ("Ukraine Defence Ministry": the state's,
  // kept as the state).
  const first = kbMentions.find((m) => m.tokenStart === s && m.tokenEnd < e && m.form === 'name' && (m.type === 'location' || m.type === 'country'));
  if (inside === 1 && first) {
    for (let k = first.tokenEnd + 1; k <= e; k++) if (!NAME_WORD.test(tokens[k]!.text)) return false;
    // (Nor an office before a title: "U.S. Defense Secretary X".)
    if (tokens[e + 1] && titleWord(tokens[e + 1]!.norm)) return false;
    return !(first.type === 'country' && heads.has(tokens[e]!.norm));
  }
  return false;
}

/**
 * Is a title or honorific right before token `start` (a phrase of up to four words ending there, "Prime
 * Minister", "utenriksminister")?
 */
function titleBefore(words: readonly string[], start: number, isTitle: (words: readonly string[], k: number) => number): boolean {
  // An abbreviated honorific may stand as its own token before its full stop ("Mr", ".").
  const end = start > 0 && words[start - 1] === '.' ? start - 1 : start;
  for (let k = Math.max(0, end - 6); k < end; k++) {
    const len = isTitle(words, k);
    if (len === end - k || len === start - k) return true;
  }
  return false;
}

/**
 * A party code: one to three capitals alone in parentheses, right after a name ("Erna Solberg (H)", "(KrF)"):
 * an organisation, though a single letter is otherwise too thin to be a name.
 */
function partyCode(tokens: readonly { text: string }[], s: number, e: number): boolean {
  return s === e && s >= 2 && tokens[s - 1]?.text === '(' && tokens[e + 1]?.text === ')' && /^\p{Lu}[\p{Lu}\p{Ll}]{0,2}$/u.test(tokens[s]!.text) && /^\p{Lu}/u.test(tokens[s - 2]!.text);
}

/** A model or system designation: capitals and digits, parts joined by hyphens (9M729, SSC-8, F-35, S-400). */
// (Or a maker's short name in mixed case before the number: "Su-35", "MiG-29", "Tu-160", "Ka-52".)
const DESIGNATION = /^(?:[\p{Lu}\d]+|\p{Lu}\p{Ll}{1,2}\p{Lu}?(?=[-‐]\d))(?:[-‐][\p{Lu}\d]+)*$/u;

interface WeaponWords {
  nouns: ReadonlySet<string>;
  naming: readonly string[][];
}
const WEAPON_WORDS = new WeakMap<LanguageResources, WeaponWords>();
function weaponWords(lang: LanguageResources): WeaponWords {
  let w = WEAPON_WORDS.get(lang);
  if (!w) {
    // A multi-word noun ("cruise missile") is recognised by its last word.
    const nouns = new Set((lang.lexicon.weaponNouns ?? []).map((n) => n.toLowerCase().split(' ').pop()!));
    const naming = (lang.lexicon.namingWords ?? []).map((n) => n.toLowerCase().split(' ')).sort((a, b) => b.length - a.length);
    WEAPON_WORDS.set(lang, (w = { nouns, naming }));
  }
  return w;
}

/** Is the token after k a weapon noun ("Rafale fighters")? */
function nextIsWeaponNoun(sentence: Sentence, k: number, lang: LanguageResources): boolean {
  const after = sentence.tokens[k + 1];
  return !!after && weaponWords(lang).nouns.has(after.norm);
}

/** Is the span right after a weapon noun (a naming word may stand between: "kalt", "called") or right before one? */
function weaponContext(sentence: Sentence, s: number, e: number, lang: LanguageResources): boolean {
  const { nouns, naming } = weaponWords(lang);
  if (nouns.size === 0) return false;
  const tokens = sentence.tokens;
  let j = s - 1;
  for (const words of naming) {
    const from = j - words.length + 1;
    if (from >= 0 && words.every((w, i) => tokens[from + i]!.norm === w)) {
      j = from - 1;
      break;
    }
  }
  if (j >= 0 && nouns.has(tokens[j]!.norm)) return true;
  const after = tokens[e + 1];
  if (!after) return false;
  // (One lower-case word may stand between: "Tu-95 strategic bombers", "Kalibr cruise missiles".)
  return nouns.has(after.norm) || (/^\p{Ll}+$/u.test(after.text) && !!tokens[e + 2] && nouns.has(tokens[e + 2]!.norm));
}

/**
 * Names the tagger found once, found again where it missed them. A document names its people and bodies more
 * than once, and the tagger misses a name it was not trained on where a capital says little, at the start of a
 * sentence ("Joe Biden besøkte Brussel. Biden møtte pressen."). A capitalised token sequence that no mention
 * covers becomes a candidate when it is, as written, a name the tagger found elsewhere in the document, or the
 * last word (the surname) of a person's name it found; it takes that name's type (the one found most often,
 * the first on a tie). A one-word name found only at the start of a sentence is not spread, and a word the
 * document also writes in lower case is not taken. `found` holds each
 * sentence's candidates (findTaggedCandidates); the new ones are added in token order.
 */
export function propagateNames(sentences: readonly Sentence[], kbBySentence: readonly (readonly Mention[])[], found: NameCandidate[][]): void {
  const votes = new Map<string, Map<EntityType, number>>();
  /** The lengths (in words) of the names that start with a word, longest first. */
  const lengthsByFirst = new Map<string, number[]>();
  const vote = (words: readonly string[], type: EntityType) => {
    const key = words.join(' ');
    let byType = votes.get(key);
    if (!byType) {
      votes.set(key, (byType = new Map()));
      const lengths = lengthsByFirst.get(words[0]!);
      if (!lengths) lengthsByFirst.set(words[0]!, [words.length]);
      else if (!lengths.includes(words.length)) {
        lengths.push(words.length);
        lengths.sort((a, b) => b - a);
      }
    }
    byType.set(type, (byType.get(type) ?? 0) + 1);
  };
  for (const s of sentences) {
    for (const c of found[s.index] ?? []) {
      // A one-word name only at the start of a sentence rests on the tagger alone: it is not spread.
      if (c.tokenStart === c.tokenEnd && isSentenceInitial(s.tokens, c.tokenStart)) continue;
      const words = s.tokens.slice(c.tokenStart, c.tokenEnd + 1).map((t) => t.text);
      vote(words, c.type);
      if (c.type === 'person' && words.length > 1) vote(words.slice(-1), 'person');
    }
  }
  if (votes.size === 0) return;
  const typeOf = (key: string): EntityType | undefined => {
    const byType = votes.get(key);
    if (!byType) return undefined;
    let best: EntityType | undefined;
    for (const [type, n] of byType) if (best === undefined || n > byType.get(best)!) best = type;
    return best;
  };
  // The norms the document writes in lower case (looked for only once a one-word name is about to be taken).
  let lowercase: Set<string> | undefined;
  const writtenLower = (norm: string) => {
    if (!lowercase) {
      lowercase = new Set();
      for (const x of sentences) for (const t of x.tokens) if (startsLower(t.text)) lowercase.add(t.norm);
    }
    return lowercase.has(norm);
  };
  for (const s of sentences) {
    const tokens = s.tokens;
    let covered: Uint8Array | undefined;
    for (let i = 0; i < tokens.length; i++) {
      const text = tokens[i]!.text;
      if (!startsUpper(text)) continue;
      const lengths = lengthsByFirst.get(text);
      if (lengths === undefined) continue;
      if (!covered) {
        covered = new Uint8Array(tokens.length);
        for (const m of kbBySentence[s.index] ?? []) for (let k = m.tokenStart; k <= m.tokenEnd; k++) covered[k] = 1;
        for (const c of found[s.index] ?? []) for (let k = c.tokenStart; k <= c.tokenEnd; k++) covered[k] = 1;
      }
      for (const len of lengths) {
        if (i + len > tokens.length) continue;
        let free = true;
        for (let k = i; k < i + len && free; k++) free = covered[k] === 0;
        if (!free) continue;
        const type = typeOf(len === 1 ? tokens[i]!.text : tokens.slice(i, i + len).map((t) => t.text).join(' '));
        if (type === undefined || (len === 1 && writtenLower(tokens[i]!.norm))) continue;
        const list = (found[s.index] ??= []);
        list.push({ tokenStart: i, tokenEnd: i + len - 1, genitive: false, type, evidence: 1 });
        list.sort((a, b) => a.tokenStart - b.tokenStart);
        for (let k = i; k < i + len; k++) covered[k] = 1;
        i += len - 1;
        break;
      }
    }
  }
}
