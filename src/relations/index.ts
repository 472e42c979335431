// Relations from cues and argument rules: a cue word (verb or noun, from the language's cue lexicon)
// finds its subject (clause subject in both word orders, genitive, demonym, compound owner, passive agent)
// and its object (direct object or the prepositions the cue names); negation and hypotheticals are marked.

import type { Document, EntityType, Evidence, Mention, Relation, RelationType, Sentence, Token } from '../types.js';
import {
  WORD_AUXILIARY,
  WORD_CLAIM_VERB,
  WORD_CLAUSE_COORDINATOR,
  WORD_COORDINATOR,
  WORD_POSSESSIVE_REFLEXIVE,
  WORD_SPEECH_VERB,
  WORD_SUBJECT_PRONOUN,
  WORD_SUBORDINATOR,
  WORD_VERB,
  findTitle,
  wordInfo,
  wordInfoOf,
  type Cue,
  type LanguageResources,
  type WordInfo,
} from '../lang/index.js';
import { isPunctText } from '../text/chars.js';
import { sentenceWordList, type Word } from '../text/words.js';
import type { KbEntry } from '../kb/index.js';

/** Looks up a knowledge-base entry by id (for capitals standing for their country). */
export type KbLookup = (id: string) => KbEntry | undefined;
import type { Resolution } from '../resolve/index.js';
import { pushAll } from '../arrays.js';

export interface RelationSettings {
  extractor: string;
  kb: KbLookup;
}

interface Clause {
  start: number;
  end: number; // inclusive
}

interface Found {
  relation: RelationType;
  subject: Mention;
  object: Mention;
  trigger: Token;
  confidence: number;
  negated: boolean;
  hypothetical: boolean;
}

const PUNCT_BOUNDARY = new Set([',', ';', ':', '–', '—', '(', ')', '«', '»', '"', '“', '”', '?', '!', '.']);
const DETERMINERS = new Set(['den', 'det', 'de', 'en', 'et', 'ei', 'the', 'a', 'an', 'this', 'that', 'denne', 'dette', 'disse', 'all', 'alle', 'hele']);

/** `PUNCT_BOUNDARY.has(text)` (every member is one character) without a set lookup. */
function isBoundary(text: string): boolean {
  if (text.length !== 1) return false;
  const c = text.charCodeAt(0);
  return c < 0x80 ? BOUNDARY_ASCII.has(c) : c === 0x2013 || c === 0x2014 || c === 0xab || c === 0xbb || c === 0x201c || c === 0x201d;
}
const BOUNDARY_ASCII = new Set([...PUNCT_BOUNDARY].map((p) => p.charCodeAt(0)).filter((c) => c < 0x80));

/** Mentions by the token they start or end at, in the order they were added (a Map's get and has, on an array). */
class MentionsAt {
  private readonly lists: (Mention[] | undefined)[];
  constructor(tokenCount: number) {
    this.lists = new Array<Mention[] | undefined>(tokenCount).fill(undefined);
  }
  add(i: number, m: Mention): void {
    const list = this.get(i);
    if (list) list.push(m);
    else if (i >= 0 && i < this.lists.length) this.lists[i] = [m];
  }
  get(i: number): Mention[] | undefined {
    return i >= 0 && i < this.lists.length ? this.lists[i] : undefined;
  }
  has(i: number): boolean {
    return this.get(i) !== undefined;
  }
}

class SentenceView {
  readonly tokens: Token[];
  /** The Word of each token (text/words.ts): its word information is `info(i)`. */
  private readonly wordList: readonly Word[];
  /** The word classes of an empty norm: what the class tests answer past either end of the sentence. */
  private readonly noClasses: number;
  private clauseList: Clause[] | undefined;
  private clauseIndex: number[] | undefined;
  /** Mentions that start at a token (the longest first). */
  readonly startAt: MentionsAt;
  readonly endAt: MentionsAt;

  constructor(
    readonly sentence: Sentence,
    readonly mentions: Mention[],
    readonly lang: LanguageResources,
    readonly kb: KbLookup,
  ) {
    this.tokens = sentence.tokens;
    this.wordList = sentenceWordList(sentence);
    this.noClasses = wordInfo(lang, '').classes;
    this.startAt = new MentionsAt(this.tokens.length);
    this.endAt = new MentionsAt(this.tokens.length);
    for (const m of mentions) {
      this.startAt.add(m.tokenStart, m);
      this.endAt.add(m.tokenEnd, m);
    }
  }

  /** The word information of token i (in the sentence). */
  info(i: number): WordInfo {
    return wordInfoOf(this.lang, this.wordList[i]!);
  }

