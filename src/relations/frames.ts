// Frames as data: per language, the words (lemma + part of speech) that express a relation and where each role
// sits in the tree. One engine (tree.ts) runs every frame; a schema check here rejects unknown keys, naming the
// file, the entry and the key.

import { readFileSync } from 'node:fs';
import type { EntityType, Language, RelationType } from '../types.js';
import { ENTITY_TYPES, RELATION_TYPES } from '../types.js';
import { KgError } from '../errors.js';
import nbFrames from '../lang/nb/frames.json' with { type: 'json' };
import nnFrames from '../lang/nn/frames.json' with { type: 'json' };
import enFrames from '../lang/en/frames.json' with { type: 'json' };

/** Where a role sits, relative to the frame's word. */
export type RolePath = 'subj' | 'obj' | 'iobj' | 'poss' | 'compound' | 'support' | 'comp:subj' | 'head:subj' | 'head:obj' | 'inf:obj' | `obl:${string}`;

export const FRAME_POS = ['verb', 'noun', 'adj'] as const;
export type FramePos = (typeof FRAME_POS)[number];

export interface FrameEntry {
  lemma: string | string[];
  pos: FramePos;
  relation: RelationType;
  subject?: RolePath[];
  object?: RolePath[];
  /** A particle the word must have ("kaste ut", "stå sammen"): a child adverb or particle with this lemma. */
  particle?: string;
  /** The verb must have a reflexive object ("trekke seg", "withdraw itself"); it is no role. */
  reflexive?: boolean;
  /** One of these nouns must be the verb's object ("levere våpen til X", "send troops to X"). */
  objectNoun?: string[];
  /** One of these nouns must be the verb's subject ("troops crossed into X", "soldatene rykket inn i X"). */
  subjectNoun?: string[];
  subjectTypes?: EntityType[];
  objectTypes?: EntityType[];
  /** Coordinated subjects with no object relate to each other ("X og Y forhandler"). */
  mutual?: boolean;
  /** The verb counts only with an infinitive or a clause ("asked X to leave", "ba X om å"): "asked X" alone is no demand. */
  withClause?: boolean;
  /** The verb counts only with a predicative of its object that condemns it (condemningPredicates): "called X a provocation". */
  condemningPredicate?: boolean;
  /** The frame counts only with two or more subjects ("X, Y og Z dannet alliansen"): one founder is no member. */
  jointSubjects?: boolean;
  note?: string;
}

export interface Frame {
  id: string;
  lemma: string;
  pos: FramePos;
  relation: RelationType;
  subject: RolePath[];
  object: RolePath[];
  particle?: string;
  reflexive: boolean;
  objectNoun?: Set<string>;
  subjectNoun?: Set<string>;
  subjectTypes: EntityType[];
  objectTypes: EntityType[];
  mutual: boolean;
  withClause: boolean;
  condemningPredicate: boolean;
  jointSubjects: boolean;
}

