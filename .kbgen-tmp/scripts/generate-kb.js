// Generates src/kb/data/countries.json (countries and their capitals) from world-countries, i18n-iso-countries,
// @ideditor/country-coder and the hand-written src/kb/data/country-extras.json. Run after `tsc`:
//   node dist/scripts/generate-kb.js            write the file
//   node dist/scripts/generate-kb.js --check    exit 1 if the committed file differs from what would be written
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import worldCountriesJson from 'world-countries/countries.json' with { type: 'json' };
import isoCountries from 'i18n-iso-countries';
import isoEn from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import isoNb from 'i18n-iso-countries/langs/nb.json' with { type: 'json' };
import isoNn from 'i18n-iso-countries/langs/nn.json' with { type: 'json' };
import extrasJson from '../src/kb/data/country-extras.json' with { type: 'json' };
import { validateKbFile } from '../src/kb/schema.js';
export const COUNTRIES_FILE = 'src/kb/data/countries.json';
const GENERATED_BY = 'scripts/generate-kb.ts';
const extras = extrasJson;
const worldCountries = worldCountriesJson;
/** country-coder's ESM build ships no types TypeScript can resolve under NodeNext; its CommonJS build is typed here. */
const countryCoder = createRequire(import.meta.url)('@ideditor/country-coder');
for (const locale of [isoEn, isoNb, isoNn])
    isoCountries.registerLocale(locale);