  /**
   * Is token i inside a name (a non-coreference mention reaching to the token's end)? Then its cue words are part
   * of the name. (Asked only of cue words: a walk over the sentence's few mentions.)
   */
  inName(i: number): boolean {
    const t = this.tokens[i];
    if (!t) return false;
    for (const m of this.mentions) {
      if (m.source !== 'coref' && m.tokenStart <= i && i <= m.tokenEnd && m.end >= t.end) return true;
    }
    return false;
  }

  /** The clauses of the sentence, split when first asked for (sentences without a cue word never are). */
  get clauses(): Clause[] {
    return (this.clauseList ??= this.splitClauses());
  }

  /** The clause of each token (-1 for none). */
  get clauseOf(): number[] {
    if (!this.clauseIndex) {
      const clauseOf = new Array<number>(this.tokens.length).fill(-1);
      this.clauses.forEach((c, ci) => {
        for (let k = c.start; k <= c.end; k++) clauseOf[k] = ci;
      });
      this.clauseIndex = clauseOf;
    }
    return this.clauseIndex;
  }

  /** The WORD_* classes of token i (those of an empty norm past either end, as `norm(i)` is then ''). */
  classes(i: number): number {
    return i >= 0 && i < this.wordList.length ? this.info(i).classes : this.noClasses;
  }

  norm(i: number): string {
    return this.tokens[i]?.norm ?? '';
  }

  isPunct(i: number): boolean {
    const t = this.tokens[i];
    return !!t && isPunctText(t.text);
  }

  /** The mention that starts at token i, preferring a whole-token mention over a compound prefix. */
  mentionAt(i: number): Mention | undefined {
    const list = this.startAt.get(i);
    if (!list || list.length === 0) return undefined;
    // The first of the longest (what a stable sort by length, longest first, puts first).
    let best = list[0]!;
    for (const m of list) if (m.end - m.start > best.end - best.start) best = m;
    return best;
  }

  private isMentionEdge(i: number): boolean {
    return this.endAt.has(i - 1) && this.startAt.has(i + 1);
  }

  private splitClauses(): Clause[] {
    const clauses: Clause[] = [];
    let start = 0;
    const close = (end: number) => {
      if (end >= start) clauses.push({ start, end });
    };
    // Words inside names ("United States", "Representantenes hus") are no verbs or subordinators.
    const inName = new Uint8Array(this.tokens.length);
    for (const m of this.mentions) if (m.source !== 'coref') for (let k = m.tokenStart; k <= m.tokenEnd; k++) inName[k] = 1;
    for (let i = 0; i < this.tokens.length; i++) {
      const t = this.tokens[i]!;
      if (inName[i] === 1) continue;
      if (isBoundary(t.text) || (t.text === '-' && t.start > 0 && this.tokens[i - 1]?.end !== t.start)) {
        // "USA, Russland og Kina": a comma between two names is a list, not a clause break.
        if (t.text === ',' && this.isMentionEdge(i)) continue;
        close(i - 1);
        start = i + 1;
        continue;
      }
      const c = this.info(i).classes;
      if (i > start && (c & (WORD_SUBORDINATOR | WORD_CLAUSE_COORDINATOR)) !== 0) {
        close(i - 1);
        start = i;
        continue;
      }
      if (i > start && (c & WORD_COORDINATOR) !== 0) {
        const next = this.classes(i + 1);
        if ((next & WORD_VERB) !== 0 || ((next & WORD_SUBJECT_PRONOUN) !== 0 && (this.classes(i + 2) & WORD_VERB) !== 0)) {
          close(i - 1);
          start = i;
          continue;
        }
      }
      // "USA og NATO mener Russland har brutt …", "Stoltenberg sier regjeringen … ønsker": what follows a
      // verb of saying or believing is a clause of its own.
      if ((c & (WORD_CLAIM_VERB | WORD_SPEECH_VERB)) !== 0 && i + 1 < this.tokens.length && this.norm(i + 1) !== 'at') {
        const next = this.tokens[i + 1]!;
        if (!isBoundary(next.text) && this.verbFollows(i + 1)) {
          close(i);
          start = i + 1;
        }
      }
    }
    close(this.tokens.length - 1);
    return clauses;
  }

  /** Does a finite verb follow before the next clause boundary (so what follows is a clause)? */
  private verbFollows(from: number): boolean {
    for (let k = from; k < this.tokens.length; k++) {
      const t = this.tokens[k]!;
      const c = this.info(k).classes;
      if (isBoundary(t.text) || (c & (WORD_SUBORDINATOR | WORD_COORDINATOR)) !== 0) return false;
      if ((c & (WORD_VERB | WORD_AUXILIARY)) !== 0) {
        // Not after a determiner or a possessive: "sin støtte" is a noun.
        const nounContext = DETERMINERS.has(this.norm(k - 1)) || (this.classes(k - 1) & WORD_POSSESSIVE_REFLEXIVE) !== 0;
        if (!nounContext) return true;
      }
    }
    return false;
  }

