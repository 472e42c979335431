// A gazetteer of towns and cities (src/kb/data/places.json, from GeoNames) as a feature of the entity tagger:
// a token that opens a known place name, and the tokens after it in that name, get the knowledge-base slot's
// tag `B-place` / `I-place` where the knowledge base itself has nothing. The tagger learns how far to trust it
// ("Jackson", "Reading" and "Split" are towns too); no name becomes an entity because it is listed.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KgError } from '../errors.js';

/** What a model trained with the gazetteer records in its meta (`places`). */
export const PLACES_META = 'geonames-15k';

export interface PlaceIndex {
  /** Names in their lookup form (placeKey), words joined by one space. */
  names: Set<string>;
  /** The most tokens a name has. */
  maxTokens: number;
}

/** The lookup form of a word: lower case, without accents and the ayn/hamza marks of romanised Arabic ("Khān Yūnis" → "khan yunis"). */
export function placeKey(word: string): string {
  return word.normalize('NFD').replace(/[\u0300-\u036f\u02bb\u02bc\u02be\u02bf‘]/g, '').toLowerCase();
}

/** The index of [name, country, population] rows. */
export function buildPlaceIndex(rows: readonly (readonly [string, string, number])[]): PlaceIndex {
  const names = new Set<string>();
  let maxTokens = 1;
  for (const [name] of rows) {
    const words = name.split(' ').map(placeKey).filter((w) => w.length > 0);
    if (words.length === 0) continue;
    names.add(words.join(' '));
    maxTokens = Math.max(maxTokens, words.length);
  }
  return { names, maxTokens };
}

/**
 * A data file of the package (`src/kb/data/NAME`), found from this module up to the folder with package.json, and
 * read as JSON; `what` names it in the error when it is missing.
 */
export function packageDataFile(name: string, what: string): { file: string; data: Record<string, unknown> } {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'src', 'kb', 'data', name);
    if (existsSync(join(dir, 'package.json')) && existsSync(file)) return { file, data: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> };
    const up = dirname(dir);
    if (up === dir) throw new KgError('INPUT_NOT_FOUND', `cannot find src/kb/data/${name} (${what}) above the package`);
    dir = up;
  }
}

let shipped: PlaceIndex | undefined;
/** The gazetteer shipped in the package, read on first use. */
export function shippedPlaces(): PlaceIndex {
  if (shipped) return shipped;
  const { file, data } = packageDataFile('places.json', 'the gazetteer');
  if (!Array.isArray(data.places)) throw new KgError('INPUT_INVALID', 'the gazetteer has no "places" list', file);
  return (shipped = buildPlaceIndex(data.places as [string, string, number][]));
}

const CAPITALISED = /^\p{Lu}/u;
const GENITIVE = /^(.{3,}?)(?:['’]s|['’]|s)$/u;

/**
 * Per token, `B-place` / `I-place` (with `:genitive` when the name's last word carries a genitive s: "Kharkivs",
 * "Houston's") for the longest listed name starting at a capitalised token; null elsewhere.
 */
export function placeTags(tokens: readonly string[], index: PlaceIndex): (string | null)[] {
  const n = tokens.length;
  const out = new Array<string | null>(n).fill(null);
  const lower = tokens.map(placeKey);
  for (let i = 0; i < n; ) {
    let found = 0;
    let genitive = false;
    if (CAPITALISED.test(tokens[i]!)) {
      for (let len = Math.min(index.maxTokens, n - i); len >= 1 && found === 0; len--) {
        const key = lower.slice(i, i + len).join(' ');
        if (index.names.has(key)) found = len;
        else {
          const g = GENITIVE.exec(lower[i + len - 1]!);
          if (g && index.names.has([...lower.slice(i, i + len - 1), g[1]!].join(' '))) {
            found = len;
            genitive = true;
          }
        }
      }
    }
    if (found === 0) {
      i++;
      continue;
    }
    const suffix = genitive ? ':genitive' : '';
    for (let k = 0; k < found; k++) out[i + k] = `${k === 0 ? 'B' : 'I'}-place${suffix}`;
    i += found;
  }
  return out;
}

/** The knowledge-base tags with the gazetteer's filling the tokens the knowledge base leaves empty. */
export function withPlaces(kbTags: readonly (string | null)[] | undefined, places: readonly (string | null)[] | undefined): (string | null)[] | undefined {
  if (!places) return kbTags ? [...kbTags] : undefined;
  if (!kbTags) return [...places];
  return kbTags.map((t, i) => t ?? places[i] ?? null);
}
