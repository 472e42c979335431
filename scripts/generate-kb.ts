// Generates src/kb/data/countries.json (countries and their capitals) from world-countries, i18n-iso-countries,
// @ideditor/country-coder and the hand-written src/kb/data/country-extras.json. Run after `tsc`:
//   node dist/scripts/generate-kb.js            write the file
//   node dist/scripts/generate-kb.js --check    exit 1 if the committed file differs from what would be written

import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Country } from 'world-countries';
import worldCountriesJson from 'world-countries/countries.json' with { type: 'json' };
import isoCountries from 'i18n-iso-countries';
import isoEn from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import isoNb from 'i18n-iso-countries/langs/nb.json' with { type: 'json' };
import isoNn from 'i18n-iso-countries/langs/nn.json' with { type: 'json' };
import extrasJson from '../src/kb/data/country-extras.json' with { type: 'json' };
import { validateKbFile, type KbEntry, type KbFile, type KbNames } from '../src/kb/schema.js';
import type { Language } from '../src/types.js';

const COUNTRIES_FILE = 'src/kb/data/countries.json';
const GENERATED_BY = 'scripts/generate-kb.ts';

interface CapitalExtra {
  id?: string;
  label?: string;
  wikidata?: string;
  names?: KbNames;
}

interface CountryExtra {
  label?: string;
  wikidata?: string;
  names?: KbNames;
  dropNames?: KbNames;
  demonyms?: KbNames;
  dropDemonyms?: KbNames;
  inhabitants?: KbNames;
  /** Keyed by the capital's name in world-countries; null: the capital gets no entry of its own (city-states). */
  capitals?: Record<string, CapitalExtra | null>;
}

interface CountryExtrasFile {
  description: string;
  version: string;
  unMemberCount: number;
  /** Codes world-countries marks `unMember` wrongly, with the reason. */
  notUnMembers: Record<string, string>;
  /** Non-member states and territories to include as countries. */
  nonMembers: string[];
  countries: Record<string, CountryExtra>;
  /** Former states news still names, written out in full. */
  historical: KbEntry[];
}

const extras = extrasJson as unknown as CountryExtrasFile;
const worldCountries = worldCountriesJson as unknown as Country[];

/** country-coder's ESM build ships no types TypeScript can resolve under NodeNext; its CommonJS build is typed here. */
const countryCoder = createRequire(import.meta.url)('@ideditor/country-coder') as {
  feature(query: string): { properties: { wikidata?: string } } | null;
};

for (const locale of [isoEn, isoNb, isoNn]) isoCountries.registerLocale(locale);

const TRANSLITERATE: Record<string, string> = { ø: 'o', æ: 'ae', đ: 'd', ł: 'l', ß: 'ss', ı: 'i' };

/** "São Tomé and Príncipe" → "sao-tome-and-principe", "Sana'a" → "sanaa". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[øæđłßı]/g, (c) => TRANSLITERATE[c] ?? c)
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "Myanmar (Burma)" → ["Myanmar", "Burma"]; inverted forms like "Korea, Republic of" are dropped. */
function expandName(name: string): string[] {
  if (name.includes(',')) return [];
  const match = /^(.+?)\s*\((.+)\)$/.exec(name);
  if (!match) return [name.trim()];
  const [outer, inner] = [match[1]!.trim(), match[2]!.trim()];
  // "Netherlands (Kingdom of the)" is an inversion too: only a parenthesis that is a name of its own is kept.
  return /\b(of|the)$/i.test(inner) ? [outer] : [outer, inner];
}

function unique(list: Iterable<string>, drop: readonly string[] = []): string[] {
  return [...new Set(list)].filter((n) => n !== '' && !drop.includes(n));
}