/** The word lists the engine's general rules read (assertion, support verbs, stand-in nouns, titles of places). */
export interface FrameLists {
  /** Verbs whose object or oblique noun takes the verb's subject as its own: "launch an attack", "innføre sanksjoner". */
  supportVerbs: string[];
  /** Nouns that stand for their owner as an argument: "russiske styrker", "Iraq's government", "the Taliban's fighters". */
  proxyNouns: string[];
  /** Governors whose infinitive or clause is a fact: "begynte å", "managed to", "continued to". */
  factiveGovernors: string[];
  /** Governors whose clause is reported as fact: "said", "sier", "confirmed". */
  reportingVerbs: string[];
  /** Auxiliaries of possibility and obligation ("could", "kan", "bør"): not a fact. */
  modalAuxiliaries: string[];
  /** Auxiliaries of a plan ("will", "vil", "skal"): not yet a fact. */
  planAuxiliaries: string[];
  /** Subordinators of a condition ("if", "hvis", "dersom"). */
  conditionMarks: string[];
  /** Determiners and pronouns that negate a noun ("no", "ingen"). */
  negatingDeterminers: string[];
  /** Nouns of a place that belongs to a country or region: "capital", "hovedstad", "city", "region". */
  placeNouns: string[];
  /** Prepositions that give a title's or place noun's owner: "of", "for", "ved", "i". */
  ownerPrepositions: string[];
  /** Negating adverbs ("not", "never", "ikke", "aldri"). */
  negators: string[];
  /** Prepositions of a passive's agent ("by", "av"). */
  agentPrepositions: string[];
  /**
   * What marks an infinitive of purpose ("for å kjempe", "to fight", "in order to strike"): its understood subject
   * is the main clause's, and it is as real as the main clause.
   */
  purposeMarks: string[];
  /**
   * Nouns that, plural and without a name or adjective of their own, stand for the coordinated parties named just
   * before ("landene", "begge parter", "the two countries", "both sides").
   */
  groupNouns: string[];
  /** Endings of a compound adjective that names a leader in its first part ("Nato-ledede", "US-led"): leads. */
  leaderSuffixes: string[];
  /** Prepositions of whom a stand-in noun speaks for ("forhandlere fra Israel og Hamas", "officials from X and Y"). */
  onBehalfPrepositions: string[];
  /** Prepositions of whom a demand is addressed to, who then does the infinitive ("called on X to", "appellerte til X om å"). */
  addresseePrepositions: string[];
  /** Prepositions of where a thing comes from, its maker ("the proposal from Pakistan", "forslaget fra Pakistan"). */
  sourcePrepositions: string[];
  /**
   * Prepositions of a possessor after a definite noun ("avgjerda til finnane", "politikken til regjeringa"): the
   * thing stands for its owner when that is a person, a body or a people, never a country or place by name (after
   * "til" those are where something goes: "reisen til Kina").
   */
  possessivePrepositions: string[];
  /** Adjectives by which a stand-in noun is someone's through its oblique: "forces loyal to X", "styrker lojale mot X". */
  allegianceAdjectives: string[];
  /** Words that make a group noun two parties exactly ("both sides", "the two countries", "begge land"). */
  pairWords: string[];
  /** Numbers of a group noun as "word:count" ("tre:3", "three:3"): "de tre landene" stands for three parties exactly. */
  countWords: string[];
  /**
   * Verbs whose object does not come about or no longer holds ("blocked the negotiations between X and Y", "hindret
   * samtalene", "lifted its sanctions on X", "opphevet sanksjonene mot X").
   */
  preventingVerbs: string[];
  /** Nouns that count or measure another after a preposition ("two days of talks", "en runde med samtaler"): the other is the verb's. */
  measureNouns: string[];
  /** The prepositions of a measure noun ("of", "av", "med"). */
  measurePrepositions: string[];
  /** Relative pronouns that stand for the clause before them ("..., noe København kritiserte"): what a stance is on. */
  clauseRelatives: string[];
  /** Modal auxiliaries of obligation ("må", "must"): "X sa at Y må trekke seg ut" is X demanding of Y. */
  obligationModals: string[];
  /** Titles of envoys ("representant", "ambassador"): the body or state "i/at/to X" is where they serve, not whose they are. */
  envoyTitles: string[];
  /** Nouns of membership between a body's name and a state's ("Nato-landet Romania", "EU member state Hungary"): the state is a member of the body. */
  memberNouns: string[];
  /** Auxiliaries of will and intent ("vil", "skal", "will", "would"): a speaker's own side is what they say will do things. */
  intentAuxiliaries: string[];
  /** Nouns of a group of states ("alliance", "bloc", "grouping"): "X, the alliance of A, B and C" makes A, B and C members of X. */
  blocNouns: string[];
  /** Endings of a compound that places what it modifies ("Pakistan-based", "Qatar-baserte"): located_in. */
  basedSuffixes: string[];
  /**
   * Verbs whose infinitive or gerund is always about their object, never their subject ("X anklaget Y for å bryte
   * avtalen", "X accused Y of violating ...", "X takket Y for å ha ..."): with no object found, the infinitive has no
   * subject (rather than X's).
   */
  objectControlVerbs: string[];
  /**
   * Nouns of a time, or of a fixed adverbial, that follow a preposition (and a determiner) as an adverbial ("i går",
   * "i mars", "på mandag", "på sin side", "i stedet"): see repairTimeObjects.
   */
  timeNouns: string[];
  /** Verbs of a promise ("love", "promise", "pledge"): like a statement, they speak for the state they commit (spokenFor). */
  promiseVerbs: string[];
  /**
   * Nouns of a state's capital ("hovedstad", "capital"): "hovedstaden Ouagadougou" with no owner named lies in the state
   * the knowledge base knows it as the capital of.
   */
  capitalNouns: string[];
  /**
   * Nouns of responsibility ("responsibility", "ansvar"): the deed a claim of responsibility is for is the claimer's
   * ("IS claimed responsibility for the attack on X", "IS tok på seg ansvaret for angrepet på X").
   */
  responsibilityNouns: string[];
  /** Verbs that deny a responsibility ("deny", "nekte"): the deed it is for did not happen by the words. */
  denialVerbs: string[];
  /**
   * Words that condemn what they are said of ("violation", "provocation", "illegal", "brudd", "ulovlig"): as the
   * predicative of a naming verb's object ("called the strikes a violation", "kalte vedtaket ulovlig"), they make
   * the naming a criticism (frames with `condemningPredicate`). A Norwegian compound ending in one counts.
   */
  condemningPredicates: string[];
  /** Prepositions of a predicative after the object ("described X as Y", "beskrev X som Y"). */
  asPrepositions: string[];
  /** Words of approximation before a number that parses read as prepositions ("rundt 1500 soldater", "around 300 troops"). */
  approximators: string[];
  /** Prepositions of a partner who does what the subject does ("sammen med X", "together with X", "alongside X"). */
  comitativePrepositions: string[];
  /** Prepositions whose coordinated objects are the parties of a mutual relation ("talks between X and Y"). */
  betweenPrepositions: string[];
  /** Prepositions of "place in country" ("Bagdad i Irak", "Lima in Peru"). */
  placePrepositions: string[];
  /** Words of a direction between a place and its country ("Gjumri nord i Armenia"): nouns or adverbs before the preposition. */
  directionWords: string[];
  /** Adjectives of a direction or part before the country ("in northern Iraq", "i det nordlige Irak"). */
  directionAdjectives: string[];
  /** Relative and reflexive pronouns (lemmas). */
  relativePronouns: string[];
  reflexivePronouns: string[];
  reflexivePossessives: string[];
  /** Verbs of a claim that someone did wrong ("hevde", "claim", "allege"): see accusableRelations. */
  accusationVerbs: string[];
  /** Relations that are wrongs: claimed by someone, they make the claimant criticise the wrongdoer. */
  accusableRelations: string[];
  /**
   * Verbs and nouns of making, buying, selling and handing over ("kjøpe", "levere", "purchase", "delivery"): a weapon
   * phrase with a state's adjective under one of them says who made or sold it, not who deploys it.
   */
  transferWords: string[];
  /** First-person pronouns ("vi", "jeg", "we", "I"): inside a quote, the one the quote is attributed to. */
  speakerPronouns: string[];
  /** Relative words of place ("der", "hvor", "where"): "SADC, der Madagaskar er medlem" is membership in SADC. */
  placeRelatives: string[];
  /** Nouns of a state's ruling body: a head's title they qualify is still the state's head ("junta leader X"). */
  governingNouns: string[];
  /** Prepositions that open a complement, not an adverbial clause ("accusing them of helping X", "anklaget for å"). */
  complementMarks: string[];
  /** Prepositions of a place near what is struck ("the camps around El Fasher", "leirene rundt X"). */
  vicinityPrepositions: string[];
  /**
   * Verbs that give their object, or a passive's subject, an office as a predicative ("elected X president", "was
   * sworn in as chancellor", "ble valgt til ordfører", "utnevnte X til ambassadør"): the office is the person's.
   * (After an "as" preposition any verb does: asPrepositions.)
   */
  appointingVerbs: string[];
  /** Prepositions of the office such a verb gives ("til" in "valgt til ordfører"). */
  appointingPrepositions: string[];
  /**
   * Verbs whose subject is on the receiving end of a deed or stance noun they take, the noun's actor after a source
   * preposition or before it ("Venezuela drew criticism from Brazil", "faced U.S. sanctions", "fikk kritikk fra X").
   */
  receivingVerbs: string[];
  /** Prepositions of a deed noun whose clause subject receives it, after any verb ("came under attack from X", "er under sanksjoner"). */
  receivingPrepositions: string[];
  /** The relations a receiving verb can take the receiving end of: deeds and stances, not presence ("drew troops from"). */
  receivableRelations: string[];
  /** Personal pronouns: lemma or form → what they refer to. */
  pronouns: Record<string, 'person' | 'thing' | 'group'>;
  /**
   * Pronouns that are mostly expletive ("det regner", "det er viktig at") and refer, as a thing, only as the
   * subject of an active verb with an object ("Sikkerhetsrådet …, når det har vedtatt en resolusjon").
   */
  agentivePronouns: string[];
}

