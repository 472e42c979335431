// The knowledge-base file format (KbFile / KbEntry) and its validator; no data imports, so the generator can use it too.
import { ENTITY_TYPES, LANGUAGES } from '../types.js';
import { KgError } from '../errors.js';
const FILE_KEYS = ['version', 'generatedBy', 'description', 'entities'];
const ENTRY_KEYS = [
    'id',
    'label',
    'type',
    'wikidata',
    'names',
    'demonyms',
    'inhabitants',
    'locatedIn',
    'capitalOf',
    'partOf',
];
const NAME_FIELDS = ['names', 'demonyms', 'inhabitants'];
const REFERENCE_FIELDS = ['locatedIn', 'capitalOf', 'partOf'];
export const KB_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const VERSION_PATTERN = /^\d{4}\.\d{2}\.\d+$/;
const WIKIDATA_PATTERN = /^Q[1-9]\d*$/;
function describe(value) {
    if (value === undefined)
        return 'nothing';
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object')
        return 'an object';
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * Checks that `json` is a KB file and returns it typed. Throws `KgError('INVALID_KB')` with a one-line message that
 * names the entry (index and id), the field, what was expected and what was found.
 */
export function validateKbFile(json, where) {
    const fail = (message) => {
        throw new KgError('INVALID_KB', message, where);
    };
    if (!isPlainObject(json)) {
        return fail(`a KB file must be a JSON object with \`version\` and \`entities\`; got ${describe(json)}`);
    }
    for (const key of Object.keys(json)) {
        if (!FILE_KEYS.includes(key)) {
            fail(`unknown top-level field \`${key}\`; expected one of ${FILE_KEYS.join(', ')}`);
        }
    }
    if (typeof json.version !== 'string' || !VERSION_PATTERN.test(json.version)) {
        fail(`\`version\` must be a string "YYYY.MM.N"; got ${describe(json.version)}`);
    }
    for (const key of ['generatedBy', 'description']) {
        if (json[key] !== undefined && typeof json[key] !== 'string') {
            fail(`\`${key}\` must be a string; got ${describe(json[key])}`);
        }
    }
    if (!Array.isArray(json.entities)) {
        return fail(`\`entities\` must be an array; got ${describe(json.entities)}`);
    }
    const firstIndex = new Map();
    json.entities.forEach((entry, index) => {
        const id = isPlainObject(entry) && typeof entry.id === 'string' ? entry.id : undefined;
        const at = id === undefined ? `entity ${index}` : `entity ${index} (${JSON.stringify(id)})`;
        const bad = (field, expected, value) => fail(`${at}: \`${field}\` must be ${expected}; got ${describe(value)}`);
        if (!isPlainObject(entry))
            return bad('entity', 'an object', entry);
        for (const key of Object.keys(entry)) {
            if (!ENTRY_KEYS.includes(key)) {
                fail(`${at}: unknown field \`${key}\`; expected one of ${ENTRY_KEYS.join(', ')}`);
            }
        }
        if (typeof entry.id !== 'string' || !KB_ID_PATTERN.test(entry.id)) {
            bad('id', 'a lowercase slug like "inf-treaty"', entry.id);
        }
        const first = firstIndex.get(entry.id);
        if (first !== undefined)
            fail(`${at}: duplicate \`id\`; entity ${first} has the same id`);
        firstIndex.set(entry.id, index);
        if (typeof entry.label !== 'string' || entry.label.trim() === '' || entry.label !== entry.label.trim()) {
            bad('label', 'a non-empty string without surrounding spaces', entry.label);
        }
        if (typeof entry.type !== 'string' || !ENTITY_TYPES.includes(entry.type)) {
            bad('type', `one of ${ENTITY_TYPES.join(', ')}`, entry.type);
        }
        if (entry.wikidata !== undefined && (typeof entry.wikidata !== 'string' || !WIKIDATA_PATTERN.test(entry.wikidata))) {
            bad('wikidata', 'a Wikidata id like "Q796"', entry.wikidata);
        }
        for (const field of NAME_FIELDS) {
            const value = entry[field];
            if (value === undefined && field !== 'names')
                continue;
            if (!isPlainObject(value)) {
                return bad(field, `an object with lists per language (${LANGUAGES.join(', ')})`, value);
            }
            for (const [lang, list] of Object.entries(value)) {
                if (!LANGUAGES.includes(lang)) {
                    fail(`${at}: unknown language \`${field}.${lang}\`; expected one of ${LANGUAGES.join(', ')}`);
                }
                if (!Array.isArray(list) || !list.every((n) => typeof n === 'string' && n.trim() !== '' && n === n.trim())) {
                    bad(`${field}.${lang}`, 'an array of non-empty strings without surrounding spaces', list);
                }
                const seen = new Set();
                for (const name of list) {
                    if (seen.has(name))
                        fail(`${at}: \`${field}.${lang}\` lists ${JSON.stringify(name)} twice`);
                    seen.add(name);
                }
            }
        }
        for (const field of REFERENCE_FIELDS) {
            const value = entry[field];
            if (value !== undefined && (typeof value !== 'string' || !KB_ID_PATTERN.test(value))) {
                bad(field, 'the id of another entry', value);
            }
            if (value === entry.id)
                fail(`${at}: \`${field}\` points to the entry itself`);
        }
    });
    return json;
}
