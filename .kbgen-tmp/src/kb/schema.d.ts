import { type EntityType, type Language } from '../types.js';
/** Written forms per language. Every list holds base forms with their normal capitalisation. */
export type KbNames = {
    [L in Language]?: string[];
};
/** One known entity. */
export interface KbEntry {
    /** Stable lowercase slug: "iraq", "nato", "inf-treaty", "baghdad", "labour-party-norway". */
    id: string;
    /** Canonical English name: "Iraq", "NATO", "INF Treaty". */
    label: string;
    type: EntityType;
    /** Wikidata id ("Q796"), only where it is certain. */
    wikidata?: string;
    /**
     * Base (nominative, indefinite) names and abbreviations: nb ["Irak"], en ["Iraq"]. Organisation names that are
     * Norwegian common-noun phrases are written in their usual definite form ("Sikkerhetsrådet"). No genitives:
     * the matcher derives those by rule.
     */
    names: KbNames;
    /** Adjective base forms: nb ["irakisk"], en ["Iraqi"]. The matcher inflects them. */
    demonyms?: KbNames;
    /** Inhabitant nouns: nb singular indefinite ("iraker"), en plural ("Iraqis"). */
    inhabitants?: KbNames;
    /** Id of the containing entity (a capital's country, a city's country). */
    locatedIn?: string;
    /** For capitals: the country id. */
    capitalOf?: string;
    /** Organs and branches: "un-security-council" partOf "united-nations". */
    partOf?: string;
}
/** A knowledge-base file: built-in data files and user files share this shape. */
export interface KbFile {
    /** "YYYY.MM.N". */
    version: string;
    /** Set on generated files: the script that wrote them. */
    generatedBy?: string;
    description?: string;
    entities: KbEntry[];
}
export declare const KB_ID_PATTERN: RegExp;
/**
 * Checks that `json` is a KB file and returns it typed. Throws `KgError('INVALID_KB')` with a one-line message that
 * names the entry (index and id), the field, what was expected and what was found.
 */
export declare function validateKbFile(json: unknown, where: string): KbFile;