interface FrameFile extends Partial<FrameLists> {
  language: string;
  version: string;
  note?: string;
  extends?: string;
  frames: FrameEntry[];
}

export interface FrameSet extends FrameLists {
  language: Language;
  frames: Frame[];
  /** Frames by `${pos}:${lemma}`. */
  byKey: Map<string, Frame[]>;
  /** Noun lemmas that can close a compound ("rakettangrep" → "angrep"), longest first. */
  nounHeads: string[];
  /** `obl:P` of each between-preposition. */
  betweenPaths: RolePath[];
  sets: {
    support: Set<string>;
    proxy: Set<string>;
    factive: Set<string>;
    reporting: Set<string>;
    modal: Set<string>;
    plan: Set<string>;
    condition: Set<string>;
    negDet: Set<string>;
    place: Set<string>;
    ownerPreps: Set<string>;
    negators: Set<string>;
    agentPreps: Set<string>;
    purpose: Set<string>;
    group: Set<string>;
    leader: string[];
    onBehalf: Set<string>;
    addressee: Set<string>;
    source: Set<string>;
    possessive: Set<string>;
    allegiance: Set<string>;
    pair: Set<string>;
    counts: Map<string, number>;
    preventing: Set<string>;
    comitative: Set<string>;
    clauseRelative: Set<string>;
    obligation: Set<string>;
    envoy: Set<string>;
    member: Set<string>;
    intent: Set<string>;
    bloc: Set<string>;
    transfer: Set<string>;
    speakerPron: Set<string>;
    placeRelative: Set<string>;
    governing: Set<string>;
    complementMark: Set<string>;
    vicinity: Set<string>;
    appointing: Set<string>;
    appointingPreps: Set<string>;
    receiving: Set<string>;
    receivingPreps: Set<string>;
    receivable: Set<string>;
    based: string[];
    objectControl: Set<string>;
    time: Set<string>;
    promise: Set<string>;
    approx: Set<string>;
    capital: Set<string>;
    responsibility: Set<string>;
    denial: Set<string>;
    condemning: Set<string>;
    asMarks: Set<string>;
    measure: Set<string>;
    measurePreps: Set<string>;
    placePreps: Set<string>;
    direction: Set<string>;
    directionAdj: Set<string>;
    relative: Set<string>;
    reflexive: Set<string>;
    reflexivePoss: Set<string>;
    accusation: Set<string>;
    accusable: Set<string>;
    agentivePron: Set<string>;
  };
}

