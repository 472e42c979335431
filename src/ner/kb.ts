// The knowledge base as a tagger feature and as the typing of tagger output: per-token KB tags computed
// the same way for training and tagging, and the mapping from NorNE's tag set to the ontology's types.

import type { EntityType, Mention, Sentence, Token } from '../types.js';
import type { AliasIndex } from '../mentions/kbindex.js';
import { findKbMentions } from '../mentions/index.js';
import type { Tagger } from './tagger.js';
import { KgError } from '../errors.js';
import { placeTags, shippedPlaces, withPlaces } from './places.js';
import { givenNameTags, shippedNames } from './names.js';

/** The lookup form of a token, as the tokeniser makes it (NFC, lower case, ’ → '), with the common cases fast. */
function normOf(text: string): string {
  let norm = COMBINING.test(text) ? text.normalize('NFC').toLowerCase() : text.toLowerCase();
  if (norm.includes('’')) norm = norm.replace(/’/g, "'");
  return norm;
}
const COMBINING = /[\u0300-\u036f]/;

/**
 * The knowledge-base feature of each token: `B-<type>` / `I-<type>` when a knowledge-base mention covers the
 * token (its ontology type), with `:genitive`, `:demonym` or `:part` (a hyphenated or closed compound of
 * which only a prefix is known: "Nato-sjefen") appended when the mention is not a plain name; null elsewhere.
 * The tokens are matched as given (not re-tokenised), so the tags line up with them.
 */
export function kbTagsFor(tokens: readonly string[], index: AliasIndex): (string | null)[] {
  const out: (string | null)[] = new Array<string | null>(tokens.length).fill(null);
  if (tokens.length === 0) return out;
  const toks: Token[] = [];
  let pos = 0;
  for (let i = 0; i < tokens.length; i++) {
    const text = tokens[i]!;
    toks.push({ start: pos, end: pos + text.length, text, norm: normOf(text), index: i });
    pos += text.length + 1;
  }
  const sentence: Sentence = { index: 0, start: 0, end: pos - 1, tokens: toks };
  return kbTagsFromMentions(toks, findKbMentions(sentence, index));
}

/**
 * The same feature from knowledge-base mentions already found in a sentence (the pipeline finds them anyway):
 * `mentions` are findKbMentions' output for exactly these tokens.
 */
export function kbTagsFromMentions(tokens: readonly Token[], mentions: readonly Mention[]): (string | null)[] {
  const out: (string | null)[] = new Array<string | null>(tokens.length).fill(null);
  for (const m of mentions) {
    const partial = m.tokenStart === m.tokenEnd && m.end < tokens[m.tokenStart]!.end;
    const suffix = partial ? ':part' : m.form === 'name' ? '' : `:${m.form}`;
    for (let k = m.tokenStart; k <= m.tokenEnd; k++) out[k] = `${k === m.tokenStart ? 'B' : 'I'}-${m.type}${suffix}`;
  }
  return out;
}

/**
 * The ontology type of each NorNE entity type when nothing else is known; null for DRV (a word derived from a
 * name, "Oslo-mannen", "Ibsen-stykket", is no mention of an entity by itself). The knowledge base knows every
 * sovereign state, so a GPE_ORG it does not know is a body (a city or region acting: ONTOLOGY.md maps
 * GPE_ORG "for bodies" to organization) and a GPE_LOC it does not know is a place (see ontologyTypeOf).
 */
export const NORNE_TO_ONTOLOGY: Readonly<Record<string, EntityType | null>> = Object.freeze({
  PER: 'person',
  ORG: 'organization',
  GPE_LOC: 'location',
  GPE_ORG: 'organization',
  LOC: 'location',
  PROD: 'other',
  EVT: 'event',
  DRV: null,
  MISC: 'other',
});

/**
 * The ontology type of a tagged entity: the knowledge base decides where it knows the name and the tag allows
 * it (GPE_LOC/GPE_ORG → country, organization or location; PROD → weapon or agreement), else NORNE_TO_ONTOLOGY.
 * Types that are not NorNE's map to `other`.
 */
export function ontologyTypeOf(norneType: string, kbType?: EntityType | null): EntityType | null {
  const base = norneType in NORNE_TO_ONTOLOGY ? NORNE_TO_ONTOLOGY[norneType]! : 'other';
  if (!kbType) return base;
  switch (norneType) {
    case 'GPE_LOC':
    case 'GPE_ORG':
      return kbType === 'country' || kbType === 'location' || kbType === 'organization' ? kbType : base;
    case 'LOC':
      return kbType === 'country' || kbType === 'location' ? kbType : base;
    case 'ORG':
      return kbType === 'organization' || kbType === 'country' ? kbType : base;
    case 'PROD':
    case 'MISC':
      return kbType === 'weapon' || kbType === 'agreement' || kbType === 'event' ? kbType : base;
    case 'EVT':
      return kbType === 'event' || kbType === 'agreement' ? kbType : base;
    default:
      return base;
  }
}

/**
 * What a tagger's knowledge-base slot receives per token: the knowledge-base tag, and with a part of speech
 * the two joined (`B-country|PROPN`, `|VERB`), so that the same feature templates see both. Undefined when
 * there is neither.
 */
export function taggerInputs(kbTags?: readonly (string | null)[], pos?: readonly string[]): (string | null)[] | undefined {
  if (!pos) return kbTags ? [...kbTags] : undefined;
  return pos.map((p, i) => `${kbTags?.[i] ?? ''}|${p}`);
}

/** Which gazetteers fill the knowledge-base feature where the knowledge base has nothing. */
export interface GazetteerUse {
  /** The towns and cities (placeTags). */
  places: boolean;
  /** The given names (givenNameTags), where the towns have nothing either. */
  names: boolean;
}

/** The knowledge-base tags of `tokens` with the gazetteers of `use` filling the tokens they leave empty. */
export function withGazetteers(kbTags: readonly (string | null)[], tokens: readonly string[], use: GazetteerUse): (string | null)[] {
  let out = withPlaces(kbTags, use.places ? placeTags(tokens, shippedPlaces()) : undefined)!;
  if (use.names) out = withPlaces(out, givenNameTags(tokens, shippedNames()))!;
  return out;
}

/**
 * Tags one sentence, computing the knowledge-base feature first when the tagger uses it and an index is given;
 * a tagger that uses parts of speech needs `pos` (one per token).
 */
export function tagSentence(tagger: Tagger, tokens: readonly string[], index?: AliasIndex, pos?: readonly string[]): string[] {
  if (tagger.usesPos && !pos) throw new KgError('INVALID_SETTING', 'this tagger model uses parts of speech: a syntax model must tag the words first');
  const kb = tagger.usesKb && index ? withGazetteers(kbTagsFor(tokens, index), tokens, { places: tagger.usesPlaces, names: tagger.usesNames }) : undefined;
  return tagger.tagTokens(tokens, taggerInputs(kb, tagger.usesPos ? pos : undefined));
}
