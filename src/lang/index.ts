// Language resources as data (lexicon and relation cues per language), compiled into lookup tables once.
import type { EntityType, Language, RelationType } from '../types.js';
import { ENTITY_TYPES, RELATION_TYPES } from '../types.js';
import nbLexicon from './nb/lexicon.json' with { type: 'json' };
import nbCues from './nb/cues.json' with { type: 'json' };
import enLexicon from './en/lexicon.json' with { type: 'json' };
import enCues from './en/cues.json' with { type: 'json' };
import { KgError } from '../errors.js';

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
  roleNouns: RoleNounEntry[];
  titleCorefNouns: string[];
  orgHeadSuffixes: string[];
  orgApposNouns: string[];
  locationApposNouns: string[];
  givenNameParticles: string[];
  nonNames: string[];
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
  objectFallback?: boolean;
  subjectFallback?: boolean;
  objectFromClauseSubject?: boolean;
  adjacentObject?: boolean;
  coordinated?: boolean;
  copula?: boolean;
  copulaSubject?: boolean;
  requiresBefore?: string[];
  /** Words one of which must stand between the verb and its object ("leverte våpen til Ukraina"). */
  requiresObjectNoun?: string[];
  /** The object is never the owner in a genitive ("møte alliansens standarder" is no meeting with NATO). */
  noGenitiveObject?: boolean;
  complement?: { marker: string; verbs: string[] };
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
  };
  titles: Map<string, TitleEntry>;
  roleNouns: Map<string, RoleNounEntry>;
}

function validateCues(file: CueFile, where: string): void {
  file.cues.forEach((c, i) => {
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
      orgApposNouns: low(lexicon.orgApposNouns),
      locationApposNouns: low(lexicon.locationApposNouns),
      particles: new Set(cues.flatMap((c) => c.particles)),
      nonNames: new Set(lexicon.nonNames),
      bylineMarkers: low(lexicon.bylineMarkers),
      commonWords: low(lexicon.commonWords),
      genitivePrepositions: low(lexicon.genitivePrepositions),
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
 * The title a word is, if any: listed forms first ("visepresident" is member_of), then compounds ending in a
 * listed title ("Nato-sjefen", "forbundskansler", "etterretningssjefen"). `stem` is the indefinite form.
 */
export function findTitle(lang: LanguageResources, norm: string): { entry: TitleEntry; stem: string } | undefined {
  const stemOf = (w: string): string => {
    for (const suf of ['ene', 'en', 'et', 'a', 'n', 's']) {
      if (w.length > suf.length + 2 && w.endsWith(suf) && lang.titles.has(w.slice(0, -suf.length))) {
        const base = w.slice(0, -suf.length);
        return lang.titles.get(base) === lang.titles.get(w) ? base : w;
      }
    }
    return w;
  };
  const direct = lang.titles.get(norm);
  if (direct) return { entry: direct, stem: stemOf(norm) };
  const parts = norm.split('-');
  if (parts.length > 1) {
    const head = parts[parts.length - 1]!;
    const e = lang.titles.get(head);
    if (e) return { entry: e, stem: stemOf(head) };
    return undefined;
  }
  if (!/^\p{Ll}+$/u.test(norm)) return undefined;
  for (let k = 3; k <= norm.length - 5; k++) {
    const tail = norm.slice(k);
    const e = lang.titles.get(tail);
    if (e) return { entry: e, stem: stemOf(tail) };
  }
  return undefined;
}
