import { type KbFile } from '../src/kb/schema.js';
export declare const COUNTRIES_FILE = "src/kb/data/countries.json";
/** "São Tomé and Príncipe" → "sao-tome-and-principe", "Sana'a" → "sanaa". */
export declare function slugify(text: string): string;
/** The ISO codes of the UN member states and of the non-members included, as the packages and extras define them. */
export declare function selectCountries(): {
    unMembers: string[];
    nonMembers: string[];
};
/** The content of countries.json, computed from the installed packages and country-extras.json. Pure. */
export declare function generateCountries(): KbFile;
/** The exact bytes written to countries.json. */
export declare function serializeKbFile(file: KbFile): string;
