// Converts Norwegian Dependency Treebank (NDT) token annotation (Oslo-Bergen
// tags, NDT dependency relations) into Universal Dependencies UPOS and FEATS,
// following the conventions of the UD_Norwegian-Bokmaal/-Nynorsk conversion.
// Used to turn the NDT-only NorNE training files into UD-tagged data.
// Pure: no file system, no state.

export interface NdtToken { form: string; lemma: string; pos: string; feats: string; head: number; deprel: string }

/** Direct mapping of NDT part-of-speech tags whose UPOS never depends on context. */
const POS_TABLE: Readonly<Record<string, string>> = {
  subst: 'NOUN', adj: 'ADJ', adv: 'ADV', pron: 'PRON', det: 'DET', verb: 'VERB',
  prep: 'ADP', konj: 'CCONJ', sbu: 'SCONJ', 'inf-merke': 'PART', interj: 'INTJ',
  clb: 'PUNCT', '<komma>': 'PUNCT', '<anf>': 'PUNCT', '<strek>': 'PUNCT',
  '<parentes-beg>': 'PUNCT', '<parentes-slutt>': 'PUNCT', symb: 'SYM', ukjent: 'X',
};

/** NDT feature atoms and the UD features they stand for. */
const FEAT_TABLE: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  mask: [['Gender', 'Masc']], fem: [['Gender', 'Fem']], 'nøyt': [['Gender', 'Neut']],
  ent: [['Number', 'Sing']], eint: [['Number', 'Sing']], fl: [['Number', 'Plur']],
  be: [['Definite', 'Def']], bu: [['Definite', 'Def']], ub: [['Definite', 'Ind']],
  pos: [['Degree', 'Pos']], komp: [['Degree', 'Cmp']], sup: [['Degree', 'Sup']],
  gen: [['Case', 'Gen']], nom: [['Case', 'Nom']], akk: [['Case', 'Acc']],
  '1': [['Person', '1']], '2': [['Person', '2']], '3': [['Person', '3']],
  hum: [['Animacy', 'Hum']], refl: [['Reflex', 'Yes']], poss: [['Poss', 'Yes']],
  pers: [['PronType', 'Prs']], dem: [['PronType', 'Dem']], sp: [['PronType', 'Int']],
  res: [['PronType', 'Rcp']], fork: [['Abbr', 'Yes']],
  pres: [['Mood', 'Ind'], ['Tense', 'Pres'], ['VerbForm', 'Fin']],
  pret: [['Mood', 'Ind'], ['Tense', 'Past'], ['VerbForm', 'Fin']],
  imp: [['Mood', 'Imp'], ['VerbForm', 'Fin']],
  inf: [['VerbForm', 'Inf']], 'perf-part': [['VerbForm', 'Part']], pass: [['Voice', 'Pass']],
  '<perf-part>': [['VerbForm', 'Part']], '<pres-part>': [['VerbForm', 'Part']],
};

/** Which UD features each UPOS carries (others are dropped). */
const FEATS_BY_UPOS: Readonly<Record<string, readonly string[]>> = {
  NOUN: ['Abbr', 'Case', 'Definite', 'Gender', 'Number'],
  PROPN: ['Abbr', 'Case', 'Gender'],
  ADJ: ['Abbr', 'Case', 'Definite', 'Degree', 'Gender', 'Number', 'VerbForm'],
  VERB: ['Abbr', 'Mood', 'Tense', 'VerbForm', 'Voice'],
  AUX: ['Mood', 'Tense', 'VerbForm', 'Voice'],
  DET: ['Case', 'Definite', 'Gender', 'Number', 'Polarity', 'PronType'],
  PRON: ['Animacy', 'Case', 'Gender', 'Number', 'Person', 'Polarity', 'Poss', 'PronType', 'Reflex'],
  NUM: ['Definite', 'Gender', 'NumType', 'Number'],
  PART: ['Polarity'],
  ADV: ['Abbr'],
  ADP: ['Abbr'],
};

