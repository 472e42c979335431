// One sentence through the syntax models: tags, lemmas, then the tree; and the same steps turned into
// training, from CoNLL-U or NDT trees to a SyntaxModel.

export type { SyntaxWord };

import { hashString } from '../hash.js';
import { mulberry32 } from '../random.js';
import type { SyntaxWord } from '../types.js';
import { datelineLength } from '../text/tokenize.js';
import type { ConlluSentence } from './conllu.js';
import { lemmatize, seenAs, trainLemmatizer } from './lemma.js';
import type { SyntaxModel, SyntaxScheme } from './model.js';
import { ndtToUd } from './ndt.js';
import { parseWords, trainParser, type ParseInput, type ParseTrainSentence } from './parser.js';
import { tagWords, trainTagger, type TagTrainSentence, type TaggerModel } from './tagger.js';

/** The parser's view of a tagged sentence; `punctId` is the UPOS id of PUNCT (−1: none). */
export function parseInput(forms: readonly string[], upos: ArrayLike<number>, fine: ArrayLike<number>, punctId: number): ParseInput {
  const n = forms.length;
  const inp: ParseInput = { w: new Uint32Array(n + 1), t: new Int32Array(n + 1), x: new Int32Array(n + 1), punct: new Int32Array(n + 1) };
  for (let i = 0; i < n; i++) {
    inp.w[i + 1] = hashString(forms[i]!.toLowerCase());
    inp.t[i + 1] = upos[i]! + 1;
    inp.x[i + 1] = fine[i]! + 1;
    inp.punct[i + 1] = inp.punct[i]! + (upos[i] === punctId ? 1 : 0);
  }
  return inp;
}

const splitFine = (fine: string | undefined): [string, string] => {
  if (fine === undefined) return ['_', '_'];
  const tab = fine.indexOf('\t');
  return [fine.slice(0, tab), fine.slice(tab + 1)];
};

/** XPOS and FEATS of each fine class of a tagger (the last entry: no fine tag), split once. */
const fineParts = new WeakMap<TaggerModel, [string, string][]>();
function finePartsOf(tagger: TaggerModel): [string, string][] {
  let parts = fineParts.get(tagger);
  if (!parts) fineParts.set(tagger, (parts = [...tagger.fine, undefined].map(splitFine)));
  return parts;
}

/**
 * The universal part of speech of each token by the model's tagger alone (no lemmas, no tree): what the entity
 * tagger takes as a feature before names are known (the full analysis comes after them, see analyseWords).
 */
export function partsOfSpeech(model: SyntaxModel, forms: readonly string[]): string[] {
  if (forms.length === 0) return [];
  const tagged = tagWords(model.tagger, forms);
  return Array.from(tagged.upos.subarray(0, forms.length), (u) => model.tagger.upos[u]!);
}

/**
 * Tags, lemmatises and parses one sentence. `names` marks the words known to be (part of) a proper name: they are
 * tagged PROPN, and the parse around them follows (a name the tagger would read as a verb, "Lockheed Martin", no
 * longer breaks the tree).
 */
export function analyseWords(model: SyntaxModel, forms: readonly string[], names?: readonly boolean[], hints?: AnalysisHints): SyntaxWord[] {
  if (forms.length === 0) return [];
  if (model.language === 'en' && forms.some(hasClitic)) return analyseSplit(model, forms, names);
  return analyseTokens(model, forms, names, hints);
}

/** What the caller knows beyond the model. */
export interface AnalysisHints {
  /**
   * Verb lemmas the caller knows (the relation frames' verbs): a word the tagger only guessed as a noun or adjective
   * in a Norwegian statement without a finite verb, whose verb lemma is one of them, is tried as the verb.
   */
  verbLemma?: (lemma: string) => boolean;
  /**
   * The language's abbreviations (lower case, without the final dot; the lexicon's `abbreviations`): a word of them,
   * or a single letter, with its dot as the next token inside the sentence is one word to the models ("Gen." in
   * "led by Gen. Dagalo", "bl.a."), as the treebanks write it; the dot token hangs on it as punctuation.
   */
  abbreviations?: ReadonlySet<string>;
}

/**
 * The syntax of one sentence; a dateline opening it ("ABU DHABI (Reuters) -") is parsed apart and hung on the
 * sentence's root as a parenthetical, so that it is never read as the subject of what follows.
 */
