import type { Language } from '../types.js';
/** Detects the language of a text from its most frequent function words; Bokmål when unsure. */
export declare function detectLanguage(text: string): Language;
