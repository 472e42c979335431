// Language resources as data (lexicon and relation cues per language), compiled into lookup tables once.
import type { EntityType, Language, RelationType } from '../types.js';
import { ENTITY_TYPES, RELATION_TYPES } from '../types.js';
import nbLexicon from './nb/lexicon.json' with { type: 'json' };
import nbCues from './nb/cues.json' with { type: 'json' };
import enLexicon from './en/lexicon.json' with { type: 'json' };
import enCues from './en/cues.json' with { type: 'json' };
import { KgError } from '../errors.js';
import { ending3, isAllLower } from '../text/chars.js';
import type { Word } from '../text/words.js';

export interface TitleEntry {
  forms: string[];
  role: 'leads' | 'member_of';
}

export interface RoleNounEntry {
  forms: string[];
  type: EntityType;
  prefer?: string[];
  /** Resolve only to one of the preferred entities ("alliansen" is NATO, never any organisation). */
  only?: boolean;
  /** Never a state's own body (a knowledge-base organisation that is part of a country): "the group" is no ministry. */
  nonState?: boolean;
}

export interface LexiconData {
  language: string;
  version: string;
  abbreviations: string[];
  prepositions: string[];
  placePrepositions: string[];
  subordinators: string[];
  clauseCoordinators: string[];
  coordinators: string[];
  negations: string[];
  negationExceptions: string[][];
  negatingVerbs: string[];
  hypotheticalMarkers: string[];
  speechVerbs: string[];
  claimVerbs: string[];
  accusableRelations: string[];
  passiveAuxiliaries: string[];
  infinitiveMarkers: string[];
  possessiveReflexives: string[];
  pronouns: Record<string, string>;
  governmentNouns: string[];
  forceNouns: string[];
  titles: TitleEntry[];
  /** Words and compound prefixes that make a head's title a deputy's ("vise", "nest", "deputy", "vice"): member_of. */
  deputyWords?: string[];
  roleNouns: RoleNounEntry[];
  titleCorefNouns: string[];
  orgHeadSuffixes: string[];
  /** Prepositions of being somewhere, not of going or giving ("i", "in", "at"; not "til", "to", "from"). */
  locativePrepositions?: string[];
  /** Capitalised last words of a place's name ("Second Thomas Shoal", "Batken Region", "Evin Prison"). */
  locationHeadWords?: string[];
  /**
   * Last words of a treaty's name, capitalised in English ("Indus Waters Treaty", "Simla Agreement"); in Norwegian the
   * noun a name is compounded with ("Prespa-avtalen", "Parisavtalen").
   */
  agreementHeadWords?: string[];
  orgApposNouns: string[];
  locationApposNouns: string[];
  /** Nouns for weapon systems that a designation follows: "rakettsystem kalt 9M729", "the S-400 system". */
  weaponNouns?: string[];
  /** Words that introduce a name after a noun: "kalt", "called" (one or more words). */
  namingWords?: string[];
  givenNameParticles: string[];
  /** Honorifics and words of titles that a person's name may follow ("Mr", "Dr", "kronprins"): not part of the name. */
  honorifics?: string[];
  /** Head nouns of a state's own ministries and offices ("Ministry"): "Russia's Defence Ministry" is the state's body. */
  stateBodyHeads?: string[];
  /**
   * Forms that the knowledge base's demonyms and inhabitant nouns inflect to but that are far more often other
   * words: "finne"/"finner" (to find, finds; also a Finn, Finns), "irene" (the name Irene; also the Irish). They are
   * not matched as demonyms: a Finn is still "finnen", Finns "finnene".
   */
  demonymHomographs?: string[];
  nonNames: string[];
  /** Names end in a capitalised word ("Council of Ministers"): a tagged span's lower-case last words are no part of it. */
  namesEndCapitalised?: boolean;
  /** Month names and their abbreviations ("Dec", "des"): with a day number they are a date, never a name ("Dec 3"). */
  months?: string[];
  bylineMarkers: string[];
  boilerplate: string[];
  ledSuffixes: string[];
  commonWords: string[];
  hypotheticalGovernors: string[];
  /** Personal and demonstrative pronouns that can stand as a clause subject. */
  subjectPronouns: string[];
  frontAdverbials: string[];
  auxiliaries: string[];
  /** English: the words that open a genitive ("of"), e.g. "the government of Iraq". */
  genitivePrepositions?: string[];
}