export function analyseSentence(model: SyntaxModel, forms: string[], names?: readonly boolean[], hints?: AnalysisHints): SyntaxWord[] {
  const groups = hints?.abbreviations ? abbreviationGroups(forms, hints.abbreviations) : undefined;
  if (!groups) return analyseUnmerged(model, forms, names, hints);
  // One word per group (the abbreviation and its dots), analysed; then the tokens again: the group's first token takes
  // the word's analysis, each dot hangs on it.
  const words = groups.map((g) => g.map((t) => forms[t]!).join(''));
  const analysed = analyseUnmerged(model, words, names ? groups.map((g) => names[g[0]!] === true) : undefined, hints);
  const first = groups.map((g) => g[0]! + 1);
  const ud = model.scheme !== 'NDT';
  const out: SyntaxWord[] = [];
  groups.forEach((g, k) => {
    const w = analysed[k]!;
    out.push({ ...w, head: w.head === 0 ? 0 : first[w.head - 1]! });
    for (const t of g) {
      if (t === g[0]) continue;
      if (forms[t] === '.') out.push({ lemma: ud ? '.' : '$.', upos: 'PUNCT', xpos: ud ? '.' : 'clb', feats: '_', head: g[0]! + 1, deprel: ud ? 'punct' : 'IP' });
      else out.push({ ...w, head: g[0]! + 1, deprel: ud ? 'flat' : 'FLAT' });
    }
  });
  return out;
}

/**
 * Groups of token indices, one per word to the models: an abbreviation or initial with its dot ("Gen" "."), runs of
 * them written together ("bl" "." "a" "."); undefined when the sentence has none. A dot that ends the sentence stays
 * its own.
 */
export function abbreviationGroups(forms: readonly string[], abbreviations: ReadonlySet<string>): number[][] | undefined {
  const n = forms.length;
  const opens = (i: number) => i + 2 < n && forms[i + 1] === '.' && /^\p{L}+$/u.test(forms[i]!) && (abbreviations.has(forms[i]!.toLowerCase()) || /^\p{Lu}$/u.test(forms[i]!));
  let groups: number[][] | undefined;
  for (let i = 0; i < n; ) {
    if (!opens(i)) {
      groups?.push([i]);
      i++;
      continue;
    }
    groups ??= Array.from({ length: i }, (_, k) => [k]);
    const g = [i, i + 1];
    let j = i + 2;
    // ("bl.a.", "e.g.": a lower-case letter, or an abbreviation of two, and its dot written on.)
    while (j + 2 < n && forms[j + 1] === '.' && /^\p{L}{1,2}$/u.test(forms[j]!) && /^\p{Ll}/u.test(forms[j]!) && (forms[j]!.length === 1 || abbreviations.has(forms[j]!))) {
      g.push(j, j + 1);
      j += 2;
    }
    groups.push(g);
    i = j;
  }
  return groups;
}

function analyseUnmerged(model: SyntaxModel, forms: string[], names?: readonly boolean[], hints?: AnalysisHints): SyntaxWord[] {
  const d = datelineLength(forms.map((text) => ({ text })));
  if (d === 0) return analyseWords(model, forms, names, hints);
  const head = analyseWords(model, forms.slice(0, d), names?.slice(0, d), hints);
  const rest = analyseWords(model, forms.slice(d), names?.slice(d), hints);
  const root = rest.findIndex((w) => w.head === 0) + d + 1;
  const parenthetical = model.language === 'en' ? 'parataxis' : 'PAR';
  return [
    ...head.map((w) => (w.head === 0 ? { ...w, head: root, deprel: parenthetical } : w)),
    ...rest.map((w) => ({ ...w, head: w.head === 0 ? 0 : w.head + d })),
  ];
}