  /** Walks left from a mention over determiners and adjectives: the preposition that governs it, if any. */
  governingPrep(m: Mention): string | undefined {
    let k = m.tokenStart - 1;
    let skipped = 0;
    while (k >= 0 && skipped <= 3) {
      const n = this.norm(k);
      if (this.lang.sets.prepositions.has(n)) return n;
      if (this.isPunct(k) || this.endAt.has(k) || this.lang.sets.verbForms.has(n) || this.lang.sets.subordinators.has(n)) return undefined;
      if (this.lang.sets.coordinators.has(n)) {
        // "mot X og Y": Y shares X's preposition.
        const prevs = this.endAt.get(k - 1);
        if (prevs && prevs.length > 0) return this.governingPrep(prevs[0]!);
        return undefined;
      }
      if (!DETERMINERS.has(n) && !/^\p{Ll}/u.test(this.tokens[k]!.text) && !/^\d/.test(this.tokens[k]!.text)) return undefined;
      k--;
      skipped++;
    }
    return undefined;
  }

  /** Mentions coordinated with m: "USA og NATO", "WFP og IFRC", "amerikanske og britiske". */
  coordinated(m: Mention, clause: Clause): Mention[] {
    const out: Mention[] = [];
    let cur = m;
    for (;;) {
      let k = cur.tokenEnd + 1;
      // Skip an appositive in parentheses: "Verdens matvareprogram (WFP) og …".
      if (this.tokens[k]?.text === '(' && this.tokens[k + 2]?.text === ')') k += 3;
      const sep = this.norm(k);
      if (!(this.lang.sets.coordinators.has(sep) || sep === ',') || k > clause.end + 1) break;
      let j = k + 1;
      while (DETERMINERS.has(this.norm(j))) j++;
      const next = this.mentionAt(j);
      if (!next || next.tokenEnd > Math.max(clause.end, j)) break;
      out.push(next);
      cur = next;
      if (!this.lang.sets.coordinators.has(sep)) continue;
    }
    return out;
  }

  /**
   * The entity an NP stands for: "Tysklands forbundskansler Olaf Scholz" and "Nato-sjef Mark Rutte" are the
   * person, not the owner of the title; a capital acting ("Beijing kritiserer") is its country.
   */
  npHead(m: Mention, placeAllowed: boolean): Mention {
    const tok = this.tokens[m.tokenStart]!;
    let k = m.tokenEnd + 1;
    const compoundTitle = m.end < tok.end && !!findTitle(this.lang, tok.norm);
    if (!compoundTitle && (m.form === 'genitive' || m.form === 'demonym') && findTitle(this.lang, this.norm(k))) k++;
    else if (!compoundTitle) return placeAllowed ? m : this.metonym(m);
    const person = this.mentionAt(k);
    return person && person.type === 'person' ? person : m;
  }

  private metonym(m: Mention): Mention {
    if (m.type !== 'location' || !m.kbId) return m;
    const country = this.kb(m.kbId)?.capitalOf;
    const entry = country ? this.kb(country) : undefined;
    return entry ? { ...m, entity: entry.id, kbId: entry.id, type: entry.type } : m;
  }

  /** Is a mention usable as a subject or object NP head (not a genitive or demonym modifying a noun)? */
  isHead(m: Mention): boolean {
    if (m.form === 'name' || m.form === 'role' || m.form === 'pronoun') {
      // A name whose token continues as a compound ("Nato-sjefen" without a resolved leader) is its owner.
      return true;
    }
    return false;
  }
}

function typeAllowed(types: EntityType[], m: Mention): boolean {
  return types.includes(m.type);
}