export interface CueEntry {
  relation: RelationType;
  pos: 'verb' | 'noun';
  forms: string[];
  head?: boolean;
  particles?: string[];
  exclude?: string[];
  objectPreps?: string[];
  agentPreps?: string[];
  subjectTypes?: EntityType[];
  objectTypes?: EntityType[];
  adjacentObject?: boolean;
  coordinated?: boolean;
  /** A noun cue whose subject may be the clause subject (no genitive, demonym or agent phrase found). */
  clauseSubject?: boolean;
  copula?: boolean;
  /** Words one of which must stand between the verb and its object ("leverte våpen til Ukraina"). */
  requiresObjectNoun?: string[];
  /** The object is never the owner in a genitive ("møte alliansens standarder" is no meeting with NATO). */
  noGenitiveObject?: boolean;
}

interface CueFile {
  language: string;
  version: string;
  defaults: { subjectTypes: EntityType[]; objectTypes: EntityType[] };
  cues: CueEntry[];
}

/** A cue with defaults applied. */
export interface Cue extends CueEntry {
  id: number;
  subjectTypes: EntityType[];
  objectTypes: EntityType[];
  objectPreps: string[];
  agentPreps: string[];
  particles: string[];
  exclude: string[];
}

export interface LanguageResources {
  language: Language;
  lexicon: LexiconData;
  cues: Cue[];
  /** Cues by exact lower-case word form. */
  cueForms: Map<string, Cue[]>;
  /** Noun cues that may close a compound, longest form first. */
  headCues: { form: string; cue: Cue }[];
  /** The lexicon's orgHeadSuffixes, lower-cased, in order. */
  orgHeadSuffixes: string[];
  sets: {
    abbreviations: Set<string>;
    prepositions: Set<string>;
    placePrepositions: Set<string>;
    subordinators: Set<string>;
    clauseCoordinators: Set<string>;
    coordinators: Set<string>;
    negations: Set<string>;
    negatingVerbs: Set<string>;
    hypothetical: Set<string>;
    hypotheticalGovernors: Set<string>;
    subjectPronouns: Set<string>;
    frontAdverbials: Set<string>;
    auxiliaries: Set<string>;
    verbForms: Set<string>;
    speechVerbs: Set<string>;
    claimVerbs: Set<string>;
    passiveAux: Set<string>;
    infinitive: Set<string>;
    possessiveReflexives: Set<string>;
    governmentNouns: Set<string>;
    forceNouns: Set<string>;
    titleCoref: Set<string>;
    orgApposNouns: Set<string>;
    locationApposNouns: Set<string>;
    particles: Set<string>;
    nonNames: Set<string>;
    bylineMarkers: Set<string>;
    commonWords: Set<string>;
    genitivePrepositions: Set<string>;
    /** The lexicon's deputyWords, lower-cased. */
    deputies: Set<string>;
    /** The lexicon's locationHeadWords as written. */
    locationHeads: Set<string>;
    /** The lexicon's agreementHeadWords as written. */
    agreementHeads: Set<string>;
    /** The lexicon's locativePrepositions, lower-cased. */
    locative: Set<string>;
    /** The lexicon's givenNameParticles as written. */
    givenNameParticles: Set<string>;
    /** The lexicon's accusableRelations as written. */
    accusableRelations: Set<string>;
  };
  titles: Map<string, TitleEntry>;
  roleNouns: Map<string, RoleNounEntry>;
}

const CUE_KEYS = new Set(['relation', 'pos', 'forms', 'head', 'particles', 'exclude', 'objectPreps', 'agentPreps', 'subjectTypes', 'objectTypes', 'adjacentObject', 'coordinated', 'clauseSubject', 'copula', 'requiresObjectNoun', 'noGenitiveObject']);