/**
 * Verbs that are AUX when they govern an infinitive/participle (INFV), as in the UD converter
 * (Nynorsk passive `verte` is not among them there: it stays VERB).
 */
const AUX_LEMMAS = new Set(['ha', 'være', 'vere', 'bli', 'få', 'kunne', 'skulle', 'ville', 'vilje', 'måtte', 'burde', 'tørre']);
const COPULA_LEMMAS = new Set(['være', 'vere']);
/** Quantifying determiners (NDT `kvant`) that stay DET; other `kvant` words are numerals. */
const QUANT_DET_TYPES: Readonly<Record<string, string>> = {
  en: 'Art', ein: 'Art', ei: 'Art', et: 'Art', eit: 'Art',
  all: 'Tot', alle: 'Tot', begge: 'Tot', hver: 'Tot', hvert: 'Tot', kvar: 'Tot', kvart: 'Tot',
  enhver: 'Tot', ethvert: 'Tot', einkvar: 'Tot', samtlige: 'Tot', samtlege: 'Tot',
  noen: 'Ind', noe: 'Ind', nokon: 'Ind', noko: 'Ind', ingen: 'Neg', inga: 'Neg', intet: 'Neg',
};
/** Extra PronType values that pronouns get from their lemma (besides NDT `pers`). */
const PRON_LEMMA_TYPES: Readonly<Record<string, string>> = {
  en: 'Art', ein: 'Art', noe: 'Ind', noen: 'Ind', noko: 'Ind', nokon: 'Ind',
  alle: 'Tot', begge: 'Tot', enhver: 'Tot', einkvar: 'Tot', ingen: 'Neg', ingenting: 'Neg',
};
const NEGATIONS = new Set(['ikke', 'ikkje', 'ei']);
/** Place adverbs that NDT tags as prepositions. */
const LOCATIVE_ADVERBS = /^(her|der|hit|dit)(fra|frå|ifra|ifrå|til|etter|under|over|inne|ute|på|av|med|om|i)?$/;
/** NDT relations for secondary predicates (UD xcomp), whose preposition UD marks as SCONJ. */
const PREDICATIVE_RELS = new Set(['OPRED', 'FOPRED', 'FSPRED']);

interface Ctx { sentence: readonly NdtToken[]; deps: readonly number[][] }

function atoms(feats: string): string[] {
  return feats === '_' || feats === '' ? [] : feats.split('|');
}

function dependents(sentence: readonly NdtToken[]): number[][] {
  const deps: number[][] = sentence.map(() => []);
  sentence.forEach((t, i) => { if (t.head >= 1 && t.head <= sentence.length) deps[t.head - 1].push(i); });
  return deps;
}

function hasDep(ctx: Ctx, i: number, rel: string): boolean {
  return ctx.deps[i].some((d) => ctx.sentence[d].deprel === rel);
}

function verbUpos(ctx: Ctx, i: number): string {
  const lemma = ctx.sentence[i].lemma.toLowerCase();
  if (AUX_LEMMAS.has(lemma) && hasDep(ctx, i, 'INFV')) return 'AUX';
  if (COPULA_LEMMAS.has(lemma) && hasDep(ctx, i, 'SPRED')) return 'AUX';
  return 'VERB';
}

function detUpos(t: NdtToken, fs: readonly string[]): string {
  if (fs.includes('poss')) return 'PRON';
  if (fs.includes('<romertall>') || fs.includes('<romartal>')) return 'NUM';
  if (fs.includes('kvant') && !(t.lemma.toLowerCase() in QUANT_DET_TYPES)) return 'NUM';
  return 'DET';
}

/** The top verb of the clause that verb `i` belongs to (climbing auxiliary chains). */
function clauseTop(ctx: Ctx, i: number): number {
  let v = i;
  for (let guard = 0; guard < ctx.sentence.length; guard++) {
    const t = ctx.sentence[v];
    if (t.deprel !== 'INFV' || t.head < 1 || ctx.sentence[t.head - 1]?.pos !== 'verb') break;
    v = t.head - 1;
  }
  return v;
}

