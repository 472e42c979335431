// A list of given names (src/kb/data/given-names.json) as a feature of the entity tagger: a capitalised token
// that is a listed given name gets the knowledge-base slot's tag `B-given` where the knowledge base and the town
// gazetteer have nothing. The tagger learns how far to trust it ("Will", "Rose" and "Chase" are words too); no
// name becomes an entity because it is listed.

import { KgError } from '../errors.js';
import { packageDataFile, placeKey } from './places.js';

/** What a model trained with the list records in its meta (`names`). */
export const NAMES_META = 'stdlib-first-names-en';

/** Given names in their lookup form (placeKey: lower case, no accents). */
export type NameIndex = ReadonlySet<string>;

export function buildNameIndex(names: readonly string[]): NameIndex {
  return new Set(names.map(placeKey).filter((n) => n.length > 0));
}

let shipped: NameIndex | undefined;
/** The list shipped in the package, read on first use. */
export function shippedNames(): NameIndex {
  if (shipped) return shipped;
  const { file, data } = packageDataFile('given-names.json', 'the list of given names');
  if (!Array.isArray(data.names) || data.names.some((n) => typeof n !== 'string')) throw new KgError('INPUT_INVALID', 'the list of given names has no "names" list of strings', file);
  return (shipped = buildNameIndex(data.names as string[]));
}

/** A capitalised word with a lower-case letter after its first ("Anna", "O'Neil"), not an all-capitals one ("WILL"). */
const NAME_SHAPE = /^\p{Lu}.*\p{Ll}/u;

/** Per token, `B-given` for a capitalised token that is a listed given name; null elsewhere. */
export function givenNameTags(tokens: readonly string[], index: NameIndex): (string | null)[] {
  return tokens.map((t) => (NAME_SHAPE.test(t) && index.has(placeKey(t)) ? 'B-given' : null));
}