function validateCues(file: CueFile, where: string): void {
  file.cues.forEach((c, i) => {
    for (const key of Object.keys(c)) if (!CUE_KEYS.has(key)) throw new KgError('INVALID_KB', `cue ${i}: unknown key "${key}"`, where);
    if (!(RELATION_TYPES as readonly string[]).includes(c.relation)) {
      throw new KgError('INVALID_KB', `cue ${i}: unknown relation "${c.relation}"`, where);
    }
    for (const t of [...(c.subjectTypes ?? []), ...(c.objectTypes ?? [])]) {
      if (!(ENTITY_TYPES as readonly string[]).includes(t)) {
        throw new KgError('INVALID_KB', `cue ${i}: unknown entity type "${t}"`, where);
      }
    }
    if (!Array.isArray(c.forms) || c.forms.length === 0) {
      throw new KgError('INVALID_KB', `cue ${i} (${c.relation}): \`forms\` must be a non-empty array`, where);
    }
  });
}

function compile(language: Language, lexicon: LexiconData, cueFile: CueFile): LanguageResources {
  validateCues(cueFile, `src/lang/${language}/cues.json`);
  const cues: Cue[] = cueFile.cues.map((c, id) => ({
    ...c,
    id,
    subjectTypes: c.subjectTypes ?? cueFile.defaults.subjectTypes,
    objectTypes: c.objectTypes ?? cueFile.defaults.objectTypes,
    objectPreps: c.objectPreps ?? [],
    agentPreps: c.agentPreps ?? [],
    particles: c.particles ?? [],
    exclude: c.exclude ?? [],
  }));
  const cueForms = new Map<string, Cue[]>();
  const headCues: { form: string; cue: Cue }[] = [];
  for (const cue of cues) {
    for (const form of cue.forms) {
      const f = form.toLowerCase();
      const list = cueForms.get(f) ?? [];
      list.push(cue);
      cueForms.set(f, list);
      if (cue.head) headCues.push({ form: f, cue });
    }
  }
  headCues.sort((a, b) => b.form.length - a.form.length || (a.form < b.form ? -1 : a.form > b.form ? 1 : 0));
  const low = (xs: string[] | undefined) => new Set((xs ?? []).map((x) => x.toLowerCase()));
  const titles = new Map<string, TitleEntry>();
  for (const t of lexicon.titles) for (const f of t.forms) titles.set(f.toLowerCase(), t);
  const roleNouns = new Map<string, RoleNounEntry>();
  for (const r of lexicon.roleNouns) for (const f of r.forms) roleNouns.set(f.toLowerCase(), r);
  return {
    language,
    lexicon,
    cues,
    cueForms,
    headCues,
    orgHeadSuffixes: lexicon.orgHeadSuffixes.map((x) => x.toLowerCase()),
    sets: {
      abbreviations: low(lexicon.abbreviations),
      prepositions: low(lexicon.prepositions),
      placePrepositions: low(lexicon.placePrepositions),
      subordinators: low(lexicon.subordinators),
      clauseCoordinators: low(lexicon.clauseCoordinators),
      coordinators: low(lexicon.coordinators),
      negations: low(lexicon.negations),
      negatingVerbs: low(lexicon.negatingVerbs),
      hypothetical: low(lexicon.hypotheticalMarkers),
      hypotheticalGovernors: low(lexicon.hypotheticalGovernors),
      subjectPronouns: low(lexicon.subjectPronouns),
      frontAdverbials: low(lexicon.frontAdverbials),
      auxiliaries: low(lexicon.auxiliaries),
      verbForms: new Set([
        ...lexicon.auxiliaries,
        ...lexicon.speechVerbs,
        ...lexicon.claimVerbs,
        ...cues.filter((c) => c.pos === 'verb' && !c.copula).flatMap((c) => c.forms),
      ].map((x) => x.toLowerCase())),
      speechVerbs: low(lexicon.speechVerbs),
      claimVerbs: low(lexicon.claimVerbs),
      passiveAux: low(lexicon.passiveAuxiliaries),
      infinitive: low(lexicon.infinitiveMarkers),
      possessiveReflexives: low(lexicon.possessiveReflexives),
      governmentNouns: low(lexicon.governmentNouns),
      forceNouns: low(lexicon.forceNouns),
      titleCoref: low(lexicon.titleCorefNouns),
      deputies: low(lexicon.deputyWords),
      locationHeads: new Set(lexicon.locationHeadWords ?? []),
      agreementHeads: new Set(lexicon.agreementHeadWords ?? []),
      locative: low(lexicon.locativePrepositions),
      orgApposNouns: low(lexicon.orgApposNouns),
      locationApposNouns: low(lexicon.locationApposNouns),
      particles: new Set(cues.flatMap((c) => c.particles)),
      nonNames: new Set(lexicon.nonNames),
      bylineMarkers: low(lexicon.bylineMarkers),
      commonWords: low(lexicon.commonWords),
      genitivePrepositions: low(lexicon.genitivePrepositions),
      givenNameParticles: new Set(lexicon.givenNameParticles),
      accusableRelations: new Set(lexicon.accusableRelations),
    },
    titles,
    roleNouns,
  };
}

