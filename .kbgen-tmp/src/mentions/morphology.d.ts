import type { Language } from '../types.js';
/** Genitive forms of a name: Norwegian adds -s (or an apostrophe after s/x/z), English adds 's. */
export declare function genitiveForms(name: string, language: Language): string[];
/** Inflected forms of a Norwegian adjective (base form): irakisk → irakiske; norsk → norske. */
export declare function adjectiveForms(base: string, language: Language): string[];
/** Inflected forms of a Norwegian inhabitant noun (singular indefinite): iraker → irakeren, irakere, irakerne. */
export declare function inhabitantForms(base: string, language: Language): string[];
/**
 * Splits a closed compound that starts with a known stem (a demonym adjective of at least five letters)
 * and ends in a participle: returns the length of the stem part, or 0 when it is not such a compound.
 */
export declare function closedCompoundStem(tokenNorm: string, stems: ReadonlySet<string>, maxStem: number): number;
/** Strips a Norwegian definite suffix from a noun: forsvarsministeren → forsvarsminister. */
export declare function definiteStems(word: string): string[];