/** Extracts relations from one document's sentences and resolved mentions. */
export function extractRelations(
  doc: Document,
  sentences: Sentence[],
  resolution: Resolution,
  lang: LanguageResources,
  settings: RelationSettings,
): Relation[] {
  // The mentions of each sentence, by sentence index.
  // (Indexed loops here: a long document runs this function before the engine has optimised it, and `for … of`
  // then allocates an iterator result per element.)
  const bySentence = new Array<Mention[] | undefined>(sentences.length).fill(undefined);
  for (let k = 0; k < resolution.mentions.length; k++) {
    const m = resolution.mentions[k]!;
    const list = bySentence[m.sentence];
    if (list) list.push(m);
    else bySentence[m.sentence] = [m];
  }
  const found: { f: Found; sentence: Sentence }[] = [];
  for (let k = 0; k < sentences.length; k++) {
    const s = sentences[k]!;
    // Every relation of a sentence is between its mentions (or the countries of capitals it names): a sentence
    // without a mention has none.
    const mentions = bySentence[s.index];
    if (!mentions) continue;
    // Nor has a sentence without a cue word (findCues would find nothing in it).
    if (!hasCueWord(lang, s)) continue;
    if (isByline(s, lang) || isBoilerplate(doc, s, lang)) continue;
    const view = new SentenceView(s, mentions, lang, settings.kb);
    for (const f of extractSentence(view)) found.push({ f, sentence: s });
  }
  // Appositive roles: alliansens generalsekretær Jens Stoltenberg → leads.
  // The first mention of each entity, found once (not by a scan of every mention per role).
  const firstMention = new Map<string, Mention>();
  if (resolution.roles.length > 0) for (const m of resolution.mentions) if (m.entity !== undefined && !firstMention.has(m.entity)) firstMention.set(m.entity, m);
  for (const r of resolution.roles) {
    if (!r.owner || r.owner === r.person) continue;
    const s = sentences[r.sentence]!;
    if (isByline(s, lang)) continue;
    const subject = firstMention.get(r.person)!;
    const object = firstMention.get(r.owner)!;
    found.push({
      f: { relation: r.role, subject, object, trigger: r.trigger, confidence: 0.9, negated: false, hypothetical: false },
      sentence: s,
    });
  }
  const out: Relation[] = [];
  for (const { f, sentence } of found) {
    if (!f.subject.entity || !f.object.entity || f.subject.entity === f.object.entity) continue;
    const evidence: Evidence = {
      document: doc.id,
      sentence: doc.text.slice(sentence.start, sentence.end),
      start: f.trigger.start,
      end: f.trigger.end,
      trigger: f.trigger.text,
      extractor: settings.extractor,
    };
    out.push({
      subject: f.subject.entity,
      relation: f.relation,
      object: f.object.entity,
      confidence: f.confidence,
      negated: f.negated,
      hypothetical: f.hypothetical,
      evidence: [evidence],
    });
  }
  return out;
}

/** Has the sentence a word with cues (WordInfo.cueCandidates, what findCues starts from)? */
function hasCueWord(lang: LanguageResources, s: Sentence): boolean {
  const words = sentenceWordList(s);
  for (let i = 0; i < words.length; i++) if (wordInfoOf(lang, words[i]!).cueCandidates.length > 0) return true;
  return false;
}

function isByline(s: Sentence, lang: LanguageResources): boolean {
  const t = s.tokens;
  for (let i = 0; i < Math.min(3, t.length - 1); i++) {
    if (t[i + 1]!.text === ':' && lang.sets.bylineMarkers.has(t[i]!.norm)) return true;
  }
  return false;
}

function isBoilerplate(doc: Document, s: Sentence, lang: LanguageResources): boolean {
  // An ASCII first character lower-cases to one character: unless it opens a boilerplate phrase, none matches.
  const c = doc.text.charCodeAt(s.start);
  const firsts = boilerplateFirsts(lang);
  if (c < 0x80 && firsts !== null && !firsts.has(String.fromCharCode(c).toLowerCase())) return false;
  const text = doc.text.slice(s.start, s.end).toLowerCase();
  return lang.lexicon.boilerplate.some((b) => text.startsWith(b));
}

/** The first characters of the boilerplate phrases (null if one is empty: it opens every sentence). */
const BOILERPLATE_FIRSTS = new WeakMap<LanguageResources, Set<string> | null>();
function boilerplateFirsts(lang: LanguageResources): Set<string> | null {
  let set = BOILERPLATE_FIRSTS.get(lang);
  if (set === undefined) {
    const phrases = lang.lexicon.boilerplate;
    set = phrases.includes('') ? null : new Set(phrases.map((b) => b.charAt(0)));
    BOILERPLATE_FIRSTS.set(lang, set);
  }
  return set;
}

interface CueHit {
  index: number;
  cue: Cue;
  /** The knowledge-base mention that opens a compound cue token (FN-sanksjonene). */
  owner?: Mention;
}

