import type { Document, DocumentExtraction, DocumentMeta } from './types.js';
import type { KnowledgeBase } from './kb/index.js';
export declare const LANGUAGE_CHOICES: readonly ["auto", "nb", "nn", "en"];
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];
export interface ExtractSettings {
    /** Relations below this confidence are dropped. */
    minConfidence: number;
    /** Keep negated and hypothetical relations (flagged) instead of dropping them. */
    keepNonAsserted: boolean;
}
export declare const DEFAULT_EXTRACT_SETTINGS: Readonly<ExtractSettings>;
export declare function validateExtractSettings(s: ExtractSettings): void;
export declare function resolveExtractSettings(partial?: Partial<ExtractSettings>): ExtractSettings;
/** An extractor bound to one knowledge base (the alias index is built once and reused). */
export interface Extractor {
    kb: KnowledgeBase;
    extract(doc: Document, settings?: Partial<ExtractSettings>): DocumentExtraction;
}
export declare function createExtractor(kb: KnowledgeBase): Extractor;
/** Normalises raw text into a Document: NFC, no BOM, LF line ends; language detected when not given. */
export declare function makeDocument(input: {
    id: string;
    text: string;
    language?: LanguageChoice;
    title?: string;
    date?: string;
    url?: string;
    path?: string;
}): Document;
export declare function documentMeta(doc: Document): DocumentMeta;