const cache = new Map<Language, LanguageResources>();

/** The compiled resources of a language; Nynorsk uses the Bokmål tables (its own forms are listed there). */
export function getLanguageResources(language: Language): LanguageResources {
  let res = cache.get(language);
  if (!res) {
    res =
      language === 'en'
        ? compile('en', enLexicon as LexiconData, enCues as CueFile)
        : compile(language, nbLexicon as LexiconData, nbCues as CueFile);
    cache.set(language, res);
  }
  return res;
}

/**
 * How many words of a title or honorific start at word k of `words` (0 for none): the lexicon's title forms
 * (several words: "secretary of state") and honorifics, case and a final full stop ignored, and a single word
 * that findTitle reads as a title ("Utenriksminister", "Nato-sjefen"). What cuts titles from person names.
 */
export function titleMatcher(lang: LanguageResources): (words: readonly string[], k: number) => number {
  let m = TITLE_MATCHERS.get(lang);
  if (m) return m;
  const phrases = new Set<string>([...lang.titles.keys(), ...(lang.lexicon.honorifics ?? []).map((h) => h.toLowerCase())]);
  let longest = 1;
  for (const t of phrases) longest = Math.max(longest, t.split(' ').length);
  m = (words, k) => {
    // Words of the phrase from k, an abbreviation's full stop written as a token of its own ("Maj", ".") counted
    // with it; the longest phrase known wins.
    let best = 0;
    let phrase = '';
    let count = 0;
    for (let j = k; j < words.length && count < longest; j++) {
      if (words[j] === '.') break;
      phrase += (count > 0 ? ' ' : '') + words[j]!.toLowerCase().replace(/\.$/, '');
      count++;
      const end = words[j + 1] === '.' && !words[j]!.endsWith('.') ? j + 2 : j + 1;
      if (phrases.has(phrase)) best = end - k;
      if (end === j + 2) j++;
    }
    if (best > 0) return best;
    const w = words[k]!;
    return /^\p{Lu}/u.test(w) && findTitle(lang, w.toLowerCase()) ? 1 : 0;
  };
  TITLE_MATCHERS.set(lang, m);
  return m;
}
const TITLE_MATCHERS = new WeakMap<LanguageResources, (words: readonly string[], k: number) => number>();

/** A title found by findTitle. */
export interface TitleMatch {
  entry: TitleEntry;
  stem: string;
}

// findTitle tries every suffix of a word, and the rules ask it about the same words again and again. Every title
// a word can be ends the word (the word itself, the head of a hyphenated compound, the tail of a closed one), so
// a word whose last three letters end no listed title form is none (most words: no lookup at all); the answers
// for the others are kept per language (bounded: the memo starts over when full). The answers are shared
// objects: read only.
interface TitleTable {
  /** The last three characters of every title form (see ending3). */
  endings: Set<number>;
  minLength: number;
  memo: Map<string, TitleMatch | null>;
}
const TITLE_TABLES = new WeakMap<LanguageResources, TitleTable>();
const TITLE_MEMO_MAX = 50_000;
let lastTitleLang: LanguageResources | undefined;
let lastTitleTable: TitleTable | undefined;

function titleTable(lang: LanguageResources): TitleTable {
  if (lang === lastTitleLang) return lastTitleTable!;
  let table = TITLE_TABLES.get(lang);
  if (!table) {
    let minLength = Infinity;
    for (const form of lang.titles.keys()) minLength = Math.min(minLength, form.length);
    // Forms shorter than three letters (none so far) would need a shorter ending: then no filter.
    // (With the feminine definite -a of the forms in -e, which computeTitle accepts.)
    const forms = [...lang.titles.keys()];
    if (lang.language !== 'en') for (const f of lang.titles.keys()) if (f.length > 4 && f.endsWith('e')) forms.push(`${f.slice(0, -1)}a`);
    const endings = minLength >= 3 ? new Set(forms.map(ending3)) : undefined;
    table = { endings: endings ?? new Set(), minLength: endings ? minLength : 0, memo: new Map() };
    TITLE_TABLES.set(lang, table);
  }
  lastTitleLang = lang;
  lastTitleTable = table;
  return table;
}


