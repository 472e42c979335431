import { type KbEntry, type KbFile } from './schema.js';
export type { KbEntry, KbFile, KbNames } from './schema.js';
export { validateKbFile } from './schema.js';
/** Version of the built-in knowledge base: the newest version among its data files. */
export declare const KNOWLEDGE_BASE_VERSION: string;
export interface KnowledgeBase {
    /** KNOWLEDGE_BASE_VERSION, followed by "+<version>" for each user file merged in. */
    version: string;
    entries: ReadonlyMap<string, KbEntry>;
    get(id: string): KbEntry | undefined;
}
/**
 * The built-in knowledge base merged with `extraFiles` (already parsed; each is validated here). A user entry whose
 * id exists extends it (names, demonyms and inhabitants are unioned; label, type and the other scalar fields are
 * replaced); a new id adds an entry. Later files win over earlier ones.
 */
export declare function loadKnowledgeBase(extraFiles?: KbFile[]): KnowledgeBase;
