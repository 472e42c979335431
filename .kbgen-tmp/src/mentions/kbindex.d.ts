import type { EntityType } from '../types.js';
import type { KnowledgeBase } from '../kb/index.js';
export interface Variant {
    entryId: string;
    type: EntityType;
    form: 'name' | 'genitive' | 'demonym';
    /** Surface tokens as the knowledge base writes them (genitive suffix included). */
    tokens: string[];
    norms: string[];
    /** Per token: must the text match the case exactly (acronyms such as IS, FN, AP)? */
    strict: boolean[];
    /** Only matched between parentheses: one- or two-letter party codes such as (H), (Ap). */
    parenthesisOnly: boolean;
    /** Case-insensitive throughout (demonyms, inhabitant nouns). */
    anyCase: boolean;
}
export interface AliasIndex {
    byFirst: Map<string, Variant[]>;
    /** Demonym adjective stems (lower case) → entry id, for closed compounds (amerikanskledede). */
    demonymStems: Map<string, string>;
    maxStem: number;
    kb: KnowledgeBase;
}
declare function isAcronym(token: string): boolean;
/** Builds the alias index of a knowledge base. */
export declare function buildAliasIndex(kb: KnowledgeBase): AliasIndex;
/** Does a text token match a variant token under the variant's case rules? */
export declare function tokenMatches(v: Variant, i: number, text: string, first: boolean): boolean;
export { isAcronym };
