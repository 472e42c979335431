// Mentions → entities within one document: canonical names, surname → full name, role nouns
// ("alliansen", "landet"), titles ("Nato-sjefen", "forsvarsministeren"), pronouns, government phrases
// ("Iraks regjering", "regjeringen i Bagdad"), and the appositive roles that say who leads what.

import type { Entity, EntityType, Mention, Sentence, Token } from '../types.js';
import type { KnowledgeBase } from '../kb/index.js';
import {
  WORD_GOVERNMENT_NOUN,
  RESOLVE_GOVERNMENT,
  RESOLVE_OPEN_PAREN,
  RESOLVE_PRONOUN,
  RESOLVE_ROLE_NOUN,
  RESOLVE_TITLE,
  wordInfoOf,
  type LanguageResources,
  type TitleEntry,
  type WordInfo,
} from '../lang/index.js';
import { isTokenizerSentence, sentenceWordList, type Word } from '../text/words.js';
import { capitalInitials, withEntity } from '../mentions/index.js';
import type { NameCandidate } from '../mentions/index.js';
import { pushAll } from '../arrays.js';

/** A person's office found in an appositive: "alliansens generalsekretær Jens Stoltenberg". */
export interface RoleFact {
  person: string;
  title: string;
  role: TitleEntry['role'];
  owner?: string;
  sentence: number;
  /** The title (or party code) token: the trigger of the leads / member_of relation. */
  trigger: Token;
}

export interface Resolution {
  /** Every mention with its entity key, sorted by position. */
  mentions: Mention[];
  entities: Entity[];
  roles: RoleFact[];
}

// Names recur within and across documents: their slugs are kept (bounded: the memo starts over when full).
const SLUG_MEMO = new Map<string, string>();
const SLUG_MEMO_MAX = 50_000;

/** Lower-case ASCII slug used for entity keys of names the knowledge base does not know. */
export function slug(label: string): string {
  let s = SLUG_MEMO.get(label);
  if (s === undefined) {
    s = computeSlug(label);
    if (SLUG_MEMO.size >= SLUG_MEMO_MAX) SLUG_MEMO.clear();
    SLUG_MEMO.set(label, s);
  }
  return s;
}

function computeSlug(label: string): string {
  const s = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/gi, 'o')
    .replace(/æ/gi, 'ae')
    .replace(/å/gi, 'a')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'entity';
}

interface Ctx {
  text: string;
  sentences: Sentence[];
  kb: KnowledgeBase;
  lang: LanguageResources;
  mentions: Mention[];
  /** Per sentence, the document-wide number of its first token (for the token index, see tokenIndex). */
  offsets: number[];
  tokenCount: number;
  /** Per sentence (by position), the Word record of each token (text/words.ts). */
  words: (readonly Word[])[];
  spots: Spots;
  /** Mentions that refer to an entity without naming it ("regjeringen", "de"): kept out of its aliases. */
  notAliases: Set<Mention>;
  /** Entities whose type is a guess against the tagger's (resolveNames: a lone one-word "person"): no antecedent of "the group". */
  guessedTypes: Set<string>;
  index: TokenIndex;
}

/**
 * The tokens each pass below looks at, found in one walk over the document (the passes used to walk every token
 * each): flat lists of (sentence position, token index) pairs, in document order.
 */
interface Spots {
  /** Role nouns ("alliansen", "landet"). */
  roleNouns: number[];
  /** Government and force nouns ("regjeringen", "styrker"). */
  government: number[];
  /** Titles and opening parentheses (the appositive roles and party codes of findRoles). */
  appositives: number[];
  titles: number[];
  pronouns: number[];
}

function findSpots(sentences: Sentence[], words: (readonly Word[])[], lang: LanguageResources): Spots {
  const spots: Spots = { roleNouns: [], government: [], appositives: [], titles: [], pronouns: [] };
  for (let p = 0; p < sentences.length; p++) {
    const s = sentences[p]!;
    const toks = s.tokens;
    const ws = words[p]!;
    // The tokeniser's tokens are "(" exactly when their norm is; other tokens are asked for their text.
    const ownTokens = isTokenizerSentence(s);
    for (let i = 0; i < toks.length; i++) {
      const w = wordInfoOf(lang, ws[i]!);
      const kinds = w.resolveKinds;
      if (kinds === 0 && ownTokens) continue;
      if ((kinds & RESOLVE_ROLE_NOUN) !== 0) spots.roleNouns.push(p, i);
      if ((kinds & RESOLVE_GOVERNMENT) !== 0) spots.government.push(p, i);
      if ((kinds & RESOLVE_TITLE) !== 0) {
        spots.titles.push(p, i);
        spots.appositives.push(p, i);
      } else if (ownTokens ? (kinds & RESOLVE_OPEN_PAREN) !== 0 : toks[i]!.text === '(') {
        spots.appositives.push(p, i);
      }
      if ((kinds & RESOLVE_PRONOUN) !== 0) spots.pronouns.push(p, i);
    }
  }
  return spots;
}

/** Calls fn for each token of a spot list, in document order. */
function eachSpot(ctx: Ctx, spots: number[], fn: (s: Sentence, tok: Token, i: number, word: WordInfo) => void): void {
  for (let k = 0; k < spots.length; k += 2) {
    const p = spots[k]!;
    const i = spots[k + 1]!;
    const s = ctx.sentences[p]!;
    fn(s, s.tokens[i]!, i, wordInfoOf(ctx.lang, ctx.words[p]![i]!));
  }
}

function tokenText(tokens: Token[], s: number, e: number): string {
  let out = '';
  for (let k = s; k <= e; k++) {
    if (k > s && tokens[k]!.start > tokens[k - 1]!.end) out += ' ';
    out += tokens[k]!.text;
  }
  return out;
}

