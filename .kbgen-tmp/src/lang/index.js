import { ENTITY_TYPES, RELATION_TYPES } from '../types.js';
import nbLexicon from './nb/lexicon.json' with { type: 'json' };
import nbCues from './nb/cues.json' with { type: 'json' };
import enLexicon from './en/lexicon.json' with { type: 'json' };
import enCues from './en/cues.json' with { type: 'json' };
import { KgError } from '../errors.js';
function validateCues(file, where) {
    file.cues.forEach((c, i) => {
        if (!RELATION_TYPES.includes(c.relation)) {
            throw new KgError('INVALID_KB', `cue ${i}: unknown relation "${c.relation}"`, where);
        }
        for (const t of [...(c.subjectTypes ?? []), ...(c.objectTypes ?? [])]) {
            if (!ENTITY_TYPES.includes(t)) {
                throw new KgError('INVALID_KB', `cue ${i}: unknown entity type "${t}"`, where);
            }
        }
        if (!Array.isArray(c.forms) || c.forms.length === 0) {
            throw new KgError('INVALID_KB', `cue ${i} (${c.relation}): \`forms\` must be a non-empty array`, where);
        }
    });
}
function compile(language, lexicon, cueFile) {
    validateCues(cueFile, `src/lang/${language}/cues.json`);
    const cues = cueFile.cues.map((c, id) => ({
        ...c,
        id,
        subjectTypes: c.subjectTypes ?? cueFile.defaults.subjectTypes,
        objectTypes: c.objectTypes ?? cueFile.defaults.objectTypes,
        objectPreps: c.objectPreps ?? [],
        agentPreps: c.agentPreps ?? [],
        particles: c.particles ?? [],
        exclude: c.exclude ?? [],
    }));
    const cueForms = new Map();
    const headCues = [];
    for (const cue of cues) {
        for (const form of cue.forms) {
            const f = form.toLowerCase();
            const list = cueForms.get(f) ?? [];
            list.push(cue);
            cueForms.set(f, list);
            if (cue.head)
                headCues.push({ form: f, cue });
        }
    }
    headCues.sort((a, b) => b.form.length - a.form.length || (a.form < b.form ? -1 : a.form > b.form ? 1 : 0));
    const low = (xs) => new Set((xs ?? []).map((x) => x.toLowerCase()));
    const titles = new Map();
    for (const t of lexicon.titles)
        for (const f of t.forms)
            titles.set(f.toLowerCase(), t);
    const roleNouns = new Map();
    for (const r of lexicon.roleNouns)
        for (const f of r.forms)
            roleNouns.set(f.toLowerCase(), r);
    return {
        language,
        lexicon,
        cues,
        cueForms,
        headCues,
        sets: {
            abbreviations: low(lexicon.abbreviations),
            prepositions: low(lexicon.prepositions),
            placePrepositions: low(lexicon.placePrepositions),
            subordinators: low(lexicon.subordinators),
            clauseCoordinators: low(lexicon.clauseCoordinators),
            coordinators: low(lexicon.coordinators),
            negations: low(lexicon.negations),
            negatingVerbs: low(lexicon.negatingVerbs),
            hypothetical: low(lexicon.hypotheticalMarkers),
            hypotheticalGovernors: low(lexicon.hypotheticalGovernors),
            subjectPronouns: low(lexicon.subjectPronouns),
            frontAdverbials: low(lexicon.frontAdverbials),
            auxiliaries: low(lexicon.auxiliaries),
            verbForms: new Set([
                ...lexicon.auxiliaries,
                ...lexicon.speechVerbs,
                ...lexicon.claimVerbs,
                ...cues.filter((c) => c.pos === 'verb' && !c.copula).flatMap((c) => c.forms),
            ].map((x) => x.toLowerCase())),
            speechVerbs: low(lexicon.speechVerbs),
            claimVerbs: low(lexicon.claimVerbs),
            passiveAux: low(lexicon.passiveAuxiliaries),
            infinitive: low(lexicon.infinitiveMarkers),
            possessiveReflexives: low(lexicon.possessiveReflexives),
            governmentNouns: low(lexicon.governmentNouns),
            forceNouns: low(lexicon.forceNouns),
            titleCoref: low(lexicon.titleCorefNouns),
            orgApposNouns: low(lexicon.orgApposNouns),
            locationApposNouns: low(lexicon.locationApposNouns),
            particles: new Set(cues.flatMap((c) => c.particles)),
            nonNames: new Set(lexicon.nonNames),
            bylineMarkers: low(lexicon.bylineMarkers),
            commonWords: low(lexicon.commonWords),
            genitivePrepositions: low(lexicon.genitivePrepositions),
        },
        titles,
        roleNouns,
    };
}
const cache = new Map();
/** The compiled resources of a language; Nynorsk uses the Bokmål tables (its own forms are listed there). */
export function getLanguageResources(language) {
    let res = cache.get(language);
    if (!res) {
        res =
            language === 'en'
                ? compile('en', enLexicon, enCues)
                : compile(language, nbLexicon, nbCues);
        cache.set(language, res);
    }
    return res;
}