const TRANSLITERATE = { ø: 'o', æ: 'ae', đ: 'd', ł: 'l', ß: 'ss', ı: 'i' };
/** "São Tomé and Príncipe" → "sao-tome-and-principe", "Sana'a" → "sanaa". */
export function slugify(text) {
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
function expandName(name) {
    if (name.includes(','))
        return [];
    const match = /^(.+?)\s*\((.+)\)$/.exec(name);
    if (!match)
        return [name.trim()];
    const [outer, inner] = [match[1].trim(), match[2].trim()];
    // "Netherlands (Kingdom of the)" is an inversion too: only a parenthesis that is a name of its own is kept.
    return /\b(of|the)$/i.test(inner) ? [outer] : [outer, inner];
}
function unique(list, drop = []) {
    return [...new Set(list)].filter((n) => n !== '' && !drop.includes(n));
}
/** English official forms among world-countries' altSpellings ("Republic of Iraq"); native and coded forms are skipped. */
function isEnglishOfficialForm(spelling) {
    return (/^[A-Za-z' -]+$/.test(spelling) &&
        / of /.test(spelling) &&
        /\b(Republic|Kingdom|State|States|Commonwealth|Federation|Principality|Duchy|Union|Sultanate|Confederation)\b/.test(spelling));
}
function isoNames(code, lang) {
    return isoCountries.getName(code, lang, { select: 'all' }) ?? [];
}
/** Regular English plural of a demonym noun ("Iraqi" → "Iraqis"); adjectives like "French" or "Swiss" have none. */
function englishPlural(demonym) {
    return /(an|i|er|ot|ino|ar|[^c]k)$/.test(demonym) ? `${demonym}s` : undefined;
}
/** Nynorsk inhabitant noun from the Bokmål one: "iraker" → "irakar"; other endings are the same in both. */
function nynorskInhabitant(bokmal) {
    return bokmal.replace(/er$/, 'ar');
}
function compactNames(names) {
    const out = {};
    for (const lang of ['en', 'nb', 'nn']) {
        const list = names[lang];
        if (list && list.length > 0)
            out[lang] = list;
    }
    return Object.keys(out).length > 0 ? out : undefined;
}
/** Builds an entry with the key order every KB file uses. */
function entry(fields) {
    const out = { id: fields.id, label: fields.label, type: fields.type, names: {} };
    if (fields.wikidata !== undefined)
        out.wikidata = fields.wikidata;
    out.names = compactNames(fields.names) ?? {};
    for (const key of ['demonyms', 'inhabitants']) {
        const names = fields[key] && compactNames(fields[key]);
        if (names)
            out[key] = names;
    }
    for (const key of ['locatedIn', 'capitalOf', 'partOf']) {
        if (fields[key] !== undefined)
            out[key] = fields[key];
    }
    return out;
}
/** The ISO codes of the UN member states and of the non-members included, as the packages and extras define them. */
export function selectCountries() {
    const byCode = new Map(worldCountries.map((c) => [c.cca2, c]));
    for (const code of Object.keys(extras.notUnMembers)) {
        if (!byCode.get(code)?.unMember)
            throw new Error(`country-extras: ${code} in notUnMembers is not marked unMember`);
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
    for (const code of Object.keys(extras.countries)) {
        if (!selected.has(code))
            throw new Error(`country-extras: countries.${code} is not a selected country`);
    }
    return { unMembers, nonMembers: [...extras.nonMembers].sort() };
}
function countryEntries(country) {
    const code = country.cca2;
    const extra = extras.countries[code] ?? {};
    const label = extra.label ?? country.name.common;
    const id = slugify(label);
    const wikidata = extra.wikidata ?? countryCoder.feature(code)?.properties.wikidata;
    if (!wikidata)
        throw new Error(`no Wikidata id for ${code}`);
    const en = unique([
        label,
        country.name.common,
        ...isoNames(code, 'en'),
        country.name.official,
        ...country.altSpellings.filter(isEnglishOfficialForm),
        ...(extra.names?.en ?? []),
    ].flatMap(expandName), extra.dropNames?.en);
    const nb = unique([...isoNames(code, 'nb'), ...(extra.names?.nb ?? [])].flatMap(expandName), extra.dropNames?.nb);
    const nn = unique([...isoNames(code, 'nn'), ...(extra.names?.nn ?? [])].flatMap(expandName), extra.dropNames?.nn);
    const demonymsEn = unique([country.demonyms.eng?.m, country.demonyms.eng?.f]
        .filter((d) => !!d)
        .flatMap((d) => d.split(/,\s*|\s+or\s+/))
        .concat(extra.demonyms?.en ?? []), extra.dropDemonyms?.en);
    const demonymsNb = extra.demonyms?.nb ?? [];
    const inhabitantsNb = extra.inhabitants?.nb ?? [];
    const explicitEn = extra.inhabitants?.en;
    const inhabitantsEn = explicitEn && explicitEn.length === 0
        ? []
        : unique([...demonymsEn.map(englishPlural).filter((p) => !!p), ...(explicitEn ?? [])]);
    const entries = [
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
        if (!country.capital.includes(key))
            throw new Error(`country-extras: ${code} has no capital named ${key}`);
    }
    for (const capital of country.capital) {
        const capitalExtra = extra.capitals?.[capital];
        if (capitalExtra === null)
            continue;
        const capitalLabel = capitalExtra?.label ?? capital;
        const capitalNb = capitalExtra?.names?.nb ?? [capitalLabel];
        entries.push(entry({
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
        }));
    }
    return entries;
}
/** The content of countries.json, computed from the installed packages and country-extras.json. Pure. */
export function generateCountries() {
    const { unMembers, nonMembers } = selectCountries();
    const selected = new Set([...unMembers, ...nonMembers]);
    const entities = worldCountries
        .filter((c) => selected.has(c.cca2))
        .flatMap(countryEntries)
        .concat(extras.historical.map(entry))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const file = {
        version: extras.version,
        generatedBy: GENERATED_BY,
        description: 'Countries (the UN member states, the non-members in country-extras.json and former states) and their capitals. Generated: edit country-extras.json and rerun the generator.',
        entities,
    };
    return validateKbFile(file, COUNTRIES_FILE);
}
/** The exact bytes written to countries.json. */
export function serializeKbFile(file) {
    return `${JSON.stringify(file, null, 2)}\n`;
}
function main(argv) {
    const check = argv.includes('--check');
    const outIndex = argv.indexOf('--out');
    const out = resolve(outIndex >= 0 && argv[outIndex + 1] ? argv[outIndex + 1] : COUNTRIES_FILE);
    const text = serializeKbFile(generateCountries());
    if (check) {
        let current = '';
        try {
            current = readFileSync(out, 'utf8');
        }
        catch {
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
    process.stdout.write(`kb:generate: wrote ${out}: ${unMembers.length} UN members, ${nonMembers.length} non-members, ` +
        `${extras.historical.length} former states\n`);
    return 0;
}
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
    process.exitCode = main(process.argv.slice(2));
}
