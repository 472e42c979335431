import { type EntityType, type Language, type RelationType } from '../types.js';
export interface GoldEntity {
    id: string;
    label: string;
    type: EntityType;
    /** Names a graph node's label (or, failing that, one of its aliases) is compared with. */
    names: string[];
    /** `false`: finding it earns nothing and costs nothing. */
    required?: boolean;
    /** Id of the entity it may be merged into (found as part of it). */
    mergeableInto?: string;
}
export interface GoldAlternatives {
    subject?: string[];
    object?: string[];
    relation?: RelationType[];
}
export interface GoldRelation {
    subject: string;
    relation: RelationType;
    object: string;
    required?: boolean;
    /** What else each slot accepts; the slots combine freely. */
    alternatives?: GoldAlternatives;
    evidence?: string;
    note?: string;
}
export interface GoldForbidden {
    subject: string;
    relation: RelationType;
    object: string;
    why?: string;
}
export interface GoldFile {
    /** Path of the article, relative to the shared folder. */
    document: string;
    language: Language;
    note?: string;
    date?: string;
    source?: string;
    entities: GoldEntity[];
    relations: GoldRelation[];
    forbidden?: GoldForbidden[];
}
/**
 * Parses and validates the text of a gold file. Unknown fields are ignored (and dropped from the
 * result), so gold files may carry extra notes. Entities, relations and forbidden entries are
 * numbered from 1 in error messages, in file order. Throws `KgError('INVALID_GOLD', message, where)`.
 */
export declare function parseGoldFile(text: string, where: string): GoldFile;
