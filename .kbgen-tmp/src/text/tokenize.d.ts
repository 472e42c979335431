import type { Sentence } from '../types.js';
export interface SplitSettings {
    /** Lower-cased abbreviations (without the final dot) after which a dot does not end a sentence. */
    abbreviations: ReadonlySet<string>;
}
/** Splits a text into sentences (by line breaks and end punctuation) and tokens. */
export declare function splitSentences(text: string, settings: SplitSettings): Sentence[];