/** Is the clause of verb `i` introduced by a subordinator (not relative `som`) or the infinitive marker? */
function hasClauseMarker(ctx: Ctx, i: number): boolean {
  const top = clauseTop(ctx, i);
  const t = ctx.sentence[top];
  if (t.deprel === 'INFV' && ctx.sentence[t.head - 1]?.pos === 'inf-merke') return true;
  return ctx.deps[top].some((d) => ctx.sentence[d].pos === 'sbu' && ctx.sentence[d].lemma.toLowerCase() !== 'som');
}

/** NDT pos of the word that heads a clause in UD: the main verb below auxiliaries, or a copula's predicate. */
function clausePredicatePos(ctx: Ctx, i: number): string {
  let v = i;
  for (let guard = 0; guard < ctx.sentence.length; guard++) {
    const t = ctx.sentence[v];
    const next = ctx.deps[v].find((d) => ctx.sentence[d].deprel === 'INFV')
      ?? (COPULA_LEMMAS.has(t.lemma.toLowerCase()) ? ctx.deps[v].find((d) => ctx.sentence[d].deprel === 'SPRED') : undefined);
    if (next === undefined) break;
    v = next;
  }
  return ctx.sentence[v].pos;
}

/**
 * Preposition governing a clause (finite verb or infinitive marker): SCONJ when it marks an adverbial or
 * complement clause; ADP (case) when it attaches a clause to a noun without a subordinator, or a clause
 * that UD heads by an adjective, adverb or pronoun (converted as a modifier, not a clause).
 */
function clausalPrepUpos(ctx: Ctx, i: number, object: number): string {
  const rel = ctx.sentence[i].deprel;
  if (rel === 'ADV' || rel === 'PUTFYLL' || PREDICATIVE_RELS.has(rel)) return 'SCONJ';
  if (rel !== 'ATR' || ['adj', 'adv', 'pron'].includes(clausePredicatePos(ctx, object))) return 'ADP';
  return ctx.sentence[object].pos === 'inf-merke' || hasClauseMarker(ctx, object) ? 'SCONJ' : 'ADP';
}

/** The object (PUTFYLL) of preposition `i`, looking through complex prepositions (`til tross for at ...`). */
function prepObject(ctx: Ctx, i: number): number | undefined {
  let p = i;
  for (let guard = 0; guard < ctx.sentence.length; guard++) {
    const obj = ctx.deps[p].find((d) => ctx.sentence[d].deprel === 'PUTFYLL');
    if (obj === undefined || ctx.sentence[obj].pos !== 'prep') return obj;
    p = obj;
  }
  return undefined;
}

/** A preposition introducing a clause or a secondary predicate is a UD `mark` (SCONJ); otherwise ADP. */
function prepUpos(ctx: Ctx, i: number): string {
  const t = ctx.sentence[i];
  if (LOCATIVE_ADVERBS.test(t.lemma.toLowerCase())) return 'ADV';
  const object = prepObject(ctx, i);
  if (object === undefined) return 'ADP';
  if (['verb', 'inf-merke'].includes(ctx.sentence[object].pos)) return clausalPrepUpos(ctx, i, object);
  if (PREDICATIVE_RELS.has(t.deprel)) return 'SCONJ';
  if (t.deprel === 'SPRED' && t.head > 0 && t.head <= ctx.sentence.length) {
    // Predicative PP: case-marked under a copula, except in a marked subordinate clause; mark under other verbs.
    const head = t.head - 1;
    if (!COPULA_LEMMAS.has(ctx.sentence[head].lemma.toLowerCase())) return 'SCONJ';
    return hasClauseMarker(ctx, head) ? 'SCONJ' : 'ADP';
  }
  return 'ADP';
}