function findCues(view: SentenceView): CueHit[] {
  const hits: CueHit[] = [];
  const tokens = view.tokens;
  for (let i = 0; i < tokens.length; i++) {
    // The word's own cues; else, for a compound with a hyphen, its head's noun cues, whose owner is the
    // mention opening the compound; else, for a closed compound, its head's (lang/index.ts wordInfo).
    const word = view.info(i);
    const cues = word.cueCandidates;
    if (cues.length === 0) continue;
    const tok = tokens[i]!;
    const owner = cues === word.compoundCues ? view.startAt.get(i)?.find((m) => m.end < tok.end) : undefined;
    // Inside a mention (e.g. "Representantenes hus"), a cue word is part of a name.
    if (view.inName(i)) continue;
    for (const cue of cues) {
      if (cue.exclude.includes(view.norm(i + 1))) continue;
      if (cue.particles.length > 0 && !particlesFollow(view, i, cue.particles)) continue;
      hits.push(owner ? { index: i, cue, owner } : { index: i, cue });
    }
  }
  return hits;
}

function particlesFollow(view: SentenceView, i: number, particles: string[]): boolean {
  let k = i + 1;
  for (const p of particles) {
    let ok = false;
    for (let lim = k + 3; k < Math.min(lim, view.tokens.length); k++) {
      if (view.norm(k) === p) {
        ok = true;
        k++;
        break;
      }
    }
    if (!ok) return false;
  }
  return true;
}

function extractSentence(view: SentenceView): Found[] {
  const out: Found[] = [];
  const hits = findCues(view);
  // The tokens that have their reading.
  const read = new Set<number>();
  for (const hit of hits) {
    const clauseIdx = view.clauseOf[hit.index]!;
    if (clauseIdx < 0) continue;
    const clause = view.clauses[clauseIdx]!;
    const results = hit.cue.pos === 'verb' ? verbCue(view, hit, clause, clauseIdx) : nounCue(view, hit, clause, clauseIdx);
    // One reading per token: the first cue entry that finds arguments wins (angrep: noun before verb).
    if (results.length > 0 && !read.has(hit.index)) {
      read.add(hit.index);
      pushAll(out, results);
    }
  }
  return out;
}

/** The subject of a clause left of token `before`: the first NP head not inside a prepositional phrase. */
function clauseSubject(view: SentenceView, clause: Clause, before: number): Mention | undefined {
  // "Russia condemned the decision and accused NATO …": a coordinated verb phrase shares the subject.
  const first = view.norm(clause.start);
  if (view.lang.sets.coordinators.has(first) && view.lang.sets.verbForms.has(view.norm(clause.start + 1))) {
    const ci = view.clauseOf[clause.start]!;
    const prev = ci > 0 ? view.clauses[ci - 1] : undefined;
    if (prev) return clauseSubject(view, prev, prev.end + 1) ?? invertedSubject(view, prev, prev.end);
  }
  for (let k = clause.start; k < before; k++) {
    const m = view.mentionAt(k);
    if (!m) {
      // A pronoun or a capitalised word that names nothing known is the subject; we cannot resolve it.
      if (view.lang.sets.subjectPronouns.has(view.norm(k)) && k === clause.start + (view.lang.sets.subordinators.has(view.norm(clause.start)) ? 1 : 0)) return undefined;
      continue;
    }
    if (m.tokenEnd >= before) return undefined;
    if (view.governingPrep(m)) {
      k = m.tokenEnd;
      continue;
    }
    if (view.isHead(m)) return m;
    if ((m.form === 'demonym' || m.form === 'genitive') && nextIsPluralNoun(view, m)) {
      k = m.tokenEnd;
      continue;
    }
    k = m.tokenEnd;
  }
  return undefined;
}

function nextIsPluralNoun(view: SentenceView, m: Mention): boolean {
  const n = view.norm(m.tokenEnd + 1);
  return /^\p{Ll}+(?:er|ene|ere|erne)$/u.test(n);
}

/** Inverted word order ("Torsdag ettermiddag har Nato invitert …"): the subject follows the finite verb. */
function invertedSubject(view: SentenceView, clause: Clause, verb: number): Mention | undefined {
  const first = view.norm(clause.start);
  const { sets } = view.lang;
  const starts =
    sets.frontAdverbials.has(first) ||
    sets.prepositions.has(first) ||
    view.lang.sets.nonNames.has(view.tokens[clause.start]!.text) ||
    /^\d/.test(first);
  if (!starts) return undefined;
  // The finite verb: an auxiliary before the cue, or the cue itself.
  let finite = verb;
  for (let k = clause.start; k < verb; k++) {
    if (sets.auxiliaries.has(view.norm(k)) || sets.verbForms.has(view.norm(k))) {
      finite = k;
      break;
    }
  }
  for (let k = clause.start; k < finite; k++) {
    if (view.lang.sets.subjectPronouns.has(view.norm(k)) || (view.mentionAt(k) && !view.governingPrep(view.mentionAt(k)!))) return undefined;
  }
  const m = view.mentionAt(finite + 1) ?? (DETERMINERS.has(view.norm(finite + 1)) ? view.mentionAt(finite + 2) : undefined);
  if (m && view.isHead(m) && m.tokenEnd <= clause.end) return m;
  return undefined;
}

