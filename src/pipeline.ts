// The extraction pipeline for one document: text → sentences → mentions → entities → relations.
// Settings follow the library's habit: DEFAULT_EXTRACT_SETTINGS, resolveExtractSettings, validateExtractSettings.

import { createHash } from 'node:crypto';
import type { Document, DocumentExtraction, DocumentMeta, Entity, EntityType, Language, Mention, Relation, Sentence } from './types.js';
import { LANGUAGES } from './types.js';
import { InvalidSettingError, KgError } from './errors.js';
import type { KnowledgeBase } from './kb/index.js';
import { getLanguageResources, type LanguageResources } from './lang/index.js';
import { datelineLength, splitSentences } from './text/tokenize.js';
import { detectLanguage } from './text/language.js';
import { buildAliasIndex, type AliasIndex } from './mentions/kbindex.js';
import { capitalisationStats, findKbMentions, findNameCandidates, isSentenceInitial, type NameCandidate } from './mentions/index.js';
import { findTaggedCandidates, propagateNames } from './mentions/tagged.js';
import type { Tagger } from './ner/tagger.js';
import { resolveDocument } from './resolve/index.js';
import { analyseSentence, partsOfSpeech } from './syntax/analyse.js';
import type { SyntaxModel } from './syntax/model.js';
import { lemmatize } from './syntax/lemma.js';
import { extractRelations } from './relations/index.js';
import { extractTreeRelations, partyRoles } from './relations/tree.js';
import { shippedFrames, type FrameSet } from './relations/frames.js';

export const LANGUAGE_CHOICES = ['auto', ...LANGUAGES] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

export interface ExtractSettings {
  /** Relations below this confidence are dropped. */
  minConfidence: number;
  /** Keep negated and hypothetical relations (flagged) instead of dropping them. */
  keepNonAsserted: boolean;
}

export const DEFAULT_EXTRACT_SETTINGS: Readonly<ExtractSettings> = Object.freeze({
  minConfidence: 0,
  keepNonAsserted: true,
});

export function validateExtractSettings(s: ExtractSettings): void {
  if (typeof s.minConfidence !== 'number' || !Number.isFinite(s.minConfidence) || s.minConfidence < 0 || s.minConfidence > 1) {
    throw new InvalidSettingError('minConfidence', 'a number between 0 and 1', s.minConfidence);
  }
  if (typeof s.keepNonAsserted !== 'boolean') {
    throw new InvalidSettingError('keepNonAsserted', 'a boolean', s.keepNonAsserted);
  }
}

export function resolveExtractSettings(partial: Partial<ExtractSettings> = {}): ExtractSettings {
  const s: ExtractSettings = { ...DEFAULT_EXTRACT_SETTINGS };
  for (const [k, v] of Object.entries(partial)) if (v !== undefined) (s as unknown as Record<string, unknown>)[k] = v;
  validateExtractSettings(s);
  return s;
}

/** An extractor bound to one knowledge base (the alias index is built once and reused). */
export interface Extractor {
  kb: KnowledgeBase;
  /** The statistical tagger that finds unknown names in a language, if any (else capitalisation rules). */
  taggerFor(language: Language): Tagger | undefined;
  extract(doc: Document, settings?: Partial<ExtractSettings>): DocumentExtraction;
  /** The document's sentences with their syntax (when a model for its language is known): the first stages alone. */
  sentences(doc: Document): Sentence[];
}

export interface ExtractorOptions {
  /**
   * A NER tagger (src/ner), or the tagger of each language (undefined: none for it): in its languages its spans
   * are the unknown names, instead of the capitalisation rules.
   */
  tagger?: Tagger | ((language: Language) => Tagger | undefined);
  /** The languages a single tagger is used for (default: Norwegian Bokmål and Nynorsk). */
  taggerLanguages?: readonly Language[];
  /**
   * The model whose part-of-speech tagger tags the words before names are found, for a tagger that uses parts
   * of speech (default: `syntax`).
   */
  partOfSpeech?: (language: Language) => SyntaxModel | undefined;
  /** The syntax model of a language (src/syntax), asked for when a document of that language comes; none: no trees. */
  syntax?: (language: Language) => SyntaxModel | undefined;
  /** The relation frames of a language (default: the shipped ones, src/lang/<language>/frames.json). */
  frames?: (language: Language) => FrameSet;
}