// English treebanks write clitics as words of their own ("did" + "n't", "Israel" + "'s"); our tokens keep them
// inside the word. The parser reads them split, as it was trained, and each token takes the analysis of its main
// part ("n't" for a negated auxiliary, so that the verb keeps its negation; the name for a genitive).
const CLITIC = /^(.+?)(n['’]t|['’](?:s|re|ve|ll|d|m)|['’])$/i;

/** CLITIC.test, with the common case (no apostrophe at all) answered without the regular expression. */
const hasClitic = (form: string) => (form.includes("'") || form.includes('’')) && CLITIC.test(form);

function splitClitic(form: string): [string, string] | undefined {
  const m = CLITIC.exec(form);
  if (!m) return undefined;
  // ("can't" splits as EWT writes it: "ca" + "n't"; "won't": "wo" + "n't".)
  const [, stem, clitic] = m as unknown as [string, string, string];
  if (clitic === "'" || clitic === '’') {
    // A bare apostrophe is a plural possessive only after an s ("allies'"); else it is a quote.
    if (!/s$/i.test(stem)) return undefined;
  }
  if (!/[a-z0-9]/i.test(stem)) return undefined;
  return [stem, clitic];
}

function analyseSplit(model: SyntaxModel, forms: readonly string[], names?: readonly boolean[]): SyntaxWord[] {
  const words: string[] = [];
  const wordNames: boolean[] = [];
  const tokenOf: number[] = [];
  const main: number[] = [];
  forms.forEach((f, t) => {
    const split = splitClitic(f);
    if (!split) {
      main.push(words.length);
      words.push(f);
      wordNames.push(names?.[t] === true);
      tokenOf.push(t);
      return;
    }
    const negation = /^n['’]t$/i.test(split[1]);
    main.push(negation ? words.length + 1 : words.length);
    words.push(split[0], split[1]);
    wordNames.push(names?.[t] === true, false);
    tokenOf.push(t, t);
  });
  const analysed = analyseTokens(model, words, names ? wordNames : undefined);
  return forms.map((form, t) => {
    const w = analysed[main[t]!]!;
    // The head of the token: the token of its main word's head, climbing out of the token itself.
    let h = w.head;
    for (let guard = 0; guard < words.length && h > 0 && tokenOf[h - 1] === t; guard++) h = analysed[h - 1]!.head;
    const head = h === 0 ? 0 : tokenOf[h - 1]! + 1;
    const lemma = /^n['’]t$/i.test(words[main[t]!]!) ? 'not' : w.lemma;
    return { ...w, lemma, head: head === t + 1 ? 0 : head };
  });
}

function analyseTokens(model: SyntaxModel, forms: readonly string[], names?: readonly boolean[], hints?: AnalysisHints): SyntaxWord[] {
  const propn = model.tagger.upos.indexOf('PROPN');
  const fixed = names && propn >= 0 ? names.map((n) => (n ? propn : undefined)) : undefined;
  let out = analyseNative(model, forms, fixed);
  if (model.scheme !== 'NDT') return repairPossession(model, forms, fixed, repairPerfect(model, forms, fixed, out));
  // A Norwegian sentence needs a verb, and a weak verb's preterite has the form of its past participle
  // ("kritiserte", "samla"). When the tagger found no verb at all but read such a form as a participle adjective,
  // the first one is the verb ("Dagen etter kritiserte Storbritannia ...", where "kritiserte" after "etter" looks
  // like "etter kritiserte tiltak"): tag it VERB and analyse again, kept only if the verb comes out a preterite.
  // Only in a sentence that ends as a statement or question, for a participle with no determiner before it and a
  // proper noun or personal pronoun after it (a fragment such as "Knuste ruter og punkterte dekk." stays as it is).
  const verb = model.tagger.upos.indexOf('VERB');
  // (The same holds for the statement before a reporting clause set off by a comma, "Russland angrep Kyiv natt til
  // mandag, opplyste ukrainske styresmakter": the words before the comma have no verb of their own.)
  const firstVerb = out.findIndex((w) => w.xpos === 'verb');
  const reportedEnd = firstVerb > 3 && forms[firstVerb - 1] === ',' && !forms.slice(0, firstVerb - 1).includes(',') ? firstVerb - 1 : -1;
  // (And for the statement before a second verb coordinated after "og": "Aoun fordømde åtaka og bad USA om ...".)
  const coordEnd = firstVerb > 3 && COORDINATORS.has(forms[firstVerb - 1]!.toLowerCase()) ? firstVerb - 1 : -1;
  const bareEnd = firstVerb < 0 ? forms.length - 1 : reportedEnd >= 0 ? reportedEnd : coordEnd;
  if (verb >= 0 && STATEMENT_END.test(forms[forms.length - 1] ?? '') && bareEnd > 0) {
    let part = out.findIndex((w, i) => i > 0 && i < bareEnd - 1 && fixed?.[i] === undefined && w.xpos === 'adj' && out[i - 1]!.xpos !== 'det' && ((w.feats.split('|').includes('<perf-part>') && subjectLike(out[i + 1]!)) || (subjectLike(out[i - 1]!) && !out[i - 1]!.feats.split('|').includes('gen') && seenAs(model.lemmatizer, forms[i]!, 'VERB'))));
    // A strong verb's preterite that is also a noun ("angrep", "slo"), read as an indefinite noun right after a noun,
    // proper noun or personal pronoun that is no genitive ("Russland angrep Kharkiv", "Tyrkiske kampfly angrep flere
    // mål"), and before a name, a pronoun, a determiner or an adjective, when training saw the form as a verb.
    if (part < 0) part = out.findIndex((w, i) => i > 0 && i < bareEnd - 1 && fixed?.[i] === undefined && w.xpos === 'subst' && !w.feats.split('|').includes('prop') && w.feats.split('|').includes('ub') && nounLike(out[i - 1]!) && !out[i - 1]!.feats.split('|').includes('gen') && (subjectLike(out[i + 1]!) || out[i + 1]!.xpos === 'det' || out[i + 1]!.xpos === 'adj') && seenAs(model.lemmatizer, forms[i]!, 'VERB'));
    // ... or, with the caller's verb lemmas, a noun or adjective the tagger only guessed (training never saw the form
    // with that part of speech) right after a noun or pronoun, whose verb lemma the caller knows ("Aoun fordømde åtaka
    // og bad ...", the Nynorsk preterite unseen in training).
    if (part < 0 && hints?.verbLemma) {
      const known = hints.verbLemma;
      part = out.findIndex((w, i) => i > 0 && i < bareEnd - 1 && fixed?.[i] === undefined && (w.xpos === 'adj' || (w.xpos === 'subst' && !w.feats.split('|').includes('prop'))) && !seenAs(model.lemmatizer, forms[i]!, w.upos) && nounLike(out[i - 1]!) && !out[i - 1]!.feats.split('|').includes('gen') && known(lemmatize(model.lemmatizer, forms[i]!, 'VERB')));
    }
    if (part >= 0) {
      const again = analyseNative(model, forms, forms.map((_, i) => (i === part ? verb : fixed?.[i])));
      if (again[part]!.xpos === 'verb' && again[part]!.feats.split('|').includes('pret')) out = again;
    }
  }
  // A word the parser made the finite verb of a sentence without one, but the tagger read as something else
  // ("Trump anklaget Danmark for å ha forsømt ...", "anklaget" as a noun): a verb, when training saw the form as one.
  const finite = (w: SyntaxWord) => w.xpos === 'verb' && /(^|\|)(pres|pret)(\||$)/.test(w.feats);
  if (verb >= 0 && STATEMENT_END.test(forms[forms.length - 1] ?? '') && !out.some(finite)) {
    const tries = [out.findIndex((w, i) => w.deprel === 'FINV' && w.xpos !== 'verb' && fixed?.[i] === undefined)];
    // ... or, when that is not it, a noun or adjective the tagger only guessed (training never saw the form with that
    // part of speech) right after a noun or pronoun ("Støre anklaget Teheran for ...", "Frankrike fordømte angrepet",
    // also where the tagger read a name ending in -s as a genitive: "Mitsotakis anklaget ...").
    // (Only a form whose verb lemma the caller knows as a verb: on NorNE dev, where no such list is given, guessed
    // words in sentences without a finite verb are typos and fragments, "Espen huskeringenting fra ...".)
    if (hints?.verbLemma) {
      const known = hints.verbLemma;
      const tagged = (w: SyntaxWord) => w.xpos === 'adj' || (w.xpos === 'subst' && !w.feats.split('|').includes('prop'));
      tries.push(out.findIndex((w, i) => i > 0 && i < forms.length - 2 && fixed?.[i] === undefined && tagged(w) && !seenAs(model.lemmatizer, forms[i]!, w.upos) && nounLike(out[i - 1]!) && known(lemmatize(model.lemmatizer, forms[i]!, 'VERB'))));
    }
    for (const k of tries) {
      if (k < 0) continue;
      const again = analyseNative(model, forms, forms.map((_, i) => (i === k ? verb : fixed?.[i])));
      if (finite(again[k]!)) {
        out = again;
        break;
      }
    }
  }
  // A second verb coordinated after "og"/"men" with a finite verb before it, read as a noun that is the verb's form
  // too, right before a name, a personal pronoun or a determiner ("Dodik avviste kritikken og skulda Schmidt for ...",
  // "skulda" also "the debt"): a verb, when training saw the form as one and the caller knows its verb lemma (as
  // above), kept if it comes out finite.
  if (verb >= 0 && hints?.verbLemma && out.some(finite)) {
    const known = hints.verbLemma;
    const k = out.findIndex((w, i) => i > 1 && i < forms.length - 2 && fixed?.[i] === undefined && w.xpos === 'subst' && !w.feats.split('|').includes('prop') && COORDINATORS.has(forms[i - 1]!.toLowerCase()) && out.slice(0, i - 1).some(finite) && (subjectLike(out[i + 1]!) || out[i + 1]!.upos === 'PROPN' || out[i + 1]!.xpos === 'det') && seenAs(model.lemmatizer, forms[i]!, 'VERB') && known(lemmatize(model.lemmatizer, forms[i]!, 'VERB')));
    if (k >= 0) {
      const again = analyseNative(model, forms, forms.map((_, i) => (i === k ? verb : fixed?.[i])));
      // (A weak verb's preterite may come out its participle, "anklaget": a verb coordinated with a finite one all the same.)
      if (finite(again[k]!) || (again[k]!.xpos === 'verb' && again[k]!.feats.split('|').includes('<perf-part>') && again[k]!.deprel === 'KOORD')) out = again;
    }
  }
  // UD's Norwegian UPOS and FEATS are themselves mapped from NDT annotation: map the predicted NDT tags,
  // features and tree the same way (on NorNE Bokmål dev this agrees better with UD than the UPOS tagger).
  const ud = ndtToUd(out.map((w, i) => ({ form: forms[i]!, lemma: w.lemma, pos: w.xpos, feats: w.feats, head: w.head, deprel: w.deprel })));
  out.forEach((w, i) => {
    w.upos = ud.upos[i]!;
    w.feats = ud.feats[i]!;
  });
  return out;
}

const STATEMENT_END = /^[.!?]$/;
/** Coordinators that join a second verb to a clause ("og", "men"). */
const COORDINATORS = new Set(['og', 'men', 'samt']);

/**
 * English: a past participle the tagger read as a noun or adjective right after a form of "have" ("its jets had
 * struck Cambodian positions"), when training saw the form as a verb and never as a noun or adjective: tagged VERB,
 * "have" AUX, and analysed again, kept if it comes out a past participle (VBN).
 */
function repairPerfect(model: SyntaxModel, forms: readonly string[], fixed: readonly (number | undefined)[] | undefined, out: SyntaxWord[]): SyntaxWord[] {
  const verb = model.tagger.upos.indexOf('VERB');
  if (verb < 0) return out;
  const lz = model.lemmatizer;
  const k = out.findIndex((w, i) => i > 0 && (w.upos === 'NOUN' || w.upos === 'ADJ') && fixed?.[i] === undefined && out[i - 1]!.lemma.toLowerCase() === 'have' && seenAs(lz, forms[i]!, 'VERB') && !seenAs(lz, forms[i]!, 'NOUN') && !seenAs(lz, forms[i]!, 'ADJ'));
  if (k < 0) return out;
  // ("have" is then the auxiliary.)
  const aux = model.tagger.upos.indexOf('AUX');
  const again = analyseNative(model, forms, forms.map((_, i) => (i === k ? verb : i === k - 1 && aux >= 0 ? aux : fixed?.[i])));
  return again[k]!.xpos === 'VBN' ? again : out;
}

/**
 * English: a form of "have" the tagger read as an auxiliary, inside a sentence, before a determiner, noun, proper noun or
 * number ("Turkey, which has troops in Libya", "the US had 5,000 soldiers there"): the verb of possession, as EWT
 * train has it every time (an auxiliary "have" is followed by a verb, an adverb, "not", a floating "all" or a pronoun
 * in questions). Tagged VERB and analysed again: on EWT dev it changes two sentences, both to the gold verb, LAS
 * unchanged at two decimals.
 */
/** Quantifiers that float after an auxiliary ("You've all won", "they have both left"). */
const FLOATING = new Set(['all', 'both', 'each']);

function repairPossession(model: SyntaxModel, forms: readonly string[], fixed: readonly (number | undefined)[] | undefined, out: SyntaxWord[]): SyntaxWord[] {
  const verb = model.tagger.upos.indexOf('VERB');
  if (verb < 0) return out;
  const k = out.findIndex((w, i) => i > 0 && i + 1 < out.length && w.upos === 'AUX' && w.lemma.toLowerCase() === 'have' && fixed?.[i] === undefined && ['DET', 'NOUN', 'PROPN', 'NUM'].includes(out[i + 1]!.upos) && !FLOATING.has(forms[i + 1]!.toLowerCase()));
  if (k < 0) return out;
  return analyseNative(model, forms, forms.map((_, i) => (i === k ? verb : fixed?.[i])));
}

/** A noun, a proper noun or a personal pronoun: what a subject ends in. */
function nounLike(w: SyntaxWord): boolean {
  return w.xpos === 'subst' || (w.xpos === 'pron' && w.feats.split('|').includes('pers'));
}

/** A proper noun or a personal pronoun: what follows an inverted preterite as its subject, and hardly ever follows a participle adjective. */
function subjectLike(w: SyntaxWord): boolean {
  const f = w.feats.split('|');
  return (w.xpos === 'subst' && f.includes('prop')) || (w.xpos === 'pron' && f.includes('pers'));
}

/** Tags, lemmatises and parses with the model's own tags and features (NDT's for the Norwegian models). */
function analyseNative(model: SyntaxModel, forms: readonly string[], fixed?: readonly (number | undefined)[]): SyntaxWord[] {
  const tagged = tagWords(model.tagger, forms, fixed);
  const tree = parseWords(model.parser, parseInput(forms, tagged.upos, tagged.fine, model.tagger.upos.indexOf('PUNCT')));
  const parts = finePartsOf(model.tagger);
  return forms.map((form, i) => {
    const upos = model.tagger.upos[tagged.upos[i]!]!;
    const f = tagged.fine[i]!;
    const [xpos, feats] = parts[f >= 0 && f < model.tagger.fine.length ? f : model.tagger.fine.length]!;
    return { lemma: lemmatize(model.lemmatizer, form, upos), upos, xpos, feats, head: tree.heads[i]!, deprel: model.parser.labels[tree.labels[i]!]! };
  });
}

export interface SyntaxTrainSettings {
  language: string;
  scheme: SyntaxScheme;
  seed: number;
  tagEpochs: number;
  parseEpochs: number;
  /** Features seen fewer times in training get no weight. */
  minCount: number;
  /** Train the parser on tags predicted by this many jackknifed taggers (0: on the gold tags). */
  jackknife: number;
  /**
   * Treebank sentences of the same scheme that only the parser trains on, with tags from the tagger trained on the
   * main data (which never saw them): another written standard of the language, whose trees help the parser while
   * its words and lemmas would mislead the tagger and lemmatiser (Bokmål and Nynorsk, README "Syntax").
   */
  parserAlso?: readonly ConlluSentence[];
  /** A parser feature seen only in parserAlso's trees needs this many sightings to get a weight (default: minCount). */
  alsoMinCount?: number;
  onProgress?: (message: string) => void;
}

/** Chosen on a held-out tenth of English train (README, "Syntax"); the shipped models are trained with these. */
export const DEFAULT_SYNTAX_TRAIN_SETTINGS = Object.freeze({ seed: 1, tagEpochs: 14, parseEpochs: 10, minCount: 1, jackknife: 4, alsoMinCount: 2 });

/** Gold UPOS and fine classes of a treebank sentence: NDT trees get UPOS from the NDT-to-UD mapping. */
function goldTags(s: ConlluSentence, scheme: SyntaxScheme): TagTrainSentence {
  const forms = s.words.map((w) => w.form);
  if (scheme === 'NDT') {
    const ud = ndtToUd(s.words.map((w) => ({ form: w.form, lemma: w.lemma, pos: w.xpos, feats: w.feats, head: w.head, deprel: w.deprel })));
    return { forms, upos: ud.upos, fine: s.words.map((w) => `${w.xpos}\t${w.feats}`) };
  }
  return { forms, upos: s.words.map((w) => w.upos), fine: s.words.map((w) => `${w.xpos}\t${w.feats}`) };
}

/** Tags the parser is trained on: gold, or each fold tagged by a tagger trained on the other folds. */
function trainingTags(tags: TagTrainSentence[], tagger: TaggerModel, s: SyntaxTrainSettings): { upos: Int32Array; fine: Int32Array }[] {
  const uposId = new Map(tagger.upos.map((u, i) => [u, i]));
  const fineId = new Map(tagger.fine.map((f, i) => [f, i]));
  const gold = tags.map((t) => ({ upos: Int32Array.from(t.upos, (u) => uposId.get(u)!), fine: Int32Array.from(t.fine, (f) => fineId.get(f)!) }));
  if (s.jackknife < 2) return gold;
  const rng = mulberry32(s.seed + 1);
  const fold = tags.map(() => Math.floor(rng() * s.jackknife));
  const out = gold.slice();
  for (let k = 0; k < s.jackknife; k++) {
    const rest = tags.filter((_, i) => fold[i] !== k);
    if (rest.length === 0) continue; // a treebank too small to fold keeps its gold tags
    s.onProgress?.(`jackknife tagger ${k + 1}/${s.jackknife}`);
    const m = trainTagger(rest, { epochs: s.tagEpochs, seed: s.seed + k, minCount: s.minCount });
    tags.forEach((t, i) => {
      if (fold[i] !== k) return;
      const r = tagWords(m, t.forms);
      // Classes the fold's tagger knows map back to the full model's ids; unknown ones keep the gold id.
      out[i] = {
        upos: Int32Array.from(r.upos, (u, j) => uposId.get(m.upos[u]!) ?? gold[i]!.upos[j]!),
        fine: Int32Array.from(r.fine, (f, j) => (f >= 0 ? fineId.get(m.fine[f]!) : undefined) ?? gold[i]!.fine[j]!),
      };
    });
  }
  return out;
}

/** Trains tagger, lemmatiser and parser on treebank sentences; the same data and settings give the same model. */
export function trainSyntax(train: readonly ConlluSentence[], s: SyntaxTrainSettings): SyntaxModel {
  const tags = train.map((x) => goldTags(x, s.scheme));
  s.onProgress?.('tagger');
  const tagger = trainTagger(tags, {
    epochs: s.tagEpochs, seed: s.seed, minCount: s.minCount,
    onEpoch: (e, errors, tokens) => s.onProgress?.(`tagger epoch ${e}/${s.tagEpochs}: ${((100 * errors) / tokens).toFixed(2)}% UPOS errors in training`),
  });
  const lemmatizer = trainLemmatizer(train.flatMap((x, k) => x.words.map((w, i) => ({ form: w.form, upos: tags[k]!.upos[i]!, lemma: w.lemma }))));
  const also = s.parserAlso ?? [];
  const labels = [...new Set([...train, ...also].flatMap((x) => x.words.map((w) => w.deprel)))].sort();
  const labelId = new Map(labels.map((l, i) => [l, i]));
  const predicted = trainingTags(tags, tagger, s);
  if (also.length > 0) s.onProgress?.(`tagging ${also.length} sentences that only the parser trains on`);
  // (A fine class the tagger never saw in its own data is none it can predict: the word takes the tagger's choice.)
  for (const x of also) predicted.push(tagWords(tagger, x.words.map((w) => w.form)));
  const data: ParseTrainSentence[] = [...train, ...also].map((x, k) => ({
    inp: parseInput(x.words.map((w) => w.form), predicted[k]!.upos, predicted[k]!.fine, tagger.upos.indexOf('PUNCT')),
    heads: Int32Array.from([0, ...x.words.map((w) => Math.max(0, w.head))]),
    labels: Int32Array.from([0, ...x.words.map((w) => labelId.get(w.deprel)!)]),
  }));
  s.onProgress?.('parser');
  const parser = trainParser(data, labels, {
    epochs: s.parseEpochs, seed: s.seed, minCount: s.minCount, exploreFrom: 2, explore: 0.9, singleRoot: s.scheme === 'UD',
    ...(also.length > 0 ? { alsoFrom: train.length, alsoMinCount: s.alsoMinCount ?? s.minCount } : {}),
    onEpoch: (e, errors, moves) => s.onProgress?.(`parser epoch ${e}/${s.parseEpochs}: ${((100 * errors) / moves).toFixed(2)}% wrong moves in training`),
  });
  const info = {
    sentences: train.length,
    words: tags.reduce((n, t) => n + t.forms.length, 0),
    ...(also.length > 0 ? { parserAlsoSentences: also.length, parserAlsoWords: also.reduce((n, x) => n + x.words.length, 0), alsoMinCount: s.alsoMinCount ?? s.minCount } : {}),
    seed: s.seed, tagEpochs: s.tagEpochs, parseEpochs: s.parseEpochs, minCount: s.minCount, jackknife: s.jackknife,
  };
  return { language: s.language, scheme: s.scheme, tagger, lemmatizer, parser, info };
}