/** The first NP after token `from` in the clause that the cue can take as its direct object. */
function directObject(view: SentenceView, clause: Clause, from: number, cue: Cue): Mention | undefined {
  for (let k = from; k <= clause.end; k++) {
    const m = view.mentionAt(k);
    if (!m) {
      if (view.lang.sets.prepositions.has(view.norm(k)) && !cue.objectPreps.includes(view.norm(k))) {
        // Skip the whole prepositional phrase.
        let j = k + 1;
        while (j <= clause.end && !view.mentionAt(j) && j - k <= 4 && !view.lang.sets.prepositions.has(view.norm(j))) j++;
        const pm = view.mentionAt(j);
        if (pm) k = pm.tokenEnd;
        continue;
      }
      if (view.lang.sets.verbForms.has(view.norm(k)) && k > from + 1) return undefined;
      continue;
    }
    if (view.governingPrep(m) && !cue.objectPreps.includes(view.governingPrep(m)!)) {
      k = m.tokenEnd;
      continue;
    }
    if (m.form === 'demonym' && !/^\p{Ll}/u.test(view.tokens[m.tokenEnd + 1]?.text ?? '')) {
      k = m.tokenEnd;
      continue;
    }
    return m;
  }
  return undefined;
}

/** The NP after one of the cue's prepositions, searched rightwards within the clause. */
function prepObject(view: SentenceView, clause: Clause, from: number, preps: string[], adjacent: boolean): { m: Mention; prep: string } | undefined {
  if (preps.length === 0) return undefined;
  for (let k = from; k <= clause.end; k++) {
    let prep: string | undefined;
    let next = k + 1;
    for (const p of preps) {
      if (p === '') continue;
      const words = prepWords(p);
      if (words.every((w, wi) => view.norm(k + wi) === w)) {
        prep = p;
        next = k + words.length;
        break;
      }
    }
    if (!prep) continue;
    let j = next;
    const limit = adjacent ? next + 1 : next + 4;
    while (j <= clause.end && j <= limit) {
      const m = view.mentionAt(j);
      if (m) return { m, prep };
      if (view.lang.sets.prepositions.has(view.norm(j)) || view.isPunct(j)) break;
      if (adjacent && !DETERMINERS.has(view.norm(j))) break;
      j++;
    }
  }
  return undefined;
}

/** The words of a (multi-word) preposition, split once. */
const PREP_WORDS = new Map<string, string[]>();
function prepWords(p: string): string[] {
  let words = PREP_WORDS.get(p);
  if (!words) PREP_WORDS.set(p, (words = p.split(' ')));
  return words;
}


function modality(view: SentenceView, clause: Clause, clauseIdx: number, cueIndex: number, isVerb: boolean): { negated: boolean; hypothetical: boolean } {
  const { sets, lexicon } = view.lang;
  let negated = false;
  let hypothetical = false;
  const isNeg = (k: number) => {
    const n = view.norm(k);
    if (!sets.negations.has(n)) return false;
    return !lexicon.negationExceptions.some((ex) => ex[0] === n && ex.slice(1).every((w, wi) => view.norm(k + 1 + wi) === w));
  };
  for (let k = clause.start; k < cueIndex; k++) {
    if (isNeg(k) || sets.negatingVerbs.has(view.norm(k))) negated = true;
    if (sets.hypothetical.has(view.norm(k))) hypothetical = true;
  }
  if (isVerb) {
    for (let k = cueIndex + 1; k <= Math.min(clause.end, cueIndex + 2); k++) if (isNeg(k)) negated = true;
  }
  // "Vi håper at X …", "Det er mulig at …": the governing clause makes the statement hypothetical.
  const first = view.norm(clause.start);
  if ((first === 'at' || first === 'om' || first === 'that' || first === 'whether') && clauseIdx > 0) {
    const prev = view.clauses[clauseIdx - 1]!;
    for (let k = prev.start; k <= prev.end; k++) {
      if (sets.hypotheticalGovernors.has(view.norm(k))) hypothetical = true;
      if (isNeg(k)) hypothetical = true;
    }
  }
  for (let k = clause.start; k <= clause.end; k++) if (sets.hypotheticalGovernors.has(view.norm(k)) && sets.hypothetical.has(view.norm(k)) && k < cueIndex) hypothetical = true;
  return { negated, hypothetical };
}