function uposOf(ctx: Ctx, i: number): string {
  const t = ctx.sentence[i];
  const fs = atoms(t.feats);
  const lemma = t.lemma.toLowerCase();
  switch (t.pos) {
    case 'subst': return fs.includes('prop') ? 'PROPN' : 'NOUN';
    // Abbreviated prepositional phrases (`m.a.`, `bl.a.`: feats `fork|prep+adj`) are occasionally tagged verb.
    case 'verb': return fs.some((a) => a.startsWith('prep+')) ? 'ADP' : verbUpos(ctx, i);
    case 'det': return detUpos(t, fs);
    case 'prep': return prepUpos(ctx, i);
    case 'adv': return NEGATIONS.has(lemma) ? 'PART' : 'ADV';
    case 'sbu': return lemma === 'som' ? 'PRON' : 'SCONJ';
    default: return POS_TABLE[t.pos] ?? 'X';
  }
}

/** Features that come from the lemma or from UD defaults rather than from an NDT feature atom. */
function lexicalFeats(t: NdtToken, upos: string, fs: readonly string[], out: Map<string, Set<string>>): void {
  const lemma = t.lemma.toLowerCase();
  const add = (k: string, v: string) => { if (!out.has(k)) out.set(k, new Set()); out.get(k)!.add(v); };
  if (upos === 'PRON' && t.pos === 'sbu') add('PronType', 'Rel');
  if (upos === 'PRON' && lemma in PRON_LEMMA_TYPES) add('PronType', PRON_LEMMA_TYPES[lemma]);
  if (upos === 'DET' && fs.includes('kvant')) add('PronType', QUANT_DET_TYPES[lemma]);
  if (upos === 'DET' && fs.includes('forst')) add('PronType', 'Prs');
  if ((upos === 'PRON' || upos === 'DET') && !out.has('PronType')) add('PronType', 'Prs');
  if ((upos === 'VERB' || upos === 'AUX') && !out.has('VerbForm')) FEAT_TABLE.pres.forEach(([k, v]) => add(k, v));
  if (upos === 'NUM') add('NumType', 'Card');
  if (out.get('PronType')?.has('Neg') || (t.pos === 'adv' && NEGATIONS.has(lemma))) add('Polarity', 'Neg');
}

/** featsOf is a pure function of these four fields; parsing asks for the same few thousand combinations. */
const featsMemo = new Map<string, string>();
const MAX_MEMO = 100_000;

function featsOf(t: NdtToken, upos: string): string {
  const key = `${upos}\t${t.pos}\t${t.feats}\t${t.lemma}`;
  let v = featsMemo.get(key);
  if (v === undefined) {
    v = computeFeats(t, upos);
    if (featsMemo.size >= MAX_MEMO) featsMemo.clear();
    featsMemo.set(key, v);
  }
  return v;
}

function computeFeats(t: NdtToken, upos: string): string {
  const fs = atoms(t.feats);
  const out = new Map<string, Set<string>>();
  for (const a of fs) {
    for (const [k, v] of FEAT_TABLE[a] ?? []) {
      if (!out.has(k)) out.set(k, new Set());
      out.get(k)!.add(v);
    }
  }
  lexicalFeats(t, upos, fs, out);
  const allowed = FEATS_BY_UPOS[upos] ?? [];
  const parts = [...out.entries()]
    .filter(([k]) => allowed.includes(k))
    .sort(([a], [b]) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1))
    .map(([k, vs]) => `${k}=${[...vs].sort().join(',')}`);
  return parts.length ? parts.join('|') : '_';
}

/** UPOS and UD FEATS ("_" when none) for every token of one NDT sentence (heads are 1-based, 0 = root). */
export function ndtToUd(sentence: readonly NdtToken[]): { upos: string[]; feats: string[] } {
  const ctx: Ctx = { sentence, deps: dependents(sentence) };
  const upos = sentence.map((_, i) => uposOf(ctx, i));
  const feats = sentence.map((t, i) => featsOf(t, upos[i]));
  return { upos, feats };
}
