// The alias index over the knowledge base: every written form of every known entity (names, genitives,
// demonym adjectives, inhabitant nouns) keyed by its first token, built once per knowledge base.

import type { EntityType, Language } from '../types.js';
import type { KbEntry, KnowledgeBase } from '../kb/index.js';
import { splitSentences } from '../text/tokenize.js';
import { changesWhenLowerCased } from '../text/chars.js';
import { adjectiveForms, genitiveForms, inhabitantForms } from './morphology.js';
import { getLanguageResources } from '../lang/index.js';

export interface Variant {
  entryId: string;
  type: EntityType;
  form: 'name' | 'genitive' | 'demonym';
  /** Surface tokens as the knowledge base writes them (genitive suffix included). */
  tokens: string[];
  norms: string[];
  /** Per token: must the text match the case exactly (acronyms such as IS, FN, AP)? */
  strict: boolean[];
  /** Only matched between parentheses: one- or two-letter party codes such as (H), (Ap). */
  parenthesisOnly: boolean;
  /** Case-insensitive throughout (demonyms, inhabitant nouns). */
  anyCase: boolean;
  /** Norwegian demonyms are written in lower case: a capital is only allowed where a sentence starts. */
  lowerUnlessInitial: boolean;
  /** Per token: the case rule of tokenMatches, worked out once (see CASE_*). */
  caseRules: number[];
}

// The case rules of a variant token, from its surface form (what tokenMatches asks of the text token).
/** Any case. */
const CASE_ANY = 0;
/** Exactly the surface form (acronyms). */
const CASE_EXACT = 1;
/** A capital first letter. */
const CASE_CAPITAL = 2;
/** A capital first letter, except where an article word opens the name ("den" in "den europeiske union"). */
const CASE_CAPITAL_OR_ARTICLE = 3;

/**
 * The variants that can match at a token, found by its norm: `single` are the one-token variants, and
 * `bySecond` holds, per second norm, the one-token variants and the longer variants with that second norm,
 * each list in the order of `byFirst` (longest first), so the first match in it is the first match in `byFirst`.
 * ("den" and "det" open dozens of names: a lookup by the next word skips them all in running text.)
 */
export interface FirstTokenVariants {
  single: Variant[];
  bySecond: Map<string, Variant[]> | null;
}

export interface AliasIndex {
  byFirst: Map<string, Variant[]>;
  /** Demonym adjective stems (lower case) → entry id, for closed compounds (amerikanskledede). */
  demonymStems: Map<string, string>;
  maxStem: number;
  kb: KnowledgeBase;
  /** A number no other alias index of this process has (what the Word records of text/words.ts know it by). */
  id: number;
  /** byFirst, by first and second norm (see FirstTokenVariants). */
  byFirstAndSecond: Map<string, FirstTokenVariants>;
  /** The keys of demonymStems as a set. */
  demonymStemSet: ReadonlySet<string>;
}

const NO_ABBREVIATIONS = { abbreviations: new Set<string>() };
const LANGS: Language[] = ['nb', 'nn', 'en'];

/** The language's demonymHomographs (lexicon data), lower-cased: forms never matched as demonyms. */
function demonymHomographs(lang: Language): ReadonlySet<string> {
  return new Set((getLanguageResources(lang).lexicon.demonymHomographs ?? []).map((w) => w.toLowerCase()));
}
const ARTICLE_WORDS = new Set(['Den', 'Det', 'De', 'The']);

function tokensOf(name: string): string[] {
  return splitSentences(name, NO_ABBREVIATIONS).flatMap((s) => s.tokens.map((t) => t.text));
}

function isAcronym(token: string): boolean {
  const letters = token.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters.length <= 5 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters);
}

function makeVariant(
  entry: KbEntry,
  surface: string,
  form: Variant['form'],
  anyCase: boolean,
  base: string = surface,
  lowerUnlessInitial = false,
): Variant | null {
  const tokens = tokensOf(surface);
  const baseTokens = tokensOf(base);
  if (tokens.length === 0 || tokens.length !== baseTokens.length) return null;
  const norms = tokens.map((t) => t.normalize('NFC').toLowerCase().replace(/’/g, "'"));
  const strict = baseTokens.map((t) => !anyCase && isAcronym(t) && t.length <= 5);
  const caseRules = tokens.map((surface, i) => {
    if (anyCase) return CASE_ANY;
    if (strict[i]) return CASE_EXACT;
    const sFirst = surface.charAt(0);
    if (sFirst === sFirst.toLowerCase()) return CASE_ANY;
    return ARTICLE_WORDS.has(surface) ? CASE_CAPITAL_OR_ARTICLE : CASE_CAPITAL;
  });
  const joined = baseTokens.join('');
  const letters = joined.replace(/[^\p{L}]/gu, '');
  // Party codes and other one- or two-letter names that are not all capitals (Ap, Sp, H, V) are too
  // ambiguous to match in running text; "(Ap)" after a name is where news writes them.
  // (A code with digits is no party code: "M23", "G7", "P5".)
  const parenthesisOnly =
    !anyCase && tokens.length === 1 && !/\d/.test(joined) && (letters.length <= 1 || (letters.length <= 3 && letters !== letters.toUpperCase()));
  return { entryId: entry.id, type: entry.type, form, tokens, norms, strict, parenthesisOnly, anyCase, lowerUnlessInitial, caseRules };
}

