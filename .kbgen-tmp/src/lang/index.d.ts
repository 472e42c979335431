import type { EntityType, Language, RelationType } from '../types.js';
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
    complement?: {
        marker: string;
        verbs: string[];
    };
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
    headCues: {
        form: string;
        cue: Cue;
    }[];
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
/** The compiled resources of a language; Nynorsk uses the Bokmål tables (its own forms are listed there). */
export declare function getLanguageResources(language: Language): LanguageResources;