function make(view: SentenceView, hit: CueHit, clause: Clause, clauseIdx: number, subjectNp: Mention, objectNp: Mention, confidence: number): Found | undefined {
  const cue = hit.cue;
  // A place is a place where the cue allows one ("besøkte Berlin"); elsewhere a capital stands for its state.
  const subject = view.npHead(subjectNp, cue.subjectTypes.includes('location'));
  const object = view.npHead(objectNp, cue.objectTypes.includes('location'));
  if (cue.noGenitiveObject && object === objectNp && objectNp.form === 'genitive') return undefined;
  if (!subject.entity || !object.entity || subject.entity === object.entity) return undefined;
  if (!typeAllowed(cue.subjectTypes, subject) || !typeAllowed(cue.objectTypes, object)) return undefined;
  const mod = modality(view, clause, clauseIdx, hit.index, cue.pos === 'verb');
  return {
    relation: cue.relation,
    subject,
    object,
    trigger: view.tokens[hit.index]!,
    confidence,
    ...mod,
  };
}

function withCoordination(view: SentenceView, clause: Clause, hit: CueHit, clauseIdx: number, subjects: Mention[], objects: Mention[], confidence: number): Found[] {
  const out: Found[] = [];
  for (const s of subjects) for (const o of objects) {
    const f = make(view, hit, clause, clauseIdx, s, o, confidence);
    if (f) out.push(f);
  }
  return out;
}

function verbCue(view: SentenceView, hit: CueHit, clause: Clause, clauseIdx: number): Found[] {
  const { cue, index: i } = hit;
  const { sets } = view.lang;
  // Copula: "Nato er i Irak".
  if (cue.copula) {
    const prep = view.norm(i + 1);
    if (!cue.objectPreps.includes(prep)) return [];
    const obj = view.mentionAt(i + 2);
    const subj = clauseSubject(view, clause, i);
    if (!obj || !subj) return [];
    const f = make(view, hit, clause, clauseIdx, subj, obj, 0.8);
    return f ? [f] : [];
  }
  let after = i + 1;
  for (const p of cue.particles) {
    while (after <= clause.end && view.norm(after) !== p) after++;
    after++;
  }
  // Passive with an agent: "de skal bli trent opp av norske heimevernssoldater".
  let passiveAux = false;
  for (let k = clause.start; k < i; k++) if (sets.passiveAux.has(view.norm(k))) passiveAux = true;
  const sPassive = /s$/u.test(view.norm(i)) && cue.forms.some((f) => f.endsWith('es') && f === view.norm(i));
  if (passiveAux || sPassive) {
    let k = after;
    while (k <= clause.end && k <= after + 3 && view.norm(k) !== 'av' && view.norm(k) !== 'by') k++;
    if (k <= clause.end && (view.norm(k) === 'av' || view.norm(k) === 'by')) {
      let j = k + 1;
      while (DETERMINERS.has(view.norm(j))) j++;
      const agent = view.mentionAt(j);
      const patient = clauseSubject(view, clause, i) ?? invertedSubject(view, clause, i);
      if (agent && patient) {
        const subjects = [agent, ...view.coordinated(agent, clause)];
        return withCoordination(view, clause, hit, clauseIdx, subjects, [patient], 0.8);
      }
      return [];
    }
  }
  let subj = clauseSubject(view, clause, i) ?? invertedSubject(view, clause, i);
  let objM: Mention | undefined;
  let confidence = 0.85;
  const pp = prepObject(view, clause, after, cue.objectPreps, !!cue.adjacentObject);
  if (pp) objM = pp.m;
  if (cue.requiresObjectNoun) {
    // "leverte våpen til Ukraina" is support; "sendte journalister til Nord-Korea" is not.
    const nouns = cue.requiresObjectNoun;
    const end = objM ? objM.tokenStart : clause.end + 1;
    let found = false;
    for (let k = after; k < end; k++) if (nouns.some((w) => view.norm(k).endsWith(w))) found = true;
    if (!found) return [];
  }
  if (!objM && (cue.objectPreps.length === 0 || cue.objectPreps.includes(''))) {
    // In inverted order the subject follows the verb; the object comes after it.
    objM = directObject(view, clause, subj && subj.tokenStart > i ? Math.max(after, subj.tokenEnd + 1) : after, cue);
    if (objM && subj && objM.entity === subj.entity) objM = undefined;
  }
  // "mellom USA og Sovjetunionen", "USA og Irak forhandlet": both sides of a symmetric relation.
  if (cue.coordinated) {
    if (pp && (pp.prep === 'mellom' || pp.prep === 'between')) {
      const others = view.coordinated(pp.m, clause);
      if (others.length > 0) return withCoordination(view, clause, hit, clauseIdx, [pp.m], others, 0.8);
    }
    if (subj && !objM) {
      const others = view.coordinated(subj, clause);
      if (others.length > 0) return withCoordination(view, clause, hit, clauseIdx, [subj], others, 0.8);
    }
  }
  if (!subj || !objM) return [];
  if (subj.tokenStart > i && objM.tokenStart > i && objM.tokenStart < subj.tokenStart) {
    // Inverted order found the object first; swap only if nothing else makes sense.
    subj = undefined;
    return [];
  }
  const subjects = [subj, ...view.coordinated(subj, clause).filter((m) => m.tokenEnd < i || subj!.tokenStart > i)];
  const objects = [objM, ...view.coordinated(objM, clause)];
  return withCoordination(view, clause, hit, clauseIdx, subjects, objects, confidence);
}

