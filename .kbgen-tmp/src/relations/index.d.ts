import type { Document, Relation, Sentence } from '../types.js';
import type { LanguageResources } from '../lang/index.js';
import type { Resolution } from '../resolve/index.js';
export interface RelationSettings {
    extractor: string;
}
/** Extracts relations from one document's sentences and resolved mentions. */
export declare function extractRelations(doc: Document, sentences: Sentence[], resolution: Resolution, lang: LanguageResources, settings: RelationSettings): Relation[];
