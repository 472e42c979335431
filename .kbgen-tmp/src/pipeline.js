// The extraction pipeline for one document: text → sentences → mentions → entities → relations.
// Settings follow the library's habit: DEFAULT_EXTRACT_SETTINGS, resolveExtractSettings, validateExtractSettings.
import { createHash } from 'node:crypto';
import { LANGUAGES } from './types.js';
import { InvalidSettingError } from './errors.js';
import { getLanguageResources } from './lang/index.js';
import { splitSentences } from './text/tokenize.js';
import { detectLanguage } from './text/language.js';
import { buildAliasIndex } from './mentions/kbindex.js';
import { findKbMentions, findNameCandidates, isCapitalised, isSentenceInitial } from './mentions/index.js';
import { resolveDocument } from './resolve/index.js';
import { extractRelations } from './relations/index.js';
export const LANGUAGE_CHOICES = ['auto', ...LANGUAGES];
export const DEFAULT_EXTRACT_SETTINGS = Object.freeze({
    minConfidence: 0,
    keepNonAsserted: true,
});
export function validateExtractSettings(s) {
    if (typeof s.minConfidence !== 'number' || !Number.isFinite(s.minConfidence) || s.minConfidence < 0 || s.minConfidence > 1) {
        throw new InvalidSettingError('minConfidence', 'a number between 0 and 1', s.minConfidence);
    }
    if (typeof s.keepNonAsserted !== 'boolean') {
        throw new InvalidSettingError('keepNonAsserted', 'a boolean', s.keepNonAsserted);
    }
}
export function resolveExtractSettings(partial = {}) {
    const s = { ...DEFAULT_EXTRACT_SETTINGS };
    for (const [k, v] of Object.entries(partial))
        if (v !== undefined)
            s[k] = v;
    validateExtractSettings(s);
    return s;
}
export function createExtractor(kb) {
    const index = buildAliasIndex(kb);
    return {
        kb,
        extract: (doc, settings) => extractDocument(doc, kb, index, resolveExtractSettings(settings)),
    };
}
/** Normalises raw text into a Document: NFC, no BOM, LF line ends; language detected when not given. */
export function makeDocument(input) {
    const text = input.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC');
    const language = !input.language || input.language === 'auto' ? detectLanguage(text) : input.language;
    return {
        id: input.id,
        text,
        language,
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.date !== undefined ? { date: input.date } : {}),
        ...(input.url !== undefined ? { url: input.url } : {}),
        ...(input.path !== undefined ? { path: input.path } : {}),
    };
}
export function documentMeta(doc) {
    return {
        id: doc.id,
        language: doc.language,
        ...(doc.path !== undefined ? { path: doc.path } : {}),
        ...(doc.title !== undefined ? { title: doc.title } : {}),
        ...(doc.date !== undefined ? { date: doc.date } : {}),
        ...(doc.url !== undefined ? { url: doc.url } : {}),
        hash: createHash('sha256').update(doc.text).digest('hex'),
    };
}
function extractDocument(doc, kb, index, settings) {
    const lang = getLanguageResources(doc.language);
    const sentences = splitSentences(doc.text, { abbreviations: lang.sets.abbreviations });
    const kbMentions = [];
    for (const s of sentences)
        kbMentions.push(...findKbMentions(s, index));
    // Document-level capitalisation statistics decide whether a sentence-initial word is a name.
    const docCapitalised = new Map();
    const docLowercase = new Set();
    for (const s of sentences) {
        s.tokens.forEach((t, i) => {
            if (isCapitalised(t)) {
                if (!isSentenceInitial(s.tokens, i))
                    docCapitalised.set(t.text, (docCapitalised.get(t.text) ?? 0) + 1);
            }
            else if (/^\p{Ll}/u.test(t.text)) {
                docLowercase.add(t.norm);
            }
        });
    }
    const candidates = [];
    for (const s of sentences) {
        const taken = new Set();
        for (const m of kbMentions) {
            if (m.sentence !== s.index)
                continue;
            const tok = s.tokens[m.tokenStart];
            // A compound such as "Nato-sjefen" is taken; a capitalised remainder is not a new name.
            for (let k = m.tokenStart; k <= m.tokenEnd; k++)
                taken.add(k);
            void tok;
        }
        for (const c of findNameCandidates(s, taken, lang, docCapitalised, docLowercase)) {
            candidates.push({ sentence: s.index, candidate: c });
        }
    }
    const resolution = resolveDocument(doc.text, sentences, kbMentions, candidates, kb, lang);
    let relations = extractRelations(doc, sentences, resolution, lang, { extractor: 'rules' });
    relations = relations.filter((r) => r.confidence >= settings.minConfidence);
    if (!settings.keepNonAsserted)
        relations = relations.filter((r) => !r.negated && !r.hypothetical);
    return { document: documentMeta(doc), entities: resolution.entities, relations };
}