let indexCount = 0;

/** Builds the alias index of a knowledge base. */
export function buildAliasIndex(kb: KnowledgeBase): AliasIndex {
  const byFirst = new Map<string, Variant[]>();
  const demonymStems = new Map<string, string>();
  const seen = new Set<string>();
  const add = (v: Variant | null) => {
    if (!v) return;
    const sig = `${v.norms.join(' ')}|${v.tokens.join(' ')}|${v.form}`;
    if (seen.has(sig)) return;
    seen.add(sig);
    const list = byFirst.get(v.norms[0]!) ?? [];
    list.push(v);
    byFirst.set(v.norms[0]!, list);
  };
  const homographsOf = new Map(LANGS.map((lang) => [lang, demonymHomographs(lang)]));
  const ids = [...kb.entries.keys()].sort();
  for (const id of ids) {
    const entry = kb.entries.get(id)!;
    for (const lang of LANGS) {
      for (const name of entry.names[lang] ?? []) {
        add(makeVariant(entry, name, 'name', false));
        for (const g of genitiveForms(name, lang)) add(makeVariant(entry, g, 'genitive', false, name));
      }
      const homographs = homographsOf.get(lang)!;
      for (const dem of entry.demonyms?.[lang] ?? []) {
        for (const f of adjectiveForms(dem, lang)) if (!homographs.has(f)) add(makeVariant(entry, f, 'demonym', true, f, lang !== 'en'));
        if (lang !== 'en') {
          const stem = dem.toLowerCase();
          if (!demonymStems.has(stem)) demonymStems.set(stem, entry.id);
        }
      }
      for (const inh of entry.inhabitants?.[lang] ?? []) {
        for (const f of inhabitantForms(inh, lang)) if (!homographs.has(f)) add(makeVariant(entry, f, 'demonym', true, f, lang !== 'en'));
      }
    }
  }
  // Longest variants first, then a stable order: names before genitives before demonyms, then entry id.
  const formRank = { name: 0, genitive: 1, demonym: 2 } as const;
  for (const list of byFirst.values()) {
    list.sort(
      (a, b) =>
        b.tokens.length - a.tokens.length ||
        formRank[a.form] - formRank[b.form] ||
        (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0),
    );
  }
  let maxStem = 0;
  for (const s of demonymStems.keys()) maxStem = Math.max(maxStem, s.length);
  const byFirstAndSecond = new Map<string, FirstTokenVariants>();
  for (const [first, list] of byFirst) {
    const single = list.filter((v) => v.tokens.length === 1);
    let bySecond: Map<string, Variant[]> | null = null;
    if (single.length < list.length) {
      bySecond = new Map();
      for (const v of list) if (v.tokens.length > 1 && !bySecond.has(v.norms[1]!)) bySecond.set(v.norms[1]!, []);
      for (const [second, sub] of bySecond) for (const v of list) if (v.tokens.length === 1 || v.norms[1] === second) sub.push(v);
    }
    byFirstAndSecond.set(first, { single, bySecond });
  }
  return { byFirst, demonymStems, maxStem, kb, id: ++indexCount, byFirstAndSecond, demonymStemSet: new Set(demonymStems.keys()) };
}

/** Does a text token match a variant token under the variant's case rules? */
export function tokenMatches(v: Variant, i: number, text: string, first: boolean): boolean {
  switch (v.caseRules[i]) {
    case CASE_EXACT:
      return (text.includes('’') ? text.replace(/’/g, "'") : text) === v.tokens[i];
    case CASE_CAPITAL_OR_ARTICLE:
      // The knowledge base capitalises this word: the text must too, except an article opening the name.
      if (first) return true;
      return changesWhenLowerCased(text.charCodeAt(0));
    case CASE_CAPITAL:
      return changesWhenLowerCased(text.charCodeAt(0));
    default:
      return true;
  }
}

export { isAcronym };
