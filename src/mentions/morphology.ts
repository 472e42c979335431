// Norwegian and English inflection rules that turn knowledge-base base forms into the forms news text uses:
// genitive -s (Natos, USAs, NATO's), demonym adjectives (irakisk → irakiske), inhabitant nouns
// (iraker → irakerne), and the split of hyphenated and closed compounds (Nato-sjefen, amerikanskledede).

import type { Language } from '../types.js';

/** Genitive forms of a name: Norwegian adds -s (or an apostrophe after s/x/z), English adds 's. */
export function genitiveForms(name: string, language: Language): string[] {
  const last = name.slice(-1).toLowerCase();
  if (language === 'en') {
    return last === 's' ? [`${name}'`, `${name}'s`] : [`${name}'s`, `${name}’s`];
  }
  if (last === 's' || last === 'x' || last === 'z') return [`${name}'`];
  // An acronym or a name ending in a vowel or consonant: Natos, USAs, Iraks, FNs.
  return [`${name}s`];
}

/** Inflected forms of a Norwegian adjective (base form): irakisk → irakiske; norsk → norske. */
export function adjectiveForms(base: string, language: Language): string[] {
  if (language === 'en') return [base, `${base}s`];
  const b = base.toLowerCase();
  if (b.endsWith('e')) return [b];
  return [b, `${b}e`];
}

/** Inflected forms of a Norwegian inhabitant noun (singular indefinite): iraker → irakeren, irakere, irakerne (Bokmål), irakarar, irakarane (Nynorsk). */
export function inhabitantForms(base: string, language: Language): string[] {
  if (language === 'en') return [base];
  const b = base.toLowerCase();
  if (b.endsWith('mann')) {
    const stem = b.slice(0, -4);
    return [b, `${b}en`, `${stem}menn`, `${stem}mennene`, `${stem}menns`, `${stem}mennenes`];
  }
  // (Nynorsk forms too, as the Bokmål tables serve both: irakar, irakarane; finnar, finnane; serbarane.)
  if (b.endsWith('er')) {
    const stem = b.slice(0, -2);
    return [b, `${b}en`, `${b}e`, `${b}ne`, `${b}nes`, `${stem}ar`, `${stem}aren`, `${stem}arar`, `${stem}arane`];
  }
  if (b.endsWith('e')) return [b, `${b}n`, `${b}r`, `${b}ne`, `${b}nes`, `${b.slice(0, -1)}ar`, `${b.slice(0, -1)}ane`];
  return [b, `${b}en`, `${b}er`, `${b}ene`, `${b}enes`, `${b}ar`, `${b}ane`];
}

/** Participle endings that may close a demonym or name compound: amerikanskledede, Taiwanskkontrollerte. */
const PARTICIPLE_RE = /(?:ede|ete|te|et|dd|de|t)$/u;

/** `PARTICIPLE_RE.test(w)` without the regex (it runs on every token): a word ending in -t, -te, -de or -dd. */
function endsInParticiple(w: string): boolean {
  const n = w.length;
  const last = w.charCodeAt(n - 1);
  if (last === 0x74) return true; // -t (-et)
  const prev = w.charCodeAt(n - 2);
  if (last === 0x65) return prev === 0x74 || prev === 0x64; // -te (-ete), -de (-ede)
  return last === 0x64 && prev === 0x64; // -dd
}

/**
 * Splits a closed compound that starts with a known stem (a demonym adjective of at least five letters)
 * and ends in a participle: returns the length of the stem part, or 0 when it is not such a compound.
 */
export function closedCompoundStem(tokenNorm: string, stems: ReadonlySet<string>, maxStem: number): number {
  // A stem of five letters or more and a rest of four or more: a shorter word is none (the loop below would
  // not run). The participle ending is at most three letters and the rest at least four, so it ends the whole
  // token too.
  if (tokenNorm.length < 9 || !endsInParticiple(tokenNorm)) return 0;
  for (let len = Math.min(maxStem, tokenNorm.length - 4); len >= 5; len--) {
    const stem = tokenNorm.slice(0, len);
    if (!stems.has(stem)) continue;
    const rest = tokenNorm.slice(len).replace(/^-/, '');
    if (rest.length >= 4 && PARTICIPLE_RE.test(rest)) return len;
  }
  return 0;
}

/** Strips a Norwegian definite suffix from a noun: forsvarsministeren → forsvarsminister. */
export function definiteStems(word: string): string[] {
  const w = word.toLowerCase();
  const out: string[] = [];
  for (const suf of ['ene', 'en', 'et', 'a', 'n']) {
    if (w.length > suf.length + 2 && w.endsWith(suf)) out.push(w.slice(0, -suf.length));
  }
  return out;
}