function nounCue(view: SentenceView, hit: CueHit, clause: Clause, clauseIdx: number): Found[] {
  const { cue, index: i } = hit;
  const { sets } = view.lang;
  let subj: Mention | undefined = hit.owner;
  let confidence = 0.85;
  // Genitive or demonym right before the noun (adjectives between): Irans angrep, gjentatte russiske brudd.
  if (!subj) {
    for (let k = i - 1; k >= Math.max(clause.start, i - 3); k--) {
      const ends = view.endAt.get(k);
      if (ends && ends.length > 0) {
        const m = ends[0]!;
        if (m.form === 'genitive' || m.form === 'demonym') subj = m;
        break;
      }
      const n = view.norm(k);
      if (sets.possessiveReflexives.has(n)) {
        subj = clauseSubject(view, clause, k) ?? invertedSubject(view, clause, k);
        break;
      }
      const nounToo = (view.lang.cueForms.get(n) ?? []).some((c) => c.pos === 'noun');
      if (sets.prepositions.has(n) || view.isPunct(k) || (sets.verbForms.has(n) && !nounToo)) break;
    }
  }
  let objM: Mention | undefined;
  let objects: Mention[] = [];
  const pp = prepObject(view, clause, i + 1, cue.objectPreps, !!cue.adjacentObject);
  if (pp) {
    objM = pp.m;
    if (cue.coordinated && (pp.prep === 'mellom' || pp.prep === 'between') && !subj) {
      const others = view.coordinated(pp.m, clause);
      if (others.length > 0) return withCoordination(view, clause, hit, clauseIdx, [pp.m], others, 0.8);
    }
  }
  if (!subj && cue.agentPreps.length > 0) {
    const agent = prepObject(view, clause, i + 1, cue.agentPreps, false);
    if (agent) subj = agent.m;
  }
  // A noun the clause's verb does not govern as another relation ("USA innfører sanksjoner mot ..."): the clause
  // subject acts (no nearest-name guess when there is none).
  if (!subj && cue.clauseSubject && !governedByOtherVerb(view, clause, i)) {
    subj = clauseSubject(view, clause, i) ?? invertedSubject(view, clause, i);
    if (subj && objM && subj.entity === objM.entity) subj = undefined;
  }
  // "Russia and China held talks": a symmetric noun between coordinated subjects.
  if (subj && !objM && cue.coordinated) {
    const others = view.coordinated(subj, clause).filter((m) => m.tokenEnd < i);
    if (others.length > 0) return withCoordination(view, clause, hit, clauseIdx, [subj], others, 0.75);
  }
  if (!subj || !objM) return [];
  objects = [objM, ...(pp ? view.coordinated(objM, clause) : [])];
  const subjects = [subj, ...(subj.tokenEnd < i ? view.coordinated(subj, clause).filter((m) => m.tokenEnd < i) : [])];
  return withCoordination(view, clause, hit, clauseIdx, subjects, objects, confidence);
}

/**
 * Is the noun the object of another relation's verb ("Kina kritiserer sanksjonene mot Russland")? Then the
 * clause subject is not the noun's agent; a verb of support passes it on ("Norge støtter sanksjoner mot …").
 */
function governedByOtherVerb(view: SentenceView, clause: Clause, i: number): boolean {
  const { sets } = view.lang;
  // Walk left over determiners and adjectives to the word that governs the noun phrase.
  for (let k = i - 1, skipped = 0; k >= clause.start && skipped <= 3; k--, skipped++) {
    const n = view.norm(k);
    const cues = view.lang.cueForms.get(n) ?? [];
    if (cues.some((c) => c.pos === 'verb' && !c.copula && c.relation !== 'supports')) return true;
    if (sets.prepositions.has(n) || sets.infinitive.has(n) || view.isPunct(k) || view.startAt.has(k) || sets.verbForms.has(n)) return false;
  }
  return false;
}