/**
 * Is the lower-case word a body's appositive noun of the lexicon ("partiet", "group"), or a compound ending in one of at
 * least five letters ("opposisjonspartiet", "jihadistgruppen")?
 */
export function isOrgApposNoun(lang: LanguageResources, norm: string): boolean {
  const nouns = lang.sets.orgApposNouns;
  if (nouns.has(norm)) return true;
  for (const x of nouns) if (x.length >= 5 && norm.length > x.length + 2 && norm.endsWith(x)) return true;
  return false;
}
/**
 * The title a word is, if any: listed forms first ("visepresident" is member_of), then compounds ending in a
 * listed title ("Nato-sjefen", "forbundskansler", "etterretningssjefen"). `stem` is the indefinite form.
 */
export function findTitle(lang: LanguageResources, norm: string): TitleMatch | undefined {
  const table = titleTable(lang);
  if (table.minLength > 0 && (norm.length < table.minLength || !table.endings.has(ending3(norm)))) return undefined;
  let t = table.memo.get(norm);
  if (t === undefined) {
    t = computeTitle(lang, norm) ?? null;
    if (table.memo.size >= TITLE_MEMO_MAX) table.memo.clear();
    table.memo.set(norm, t);
  }
  return t ?? undefined;
}

/** The title a deputy's prefix or word makes of a head's: a member's. */
export const DEPUTY: TitleEntry = { forms: [], role: 'member_of' };