const LIST_KEYS: (keyof FrameLists)[] = [
  'supportVerbs',
  'proxyNouns',
  'factiveGovernors',
  'reportingVerbs',
  'modalAuxiliaries',
  'planAuxiliaries',
  'conditionMarks',
  'negatingDeterminers',
  'placeNouns',
  'ownerPrepositions',
  'negators',
  'agentPrepositions',
  'purposeMarks',
  'groupNouns',
  'leaderSuffixes',
  'onBehalfPrepositions',
  'addresseePrepositions',
  'sourcePrepositions',
  'possessivePrepositions',
  'allegianceAdjectives',
  'pairWords',
  'countWords',
  'preventingVerbs',
  'comitativePrepositions',
  'clauseRelatives',
  'obligationModals',
  'envoyTitles',
  'memberNouns',
  'intentAuxiliaries',
  'blocNouns',
  'basedSuffixes',
  'objectControlVerbs',
  'timeNouns',
  'promiseVerbs',
  'approximators',
  'capitalNouns',
  'responsibilityNouns',
  'denialVerbs',
  'condemningPredicates',
  'asPrepositions',
  'measureNouns',
  'measurePrepositions',
  'betweenPrepositions',
  'placePrepositions',
  'directionWords',
  'directionAdjectives',
  'relativePronouns',
  'reflexivePronouns',
  'reflexivePossessives',
  'accusationVerbs',
  'accusableRelations',
  'agentivePronouns',
  'transferWords',
  'speakerPronouns',
  'placeRelatives',
  'governingNouns',
  'complementMarks',
  'vicinityPrepositions',
  'appointingVerbs',
  'appointingPrepositions',
  'receivingVerbs',
  'receivingPrepositions',
  'receivableRelations',
];
const FILE_KEYS = new Set(['language', 'version', 'note', 'extends', 'frames', 'pronouns', ...LIST_KEYS]);
const ENTRY_KEYS = new Set(['lemma', 'pos', 'relation', 'subject', 'object', 'particle', 'reflexive', 'objectNoun', 'subjectNoun', 'subjectTypes', 'objectTypes', 'mutual', 'withClause', 'condemningPredicate', 'jointSubjects', 'note']);