export function createExtractor(kb: KnowledgeBase, options: ExtractorOptions = {}): Extractor {
  const index = buildAliasIndex(kb);
  const given = options.tagger;
  const languages = options.taggerLanguages ?? (['nb', 'nn'] as const);
  const taggerFor = (language: Language): Tagger | undefined =>
    typeof given === 'function' ? given(language) : given && languages.includes(language) ? given : undefined;
  return {
    kb,
    taggerFor,
    extract: (doc, settings) => extractDocument(doc, kb, index, resolveExtractSettings(settings), taggerFor(doc.language), options),
    sentences: (doc) => documentSentences(doc, getLanguageResources(doc.language), options.syntax),
  };
}

/** Normalises raw text into a Document: NFC, no BOM, LF line ends; language detected when not given. */
/** A document's text as the pipeline reads it: no byte-order mark, "\n" line breaks, NFC. */
function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC');
}

/** The content hash a document's metadata records (sha256 of its normalised text, hex). */
export function documentHash(text: string): string {
  return createHash('sha256').update(normaliseText(text)).digest('hex');
}

export function makeDocument(input: { id: string; text: string; language?: LanguageChoice; title?: string; date?: string; url?: string; path?: string }): Document {
  const text = normaliseText(input.text);
  const language: Language = !input.language || input.language === 'auto' ? detectLanguage(text) : input.language;
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

export function documentMeta(doc: Document): DocumentMeta {
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

/** Sentences and tokens, then the syntax stage: every sentence tagged, lemmatised and parsed. */
function documentSentences(doc: Document, lang: LanguageResources, syntax: ExtractorOptions['syntax']): Sentence[] {
  const sentences = splitSentences(doc.text, { abbreviations: lang.sets.abbreviations });
  const model = syntax?.(doc.language);
  if (model) for (const s of sentences) s.syntax = analyseSentence(model, s.tokens.map((t) => t.text), undefined, { abbreviations: lang.sets.abbreviations });
  return sentences;
}

function extractDocument(doc: Document, kb: KnowledgeBase, index: AliasIndex, settings: ExtractSettings, tagger: Tagger | undefined, options: ExtractorOptions): DocumentExtraction {
  const lang = getLanguageResources(doc.language);
  const sentences = documentSentences(doc, lang, undefined);
  // Credit lines ("Foto: Reuters/NTB scanpix", "Photo: AP") name who made a picture, not what the article is
  // about: nothing in them is a mention.
  const credit = sentences.map((s) => isCreditLine(s, lang));
  const kbBySentence = sentences.map((s) => (credit[s.index] ? [] : findKbMentions(s, index)));
  // (The tagger's candidates may overrule knowledge-base mentions: they leave kbBySentence.)
  let pos: string[][] | undefined;
  if (tagger?.usesPos) {
    const posModel = (options.partOfSpeech ?? options.syntax)?.(doc.language);
    if (!posModel) throw new KgError('INVALID_SETTING', `the entity tagger for ${doc.language} uses parts of speech, and no syntax model tags them`);
    // (A dateline is tagged apart, as the entity tagger tags it: the word after it is a first word.)
    pos = sentences.map((s) => {
      const forms = s.tokens.map((t) => t.text);
      const d = datelineLength(s.tokens);
      return d === 0 ? partsOfSpeech(posModel, forms) : [...partsOfSpeech(posModel, forms.slice(0, d)), ...partsOfSpeech(posModel, forms.slice(d))];
    });
  }
  const candidates = (tagger ? taggedCandidates(sentences, kbBySentence, tagger, lang, pos) : ruleCandidates(sentences, kbBySentence, lang)).filter((c) => !credit[c.sentence]);
  // The syntax stage after the names: the words of a name are proper nouns, which the parse then follows.
  const model = options.syntax?.(doc.language);
  if (model) {
    const names = sentences.map((s) => new Array<boolean>(s.tokens.length).fill(false));
    const mark = (si: number, a: number, b: number) => {
      const row = names[si]!;
      const toks = sentences[si]!.tokens;
      // (So are a name's particles between its capitalised words: "Ursula von der Leyen".)
      for (let k = a; k <= b; k++) if (/^\p{Lu}/u.test(toks[k]?.text ?? '') || (k > a && k < b && lang.sets.givenNameParticles.has(toks[k]!.text))) row[k] = true;
    };
    // (A name inside a compound, "FN-styrken", leaves the word a common noun.)
    for (const found of kbBySentence) for (const m of found) if ((m.form === 'name' || m.form === 'genitive') && m.end >= sentences[m.sentence]!.tokens[m.tokenEnd]!.end) mark(m.sentence, m.tokenStart, m.tokenEnd);
    for (const c of candidates) mark(c.sentence, c.candidate.tokenStart, c.candidate.tokenEnd);
    // (The frames' verbs tell a verb the tagger never saw from the noun it guessed: "Støre anklaget Teheran ...".)
    const frames = (options.frames ?? shippedFrames)(doc.language);
    const hints = { verbLemma: (lemma: string) => frames.byKey.has(`verb:${lemma}`), abbreviations: lang.sets.abbreviations };
    for (const s of sentences) s.syntax = analyseSentence(model, s.tokens.map((t) => t.text), names[s.index], hints);
  }
  const kbMentions: Mention[] = [];
  for (const found of kbBySentence) for (const m of found) kbMentions.push(m);
  const resolution = resolveDocument(doc.text, sentences, kbMentions, candidates, kb, lang);
  // With trees, relations come from the frames (relations/tree.ts); without (no syntax model), from the word-order rules.
  const parsed = sentences.some((s) => s.syntax !== undefined);
  let relations = parsed
    ? [...extractTreeRelations(doc, sentences, resolution, (options.frames ?? shippedFrames)(doc.language), lang, { extractor: 'tree', stateOf: (id) => stateOfCapital(kb, id), homeOf: (id) => homeState(kb, id), ...(model ? { participleLemmas: (form: string) => participleLemmas(model, form) } : {}) }), ...partyRoles(doc, sentences, resolution)]
    : extractRelations(doc, sentences, resolution, lang, { extractor: 'rules', kb: (id) => kb.get(id) });
  relations = withoutOwnSide(relations.filter((r) => r.confidence >= settings.minConfidence));
  if (!settings.keepNonAsserted) relations = relations.filter((r) => !r.negated && !r.hypothetical);
  return { document: documentMeta(doc), entities: withStates(resolution.entities, relations, kb), relations };
}

/** The verb lemmas a participle form may have: as a verb, or through its adjective's lemma ("støttede" → støttet → støtte). */
function participleLemmas(model: SyntaxModel, form: string): string[] {
  const lz = model.lemmatizer;
  return [lemmatize(lz, form, 'VERB'), lemmatize(lz, lemmatize(lz, form, 'ADJ'), 'VERB')];
}

/** Hostile acts a person cannot direct at the state or body the document makes them part of or head of. */
const HOSTILE: ReadonlySet<string> = new Set(['threatens', 'attacks', 'sanctions', 'fights']);

/**
 * Relations without a person's hostile act against their own side ("Barrot, France's foreign minister, warned French
 * citizens against travel": no threat to France): the side is what the document's asserted titles make the person
 * part of or head of.
 */
function withoutOwnSide(relations: Relation[]): Relation[] {
  const sides = new Map<string, Set<string>>();
  for (const r of relations) {
    if ((r.relation !== 'member_of' && r.relation !== 'leads') || r.negated || r.hypothetical) continue;
    const set = sides.get(r.subject) ?? new Set<string>();
    set.add(r.object);
    sides.set(r.subject, set);
  }
  return relations.filter((r) => !(HOSTILE.has(r.relation) && sides.get(r.subject)?.has(r.object)));
}

/** The country whose capital a knowledge-base place is. */
function stateOfCapital(kb: KnowledgeBase, id: string): { entity: string; type: EntityType } | undefined {
  const capitalOf = kb.get(id)?.capitalOf;
  const state = capitalOf ? kb.get(capitalOf) : undefined;
  return state ? { entity: state.id, type: state.type } : undefined;
}

/** The state a knowledge-base body belongs to, through its partOf chain ("Forsvaret" → Norway). */
function homeState(kb: KnowledgeBase, id: string): string | undefined {
  let cur = kb.get(id);
  for (let guard = 0; cur && guard < 6; guard++) {
    if (cur.type === 'country') return cur.id;
    cur = cur.partOf ? kb.get(cur.partOf) : undefined;
  }
  return undefined;
}

/**
 * The entities, with the states that relations name through their capitals and the document names no other way
 * ("Beijing criticised Washington": China, the United States). Such a state has no mention: no alias comes from
 * the capital's name.
 */
function withStates(entities: Entity[], relations: readonly Relation[], kb: KnowledgeBase): Entity[] {
  const known = new Set(entities.map((e) => e.key));
  const added: Entity[] = [];
  for (const r of relations) {
    for (const key of [r.subject, r.object]) {
      if (known.has(key)) continue;
      const entry = kb.get(key);
      if (!entry) continue;
      known.add(key);
      added.push(entry.wikidata ? { key, label: entry.label, type: entry.type, aliases: [], wikidata: entry.wikidata, mentions: [] } : { key, label: entry.label, type: entry.type, aliases: [], mentions: [] });
    }
  }
  return added.length === 0 ? entities : [...entities, ...added].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

type Candidates = { sentence: number; candidate: NameCandidate }[];

/**
 * Is the sentence a credit line: a byline marker of the language (`Foto`, `Photo`, `Kilde`, ...) and a colon
 * opening it, after an opening bracket at most?
 */
export function isCreditLine(s: Sentence, lang: LanguageResources): boolean {
  const t = s.tokens;
  const k = t[0] && /^[([]$/.test(t[0].text) ? 1 : 0;
  return t.length > k + 2 && t[k + 1]!.text === ':' && lang.sets.bylineMarkers.has(t[k]!.norm);
}

/** Unknown names by the tagger; knowledge-base demonyms inside tagged names are dropped from kbBySentence. */
function taggedCandidates(sentences: Sentence[], kbBySentence: Mention[][], tagger: Tagger, lang: LanguageResources, pos: string[][] | undefined): Candidates {
  const overruled: Mention[] = [];
  const found = sentences.map((s) => findTaggedCandidates(s, kbBySentence[s.index]!, tagger, lang, overruled, pos?.[s.index]));
  if (overruled.length > 0) for (let k = 0; k < kbBySentence.length; k++) kbBySentence[k] = kbBySentence[k]!.filter((m) => !overruled.includes(m));
  // A one-word name at the start of a sentence that the document writes in lower case elsewhere, and never
  // capitalised inside a sentence, is a common word ("Junta spokesman ..." and "the junta").
  // (Lower case all through: "al-Sharaa" inside a name is no common word.)
  const { docCapitalised, docAllLowercase } = capitalisationStats(sentences);
  for (const s of sentences) {
    found[s.index] = found[s.index]!.filter((c) => {
      if (c.tokenStart !== c.tokenEnd || !isSentenceInitial(s.tokens, c.tokenStart)) return true;
      const t = s.tokens[c.tokenStart]!;
      return !docAllLowercase.has(t.norm) || (docCapitalised.get(t.text) ?? 0) > 0;
    });
  }
  propagateNames(sentences, kbBySentence, found);
  const out: Candidates = [];
  for (const s of sentences) for (const c of found[s.index]!) out.push({ sentence: s.index, candidate: c });
  return out;
}

/** Unknown names by capitalisation and context cues (languages without a tagger, or no tagger given). */
function ruleCandidates(sentences: Sentence[], kbBySentence: Mention[][], lang: LanguageResources): Candidates {
  // Document-level capitalisation statistics decide whether a sentence-initial word is a name.
  const { docCapitalised, docLowercase } = capitalisationStats(sentences);
  const candidates: Candidates = [];
  for (const s of sentences) {
    // A compound such as "Nato-sjefen" is taken; a capitalised remainder is not a new name.
    const found = kbBySentence[s.index]!;
    let taken: ReadonlySet<number> = NOTHING_TAKEN;
    if (found.length > 0) {
      const set = new Set<number>();
      for (const m of found) for (let k = m.tokenStart; k <= m.tokenEnd; k++) set.add(k);
      taken = set;
    }
    for (const c of findNameCandidates(s, taken, lang, docCapitalised, docLowercase)) {
      candidates.push({ sentence: s.index, candidate: c });
    }
  }
  return candidates;
}

/** The taken tokens of a sentence without knowledge-base mentions (shared: most sentences). */
const NOTHING_TAKEN: ReadonlySet<number> = new Set<number>();
