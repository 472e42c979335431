/** Compares by UTF-16 code units: `localeCompare` depends on the ICU data and locale of the machine. */
export declare function compareStrings(a: string, b: string): number;