/** English official forms among world-countries' altSpellings ("Republic of Iraq"); native and coded forms are skipped. */
function isEnglishOfficialForm(spelling: string): boolean {
  return (
    /^[A-Za-z' -]+$/.test(spelling) &&
    / of /.test(spelling) &&
    /\b(Republic|Kingdom|State|States|Commonwealth|Federation|Principality|Duchy|Union|Sultanate|Confederation)\b/.test(spelling)
  );
}

function isoNames(code: string, lang: Language): string[] {
  return isoCountries.getName(code, lang, { select: 'all' }) ?? [];
}

/** Regular English plural of a demonym noun ("Iraqi" → "Iraqis"); adjectives like "French" or "Swiss" have none. */
function englishPlural(demonym: string): string | undefined {
  return /(an|i|er|ot|ino|ar|[^c]k)$/.test(demonym) ? `${demonym}s` : undefined;
}

/** Nynorsk inhabitant noun from the Bokmål one: "iraker" → "irakar"; other endings are the same in both. */
function nynorskInhabitant(bokmal: string): string {
  return bokmal.replace(/er$/, 'ar');
}

function compactNames(names: KbNames): KbNames | undefined {
  const out: KbNames = {};
  for (const lang of ['en', 'nb', 'nn'] as const) {
    const list = names[lang];
    if (list && list.length > 0) out[lang] = list;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Builds an entry with the key order every KB file uses. */
function entry(fields: KbEntry): KbEntry {
  const out: KbEntry = { id: fields.id, label: fields.label, type: fields.type, names: {} };
  if (fields.wikidata !== undefined) out.wikidata = fields.wikidata;
  out.names = compactNames(fields.names) ?? {};
  for (const key of ['demonyms', 'inhabitants'] as const) {
    const names = fields[key] && compactNames(fields[key]);
    if (names) out[key] = names;
  }
  for (const key of ['locatedIn', 'capitalOf', 'partOf'] as const) {
    if (fields[key] !== undefined) out[key] = fields[key];
  }
  return out;
}

const COUNTRY_EXTRA_KEYS = ['label', 'wikidata', 'names', 'dropNames', 'demonyms', 'dropDemonyms', 'inhabitants', 'capitals'];
const CAPITAL_EXTRA_KEYS = ['id', 'label', 'wikidata', 'names'];

/** A misspelt key in the hand-written extras would otherwise be ignored without a word. */
function checkKeys(where: string, value: object, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new Error(`country-extras: unknown field ${where}.${key}`);
  }
}

/** The ISO codes of the UN member states and of the non-members included, as the packages and extras define them. */
export function selectCountries(): { unMembers: string[]; nonMembers: string[] } {
  const byCode = new Map(worldCountries.map((c) => [c.cca2, c]));
  for (const code of Object.keys(extras.notUnMembers)) {
    if (!byCode.get(code)?.unMember) throw new Error(`country-extras: ${code} in notUnMembers is not marked unMember`);
  }
  const unMembers = worldCountries
    .filter((c) => c.unMember && !(c.cca2 in extras.notUnMembers))
    .map((c) => c.cca2)
    .sort();
  if (unMembers.length !== extras.unMemberCount) {
    throw new Error(`country-extras: expected ${extras.unMemberCount} UN members, world-countries gives ${unMembers.length}`);
  }
  for (const code of extras.nonMembers) {
    if (!byCode.has(code) || unMembers.includes(code)) {
      throw new Error(`country-extras: nonMembers entry ${code} is unknown or a UN member`);
    }
  }
  const selected = new Set([...unMembers, ...extras.nonMembers]);
  for (const [code, extra] of Object.entries(extras.countries)) {
    if (!selected.has(code)) throw new Error(`country-extras: countries.${code} is not a selected country`);
    checkKeys(`countries.${code}`, extra, COUNTRY_EXTRA_KEYS);
    for (const [capital, capitalExtra] of Object.entries(extra.capitals ?? {})) {
      if (capitalExtra !== null) checkKeys(`countries.${code}.capitals.${capital}`, capitalExtra, CAPITAL_EXTRA_KEYS);
    }
  }
  return { unMembers, nonMembers: [...extras.nonMembers].sort() };
}

function countryEntries(country: Country): KbEntry[] {
  const code = country.cca2;
  const extra = extras.countries[code] ?? {};
  const label = extra.label ?? country.name.common;
  const id = slugify(label);
  const wikidata = extra.wikidata ?? countryCoder.feature(code)?.properties.wikidata;
  if (!wikidata) throw new Error(`no Wikidata id for ${code}`);

  const en = unique(
    [
      label,
      country.name.common,
      ...isoNames(code, 'en'),
      country.name.official,
      ...country.altSpellings.filter(isEnglishOfficialForm),
      ...(extra.names?.en ?? []),
    ].flatMap(expandName),
    extra.dropNames?.en,
  );
  const nb = unique([...isoNames(code, 'nb'), ...(extra.names?.nb ?? [])].flatMap(expandName), extra.dropNames?.nb);
  const nn = unique([...isoNames(code, 'nn'), ...(extra.names?.nn ?? [])].flatMap(expandName), extra.dropNames?.nn);

  const demonymsEn = unique(
    [country.demonyms.eng?.m, country.demonyms.eng?.f]
      .filter((d): d is string => !!d)
      .flatMap((d) => d.split(/,\s*|\s+or\s+/))
      .concat(extra.demonyms?.en ?? []),
    extra.dropDemonyms?.en,
  );
  const demonymsNb = extra.demonyms?.nb ?? [];
  const inhabitantsNb = extra.inhabitants?.nb ?? [];
  const explicitEn = extra.inhabitants?.en;
  const inhabitantsEn =
    explicitEn && explicitEn.length === 0
      ? []
      : unique([...demonymsEn.map(englishPlural).filter((p): p is string => !!p), ...(explicitEn ?? [])]);

  const entries: KbEntry[] = [
    entry({
      id,
      label,
      type: 'country',
      wikidata,
      names: { en, nb, nn },
      demonyms: { en: demonymsEn, nb: demonymsNb, nn: extra.demonyms?.nn ?? demonymsNb },
      inhabitants: {
        en: inhabitantsEn,
        nb: inhabitantsNb,
        nn: extra.inhabitants?.nn ?? inhabitantsNb.map(nynorskInhabitant),
      },
    }),
  ];

  for (const key of Object.keys(extra.capitals ?? {})) {
    if (!country.capital.includes(key)) throw new Error(`country-extras: ${code} has no capital named ${key}`);
  }
  for (const capital of country.capital) {
    const capitalExtra = extra.capitals?.[capital];
    if (capitalExtra === null) continue;
    const capitalLabel = capitalExtra?.label ?? capital;
    const capitalNb = capitalExtra?.names?.nb ?? [capitalLabel];
    entries.push(
      entry({
        id: capitalExtra?.id ?? slugify(capitalLabel),
        label: capitalLabel,
        type: 'location',
        wikidata: capitalExtra?.wikidata,
        names: {
          // "Luxembourg" stays the country's: a capital renamed because it shares the country's name loses that name.
          en: unique([capitalLabel, capital, ...(capitalExtra?.names?.en ?? [])], en),
          nb: capitalNb,
          nn: capitalExtra?.names?.nn ?? capitalNb,
        },
        locatedIn: id,
        capitalOf: id,
      }),
    );
  }
  return entries;
}

/** The content of countries.json, computed from the installed packages and country-extras.json. Pure. */
export function generateCountries(): KbFile {
  const { unMembers, nonMembers } = selectCountries();
  const selected = new Set([...unMembers, ...nonMembers]);
  const entities = worldCountries
    .filter((c) => selected.has(c.cca2))
    .flatMap(countryEntries)
    .concat(extras.historical.map(entry))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const file: KbFile = {
    version: extras.version,
    generatedBy: GENERATED_BY,
    description:
      'Countries (the UN member states, the non-members in country-extras.json and former states) and their capitals. Generated: edit country-extras.json and rerun the generator.',
    entities,
  };
  return validateKbFile(file, COUNTRIES_FILE);
}

/** The exact bytes written to countries.json. */
export function serializeKbFile(file: KbFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const outIndex = argv.indexOf('--out');
  const out = resolve(outIndex >= 0 && argv[outIndex + 1] ? argv[outIndex + 1]! : COUNTRIES_FILE);
  const text = serializeKbFile(generateCountries());
  if (check) {
    let current = '';
    try {
      current = readFileSync(out, 'utf8');
    } catch {
      // a missing file is reported as out of date below
    }
    if (current !== text) {
      process.stderr.write(`kb:generate: ${out} is out of date; run npm run build && npm run kb:generate\n`);
      return 1;
    }
    process.stdout.write(`kb:generate: ${out} is up to date\n`);
    return 0;
  }
  writeFileSync(out, text);
  const { unMembers, nonMembers } = selectCountries();
  process.stdout.write(
    `kb:generate: wrote ${out}: ${unMembers.length} UN members, ${nonMembers.length} non-members, ` +
      `${extras.historical.length} former states\n`,
  );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
