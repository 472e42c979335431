// Relations from the parse: every frame (frames.ts) runs through one engine. A frame's word is found by lemma and
// part of speech; its roles are read from the tree (grammar.ts) with general rules — passive, coordination,
// control, relative clauses and clefts, support verbs and nominalisations, stand-in nouns, pronouns — and its
// assertion (negation, condition, modality, plans, complements of non-factive verbs) from the verbs above it.
// Titles and places inside a noun phrase give leads, member_of and located_in (one matcher, roleRelations).
// Nothing is guessed: a role the tree does not give leaves the frame without a relation.

import type { Document, EntityType, Evidence, Mention, Relation, RelationType, Sentence } from '../types.js';
import type { LanguageResources } from '../lang/index.js';
import { findTitle, isOrgApposNoun, titleMatcher } from '../lang/index.js';
import type { Resolution } from '../resolve/index.js';
import { buildTree, hasFeat, type GNode, type GTree } from './grammar.js';
import type { Frame, FrameSet, RolePath } from './frames.js';
import { RELATION_ARGUMENT_TYPES } from './frames.js';
import { SYMMETRIC_RELATIONS } from '../types.js';

export interface TreeRelationSettings {
  extractor: string;
  /**
   * The state a place stands for when it acts ("Beijing criticised ...", "Moskva fordømte ..."): a capital's
   * country, from the knowledge base. Without it a place never stands for a state.
   */
  stateOf?: (kbId: string) => { entity: string; type: EntityType } | undefined;
  /** The state a knowledge-base body belongs to ("Utenriksdepartementet": Norway), if any. */
  homeOf?: (kbId: string) => string | undefined;
  /**
   * The verb lemmas a participle form may have ("led" → lead, "støttede" → støtte), from the syntax model's
   * lemmatiser: for the participle after a name in one compound ("Iran-backed", "USA-ledede"; compoundParticiples).
   * Without it such compounds give nothing.
   */
  participleLemmas?: (form: string) => string[];
}

/** What a role resolves to: an entity and how it was reached. */
interface Arg {
  entity: string;
  type: EntityType;
  node: number;
  /** How sure the path is: 1 for a name in the role, less through stand-ins and pronouns. */
  weight: number;
}

interface Found {
  relation: RelationType;
  subject: Arg;
  object: Arg;
  trigger: number;
  frame: string;
  confidence: number;
  negated: boolean;
  hypothetical: boolean;
}

/** One sentence's tree with its mentions, and the document context for pronouns. */
class View {
  readonly nodes: GNode[];
  /** The mention headed by each token (a whole-token mention: not a name inside a compound). */
  readonly mentionAt: (Mention | undefined)[];
  /** A name inside the token's compound ("Nato-sjefen", "USA-ledede"). */
  readonly prefixAt: (Mention | undefined)[];
  /** Persons with a title written right before them and its owner right before the title (surfaceTitles). */
  readonly titled: SurfaceTitle[];
  /** States named right after a body's name and a membership noun ("Nato-landet Romania"; memberAppositions). */
  readonly members: Membership[];
  /** Members listed in apposition to a body's name (memberLists), and the head tokens of those members. */
  readonly memberList: Found[];
  readonly listed = new Set<number>();
  constructor(
    readonly sentence: Sentence,
    readonly tree: GTree,
    mentions: Mention[],
    readonly frames: FrameSet,
    readonly lang: LanguageResources,
    readonly context: Salience,
    readonly stateOf?: TreeRelationSettings['stateOf'],
    readonly homeOf?: TreeRelationSettings['homeOf'],
    readonly participleLemmas?: TreeRelationSettings['participleLemmas'],
  ) {
    this.nodes = tree.nodes;
    this.mentionAt = new Array<Mention | undefined>(this.nodes.length).fill(undefined);
    this.prefixAt = new Array<Mention | undefined>(this.nodes.length).fill(undefined);
    for (const m of mentions) if (m.entity) for (let k = m.tokenStart; k <= m.tokenEnd; k++) this.covered.add(k);
    for (const m of mentions) {
      if (!m.entity) continue;
      const head = this.headOf(m);
      const tok = sentence.tokens[head]!;
      if (m.end < tok.end && m.start >= tok.start && m.form !== 'genitive') {
        if (!this.prefixAt[head]) this.prefixAt[head] = m;
        continue;
      }
      const cur = this.mentionAt[head];
      if (!cur || better(m, cur)) this.mentionAt[head] = m;
    }
    this.repairFlatObjects();
    this.repairRelativeSubjects();
    this.repairStrayObjects();
    this.repairTimeObjects();
    this.repairBareTimes();
    this.repairYears();
    this.repairApproximations();
    this.repairHavePredicates();
    this.repairVerbAppositions();
    this.repairTimePhrases();
    this.repairReportedConjuncts();
    this.repairListConjuncts();
    this.repairNounNames();
    this.titled = surfaceTitles(sentence, mentions, lang, frames.sets.ownerPreps, frames.sets.placePreps, frames.sets.envoy, frames.sets.proxy);
    this.members = memberAppositions(sentence, mentions, frames.sets.member);
    this.memberList = memberLists(this);
    for (const f of this.memberList) this.listed.add(f.subject.node);
  }

  /**
   * A name the parse ran on into the next name ("Dagen etter kritiserte Sverige Russland": Russland flat on Sverige),
   * or a lower-case definite noun it hung on a name ("... Storbritannia houthiane"), is no part of that name: after
   * the subject of a verb before it that has no object, it is the verb's object.
   */
  /**
   * "gikk natt til onsdag til angrep på X": a time noun's own phrase is the time word after it ("til onsdag"); a
   * second phrase the parse hung on the time noun is the verb's.
   */
  private repairTimePhrases(): void {
    const time = this.frames.sets.time;
    for (const t of this.nodes) {
      const v = this.nodes[t.gov];
      if (!v || !isVerb(v) || t.upos !== 'NOUN' || !time.has(t.lemma) || (t.fn !== 'obl' && t.fn !== 'advmod')) continue;
      const phrases = this.kids(t.i, 'nmod').filter((c) => c.i > t.i && c.prep);
      if (phrases.length === 0 || !time.has(phrases[0]!.lemma)) continue;
      // (Hung on the time noun after it, or on the time word of its phrase: "natt til søndag til angrep".)
      const first = phrases[0]!;
      const stray = [...phrases.slice(1), ...this.kids(first.i, 'nmod').filter((c) => c.i > first.i && c.prep)];
      for (const c of stray) {
        if (time.has(c.lemma)) continue;
        const host = this.nodes[c.gov]!;
        host.children = host.children.filter((x) => x !== c.i);
        c.gov = v.i;
        c.fn = 'obl';
        v.children = [...v.children, c.i].sort((a, b) => a - b);
      }
    }
  }

  /**
   * "X sa at flya følgde reglane, og skulda Nato for ...": a speech act coordinated after a comma with the verb of a
   * reported clause, with no subject of its own, is the speaker's second act (the parse hung it inside what was said).
   * Speech acts: reporting verbs and verbs whose frames criticise, demand, reject or threaten.
   */
  private repairReportedConjuncts(): void {
    const sets = this.frames.sets;
    const speechAct = (v: GNode) => sets.reporting.has(v.lemma) || (this.frames.byKey.get(`verb:${v.lemma}`) ?? []).some((f) => f.relation === 'criticizes' || f.relation === 'demands' || f.relation === 'rejects' || f.relation === 'threatens');
    for (const c of this.nodes) {
      if (c.fn !== 'conj' || !isVerb(c) || !speechAct(c) || this.kids(c.i, 'subj').length > 0) continue;
      const g = this.nodes[c.gov];
      const r = g ? this.nodes[g.gov] : undefined;
      if (!g || !r || g.fn !== 'comp' || !isVerb(g) || !isVerb(r) || !sets.reporting.has(r.lemma) || this.kids(r.i, 'subj').length === 0) continue;
      const cc = this.nodes[c.i - 1];
      if (!cc || cc.upos !== 'CCONJ' || this.nodes[c.i - 2]?.form !== ',') continue;
      g.children = g.children.filter((k) => k !== c.i);
      c.gov = r.i;
      r.children = [...r.children, c.i].sort((a, b) => a - b);
    }
  }

  /**
   * "kom til Bangui, hovedstaden i X": an apposition the parse hung on the verb belongs to the name or noun right
   * before its comma (a verb has no appositions).
   */
  private repairVerbAppositions(): void {
    for (const t of this.nodes) {
      const v = this.nodes[t.gov];
      // (Or an adverbial with no preposition that is a place or title noun: "var i Astana, den kasakhiske hovudstaden".)
      const bare = !t.prep && (t.fn === 'obl' || t.fn === 'advmod') && (this.frames.sets.place.has(standInLemma(this, t)) || isTitle(this, t));
      if ((t.fn !== 'appos' && !bare) || t.upos !== 'NOUN' || !v || !isVerb(v) || t.i < v.i) continue;
      const start = clauseStart(this, t);
      if (this.sentence.tokens[start - 1]?.text !== ',' || start < 2) continue;
      const m = this.mentionAt.find((x) => x?.tokenEnd === start - 2);
      const host = m ? this.nodes[this.headOf(m)] : this.nodes[start - 2];
      if (!host || host === v || (host.upos !== 'NOUN' && host.upos !== 'PROPN') || host.i >= t.i) continue;
      v.children = v.children.filter((c) => c !== t.i);
      t.gov = host.i;
      t.fn = 'appos';
      host.children = [...host.children, t.i].sort((a, b) => a - b);
    }
  }

  /**
   * "landet som anerkjende regjeringa i Kabul": a relative pronoun right after a noun and right before a finite verb
   * is the verb's subject (a relative clause keeps its subject before the verb), so a noun the parse made the subject
   * after the verb is its object. Parsers often read the pronoun as a preposition and the object as the subject.
   */
  private repairRelativeSubjects(): void {
    const relative = this.frames.sets.relative;
    for (const v of this.nodes) {
      const som = this.nodes[v.i - 1];
      const noun = this.nodes[v.i - 2];
      if (!som || !noun || !relative.has(som.form.toLowerCase()) || (noun.upos !== 'NOUN' && noun.upos !== 'PROPN')) continue;
      if (!isVerb(v) || !hasFeat(v, 'VerbForm', 'Fin') || (som.gov === v.i && som.fn === 'subj')) continue;
      const late = this.kids(v.i, 'subj').filter((c) => c.i > v.i);
      if (late.length !== 1 || this.kids(v.i, 'obj').length > 0 || this.kids(v.i, 'subj').length !== 1) continue;
      const detach = (k: GNode) => {
        const g = this.nodes[k.gov];
        if (g) g.children = g.children.filter((c) => c !== k.i);
      };
      const attach = (k: GNode, to: GNode, fn: GNode['fn']) => {
        k.gov = to.i;
        k.fn = fn;
        to.children = [...to.children, k.i].sort((a, b) => a - b);
      };
      const obj = late[0]!;
      obj.fn = 'obj';
      // (The clause hangs on the noun: the pronoun's own governor when it was the noun, else the noun before it.)
      const head = this.nodes[som.gov] && som.gov !== v.i && (this.nodes[som.gov]!.upos === 'NOUN' || this.nodes[som.gov]!.upos === 'PROPN') ? this.nodes[som.gov]! : noun;
      // (Never under itself: a noun inside the verb's own subtree cannot take the clause.)
      let up: GNode | undefined = head;
      for (let guard = 0; up && guard < this.nodes.length && up.i !== v.i; guard++) up = this.nodes[up.gov];
      if (up?.i === v.i) {
        obj.fn = 'subj';
        continue;
      }
      detach(som);
      detach(v);
      attach(v, head, 'relcl');
      som.upos = 'PRON';
      attach(som, v, 'subj');
    }
  }

  /**
   * An object the parse hung on a noun inside an adverbial ("innførte i desember sanksjonar": "sanksjonar" under
   * "desember") is the object of the verb above: objects are verbs'.
   */
  private repairStrayObjects(): void {
    for (const n of this.nodes) {
      const g = this.nodes[n.gov];
      if (n.fn !== 'obj' || !g || isVerb(g) || (g.upos !== 'NOUN' && g.upos !== 'PROPN') || g.i > n.i) continue;
      let v: GNode | undefined = this.nodes[g.gov];
      for (let guard = 0; v && !isVerb(v) && guard < 3; guard++) v = this.nodes[v.gov];
      if (!v || !isVerb(v) || v.i > n.i || this.kids(v.i, 'obj').length > 0) continue;
      g.children = g.children.filter((c) => c !== n.i);
      v.children = [...v.children, n.i].sort((a, b) => a - b);
      n.gov = v.i;
    }
  }

  /**
   * "anklaget i går Ankara for ...", "kritiserte i mars Skopje", "anklaget på sin side Danmark": a time noun (or a fixed
   * adverbial's) right after a preposition and its determiners, and a name right
   * after it that the parse made the time noun's apposition and the preposition's object. The preposition and the time
   * noun are the adverbial; the name, the object of the verb when the verb has none (frames data: timeNouns).
   */
  private repairTimeObjects(): void {
    const time = this.frames.sets.time;
    if (time.size === 0) return;
    for (const t of this.nodes) {
      const n = this.nodes[t.gov];
      if (t.fn !== 'appos' || !n || n.i !== t.i + 1 || !time.has(t.form.toLowerCase()) || !this.mentionAt[n.i]) continue;
      // (A determiner may stand between the preposition and the noun: "på sin side".)
      let p = t.i - 1;
      const dets: number[] = [];
      while (p > 0 && (this.nodes[p]!.fn === 'det' || this.nodes[p]!.fn === 'poss') && dets.length < 2) dets.push(p--);
      if ((n.fn !== 'obl' && n.fn !== 'nmod') || !n.prep || this.nodes[p]?.fn !== 'case' || this.nodes[p]!.gov !== n.i) continue;
      const v = this.nodes[n.gov];
      // (An object that names nothing does not count: "kritiserte i august India skarpt" with the adverb misread.)
      if (!v || !isVerb(v) || v.i > t.i || this.kids(v.i, 'obj').some((o) => o.upos === 'NOUN' || o.upos === 'PROPN' || o.upos === 'PRON')) continue;
      // The time noun takes the preposition (and determiners) and hangs on the verb; the name is the verb's object.
      const prep = this.nodes[p]!;
      for (const d of dets) {
        const dn = this.nodes[d]!;
        if (dn.gov !== t.i) {
          const old = this.nodes[dn.gov];
          if (old) old.children = old.children.filter((c) => c !== d);
          dn.gov = t.i;
          t.children = [...t.children, d].sort((a, b) => a - b);
        }
      }
      this.swapAdverbial(t, prep, n, v);
    }
  }

  /**
   * `t` (under `n`, with `prep` the preposition of `n`'s phrase) becomes the verb's adverbial with that preposition,
   * and `n` the verb's object: the parse had them the other way round.
   */
  private swapAdverbial(t: GNode, prep: GNode, n: GNode, v: GNode): void {
    n.children = n.children.filter((c) => c !== t.i && c !== prep.i);
    t.children = [...t.children, prep.i].sort((a, b) => a - b);
    prep.gov = t.i;
    t.gov = v.i;
    t.fn = 'obl';
    t.prep = n.prep;
    v.children = [...v.children, t.i].sort((a, b) => a - b);
    n.fn = 'obj';
    n.prep = '';
  }

  /**
   * A year after a preposition that the parse made the determiner of the noun after it ("dannet i 2023 Alliansen av
   * Sahel-stater", "signed in 2019 the Treaty of X"): the preposition and the year are the adverbial; the noun is the
   * object of the verb when the verb has none.
   */
  private repairYears(): void {
    for (const y of this.nodes) {
      const n = this.nodes[y.gov];
      if (y.fn !== 'det' || y.upos !== 'NUM' || !/^(?:1[5-9]|20)\d\d$/.test(y.form) || !n || n.i <= y.i) continue;
      const prep = this.nodes[y.i - 1];
      if ((n.fn !== 'obl' && n.fn !== 'nmod') || !n.prep || !prep || prep.fn !== 'case' || prep.gov !== n.i) continue;
      const v = this.nodes[n.gov];
      if (!v || !isVerb(v) || v.i > prep.i || this.kids(v.i, 'obj').length > 0) continue;
      this.swapAdverbial(y, prep, n, v);
    }
  }

  /**
   * A bare time noun ("lørdag", "i dag"; frames data: timeNouns) the parse made the head of the noun after it: "Kim
   * avviste lørdag kritikken fra X": the noun after the time is the verb's object.
   */
  private repairBareTimes(): void {
    const time = this.frames.sets.time;
    if (time.size === 0) return;
    const move = (c: GNode, to: GNode, fn: GNode['fn']) => {
      const old = this.nodes[c.gov];
      if (old) old.children = old.children.filter((x) => x !== c.i);
      c.gov = to.i;
      c.fn = fn;
      to.children = [...to.children, c.i].sort((a, b) => a - b);
    };
    for (const t of this.nodes) {
      if (!time.has(t.form.toLowerCase()) || this.mentionAt[t.i]) continue;
      const v = this.nodes[t.gov];
      if (!v || !isVerb(v) || v.i > t.i) continue;
      // (An object that names nothing does not count: "kritiserte i mars India skarpt" with the adverb read as a verb.)
      if (this.kids(v.i, 'obj').some((o) => o.upos === 'NOUN' || o.upos === 'PROPN' || o.upos === 'PRON')) continue;
      // A bare time ("inviterte måndag X"), or a time phrase with its preposition ("kritiserte i mars X") whose word
      // after it is a name: that word, however the parse hung it on the time, is the verb's object ("både" may open it).
      const own = t.children.map((c) => this.nodes[c]!);
      const bare = t.fn === 'advmod' && !own.some((c) => c.fn === 'det' || c.fn === 'case');
      const phrase = t.fn === 'obl' && own.some((c) => c.fn === 'case' && c.i < t.i);
      if (!bare && !phrase) continue;
      const opens = (c: GNode) => c.i === t.i + 1 || (c.i === t.i + 2 && this.nodes[t.i + 1]!.fn === 'cc' && this.nodes[t.i + 1]!.gov === c.i);
      const n = this.kids(t.i, 'compound', 'appos', 'flat', 'subj', 'obj').find((c) => opens(c) && (c.upos === 'NOUN' || c.upos === 'PROPN') && (bare || !!this.mentionAt[c.i]));
      if (n) move(n, v, 'obj');
    }
  }

  /**
   * "har hatt soldater utplassert i X", "hadde fortsatt styrker stasjonert der": "ha" with an object and a participle
   * predicate says what the subject has done to the object, as the perfect would ("har utplassert soldater"). The
   * object becomes the participle's, and the participle active, its subject the subject of "ha".
   */
  private repairHavePredicates(): void {
    for (const v of this.nodes) {
      if (v.upos !== 'VERB' || v.lemma !== (this.frames.language === 'en' ? 'have' : 'ha')) continue;
      const objs = this.kids(v.i, 'obj');
      const participle = (c: GNode) => (c.upos === 'VERB' || c.upos === 'ADJ') && hasFeat(c, 'VerbForm', 'Part') && this.kids(c.i, 'obj', 'subj').length === 0;
      // (Or the participle the parse hung on the object as its modifier: "har 2500 soldater stasjonert i Irak".)
      const p = this.kids(v.i, 'pred').find(participle) ?? (objs.length === 1 ? this.kids(objs[0]!.i, 'amod', 'acl').find((c) => c.i > objs[0]!.i && participle(c)) : undefined);
      if (objs.length !== 1 || !p || p.i < objs[0]!.i) continue;
      const o = objs[0]!;
      if (p.gov === o.i) {
        o.children = o.children.filter((c) => c !== p.i);
        p.gov = v.i;
        p.fn = 'pred';
        v.children = [...v.children, p.i].sort((a, b) => a - b);
      }
      v.children = v.children.filter((c) => c !== o.i);
      o.gov = p.i;
      p.children = [...p.children, o.i].sort((a, b) => a - b);
      p.passive = false;
    }
  }

  /**
   * "har rundt 1500 soldater stasjonert i ...", "sent around 300 troops": a word of approximation before a number is no
   * preposition, though the parse often makes it one. The noun is the verb's object (or subject before it) when the
   * verb has none (frames data: approximators).
   */
  private repairApproximations(): void {
    const approx = this.frames.sets.approx;
    if (approx.size === 0) return;
    for (const n of this.nodes) {
      if ((n.fn !== 'obl' && n.fn !== 'nmod') || !approx.has(n.prep) || !this.nodes.some((c) => c.gov === n.i && c.upos === 'NUM' && c.i < n.i)) continue;
      const v = this.nodes[n.gov];
      if (!v || !isVerb(v)) continue;
      // (With a subject already, the object, wherever it stands: "har rundt 1500 soldater stasjonert".)
      const fn = n.i > v.i || this.kids(v.i, 'subj').length > 0 ? 'obj' : 'subj';
      if (this.kids(v.i, fn).length > 0) continue;
      n.fn = fn;
      n.prep = '';
    }
  }

  /**
   * "fått F-16-fly fra Danmark, Norge og Nederland": a name after a comma, with a conjunct of its own after "og", that the
   * parse made a second object (or another phrase of the same function) of the verb the name before the comma hangs on,
   * is the next item of that name's list: a conjunct of it. Both names of one type.
   */
  private repairListConjuncts(): void {
    for (const n of this.nodes) {
      const v = this.nodes[n.gov];
      const own = this.mentionAt[n.i];
      if (!v || !isVerb(v) || !own?.entity || !['obj', 'obl', 'subj'].includes(n.fn) || this.sentence.tokens[own.tokenStart - 1]?.text !== ',') continue;
      if (!this.kids(n.i, 'conj').some((c) => this.kids(c.i, 'cc').length > 0 && this.mentionAt[c.i]?.type === own.type)) continue;
      const before = this.mentionAt.find((x) => x?.entity && x.tokenEnd === own.tokenStart - 2);
      if (!before || before.type !== own.type) continue;
      const m = this.nodes[this.headOf(before)];
      if (!m || m.gov !== v.i || m.i > n.i || !['obj', 'obl'].includes(m.fn)) continue;
      // (Only where the parse gave the verb a function twice: a second object, or an object beside the list's oblique.)
      const twice = this.kids(v.i, n.fn).length > 1 || (n.fn === 'obj' && m.fn === 'obl');
      if (!twice) continue;
      v.children = v.children.filter((c) => c !== n.i);
      m.children = [...m.children, n.i].sort((a, b) => a - b);
      n.gov = m.i;
      n.fn = 'conj';
      n.prep = '';
    }
  }

  /**
   * "Opposisjonspartiet MDP anklaget ...", "selskapet Equinor": a body's appositive noun (lexicon: orgApposNouns, or a
   * compound ending in one) with no name of its own, and a body's name right after it that the parse hung on it as a
   * flat word or apposition: the name takes the noun's place in the clause, the noun becomes its apposition.
   */
  private repairNounNames(): void {
    for (const n of this.nodes) {
      if ((n.upos !== 'NOUN' && n.upos !== 'PROPN') || this.mentionAt[n.i] || this.covered.has(n.i) || !isOrgApposNoun(this.lang, n.form.toLowerCase())) continue;
      const name = this.nodes[n.i + 1];
      const m = name ? this.mentionAt[name.i] : undefined;
      if (!name || name.gov !== n.i || (name.fn !== 'flat' && name.fn !== 'appos') || !m?.entity || m.type !== 'organization' || m.tokenStart !== name.i) continue;
      const g = this.nodes[n.gov];
      if (g) g.children = g.children.map((c) => (c === n.i ? name.i : c));
      name.gov = n.gov;
      name.fn = n.fn;
      name.prep = n.prep;
      n.children = n.children.filter((c) => c !== name.i);
      // (The noun's other words, its determiner and phrase, go with the name.)
      for (const c of n.children) this.nodes[c]!.gov = name.i;
      name.children = [...name.children, ...n.children, n.i].sort((a, b) => a - b);
      n.children = [];
      n.gov = name.i;
      n.fn = 'appos';
      n.prep = '';
    }
  }

