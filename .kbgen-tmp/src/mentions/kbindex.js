// The alias index over the knowledge base: every written form of every known entity (names, genitives,
// demonym adjectives, inhabitant nouns) keyed by its first token, built once per knowledge base.
import { splitSentences } from '../text/tokenize.js';
import { adjectiveForms, genitiveForms, inhabitantForms } from './morphology.js';
const NO_ABBREVIATIONS = { abbreviations: new Set() };
const LANGS = ['nb', 'nn', 'en'];
const ARTICLE_WORDS = new Set(['Den', 'Det', 'De', 'The']);
function tokensOf(name) {
    return splitSentences(name, NO_ABBREVIATIONS).flatMap((s) => s.tokens.map((t) => t.text));
}
function isAcronym(token) {
    const letters = token.replace(/[^\p{L}]/gu, '');
    return letters.length > 0 && letters.length <= 5 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters);
}
function makeVariant(entry, surface, form, anyCase, base = surface) {
    const tokens = tokensOf(surface);
    const baseTokens = tokensOf(base);
    if (tokens.length === 0 || tokens.length !== baseTokens.length)
        return null;
    const norms = tokens.map((t) => t.normalize('NFC').toLowerCase().replace(/’/g, "'"));
    const strict = baseTokens.map((t) => !anyCase && isAcronym(t) && t.length <= 5);
    const joined = baseTokens.join('');
    const letters = joined.replace(/[^\p{L}]/gu, '');
    // Party codes and other one- or two-letter names that are not all capitals (Ap, Sp, H, V) are too
    // ambiguous to match in running text; "(Ap)" after a name is where news writes them.
    const parenthesisOnly = !anyCase && tokens.length === 1 && (letters.length <= 1 || (letters.length <= 3 && letters !== letters.toUpperCase()));
    return { entryId: entry.id, type: entry.type, form, tokens, norms, strict, parenthesisOnly, anyCase };
}
/** Builds the alias index of a knowledge base. */
export function buildAliasIndex(kb) {
    const byFirst = new Map();
    const demonymStems = new Map();
    const seen = new Set();
    const add = (v) => {
        if (!v)
            return;
        const sig = `${v.norms.join(' ')}|${v.tokens.join(' ')}|${v.form}`;
        if (seen.has(sig))
            return;
        seen.add(sig);
        const list = byFirst.get(v.norms[0]) ?? [];
        list.push(v);
        byFirst.set(v.norms[0], list);
    };
    const ids = [...kb.entries.keys()].sort();
    for (const id of ids) {
        const entry = kb.entries.get(id);
        for (const lang of LANGS) {
            for (const name of entry.names[lang] ?? []) {
                add(makeVariant(entry, name, 'name', false));
                for (const g of genitiveForms(name, lang))
                    add(makeVariant(entry, g, 'genitive', false, name));
            }
            for (const dem of entry.demonyms?.[lang] ?? []) {
                for (const f of adjectiveForms(dem, lang))
                    add(makeVariant(entry, f, 'demonym', true));
                if (lang !== 'en') {
                    const stem = dem.toLowerCase();
                    if (!demonymStems.has(stem))
                        demonymStems.set(stem, entry.id);
                }
            }
            for (const inh of entry.inhabitants?.[lang] ?? []) {
                for (const f of inhabitantForms(inh, lang))
                    add(makeVariant(entry, f, 'demonym', true));
            }
        }
    }
    // Longest variants first, then a stable order: names before genitives before demonyms, then entry id.
    const formRank = { name: 0, genitive: 1, demonym: 2 };
    for (const list of byFirst.values()) {
        list.sort((a, b) => b.tokens.length - a.tokens.length ||
            formRank[a.form] - formRank[b.form] ||
            (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0));
    }
    let maxStem = 0;
    for (const s of demonymStems.keys())
        maxStem = Math.max(maxStem, s.length);
    return { byFirst, demonymStems, maxStem, kb };
}
/** Does a text token match a variant token under the variant's case rules? */
export function tokenMatches(v, i, text, first) {
    if (v.anyCase)
        return true;
    const surface = v.tokens[i];
    const t = text.replace(/’/g, "'");
    if (v.strict[i])
        return t === surface;
    const sFirst = surface.charAt(0);
    if (sFirst !== sFirst.toLowerCase()) {
        // The knowledge base capitalises this word: the text must too, except an article opening the name.
        if (first && ARTICLE_WORDS.has(surface))
            return true;
        const tFirst = t.charAt(0);
        return tFirst !== tFirst.toLowerCase();
    }
    return true;
}
export { isAcronym };