/** The entity types a relation's roles take by default (ONTOLOGY.md). */
export const RELATION_ARGUMENT_TYPES: Record<RelationType, { subject: EntityType[]; object: EntityType[] }> = (() => {
  const actors: EntityType[] = ['country', 'organization', 'person'];
  const out = {} as Record<RelationType, { subject: EntityType[]; object: EntityType[] }>;
  for (const r of RELATION_TYPES) out[r] = { subject: actors, object: actors };
  out.deployed_in = { subject: ['country', 'organization'], object: ['country', 'location'] };
  out.withdraws_from = { subject: actors, object: ['country', 'location', 'agreement', 'organization'] };
  out.violates = { subject: actors, object: ['agreement'] };
  out.deploys = { subject: ['country', 'organization'], object: ['weapon'] };
  out.leads = { subject: ['person', 'country', 'organization'], object: ['organization', 'country'] };
  out.member_of = { subject: ['person', 'country', 'organization'], object: ['organization', 'country'] };
  out.located_in = { subject: ['location', 'organization'], object: ['location', 'country'] };
  out.rejects = { subject: actors, object: [...actors, 'agreement'] };
  out.supports = { subject: actors, object: [...actors, 'agreement'] };
  out.criticizes = { subject: actors, object: [...actors, 'agreement'] };
  out.meets = { subject: actors, object: [...actors] };
  out.attacks = { subject: actors, object: [...actors, 'location'] };
  out.agrees_with = { subject: actors, object: actors };
  return out;
})();

function fail(where: string, message: string): never {
  throw new KgError('INPUT_INVALID', message, where);
}

function stringList(v: unknown, where: string, what: string): string[] {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x.length === 0)) fail(where, `${what} must be a list of non-empty strings`);
  return v as string[];
}

function rolePaths(v: unknown, where: string, what: string): RolePath[] {
  const list = stringList(v, where, what);
  for (const p of list) {
    if (!/^(subj|obj|iobj|poss|compound|support|comp:subj|head:subj|head:obj|inf:obj|obl:[^\s:].*)$/.test(p)) fail(where, `${what}: "${p}" is not a role (subj, obj, iobj, poss, compound, support, comp:subj, head:subj, head:obj, inf:obj, obl:PREP)`);
  }
  return list as RolePath[];
}

function typeList(v: unknown, where: string, what: string): EntityType[] {
  const list = stringList(v, where, what);
  for (const t of list) if (!(ENTITY_TYPES as readonly string[]).includes(t)) fail(where, `${what}: unknown entity type "${t}"`);
  return list as EntityType[];
}