function computeTitle(lang: LanguageResources, norm: string): TitleMatch | undefined {
  const stemOf = (w: string): string => {
    for (const suf of ['ene', 'en', 'et', 'a', 'n', 's']) {
      if (w.length > suf.length + 2 && w.endsWith(suf) && lang.titles.has(w.slice(0, -suf.length))) {
        const base = w.slice(0, -suf.length);
        return lang.titles.get(base) === lang.titles.get(w) ? base : w;
      }
    }
    return w;
  };
  // (A feminine noun's definite form in -a stands for its -e form, in Nynorsk and Bokmål: "talskvinna", "leiarkvinna".)
  const listed = (w: string): TitleEntry | undefined => lang.titles.get(w) ?? (lang.language !== 'en' && w.length > 4 && w.endsWith('a') ? lang.titles.get(`${w.slice(0, -1)}e`) : undefined);
  const direct = listed(norm);
  if (direct) return { entry: direct, stem: lang.titles.has(norm) ? stemOf(norm) : `${norm.slice(0, -1)}e` };
  // (A deputy's prefix makes a head's title a member's: "visestatsminister", "nestleder", "vice-president".)
  const deputy = (e: TitleEntry, prefix: string): TitleEntry => (e.role === 'leads' && [...lang.sets.deputies].some((d) => prefix.endsWith(d)) ? DEPUTY : e);
  const parts = norm.split('-');
  if (parts.length > 1) {
    const head = parts[parts.length - 1]!;
    const e = lang.titles.get(head);
    if (e) return { entry: deputy(e, parts[parts.length - 2]!), stem: stemOf(head) };
    // (The part after the hyphen may be a compound title itself: "AU-kommisjonsleiar", "FN-visegeneralsekretær".)
    const inner = head.length > 4 ? computeTitle(lang, head) : undefined;
    if (inner) return { entry: deputy(inner.entry, parts[parts.length - 2]!), stem: inner.stem };
    return undefined;
  }
  if (!isAllLower(norm)) return undefined;
  // (A tail of four letters or more: "utenrikssjef", "forsvarssjefen"; a prefix of three or more, or a deputy's.)
  for (let k = 3; k <= norm.length - 4; k++) {
    const tail = norm.slice(k);
    const e = listed(tail);
    if (e) return { entry: deputy(e, norm.slice(0, k)), stem: lang.titles.has(tail) ? stemOf(tail) : `${tail.slice(0, -1)}e` };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Word information: what the rules ask of a token's norm (its word classes, role noun, pronoun kind, title, cues),
// worked out once per distinct word and kept on the token's Word record (text/words.ts, wordInfoOf). The
// resolution and relation rules walk every token of a document several times; reading the record replaces a
// dozen set lookups per token.

export const WORD_SUBORDINATOR = 1 << 0;
export const WORD_CLAUSE_COORDINATOR = 1 << 1;
export const WORD_COORDINATOR = 1 << 2;
export const WORD_CLAIM_VERB = 1 << 3;
export const WORD_SPEECH_VERB = 1 << 4;
export const WORD_VERB = 1 << 5;
export const WORD_AUXILIARY = 1 << 6;
export const WORD_PREPOSITION = 1 << 7;
export const WORD_SUBJECT_PRONOUN = 1 << 8;
export const WORD_POSSESSIVE_REFLEXIVE = 1 << 9;
export const WORD_GOVERNMENT_NOUN = 1 << 10;
export const WORD_FORCE_NOUN = 1 << 11;
export const WORD_COMMON = 1 << 12;
export const WORD_TITLE_COREF = 1 << 13;

// What the resolution passes look at (WordInfo.resolveKinds).
export const RESOLVE_ROLE_NOUN = 1;
export const RESOLVE_GOVERNMENT = 2;
export const RESOLVE_TITLE = 4;
export const RESOLVE_PRONOUN = 8;
/** The norm "(": for tokens the tokeniser made, the text "(" too (nothing else normalises to it). */
export const RESOLVE_OPEN_PAREN = 16;

/** What the language resources say about one word (a token norm). Shared objects: read only. */
export interface WordInfo {
  /** RESOLVE_* bits: which passes of the resolution look at the word. */
  resolveKinds: number;
  /** WORD_* bits: the sets of `LanguageResources.sets` the word is in. */
  classes: number;
  roleNoun: RoleNounEntry | undefined;
  /** The kind of pronoun (`lexicon.pronouns`, own keys only). */
  pronoun: string | undefined;
  /** findTitle(lang, word). */
  title: TitleMatch | undefined;
  /** The cues of the exact form (`cueForms`), empty if none. */
  cues: readonly Cue[];
  /** For a word of lower-case letters only: the noun cues its compound head is (see headCuesOf); else empty. */
  headCues: readonly Cue[];
  /** For a word with a hyphen and no cues of its own: the noun cues of its head ("FN-sanksjonene"); else empty. */
  compoundCues: readonly Cue[];
  /** The cues the relation rules try at the word: its own, else its compound's, else its head's. */
  cueCandidates: readonly Cue[];
}

const NO_CUES: readonly Cue[] = [];

interface WordTable {
  memo: Map<string, WordInfo>;
  /** The WORD_* classes of every word in one of their sets (one lookup instead of one per set). */
  classes: Map<string, number>;
  pronouns: Map<string, string>;
  /** Head-cue forms by form, and their lengths, longest first. */
  headByForm: Map<string, Cue[]>;
  headLengths: number[];
}
const WORD_TABLES = new WeakMap<LanguageResources, WordTable>();
const WORD_MEMO_MAX = 100_000;
let lastWordLang: LanguageResources | undefined;
let lastWordTable: WordTable | undefined;

function wordTable(lang: LanguageResources): WordTable {
  if (lang === lastWordLang) return lastWordTable!;
  let table = WORD_TABLES.get(lang);
  if (!table) {
    const headByForm = new Map<string, Cue[]>();
    for (const h of lang.headCues) {
      const list = headByForm.get(h.form);
      if (list) list.push(h.cue);
      else headByForm.set(h.form, [h.cue]);
    }
    const headLengths = [...new Set(lang.headCues.map((h) => h.form.length))].sort((a, b) => b - a);
    const s = lang.sets;
    const classes = new Map<string, number>();
    const classSets: [number, ReadonlySet<string>][] = [
      [WORD_SUBORDINATOR, s.subordinators],
      [WORD_CLAUSE_COORDINATOR, s.clauseCoordinators],
      [WORD_COORDINATOR, s.coordinators],
      [WORD_CLAIM_VERB, s.claimVerbs],
      [WORD_SPEECH_VERB, s.speechVerbs],
      [WORD_VERB, s.verbForms],
      [WORD_AUXILIARY, s.auxiliaries],
      [WORD_PREPOSITION, s.prepositions],
      [WORD_SUBJECT_PRONOUN, s.subjectPronouns],
      [WORD_POSSESSIVE_REFLEXIVE, s.possessiveReflexives],
      [WORD_GOVERNMENT_NOUN, s.governmentNouns],
      [WORD_FORCE_NOUN, s.forceNouns],
      [WORD_COMMON, s.commonWords],
      [WORD_TITLE_COREF, s.titleCoref],
    ];
    for (const [bit, set] of classSets) for (const w of set) classes.set(w, (classes.get(w) ?? 0) | bit);
    // A Map, not the lexicon's object: a word such as "constructor" must not find Object.prototype's members.
    table = { memo: new Map(), classes, pronouns: new Map(Object.entries(lang.lexicon.pronouns)), headByForm, headLengths };
    WORD_TABLES.set(lang, table);
  }
  lastWordLang = lang;
  lastWordTable = table;
  return table;
}

/**
 * The noun cues a compound ends in ("våpenleveranser" → leveranser): the longest listed head form that leaves at
 * least three letters before it, with every cue of that form in the order of `lang.headCues`.
 */
function computeHeadCues(table: WordTable, norm: string): readonly Cue[] {
  for (const len of table.headLengths) {
    if (norm.length - len < 3) continue;
    const cues = table.headByForm.get(norm.slice(norm.length - len));
    if (cues) return cues;
  }
  return NO_CUES;
}

/** The information of a word the language has nothing to say about (most words): one shared object (not frozen: same shape as the others). */
const NOTHING: WordInfo = {
  resolveKinds: 0,
  classes: 0,
  roleNoun: undefined,
  pronoun: undefined,
  title: undefined,
  cues: NO_CUES,
  headCues: NO_CUES,
  compoundCues: NO_CUES,
  cueCandidates: NO_CUES,
};

function computeWordInfo(lang: LanguageResources, table: WordTable, norm: string): WordInfo {
  const classes = table.classes.get(norm) ?? 0;
  const roleNoun = lang.roleNouns.get(norm);
  const pronoun = table.pronouns.get(norm);
  const title = findTitle(lang, norm);
  const resolveKinds =
    (roleNoun ? RESOLVE_ROLE_NOUN : 0) |
    ((classes & (WORD_GOVERNMENT_NOUN | WORD_FORCE_NOUN)) !== 0 ? RESOLVE_GOVERNMENT : 0) |
    (title ? RESOLVE_TITLE : 0) |
    (pronoun !== undefined ? RESOLVE_PRONOUN : 0) |
    (norm === '(' ? RESOLVE_OPEN_PAREN : 0);
  const cues = lang.cueForms.get(norm) ?? NO_CUES;
  const compoundCues =
    cues.length === 0 && norm.includes('-') ? (lang.cueForms.get(norm.slice(norm.lastIndexOf('-') + 1)) ?? NO_CUES).filter((c) => c.pos === 'noun') : NO_CUES;
  const headCues = isAllLower(norm) ? computeHeadCues(table, norm) : NO_CUES;
  if (resolveKinds === 0 && classes === 0 && cues.length === 0 && compoundCues.length === 0 && headCues.length === 0) return NOTHING;
  return {
    resolveKinds,
    classes,
    roleNoun,
    pronoun,
    title,
    cues,
    headCues,
    compoundCues,
    cueCandidates: cues.length > 0 ? cues : compoundCues.length > 0 ? compoundCues : headCues,
  };
}

/** What the language resources say about a word (a token norm); kept per language (bounded). */
export function wordInfo(lang: LanguageResources, norm: string): WordInfo {
  const table = wordTable(lang);
  let info = table.memo.get(norm);
  if (info === undefined) {
    info = computeWordInfo(lang, table, norm);
    if (table.memo.size >= WORD_MEMO_MAX) table.memo.clear();
    table.memo.set(norm, info);
  }
  return info;
}

/**
 * The information of a Word record (text/words.ts), kept on it for the language last asked about (the first
 * answer for a word is worked out directly; the per-language memo serves words asked about in several languages).
 */
export function wordInfoOf(lang: LanguageResources, w: Word): WordInfo {
  if (w.infoOwner === lang) return w.info!;
  const info = w.infoOwner === null ? computeWordInfo(lang, wordTable(lang), w.norm) : wordInfo(lang, w.norm);
  w.info = info;
  w.infoOwner = lang;
  return info;
}