/** Resolves knowledge-base mentions and name candidates of a document into entities. */
export function resolveDocument(
  text: string,
  sentences: Sentence[],
  kbMentions: Mention[],
  candidates: { sentence: number; candidate: NameCandidate }[],
  kb: KnowledgeBase,
  lang: LanguageResources,
): Resolution {
  const offsets: number[] = [];
  let tokenCount = 0;
  for (let k = 0; k < sentences.length; k++) {
    offsets.push(tokenCount);
    tokenCount += sentences[k]!.tokens.length;
  }
  const words = sentences.map(sentenceWordList);
  const spots = findSpots(sentences, words, lang);
  const ctx: Ctx = { text, sentences, kb, lang, mentions: [], offsets, tokenCount, words, spots, notAliases: new Set(), guessedTypes: new Set(), index: emptyTokenIndex(tokenCount) };
  const labels = new Map<string, { label: string; type: EntityType; wikidata?: string }>();

  // (Indexed loops in the functions that run once per document: a long document runs them before the engine has
  // optimised them, and `for … of` then allocates an iterator result per element.)
  for (let k = 0; k < kbMentions.length; k++) {
    const m = kbMentions[k]!;
    const entry = kb.entries.get(m.kbId!)!;
    ctx.mentions.push(withEntity(m, entry.id));
    if (!labels.has(entry.id)) labels.set(entry.id, entry.wikidata ? { label: entry.label, type: entry.type, wikidata: entry.wikidata } : { label: entry.label, type: entry.type });
  }

  resolveNames(ctx, candidates, labels);
  sortMentions(ctx);
  resolveRoleNouns(ctx);
  sortMentions(ctx);
  resolveDescriptions(ctx);
  sortMentions(ctx);
  addGovernmentMentions(ctx);
  const roles = findRoles(ctx);
  resolveTitles(ctx, roles);
  resolvePronouns(ctx);
  sortMentions(ctx);

  const byKey = new Map<string, Mention[]>();
  for (let k = 0; k < ctx.mentions.length; k++) {
    const m = ctx.mentions[k]!;
    // An entity reached only through another's mention ("regjeringen i Kabul": the state whose capital is named).
    if (!labels.has(m.entity!)) {
      const entry = kb.entries.get(m.entity!);
      if (entry) labels.set(entry.id, entry.wikidata ? { label: entry.label, type: entry.type, wikidata: entry.wikidata } : { label: entry.label, type: entry.type });
    }
    const list = byKey.get(m.entity!);
    if (list) list.push(m);
    else byKey.set(m.entity!, [m]);
  }
  const entities: Entity[] = [];
  for (const [key, ms] of [...byKey.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const info = labels.get(key)!;
    const aliases = [...new Set(ms.filter((m) => m.form !== 'pronoun' && !ctx.notAliases.has(m)).map((m) => m.text))].sort(compareStrings);
    entities.push(
      info.wikidata
        ? { key, label: info.label, type: info.type, aliases, wikidata: info.wikidata, mentions: ms }
        : { key, label: info.label, type: info.type, aliases, mentions: ms },
    );
  }
  return { mentions: ctx.mentions, entities, roles };
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortMentions(ctx: Ctx): void {
  const ms = ctx.mentions;
  ctx.index.array = null;
  ms.sort((a, b) => a.start - b.start || b.end - a.end || compareStrings(a.entity ?? '', b.entity ?? ''));
}

/** Unknown names → entities: a surname or a first part joins the unique full name that contains it. */
/** A word with an apostrophe genitive: "Maduro's", "Hamas'", "Allies’" (the stem has a letter). */
const APOSTROPHE_GENITIVE = /^(.*\p{L}.*?)(?:['’]s|(?<=s)['’])$/u;

function resolveNames(
  ctx: Ctx,
  candidates: { sentence: number; candidate: NameCandidate }[],
  labels: Map<string, { label: string; type: EntityType; wikidata?: string }>,
): void {
  interface Item {
    sentence: number;
    c: NameCandidate;
    words: string[];
    text: string;
    genitive: boolean;
  }
  // An initial and its full stop before a name are the name's ("S. Jaishankar", "J. D. Vance"): one candidate.
  candidates = joinInitials(ctx, candidates);
  const items: Item[] = candidates.map(({ sentence, candidate }) => {
    const tokens = ctx.sentences[sentence]!.tokens;
    const words: string[] = [];
    for (const t of tokens.slice(candidate.tokenStart, candidate.tokenEnd + 1)) {
      // (An initial's full stop stays with it: "S. Jaishankar".)
      if (t.text === '.' && words.length > 0 && /^\p{Lu}$/u.test(words[words.length - 1]!)) words[words.length - 1] += '.';
      else words.push(t.text);
    }
    // An apostrophe genitive is no part of the name ("Maduro's allies", "Hamas' leader"): the name is its stem.
    const g = APOSTROPHE_GENITIVE.exec(words[words.length - 1]!);
    if (g) words[words.length - 1] = g[1]!;
    return { sentence, c: candidate, words, text: tokenText(tokens, candidate.tokenStart, candidate.tokenEnd), genitive: g !== null };
  });
  // A Norwegian genitive on a full name whose surname the document also writes alone is no part of the name
  // ("Vladimir Putins statsbesøk ... Putin møtte"): the name is its stem.
  const singles = new Set(items.filter((it) => it.words.length === 1).map((it) => it.words[0]!));
  for (const it of items) {
    const last = it.words[it.words.length - 1]!;
    if (it.words.length >= 2 && !it.genitive && last.length > 3 && last.endsWith('s') && !last.endsWith('ss') && singles.has(last.slice(0, -1))) {
      it.words = [...it.words.slice(0, -1), last.slice(0, -1)];
    }
  }
  // Full names: multi-word persons, and every other name as written.
  const fullNames = new Map<string, { words: string[]; type: EntityType; evidence: number }>();
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    const key = it.words.join(' ');
    const prev = fullNames.get(key);
    if (!prev || it.c.evidence > prev.evidence) fullNames.set(key, { words: it.words, type: it.c.type, evidence: it.c.evidence });
  }
  const persons = [...fullNames.values()].filter((f) => f.type === 'person' && f.words.length >= 2);
  // The full names containing a word, and those ending in a shorter name: looked up, not scanned, per name.
  // (Full names are distinct, so "one distinct full name" is "one person".)
  const personsByWord = new Map<string, number[]>();
  const personsBySuffix = new Map<string, number[]>();
  const register = (map: Map<string, number[]>, key: string, person: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [person]);
    else if (list[list.length - 1] !== person) list.push(person);
  };
  persons.forEach((p, pi) => {
    for (const w of p.words) register(personsByWord, w, pi);
    for (let k = 1; k < p.words.length; k++) register(personsBySuffix, p.words.slice(k).join(' '), pi);
  });
  /** The one person the lists name between them, or undefined when they name none or several. */
  const onlyPerson = (...lists: (number[] | undefined)[]) => {
    let found: number | undefined;
    for (const list of lists) {
      for (const pi of list ?? []) {
        if (found === undefined) found = pi;
        else if (found !== pi) return undefined;
      }
    }
    return found === undefined ? undefined : persons[found]!;
  };
  const canonical = (it: Item): { label: string; type: EntityType } => {
    let words = it.words;
    if (words.length === 1) {
      const w = words[0]!;
      // (A particle capitalised to open a sentence, "Al-Sharaa sa", is the name's "al-Sharaa".)
      const lower = /^\p{Lu}\p{Ll}{0,2}-/u.test(w) ? w.charAt(0).toLowerCase() + w.slice(1) : undefined;
      const person = onlyPerson(personsByWord.get(w), w.endsWith('s') ? personsByWord.get(w.slice(0, -1)) : undefined, lower ? personsByWord.get(lower) : undefined);
      if (person) return { label: person.words.join(' '), type: 'person' };
    } else {
      // "Barth Eide" is part of "Espen Barth Eide".
      const key = words.join(' ');
      const containing = personsBySuffix.get(key) ?? [];
      if (containing.length === 1) return { label: persons[containing[0]!]!.words.join(' '), type: 'person' };
      const last = words[words.length - 1]!;
      if (last.endsWith('s') && last.length > 3) {
        const stem = [...words.slice(0, -1), last.slice(0, -1)].join(' ');
        if (fullNames.has(stem)) words = stem.split(' ');
      }
    }
    const best = fullNames.get(words.join(' ')) ?? { type: it.c.type };
    return { label: words.join(' '), type: best.type };
  };
  // A body's abbreviation in brackets right after its name ("National Liberation Army (ELN)", "Frigjøringsfronten
  // for Azawad (FLA)") is another name of it, there and wherever the document uses it; a person's is a party code.
  const abbreviations = new Map<string, Item>();
  for (const it of items) {
    if (it.c.type !== 'organization' || it.words.length < 2) continue;
    const tokens = ctx.sentences[it.sentence]!.tokens;
    const e = it.c.tokenEnd;
    const abbr = tokens[e + 2]?.text;
    if (tokens[e + 1]?.text === '(' && tokens[e + 3]?.text === ')' && abbr && /^\p{Lu}[\p{Lu}\d-]{1,7}$/u.test(abbr) && !abbreviations.has(abbr)) abbreviations.set(abbr, it);
  }
  // An abbreviation the document uses without brackets is the one body whose capitalised words it spells ("Allied
  // Democratic Forces ... The ADF"); two bodies with those initials leave it alone.
  const byInitials = new Map<string, Item | null>();
  for (const it of items) {
    if (it.c.type !== 'organization' || it.words.length < 2) continue;
    const initials = capitalInitials(it.words);
    if (initials.length < 2) continue;
    const prior = byInitials.get(initials);
    byInitials.set(initials, prior === undefined || (prior !== null && prior.words.join(' ') === it.words.join(' ')) ? (prior ?? it) : null);
  }
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    const w0 = it.words[0]!;
    const long = it.words.length === 1 ? (abbreviations.get(w0) ?? (/^\p{Lu}{2,6}$/u.test(w0) ? (byInitials.get(w0) ?? undefined) : undefined)) : undefined;
    const { label, type } = long ? canonical(long) : canonical(it);
    const tokens = ctx.sentences[it.sentence]!.tokens;
    const first = tokens[it.c.tokenStart]!;
    const last = tokens[it.c.tokenEnd]!;
    let key = slug(label);
    const existing = labels.get(key);
    if (existing && existing.label !== label) key = `${key}-${slug(type)}`;
    const prior = labels.get(key);
    if (!prior || (prior.type === 'other' && type !== 'other')) labels.set(key, { label, type });
    ctx.mentions.push({
      start: first.start,
      end: last.end,
      text: it.text,
      type,
      source: 'pattern',
      sentence: it.sentence,
      tokenStart: it.c.tokenStart,
      tokenEnd: it.c.tokenEnd,
      form: it.genitive ? 'genitive' : 'name',
      entity: key,
    });
  }
  // A person news names by one word only, never with a given name, a title or another cue, is seldom a person: a
  // company, a party, a town ("Rosatom", "Somaïr", "Assab"). It is a place where a place preposition comes before
  // it, else a body.
  const lone = new Map<string, { cued: boolean; placed: boolean; inner: boolean }>();
  for (const it of items) {
    const key = it.words.join(' ');
    const f = fullNames.get(key);
    if (!f || f.type !== 'person' || it.words.length !== 1) continue;
    const tokens = ctx.sentences[it.sentence]!.tokens;
    const before = tokens[it.c.tokenStart - 1];
    const st = lone.get(key) ?? { cued: false, placed: false, inner: false };
    // (Only a name the document writes inside a sentence: a capitalised first word may be a common noun.)
    st.inner ||= it.c.tokenStart > 0 && !/^[«"“'‘–—-]$/u.test(before!.text);
    st.cued ||= it.c.evidence >= 2 || it.genitive;
    // (A place preposition up to two words before, a place noun before or after: "i hamnebyen Assab", "Rakhine state".)
    const after = tokens[it.c.tokenEnd + 1];
    const place = ctx.lang.sets.locative;
    const appos = after?.text === ',' ? tokens.slice(it.c.tokenEnd + 2, it.c.tokenEnd + 4).find((t) => ctx.lang.sets.locationApposNouns.has(t.norm)) : undefined;
    st.placed ||= !!appos || (!!before && place.has(before.norm)) || (!!tokens[it.c.tokenStart - 2] && place.has(tokens[it.c.tokenStart - 2]!.norm) && /^\p{Ll}/u.test(before!.text)) || (!!after && ctx.lang.sets.locationApposNouns.has(after.norm)) || (!!before && /^\p{Ll}/u.test(before.text) && [...ctx.lang.sets.locationApposNouns].some((n) => n.length >= 4 && before.norm.endsWith(n)));
    // (After a capitalised word, an initial or a nickname's quote it is a surname: "Israel Katz", "S. Jaishankar",
    // "Jimmy «Barbecue» Chérizier".)
    const b2 = tokens[it.c.tokenStart - 2];
    // (So is a speaker's name beside a speech verb: "sier Stoltenberg", "Stoltenberg sa".)
    st.cued ||= (!!before && ctx.lang.sets.speechVerbs.has(before.norm)) || (!!tokens[it.c.tokenEnd + 1] && ctx.lang.sets.speechVerbs.has(tokens[it.c.tokenEnd + 1]!.norm));
    st.cued ||= !!before && it.c.tokenStart > 1 && (/^\p{Lu}/u.test(before.text) || /^[»”"’]$/u.test(before.text) || (before.text === '.' && !!b2 && /^\p{Lu}$/u.test(b2.text)));
    lone.set(key, st);
  }
  for (const [key, st] of lone) {
    const lower = /^\p{Lu}\p{Ll}{0,2}-/u.test(key) ? key.charAt(0).toLowerCase() + key.slice(1) : undefined;
    if (st.cued || !st.inner || onlyPerson(personsByWord.get(key), key.endsWith('s') ? personsByWord.get(key.slice(0, -1)) : undefined, lower ? personsByWord.get(lower) : undefined)) continue;
    const entity = slug(key);
    const l = labels.get(entity);
    if (l && l.type === 'person' && l.label === key) {
      labels.set(entity, { ...l, type: st.placed ? 'location' : 'organization' });
      ctx.guessedTypes.add(entity);
    }
  }
  // A name's type is the best-evidenced one over the document.
  for (let k = 0; k < ctx.mentions.length; k++) {
    const m = ctx.mentions[k]!;
    if (m.source === 'pattern') m.type = labels.get(m.entity!)!.type;
  }
  compoundPrefixes(ctx);
}

function joinInitials(ctx: Ctx, candidates: { sentence: number; candidate: NameCandidate }[]): { sentence: number; candidate: NameCandidate }[] {
  const out: { sentence: number; candidate: NameCandidate }[] = [];
  for (let k = 0; k < candidates.length; k++) {
    const cur = candidates[k]!;
    const toks = ctx.sentences[cur.sentence]!.tokens;
    const c = cur.candidate;
    const next = candidates[k + 1];
    const dot = toks[c.tokenEnd + 1];
    if (next && next.sentence === cur.sentence && /^\p{Lu}$/u.test(toks[c.tokenEnd]!.text) && dot?.text === '.' && dot.start === toks[c.tokenEnd]!.end && next.candidate.tokenStart === c.tokenEnd + 2 && next.candidate.type === 'person') {
      // (The joined name is the next one's, typed as it is: "S." alone was only a letter.)
      candidates[k + 1] = { sentence: next.sentence, candidate: { ...next.candidate, tokenStart: c.tokenStart } };
      continue;
    }
    out.push(cur);
  }
  return out;
}

/**
 * A body's name the document writes on its own is that body again as the first part of a compound with a common noun
 * ("partiet AUR ... AUR-leder George Simion", "the M23 ... M23-kontrollerte områder"), as a known name is in the
 * knowledge base's compounds (mentions/: "Nato-sjefen").
 */
function compoundPrefixes(ctx: Ctx): void {
  const bodies = new Map<string, Mention>();
  for (const m of ctx.mentions) {
    if (m.source === 'pattern' && m.type === 'organization' && m.form === 'name' && m.tokenStart === m.tokenEnd && !bodies.has(m.text)) bodies.set(m.text, m);
  }
  if (bodies.size === 0) return;
  const covered = new Set<number>();
  for (const m of ctx.mentions) for (let k = m.tokenStart; k <= m.tokenEnd; k++) covered.add(slot(ctx, m.sentence, k));
  for (const s of ctx.sentences) {
    for (let i = 0; i < s.tokens.length; i++) {
      const tok = s.tokens[i]!;
      const cut = tok.text.search(/[-‐]/);
      if (cut <= 0 || covered.has(slot(ctx, s.index, i))) continue;
      const name = tok.text.slice(0, cut);
      const known = bodies.get(name);
      // (The rest is a common noun, or common nouns: "AUR-leder", not "AUR-Bukarest".)
      if (!known || !/^[-‐]\p{Ll}[\p{Ll}\-‐]*$/u.test(tok.text.slice(cut))) continue;
      ctx.mentions.push({ start: tok.start, end: tok.start + cut, text: name, type: known.type, source: 'pattern', sentence: s.index, tokenStart: i, tokenEnd: i, form: 'name', entity: known.entity });
    }
  }
  ctx.index.array = null;
}

/**
 * Mentions by sentence and token, in array order, so the lookups below cost O(1) instead of a scan of every
 * mention of the document per token. It describes `array` as it was at `length` mentions; a push or filter changes
 * the length or the array, and sortMentions drops it, so it is rebuilt whenever it might be stale. The tables are
 * flat arrays over the document's tokens (sentence offset + token), allocated once per document and cleared for
 * each rebuild.
 */
interface TokenIndex {
  array: Mention[] | null;
  length: number;
  /** token → the first mention covering that token. */
  covering: (Mention | undefined)[];
  /** token → the first mention starting there. */
  starting: (Mention | undefined)[];
  /** token → the mentions after the first starting there (few tokens have more than one). */
  moreStarting: Map<number, Mention[]>;
  /** token → the last mention ending there. */
  ending: (Mention | undefined)[];
}

function emptyTokenIndex(tokenCount: number): TokenIndex {
  return {
    array: null,
    length: 0,
    covering: new Array<Mention | undefined>(tokenCount).fill(undefined),
    starting: new Array<Mention | undefined>(tokenCount).fill(undefined),
    moreStarting: new Map(),
    ending: new Array<Mention | undefined>(tokenCount).fill(undefined),
  };
}

function tokenIndex(ctx: Ctx): TokenIndex {
  const ms = ctx.mentions;
  const index = ctx.index;
  if (index.array === ms && index.length === ms.length) return index;
  const { covering, starting, ending, moreStarting } = index;
  if (index.length > 0 || index.array !== null) {
    covering.fill(undefined);
    starting.fill(undefined);
    moreStarting.clear();
    ending.fill(undefined);
  }
  for (let j = 0; j < ms.length; j++) {
    const m = ms[j]!;
    const base = ctx.offsets[m.sentence]!;
    for (let k = base + m.tokenStart; k <= base + m.tokenEnd; k++) if (covering[k] === undefined) covering[k] = m;
    const at = base + m.tokenStart;
    if (starting[at] === undefined) {
      starting[at] = m;
    } else {
      const more = moreStarting.get(at);
      if (more) more.push(m);
      else moreStarting.set(at, [m]);
    }
    ending[base + m.tokenEnd] = m;
  }
  index.array = ms;
  index.length = ms.length;
  return index;
}

/** The slot of a token in the token index, or -1 when the sentence has no such token. */
function slot(ctx: Ctx, sentence: number, token: number): number {
  const s = ctx.sentences[sentence];
  if (!s || token < 0 || token >= s.tokens.length) return -1;
  return ctx.offsets[sentence]! + token;
}

function mentionAtToken(ctx: Ctx, sentence: number, token: number): Mention | undefined {
  const k = slot(ctx, sentence, token);
  return k < 0 ? undefined : tokenIndex(ctx).covering[k];
}

function mentionEndingAt(ctx: Ctx, sentence: number, token: number): Mention | undefined {
  const k = slot(ctx, sentence, token);
  return k < 0 ? undefined : tokenIndex(ctx).ending[k];
}

function mentionStartingAt(ctx: Ctx, sentence: number, token: number): Mention | undefined {
  const k = slot(ctx, sentence, token);
  return k < 0 ? undefined : tokenIndex(ctx).starting[k];
}

/** The first of the mentions starting at a token (in array order) that passes a test. */
function findStartingAt(ctx: Ctx, sentence: number, token: number, test: (m: Mention) => boolean): Mention | undefined {
  const k = slot(ctx, sentence, token);
  if (k < 0) return undefined;
  const index = tokenIndex(ctx);
  const first = index.starting[k];
  if (first === undefined) return undefined;
  if (test(first)) return first;
  return index.moreStarting.get(k)?.find(test);
}

/** Index of the last mention in a list sorted by start whose start is <= offset (-1 if none). */
function lastStartingBy(ms: readonly Mention[], offset: number): number {
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ms[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function typeOfKey(ctx: Ctx, key: string): EntityType | undefined {
  return ctx.mentions.find((m) => m.entity === key)?.type;
}

/** "alliansen", "landet", "avtalen": the entity of that type in focus (latest before, else the most named). */
/** How many sentences back a role noun ("landet", "the country") looks for the entity it stands for. */
const ROLE_NOUN_WINDOW = 3;

function resolveRoleNouns(ctx: Ctx): void {
  const added: Mention[] = [];
  // ctx.mentions is sorted and does not change during the loop: the candidates of a type, their entities and
  // the most named one are computed once per type, not once per role noun.
  const byType = new Map<EntityType, { list: Mention[]; entities: Set<string> }>();
  const byNonState = new Map<EntityType, { list: Mention[]; entities: Set<string> }>();
  const stateBody = (m: Mention) => {
    const part = m.kbId ? ctx.kb.get(m.kbId)?.partOf : undefined;
    return !!part && ctx.kb.get(part)?.type === 'country';
  };
  const candidatesOf = (type: EntityType, nonState: boolean) => {
    const cache = nonState ? byNonState : byType;
    let c = cache.get(type);
    if (!c) {
      const list = ctx.mentions.filter((m) => m.type === type && m.form !== 'demonym' && !ctx.guessedTypes.has(m.entity!) && !(nonState && stateBody(m)));
      c = { list, entities: new Set(list.map((m) => m.entity!)) };
      cache.set(type, c);
    }
    return c;
  };
  {
    eachSpot(ctx, ctx.spots.roleNouns, (s, tok, i, word) => {
      const entry = word.roleNoun;
      if (!entry || mentionAtToken(ctx, s.index, i)) return;
      // "soldatene landet på Værnes": after a plural definite noun, "landet" is the verb.
      const prev = s.tokens[i - 1];
      if (prev && /ene$/.test(prev.norm) && entry.type === 'country') return;
      // An indefinite or quantified noun is new to the text, no role noun: "a Pakistan-based group", "another
      // country", "no country" (its determiner in the parse, when there is one).
      if (s.syntax?.some((d, k) => d.head === i + 1 && k < i && d.upos === 'DET' && /(^|\|)(Definite=Ind|PronType=(Ind|Neg|Tot|Int))(\||$)/.test(d.feats))) return;
      const typed = candidatesOf(entry.type, !!entry.nonState);
      const candidates = typed.list;
      if (candidates.length === 0) return;
      let target: string | undefined;
      const preferred = (entry.prefer ?? []).filter((id) => typed.entities.has(id));
      if (preferred.length > 0) target = preferred[0];
      if (!target && entry.only) return;
      if (!target) {
        // The last candidate ending before the token, in this sentence or the three before it: only candidates
        // starting before it can. None so close: the role noun stays unresolved (no guess from afar).
        let latest = -1;
        for (let k = lastStartingBy(candidates, tok.start); k >= 0; k--) {
          const c = candidates[k]!;
          if (c.sentence < s.index - ROLE_NOUN_WINDOW) break;
          if (c.end <= tok.start) {
            latest = k;
            break;
          }
        }
        if (latest >= 0) {
          target = candidates[latest]!.entity;
          // A role noun that is its clause's subject continues the subject of the sentence it looks back to
          // ("Polen kritiserte Russland. Landet har også ...": Poland), when the parse gives one.
          if (isSubjectAt(s, i, i)) {
            const from = candidates[latest]!.sentence;
            for (let k = latest; k >= 0 && candidates[k]!.sentence === from; k--) {
              const c = candidates[k]!;
              if (c.end <= tok.start && isSubjectAt(ctx.sentences[c.sentence]!, c.tokenStart, c.tokenEnd)) {
                target = c.entity;
                break;
              }
            }
          }
        }
      }
      if (!target) return;
      added.push({
        start: tok.start,
        end: tok.end,
        text: tok.text,
        type: entry.type,
        source: 'coref',
        sentence: s.index,
        tokenStart: i,
        tokenEnd: i,
        form: tok.norm.endsWith('s') && !tok.norm.endsWith('ss') ? 'genitive' : 'role',
        entity: target,
      });
    });
  }
  pushAll(ctx.mentions, added);
}

/** The endings of a definite or genitive noun after its lemma ("kommisjonen", "kommisjonens", "hæren"). */
const DEFINITE_ENDINGS: ReadonlySet<string> = new Set(['', 's', 'en', 'ens', 'et', 'ets', 'a', 'as', 'n', 'ns']);

/** Is a word (lower-cased) the described noun: its lemma with a definite or genitive ending, or its written form? */
function sameNoun(d: { lemma: string; surface?: string }, word: string, byLemma: string | undefined): boolean {
  if (byLemma !== undefined && byLemma.startsWith(d.lemma) && DEFINITE_ENDINGS.has(byLemma.slice(d.lemma.length))) return true;
  // (A compound's last part describes it too: "byrået" after "fiskeribyrået X", "styrken" after "fredsstyrken X".)
  if (byLemma !== undefined) for (const e of DEFINITE_ENDINGS) if (byLemma.endsWith(e) && compoundHead(d.lemma, byLemma.slice(0, byLemma.length - e.length))) return true;
  return d.surface !== undefined && (word === d.surface || word === `${d.surface}s`);
}

/** Is `head` (four letters or more) the last part of the one-word compound `lemma` ("fiskeribyrå": "byrå")? */
function compoundHead(lemma: string, head: string): boolean {
  return head.length >= 4 && lemma.length >= head.length + 3 && lemma.endsWith(head) && /^\p{Ll}+$/u.test(lemma);
}

/** How many sentences back a definite description ("hæren", "the militia") looks for the name it describes. */
const DESCRIPTION_WINDOW = 5;

/**
 * Definite descriptions by content: "hæren", "militsen", "the group" after a name that was described by the same
 * noun ("Sudans hær", "militsen RSF", "the militant group Hamas": the noun right before the name, or the name's own
 * last word). The latest such name within the window wins; a description with a name or demonym of its own ("den
 * russiske hæren") describes that one instead and is left alone. Needs the parse (lemmas, parts of speech).
 */
function resolveDescriptions(ctx: Ctx): void {
  const added: Mention[] = [];
  // The descriptor nouns of each name, in text order: [lemma, mention].
  const described: { lemma: string; m: Mention; surface?: string }[] = [];
  const byToken = new Map<number, Mention>();
  for (const m of ctx.mentions) for (let k = m.tokenStart; k <= m.tokenEnd; k++) byToken.set(ctx.offsets[m.sentence]! + k, m);
  for (const m of ctx.mentions) {
    if (!m.entity || m.source === 'coref' || (m.type !== 'organization' && m.type !== 'person' && m.type !== 'weapon')) continue;
    const syn = ctx.sentences[m.sentence]!.syntax;
    if (!syn) continue;
    const last = syn[m.tokenEnd];
    const lastText = ctx.sentences[m.sentence]!.tokens[m.tokenEnd]!.text;
    if (last && last.upos === 'NOUN' && /^\p{Ll}/u.test(lastText)) described.push({ lemma: last.lemma.toLowerCase(), m });
    else if (last && m.end === ctx.sentences[m.sentence]!.tokens[m.tokenEnd]!.end) {
      // A compound name's common-noun part ("EU-kommisjonen": "kommisjonen"), and the last word of a body's name of
      // two words or more ("the European Commission": "the commission"), describe it too.
      const cut = Math.max(lastText.lastIndexOf('-'), lastText.lastIndexOf('‐'));
      const lemma = last.lemma.toLowerCase();
      const lcut = Math.max(lemma.lastIndexOf('-'), lemma.lastIndexOf('‐'));
      // (A name's token may keep its written form as its lemma: then the written part is matched as well.)
      if (cut > 0 && /^\p{Ll}{3,}$/u.test(lastText.slice(cut + 1)) && lcut > 0) described.push({ lemma: lemma.slice(lcut + 1), m, surface: lastText.slice(cut + 1) });
      else if (cut < 0 && m.type === 'organization' && m.tokenEnd > m.tokenStart && /^\p{Lu}\p{Ll}{3,}$/u.test(lastText)) described.push({ lemma: lemma, m });
    }
    const before = syn[m.tokenStart - 1];
    if (before && before.upos === 'NOUN' && !byToken.has(ctx.offsets[m.sentence]! + m.tokenStart - 1)) described.push({ lemma: before.lemma.toLowerCase(), m });
  }
  if (described.length === 0) return;
  // A description capitalised as a sentence's first word reads as a name of its own ("Kommisjonen kritiserte ...",
  // "Kommisjonens president X" after "EU-kommisjonen"): a one-word name that is a described noun, definite or
  // genitive, is the described one.
  for (const m of ctx.mentions) {
    if (m.source !== 'pattern' || m.tokenStart !== m.tokenEnd || !m.entity) continue;
    const toks = ctx.sentences[m.sentence]!.tokens;
    if (m.tokenStart > 0 && !/^[«"“'‘–—-]$/u.test(toks[m.tokenStart - 1]!.text)) continue;
    const word = toks[m.tokenStart]!.text.toLowerCase();
    for (let k = described.length - 1; k >= 0; k--) {
      const d = described[k]!;
      if (d.m.end > m.start || d.m.entity === m.entity) continue;
      if (d.m.sentence < m.sentence - DESCRIPTION_WINDOW) break;
      if (!sameNoun(d, word, word)) continue;
      m.entity = d.m.entity;
      m.type = d.m.type;
      m.source = 'coref';
      m.form = word.endsWith('s') ? 'genitive' : 'role';
      ctx.notAliases.add(m);
      break;
    }
  }
  for (const s of ctx.sentences) {
    const syn = s.syntax;
    if (!syn || syn.length !== s.tokens.length) continue;
    for (let i = 0; i < syn.length; i++) {
      const w = syn[i]!;
      if (w.upos !== 'NOUN' || byToken.has(ctx.offsets[s.index]! + i) || w.feats.includes('Number=Plur')) continue;
      const definite = w.feats.includes('Definite=Def') || /^(the)$/i.test(s.tokens[i - 1]?.text ?? '');
      if (!definite) continue;
      // (Its own name, genitive or demonym among its dependents: it describes that one.)
      if (syn.some((d, k) => d.head - 1 === i && byToken.has(ctx.offsets[s.index]! + k))) continue;
      // (Nor the noun right before a name: that is the name's own descriptor, "militsen RSF".)
      if (byToken.has(ctx.offsets[s.index]! + i + 1)) continue;
      const lemma = w.lemma.toLowerCase();
      const tok = s.tokens[i]!;
      let target: Mention | undefined;
      for (let k = described.length - 1; k >= 0; k--) {
        const d = described[k]!;
        if (d.m.end > tok.start) continue;
        if (d.m.sentence < s.index - DESCRIPTION_WINDOW) break;
        if (d.lemma === lemma || compoundHead(d.lemma, lemma) || sameNoun(d, tok.text.toLowerCase(), undefined)) {
          target = d.m;
          break;
        }
      }
      if (!target) continue;
      const m: Mention = { start: tok.start, end: tok.end, text: tok.text, type: target.type, source: 'coref', sentence: s.index, tokenStart: i, tokenEnd: i, form: 'role', entity: target.entity! };
      added.push(m);
      ctx.notAliases.add(m);
    }
  }
  pushAll(ctx.mentions, added);
}

/** Is the span s…e its clause's subject (or a conjunct of it) in the sentence's parse? No parse: no. */
function isSubjectAt(sentence: Sentence, s: number, e: number): boolean {
  const syn = sentence.syntax;
  if (!syn || syn.length !== sentence.tokens.length) return false;
  let h = e;
  for (let k = s; k <= e; k++) {
    const g = syn[k]!.head - 1;
    if (g < s || g > e) {
      h = k;
      break;
    }
  }
  for (let guard = 0; guard < 6 && h >= 0; guard++) {
    const rel = syn[h]!.deprel;
    const base = rel.split(':')[0]!;
    if (base === 'nsubj' || rel === 'SUBJ') return true;
    if (base !== 'conj' && rel !== 'KOORD') return false;
    h = syn[h]!.head - 1;
  }
  return false;
}

/**
 * "Iraks regjering", "den irakiske regjeringen", "regjeringen i Bagdad", "landets myndigheter":
 * the government noun becomes a mention of the country, so it can stand as subject or object.
 */
function addGovernmentMentions(ctx: Ctx): void {
  const added: Mention[] = [];
  {
    eachSpot(ctx, ctx.spots.government, (s, tok, i, word) => {
      const toks = s.tokens;
      const classes = word.classes;
      if (mentionAtToken(ctx, s.index, i)) return;
      const isGov = (classes & WORD_GOVERNMENT_NOUN) !== 0;
      let owner: Mention | undefined;
      // Genitive or demonym right before (an adjective may stand between): Iraks regjering, iranske myndigheter.
      for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
        const m = mentionEndingAt(ctx, s.index, k);
        if (m) {
          if ((m.form === 'genitive' || m.form === 'demonym') && (m.type === 'country' || m.type === 'organization')) owner = m;
          break;
        }
        if (ctx.lang.sets.prepositions.has(toks[k]!.norm) || /^[^\p{L}]+$/u.test(toks[k]!.text)) break;
      }
      // "regjeringen i Bagdad", "Regjeringen i USA": a government noun and the place it sits.
      if (!owner && isGov && toks[i + 1]?.norm === 'i') {
        const m = mentionStartingAt(ctx, s.index, i + 2);
        if (m) {
          const entry = m.kbId ? ctx.kb.entries.get(m.kbId) : undefined;
          if (m.type === 'country') owner = m;
          else if (entry?.capitalOf) {
            const country = ctx.kb.entries.get(entry.capitalOf);
            if (country) owner = { ...m, entity: country.id, type: country.type, kbId: country.id };
          }
        }
      }
      if (!owner) return;
      const gov: Mention = {
        start: tok.start,
        end: tok.end,
        text: tok.text,
        type: owner.type,
        source: 'coref',
        sentence: s.index,
        tokenStart: i,
        tokenEnd: i,
        kbId: owner.kbId,
        form: 'role',
        entity: owner.entity,
      };
      ctx.notAliases.add(gov);
      added.push(gov);
    });
  }
  pushAll(ctx.mentions, added);
  sortMentions(ctx);
}

/** Appositive roles: OWNER TITLE PERSON, TITLE PERSON i OWNER, PERSON, TITLE i OWNER, PERSON (PARTY). */
function findRoles(ctx: Ctx): RoleFact[] {
  const roles: RoleFact[] = [];
  const ownerTypes = new Set<EntityType>(['country', 'organization']);
  const isOwner = (m: Mention | undefined): m is Mention => !!m && ownerTypes.has(m.type) && m.entity !== undefined;
  const ownerAfter = (s: Sentence, k: number): Mention | undefined => {
    const prep = s.tokens[k];
    if (!prep || !['i', 'for', 'ved', 'hos', 'av', 'in', 'of', 'at', 'for'].includes(prep.norm)) return undefined;
    let j = k + 1;
    if (['den', 'det', 'the'].includes(s.tokens[j]?.norm ?? '')) j++;
    const m = mentionStartingAt(ctx, s.index, j);
    return isOwner(m) ? m : undefined;
  };
  {
    eachSpot(ctx, ctx.spots.appositives, (s, tok, i, word) => {
      const toks = s.tokens;
      const t = word.title;
      if (t) {
        const person = mentionStartingAt(ctx, s.index, i + 1);
        if (person && person.type === 'person') {
          let owner: Mention | undefined;
          const prevM = mentionEndingAt(ctx, s.index, i - 1);
          if (isOwner(prevM) && (prevM.form === 'genitive' || prevM.form === 'demonym')) owner = prevM;
          if (!owner) {
            const inside = findStartingAt(ctx, s.index, i, (m) => m.end < tok.end);
            if (isOwner(inside)) owner = inside;
          }
          if (!owner) owner = ownerAfter(s, person.tokenEnd + 1);
          roles.push({ person: person.entity!, title: t.stem, role: t.entry.role, ...(owner ? { owner: owner.entity } : {}), sentence: s.index, trigger: tok });
        }
        // PERSON , TITLE(def) PREP OWNER: "Kevin McCarthy, lederen i Representantenes hus".
        if (toks[i - 1]?.text === ',') {
          const p = mentionEndingAt(ctx, s.index, i - 2);
          const owner = ownerAfter(s, i + 1);
          if (p && p.type === 'person' && owner) {
            roles.push({ person: p.entity!, title: t.stem, role: t.entry.role, owner: owner.entity, sentence: s.index, trigger: tok });
          }
        }
      }
      // PERSON ( PARTY ): "Espen Barth Eide (Ap)".
      if (tok.text === '(' && toks[i + 2]?.text === ')') {
        const p = mentionEndingAt(ctx, s.index, i - 1);
        const party = mentionStartingAt(ctx, s.index, i + 1);
        // "Central Única de Trabajadores (CUT)": an abbreviation of the name before it is no party code.
        const initials = p ? p.text.split(/[\s-]+/).map((w) => w.charAt(0)).join('').toUpperCase() : '';
        const isAbbreviation = !!party && party.text.toUpperCase() === initials;
        if (p && p.type === 'person' && party && party.type === 'organization' && party.tokenEnd === i + 1 && !isAbbreviation) {
          roles.push({ person: p.entity!, title: 'party', role: 'member_of', owner: party.entity, sentence: s.index, trigger: toks[i + 1]! });
        }
      }
    });
  }
  // Promote people named after a title to persons (the typing of unknown names may have missed it).
  return roles;
}

/** "Nato-sjefen" → NATO's named leader; "forsvarsministeren" → the person last introduced with that title. */
function resolveTitles(ctx: Ctx, roles: RoleFact[]): void {
  const added: Mention[] = [];
  const removed = new Set<Mention>();
  // Roles are found in text order, so the roles of one title before a token are a prefix of that title's list.
  const rolesByTitle = new Map<string, RoleFact[]>();
  const firstLeader = new Map<string, RoleFact>();
  for (const r of roles) {
    const list = rolesByTitle.get(r.title);
    if (list) list.push(r);
    else rolesByTitle.set(r.title, [r]);
    if (r.role === 'leads' && r.owner !== undefined && !firstLeader.has(r.owner)) firstLeader.set(r.owner, r);
  }
  {
    eachSpot(ctx, ctx.spots.titles, (s, tok, i, word) => {
      const t = word.title;
      if (!t) return;
      const definite = tok.norm !== t.stem && !tok.norm.endsWith(`-${t.stem}`);
      const next = mentionStartingAt(ctx, s.index, i + 1);
      if (next && next.type === 'person') return; // an appositive title, handled by findRoles
      const inside = findStartingAt(ctx, s.index, i, (m) => m.start === tok.start && m.end < tok.end);
      let person: string | undefined;
      if (inside && inside.entity) {
        const r = t.entry.role === 'leads' ? firstLeader.get(inside.entity) : undefined;
        person = r?.person;
        if (person) removed.add(inside);
      } else if (definite && !mentionAtToken(ctx, s.index, i) && !ctx.lang.sets.prepositions.has(s.tokens[i - 1]?.norm ?? '')) {
        // A definite title as the topic of its clause ("Forsvarsministeren påpeker …") continues the person
        // last introduced with it; inside a prepositional phrase ("et møte med utenriksministeren") it rarely does.
        const list = rolesByTitle.get(t.stem) ?? [];
        let lo = 0;
        let hi = list.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          const x = list[mid]!;
          if (x.sentence < s.index || (x.sentence === s.index && x.trigger.start < tok.start)) lo = mid + 1;
          else hi = mid;
        }
        person = list[lo - 1]?.person;
      }
      if (!person) return;
      added.push({
        start: tok.start,
        end: tok.end,
        text: tok.text,
        type: 'person',
        source: 'coref',
        sentence: s.index,
        tokenStart: i,
        tokenEnd: i,
        form: tok.norm.endsWith('s') ? 'genitive' : 'role',
        entity: person,
      });
    });
  }
  ctx.mentions = ctx.mentions.filter((m) => !removed.has(m));
  pushAll(ctx.mentions, added);
  sortMentions(ctx);
}

/** han/hun → the latest person; de/dem → the latest group named by a demonym (ukrainske soldater). */
function resolvePronouns(ctx: Ctx): void {
  const added: Mention[] = [];
  {
    // The pronoun kinds come from a Map (wordInfo): "constructor" finds none of Object.prototype's members.
    eachSpot(ctx, ctx.spots.pronouns, (s, tok, i, word) => {
      const kind = word.pronoun;
      if (!kind || mentionAtToken(ctx, s.index, i)) return;
      // The latest mention ending before the pronoun, at most two sentences back, that fits: ctx.mentions is
      // sorted by start (and so by sentence), so walk back from the last one starting before the pronoun.
      const latest = (ok: (m: Mention) => boolean): Mention | undefined => {
        for (let k = lastStartingBy(ctx.mentions, tok.start); k >= 0; k--) {
          const m = ctx.mentions[k]!;
          if (m.sentence < s.index - 2) break;
          if (m.end <= tok.start && ok(m)) return m;
        }
        return undefined;
      };
      let target: Mention | undefined;
      if (kind.startsWith('person')) {
        target = latest((m) => m.type === 'person');
      } else if (kind.startsWith('plural')) {
        target = latest((m) => {
          if (m.form !== 'demonym') return false;
          const next = ctx.sentences[m.sentence]!.tokens[m.tokenEnd + 1];
          if (!next || ctx.lang.sets.verbForms.has(next.norm)) return false;
          return ctx.lang.sets.forceNouns.has(next.norm) || (next.norm.length >= 5 && /(?:er|ene)$/.test(next.norm));
        });
      }
      if (!target) return;
      const pronoun: Mention = {
        start: tok.start,
        end: tok.end,
        text: tok.text,
        type: target.type,
        source: 'coref',
        sentence: s.index,
        tokenStart: i,
        tokenEnd: i,
        form: kind.endsWith('genitive') ? 'genitive' : 'pronoun',
        entity: target.entity,
      };
      ctx.notAliases.add(pronoun);
      added.push(pronoun);
    });
  }
  pushAll(ctx.mentions, added);
  void typeOfKey;
}