/** Checks one frames file (parsed JSON) and compiles it, on top of `base` when the file extends another language. */
export function compileFrames(raw: unknown, where: string, language: Language, base?: FrameSet): FrameSet {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail(where, 'expected a JSON object at the top level');
  const file = raw as FrameFile;
  for (const key of Object.keys(file)) if (!FILE_KEYS.has(key)) fail(where, `unknown key "${key}" at the top level`);
  if (!Array.isArray(file.frames)) fail(where, '"frames" must be a list');
  const lists = {} as FrameLists;
  for (const key of LIST_KEYS) {
    const v = (file as unknown as Record<string, unknown>)[key];
    const own = v === undefined ? [] : stringList(v, where, `"${key}"`).map((s) => s.toLowerCase());
    (lists as unknown as Record<string, string[]>)[key] = [...(base ? (base[key] as string[]) : []), ...own];
  }
  for (const r of lists.receivableRelations) if (!(RELATION_TYPES as readonly string[]).includes(r)) fail(where, `"receivableRelations": unknown relation "${r}"`);
  for (const r of lists.accusableRelations) if (!(RELATION_TYPES as readonly string[]).includes(r)) fail(where, `"accusableRelations": unknown relation "${r}"`);
  const pronouns: Record<string, 'person' | 'thing' | 'group'> = { ...(base?.pronouns ?? {}) };
  if (file.pronouns !== undefined) {
    if (!file.pronouns || typeof file.pronouns !== 'object') fail(where, '"pronouns" must be an object');
    for (const [k, v] of Object.entries(file.pronouns)) {
      if (v !== 'person' && v !== 'thing' && v !== 'group') fail(where, `pronoun "${k}": must be person, thing or group, got ${JSON.stringify(v)}`);
      pronouns[k.toLowerCase()] = v;
    }
  }
  const frames: Frame[] = base ? [...base.frames] : [];
  const counts = new Map<string, number>();
  file.frames.forEach((e, k) => {
    const at = `${where}: frame ${k + 1}`;
    if (!e || typeof e !== 'object' || Array.isArray(e)) fail(at, 'expected an object');
    for (const key of Object.keys(e)) if (!ENTRY_KEYS.has(key)) fail(at, `unknown key "${key}"`);
    const lemmas = typeof e.lemma === 'string' ? [e.lemma] : stringList(e.lemma, at, '"lemma"');
    if (lemmas.length === 0 || lemmas.some((l) => !l)) fail(at, '"lemma" must be a non-empty string or list');
    if (!(FRAME_POS as readonly string[]).includes(e.pos)) fail(at, `"pos" must be one of ${FRAME_POS.join(', ')}, got ${JSON.stringify(e.pos)}`);
    if (!(RELATION_TYPES as readonly string[]).includes(e.relation)) fail(at, `unknown relation ${JSON.stringify(e.relation)}`);
    if (e.relation === 'related') fail(at, 'relation "related" is for edges read from other tools; extraction never produces it');
    const defaults = RELATION_ARGUMENT_TYPES[e.relation];
    const subject = e.subject !== undefined ? rolePaths(e.subject, at, '"subject"') : e.pos === 'verb' || e.pos === 'adj' ? (['subj'] as RolePath[]) : (['poss', 'support'] as RolePath[]);
    const object = e.object !== undefined ? rolePaths(e.object, at, '"object"') : e.pos === 'verb' ? (['obj'] as RolePath[]) : [];
    if (e.particle !== undefined && (typeof e.particle !== 'string' || !e.particle)) fail(at, '"particle" must be a non-empty string');
    if (e.reflexive !== undefined && typeof e.reflexive !== 'boolean') fail(at, '"reflexive" must be true or false');
    if (e.mutual !== undefined && typeof e.mutual !== 'boolean') fail(at, '"mutual" must be true or false');
    if (e.withClause !== undefined && typeof e.withClause !== 'boolean') fail(at, '"withClause" must be true or false');
    if (e.condemningPredicate !== undefined && typeof e.condemningPredicate !== 'boolean') fail(at, '"condemningPredicate" must be true or false');
    if (e.jointSubjects !== undefined && typeof e.jointSubjects !== 'boolean') fail(at, '"jointSubjects" must be true or false');
    if (e.note !== undefined && typeof e.note !== 'string') fail(at, '"note" must be a string');
    const objectNoun = e.objectNoun !== undefined ? new Set(stringList(e.objectNoun, at, '"objectNoun"').map((s) => s.toLowerCase())) : undefined;
    const subjectNoun = e.subjectNoun !== undefined ? new Set(stringList(e.subjectNoun, at, '"subjectNoun"').map((s) => s.toLowerCase())) : undefined;
    const subjectTypes = e.subjectTypes !== undefined ? typeList(e.subjectTypes, at, '"subjectTypes"') : defaults.subject;
    const objectTypes = e.objectTypes !== undefined ? typeList(e.objectTypes, at, '"objectTypes"') : defaults.object;
    if (object.length === 0 && !e.mutual) fail(at, 'a frame needs an "object" role (or "mutual": true)');
    for (const lemma of lemmas) {
      const l = lemma.toLowerCase();
      const stem = `${language}:${e.pos}:${l}${e.particle ? `+${e.particle}` : ''}:${e.relation}`;
      const n = (counts.get(stem) ?? 0) + 1;
      counts.set(stem, n);
      frames.push({
        id: n === 1 ? stem : `${stem}#${n}`,
        lemma: l,
        pos: e.pos,
        relation: e.relation,
        subject,
        object,
        ...(e.particle ? { particle: e.particle.toLowerCase() } : {}),
        reflexive: e.reflexive === true,
        ...(objectNoun ? { objectNoun } : {}),
        ...(subjectNoun ? { subjectNoun } : {}),
        subjectTypes,
        objectTypes,
        mutual: e.mutual === true,
        withClause: e.withClause === true,
        condemningPredicate: e.condemningPredicate === true,
        jointSubjects: e.jointSubjects === true,
      });
    }
  });
  const byKey = new Map<string, Frame[]>();
  for (const f of frames) {
    const key = `${f.pos}:${f.lemma}`;
    const list = byKey.get(key);
    if (list) list.push(f);
    else byKey.set(key, [f]);
  }
  const nounHeads = [...new Set(frames.filter((f) => f.pos === 'noun' && f.lemma.length >= 4).map((f) => f.lemma))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const set = (l: string[]) => new Set(l);
  return {
    ...lists,
    pronouns,
    language,
    frames,
    byKey,
    nounHeads,
    betweenPaths: lists.betweenPrepositions.map((p) => `obl:${p}` as RolePath),
    sets: {
      support: set(lists.supportVerbs),
      proxy: set(lists.proxyNouns),
      factive: set(lists.factiveGovernors),
      reporting: set(lists.reportingVerbs),
      modal: set(lists.modalAuxiliaries),
      plan: set(lists.planAuxiliaries),
      condition: set(lists.conditionMarks),
      negDet: set(lists.negatingDeterminers),
      place: set(lists.placeNouns),
      ownerPreps: set(lists.ownerPrepositions),
      negators: set(lists.negators),
      agentPreps: set(lists.agentPrepositions),
      purpose: set(lists.purposeMarks),
      group: set(lists.groupNouns),
      leader: lists.leaderSuffixes.map((x) => `-${x}`),
      onBehalf: set(lists.onBehalfPrepositions),
      addressee: set(lists.addresseePrepositions),
      source: set(lists.sourcePrepositions),
      possessive: set(lists.possessivePrepositions),
      allegiance: set(lists.allegianceAdjectives),
      pair: set(lists.pairWords),
      counts: new Map(lists.countWords.map((w) => { const [word, count] = w.split(':'); return [word!.toLowerCase(), Number(count)] as const; })),
      preventing: set(lists.preventingVerbs),
      comitative: set(lists.comitativePrepositions),
      clauseRelative: set(lists.clauseRelatives),
      obligation: set(lists.obligationModals),
      envoy: set(lists.envoyTitles),
      member: set(lists.memberNouns),
      intent: set(lists.intentAuxiliaries),
      bloc: set(lists.blocNouns),
      based: lists.basedSuffixes.map((x) => `-${x}`),
      objectControl: set(lists.objectControlVerbs),
      time: set(lists.timeNouns),
      promise: set(lists.promiseVerbs),
      approx: set(lists.approximators),
      capital: set(lists.capitalNouns),
      responsibility: set(lists.responsibilityNouns),
      denial: set(lists.denialVerbs),
      condemning: set(lists.condemningPredicates),
      asMarks: set(lists.asPrepositions),
      measure: set(lists.measureNouns),
      measurePreps: set(lists.measurePrepositions),
      placePreps: set(lists.placePrepositions),
      direction: set(lists.directionWords),
      directionAdj: set(lists.directionAdjectives),
      relative: set(lists.relativePronouns),
      reflexive: set(lists.reflexivePronouns),
      reflexivePoss: set(lists.reflexivePossessives),
      accusation: set(lists.accusationVerbs),
      accusable: set(lists.accusableRelations),
      agentivePron: set(lists.agentivePronouns),
      transfer: set(lists.transferWords),
      speakerPron: set(lists.speakerPronouns),
      placeRelative: set(lists.placeRelatives),
      governing: set(lists.governingNouns),
      complementMark: set(lists.complementMarks),
      vicinity: set(lists.vicinityPrepositions),
      appointing: set(lists.appointingVerbs),
      appointingPreps: set(lists.appointingPrepositions),
      receiving: set(lists.receivingVerbs),
      receivingPreps: set(lists.receivingPrepositions),
      receivable: set(lists.receivableRelations),
    },
  };
}

const SHIPPED: Record<Language, unknown> = { nb: nbFrames, nn: nnFrames, en: enFrames };
const cache = new Map<Language, FrameSet>();

/** The shipped frames of a language (compiled once). */
export function shippedFrames(language: Language): FrameSet {
  let f = cache.get(language);
  if (!f) {
    const raw = SHIPPED[language] as FrameFile;
    const base = raw.extends ? shippedFrames(raw.extends as Language) : undefined;
    f = compileFrames(raw, `src/lang/${language}/frames.json`, language, base);
    cache.set(language, f);
  }
  return f;
}

/** A users' frames file: its path, or its text and where it came from (a graph store keeps the text). */
export type FramesSource = string | { where: string; text: string };

/** The shipped frames with users' frames files added (`--frames FILE...`), in order. */
export function framesWithFiles(language: Language, sources: readonly FramesSource[]): FrameSet {
  let f = shippedFrames(language);
  for (const p of sources) f = typeof p === 'string' ? framesWithFile(language, p, f) : framesWithText(language, p.text, p.where, f);
  return f;
}

/** A frames file added to `base` (default: the shipped frames): same schema, errors name the file. */
export function framesWithFile(language: Language, path: string, base: FrameSet = shippedFrames(language)): FrameSet {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new KgError('INPUT_NOT_FOUND', `cannot read frames file: ${(e as Error).message}`, path);
  }
  return framesWithText(language, text, path, base);
}

/** The text of a frames file added to `base`; errors name `path`. */
export function framesWithText(language: Language, text: string, path: string, base: FrameSet = shippedFrames(language)): FrameSet {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    fail(path, `not valid JSON: ${(e as Error).message}`);
  }
  const file = raw as FrameFile;
  if (!file || typeof file !== 'object' || Array.isArray(file)) fail(path, 'expected a JSON object at the top level');
  if (!(['nb', 'nn', 'en'] as unknown[]).includes(file.language)) fail(path, `"language" must be one of nb, nn, en, got ${JSON.stringify(file.language)}`);
  // The file is checked whatever its language; it adds frames to its own language only.
  const compiled = compileFrames({ ...file, extends: undefined }, path, file.language as Language, base.language === file.language ? base : shippedFrames(file.language as Language));
  return file.language === language ? compiled : base;
}