  private repairFlatObjects(): void {
    for (const n of this.nodes) {
      const h = this.nodes[n.gov];
      if (n.fn !== 'flat' || !h || h.i > n.i || h.fn !== 'subj') continue;
      const own = this.mentionAt[n.i];
      const otherName = !!own && !!this.mentionAt[h.i] && own.entity !== this.mentionAt[h.i]!.entity;
      const commonNoun = n.upos === 'NOUN' && hasFeat(n, 'Definite', 'Def') && n.form === n.form.toLowerCase();
      if (!otherName && !commonNoun) continue;
      const v = this.nodes[h.gov];
      if (!v || !isVerb(v) || v.i > h.i || this.kids(v.i, 'obj').length > 0) continue;
      h.children = h.children.filter((c) => c !== n.i);
      v.children = [...v.children, n.i].sort((a, b) => a - b);
      n.gov = v.i;
      n.fn = 'obj';
    }
  }

  /** The token of a mention whose head lies outside it (the mention's syntactic head). */
  headOf(m: Mention): number {
    let head = m.tokenEnd;
    for (let k = m.tokenStart; k <= m.tokenEnd; k++) {
      const g = this.nodes[k]?.gov ?? -1;
      if (g < m.tokenStart || g > m.tokenEnd) {
        head = k;
        break;
      }
    }
    // A name the parse makes longer than the tagger did ("Tsai" tagged, "Ing-wen" its flat head): the name's
    // node is the head of the flat chain, as long as the chain runs on to the right of the mention through
    // capitalised words that are no other mention and no title. (To the left a flat head is most often a title
    // the parse took for a name: "Defense Secretary Pete Hegseth".)
    let hi = m.tokenEnd;
    for (let guard = 0; guard < 4; guard++) {
      const node = this.nodes[head];
      const g = node?.gov ?? -1;
      if (node?.fn !== 'flat' || g !== hi + 1) break;
      const tok = this.sentence.tokens[g];
      if (!tok || !/^\p{Lu}/u.test(tok.text) || this.covered.has(g) || findTitle(this.lang, tok.text.toLowerCase())) break;
      head = g;
      hi = g;
    }
    return head;
  }
  /** Tokens inside some mention with an entity (filled before headOf is used). */
  private readonly covered = new Set<number>();

  kids(n: number, ...fns: GNode['fn'][]): GNode[] {
    const node = this.nodes[n];
    if (!node) return [];
    return node.children.map((c) => this.nodes[c]!).filter((c) => fns.length === 0 || fns.includes(c.fn));
  }

  /** A node and its conjuncts ("X, Y og Z"). */
  conjuncts(n: number): number[] {
    const out = [n];
    for (let k = 0; k < out.length && out.length < 12; k++) {
      // (A conjunct the parse hung on the last word of a name, "Nikol Pashinyan and ...", is the name's.)
      const heads = [out[k]!, ...this.kids(out[k]!, 'flat').map((f) => f.i)];
      // (Nor is a member list the parse made conjuncts of its body's name: "the Quad — A, B and C —"; memberLists.)
      for (const h of heads) for (const c of this.kids(h, 'conj')) if (!out.includes(c.i) && isNominal(c) && !this.listed.has(c.i)) out.push(c.i);
    }
    return out;
  }
}

function better(a: Mention, b: Mention): boolean {
  const rank = (m: Mention) => (m.source === 'coref' ? 0 : 1) * 1000 + (m.end - m.start);
  return rank(a) > rank(b);
}

/** "Turkish Foreign Minister Hakan Fidan", "NATO Secretary General X", "Kenyas president X": owner, title, person. */
interface SurfaceTitle {
  person: Mention;
  owner: Mention;
  role: 'leads' | 'member_of';
  /** The title's first and last token. */
  start: number;
  end: number;
}

/**
 * Titles read from the words, not the parse: a person's name right after a title of one to four words (a listed
 * phrase, or one word the title rules know: "utenrikssjef"), with a country's or body's name, genitive or demonym
 * right before the title. Parsers often misattach such chains ("Turkish" as an object, the title as a compound of
 * the wrong word); the adjacency itself is the evidence.
 */
function surfaceTitles(sentence: Sentence, mentions: readonly Mention[], lang: LanguageResources, ownerPreps: ReadonlySet<string>, placePreps: ReadonlySet<string>, envoys: ReadonlySet<string>, proxies: ReadonlySet<string>): SurfaceTitle[] {
  const out: SurfaceTitle[] = [];
  // (An envoy "i FN", "to the UN", "ved ambassaden" serves there: that is not whose envoy it is.)
  const envoy = (words: string[]) => isEnvoyWord(envoys, words[words.length - 1] ?? '');
  const toks = sentence.tokens;
  const endingAt = new Map<number, Mention>();
  for (const m of mentions) if (m.entity && (m.type === 'country' || m.type === 'organization')) endingAt.set(m.tokenEnd, m);
  const startingAt = new Map<number, Mention>();
  for (const m of mentions) if (m.entity && (m.type === 'country' || m.type === 'organization')) startingAt.set(m.tokenStart, m);
  const covered = new Set<number>();
  for (const m of mentions) for (let k = m.tokenStart; k <= m.tokenEnd; k++) covered.add(k);
  const syn = sentence.syntax;
  for (const p of mentions) {
    if (!p.entity || p.type !== 'person' || p.tokenStart === 0) continue;
    let end = p.tokenStart - 1;
    // (A rank between the comma and the name belongs to the name: "Burkina Faso's president, Captain Ibrahim
    // Traoré", "Niger's military ruler, Gen. X".)
    for (let k = end, guard = 0; k > 1 && guard < 3; k--, guard++) {
      const w = toks[k]!.text;
      if (w === '.' || (/^\p{Lu}/u.test(w) && (findTitle(lang, w.toLowerCase()) || lang.sets.abbreviations.has(w.toLowerCase())))) {
        if (toks[k - 1]?.text === ',') {
          end = k - 1;
          break;
        }
        continue;
      }
      break;
    }
    // (Right before the person, or before a comma there: "Peru's foreign minister, Elena Quispe".)
    let found = false;
    // (... or before a posting's place there: "Russlands ambassadør i Oslo, X", "India's high commissioner in Dhaka, X":
    // an office held in a place is the owner's member, whatever its title heads elsewhere.)
    const lasts = toks[end]?.text === ',' ? [end, end - 1] : [end];
    const posted = toks[end]?.text === ',' ? mentions.find((m) => m.entity && m.tokenEnd === end - 1 && (m.type === 'location' || m.type === 'country')) : undefined;
    const postingAt = posted && placePreps.has(toks[posted.tokenStart - 1]?.text.toLowerCase() ?? '') ? posted.tokenStart - 2 : -1;
    if (postingAt > 0) lasts.push(postingAt);
    for (const last of lasts) for (let start = Math.max(0, last - 3); start <= last && !found; start++) {
      const words: string[] = [];
      for (let k = start; k <= last; k++) words.push(toks[k]!.text.toLowerCase());
      const entry = words.length > 1 ? lang.titles.get(words.join(' ')) : findTitle(lang, words[0]!)?.entry;
      if (!entry) continue;
      // (Adjectives may stand between the owner and the title: "Houthi military spokesman X", "partiets politiske leder X".)
      // (... and capitalised words of the office that name nothing: "Indian External Affairs Minister X", "China's
      // Foreign Ministry spokesperson X".)
      let before = start - 1;
      while (before > 0 && before > start - 4 && !endingAt.has(before) && !covered.has(before) && ((syn?.[before]?.upos === 'ADJ' && /^\p{Ll}/u.test(toks[before]!.text)) || /^\p{Lu}\p{Ll}+$/u.test(toks[before]!.text))) before--;
      const owner = endingAt.get(before);
      // (A deputy's word before the title: "Deputy Prime Minister X" is a member.)
      let role = entry.role;
      for (let k = before + 1; k < start; k++) if (lang.sets.deputies.has(toks[k]!.text.toLowerCase())) role = 'member_of';
      if (last === postingAt) {
        if (owner?.entity === posted!.entity) continue;
        role = 'member_of';
      }
      if (owner && owner.entity !== p.entity) out.push({ person: p, owner, role, start: before + 1, end: last });
      found = true;
    }
    // "X, leiaren for SDF,", "X, the leader of the Stability Support Apparatus,", "X, Russlands president,": a title
    // in apposition after the person, with its owner after or before it, however the parse attached it.
    after: {
      let a = p.tokenEnd + 1;
      if (toks[a]?.text !== ',') break after;
      a++;
      if (/^(the|a|an)$/i.test(toks[a]?.text ?? '')) a++;
      const gen = startingAt.get(a);
      if (gen && gen.form === 'genitive' && gen.entity !== p.entity) {
        const t = findTitle(lang, toks[gen.tokenEnd + 1]?.text.toLowerCase() ?? '');
        if (t) out.push({ person: p, owner: gen, role: t.entry.role, start: gen.tokenStart, end: gen.tokenEnd + 1 });
        break after;
      }
      for (const len of [2, 1]) {
        const words: string[] = [];
        for (let k = a; k < a + len; k++) words.push(toks[k]?.text.toLowerCase() ?? '');
        const entry = len > 1 ? lang.titles.get(words.join(' ')) : findTitle(lang, words[0]!)?.entry;
        if (!entry) continue;
        const prep = a + len;
        let o = prep + 1;
        if (/^(the)$/i.test(toks[o]?.text ?? '')) o++;
        const owner = ownerPreps.has(toks[prep]?.text.toLowerCase() ?? '') ? startingAt.get(o) : undefined;
        const served = placePreps.has(toks[prep]?.text.toLowerCase() ?? '') && (envoy(words) || (entry.role === 'member_of' && owner?.type === 'country'));
        if (owner && owner.entity !== p.entity && !served) out.push({ person: p, owner, role: entry.role, start: a, end: a + len - 1 });
        break;
      }
    }
    // "the president of Chile, Gabriel Boric", "presidenten i Frankrike, X": title, owner phrase, comma, person.
    // (The owner phrase may be the owner's stand-in noun, the owner its genitive or demonym, with or without the
    // comma: "talsperson for Indias utenriksdepartement X", "talskvinna for det kinesiske utanriksdepartementet, X".)
    const phraseEnd = toks[end]?.text === ',' ? end - 1 : end;

    const proxyAt = phraseEnd > 1 && /^\p{Ll}/u.test(toks[phraseEnd]!.text) && isProxyLemma(proxies, syn?.[phraseEnd]?.lemma.toLowerCase() ?? toks[phraseEnd]!.text.toLowerCase()) ? endingAt.get(phraseEnd - 1) : undefined;
    if (toks[end]?.text !== ',' && !proxyAt) continue;
    const owner = proxyAt ?? endingAt.get(end - 1);
    if (!owner || owner.entity === p.entity) continue;
    let prep = owner.tokenStart - 1;
    if (syn?.[prep]?.upos === 'DET') prep--;
    if (prep < 1 || !ownerPreps.has(toks[prep]!.text.toLowerCase())) continue;
    for (let start = Math.max(0, prep - 3); start < prep; start++) {
      const words: string[] = [];
      for (let k = start; k < prep; k++) words.push(toks[k]!.text.toLowerCase());
      const entry = words.length > 1 ? lang.titles.get(words.join(' ')) : findTitle(lang, words[0]!)?.entry;
      if (!entry) continue;
      // (A genitive owner before the title is the owner; the phrase after it says what the office is for: "FNs
      // spesialutsending for Syria, X", "FNs personlige utsending for Vest-Sahara, X".)
      let g = start - 1;
      while (g > 0 && g > start - 3 && !endingAt.has(g) && /^\p{Ll}/u.test(toks[g]!.text) && sentence.syntax?.[g]?.upos === 'ADJ') g--;
      const genitive = endingAt.get(g);
      const hasGenitive = !!genitive && genitive.entity !== p.entity;
      // (An office below the head "in" a country is held there, not the country's: "høyrepresentanten i Bosnia, X";
      // so is an envoy's post "i FN".)
      if (!hasGenitive && placePreps.has(toks[prep]!.text.toLowerCase()) && (envoy(words) || (entry.role === 'member_of' && owner.type === 'country'))) break;
      // (A genitive before an envoy "i X" is whose envoy it is; a person's genitive there, nobody named: no owner.)
      if (!hasGenitive && envoy(words) && start > 0 && /s$/.test(toks[start - 1]!.text) && /^\p{Lu}/u.test(toks[start - 1]!.text)) break;
      out.push({ person: p, owner: hasGenitive ? genitive : owner, role: entry.role, start: hasGenitive ? g : start, end: prep - 1 });
      break;
    }
  }
  return out;
}

/** "Nato-landet Romania", "EU member state Hungary": a state, the body it belongs to, the membership words between. */
interface Membership {
  member: Mention;
  owner: Mention;
  /** The membership words' first and last token. */
  start: number;
  end: number;
}

/**
 * Membership read from the words: a country's name right after a membership noun of one or two words (frames data:
 * memberNouns) that a body's name stands right before ("NATO member Romania", "EU member state Hungary") or inside as
 * the compound's first part ("Nato-landet Romania", "EU-medlemmet Polen"). However the parse attached the chain, the
 * state is the one the phrase names, and a member of the body.
 */
function memberAppositions(sentence: Sentence, mentions: readonly Mention[], nouns: ReadonlySet<string>): Membership[] {
  const out: Membership[] = [];
  if (nouns.size === 0) return out;
  const toks = sentence.tokens;
  const body = (m: Mention | undefined) => !!m?.entity && m.type === 'organization';
  for (const c of mentions) {
    if (!c.entity || c.type !== 'country' || c.form !== 'name' || c.tokenStart === 0) continue;
    const end = c.tokenStart - 1;
    const word = toks[end]!.text;
    // ("Nato-landet": the body inside the compound, the noun its last part.)
    const parts = word.split(/[-‐]/);
    if (parts.length > 1 && nouns.has(parts[parts.length - 1]!.toLowerCase())) {
      const inside = mentions.find((m) => m.tokenStart === end && m.tokenEnd === end && m.end < toks[end]!.end && body(m));
      if (inside && inside.entity !== c.entity) out.push({ member: c, owner: inside, start: end, end });
      continue;
    }
    for (const len of [2, 1]) {
      const start = end - len + 1;
      if (start < 1) continue;
      const words: string[] = [];
      for (let k = start; k <= end; k++) words.push(toks[k]!.text.toLowerCase());
      if (!nouns.has(words.join(' '))) continue;
      const owner = mentions.find((m) => m.tokenEnd === start - 1 && m.form === 'name' && m.end === toks[start - 1]!.end && body(m));
      if (owner && owner.entity !== c.entity) out.push({ member: c, owner, start, end });
      break;
    }
  }
  return out;
}

function isNominal(n: GNode): boolean {
  return n.upos === 'NOUN' || n.upos === 'PROPN' || n.upos === 'PRON' || n.upos === 'NUM' || n.upos === 'X' || n.upos === 'ADJ' || n.upos === 'DET';
}

function isVerb(n: GNode): boolean {
  return n.upos === 'VERB' || n.upos === 'AUX';
}

/**
 * Does a noun name the act of a verb: the same word ("launch", "test", "visit"), or the verb's -ing noun ("bomb" →
 * "bombing", "utplassere" → "utplassering", "shell" → "shelling")?
 */
function namesVerb(noun: string, verb: string): boolean {
  if (noun === verb) return true;
  const stem = verb.endsWith('e') ? verb.slice(0, -1) : verb;
  return noun === `${verb}ing` || noun === `${stem}ing` || (verb.length <= 5 && noun === `${verb}${verb.at(-1)}ing`);
}

/** The doer of the latest sentence's entries, when that sentence has one doer only. */
function soleLatest(window: readonly { entity: string; type: EntityType; sentence: number }[]): { entity: string; type: EntityType } | undefined {
  if (window.length === 0) return undefined;
  const last = Math.max(...window.map((d) => d.sentence));
  const doers = new Set(window.filter((d) => d.sentence === last).map((d) => d.entity));
  if (doers.size !== 1) return undefined;
  const d = window.find((x) => x.sentence === last)!;
  return { entity: d.entity, type: d.type };
}

/** Entities recently named, for pronouns: the latest first, subjects marked. */
class Salience {
  private items: { entity: string; type: EntityType; sentence: number; subject: boolean; plural: boolean }[] = [];
  add(entity: string, type: EntityType, sentence: number, subject: boolean, plural = false): void {
    this.items.push({ entity, type, sentence, subject, plural });
    if (this.items.length > 200) this.items.splice(0, this.items.length - 200);
  }
  private deeds: { relation: RelationType; entity: string; type: EntityType; sentence: number }[] = [];
  /** A deed a sentence reports as fact: what a later definite noun of that kind ("the attack") may mean. */
  addDeed(relation: RelationType, entity: string, type: EntityType, sentence: number): void {
    this.deeds.push({ relation, entity, type, sentence });
    if (this.deeds.length > 50) this.deeds.splice(0, this.deeds.length - 50);
  }
  /** The doer of the latest deed of one of these kinds in the two sentences before; none when two doers compete. */
  deed(relations: ReadonlySet<RelationType>, sentence: number): { entity: string; type: EntityType } | undefined {
    return soleLatest(this.deeds.filter((d) => relations.has(d.relation) && d.sentence < sentence && d.sentence >= sentence - 2));
  }
  private acts: { lemma: string; entity: string; type: EntityType; sentence: number }[] = [];
  /** A verb a sentence reports as done by a subject, as fact: what a later definite noun of that verb ("the launch") may mean. */
  addAct(lemma: string, entity: string, type: EntityType, sentence: number): void {
    this.acts.push({ lemma, entity, type, sentence });
    if (this.acts.length > 100) this.acts.splice(0, this.acts.length - 100);
  }
  /** The doer of the latest act whose verb one of these nouns names, in the two sentences before; none when two compete. */
  act(nouns: readonly string[], sentence: number): { entity: string; type: EntityType } | undefined {
    return soleLatest(this.acts.filter((d) => d.sentence < sentence && d.sentence >= sentence - 2 && nouns.some((n) => namesVerb(n, d.lemma))));
  }
  private pairs: { parties: { entity: string; type: EntityType }[]; sentence: number }[] = [];
  /** Countries or bodies a sentence coordinates in any role ("grensen mellom Thailand og Kambodsja"). */
  addParties(parties: { entity: string; type: EntityType }[], sentence: number): void {
    this.pairs.push({ parties, sentence });
    if (this.pairs.length > 50) this.pairs.splice(0, this.pairs.length - 50);
  }
  /** "Begge land", "the two countries" after a sentence that coordinated parties in another role than subject: the
   * one such set in the latest of the two sentences before; none when that sentence coordinated several. */
  coordinated(sentence: number): { entity: string; type: EntityType }[] {
    const window = this.pairs.filter((x) => x.sentence < sentence && x.sentence >= sentence - 2);
    if (window.length === 0) return [];
    const last = Math.max(...window.map((x) => x.sentence));
    const sets = window.filter((x) => x.sentence === last);
    return sets.length === 1 ? sets[0]!.parties : [];
  }
  /** "De"/"they" after a sentence whose subject was two or more parties ("Chile og Peru ... De ..."): all of them. */
  group(sentence: number): { entity: string; type: EntityType }[] {
    const subjects = this.subjects(sentence);
    return subjects.length >= 2 ? subjects : [];
  }
  /** The countries and bodies that were subjects in the latest of the two sentences before, in order. */
  subjects(sentence: number): { entity: string; type: EntityType }[] {
    const earlier = this.items.filter((x) => x.sentence < sentence && x.sentence >= sentence - 2);
    if (earlier.length === 0) return [];
    const last = Math.max(...earlier.map((x) => x.sentence));
    const subjects = new Map<string, EntityType>();
    for (const x of earlier) if (x.sentence === last && x.subject && (x.type === 'country' || x.type === 'organization')) subjects.set(x.entity, x.type);
    return [...subjects].map(([entity, type]) => ({ entity, type }));
  }

  /** The antecedent of a pronoun of this kind in the previous two sentences: a subject first, then the latest. */
  find(kind: 'person' | 'thing' | 'group', sentence: number, before: Set<string>): { entity: string; type: EntityType } | undefined {
    const fits = (t: EntityType) => fitsPronoun(kind, t);
    const window = this.items.filter((x) => x.sentence >= sentence - 2 && x.sentence <= sentence && fits(x.type));
    // Within the current sentence only what came before the pronoun counts (the caller passes it).
    const candidates = window.filter((x) => x.sentence < sentence || before.has(x.entity));
    if (candidates.length === 0) return undefined;
    const lastSentence = Math.max(...candidates.map((x) => x.sentence));
    const recent = candidates.filter((x) => x.sentence === lastSentence);
    const distinct = new Set(recent.map((x) => x.entity));
    const subj = recent.find((x) => x.subject);
    // Two candidates of the same kind and no subject among them: ambiguous, unresolved; unless a plural pronoun
    // finds one plural stand-in among them ("… med ukrainske soldater har ankommet Norge. … skal de …": Ukraine).
    if (!subj && distinct.size > 1) {
      const plural = kind === 'group' ? new Set(recent.filter((x) => x.plural).map((x) => x.entity)) : new Set<string>();
      if (plural.size !== 1) return undefined;
      const only = recent.find((x) => x.plural)!;
      return { entity: only.entity, type: only.type };
    }
    const pick = subj ?? recent[recent.length - 1]!;
    return { entity: pick.entity, type: pick.type };
  }
}

/**
 * The subject of an active verb with a direct object and no other subject ("det har vedtatt en resolusjon"): no
 * expletive, whatever the parse called it (it reads every "det" before a verb as a formal subject).
 */
function agentiveSubject(view: View, node: GNode): boolean {
  const v = view.nodes[node.gov];
  if (!v || v.upos !== 'VERB' || v.passive || (node.fn !== 'subj' && node.fn !== 'expl') || node.i > v.i) return false;
  return view.kids(v.i, 'obj').length > 0 && view.kids(v.i, 'subj').every((c) => c.i === node.i);
}

function fitsPronoun(kind: 'person' | 'thing' | 'group', t: EntityType): boolean {
  return kind === 'person' ? t === 'person' : kind === 'group' ? t === 'organization' || t === 'country' : t === 'country' || t === 'organization' || t === 'agreement' || t === 'weapon';
}

export function extractTreeRelations(
  doc: Document,
  sentences: Sentence[],
  resolution: Resolution,
  frames: FrameSet,
  lang: LanguageResources,
  settings: TreeRelationSettings,
): Relation[] {
  const bySentence = new Map<number, Mention[]>();
  for (const m of resolution.mentions) {
    const list = bySentence.get(m.sentence);
    if (list) list.push(m);
    else bySentence.set(m.sentence, [m]);
  }
  const salience = new Salience();
  const out: Relation[] = [];
  for (const s of sentences) {
    if (!s.syntax || s.syntax.length !== s.tokens.length) continue;
    const mentions = bySentence.get(s.index) ?? [];
    const tree = buildTree(s.syntax, s.tokens.map((t) => t.text), frames.sets.negators);
    const view = new View(s, tree, mentions, frames, lang, salience, settings.stateOf, settings.homeOf, settings.participleLemmas);
    const found = mentions.length > 0 || hasPronoun(view) ? [...frameRelations(view), ...roleRelations(view)] : [];
    // Salience after the sentence: its entities, subjects marked.
    for (const m of mentions) {
      if (!m.entity) continue;
      let node = view.nodes[view.headOf(m)];
      // A conjunct of a subject is a subject ("Chile og Peru ..." : both).
      for (let guard = 0; guard < 6 && node && node.fn === 'conj'; guard++) node = view.nodes[node.gov];
      // The owner of a stand-in noun ("ukrainske soldater", "Iran's forces") takes the noun's place in its clause,
      // and its number: a plural stand-in is what a later "de"/"they" may mean.
      let plural = false;
      const standIn = node && (node.fn === 'amod' || node.fn === 'poss' || node.fn === 'compound') ? view.nodes[node.gov] : undefined;
      if (standIn && standIn.upos === 'NOUN' && !view.mentionAt[standIn.i] && frames.sets.proxy.has(standInLemma(view, standIn))) {
        plural = hasFeat(standIn, 'Number', 'Plur');
        node = standIn;
        for (let guard = 0; guard < 6 && node && node.fn === 'conj'; guard++) node = view.nodes[node.gov];
      }
      salience.add(m.entity, m.type, s.index, node?.fn === 'subj', plural);
    }
    // Coordinated parties in any role, for a later "begge land" / "the two countries".
    for (let k = 0; k < view.nodes.length; k++) {
      if (view.nodes[k]!.fn === 'conj' || !view.mentionAt[k]?.entity) continue;
      const parties = partiesOf(view, view.conjuncts(k));
      if (parties.length >= 2) salience.addParties(parties, s.index);
    }
    for (const f of found) if (!f.negated && !f.hypothetical && f.subject.entity !== f.object.entity) salience.addDeed(f.relation, f.subject.entity, f.subject.type, s.index);
    // Every verb of the sentence done by a named country or body, as fact, for "X launched a missile. Y condemned the launch".
    for (const v of view.nodes) {
      if (v.upos !== 'VERB' || v.passive) continue;
      // (Only a subject with a mention of its own can give a weight that high: the others are not looked at.)
      const subj = view.kids(v.i, 'subj').filter((c) => view.mentionAt[c.i]?.entity).map((c) => argOf(view, c.i, ['country', 'organization'], 0)).find((a) => a && a.weight >= 0.85);
      const said = subj ? assertionOf(view, v, false) : undefined;
      if (subj && said && !said.negated && !said.hypothetical) salience.addAct(v.lemma.toLowerCase(), subj.entity, subj.type, s.index);
    }
    const seen = new Set<string>();
    for (const f of found) {
      if (f.subject.entity === f.object.entity) continue;
      const key = `${f.subject.entity}\t${f.relation}\t${f.object.entity}\t${f.negated}\t${f.hypothetical}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const tok = s.tokens[f.trigger]!;
      const evidence: Evidence = {
        document: doc.id,
        sentence: doc.text.slice(s.start, s.end),
        start: tok.start,
        end: tok.end,
        trigger: tok.text,
        extractor: settings.extractor,
        frame: f.frame,
      };
      out.push({
        subject: f.subject.entity,
        relation: f.relation,
        object: f.object.entity,
        confidence: Math.round(f.confidence * 100) / 100,
        negated: f.negated,
        hypothetical: f.hypothetical,
        evidence: [evidence],
      });
    }
  }
  return out;
}

function hasPronoun(view: View): boolean {
  return view.nodes.some((n) => (n.upos === 'PRON' && view.frames.pronouns[n.form.toLowerCase()] !== undefined) || isGroupNoun(view, n) || isBareNumber(view, n));
}

/** The number a count word or digit says ("tre", "three", "4"; frames data: countWords). */
function countWord(view: View, d: GNode): number | undefined {
  return view.frames.sets.counts.get(d.form.toLowerCase()) ?? (/^[3-9]$/.test(d.form) ? Number(d.form) : undefined);
}

/** A number with its article and no noun, standing for parties just named: "De to ble enige", "the three agreed". */
function isBareNumber(view: View, n: GNode): boolean {
  // (The article right before it, wherever the parse hung it: "Dei to vart samde" with "Dei" on the verb.)
  const before = view.nodes[n.i - 1];
  const article = !!before && before.upos === 'DET' && (hasFeat(before, 'Definite', 'Def') || hasFeat(before, 'PronType', 'Dem'));
  if (n.upos !== 'NUM' || view.mentionAt[n.i] || !article || view.nodes[n.i + 1]?.upos === 'NOUN') return false;
  return view.frames.sets.pair.has(n.form.toLowerCase()) || countWord(view, n) !== undefined;
}

// ---- frames ----

/** The frames of a node: by lemma and part of speech; a noun also by the head of its compound. */
function framesOf(view: View, n: GNode): Frame[] {
  const pos = isVerb(n) ? 'verb' : n.upos === 'NOUN' || (n.upos === 'PROPN' && !view.mentionAt[n.i]) ? 'noun' : n.upos === 'ADJ' ? 'adj' : undefined;
  if (!pos) return [];
  const byKey = view.frames.byKey;
  // A reciprocal s-verb ("møtes", "slåss") is its own lemma, not a passive.
  if (n.rawLemma !== n.lemma) {
    const own = byKey.get(`${pos}:${n.rawLemma}`);
    if (own) {
      n.lemma = n.rawLemma;
      n.passive = false;
      return own;
    }
  }
  const direct = byKey.get(`${pos}:${n.lemma}`);
  if (direct) return direct;
  // (An English inflected verb the lemmatiser cut wrongly, "shelled" → "shel": the stems the form allows.)
  if (pos === 'verb' && view.frames.language === 'en') {
    for (const stem of englishStems(n.form.toLowerCase())) {
      const f = byKey.get(`verb:${stem}`);
      if (f) return f;
    }
  }
  // (A Norwegian verb form the lemmatiser kept as its own lemma, "roste", "fordømmer": the infinitives its ending
  // allows.)
  // (Only an inflected form: an infinitive is its own lemma, "beskytte" is no "beskyte".)
  if (pos === 'verb' && view.frames.language !== 'en' && n.lemma === n.form.toLowerCase() && !hasFeat(n, 'VerbForm', 'Inf') && (hasFeat(n, 'Tense', 'Past') || hasFeat(n, 'Tense', 'Pres') || hasFeat(n, 'VerbForm', 'Part'))) {
    for (const stem of norwegianStems(n.lemma)) {
      const f = byKey.get(`verb:${stem}`);
      if (f) return f;
    }
  }
  if (pos === 'verb' && n.upos === 'VERB') {
    // A participle the tagger read as an adjective is still found as a verb ("fordømte", "invaded").
  } else if (pos === 'adj') {
    return byKey.get(`verb:${n.lemma}`) ?? [];
  }
  if (pos !== 'noun') return [];
  const lemma = n.lemma;
  // A capitalised noun the tagger took for a name keeps its plural as lemma ("Talks", "Sanctions").
  if (view.frames.language === 'en' && n.upos === 'PROPN') {
    const singular = lemma.endsWith('ies') ? `${lemma.slice(0, -3)}y` : lemma.endsWith('s') ? lemma.slice(0, -1) : lemma;
    const f = byKey.get(`noun:${singular}`);
    if (f) return f;
  }
  // (An English plural the lemmatiser took for another word, "bases" → "basis": the singulars the form allows.)
  if (view.frames.language === 'en' && n.upos === 'NOUN' && hasFeat(n, 'Number', 'Plur')) {
    for (const stem of englishStems(n.form.toLowerCase())) {
      const f = byKey.get(`noun:${stem}`);
      if (f) return f;
    }
  }
  const dash = lemma.lastIndexOf('-');
  if (dash > 0) {
    const tail = byKey.get(`noun:${lemma.slice(dash + 1)}`);
    if (tail) return tail;
  }
  if (view.frames.language !== 'en') {
    // (A noun in -e loses it before an ending, "basar", "styrkar": a lemmatiser may keep the cut stem, "bas".)
    const cutE = /(?:ar|er|ane|ene|en|a)$/.test(n.form.toLowerCase()) && !lemma.endsWith('e');
    const withE = cutE ? byKey.get(`noun:${lemma}e`) : undefined;
    if (withE) return withE;
    for (const head of view.frames.nounHeads) {
      if (lemma.length - head.length >= 3 && lemma.endsWith(head)) return byKey.get(`noun:${head}`) ?? [];
      if (cutE && lemma.length + 1 - head.length >= 3 && `${lemma}e`.endsWith(head)) return byKey.get(`noun:${head}`) ?? [];
    }
  }
  return [];
}

/**
 * Is one of these nodes, or a conjunct of one ("fikk våpen, trening og penger"), one of the nouns or a compound ending
 * in one? (An English plural the lemmatiser kept, "troops", counts as its singular.)
 */
function namesNoun(view: View, nodes: readonly GNode[], nouns: ReadonlySet<string>): boolean {
  const forms = (o: GNode) => (view.frames.language === 'en' && o.lemma.endsWith('s') ? [o.lemma, o.lemma.slice(0, -1)] : [o.lemma]);
  return [...nodes, ...nodes.flatMap((o) => view.kids(o.i, 'conj'))].some((o) => forms(o).some((l) => nouns.has(l) || [...nouns].some((w) => l.endsWith(w))));
}

/** The infinitives a Norwegian verb form may have: "roste" → rose, "hyllet" → hylle, "kritiserer" → kritisere. */
function norwegianStems(form: string): string[] {
  const out: string[] = [];
  for (const suffix of ['dde', 'tte', 'te', 'de', 'et', 'er', 'ar', 'a', 'r']) {
    if (form.length > suffix.length + 2 && form.endsWith(suffix)) {
      const stem = form.slice(0, -suffix.length);
      out.push(`${stem}e`, `${stem}a`);
      if (/(.)\1$/.test(stem)) out.push(`${stem.slice(0, -1)}e`);
    }
  }
  return out;
}

/** The stems an English verb form may have: "shelled" → shell, shelle; "tried" → try; "shelling" → shell. */
function englishStems(form: string): string[] {
  const out: string[] = [];
  for (const [suffix, repl] of [['ied', 'y'], ['ies', 'y'], ['ed', ''], ['ed', 'e'], ['ing', ''], ['ing', 'e'], ['es', ''], ['s', '']] as const) {
    if (form.length > suffix.length + 2 && form.endsWith(suffix)) out.push(form.slice(0, -suffix.length) + repl);
  }
  return out;
}

function frameRelations(view: View): Found[] {
  const out: Found[] = [];
  for (const n of view.nodes) {
    if (view.mentionAt[n.i] && n.upos === 'PROPN') continue;
    const frames = framesOf(view, n);
    if (frames.length === 0) continue;
    for (const f of frames) out.push(...runFrame(view, n, f));
  }
  out.push(...accusations(view, out));
  out.push(...obligations(view));
  out.push(...compoundParticiples(view));
  out.push(...view.memberList);
  out.push(...ownedWeapons(view));
  return out;
}

/**
 * A weapon with its owner in the noun phrase, as a genitive or a possessive ("Greece's Rafale fighters", "its F-16
 * jets", "Norges F-35-kampfly"): the owner has it (ONTOLOGY.md: deploys, "deploys or possesses"). A demonym is no
 * owner here: "the Russian S-400" may say who made it.
 */
function ownedWeapons(view: View): Found[] {
  const out: Found[] = [];
  const seen = new Set<string>();
  for (let k = 0; k < view.nodes.length; k++) {
    let m = view.mentionAt[k];
    // (A weapon's name inside a compound with a weapon noun, "F-35-kampflyene"; not "F-35-programmet".)
    if (!m && view.prefixAt[k]?.type === 'weapon') {
      const p = view.prefixAt[k]!;
      const tok = view.sentence.tokens[k]!;
      const rest = tok.text.slice(p.end - tok.start).replace(/^[-‐]/, '').toLowerCase();
      if (p.start === tok.start && isWeaponNounForm(view, rest)) m = p;
    }
    if (!m?.entity || m.type !== 'weapon') continue;
    // The weapon's name, or the noun it names ("Rafale fighters": the owner may hang on either).
    const n = view.nodes[k]!;
    const g = view.nodes[n.gov];
    const heads = [n, ...(g && g.upos === 'NOUN' && g.i > k && g.i <= k + 3 && (n.fn === 'compound' || n.fn === 'flat' || n.fn === 'amod') ? [g] : [])];
    for (const h of heads) {
      // A state's adjective right before the weapon's name or on its noun ("two Russian Tu-95 bombers", "russiske
      // Iskander-raketter") is its user, unless a word of making, buying or handing over governs the phrase: "bought
      // Russian S-400s" says who made them (frames data: transferWords).
      const demonym = [view.mentionAt[m.tokenStart - 1], ...view.kids(h.i, 'amod').map((c) => view.mentionAt[c.i])].find((x) => x?.entity && x.form === 'demonym' && x.type === 'country');
      if (demonym && demonym.entity !== m.entity && !seen.has(demonym.entity + m.entity) && view.kids(h.i, 'poss').length === 0 && adjacentGenitive(view, h) === undefined && !underTransfer(view, h)) {
        seen.add(demonym.entity + m.entity);
        out.push({ relation: 'deploys', subject: { entity: demonym.entity!, type: 'country', node: demonym.tokenStart, weight: 0.8 }, object: { entity: m.entity, type: m.type, node: k, weight: 1 }, trigger: k, frame: `${view.frames.language}:owned-weapon:deploys`, confidence: 0.6, negated: false, hypothetical: false });
        continue;
      }
      // (Else only a genitive or a possessive.)
      if (view.kids(h.i, 'poss').length === 0 && adjacentGenitive(view, h) === undefined) continue;
      const owner = ownerOf(view, h);
      if (!owner || owner.entity === m.entity || seen.has(owner.entity + m.entity)) continue;
      seen.add(owner.entity + m.entity);
      out.push({ relation: 'deploys', subject: { ...owner, node: h.i, weight: 0.8 }, object: { entity: m.entity, type: m.type, node: k, weight: 1 }, trigger: k, frame: `${view.frames.language}:owned-weapon:deploys`, confidence: 0.7, negated: false, hypothetical: false });
    }
  }
  return out;
}

/**
 * Is a word (lower case) a weapon noun of the lexicon (weaponNouns), or in Norwegian an inflected form or a compound
 * ending in one ("flyene", "bombeflyet" for "fly")?
 */
function isWeaponNounForm(view: View, w: string): boolean {
  const nouns = view.lang.lexicon.weaponNouns ?? [];
  if (nouns.includes(w)) return true;
  if (view.frames.language === 'en') return false;
  for (const e of ['ene', 'ane', 'er', 'ar', 'et', 'en', 'a', '']) {
    if (!w.endsWith(e) || w.length - e.length < 3) continue;
    const stem = w.slice(0, w.length - e.length);
    if (nouns.some((n) => stem === n || (stem.endsWith(n) && stem.length - n.length >= 3))) return true;
  }
  return false;
}

/** Is a word of making, buying or handing over (frames data: transferWords) among the three words above node h? */
function underTransfer(view: View, h: GNode): boolean {
  const transfer = view.frames.sets.transfer;
  for (let cur = view.nodes[h.gov], guard = 0; cur && guard < 3; cur = view.nodes[cur.gov], guard++) {
    if (transfer.has(cur.lemma.toLowerCase())) return true;
    if (isVerb(cur)) break;
  }
  return false;
}

/**
 * A body's members listed in apposition to its name: after a dash, colon or bracket ("the Quad — the United States,
 * India, Japan and Australia —"), or after a bloc noun and its preposition ("the Quad, the grouping of A, B and C";
 * frames data: blocNouns). Read from the words, as the parse often makes such a list conjuncts of the name. The list
 * is two or more states or bodies, joined by commas and one "and", and it ends the apposition (a closing dash or
 * bracket, a comma, or the sentence's end): "NATO — the United States said ..." lists nobody.
 */
function memberLists(view: Pick<View, 'sentence' | 'nodes' | 'mentionAt' | 'frames' | 'headOf'>): Found[] {
  const toks = view.sentence.tokens;
  const out: Found[] = [];
  const member = (m: Mention | undefined) => !!m?.entity && (m.type === 'country' || m.type === 'organization') && m.form !== 'demonym' && m.form !== 'genitive';
  const and = view.frames.language === 'en' ? 'and' : 'og';
  for (let b = 0; b < view.nodes.length; b++) {
    const body = view.mentionAt[b];
    if (!body?.entity || body.type !== 'organization' || body.tokenEnd !== b) continue;
    let k = b + 1;
    const sep = toks[k]?.text;
    if (sep === undefined) continue;
    const opened = /^[—–:(-]$/.test(sep);
    if (!opened && sep !== ',') continue;
    k++;
    // (After a comma only a bloc noun and its preposition open the list: "NATO, the US and France" is a list of its own.)
    let bloc = false;
    for (let j = k; j < Math.min(k + 4, toks.length); j++) {
      const n = view.nodes[j]!;
      if (view.frames.sets.bloc.has(n.lemma.toLowerCase()) && /^(of|av)$/i.test(toks[j + 1]?.text ?? '') && view.nodes.slice(k, j).every((x) => x.upos === 'DET' || x.upos === 'ADJ')) {
        bloc = true;
        k = j + 2;
        break;
      }
    }
    if (!opened && !bloc) continue;
    const listed: Mention[] = [];
    let ands = 0;
    let end = -1;
    while (k < toks.length) {
      const t = toks[k]!.text;
      const m = view.mentionAt[k] ?? view.mentionAt[view.nodes.findIndex((_, x) => x >= k && view.mentionAt[x]?.tokenStart === k)];
      if (m && m.tokenStart === k && member(m)) {
        listed.push(m);
        k = m.tokenEnd + 1;
        continue;
      }
      if (t.toLowerCase() === 'the' && view.frames.language === 'en') {
        k++;
        continue;
      }
      if (t === ',' || t.toLowerCase() === and) {
        if (t.toLowerCase() === and) ands++;
        // (A comma after the last member closes a bloc noun's apposition.)
        if (t === ',' && bloc && ands > 0) {
          end = k;
          break;
        }
        k++;
        continue;
      }
      end = k;
      break;
    }
    if (end < 0) end = toks.length;
    const closer = toks[end]?.text;
    const closes = end >= toks.length || /^[.!?]$/.test(closer ?? '') && end === toks.length - 1 || (opened ? (sep === '(' ? closer === ')' : closer === sep || (sep !== ':' && /^[—–-]$/.test(closer ?? ''))) : closer === ',');
    // (The words end right after a member, the last one after the "and".)
    const lastEnd = listed.at(-1)?.tokenEnd;
    if (listed.length < 2 || ands !== 1 || !closes || lastEnd === undefined || lastEnd !== end - 1) continue;
    for (const m of listed) {
      if (m.entity === body.entity) continue;
      const subject = { entity: m.entity!, type: m.type, node: view.headOf(m), weight: 1 };
      out.push({ relation: 'member_of', subject, object: { entity: body.entity, type: body.type, node: b, weight: 1 }, trigger: b, frame: `${view.frames.language}:member-list:member_of`, confidence: 0.8, negated: false, hypothetical: false });
    }
  }
  return out;
}

/**
 * A name and a past participle in one compound, before a noun ("Iran-backed Houthis", "the U.S.-led coalition", "a
 * U.S.-brokered truce", "de USA-ledede styrkene", "Moscow-backed separatists"): the noun phrase says what the
 * passive clause would ("the Houthis are backed by Iran"). The participle's verb frames whose subject is the agent and
 * whose object the patient relate the name to the noun.
 * What the phrase says of its noun holds whatever the clause around it says (no negation or modality from there).
 */
function compoundParticiples(view: View): Found[] {
  const lemmas = view.participleLemmas;
  if (!lemmas) return [];
  const out: Found[] = [];
  const toks = view.sentence.tokens;
  for (const n of view.nodes) {
    const k = n.i;
    const tok = toks[k]!;
    let name: Mention | undefined;
    let part: string | undefined;
    const inside = view.prefixAt[k];
    if (inside?.entity && inside.start === tok.start) {
      // ("Iran-backed": the name, a hyphen, the participle, in one token.)
      const rest = tok.text.slice(inside.end - tok.start);
      const m = /^[-‐]([\p{Ll}]{3,})$/u.exec(rest);
      if (m) [name, part] = [inside, m[1]];
    } else if (k >= 2 && /^[-‐]$/.test(toks[k - 1]!.text) && toks[k - 1]!.start === toks[k - 2]!.end && tok.start === toks[k - 1]!.end && /^\p{Ll}{3,}$/u.test(tok.text)) {
      // ("U.S.-led": the name, the hyphen and the participle as tokens of their own, written together.)
      const m = view.mentionAt[k - 2];
      if (m?.entity && m.tokenEnd === k - 2) [name, part] = [m, tok.text];
    }
    // (Where a thing is based is read apart, with its own words: basedSuffixes in roleRelations.)
    if (!name || !part || /(?:ing|ende)$/.test(part) || view.frames.sets.based.some((x) => part!.endsWith(x))) continue;
    // The noun the compound modifies: its head in the tree, after it.
    const g = view.nodes[n.gov];
    if (!g || g.i <= k || g.i > k + 3 || !(n.fn === 'amod' || n.fn === 'compound' || n.fn === 'acl' || n.fn === 'other') || !['NOUN', 'PROPN'].includes(g.upos)) continue;
    // The noun's own entity: a name, a role noun the resolver read, a name in its compound ("the Rwanda-backed M23
    // rebels") or one it stands in apposition to ("X, an Iran-backed group"). Never the owner a force noun stands
    // for ("den Kenya-leidde styrken i Haiti" is led by Kenya; Haiti is where it is).
    const nounArgs = (types: EntityType[]): Arg[] => {
      const at = (m: Mention | undefined, node: number, weight: number): Arg[] => (m?.entity && types.includes(m.type) ? [{ entity: m.entity, type: m.type, node, weight }] : []);
      const own = at(view.mentionAt[g.i], g.i, 1);
      if (own.length > 0) return own;
      const inner = view.kids(g.i, 'compound', 'flat').flatMap((c) => at(view.mentionAt[c.i], c.i, 0.9));
      if (inner.length > 0) return inner;
      return g.fn === 'appos' ? at(view.mentionAt[g.gov], g.gov, 0.9) : [];
    };
    const frames = [...new Set(lemmas(part.toLowerCase()))].filter((l) => l !== part).flatMap((l) => view.frames.byKey.get(`verb:${l}`) ?? []);
    for (const f of frames) {
      if (f.particle || f.objectNoun || f.withClause || f.reflexive || f.mutual) continue;
      const nameArg = (types: EntityType[]): Arg[] => {
        if (types.includes(name!.type)) return [{ entity: name!.entity!, type: name!.type, node: k, weight: 0.9 }];
        // (A capital stands for its state: "Moscow-backed".)
        const state = name!.type === 'location' && name!.kbId && view.stateOf ? view.stateOf(name!.kbId) : undefined;
        return state && types.includes(state.type) ? [{ ...state, node: k, weight: 0.85 }] : [];
      };
      // (A weapon's maker is no relation of the weapon's user: "French-built Rafale jets", "Russian-made drones".)
      if (!f.subject.includes('subj') || !f.object.includes('obj') || f.objectTypes.every((t) => t === 'weapon')) continue;
      const subjects = nameArg(f.subjectTypes);
      const objects = nounArgs(f.objectTypes);
      for (const sj of subjects) {
        for (const o of objects) {
          if (sj.entity === o.entity || o.type === 'weapon' || !f.subjectTypes.includes(sj.type) || !f.objectTypes.includes(o.type)) continue;
          out.push({ relation: f.relation, subject: sj, object: o, trigger: k, frame: f.id, confidence: 0.8 * Math.min(sj.weight, o.weight), negated: false, hypothetical: false });
        }
      }
    }
  }
  return out;
}

/**
 * An obligation in reported speech: "X sa at Y må trekke seg ut", "Y must withdraw, X said" is X demanding of Y
 * (the obligation modals are data: frames file, obligationModals). The obliged act itself stays unreal (modality).
 */
function obligations(view: View): Found[] {
  const sets = view.frames.sets;
  if (sets.obligation.size === 0) return [];
  const out: Found[] = [];
  const types = RELATION_ARGUMENT_TYPES.demands;
  for (const g of view.nodes) {
    if (!isVerb(g) || !sets.reporting.has(g.lemma)) continue;
    const speakers = subjectOf(view, g).flatMap((k) => argsOf(view, k, types.subject));
    if (speakers.length === 0) continue;
    const negated = view.kids(g.i, 'neg').length > 0;
    const claimed = [...view.kids(g.i, 'comp'), ...(view.nodes[g.gov] && parentheticalClaims(view, view.nodes[g.gov]!, sets.reporting).includes(g) ? [view.nodes[g.gov]!] : [])];
    for (const c of claimed) {
      for (const v of [c, ...view.kids(c.i, 'conj')]) {
        // (Active: "Y må straffes" asks nothing of Y. The modal is an auxiliary, or a verb with its infinitive: "lyt trekkje".)
        const modal = v.aux.some((a) => sets.obligation.has(a)) || (sets.obligation.has(v.lemma) && view.kids(v.i, 'xcomp').some((x) => isVerb(x) && !x.passive));
        if (!isVerb(v) || v.passive || !modal) continue;
        for (const o of subjectOf(view, v).flatMap((k) => argsOf(view, k, types.object))) {
          for (const s of speakers) {
            if (s.entity === o.entity) continue;
            out.push({ relation: 'demands', subject: s, object: o, trigger: v.i, frame: `${view.frames.language}:obligation:demands`, confidence: 0.7, negated, hypothetical: false });
          }
        }
      }
    }
  }
  return out;
}

/**
 * An accusation: a claim that someone did wrong ("X hevder at Y har brutt avtalen", "X claims Y attacked Z") is X
 * criticising Y, while the wrong itself stays a claim (hypothetical). The claim verbs and the relations that are
 * wrongs are data (frames file: accusationVerbs, accusableRelations).
 */
function accusations(view: View, found: Found[]): Found[] {
  const out: Found[] = [];
  const sets = view.frames.sets;
  for (const g of view.nodes) {
    if (!isVerb(g) || !sets.accusation.has(g.lemma)) continue;
    const claimants = subjectOf(view, g).flatMap((k) => argsOf(view, k, RELATION_ARGUMENT_TYPES.criticizes.subject));
    if (claimants.length === 0) continue;
    const negated = view.kids(g.i, 'neg').length > 0;
    // The claimed clause: a that-clause, or the clause a claim is tagged on to ("..., hevder USA").
    const claimed = [...view.kids(g.i, 'comp'), ...(view.nodes[g.gov] && parentheticalClaims(view, view.nodes[g.gov]!).includes(g) ? [view.nodes[g.gov]!] : [])];
    for (const c of claimed) {
      for (const f of found) {
        if (f.trigger !== c.i || !sets.accusable.has(f.relation)) continue;
        for (const a of claimants) {
          if (a.entity === f.subject.entity || !RELATION_ARGUMENT_TYPES.criticizes.object.includes(f.subject.type)) continue;
          out.push({ relation: 'criticizes', subject: a, object: f.subject, trigger: g.i, frame: `${view.frames.language}:accusation:criticizes`, confidence: 0.7, negated, hypothetical: false });
        }
      }
    }
  }
  return out;
}

function hasParticle(view: View, n: GNode, particle: string): boolean {
  // A particle hangs from the verb, or from the preposition after it ("står sammen med": sammen under med).
  const near = (w: string) =>
    view.nodes.some((c) => {
      if (c.lemma !== w || c.i <= n.i - 1 || c.i > n.i + 6 || !['ADV', 'ADP', 'PART', 'ADJ', 'NOUN'].includes(c.upos)) return false;
      const g = view.nodes[c.gov];
      return c.gov === n.i || (!!g && (g.gov === n.i || view.nodes[g.gov]?.gov === n.i));
    });
  return particle.split(' ').every(near);
}

/**
 * Does a naming verb say its object is something that condemns it: a predicative ("called the strikes a violation",
 * "kalte vedtaket ulovlig") or an "as"/"som" phrase ("described the move as a provocation", "beskrev det som et
 * brudd") whose word is one of the frames' condemningPredicates, or, in Norwegian, a compound ending in one
 * ("hybridangrep")?
 */
function condemnedAs(view: View, n: GNode): boolean {
  const words = view.frames.sets.condemning;
  const compounds = view.frames.language !== 'en';
  const word = (c: GNode) => {
    const lemma = c.lemma.toLowerCase();
    if (words.has(lemma)) return true;
    return compounds && c.upos === 'NOUN' && [...words].some((w) => w.length >= 4 && lemma.length > w.length + 2 && lemma.endsWith(w));
  };
  // (Or an adjective of it does: "en aggressiv allianse", "a hostile act".)
  const condemns = (c: GNode) => word(c) || view.kids(c.i, 'amod').some(word);
  const as = view.frames.sets.asMarks;
  for (const c of view.kids(n.i, 'pred', 'xcomp', 'obl', 'advcl', 'other')) {
    if (c.i < n.i || isVerb(c)) continue;
    if ((c.fn === 'pred' || c.fn === 'xcomp') && condemns(c)) return true;
    if ((as.has(c.prep) || c.marks.some((m) => as.has(m))) && condemns(c)) return true;
  }
  return false;
}

function runFrame(view: View, n: GNode, f: Frame): Found[] {
  if (f.particle && !hasParticle(view, n, f.particle)) return [];
  // The clause follows the verb: a quote before "told Reuters" is what was said, not what was asked.
  if (f.withClause && !view.kids(n.i, 'xcomp', 'comp').some((c) => c.i > n.i) && !view.kids(n.i, 'advcl', 'obl').some((c) => c.i > n.i && isVerb(c) && c.marks.length > 0)) return [];
  if (f.condemningPredicate && !condemnedAs(view, n)) return [];
  const reflexive = view.kids(n.i, 'obj').some((c) => view.frames.sets.reflexive.has(c.lemma));
  if (f.reflexive && !reflexive) return [];
  if (f.objectNoun) {
    const objs = [...view.kids(n.i, 'obj'), ...(n.passive ? view.kids(n.i, 'subj') : [])];
    if (!namesNoun(view, objs, f.objectNoun)) return [];
  }
  // (A subject noun: the active verb's subject is one of these nouns or a compound of one.)
  if (f.subjectNoun && (n.passive || !namesNoun(view, view.kids(n.i, 'subj'), f.subjectNoun))) return [];
  const isNoun = f.pos === 'noun';
  const via: { path?: RolePath } = {};
  let subjects = collect(view, n, f.subject, f, 'subject', isNoun, via);
  if (f.jointSubjects && new Set(subjects.map((x) => x.entity)).size < 2) return [];
  let objects = collect(view, n, f.object, f, 'object', isNoun);
  // A reciprocal object ("anklager hverandre", "accused each other"): the subjects, each of the others.
  if (subjects.length >= 2 && view.kids(n.i, 'obj', 'iobj', 'obl').some((c) => hasFeat(c, 'PronType', 'Rcp'))) objects = subjects;
  // A particle the parse read as a preposition ("sa opp avtalen": "opp avtalen" as one phrase): its complement is the object.
  if (objects.length === 0 && f.particle && !isNoun && !n.passive && f.object.includes('obj')) {
    objects = collect(view, n, [`obl:${f.particle.split(' ').at(-1)!}` as RolePath], f, 'object', isNoun);
  }
  // "fired missiles at X" with the target's phrase hung on the weapon noun: the object noun's phrase with the frame's
  // preposition is the verb's.
  if (objects.length === 0 && f.objectNoun && !isNoun) {
    const preps = new Set(f.object.filter((p) => p.startsWith('obl:')).map((p) => p.slice(4)));
    const held = view.kids(n.i, 'obj').flatMap((o) => view.kids(o.i, 'nmod').filter((c) => preps.has(c.prep)));
    objects = dedupe(held.flatMap((c) => argsOf(view, c.i, f.objectTypes)));
    if (objects.length === 0 && f.relation === 'attacks') objects = dedupe(held.flatMap((c) => targetOwner(view, c.i, f.objectTypes)));
  }
  // "SADC, der Madagaskar er medlem", "the forum, where both are members": membership in the clause's antecedent.
  if (objects.length === 0 && isNoun && f.relation === 'member_of') {
    const clause = n.fn === 'relcl' ? n : n.fn === 'pred' && view.nodes[n.gov]?.fn === 'relcl' ? view.nodes[n.gov]! : undefined;
    if (clause && clause.marks.some((m) => view.frames.sets.placeRelative.has(m)) || (clause && view.kids(clause.i, 'advmod').some((c) => view.frames.sets.placeRelative.has(c.lemma)))) {
      objects = dedupe(antecedent(view, clause!).flatMap((k) => argsOf(view, k, f.objectTypes)));
    } else if (view.kids(n.i, 'advmod').some((c) => c.i < n.i && view.frames.sets.placeRelative.has(c.lemma)) && view.nodes[n.gov] && view.nodes[n.gov]!.i < n.i && view.sentence.tokens[view.kids(n.i, 'advmod')[0]!.i - 1]?.text === ',') {
      // (The parse may hang the clause's noun on the name itself: "the Forum, where X and Y are members".)
      objects = dedupe(argsOf(view, n.gov, f.objectTypes));
    }
  }
  // The receiving end of a deed or stance noun: "Venezuela drew criticism from Brazil", "faced U.S. sanctions", "came
  // under attack from X", "Cuba er under amerikanske sanksjoner". The noun's actor is its source phrase or its owner,
  // its target the clause's subject (frames data: receivingVerbs, receivingPrepositions).
  let receivedBy: GNode | undefined;
  if (isNoun && objects.length === 0 && view.frames.sets.receivable.has(f.relation)) {
    const r = receivingClause(view, n);
    if (r) {
      const from = [...view.kids(n.i, 'nmod'), ...(r.verb ? view.kids(r.verb.i, 'obl') : [])].filter((c) => view.frames.sets.source.has(c.prep));
      const actors = dedupe([...from.flatMap((c) => argsOf(view, c.i, f.subjectTypes)), ...collect(view, n, ['poss'], f, 'subject', true)]);
      const targets = dedupe(r.targets.flatMap((k) => argsOf(view, k, f.objectTypes)));
      if (actors.length > 0 && targets.length > 0) {
        subjects = actors;
        objects = targets;
        receivedBy = r.verb;
      }
    }
  }
  if (f.reflexive) objects = objects.filter((o) => !view.frames.sets.reflexive.has(view.nodes[o.node]!.lemma));
  let assertion = assertionOf(view, n, isNoun);
  // A deal agreed on is as real as the agreeing: "agreed to buy radars from X", "signerte en avtale om å kjøpe fly fra
  // X" (the purchase itself is still to come; the agreement with X is made).
  if (f.relation === 'agrees_with' && assertion.hypothetical) {
    for (let cur: GNode | undefined = view.nodes[n.gov], guard = 0; cur && guard < 3; cur = view.nodes[cur.gov], guard++) {
      if (framesOf(view, cur).some((g) => g.relation === 'agrees_with')) {
        assertion = assertionOf(view, cur, !isVerb(cur));
        break;
      }
    }
  }
  // A noun whose actor is the subject of the verb it depends on ("skal bistå med trening av X") is as real as that verb;
  // so is a deed received ("did not face sanctions from X").
  const gov = view.nodes[n.gov];
  for (const verb of [isNoun && via.path === 'head:subj' && gov && isVerb(gov) ? gov : undefined, receivedBy]) {
    if (!verb) continue;
    const v = assertionOf(view, verb, false);
    assertion.negated ||= v.negated;
    assertion.hypothetical ||= v.hypothetical;
  }
  // A deed claimed is as real as the claim; one denied did not happen by the words ("denied responsibility for the
  // attack"; frames data: denialVerbs).
  const claimedBy = isNoun && via.path === 'support' ? responsibilityVerb(view, n) : undefined;
  if (claimedBy) {
    const v = assertionOf(view, claimedBy, false);
    assertion.negated ||= v.negated || view.frames.sets.denial.has(claimedBy.lemma);
    assertion.hypothetical ||= v.hypothetical;
  }
  // "Neither X nor Y condemned ...", "no country attacked ...": a negated subject negates the clause.
  const negDet = view.frames.sets.negDet;
  for (const sj of subjects) {
    const node = view.nodes[sj.node];
    const first = node && node.fn === 'conj' ? view.nodes[node.gov] : node;
    for (const x of [node, first]) if (x && view.kids(x.i, 'cc', 'det', 'advmod', 'neg').some((c) => negDet.has(c.lemma))) assertion.negated = true;
    // (However the parse attached it: the word right before the subject's name, or before its article, "Verken USA
    // eller Israel er ...", "Neither the US nor Israel is ...".)
    const m = view.mentionAt[sj.node];
    const toks = view.sentence.tokens;
    if (m && m.tokenStart > 0) {
      const before = [toks[m.tokenStart - 1]!, ...(m.tokenStart > 1 && view.nodes[m.tokenStart - 1]!.upos === 'DET' ? [toks[m.tokenStart - 2]!] : [])];
      if (before.some((t) => negDet.has(t.text.toLowerCase()) && t.text.toLowerCase() !== 'no')) assertion.negated = true;
    }
  }
  const out: Found[] = [];
  const push = (s: Arg, o: Arg, base: number) => {
    if (s.entity === o.entity) return;
    if (!f.subjectTypes.includes(s.type) || !f.objectTypes.includes(o.type)) return;
    // (Only participants meet: the owner a thing stands for does not, "mottar russisk gass" meets nobody.)
    if (f.relation === 'meets' && Math.min(s.weight, o.weight) <= 0.6) return;
    // (A state is where it is: its own forces in its own city are no presence abroad worth a relation.)
    if (f.relation === 'deployed_in' && s.type === 'country' && o.type === 'location') {
      const kbId = view.mentionAt[o.node]?.kbId;
      if (kbId && view.stateOf?.(kbId)?.entity === s.entity) return;
    }
    out.push({ relation: f.relation, subject: s, object: o, trigger: n.i, frame: f.id, confidence: base * Math.min(s.weight, o.weight), ...assertion });
  };
  for (const s of subjects) for (const o of objects) push(s, o, isNoun ? 0.8 : 0.9);
  // A deed done to nothing the document names ("X attacked a cargo ship") is still X's deed: what a later "the
  // attack" may mean (Salience.deed).
  // (So is one named by a noun with its support verb: "Angrepet ble utført av JNIM", "carried out an attack".)
  if (objects.length === 0 && (!isNoun || via.path === 'support') && !f.mutual && !assertion.negated && !assertion.hypothetical) {
    for (const s of subjects) if (s.weight >= 0.7 && f.subjectTypes.includes(s.type)) view.context.addDeed(f.relation, s.entity, s.type, view.sentence.index);
  }
  if (f.mutual && objects.length === 0) {
    // "X og Y forhandler", "talks between X and Y": the coordinated parties relate to each other.
    // (Partners are on the subject's side: "kjemper sammen med hæren" fights nobody in the army.)
    // (In a joint act the partner is the counterpart: "samarbeider sammen med Sverige", "negotiated together with X".)
    const partnerNodes = new Set(isNoun ? [] : partners(view, n));
    const own = subjects.filter((x) => !partnerNodes.has(x.node));
    const between = own.length >= 2 ? own : collect(view, n, view.frames.betweenPaths, f, 'object', isNoun);
    const parties = between.length >= 2 || f.relation === 'fights' ? between : subjects;
    // (A relation that is not symmetric holds both ways: "X og Y kjemper", "X and Y exchanged fire".)
    const both = !SYMMETRIC_RELATIONS.includes(f.relation);
    for (let a = 0; a < parties.length; a++) {
      for (let b = a + 1; b < parties.length; b++) {
        push(parties[a]!, parties[b]!, 0.85);
        if (both) push(parties[b]!, parties[a]!, 0.85);
      }
    }
  }
  return out;
}

/** The arguments on a frame's role paths, in the order given (the first path that yields anything wins). */
function collect(view: View, n: GNode, paths: RolePath[], f: Frame, role: 'subject' | 'object', isNoun: boolean, via?: { path?: RolePath }): Arg[] {
  for (const p of paths) {
    const nodes = roleNodes(view, n, p, isNoun, f.particle);
    let args = nodes.flatMap((k) => argsOf(view, k, role === 'subject' ? f.subjectTypes : f.objectTypes));
    // What is struck, when it names nothing, is where it is or whose it is: "bombet flere mål i Khan Younis", "fired
    // missiles at nine sites in Pakistan", "angreip stillingar til SPLM-IO", "struck the gang's camps".
    // (So is where a force is or what it holds: "kontrollerer store områder nordøst i landet", "holds five hilltops in
    // southern Lebanon".)
    if (args.length === 0 && role === 'object' && (f.relation === 'attacks' || f.relation === 'deployed_in')) args = nodes.flatMap((k) => targetOwner(view, k, f.objectTypes, f.relation === 'deployed_in'));
    const unique = dedupe(args);
    if (unique.length > 0) {
      if (via) via.path = p;
      return unique;
    }
  }
  return [];
}

const OPENING_QUOTES = new Set(['«', '“', '„', '‘']);
const CLOSING_QUOTES = new Set(['»', '”', '’']);

/**
 * The speaker of the quote that token k stands in: the sentence opens a direct quote (a quotation mark before k that
 * is not closed before it, or a leading dash), and a reporting verb outside the quote (frames data: reportingVerbs)
 * has a subject that names someone. A quote of several sentences, or none, has no speaker here.
 */
function speakerOf(view: View, k: number, depth: number): Arg | undefined {
  const toks = view.sentence.tokens;
  let open = -1;
  for (let i = 0; i < k; i++) {
    const t = toks[i]!.text;
    if (OPENING_QUOTES.has(t) || (t === '"' && open < 0)) open = i;
    else if (CLOSING_QUOTES.has(t) || t === '"') open = -1;
  }
  const dash = open < 0 && /^[–—-]$/.test(toks[0]?.text ?? '');
  if (open < 0 && !dash) return undefined;
  // Where the quote ends: its closing mark, or for a dash quote the comma before the reporting verb.
  let close = toks.length;
  if (!dash) {
    for (let i = k + 1; i < toks.length; i++) if (CLOSING_QUOTES.has(toks[i]!.text) || toks[i]!.text === '"') { close = i; break; }
  }
  for (const v of view.nodes) {
    if (!isVerb(v) || !view.frames.sets.reporting.has(v.lemma)) continue;
    const outside = dash ? v.i > k && toks[v.i - 1]?.text === ',' : v.i > close || v.i < open;
    if (!outside) continue;
    for (const sj of subjectOf(view, v)) {
      if (view.nodes[sj]?.upos === 'PRON' && !view.mentionAt[sj]) continue;
      const a = argOf(view, sj, ['person', 'organization', 'country'], depth + 1);
      if (a) return { ...a, weight: Math.min(a.weight, 0.85) };
    }
  }
  return undefined;
}

/** The place or owner of a common noun that names nothing (collect: the targets of an attack). */
function targetOwner(view: View, k: number, types: EntityType[], placeOnly = false): Arg[] {
  const node = view.nodes[k];
  if (!node || node.upos !== 'NOUN' || view.mentionAt[k]) return [];
  const out: Arg[] = [];
  // (The place phrase right after the noun, wherever the parse hung it: "struck nine sites in Pakistan" with "in
  // Pakistan" on the verb.)
  const next = view.nodes[k + 1];
  const after = next && next.fn === 'case' ? view.nodes[next.gov] : undefined;
  const near = after && after.fn === 'obl' && after.i > k && !view.kids(k, 'nmod').includes(after) ? [after] : [];
  for (const c of [...view.kids(k, 'nmod', 'poss'), ...near]) {
    const m = view.mentionAt[c.i];
    if (!m?.entity || m.form === 'demonym') continue;
    const place = (c.fn === 'nmod' || c.fn === 'obl') && (view.frames.sets.placePreps.has(c.prep) || view.frames.sets.vicinity.has(c.prep)) && (m.type === 'location' || m.type === 'country');
    const owner = !placeOnly && (c.fn === 'poss' || view.frames.sets.ownerPreps.has(c.prep) || view.frames.sets.possessive.has(c.prep)) && (m.type === 'organization' || m.type === 'country');
    if (!place && !owner) continue;
    // (A place the knowledge base puts in no state is a sea or a region: "a tanker in the Red Sea" is no attack on it.)
    if (place && m.type === 'location' && m.kbId && view.stateOf && !view.stateOf(m.kbId)) continue;
    const a = argOf(view, c.i, types, 1);
    if (a) out.push({ ...a, weight: Math.min(a.weight, 0.8) });
  }
  return out;
}

function dedupe(args: Arg[]): Arg[] {
  const seen = new Map<string, Arg>();
  for (const a of args) {
    const cur = seen.get(a.entity);
    if (!cur || a.weight > cur.weight) seen.set(a.entity, a);
  }
  return [...seen.values()];
}

/** The tree nodes on one role path of word n (before entities are looked up). */
function roleNodes(view: View, n: GNode, p: RolePath, isNoun: boolean, particle?: string): number[] {
  if (isNoun) return nounRoleNodes(view, n, p);
  // Verbs (and participles used as adjectives): passive swaps the subject and the object.
  const passive = n.passive;
  if (p === 'subj') {
    if (passive) return agentOf(view, n);
    return subjectOf(view, n);
  }
  if (p === 'obj') {
    if (passive) return subjectOf(view, n);
    const objs = view.kids(n.i, 'obj').map((c) => c.i);
    if (objs.length > 0) return objs;
    const subjKids = view.kids(n.i, 'subj');
    const objectRel = objectRelative(view, n);
    if (objectRel) return relativeAntecedent(view, objectRel.i, n);
    if (subjKids.length >= 2) {
      const rel = subjKids.filter((c) => isClauseRelative(view, c));
      if (rel.length > 0) return rel.map((c) => c.i);
    }
    // A lone indirect object is the object ("urged Iran to release ...", a controller the parse labelled iobj).
    const iobjs = view.kids(n.i, 'iobj').map((c) => c.i);
    if (iobjs.length > 0) return iobjs;
    return objectGap(view, n);
  }
  if (p === 'iobj') return view.kids(n.i, 'iobj').map((c) => c.i);
  if (p === 'comp:subj') return view.kids(n.i, 'comp').flatMap((c) => subjectOf(view, c));
  // Who the verb's infinitive acts on: "truet med å angripe Ukraina", "threatened to impose sanctions on Taiwan".
  if (p === 'inf:obj') {
    const out: number[] = [];
    for (const c of view.kids(n.i, 'xcomp', 'advcl', 'obl')) {
      if (!isVerb(c) || !hasFeat(c, 'VerbForm', 'Inf') || c.passive || view.kids(c.i, 'subj').length > 0) continue;
      for (const o of view.kids(c.i, 'obj')) out.push(o.i, ...view.kids(o.i, 'nmod').map((x) => x.i));
      for (const o of view.kids(c.i, 'obl')) out.push(o.i);
    }
    return out;
  }
  if (p.startsWith('obl:')) {
    const prep = p.slice(4);
    return obliques(view, n, prep, particle);
  }
  if (p === 'poss') return [];
  if (p === 'support') return [];
  return [];
}

/** Obliques of a verb with a preposition; "ut av" also matches a particle "ut" with an oblique "av". */
function obliques(view: View, n: GNode, prep: string, particle?: string): number[] {
  const out: number[] = [];
  // (A partner is no oblique of the verb's own: "kjemper sammen med hæren mot opprørerne" fights the rebels only.)
  // (Unless the frame's particle makes the phrase its own: "står sammen med X" supports X.)
  const partnersOf = new Set(particle && [...view.frames.sets.comitative].some((c) => c.startsWith(`${particle} `)) ? [] : partners(view, n));
  const matches = (c: GNode) => !partnersOf.has(c.i) && (c.prep === prep || (prep.includes(' ') && prep.endsWith(` ${c.prep}`) && hasParticle(view, n, prep.slice(0, prep.length - c.prep.length - 1))));
  for (const c of view.kids(n.i, 'obl', 'nmod', 'advcl', 'xcomp', 'obj', 'iobj', 'advmod', 'pred', 'other')) if (c.prep && matches(c)) out.push(c.i);
  // A prepositional phrase after the object may attach to either ("sent troops to X", "leverte droner til Y"): the
  // object's modifier counts as the verb's when the verb has none of its own.
  // (Or a partner's: "kjemper sammen med Mali mot Frankrike".)
  if (out.length === 0) for (const pk of partnersOf) for (const c of view.kids(pk, 'nmod')) if (c.prep && matches(c)) out.push(c.i);
  // (Or a conjunct's: "sending frigates, aircraft and drones to the Baltic Sea".)
  if (out.length === 0) for (const o of view.kids(n.i, 'obj')) for (const oc of [o, ...view.kids(o.i, 'conj')]) for (const c of view.kids(oc.i, 'nmod')) if (c.prep && matches(c)) out.push(c.i);
  // A place phrase inside another ("stationed at Al Udeid in Qatar", "utplassert ved basen i Irak").
  if (out.length === 0) for (const o of view.kids(n.i, 'obl')) for (const c of view.kids(o.i, 'nmod')) if (c.prep && matches(c) && !view.mentionAt[o.i]) out.push(c.i);
  if (out.length === 0) out.push(...strandedAntecedent(view, n, prep));
  return out;
}

/**
 * A preposition left at the end of a relative clause ("Nato, som Finland ble medlem av", "landet som Noreg
 * samarbeider med"): its object is the noun the clause is about.
 */
function strandedAntecedent(view: View, n: GNode, prep: string): number[] {
  const stranded = view.kids(n.i).some((c) => c.upos === 'ADP' && c.i > n.i && c.form.toLowerCase() === prep && c.children.length === 0);
  if (!stranded) return [];
  let cur: GNode | undefined = n;
  for (let guard = 0; cur && guard < 3; guard++) {
    if (cur.fn === 'relcl') {
      // (The clause's own relative pronoun must be no subject: "som Finland ble medlem av", not "som ble medlem av".)
      const subj = view.kids(cur.i, 'subj');
      if (subj.some((c) => view.frames.sets.relative.has(c.form.toLowerCase()))) return [];
      return antecedent(view, cur);
    }
    cur = view.nodes[cur.gov];
  }
  return [];
}

/** The subject of a verb, through control, coordination and relative clauses. */
function subjectOf(view: View, n: GNode, depth = 0, withPartners = true): number[] {
  if (depth > 4) return [];
  // (A clause relative beside another subject is the object: "..., noe København kritiserte".)
  const subjKids = view.kids(n.i, 'subj');
  // (A title with its person after a comma is one subject, the person: "Peru's foreign minister, Elena Quispe, met
  // the envoy" read as two subjects.)
  const appositive = (c: GNode) => isTitle(view, c) && subjKids.some((d) => d.i > c.i && view.mentionAt[d.i]?.type === 'person' && view.nodes[view.mentionAt[d.i]!.tokenStart - 1]?.form === ',' && view.mentionAt[d.i]!.tokenStart - 2 === c.i);
  // (An object relative the parse made a second subject: "MONUSCO, which Kenya led, ..." — Kenya is the subject.)
  const objectRel = objectRelative(view, n);
  const own = (objectRel ? subjKids.filter((c) => c.i > objectRel.i) : subjKids.length >= 2 ? subjKids.filter((c) => !isClauseRelative(view, c) && !appositive(c)) : subjKids).map((c) => c.i);
  // (A "det" the parse called a formal subject is the subject of an active verb with an object: agentiveSubject.)
  if (own.length === 0) for (const c of view.kids(n.i, 'expl')) if (view.frames.sets.agentivePron.has(c.form.toLowerCase()) && agentiveSubject(view, c)) own.push(c.i);
  if (own.length > 0) return [...own.flatMap((k) => relativeAntecedent(view, k, n)), ...(n.passive || !withPartners ? [] : partners(view, n))];
  const g = view.nodes[n.gov];
  if (!g) return [];
  // A predicative adjective or noun: the copula's subject ("X og Y ble enige").
  if (n.fn === 'pred' && isVerb(g)) return g.passive ? [] : subjectOf(view, g, depth + 1);
  // A relative clause without a subject: the noun it modifies ("regjeringen som ledes av ...": passive; "landet som angrep").
  if (n.fn === 'relcl') return antecedent(view, n);
  // A clause the parse hung on a noun: a finite verb is the noun's ("President X invited Y", misread as a modifier);
  // a reduced passive relative's noun is its object ("troops stationed in Iraq"), handled by the passive swap.
  // (So is an active participle with an object: "the government sending troops", "NATO sent frigates" misread.)
  // (Not a gerund with a subordinator: "..., weeks after capturing Goma" is an adverbial of the main clause whatever
  // the parse hung it on, and shares its subject.)
  // (A complement's "of"/"for" is no subordinator: "accusing them of helping X" is theirs.)
  if (n.fn === 'acl' && n.marks.length > 0 && !n.marks.some((m) => view.frames.sets.complementMark.has(m)) && !n.passive && (hasFeat(n, 'VerbForm', 'Ger') || hasFeat(n, 'VerbForm', 'Part')) && view.kids(n.i, 'subj').length === 0) {
    let v: GNode | undefined = g;
    for (let guard = 0; v && !isVerb(v) && guard < 3; guard++) v = view.nodes[v.gov];
    return v && isVerb(v) ? subjectOf(view, v, depth + 1) : [];
  }
  if (n.fn === 'acl' && (n.passive || hasFeat(n, 'VerbForm', 'Fin') || (view.kids(n.i, 'obj').length > 0 && (hasFeat(n, 'VerbForm', 'Part') || hasFeat(n, 'VerbForm', 'Ger'))))) return [g.i];
  // An adjective's infinitive: the adjective's subject ("X is ready to sign", "X var villig til å forhandle").
  if ((n.fn === 'advcl' || n.fn === 'xcomp') && g.upos === 'ADJ' && isVerb(n) && hasFeat(n, 'VerbForm', 'Inf')) return subjectOf(view, g, depth + 1);
  // What an accusing or thanking verb's clause says is its object's doing, never its subject's ("X accused Y of
  // violating ...", "X takket Y for å ha sendt ...": Y; with no object found, nobody; frames data: objectControlVerbs).
  // (Not a participle clause set off by a comma: "X criticized the deal, accusing Y of ..." is X's accusing.)
  if ((n.fn === 'advcl' || n.fn === 'xcomp') && isVerb(n) && isVerb(g) && !g.passive && view.frames.sets.objectControl.has(g.lemma) && !commaClause(view, n)) {
    return view.kids(g.i, 'obj', 'iobj').filter((c) => !view.frames.sets.reflexive.has(c.lemma)).map((c) => c.i);
  }
  // An infinitive of purpose: the main clause's subject ("X sendte soldater for å kjempe", "X sent troops to fight";
  // a passive main clause's surface subject: "troops were sent to fight").
  if (isPurpose(view, n)) return subjectOf(view, g, depth + 1);
  // A participle or gerund clause without a subject shares the main clause's ("X deepened its ties, sending troops
  // to ...", "weeks after capturing Y").
  // (Set off by a comma, opening the sentence or with a subordinator; one run on after a noun modifies that noun:
  // "a coup backed by the government then ruling Greece".)
  if (n.fn === 'advcl' && n.upos === 'VERB' && ((hasFeat(n, 'VerbForm', 'Part') && hasFeat(n, 'Tense', 'Pres')) || hasFeat(n, 'VerbForm', 'Ger')) && isVerb(g) && setOff(view, n)) return subjectOf(view, g, depth + 1);
  // Control: "X oppfordret Y til å trekke seg ut" — Y; "X lovet å trekke seg ut" — X.
  if (n.fn === 'xcomp' || (n.fn === 'advcl' && n.marks.length === 0 && hasMarker(view, n, 'å'))) {
    const obj = view.kids(g.i, 'obj', 'iobj').filter((c) => !view.frames.sets.reflexive.has(c.lemma));
    if (obj.length > 0) return obj.map((c) => c.i);
    // ... or the oblique the demand is addressed to ("called on Russia to withdraw", "appellerte til Russland om å").
    const addressed = view.kids(g.i, 'obl').filter((c) => view.frames.sets.addressee.has(c.prep) && c.i < n.i);
    if (addressed.length > 0) return addressed.map((c) => c.i);
    // (Never the subject of an active accusing or thanking verb: "X anklaget ... for å bryte avtalen" with the
    // accused not found says nothing of what X broke; frames data: objectControlVerbs.)
    if (!g.passive && view.frames.sets.objectControl.has(g.lemma)) return [];
    // (The surface subject, passive or not: "Y ble oppfordret til å trekke seg ut", "styrker ble sendt for å bidra".)
    return subjectOf(view, g, depth + 1);
  }
  // Coordinated verbs share the first one's subject ("Russland angrep og bombet Ukraina"), not its partners.
  // (Whatever their voice: the surface subject is shared, "X, which controls the area and is backed by Y".)
  if (n.fn === 'conj' && isVerb(g)) return subjectOf(view, g, depth + 1, false);
  // A participle modifying a noun: "styrker ledet av USA" (passive: its noun is the object).
  return [];
}

/**
 * Partners who do what the subject does: an oblique with a comitative preposition ("Sverige leder patruljen sammen
 * med Portugal", "together with X", "alongside X"; frames data: comitativePrepositions). A phrase of two words may
 * have its first word apart from the preposition, as the parse often hangs "sammen" and "together".
 */
function partners(view: View, n: GNode): number[] {
  const comitative = view.frames.sets.comitative;
  if (comitative.size === 0) return [];
  const out: number[] = [];
  for (const c of view.kids(n.i, 'obl', 'nmod', 'other')) {
    if (!c.prep) continue;
    if (comitative.has(c.prep)) {
      out.push(c.i);
      continue;
    }
    const cases = view.kids(c.i, 'case').map((m) => m.i);
    if (cases.length === 0) continue;
    const before = view.nodes[Math.min(...cases) - 1];
    if (before && comitative.has(`${before.form.toLowerCase()} ${c.prep}`)) out.push(c.i);
  }
  return out;
}

/**
 * A clause that does not run on from a noun: it has a subordinator, or what comes right before its first word is
 * the sentence's start, a comma or dash, or anything but a noun.
 */
function setOff(view: View, n: GNode): boolean {
  if (n.marks.length > 0) return true;
  const start = clauseStart(view, n);
  const before = view.sentence.tokens[start - 1];
  return !before || /^[,;:–—-]$/.test(before.text) || view.nodes[start - 1]?.upos !== 'NOUN';
}

/** A participle or gerund clause with no subordinator, set off from what it follows by a comma or dash. */
function commaClause(view: View, n: GNode): boolean {
  if (n.marks.length > 0 || !(hasFeat(n, 'VerbForm', 'Part') || hasFeat(n, 'VerbForm', 'Ger'))) return false;
  const start = clauseStart(view, n);
  return start > n.gov && /^[,;–—-]$/.test(view.sentence.tokens[start - 1]?.text ?? '');
}

/** The first word of a node's subtree (its punctuation left out). */
function clauseStart(view: View, n: GNode): number {
  let start = n.i;
  const stack = [n];
  for (let x = stack.pop(), guard = 0; x && guard < view.nodes.length; x = stack.pop(), guard++) {
    // (Its own opening comma, when the parse hangs it on the clause, sets it off rather than starting it.)
    if (x.upos !== 'PUNCT') start = Math.min(start, x.i);
    for (const c of x.children) if (c !== x.i) stack.push(view.nodes[c]!);
  }
  return start;
}

/** An infinitive clause of purpose without a subject of its own: "for å kjempe", "(in order) to fight" (frames data: purposeMarks). */
function isPurpose(view: View, n: GNode): boolean {
  if (n.fn !== 'xcomp' && n.fn !== 'advcl') return false;
  if (!isVerb(n) || view.kids(n.i, 'subj').length > 0 || !hasFeat(n, 'VerbForm', 'Inf')) return false;
  const purpose = view.frames.sets.purpose;
  if (!purpose.has(n.prep) && !(n.fn === 'advcl' && n.marks.some((m) => purpose.has(m)))) return false;
  // A named object is the doer of the infinitive, not a purpose: "anklaget Serbia for å støtte", "kritiserte X for å".
  // Only a verb has a purpose; an adjective's infinitive is its complement ("open to holding talks").
  const g = view.nodes[n.gov];
  if (g && !isVerb(g)) return false;
  // (Nor does an accusing or thanking verb, its object unfound or not: "anklaget i mars Skopje for å bryte".)
  if (g && !g.passive && view.frames.sets.objectControl.has(g.lemma)) return false;
  return !g || !view.kids(g.i, 'obj', 'iobj').some((o) => view.mentionAt[o.i]?.entity);
}

function hasMarker(view: View, n: GNode, lemma: string): boolean {
  return view.kids(n.i, 'mark').some((m) => m.lemma === lemma);
}

/** A relative pronoun in a role stands for the noun its clause modifies. */
function relativeAntecedent(view: View, k: number, verb: GNode): number[] {
  const node = view.nodes[k]!;
  if (node.upos !== 'PRON' || !view.frames.sets.relative.has(node.lemma)) return [k];
  let cur: GNode | undefined = verb;
  for (let guard = 0; guard < 4 && cur; guard++) {
    if (cur.fn === 'relcl') return antecedent(view, cur);
    cur = view.nodes[cur.gov];
  }
  // A relative clause the parse did not attach as one ("Ukraine, which has been invaded by Russia, asked ..."): the
  // pronoun right after a comma stands for the name or noun before the comma.
  // (A preposition may come first, "of which", and the name may end in a bracket: "CARICOM (the Caribbean
  // Community), of which Guyana is a member".)
  let j = k - 1;
  if (view.nodes[j]?.upos === 'ADP') j--;
  const comma = view.nodes[j];
  let b = j - 1;
  if (view.nodes[b]?.form === ')') {
    while (b > 0 && view.nodes[b]!.form !== '(') b--;
    b--;
  }
  const before = view.nodes[b];
  if (comma?.upos === 'PUNCT' && comma.form === ',' && before && (before.upos === 'PROPN' || before.upos === 'NOUN')) {
    // (The head of that phrase: a name's first word when the name runs over several tokens.)
    const m = view.mentionAt.find((x) => x !== undefined && x.tokenEnd === before.i);
    return [m ? view.headOf(m) : before.i];
  }
  return [];
}

/** The object of a relative clause that has its own subject: "sanksjonene som EU innførte" — none is the gap here. */
function objectGap(view: View, n: GNode): number[] {
  // (A clause hung on a clause relative: "..., noe Japan fordømte".)
  const g = view.nodes[n.gov];
  if (g && isClauseRelative(view, g) && view.kids(n.i, 'subj').length > 0 && g.i < n.i) return [g.i];
  if (n.fn !== 'relcl' || view.kids(n.i, 'subj').length === 0) return [];
  const subj = view.kids(n.i, 'subj')[0]!;
  if (view.frames.sets.relative.has(subj.lemma) && subj.upos === 'PRON') return [];
  return antecedent(view, n);
}

/** The noun a relative clause is about: its head, or in a cleft attached to the copula ("Det var X som ..."), the predicate. */
function antecedent(view: View, relcl: GNode): number[] {
  const g = view.nodes[relcl.gov];
  if (!g) return [];
  if (isVerb(g)) return view.kids(g.i, 'pred').filter((c) => c.i < relcl.i).map((c) => c.i);
  return [g.i];
}

/** The agent of a passive: an oblique with "av"/"by" (never guessed when there is none). */
function agentOf(view: View, n: GNode): number[] {
  return view.kids(n.i, 'obl', 'nmod', 'advmod', 'other').filter((c) => view.frames.sets.agentPreps.has(c.prep)).map((c) => c.i);
}

/** Role nodes of a noun frame: its possessor, its prepositional modifiers, and the subject of its support verb. */
function nounRoleNodes(view: View, n: GNode, p: RolePath): number[] {
  if (p === 'poss') {
    // A body's noun with its name after it is the actor itself ("the U.N. mission in Congo, MONUSCO": MONUSCO is
    // deployed there, not the U.N.).
    const body = namedBody(view, n.i);
    if (body) return [view.headOf(body)];
    const out: number[] = [];
    for (const c of view.kids(n.i, 'poss', 'amod', 'compound', 'flat')) {
      if (c.fn === 'amod' && !view.mentionAt[c.i]) continue;
      if (c.fn === 'poss' && view.frames.sets.reflexivePoss.has(c.lemma)) {
        out.push(...possessivePronounOwner(view, c, n));
        continue;
      }
      out.push(c.i);
    }
    if (view.prefixAt[n.i]) out.push(-1 - n.i); // a name inside the compound ("Nato-angrepet")
    const g = adjacentGenitive(view, n);
    if (g !== undefined && !out.includes(g)) out.push(g);
    return out;
  }
  if (p === 'subj') return view.kids(n.i, 'subj').map((c) => c.i);
  if (p === 'obj') return view.kids(n.i, 'obj').map((c) => c.i);
  if (p === 'iobj') return [];
  // A name before the noun in its compound ("a NATO member", "et Nato-medlem"): what the noun is of.
  if (p === 'compound') {
    const out = view.kids(n.i, 'compound').filter((c) => c.i < n.i && view.mentionAt[c.i]).map((c) => c.i);
    if (view.prefixAt[n.i]) out.push(-1 - n.i);
    return out;
  }
  if (p.startsWith('obl:')) {
    const prep = p.slice(4);
    const own = view.kids(n.i, 'nmod', 'obl', 'advmod', 'other').filter((c) => c.prep === prep).map((c) => c.i);
    if (own.length > 0) return own;
    // Attached to the support verb instead ("imposed sanctions on Iran", "innførte sanksjoner mot Russland").
    const v = supportVerb(view, n);
    if (v) {
      // (Not a passive support verb's agent: "Angrepet ble utført av X" is X's attack, not one on X.)
      const agents = v.passive ? new Set(agentOf(view, v)) : undefined;
      const viaVerb = obliques(view, v, prep).filter((k) => !agents?.has(k));
      if (viaVerb.length > 0) return viaVerb;
    }
    return strandedAntecedent(view, n, prep);
  }
  if (p === 'head:subj') {
    // A noun adjunct of a verb: "X er i Irak etter invitasjon fra Y", "X attacked with the support of Y" — X.
    const v = view.nodes[n.gov];
    if (n.fn !== 'obl' || !v || !isVerb(v)) return [];
    return v.passive ? agentOf(view, v) : subjectOf(view, v);
  }
  if (p === 'head:obj') {
    // The object of the verb a noun is an adjunct of: "placed X under sanctions", "satte X under sanksjoner".
    const v = view.nodes[n.gov];
    if (n.fn !== 'obl' || !v || !isVerb(v)) return [];
    if (v.passive) return subjectOf(view, v);
    // (A measure noun's counted noun: "placed dozens of tankers under sanctions".)
    const sets = view.frames.sets;
    return view.kids(v.i, 'obj').flatMap((o) => {
      const counted = sets.measure.has(o.lemma) ? view.kids(o.i, 'nmod').filter((x) => sets.measurePreps.has(x.prep)) : [];
      return counted.length > 0 ? counted.map((x) => x.i) : [o.i];
    });
  }
  if (p === 'support') {
    // A deed a claim of responsibility is for is the claimer's: "IS claimed responsibility for the attack on X"
    // (frames data: responsibilityNouns).
    const rv = responsibilityVerb(view, n);
    if (rv) return rv.passive ? agentOf(view, rv) : subjectOf(view, rv);
    const own = view.kids(n.i, 'subj').map((c) => c.i);
    // UD copula: "X is a member of Y", with its partners ("along with Z").
    if (own.length > 0) return view.kids(n.i, 'cop').length > 0 ? [...own, ...partners(view, n)] : own;
    // A noun in apposition after a name says what the name is, as a copula would ("Poland, a member of NATO, ...",
    // "Polen, et medlem av Nato, ..."; a clause of its own has its own subject: "X, of which Y is a member").
    // (Never a phrase with a preposition the parse misread as an apposition: "Kenya, after talks with X, ...".)
    if (n.fn === 'appos' && !n.prep && n.gov < n.i && view.mentionAt[n.gov]?.entity) return [n.gov];
    const v = supportVerb(view, n);
    if (!v) return [];
    return v.passive ? agentOf(view, v) : subjectOf(view, v);
  }
  return [];
}

/**
 * The verb of a claim of responsibility for the deed noun n ("claimed responsibility for the attack"; the parse hangs
 * the deed on the noun or on the verb beside it), if n is such a deed (frames data: responsibilityNouns).
 */
function responsibilityVerb(view: View, n: GNode): GNode | undefined {
  const g = view.nodes[n.gov];
  const resp = (x: GNode | undefined) => !!x && x.i < n.i && view.frames.sets.responsibility.has(x.lemma.toLowerCase()) && (x.fn === 'obj' || x.fn === 'obl' || x.fn === 'subj');
  const r = n.fn === 'nmod' && resp(g) ? g : n.fn === 'obl' && g && isVerb(g) ? view.kids(g.i, 'obj', 'obl').find(resp) : undefined;
  const v = r ? view.nodes[r.gov] : undefined;
  return v && isVerb(v) ? v : undefined;
}

/** The verb a noun is the object, oblique or predicate of, when it is a support verb (or a copula). */
/** The measure noun a noun is counted by ("two days of talks", "en ny runde med samtaler"), else the noun itself. */
function measured(view: View, n: GNode): GNode {
  const g = view.nodes[n.gov];
  if (n.fn === 'nmod' && g && g.upos === 'NOUN' && view.frames.sets.measure.has(g.lemma) && view.frames.sets.measurePreps.has(n.prep) && g.i < n.i) return g;
  return n;
}

/** A support verb of the frames data, alone or with its particle ("undertegne", "skrive under": "skrev under avtalen"). */
function isSupportVerb(view: View, v: GNode): boolean {
  const support = view.frames.sets.support;
  if (support.has(v.lemma)) return true;
  for (const e of support) if (e.startsWith(`${v.lemma} `) && hasParticle(view, v, e.slice(v.lemma.length + 1))) return true;
  return false;
}

function supportVerb(view: View, n0: GNode): GNode | undefined {
  const n = measured(view, n0);
  // A support verb in a relative clause on the noun ("sanksjonene, som ble innført av EU", "the sanctions the EU
  // imposed"): the noun is its object.
  const relative = view.kids(n.i, 'relcl', 'acl').find((c) => isVerb(c) && isSupportVerb(view, c) && (c.passive || view.kids(c.i, 'obj').length === 0));
  if (relative) return relative;
  // A deed noun in the phrase of a support verb's object is that verb's, as a measured one is ("vedtok en resolusjon
  // med nye tiltak mot X", "adopted a package of sanctions on X": the resolution and the package carry the deed).
  if (n.fn === 'nmod' && view.frames.sets.measurePreps.has(n.prep)) {
    const g = view.nodes[n.gov];
    const gv = g && g.upos === 'NOUN' && g.i < n.i && g.fn === 'obj' ? view.nodes[g.gov] : undefined;
    if (gv && isVerb(gv) && isSupportVerb(view, gv)) return gv;
  }
  if (!['obj', 'obl', 'pred', 'subj', 'xcomp'].includes(n.fn)) return undefined;
  const v = view.nodes[n.gov];
  if (!v || !isVerb(v)) return undefined;
  if (n.fn === 'subj' && !v.passive) {
    // The subject of a passive support verb coordinated with the one it is the subject of ("Avtalen forbyr ... og ble
    // inngått mellom X og Y"): the second verb shares it.
    return view.kids(v.i, 'conj').find((c) => isVerb(c) && c.passive && view.kids(c.i, 'subj').length === 0 && isSupportVerb(view, c));
  }
  if (n.fn === 'pred' || isSupportVerb(view, v)) return v;
  // A particle verb: "gikk til angrep på", "carry out strikes".
  return undefined;
}

/**
 * The clause a deed or stance noun is received in, and who receives it: the subject of a receiving verb whose object
 * the noun is ("drew criticism"), of any verb the noun is an oblique of after a receiving preposition ("came under
 * attack"), or of the copula ("is under sanctions").
 */
function receivingClause(view: View, n: GNode): { verb?: GNode; targets: number[] } | undefined {
  const sets = view.frames.sets;
  const v = view.nodes[n.gov];
  // (Not a participle adjunct of a report without a subject of its own: in "..., the agency said, drawing condemnation
  // from X" what draws it is the news, not the one who reports it.)
  if (v && isVerb(v) && view.kids(v.i, 'subj').length === 0 && view.nodes[v.gov] && sets.reporting.has(view.nodes[v.gov]!.lemma)) return undefined;
  if (n.fn === 'obj' && v && isVerb(v) && !v.passive && sets.receiving.has(v.lemma)) return { verb: v, targets: subjectOf(view, v) };
  if (!sets.receivingPreps.has(n.prep)) return undefined;
  if ((n.fn === 'obl' || n.fn === 'pred') && v && isVerb(v) && !v.passive) return { verb: v, targets: subjectOf(view, v) };
  if (view.kids(n.i, 'cop').length > 0) return { targets: view.kids(n.i, 'subj').map((c) => c.i) };
  return undefined;
}

/** "Hamas sitt angrep": a name before the possessive pronoun owns the noun; "sine styrker" alone: the clause subject. */
function possessivePronounOwner(view: View, pron: GNode, noun: GNode): number[] {
  const before = view.nodes[pron.i - 1];
  if (before && view.mentionAt[before.i] && (before.gov === pron.i || before.gov === noun.i || before.gov === noun.gov)) return [before.i];
  return reflexiveOwner(view, noun);
}

/** "sine styrker": the possessor is the clause subject. */
function reflexiveOwner(view: View, n: GNode): number[] {
  let cur: GNode | undefined = view.nodes[n.gov];
  for (let guard = 0; guard < 5 && cur; guard++) {
    if (isVerb(cur)) return cur.passive ? agentOf(view, cur) : subjectOf(view, cur);
    cur = view.nodes[cur.gov];
  }
  return [];
}

/** The entities a role node stands for: its name, conjuncts, a title's person, a stand-in's owner, a pronoun's antecedent. */
function argsOf(view: View, k: number, types: EntityType[], depth = 0): Arg[] {
  if (k < 0) {
    const m = view.prefixAt[-1 - k];
    return m && m.entity ? [{ entity: m.entity, type: m.type, node: -1 - k, weight: 0.9 }] : [];
  }
  const out: Arg[] = [];
  for (const c of view.conjuncts(k)) {
    const node = view.nodes[c]!;
    // A plural pronoun for coordinated parties: every one of them.
    if (node.upos === 'PRON' && !view.mentionAt[c] && view.frames.pronouns[node.form.toLowerCase()] === 'group') {
      const all = view.context.group(view.sentence.index);
      if (all.length > 0) {
        for (const g of all) out.push({ ...g, node: c, weight: 0.7 });
        continue;
      }
    }
    // "forhandlere fra Israel og Hamas", "officials from Chile and Peru": a stand-in for several parties is each.
    const sides = behalfOf(view, node);
    if (sides.length >= 2) {
      for (const g of sides) if (types.includes(g.type)) out.push({ ...g, node: c, weight: 0.8 });
      continue;
    }
    // "landene", "the two countries", "both sides": the coordinated parties just named.
    // (So is a number with its article and no noun: "De to ble enige", "the three agreed".)
    const countOf = (d: GNode) => countWord(view, d);
    const bareNumber = isBareNumber(view, node);
    if (isGroupNoun(view, node) || bareNumber) {
      // ("both sides", "de to landene": two parties exactly, or nobody.)
      const pair = (bareNumber && view.frames.sets.pair.has(node.form.toLowerCase())) || view.kids(c).some((d) => view.frames.sets.pair.has(d.form.toLowerCase()));
      // ("de tre landene", "the three countries": three exactly.)
      const counted = bareNumber && !pair ? countOf(node) : view.kids(c).map(countOf).find((x) => x !== undefined);
      const fits = (p: { entity: string }[]) => (!pair || p.length === 2) && (counted === undefined || p.length === counted);
      const all = partiesBefore(view, c);
      const before = fits(all) ? all : [];
      const group = view.context.group(view.sentence.index);
      const context = group.length > 0 ? group : view.context.coordinated(view.sentence.index);
      // (A number smaller than the parties the sentence before had as subjects takes the first so many: the main
      // clause's come first, "Mali, Burkina Faso og Niger sa ... at de ... fordømmer Algerie. De tre landene ...".)
      // (And the subjects with the parties coordinated beside them, "X meldte seg ut sammen med Y og Z. De tre
      // landene ...", when that is the number.)
      let counting = context;
      if (counted !== undefined && !pair && !fits(context)) {
        const coordinated = view.context.coordinated(view.sentence.index);
        const union = [...new Map([...view.context.subjects(view.sentence.index), ...coordinated].map((g) => [g.entity, g] as const)).values()];
        counting = [group, coordinated, union, group.slice(0, counted)].find((x) => x.length === counted) ?? [];
      }
      const parties = before.length > 0 ? before : fits(counting) ? counting : [];
      for (const g of parties) if (types.includes(g.type)) out.push({ ...g, node: c, weight: 0.7 });
      if (parties.length > 0) continue;
    }
    const a = argOf(view, c, types, depth);
    if (a) out.push(a);
  }
  return out;
}

/** The coordinated parties a stand-in noun speaks for through a preposition ("representanter for X og Y"). */
function behalfOf(view: View, n: GNode): { entity: string; type: EntityType }[] {
  if (n.upos !== 'NOUN' || view.mentionAt[n.i] || !view.frames.sets.proxy.has(standInLemma(view, n))) return [];
  for (const c of view.kids(n.i, 'nmod')) {
    if (!view.frames.sets.onBehalf.has(c.prep) && !view.frames.sets.ownerPreps.has(c.prep)) continue;
    const parties = new Map<string, EntityType>();
    for (const k of view.conjuncts(c.i)) {
      const m = view.mentionAt[k];
      if (m?.entity && (m.type === 'country' || m.type === 'organization')) parties.set(m.entity, m.type);
      else {
        // ("Sudans hær og militsen RSF": a stand-in owned by a name, or a common noun before a name.)
        const node = view.nodes[k]!;
        const owner = view.frames.sets.proxy.has(standInLemma(view, node)) ? ownerOf(view, node) : undefined;
        const named = owner ?? [...view.kids(k, 'appos', 'flat', 'compound')].map((x) => view.mentionAt[x.i]).find((x) => x?.entity && (x.type === 'country' || x.type === 'organization'));
        if (named?.entity) parties.set(named.entity, named.type);
      }
    }
    if (parties.size >= 2) return [...parties].map(([entity, type]) => ({ entity, type }));
  }
  return [];
}

/** A plural group noun with nothing of its own but a determiner or a number ("landene", "de to landene", "both sides"). */
function isGroupNoun(view: View, n: GNode): boolean {
  if (n.upos !== 'NOUN' || view.mentionAt[n.i] || view.prefixAt[n.i] || !hasFeat(n, 'Number', 'Plur')) return false;
  if (!view.frames.sets.group.has(n.lemma)) return false;
  return view.kids(n.i, 'amod', 'compound', 'poss', 'nmod', 'flat', 'appos').length === 0;
}

/** A country or body a mention names, as a party; a capital stands for its state ("talks between Washington and Tehran"). */
function partyOf(view: View, m: Mention | undefined): { entity: string; type: EntityType } | undefined {
  if (!m?.entity) return undefined;
  if (m.type === 'country' || m.type === 'organization') return { entity: m.entity, type: m.type };
  return m.type === 'location' && m.kbId && view.stateOf ? view.stateOf(m.kbId) : undefined;
}

/** The distinct parties of coordinated nodes. */
function partiesOf(view: View, nodes: number[]): { entity: string; type: EntityType }[] {
  const parties = new Map<string, EntityType>();
  for (const c of nodes) {
    const p = partyOf(view, view.mentionAt[c]);
    if (p) parties.set(p.entity, p.type);
  }
  return [...parties].map(([entity, type]) => ({ entity, type }));
}

/** The coordinated countries or bodies named earlier in the sentence ("X og Y ... etter at landene ..."). */
function partiesBefore(view: View, k: number): { entity: string; type: EntityType }[] {
  const party = (m: Mention | undefined) => partyOf(view, m);
  // (Never the subject of the group noun's own verb: "X and Y urged both sides to ..." urges two others.)
  let verb = view.nodes[view.nodes[k]!.gov];
  for (let guard = 0; verb && !isVerb(verb) && guard < 3; guard++) verb = view.nodes[verb.gov];
  for (let j = k - 1; j >= 0; j--) {
    if (!party(view.mentionAt[j]) || view.nodes[j]!.fn === 'conj') continue;
    if (verb && view.nodes[j]!.fn === 'subj' && view.nodes[j]!.gov === verb.i) continue;
    const parties = new Map<string, EntityType>();
    for (const c of view.conjuncts(j)) {
      const p = c < k ? party(view.mentionAt[c]) : undefined;
      if (p) parties.set(p.entity, p.type);
    }
    if (parties.size >= 2) return [...parties].map(([entity, type]) => ({ entity, type }));
  }
  return [];
}

function argOf(view: View, k: number, types: EntityType[], depth: number): Arg | undefined {
  const node = view.nodes[k];
  if (!node || depth > 3) return undefined;
  // (A plural pronoun the word-order resolver linked to a name, with a plural noun that names nobody closer before it
  // in its sentence, means that noun: the tree decides below.)
  const m0 = view.mentionAt[k];
  const m = m0 && m0.source === 'coref' && node.upos === 'PRON' && view.frames.pronouns[node.form.toLowerCase()] === 'group' && pluralNounFirst(view, k) ? undefined : m0;
  // "– Vi fordømmer ..., sa X", "\"We condemn ...,\" X said": a first-person pronoun in a quote is its speaker.
  if (!m && node.upos === 'PRON' && view.frames.sets.speakerPron.has(node.form.toLowerCase())) {
    const sp = speakerOf(view, k, depth);
    return sp && types.includes(sp.type) ? sp : undefined;
  }
  if (m && m.entity) {
    // "UN Secretary-General António Guterres called ...": a parse that heads the phrase with the owner's name
    // still names the person with the title as the actor.
    if (m.type === 'country' || m.type === 'organization') {
      const titled = titledPersonUnder(view, k);
      if (titled) return titled;
      const t = view.titled.find((x) => x.owner === m);
      if (t) return { entity: t.person.entity!, type: 'person', node: t.person.tokenStart, weight: 0.9 };
      const mb = view.members.find((x) => x.owner === m);
      if (mb && types.includes('country')) return { entity: mb.member.entity!, type: 'country', node: mb.member.tokenStart, weight: 0.9 };
    }
    // An inhabitant noun with another people's adjective names a group, not the state: "de bosniske serberne",
    // "Iraqi Kurds" are neither Serbia nor Kurdistan.
    if (m.form === 'demonym' && node.upos === 'NOUN' && view.kids(k, 'amod').some((c) => { const cm = view.mentionAt[c.i]; return !!cm?.entity && cm.entity !== m.entity && cm.form === 'demonym'; })) return undefined;
    // A home body placed in another state is that state's ("Utenriksdepartementet i Tallinn": Estonia's foreign
    // ministry, not Norway's): it stands for the state of the place after it.
    if (m.type === 'organization' && m.kbId && view.homeOf) {
      const home = view.homeOf(m.kbId);
      const abroad = home ? placedAbroad(view, k, home) : undefined;
      if (abroad) return types.includes(abroad.type) ? { ...abroad, node: k, weight: 0.85 } : undefined;
    }
    // A capital in a role no place can have stands for its state ("Moskva fordømte Kyiv": Russia, Ukraine).
    if (m.type === 'location' && !types.includes('location') && m.kbId && view.stateOf) {
      const state = view.stateOf(m.kbId);
      if (state && types.includes(state.type)) return { ...state, node: k, weight: 0.85 };
    }
    return { entity: m.entity, type: m.type, node: k, weight: m.source === 'coref' ? 0.85 : 1 };
  }
  // A name with its class noun in one token ("SSC-8-rakettene", "INF-avtalen"): the thing is the name.
  const inside = view.prefixAt[k];
  // (Unless no such thing fits the role: "norske F-35-kampfly er utplassert i Polen" are Norway's, a stand-in.)
  if (inside?.entity && (inside.type === 'weapon' || inside.type === 'agreement' || inside.type === 'event') && (types.includes(inside.type) || !view.frames.sets.proxy.has(standInLemma(view, node)))) return { entity: inside.entity, type: inside.type, node: k, weight: 0.9 };
  // A common noun in apposition after a name is that name ("Viv Ansanm, an alliance led by X": the alliance is Viv
  // Ansanm; "Ali, a former officer who ...").
  if (node.upos === 'NOUN' && node.fn === 'appos' && node.gov < k) {
    const gm = view.mentionAt[node.gov];
    if (gm?.entity && types.includes(gm.type)) return { entity: gm.entity, type: gm.type, node: node.gov, weight: 0.9 };
  }
  // A body's noun with the body's name after it in brackets or between commas is that body, not its owner ("the
  // U.N. peacekeeping mission in Congo, MONUSCO, said", "Tyrkias direktorat for forsvarsindustri (SSB)").
  if (node.upos === 'NOUN') {
    const body = namedBody(view, k);
    if (body && types.includes(body.type)) return { entity: body.entity!, type: body.type, node: k, weight: 0.9 };
  }
  // A title word the words show to be a person's ("the president of Chile, Gabriel Boric, criticized ...").
  const st = view.titled.find((x) => k >= x.start && k <= x.end);
  if (st) return { entity: st.person.entity!, type: 'person', node: st.person.tokenStart, weight: 0.9 };
  const mb = view.members.find((x) => k >= x.start && k <= x.end);
  if (mb && types.includes('country')) return { entity: mb.member.entity!, type: 'country', node: mb.member.tokenStart, weight: 0.9 };
  // A title before its person ("presidenten Joe Biden" in NDT: the name is the head; in UD "President X": compound).
  // Any common noun with a person's name after it is that person ("businessman Ivan Petrov", "journalisten Kari Dahl").
  for (const c of view.kids(k, 'appos', 'flat', 'compound')) {
    const cm = view.mentionAt[c.i];
    // (Or a rank or honorific the parse made the head of the name: "Brig. Gen. Anna Berg met ...", "Mr. X".)
    if (cm && cm.entity && cm.type === 'person' && (isTitle(view, node) || (node.upos === 'NOUN' && c.i > k && c.fn !== 'compound') || (c.i > k && c.fn === 'flat' && titleMatcher(view.lang)(view.nodes.map((x) => x.form), k) > 0))) return { entity: cm.entity, type: cm.type, node: c.i, weight: 1 };
  }
  // A place noun with its name after "of" is that place ("the village of Ywar Thit", "the city of Sittwe").
  if (node.upos === 'NOUN' && view.frames.sets.place.has(node.lemma)) {
    for (const c of view.kids(k, 'nmod')) {
      const cm = view.mentionAt[c.i];
      if (view.frames.sets.ownerPreps.has(c.prep) && c.i > k && cm?.entity && cm.type === 'location') return { entity: cm.entity, type: cm.type, node: c.i, weight: 1 };
    }
  }
  // A relative that stands for the clause before it, as what a stance is on ("Vance besøkte basen, noe København
  // kritiserte"): the doer of that clause.
  if (node.upos === 'PRON' && view.frames.sets.clauseRelative.has(node.lemma) && view.nodes[k - 1]?.form === ',') {
    // (The stance verb governs it, or is the clause hung on it: "noe Japan fordømte" read as a relative clause.)
    const stance = (x: GNode | undefined) => !!x && isVerb(x) && framesOf(view, x).some((f) => STANCES.has(f.relation));
    if (!stance(view.nodes[node.gov]) && !view.kids(k, 'relcl', 'acl', 'other').some(stance)) return undefined;
    // (The clause's finite verb: "besøkte basen uten å være invitert, noe ..." is about the visit.)
    let w: GNode | undefined = view.nodes[k - 2];
    for (let guard = 0; w && !(isVerb(w) && hasFeat(w, 'VerbForm', 'Fin')) && guard < 8; guard++) w = view.nodes[w.gov];
    if (!w || w.i >= k) return undefined;
    for (const sk of subjectOf(view, w)) {
      const a = argOf(view, sk, types, depth + 1);
      if (a) return { ...a, node: k, weight: 0.6 };
    }
    return undefined;
  }
  // A relative pronoun in another role than subject ("of which X is a member", "som X er medlem av"): its antecedent.
  if (node.upos === 'PRON' && view.frames.sets.relative.has(node.lemma) && view.nodes[node.gov]) {
    for (const a of relativeAntecedent(view, k, view.nodes[node.gov]!)) {
      if (a === k) continue;
      const arg = argOf(view, a, types, depth + 1);
      if (arg) return arg;
    }
    return undefined;
  }
  // A pronoun: resolved from the previous sentences.
  if (node.upos === 'PRON') {
    const form = node.form.toLowerCase();
    const own = view.frames.pronouns[form];
    // (A mostly expletive pronoun refers only in a subordinate clause, to a name before it in its sentence.)
    const agentive = own === undefined && view.frames.sets.agentivePron.has(form) && agentiveSubject(view, node);
    const kind = own ?? (agentive ? 'thing' : undefined);
    if (kind) {
      // First the sentence itself: the latest fitting name before the pronoun that is not its own clause's
      // subject ("X criticized Y but did not sanction it": Y); else the previous sentences.
      const verb = view.nodes[node.gov];
      const ownSubjects = new Set<string>();
      if (verb && isVerb(verb) && node.fn !== 'subj') for (const sk of subjectOf(view, verb)) for (const c of view.conjuncts(sk)) if (view.mentionAt[c]?.entity) ownSubjects.add(view.mentionAt[c]!.entity!);
      // The subject of a second conjunct clause is the first one's ("X har soldater der, men de skal bare ...").
      if (node.fn === 'subj' && verb && verb.fn === 'conj' && isVerb(view.nodes[verb.gov] ?? verb)) {
        for (const sk of subjectOf(view, view.nodes[verb.gov]!)) {
          const mm = view.mentionAt[sk];
          if (mm?.entity && fitsPronoun(kind, mm.type)) return { entity: mm.entity, type: mm.type, node: k, weight: 0.75 };
        }
      }
      // (A main clause's subject pronoun continues the previous sentences: "Chile met Peru. It then ...".)
      const mainSubject = (node.fn === 'subj' || agentive) && !!verb && (verb.fn === 'root' || (verb.fn === 'conj' && view.nodes[verb.gov]?.fn === 'root'));
      if (agentive && mainSubject) return undefined;
      if (!mainSubject) {
        for (let j = k - 1; j >= 0; j--) {
          const mm = view.mentionAt[j];
          if (mm?.entity && !ownSubjects.has(mm.entity) && fitsPronoun(kind, mm.type)) return { entity: mm.entity, type: mm.type, node: k, weight: 0.75 };
          // A plural pronoun after a plural noun that names nobody means that noun ("placed tankers under sanctions,
          // accusing them of ..."): unresolved. (A stand-in stands for its owner: "Russian forces ... they".)
          const w = view.nodes[j]!;
          if (kind === 'group' && !mm && w.upos === 'NOUN' && hasFeat(w, 'Number', 'Plur')) {
            const owner = view.frames.sets.proxy.has(standInLemma(view, w)) ? ownerOf(view, w) : undefined;
            return owner && !ownSubjects.has(owner.entity) ? { ...owner, node: k, weight: 0.75 } : undefined;
          }
        }
      }
      if (agentive) return undefined;
      const found = view.context.find(kind, view.sentence.index, new Set());
      if (found) return { entity: found.entity, type: found.type, node: k, weight: 0.75 };
    }
    return undefined;
  }
  // A stand-in noun: "russiske styrker", "Iraks regjering", "the Taliban's fighters" stand for their owner.
  if ((node.upos === 'NOUN' || node.upos === 'PROPN') && view.frames.sets.proxy.has(standInLemma(view, node))) {
    const owner = ownerOf(view, node);
    if (owner) return { ...owner, node: k, weight: 0.85 };
    // "forces loyal to X", "styrker lojale mot X": the one named after the adjective and its preposition, read
    // from the words (the parse often hangs the adjective on the verb).
    const a = view.nodes[k + 1];
    if (a && a.upos === 'ADJ' && view.frames.sets.allegiance.has(a.lemma) && view.nodes[k + 2]?.upos === 'ADP') {
      for (let j = k + 3; j < Math.min(view.nodes.length, k + 7); j++) {
        const cm = view.mentionAt[j];
        if (cm?.entity && cm.type !== 'person') return { entity: cm.entity, type: cm.type, node: k, weight: 0.8 };
        const w = view.nodes[j]!;
        // ("loyal to the Chilean government": the government's owner.)
        const o = w.upos === 'NOUN' && view.frames.sets.proxy.has(standInLemma(view, w)) ? ownerOf(view, w) : undefined;
        if (o) return { ...o, node: k, weight: 0.8 };
        if (!['DET', 'ADJ', 'PROPN'].includes(w.upos)) break;
      }
    }
  }
  // Unnamed targets or sites in a place stand for the place where a place may stand ("angreip fleire mål i
  // provinsen Khost", "bombed villages in Rakhine", "sent troops to bases in Iraq").
  // (A thing with an owner of its own is the owner's: "eit gresk handelsskip i Raudehavet" is Greek, below.)
  if (node.upos === 'NOUN' && types.includes('location') && !definite(view, node) && framesOf(view, node).length === 0 && !view.frames.sets.proxy.has(standInLemma(view, node)) && !view.kids(k, 'poss', 'amod', 'compound', 'det').some((c) => view.mentionAt[c.i]?.entity)) {
    // (The place phrase may hang on the verb right after the object: "angrep flere mål i Irak".)
    const gv = view.nodes[node.gov];
    const after = node.fn === 'obj' && gv && isVerb(gv) ? view.kids(gv.i, 'obl').filter((c) => c.i > k && c.i <= k + 4) : [];
    for (const c of [...view.kids(k, 'nmod'), ...after]) {
      if (!view.frames.sets.placePreps.has(c.prep)) continue;
      const cm = view.mentionAt[c.i];
      if (cm?.entity && (cm.type === 'location' || cm.type === 'country') && types.includes(cm.type)) return { entity: cm.entity, type: cm.type, node: c.i, weight: 0.6 };
    }
  }
  // A thing of someone's stands for its owner: "condemned Russia's invasion", "rejected China's claims", "the EU
  // proposal", "Chinese refineries" are about Russia, China, the EU. "The invasion" alone: nobody.
  if (node.upos === 'NOUN') {
    const event = framesOf(view, node).length > 0;
    for (const c of view.kids(k, 'poss', 'amod', 'compound')) {
      const cm = view.mentionAt[c.i];
      if (cm?.entity && cm.type !== 'person' && !view.frames.sets.reflexivePoss.has(c.lemma)) return { entity: cm.entity, type: cm.type, node: k, weight: c.fn === 'poss' || event ? 0.7 : 0.6 };
    }
    // ... and so does a deed with its doer after it: "condemned the decision by Finland", "vedtaket fra Finland".
    // (An active verb takes no agent: a "by" phrase the parse hung on it after its object is the object's.)
    const v = view.nodes[node.gov];
    // (Or the agent of a passive participle on it: "a truce proposed by the African Union".)
    // (A Norwegian participle after its noun hangs on it as an attribute, its agent an "av" phrase: "foreslått av X".)
    // (So is a passive relative clause's: "våpenhvilen som ble foreslått av X".)
    const participles = [...view.kids(k, 'acl', 'amod').filter((a) => a.i > k && (a.passive || hasFeat(a, 'VerbForm', 'Part'))), ...view.kids(k, 'relcl').filter((a) => a.passive)];
    // (Only for a deed's noun: "a group co-chaired by X" is the group, which the participle's own frame relates to X.)
    // (Or a participle with no relation of its own, which names the noun's maker: "a proposal put forward by Egypt".)
    const agents = participles.filter((a) => event || framesOf(view, a).length === 0).flatMap((a) => (a.passive ? agentOf(view, a).map((x) => view.nodes[x]!) : view.kids(a.i, 'obl', 'nmod').filter((c) => view.frames.sets.agentPreps.has(c.prep))));
    const doers = [...view.kids(k, 'nmod'), ...(node.fn === 'obj' && v && isVerb(v) && !v.passive ? view.kids(v.i, 'obl').filter((c) => c.i > k) : []), ...agents];
    for (const c of doers) {
      if (!view.frames.sets.agentPreps.has(c.prep) && !view.frames.sets.source.has(c.prep)) continue;
      const cm = view.mentionAt[c.i];
      // (A person too, for a deed's noun: "rejected repeated demands from President X".)
      if (cm?.entity && (cm.type !== 'person' || (event && types.includes('person')))) {
        // (A capital there stands for its state when no place fits: "kritikken fra Washington".)
        const state = cm.type === 'location' && !types.includes('location') && cm.kbId && view.stateOf ? view.stateOf(cm.kbId) : undefined;
        if (state && types.includes(state.type)) return { ...state, node: k, weight: 0.6 };
        return { entity: cm.entity, type: cm.type, node: k, weight: 0.6 };
      }
      // (A stand-in noun there stands for its own: "gunmen from the Viv Ansanm coalition", "soldater fra hæren i Mali".)
      if (!cm && c.upos === 'NOUN' && view.frames.sets.proxy.has(standInLemma(view, c))) {
        const a = argOf(view, c.i, types.filter((t) => t !== 'person'), depth + 1);
        if (a) return { ...a, node: k, weight: Math.min(a.weight, 0.6) };
      }
    }
    // ... and a definite deed with no doer named is the deed of that kind the sentences just before report, and
    // stands for its doer ("Irak skuldar Tyrkia ... Tyrkia avviser skuldingane": Iraq's; "X attacked Y. Z condemned
    // the attack": X's).
    // (Only as what a stance is taken on, the object of criticising, rejecting or supporting: "the talks are led by
    // Qatar" does not lead their parties, and "the measures hit X" is no attack.)
    const stance = v && isVerb(v) && (node.fn === 'obj' || node.fn === 'obl' || (node.fn === 'subj' && v.passive)) && framesOf(view, v).some((f) => STANCES.has(f.relation));
    if (event && stance && definite(view, node) && !view.kids(k, 'poss', 'nmod').some((c) => view.mentionAt[c.i]?.entity)) {
      const relations = new Set(framesOf(view, node).map((f) => f.relation));
      const d = view.context.deed(relations, view.sentence.index);
      if (d) return { ...d, node: k, weight: 0.6 };
    }
    // ... or the act of the verb the noun names ("North Korea launched a missile. Japan condemned the launch").
    if (stance && definite(view, node) && !view.kids(k, 'poss', 'nmod').some((c) => view.mentionAt[c.i]?.entity)) {
      const d = view.context.act([node.lemma.toLowerCase()], view.sentence.index);
      if (d && types.includes(d.type)) return { ...d, node: k, weight: 0.6 };
    }
    // ... and a definite thing with its owner after "til" ("avgjerda til finnane", "politikken til partiet"): a
    // person, a body or a people, never a country or place by name (there "til" is where it goes: "reisen til Kina").
    if (!event && hasFeat(node, 'Definite', 'Def')) {
      for (const c of view.kids(k, 'nmod')) {
        const cm = view.mentionAt[c.i];
        if (!cm?.entity || !view.frames.sets.possessive.has(c.prep)) continue;
        if (cm.type === 'person' || cm.type === 'organization' || cm.form === 'demonym') return { entity: cm.entity, type: cm.type, node: k, weight: 0.6 };
      }
    }
  }
  return undefined;
}

/**
 * The body a body's common noun names in brackets or between commas right after its phrase ("the mission in Congo,
 * MONUSCO,", "direktorat for forsvarsindustri (SSB)"): the name's mention, when the noun is a body's head noun.
 */
function namedBody(view: View, k: number): Mention | undefined {
  const node = view.nodes[k]!;
  const lemma = node.lemma.toLowerCase();
  // (The Norwegian list has definite forms: "direktorat" is "direktoratet"; compounds end in one.)
  const forms = [lemma, node.form.toLowerCase(), lemma + 'en', lemma + 'et', lemma + 'a'];
  if (!view.lang.orgHeadSuffixes.some((x) => forms.some((f) => f.endsWith(x)))) return undefined;
  for (let j = k + 1; j < Math.min(view.nodes.length - 1, k + 9); j++) {
    const w = view.nodes[j]!;
    if (w.form === '(' || w.form === ',') {
      const m = view.mentionAt[j + 1] ?? view.mentionAt[view.nodes[j + 1]!.gov];
      if (!m?.entity || m.type !== 'organization' || m.tokenStart !== j + 1) return undefined;
      const after = view.nodes[m.tokenEnd + 1];
      const closes = w.form === '(' ? after?.form === ')' : !after || after.form === ',' || after.form === '.';
      return closes ? m : undefined;
    }
    // (Only through the noun's own phrase: "in Congo", "for forsvarsindustri".)
    if (!['ADP', 'DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(w.upos) || view.mentionAt[j]?.type === 'organization') return undefined;
  }
  return undefined;
}

/** Whether, walking back from word k in its sentence, a plural noun that names nobody comes before any name. */
function pluralNounFirst(view: View, k: number): boolean {
  for (let j = k - 1; j >= 0; j--) {
    if (view.mentionAt[j]?.entity) return false;
    const w = view.nodes[j]!;
    if (w.upos === 'NOUN' && hasFeat(w, 'Number', 'Plur')) return true;
  }
  return false;
}

/** A relative pronoun that stands for the clause before it ("noe", "noko"; frames data: clauseRelatives). */
/**
 * A relative pronoun the parse made a subject of a verb that has another subject after it, right after the comma
 * after a name or noun: the relative is the verb's object ("MONUSCO, which Kenya led, ...", "Ukraina, som Danmark
 * støtter, ..."). The verb must be active.
 */
function objectRelative(view: View, v: GNode): GNode | undefined {
  if (v.passive) return undefined;
  const subj = view.kids(v.i, 'subj');
  if (subj.length < 2) return undefined;
  const rel = subj.find((c) => c.upos === 'PRON' && view.frames.sets.relative.has(c.lemma) && view.nodes[c.i - 1]?.form === ',');
  return rel && subj.some((c) => c.i > rel.i && c.upos !== 'PRON') ? rel : undefined;
}

function isClauseRelative(view: View, n: GNode): boolean {
  return n.upos === 'PRON' && view.frames.sets.clauseRelative.has(n.lemma);
}

/** Relations of a stance on a deed, whose object may be the deed for its doer ("condemned the attack"). */
const STANCES: ReadonlySet<RelationType> = new Set<RelationType>(['criticizes', 'rejects', 'supports']);

/** A person named right after a title that follows this name ("UN Secretary-General X", "IMF chief X"), in its subtree. */
function titledPersonUnder(view: View, k: number): Arg | undefined {
  const m = view.mentionAt[k]!;
  const after = m.tokenEnd + 1;
  const t = view.nodes[after];
  if (!t || !titleOf(view, t)) return undefined;
  for (const c of view.kids(k, 'nmod', 'compound', 'appos', 'flat', 'other')) {
    const cm = view.mentionAt[c.i];
    if (cm?.entity && cm.type === 'person' && cm.tokenStart > after && cm.tokenStart <= after + 3 && !c.prep) return { entity: cm.entity, type: cm.type, node: c.i, weight: 0.9 };
  }
  return undefined;
}

/** The state other than `home` that the place phrase right after node k names ("i Tallinn", "in Kyiv"). */
function placedAbroad(view: View, k: number, home: string): { entity: string; type: EntityType } | undefined {
  for (const c of view.kids(k, 'nmod')) {
    if (!view.frames.sets.placePreps.has(c.prep)) continue;
    const cm = view.mentionAt[c.i];
    if (!cm?.entity) continue;
    const state = cm.type === 'country' ? { entity: cm.entity, type: cm.type } : cm.type === 'location' && cm.kbId && view.stateOf ? view.stateOf(cm.kbId) : undefined;
    if (state && state.entity !== home) return state;
  }
  return undefined;
}

/** Is a lemma a stand-in noun of the frames data (proxyNouns), or a compound ending in one ("utenriksdepartement")? */
function isProxyLemma(proxies: ReadonlySet<string>, l: string): boolean {
  if (proxies.has(l)) return true;
  for (const p of proxies) if (p.length >= 4 && l.length - p.length >= 3 && l.endsWith(p)) return true;
  return false;
}

function standInLemma(view: View, n: GNode): string {
  // (A capitalised noun of no name keeps its capital in the lemma: "Defence Ministry".)
  const l = n.upos === 'PROPN' && !view.mentionAt[n.i] ? n.lemma.toLowerCase() : n.lemma;
  if (view.frames.sets.proxy.has(l)) return l;
  // (An English plural the lemmatiser kept: "troops".)
  if (view.frames.language === 'en' && l.endsWith('s') && view.frames.sets.proxy.has(l.slice(0, -1))) return l.slice(0, -1);
  const dash = l.lastIndexOf('-');
  if (dash > 0) return l.slice(dash + 1);
  if (view.frames.language !== 'en') for (const p of view.frames.sets.proxy) if (l.length - p.length >= 3 && l.endsWith(p)) return p;
  return l;
}

/** The owner of a noun: genitive, demonym adjective, a name before it, a name in its compound, or "of/i/ved X". */
/** Set while a possessive pronoun is being resolved: its clause's subject may hold another one. */
let resolvingPossessive = false;

/**
 * The owner of a title or stand-in noun. `placeIsNoOwner`: for an office below the head, a country or place after "i"/"in"
 * is where it is held, not whose it is ("høyrepresentanten i Bosnia", "the ambassador in Kyiv").
 */
function ownerOf(view: View, n: GNode, depth = 0, placeIsNoOwner = false): { entity: string; type: EntityType } | undefined {
  // (A force is where it is sent, not whose it is: "styrken i Haiti", "the troops in Iraq"; the nouns that have a
  // deployed_in frame.)
  placeIsNoOwner ||= framesOf(view, n).some((f) => f.relation === 'deployed_in');
  const candidates: GNode[] = [];
  for (const fn of ['poss', 'amod', 'compound', 'flat'] as const) for (const c of view.kids(n.i, fn)) candidates.push(c);
  for (const c of candidates) {
    // "Turkey, whose president X ...": the relative possessive is the noun the clause is about.
    if (c.fn === 'poss' && c.upos === 'PRON' && view.frames.sets.relative.has(c.lemma)) {
      for (let cur: GNode | undefined = view.nodes[n.gov], guard = 0; cur && guard < 5; cur = view.nodes[cur.gov], guard++) {
        if (cur.fn !== 'relcl') continue;
        for (const k of antecedent(view, cur)) {
          const m = view.mentionAt[k];
          if (m?.entity && (m.type === 'country' || m.type === 'organization')) return { entity: m.entity, type: m.type };
        }
        break;
      }
      continue;
    }
    if (c.fn === 'poss' && view.frames.sets.reflexivePoss.has(c.lemma)) {
      for (const k of possessivePronounOwner(view, c, n)) {
        const m = view.mentionAt[k];
        if (m?.entity && m.type !== 'person') return { entity: m.entity, type: m.type };
      }
      continue;
    }
    const m = view.mentionAt[c.i];
    if (m?.entity && (m.type === 'country' || m.type === 'organization')) return { entity: m.entity, type: m.type };
    // A possessive pronoun ("its northern state of X", "their president"): whom it refers to.
    // (Inside its clause it is the clause's subject's, "Kenya ... deployed its police officers"; else whom it refers to.)
    if (!m && c.fn === 'poss' && c.upos === 'PRON' && depth === 0 && !resolvingPossessive) {
      resolvingPossessive = true;
      try {
        let v: GNode | undefined = view.nodes[n.gov];
        for (let guard = 0; v && !isVerb(v) && guard < 3; guard++) v = view.nodes[v.gov];
        const body = (a: Arg | undefined) => !!a && (a.type === 'country' || a.type === 'organization');
        const fromSubject = v && isVerb(v) ? subjectOf(view, v).map((k) => argOf(view, k, ['country', 'organization'], 1)).find(body) : undefined;
        const a = fromSubject ?? argOf(view, c.i, ['country', 'organization'], 1);
        if (a && body(a)) return { entity: a.entity, type: a.type };
      } finally {
        resolvingPossessive = false;
      }
    }
  }
  const inside = view.prefixAt[n.i];
  if (inside?.entity && (inside.type === 'country' || inside.type === 'organization')) return { entity: inside.entity, type: inside.type };
  const g = adjacentGenitive(view, n);
  const gm = g !== undefined ? view.mentionAt[g] : undefined;
  if (gm?.entity && (gm.type === 'country' || gm.type === 'organization')) return { entity: gm.entity, type: gm.type };
  for (const c of view.kids(n.i, 'nmod')) {
    // "regjeringa i Aden", "the government in Kabul": a ruling body in a city is the state's the city lies in.
    if (view.frames.sets.governing.has(standInLemma(view, n)) && view.frames.sets.placePreps.has(c.prep)) {
      const cm = view.mentionAt[c.i];
      const state = cm?.entity && cm.type === 'location' && cm.kbId && view.stateOf ? view.stateOf(cm.kbId) : undefined;
      if (state) return { entity: state.entity, type: state.type };
    }
    // (An envoy "i FN", "to Libya" serves there: not whose envoy it is.)
    if (isEnvoy(view, n) && (view.frames.sets.placePreps.has(c.prep) || c.prep === 'to' || c.prep === 'til')) continue;
    const o = depth === 0 ? ownerPhrase(view, c, placeIsNoOwner) : undefined;
    if (o) return o;
  }
  return undefined;
}

/** An envoy's title noun ("representant", "FN-ambassadør", "envoy"; frames data: envoyTitles). */
function isEnvoy(view: View, n: GNode): boolean {
  return isEnvoyWord(view.frames.sets.envoy, n.form.toLowerCase());
}

/** A lower-case word that is an envoy's title or a compound of one ("spesialutsending", "FN-ambassadør"). */
function isEnvoyWord(envoys: ReadonlySet<string>, w: string): boolean {
  for (const e of envoys) if (w.includes(e)) return true;
  return false;
}

/**
 * The owner an "of/for/ved/i X" phrase gives a title: a country or body by name, or a stand-in's owner ("talskvinne X
 * i det russiske utenriksdepartementet"). `placeIsNoOwner`: see ownerOf.
 */
function ownerPhrase(view: View, c: GNode, placeIsNoOwner: boolean): { entity: string; type: EntityType } | undefined {
  if (!view.frames.sets.ownerPreps.has(c.prep)) return undefined;
  const m = view.mentionAt[c.i];
  if (m?.entity) {
    if (placeIsNoOwner && m.type === 'country' && view.frames.sets.placePreps.has(c.prep)) return undefined;
    return m.type === 'country' || m.type === 'organization' ? { entity: m.entity, type: m.type } : undefined;
  }
  if (c.upos === 'NOUN' && view.frames.sets.proxy.has(standInLemma(view, c))) return ownerOf(view, c, 1);
  return undefined;
}

/**
 * A genitive name right before a noun owns it ("NATOs generalsekretær", "Russlands angrep"), whatever the parse
 * attached it to: the genitive ending marks the possessor, and a Norwegian or English prenominal genitive stands
 * directly before its noun (or before its adjectives).
 */
function adjacentGenitive(view: View, n: GNode): number | undefined {
  let k = n.i - 1;
  while (k >= 0 && view.nodes[k]!.upos === 'ADJ' && view.nodes[k]!.gov === n.i && !view.mentionAt[k]) k--;
  const m = view.mentionAt[k];
  if (!m || m.form !== 'genitive' || m.tokenEnd !== k) return undefined;
  const node = view.nodes[k]!;
  // (Unless the parse made it the possessor of another noun.)
  if (node.fn === 'poss' && node.gov !== n.i) return undefined;
  return k;
}

function isTitle(view: View, n: GNode): boolean {
  return !!titleOf(view, n);
}

/** The title a noun is (with its compound and adjective words before it: "prime minister", "secretary general"). */
/** A head's title with a deputy's word right before its first word ("Deputy Prime Minister") is a member's. */
function deputyOf(view: View, first: number, role: 'leads' | 'member_of'): 'leads' | 'member_of' {
  const before = view.nodes[first - 1];
  return before && view.lang.sets.deputies.has(before.form.toLowerCase()) ? 'member_of' : role;
}

function titleOf(view: View, n: GNode): { role: 'leads' | 'member_of'; words: number[] } | undefined {
  // (A title word that goes on into a longer title is that title's: "Secretary" in "Secretary General X".)
  const next = view.nodes[n.i + 1];
  if (next && !view.mentionAt[n.i + 1] && /^\p{L}/u.test(next.form)) {
    const longer = view.lang.titles.get(`${n.form.toLowerCase()} ${next.form.toLowerCase()}`);
    if (longer) return { role: deputyOf(view, n.i, longer.role), words: [n.i, n.i + 1] };
  }
  const prev = view.nodes[n.i - 1];
  if (prev && !view.mentionAt[n.i - 1] && /^\p{L}/u.test(prev.form)) {
    const longer = view.lang.titles.get(`${prev.form.toLowerCase()} ${n.form.toLowerCase()}`);
    if (longer) return { role: deputyOf(view, n.i - 1, longer.role), words: [n.i - 1, n.i] };
  }
  const mods = view.kids(n.i, 'compound', 'amod').filter((c) => c.i < n.i && !view.mentionAt[c.i]).map((c) => c.i);
  // Longest first: "prime minister" over "minister"; "deputy foreign minister" → "foreign minister".
  for (let from = 0; from <= mods.length; from++) {
    const words = [...mods.slice(from), n.i];
    const phrase = words.map((w) => view.nodes[w]!.form.toLowerCase()).join(' ');
    const t = findTitle(view.lang, phrase) ?? (words.length === 1 ? findTitle(view.lang, view.nodes[n.i]!.lemma) : undefined);
    if (!t) continue;
    // A noun before the title that is no part of it says what the bearer heads within the owner ("Russian
    // opposition leader X", "the bank's union chief"): a member of the owner, not its head.
    // (So does a deputy's word: "deputy prime minister".)
    const before = view.nodes[Math.min(...words) - 1];
    // (Not a noun that stands for the state itself, its ruling body: "Mali's junta leader", "regime leader".)
    const qualified = mods.slice(0, from).some((w) => (view.nodes[w]!.upos === 'NOUN' && !view.frames.sets.governing.has(standInLemma(view, view.nodes[w]!))) || view.lang.sets.deputies.has(view.nodes[w]!.form.toLowerCase())) || (!!before && view.lang.sets.deputies.has(before.form.toLowerCase()));
    return { role: qualified ? 'member_of' : t.entry.role, words };
  }
  // A compound title written as one word or with a hyphen: "utenriksminister", "Director-General", "Nato-sjefen".
  const form = n.form.toLowerCase();
  const t = findTitle(view.lang, form);
  if (t) return { role: t.entry.role, words: [n.i] };
  return undefined;
}

// ---- assertion ----

function assertionOf(view: View, n: GNode, isNoun: boolean): { negated: boolean; hypothetical: boolean } {
  const sets = view.frames.sets;
  let negated = false;
  let hypothetical = false;
  const clauseMarks = (v: GNode) => {
    if (v.marks.some((m) => sets.condition.has(m))) hypothetical = true;
    // The consequent of a condition: "X will send troops only if ...", "if ..., X will respond". (Not a threat: its
    // condition is what it threatens with, "truet Danmark med toll dersom ...".)
    if (view.kids(v.i, 'advcl').some((c) => c.marks.some((m) => sets.condition.has(m))) && !framesOf(view, v).some((f) => f.relation === 'threatens')) hypothetical = true;
    for (const a of v.aux) if (sets.modal.has(a) || sets.plan.has(a)) hypothetical = true;
    if (view.kids(v.i, 'neg').length > 0) negated = true;
    // A claim tagged on after the clause ("..., hevder USA", "..., the United States claims"): not a fact.
    if (parentheticalClaims(view, v).length > 0) hypothetical = true;
  };
  if (isNoun) n = measured(view, n);
  let cur: GNode | undefined = n;
  if (isNoun) {
    if (view.kids(n.i, 'det', 'neg').some((d) => sets.negDet.has(d.lemma))) negated = true;
    // "blokkert medlemskapsforhandlingene", "the blocked talks": a preventing verb's participle before the noun.
    if (view.kids(n.i, 'amod').some((a) => a.i < n.i && sets.preventing.has(a.lemma))) return { negated, hypothetical: true };
    // The noun's verb: a support verb carries its assertion ("imposed no sanctions", "did not launch an attack");
    // a non-factive governor makes it unreal ("krever sanksjoner", "called for talks").
    // Any other verb says nothing of whether a thing named definitely happened ("condemned the sanctions", "ønsker
    // at Natos oppdrag fortsetter": it exists). An indefinite object comes about through the verb, and is as unreal
    // as its clause: a plan, a condition, an offer ("will trigger the mechanism to restore sanctions if ...", "has
    // offered to host talks between X and Y").
    const v = view.nodes[n.gov];
    // A noun under another noun is as real as that one ("vertskap for nye samtaler", "host of new talks").
    if (v && n.fn === 'nmod' && v.upos === 'NOUN' && v.i !== n.i && !isVerb(v)) {
      const up = assertionOf(view, v, true);
      return { negated: negated || up.negated, hypothetical: up.hypothetical };
    }
    // (A preventing participle the parse read as an adjective with the noun its object: "har ... blokkert forhandlingene".)
    if (v && !isVerb(v) && n.fn === 'obj' && sets.preventing.has(v.lemma)) return { negated, hypothetical: true };
    if (v && isVerb(v) && ['obj', 'obl', 'pred', 'subj', 'xcomp'].includes(n.fn)) {
      const support = supportVerb(view, n);
      if (support) cur = support;
      else if ((!sets.factive.has(v.lemma) && nonFactive(view, v)) || (sets.preventing.has(v.lemma) && n.fn === 'obj')) return { negated, hypothetical: true };
      else if ((n.fn === 'obj' || n.fn === 'obl') && !definite(view, n)) return { negated, hypothetical: assertionOf(view, v, false).hypothetical };
      else return { negated, hypothetical };
    } else return { negated, hypothetical };
  }
  for (let guard = 0; guard < 6 && cur; guard++) {
    clauseMarks(cur);
    const g: GNode | undefined = view.nodes[cur.gov];
    if (!g) break;
    if (cur.fn === 'conj') {
      // Conjoined clauses share a condition, not a negation.
      const wasNeg: boolean = negated;
      clauseMarks(g);
      negated = wasNeg;
      cur = view.nodes[g.gov] && g.fn === 'advcl' ? g : undefined;
      if (g.fn === 'xcomp' || g.fn === 'comp') cur = g;
      else break;
      continue;
    }
    if (isPurpose(view, cur)) {
      // "sendte soldater for å kjempe": the purpose is as real as the sending.
      cur = g;
      continue;
    }
    if ((cur.fn === 'xcomp' || cur.fn === 'advcl') && !isVerb(g) && hasFeat(cur, 'VerbForm', 'Inf')) {
      // The infinitive of an adjective ("open to holding talks", "villig til å forhandle", "ready to sign"): a
      // disposition, not a deed, unless the adjective says it was done ("was quick to condemn").
      if (!sets.factive.has(g.lemma)) hypothetical = true;
      cur = g;
      continue;
    }
    if (cur.fn === 'xcomp') {
      // "svarte med å skyte", "ved å utvikle": the means of a deed is as real as the deed.
      // (Not so after a verb whose complement is unreal: "truet med å angripe" is no attack.)
      if (!sets.factive.has(g.lemma) && (nonFactive(view, g) || (cur.prep !== 'med' && cur.prep !== 'ved'))) hypothetical = true;
      cur = g;
      continue;
    }
    // What a denial verb's clause says is denied: "nektet for at partiet har fått penger fra X", "denied that it had
    // attacked Y" (frames data: denialVerbs).
    if ((cur.fn === 'comp' || cur.fn === 'advcl' || cur.fn === 'obl') && isVerb(cur) && isVerb(g) && sets.denial.has(g.lemma)) {
      negated = true;
      break;
    }
    if (cur.fn === 'comp') {
      if (!sets.reporting.has(g.lemma)) hypothetical = true;
      // The clause a speaker reports keeps its own negation; the speaker's negation ("did not say") makes it unreal.
      if (view.kids(g.i, 'neg').length > 0) hypothetical = true;
      cur = g;
      continue;
    }
    break;
  }
  return { negated, hypothetical };
}

/**
 * Claim verbs tagged on after a clause, with their own subject and no object ("Kina har levert droner til Russland,
 * hevder USA"; the parse makes them a parenthetical or, in English, often a conjunct).
 */
function parentheticalClaims(view: View, v: GNode, verbs: ReadonlySet<string> = view.frames.sets.accusation): GNode[] {
  return view.kids(v.i, 'parataxis', 'conj').filter((c) => {
    if (!isVerb(c) || c.i < v.i || !verbs.has(c.lemma)) return false;
    if (view.kids(c.i, 'obj', 'comp', 'xcomp').length > 0 || view.kids(c.i, 'subj').length === 0) return false;
    // (Separated by a comma: "..., hevder USA".)
    const first = Math.min(c.i, ...view.kids(c.i, 'subj', 'det', 'amod', 'compound').map((x) => x.i));
    return view.nodes.slice(v.i + 1, first).some((x) => x.form === ',');
  });
}

/** A governing verb that does not assert its object noun: a demand, threat or rejection verb, a modal or plan ("krever sanksjoner"). */
/** A noun phrase that presupposes its thing: a definite noun, or one with a definite determiner or a possessor. */
function definite(view: View, n: GNode): boolean {
  if (hasFeat(n, 'Definite', 'Def')) return true;
  return view.kids(n.i, 'det', 'poss').some((d) => d.fn === 'poss' || hasFeat(d, 'Definite', 'Def') || hasFeat(d, 'PronType', 'Dem'));
}

function nonFactive(view: View, v: GNode): boolean {
  const sets = view.frames.sets;
  if (sets.modal.has(v.lemma) || sets.plan.has(v.lemma)) return true;
  return (view.frames.byKey.get(`verb:${v.lemma}`) ?? []).some((f) => f.relation === 'demands' || f.relation === 'threatens' || f.relation === 'rejects');
}

// ---- titles and places ----

/** leads / member_of from titles, located_in from places: one matcher over the noun phrase. */
function roleRelations(view: View): Found[] {
  const out: Found[] = [];
  for (const n of view.nodes) {
    // (A title the tagger read as an adjective, "Secretary-General", still is one when the title table knows it.)
    if (n.upos !== 'NOUN' && n.upos !== 'PROPN' && !(n.upos === 'ADJ' && findTitle(view.lang, n.form.toLowerCase()))) continue;
    const title = titleOf(view, n);
    const place = !title && view.frames.sets.place.has(standInLemma(view, n)) ? true : false;
    if (!title && !place) continue;
    // The person (or place) the noun is the title of: apposition either way, flat, compound ("President Biden").
    // (A title's bearer is a person; a place noun's a place or a body: "NATO" in "NATO spokesperson" is the owner.)
    const fits = (k: number) => {
      const t = view.mentionAt[k]?.type;
      return title ? t === 'person' : t === 'location' || t === 'organization';
    };
    const bearers: number[] = [];
    for (const c of view.kids(n.i, 'appos', 'flat', 'compound')) if (fits(c.i)) bearers.push(c.i);
    // "its northern state of Roraima", "the province of X": a place noun's "of" phrase names the place.
    // (Only the naming preposition: "the enclave of X", not "enklaven ved Austersjøen".)
    if (place) for (const c of view.kids(n.i, 'nmod')) if (c.i > n.i && view.lang.sets.genitivePrepositions.has(c.prep) && view.mentionAt[c.i]?.type === 'location') bearers.push(c.i);
    if (['appos', 'compound', 'flat', 'amod'].includes(n.fn) && fits(n.gov)) bearers.push(n.gov);
    // UD copula: "X is the president of Y".
    for (const c of view.kids(n.i, 'subj')) if (fits(c.i)) bearers.push(c.i);
    // NDT copula, the title its predicate: "Schmidt, som er tysk diplomat", "X ble president i Y".
    const cop = view.nodes[n.gov];
    const copular = n.fn === 'pred' && !!cop && isVerb(cop) && !cop.passive;
    if (copular) for (const k of subjectOf(view, cop)) if (fits(k) && !bearers.includes(k)) bearers.push(k);
    // An office as the predicative of a verb that gives it: "X was elected president", "was sworn in as chancellor",
    // "appointed X ambassador", "ble valgt til ordfører", "innsatt som kansler". The bearer is the active verb's
    // object, else its subject. (After "as"/"som" any verb: "X served as president", "described Y as the leader".)
    const predicative = !!title && !copular && !!cop && isVerb(cop) && (((n.fn === 'obl' || n.fn === 'pred' || n.fn === 'xcomp') && view.frames.sets.asMarks.has(n.prep)) || (view.frames.sets.appointing.has(cop.lemma) && (n.fn === 'xcomp' || (n.fn === 'obl' && view.frames.sets.appointingPreps.has(n.prep)))));
    if (predicative) {
      const objects = cop.passive ? [] : view.kids(cop.i, 'obj').filter((c) => fits(c.i)).map((c) => c.i);
      for (const k of objects.length > 0 ? objects : subjectOf(view, cop)) if (fits(k) && !bearers.includes(k)) bearers.push(k);
    }
    // (A predicate is as real as its clause: "X er ikke statsminister", "X could become president".)
    const said = copular || predicative ? assertionOf(view, cop!, false) : view.kids(n.i, 'cop').length > 0 ? assertionOf(view, n, false) : { negated: false, hypothetical: false };
    // A title right before a person's name is that person's, however the parse attached the two.
    if (bearers.length === 0 && title) {
      const next = view.sentence.tokens[n.i + 1] ? view.mentionAt.findIndex((mm, j) => j > n.i && mm?.type === 'person' && mm.tokenStart === n.i + 1) : -1;
      if (next >= 0) bearers.push(next);
      // (So is a person's name between commas right after it, the parse's conjunct: "X and its president, Y, ...".)
      else if (view.sentence.tokens[n.i + 1]?.text === ',') {
        const after = view.mentionAt.findIndex((mm, j) => j > n.i && mm?.type === 'person' && mm.tokenStart === n.i + 2);
        const end = after >= 0 ? view.mentionAt[after]!.tokenEnd + 1 : -1;
        if (after >= 0 && (end >= view.sentence.tokens.length || /^[,.;:)]$/.test(view.sentence.tokens[end]!.text))) bearers.push(after);
      }
    }
    const o = ownerOf(view, n, 0, title?.role === 'member_of');
    let owner: Arg | undefined = o ? { ...o, node: n.i, weight: 1 } : undefined;
    // "WHO Director-General X", "IMF chief X": a bare name of a body or state right before the title words.
    if (!owner && title) {
      const first = Math.min(...title.words);
      const before = view.mentionAt[first - 1];
      if (before?.entity && (before.type === 'country' || before.type === 'organization') && before.form === 'name' && before.tokenEnd === first - 1) owner = { entity: before.entity, type: before.type, node: first - 1, weight: 0.9 };
    }
    // "US President Joe Biden" (UD): the owner is the person's other compound before the title.
    if (!owner && (n.fn === 'compound' || n.fn === 'amod' || n.fn === 'flat')) {
      for (const c of view.kids(n.gov, 'compound', 'amod', 'poss')) {
        const cm = view.mentionAt[c.i];
        if (c.i < n.i && cm?.entity && (cm.type === 'country' || cm.type === 'organization')) owner = { entity: cm.entity, type: cm.type, node: c.i, weight: 1 };
      }
    }
    // "oberst Jens Junge i Heimevernet", "spokesperson Ana Lopez of the WHO": the owner phrase after the name.
    if (!owner && title) {
      for (const b of bearers) {
        for (const c of view.kids(b, 'nmod')) {
          const o = ownerPhrase(view, c, title.role === 'member_of');
          if (o) owner = { ...o, node: c.i, weight: 0.9 };
        }
      }
    }
    // "Statsminister X sa at Georgia ...", "Norge vil ..., sa statsminister X": a bare title's owner is the one state
    // or body its bearer speaks of as the subject of what is said.
    if (!owner && title) {
      for (const b of bearers) {
        const spoken = spokenFor(view, b);
        if (spoken) owner = { ...spoken, weight: 0.8 };
      }
    }
    // "the port of Sevastopol in Crimea", "byen Kherson i Ukraina" with the place phrase hung on the place noun: the
    // place noun's own "in/i X" is where its name lies.
    if (!owner && place) {
      for (const c of view.kids(n.i, 'nmod')) {
        const cm = view.mentionAt[c.i];
        if (c.i > n.i && view.frames.sets.placePreps.has(c.prep) && cm?.entity && (cm.type === 'location' || cm.type === 'country') && !bearers.includes(c.i)) owner = { entity: cm.entity, type: cm.type, node: c.i, weight: 0.9 };
      }
    }
    // "hovedstaden Ouagadougou", "the capital Kabul" with no owner named: the state the knowledge base knows it as the
    // capital of (frames data: capitalNouns).
    if (!owner && place && view.stateOf && view.frames.sets.capital.has(standInLemma(view, n))) {
      for (const b of bearers) {
        const m = view.mentionAt[b]!;
        const state = m.entity && m.type === 'location' && m.kbId ? view.stateOf(m.kbId) : undefined;
        if (state && state.entity !== m.entity) out.push({ relation: 'located_in', subject: { entity: m.entity!, type: m.type, node: b, weight: 1 }, object: { ...state, node: n.i, weight: 0.9 }, trigger: n.i, frame: `${view.frames.language}:capital:located_in`, confidence: 0.8, negated: false, hypothetical: false });
      }
      continue;
    }
    if (!owner) continue;
    // (A head's title posted in a place other than its owner is the owner's member there: "Indias høykommissær i
    // Dhaka", "Nato's commander in Kosovo".)
    const posted = title?.role === 'leads' && view.kids(n.i, 'nmod').some((c) => view.frames.sets.placePreps.has(c.prep) && view.nodes[n.i + 1]?.form.toLowerCase() === c.prep && !!view.mentionAt[c.i]?.entity && view.mentionAt[c.i]!.entity !== owner!.entity && (view.mentionAt[c.i]!.type === 'location' || view.mentionAt[c.i]!.type === 'country'));
    const role = posted ? 'member_of' : title?.role;
    for (const b of bearers) {
      const m = view.mentionAt[b]!;
      if (!m.entity || m.entity === owner.entity) continue;
      if (title && role && m.type === 'person') {
        out.push({ relation: role, subject: { entity: m.entity, type: m.type, node: b, weight: 1 }, object: owner, trigger: n.i, frame: `${view.frames.language}:title:${role}`, confidence: 0.9, ...said });
      } else if (place && (m.type === 'location' || m.type === 'organization') && (owner.type === 'country' || owner.type === 'location')) {
        out.push({ relation: 'located_in', subject: { entity: m.entity, type: m.type, node: b, weight: 1 }, object: owner, trigger: n.i, frame: `${view.frames.language}:place:located_in`, confidence: 0.85, negated: false, hypothetical: false });
      }
    }
  }
  // "the US-led coalition X", "den Nato-ledede styrken KFOR": the name inside the adjective leads what it modifies.
  for (const n of view.nodes) {
    const p = view.prefixAt[n.i];
    const form = n.form.toLowerCase();
    if (!p?.entity || !view.frames.sets.leader.some((x) => form.endsWith(x))) continue;
    const leader = p.type === 'location' && p.kbId && view.stateOf ? view.stateOf(p.kbId) : p.type === 'country' || p.type === 'organization' ? { entity: p.entity, type: p.type } : undefined;
    const g = view.nodes[n.gov];
    if (!leader) continue;
    // What it modifies: the name right after it ("the US-led Global Coalition"), or the noun the parse gives and that
    // noun's name ("fredsstyrken KFOR", either way round).
    // (Or after its noun, by the words, however the parse read the adjective: "den Nato-leidde styrken KFOR".)
    const noun = view.nodes[n.i + 1];
    const next = view.mentionAt.find((m) => m?.tokenStart === n.i + 1) ?? (noun && noun.upos === 'NOUN' && !view.mentionAt[noun.i] ? view.mentionAt.find((m) => m?.tokenStart === n.i + 2) : undefined);
    const near = g && (n.fn === 'amod' || n.fn === 'compound') ? [g.i, ...view.kids(g.i, 'appos', 'flat', 'compound').filter((c) => c.i > g.i).map((c) => c.i), ...(g.fn === 'appos' ? [g.gov] : [])] : [];
    const led = [next, ...near.map((k) => view.mentionAt[k])].find((m) => m?.entity && m.type === 'organization');
    if (!led || led.entity === leader.entity) continue;
    out.push({ relation: 'leads', subject: { ...leader, node: n.i, weight: 0.9 }, object: { entity: led.entity!, type: 'organization', node: g.i, weight: 1 }, trigger: n.i, frame: `${view.frames.language}:leader-compound:leads`, confidence: 0.85, negated: false, hypothetical: false });
  }
  // "a Pakistan-based militant group", "den Qatar-baserte kanalen Al Jazeera": the place inside the adjective is
  // where what it modifies is (frames data: basedSuffixes).
  for (const n of view.nodes) {
    const p = view.prefixAt[n.i];
    const form = n.form.toLowerCase();
    if (!p?.entity || (p.type !== 'country' && p.type !== 'location') || !view.frames.sets.based.some((x) => form.endsWith(x))) continue;
    // What it modifies, by the words: the name right after it or after its noun ("the Qatar-based broadcaster Al
    // Jazeera"), or the name before the comma that opens its phrase ("X, a Pakistan-based militant group").
    const toks = view.sentence.tokens;
    const g = view.nodes[n.gov];
    const at = (k: number) => view.mentionAt.find((m) => m?.tokenStart === k && m.entity);
    let open = n.i - 1;
    while (open > 0 && /^(a|an|the|en|ei|et|den|det|de)$/i.test(toks[open]!.text)) open--;
    const before = toks[open]?.text === ',' ? view.mentionAt.find((m) => m?.tokenEnd === open - 1 && m.entity) : undefined;
    const candidates = [at(n.i + 1), g && g.i > n.i ? at(g.i + 1) : undefined, g && g.i > n.i ? view.mentionAt[g.i] : undefined, before];
    const placed = candidates.find((m) => m?.entity && m.source !== 'coref' && (m.type === 'organization' || m.type === 'location'));
    if (!placed || placed.entity === p.entity) continue;
    out.push({ relation: 'located_in', subject: { entity: placed.entity!, type: placed.type, node: view.headOf(placed), weight: 1 }, object: { entity: p.entity, type: p.type, node: n.i, weight: 0.9 }, trigger: n.i, frame: `${view.frames.language}:based-compound:located_in`, confidence: 0.8, negated: false, hypothetical: false });
  }
  // The titles the words show, whatever the parse made of them (surfaceTitles).
  for (const t of view.titled) {
    out.push({ relation: t.role, subject: { entity: t.person.entity!, type: 'person', node: t.person.tokenStart, weight: 1 }, object: { entity: t.owner.entity!, type: t.owner.type, node: t.owner.tokenEnd, weight: 1 }, trigger: t.end, frame: `${view.frames.language}:title:${t.role}`, confidence: 0.9, negated: false, hypothetical: false });
  }
  // "the Quad, the grouping of the United States, India, Japan and Australia", "Aukus, alliansen mellom USA,
  // Storbritannia og Australia": a body with a bloc noun in apposition whose phrase coordinates states has them as
  // members (frames data: blocNouns).
  for (const n of view.nodes) {
    if (n.upos !== 'NOUN' || !view.frames.sets.bloc.has(n.lemma)) continue;
    const body = n.fn === 'appos' ? view.mentionAt[n.gov] : undefined;
    const named = body?.entity && body.type === 'organization' ? body : view.kids(n.i, 'appos').map((c) => view.mentionAt[c.i]).find((m) => m?.entity && m.type === 'organization');
    if (!named?.entity) continue;
    for (const c of view.kids(n.i, 'nmod')) {
      if (!view.frames.sets.ownerPreps.has(c.prep) && !view.frames.betweenPrepositions.includes(c.prep)) continue;
      const states = partiesOf(view, view.conjuncts(c.i)).filter((p) => p.type === 'country' && p.entity !== named.entity);
      if (states.length < 2) continue;
      for (const st of states) out.push({ relation: 'member_of', subject: { ...st, node: c.i, weight: 1 }, object: { entity: named.entity, type: 'organization', node: view.headOf(named), weight: 1 }, trigger: n.i, frame: `${view.frames.language}:bloc-apposition:member_of`, confidence: 0.8, negated: false, hypothetical: false });
    }
  }
  // Membership the words show ("Nato-landet Romania", "NATO member Romania"; memberAppositions).
  for (const mb of view.members) {
    out.push({ relation: 'member_of', subject: { entity: mb.member.entity!, type: 'country', node: mb.member.tokenStart, weight: 1 }, object: { entity: mb.owner.entity!, type: 'organization', node: mb.owner.tokenEnd, weight: 1 }, trigger: mb.end, frame: `${view.frames.language}:member-apposition:member_of`, confidence: 0.85, negated: false, hypothetical: false });
  }
  // "Nairobi, Kenya", "Kurdistan-regionen i Irak", "Baghdad in Iraq": a place with a country or region beside it.
  for (const n of view.nodes) {
    const m = view.mentionAt[n.i];
    if (!m?.entity || m.type !== 'location') continue;
    for (const c of view.kids(n.i, 'appos', 'nmod', 'flat', 'conj')) {
      const cm = view.mentionAt[c.i];
      if (!cm?.entity || cm.entity === m.entity || (cm.type !== 'country' && cm.type !== 'location')) continue;
      if (c.fn === 'nmod' && !view.frames.sets.placePreps.has(c.prep)) continue;
      // "Nairobi, Kenya": the comma apposition; a list "Kyiv, Lviv og Odesa" is conjunction of places of one kind.
      if ((c.fn === 'conj' || c.fn === 'flat' || c.fn === 'appos') && !(cm.type === 'country' && betweenIsComma(view, n.i, c.i))) continue;
      if (c.fn === 'conj' && view.kids(c.i, 'cc').length > 0) continue;
      out.push({ relation: 'located_in', subject: { entity: m.entity, type: m.type, node: n.i, weight: 1 }, object: { entity: cm.entity, type: cm.type, node: c.i, weight: 1 }, trigger: n.i, frame: `${view.frames.language}:place:located_in`, confidence: 0.8, negated: false, hypothetical: false });
    }
  }
  // "Dusjanbe, hovudstaden i Tadsjikistan", "Bukavu, the capital of South Kivu province", "Kaliningrad, den russiske
  // enklaven", "Kinmen, a Taiwanese island group": a place, a comma, a place noun with its owner phrase or its
  // state's adjective, however the parse attached them.
  {
    const toks = view.sentence.tokens;
    const placeNoun = (k: number) => {
      const node = view.nodes[k];
      return !!node && node.upos === 'NOUN' && !view.mentionAt[k] && view.frames.sets.place.has(standInLemma(view, node));
    };
    const startsAt = (k: number) => view.mentionAt.find((x) => x?.tokenStart === k && x.entity);
    for (const m of new Set(view.mentionAt)) {
      if (!m?.entity || (m.type !== 'location' && m.type !== 'organization') || toks[m.tokenEnd + 1]?.text !== ',') continue;
      let k = m.tokenEnd + 2;
      if (/^(the|a|an|den|det|ei|en|et)$/i.test(toks[k]?.text ?? '')) k++;
      // (The state's adjective: "den russiske enklaven".)
      const adj = startsAt(k);
      let owner: Mention | undefined;
      if (adj?.form === 'demonym' && adj.type === 'country' && adj.tokenEnd === k) {
        k++;
        if (!placeNoun(k) && placeNoun(k + 1)) k++;
        if (placeNoun(k)) owner = adj;
      } else {
        while (k < toks.length && view.nodes[k]?.upos === 'ADJ' && !view.mentionAt[k]) k++;
        if (!placeNoun(k)) continue;
        if (placeNoun(k + 1)) k++;
        if (!view.frames.sets.ownerPreps.has(toks[k + 1]?.text.toLowerCase() ?? '')) continue;
        let o = k + 2;
        if (/^(the|den|det)$/i.test(toks[o]?.text ?? '')) o++;
        if (placeNoun(o)) o++;
        owner = startsAt(o);
      }
      if (!owner?.entity || owner.entity === m.entity || (owner.type !== 'country' && owner.type !== 'location')) continue;
      if (out.some((f) => f.relation === 'located_in' && f.subject.entity === m.entity && f.object.entity === owner!.entity)) continue;
      out.push({ relation: 'located_in', subject: { entity: m.entity, type: m.type, node: m.tokenStart, weight: 1 }, object: { entity: owner.entity, type: owner.type, node: owner.tokenStart, weight: 1 }, trigger: k, frame: `${view.frames.language}:place:located_in`, confidence: 0.8, negated: false, hypothetical: false });
    }
  }
  // "Gjumri nord i Armenia", "Kirkuk in northern Iraq", "Gjumri i Armenia": a place, a direction (or none) and a place
  // preposition, then a country or region, however the parse attached the phrase.
  const sets = view.frames.sets;
  const seen = new Set<Mention>();
  for (const m of view.mentionAt) {
    if (!m?.entity || m.type !== 'location' || seen.has(m)) continue;
    seen.add(m);
    const toks = view.sentence.tokens;
    let k = m.tokenEnd + 1;
    if (toks[k]?.text === ',') k++;
    const dir = sets.direction.has(toks[k]?.text.toLowerCase() ?? '');
    if (dir) k++;
    if (!sets.placePreps.has(toks[k]?.text.toLowerCase() ?? '')) continue;
    k++;
    if (!dir && toks[k] && /^(det|den|the)$/i.test(toks[k]!.text) && sets.directionAdj.has(toks[k + 1]?.text.toLowerCase() ?? '')) k++;
    if (sets.directionAdj.has(toks[k]?.text.toLowerCase() ?? '')) k++;
    const c = view.mentionAt.find((x) => x?.tokenStart === k && x.entity);
    if (!c || c.entity === m.entity || (c.type !== 'country' && c.type !== 'location')) continue;
    // (A city after "i" is where something happens, not what a place lies in: "støtte Skopje i Brussel".)
    if (c.type === 'location' && c.kbId && view.stateOf?.(c.kbId)) continue;
    if (m.kbId && view.stateOf?.(m.kbId) && c.type === 'country' && view.stateOf(m.kbId)!.entity !== c.entity) continue;
    if (out.some((f) => f.relation === 'located_in' && f.subject.entity === m.entity && f.object.entity === c.entity)) continue;
    out.push({ relation: 'located_in', subject: { entity: m.entity, type: m.type, node: m.tokenStart, weight: 1 }, object: { entity: c.entity!, type: c.type, node: c.tokenStart, weight: 1 }, trigger: m.tokenEnd, frame: `${view.frames.language}:place:located_in`, confidence: 0.8, negated: false, hypothetical: false });
  }
  return out;
}

/**
 * The one state or body a speaker's words are about: the subject of what the person at node b says it will do ("X sa
 * at Noreg skal ...", "Sweden will ..., Prime Minister X said"), when the person is the subject of a reporting verb and
 * that subject is a single country or body (frames data: intentAuxiliaries).
 */
function spokenFor(view: View, b: number): (Arg & { node: number }) | undefined {
  let node = view.nodes[b];
  for (let guard = 0; guard < 6 && node && (node.fn === 'flat' || node.fn === 'appos' || node.fn === 'compound'); guard++) node = view.nodes[node.gov];
  if (!node || node.fn !== 'subj') return undefined;
  const g = view.nodes[node.gov];
  const sets = view.frames.sets;
  // (A promise speaks for the state as a statement does: "lova at Noreg skal gi", "pledged that Japan would ...".)
  const speaks = (x: GNode) => sets.reporting.has(x.lemma) || sets.promise.has(x.lemma);
  if (!g || !isVerb(g)) return undefined;
  // (And what a reporting participle beside it says: "X said ..., adding that Sweden would ..."; or a reporting verb
  // that shares the subject of another: "X tok imot Y og lova at Noreg skal ...".)
  const direct = speaks(g) ? [...view.kids(g.i, 'comp'), ...(view.nodes[g.gov] && parentheticalClaims(view, view.nodes[g.gov]!, sets.reporting).includes(g) ? [view.nodes[g.gov]!] : [])] : [];
  const also = [g, ...direct].flatMap((x) => view.kids(x.i, 'advcl', 'conj')).filter((c) => isVerb(c) && speaks(c) && view.kids(c.i, 'subj').length === 0);
  if (direct.length === 0 && also.length === 0) return undefined;
  const claimed = [...direct, ...also.flatMap((c) => view.kids(c.i, 'comp'))];
  const found = new Map<string, Arg>();
  for (const c of claimed) {
    // (What a state will do, not what it must or did: "Noreg skal gi", "Sweden would send"; "Russia must leave" is
    // about another side.)
    if (!isVerb(c) || c.aux.some((a) => sets.obligation.has(a))) return undefined;
    if (!c.aux.some((a) => sets.intent.has(a))) continue;
    for (const k of subjectOf(view, c, 0, false).flatMap((x) => view.conjuncts(x))) {
      const m = view.mentionAt[k];
      // (A name, or a body's noun that names it again, "the alliance"; not a pronoun.)
      const party = m && m.form !== 'pronoun' && (m.source !== 'coref' || m.form === 'role') ? partyOf(view, m) : undefined;
      if (party) found.set(party.entity, { ...party, node: k, weight: 0.8 });
      else return undefined;
    }
  }
  return found.size === 1 ? [...found.values()][0] : undefined;
}

function betweenIsComma(view: View, a: number, b: number): boolean {
  const m = view.mentionAt[a]!;
  const toks = view.sentence.tokens;
  return toks[m.tokenEnd + 1]?.text === ',' && (view.mentionAt[b]?.tokenStart ?? -1) === m.tokenEnd + 2;
}


/** "Jonas Gahr Støre (Ap)": a party code after a name (found by resolve/ from the brackets) gives member_of. */
export function partyRoles(doc: Document, sentences: Sentence[], resolution: Resolution): Relation[] {
  const out: Relation[] = [];
  for (const r of resolution.roles) {
    if (r.title !== 'party' || !r.owner || r.owner === r.person) continue;
    const s = sentences[r.sentence]!;
    out.push({
      subject: r.person,
      relation: 'member_of',
      object: r.owner,
      confidence: 0.9,
      negated: false,
      hypothetical: false,
      evidence: [{ document: doc.id, sentence: doc.text.slice(s.start, s.end), start: r.trigger.start, end: r.trigger.end, trigger: r.trigger.text, extractor: 'tree', frame: 'party-code' }],
    });
  }
  return out;
}
