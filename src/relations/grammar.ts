// Grammatical functions from a dependency tree, one vocabulary for both schemes the syntax stage writes: UD
// (English) and NDT (Norwegian). The relation layer reads only these functions, never a scheme's labels.
//
// Both trees become content-headed: a preposition's noun takes the preposition's place in the tree and keeps
// it as `prep` ("trekke seg ut av avtalen": avtalen is an oblique of trekke with prep "ut av"); a chain of
// auxiliaries hands its subject, negation and adverbials to the main verb (NDT heads a clause with its finite
// verb, "har ikke brutt": brutt gets the subject and the "ikke").

import type { SyntaxWord } from '../types.js';

export type Fn =
  | 'root'
  | 'subj'
  | 'obj'
  | 'iobj'
  | 'obl'
  | 'nmod'
  | 'poss'
  | 'amod'
  | 'compound'
  | 'flat'
  | 'appos'
  | 'conj'
  | 'cc'
  | 'aux'
  | 'cop'
  | 'neg'
  | 'mark'
  | 'case'
  | 'comp'
  | 'xcomp'
  | 'advcl'
  | 'relcl'
  | 'acl'
  | 'pred'
  | 'prt'
  | 'det'
  | 'expl'
  | 'advmod'
  | 'parataxis'
  | 'punct'
  | 'other';

export interface GNode {
  /** 0-based token index. */
  i: number;
  form: string;
  lemma: string;
  /** The lemmatiser's lemma before an s-passive was taken off ("møtes", "ledes"). */
  rawLemma: string;
  upos: string;
  feats: string;
  fn: Fn;
  /** The content head (0-based), -1 for the root. */
  gov: number;
  /** For obl and nmod: the preposition(s), lower-case lemmas joined by a space ("ut av", "out of"). */
  prep: string;
  /** Auxiliaries of a predicate (lower-case lemmas, outermost first). */
  aux: string[];
  /** A passive predicate (auxiliary "bli"/"be" with a participle, an s-passive, Voice=Pass, nsubj:pass). */
  passive: boolean;
  /** Subordinating words of the clause the node heads ("if", "hvis", "at", "som"). */
  marks: string[];
  children: number[];
}

export interface GTree {
  nodes: GNode[];
  scheme: 'UD' | 'NDT';
}

/** NDT labels are upper-case (SUBJ, FINV, ...); UD's are lower-case. */
export function schemeOf(words: readonly SyntaxWord[]): 'UD' | 'NDT' {
  for (const w of words) if (w.deprel && w.deprel !== w.deprel.toLowerCase()) return 'NDT';
  return 'UD';
}

/** The tree of a sentence; `negators` (the language's negating adverbs, frames data) become `neg`. */
export function buildTree(words: readonly SyntaxWord[], forms: readonly string[], negators?: ReadonlySet<string>): GTree {
  const scheme = schemeOf(words);
  const nodes: GNode[] = words.map((w, i) => ({
    i,
    form: forms[i] ?? '',
    lemma: w.lemma.toLowerCase(),
    rawLemma: w.lemma.toLowerCase(),
    upos: w.upos,
    feats: w.feats,
    fn: 'other',
    gov: w.head - 1,
    prep: '',
    aux: [],
    passive: false,
    marks: [],
    children: [],
  }));
  if (scheme === 'UD') fromUd(nodes, words);
  else fromNdt(nodes, words);
  for (const n of nodes) n.children = [];
  for (const n of nodes) if (n.gov >= 0 && n.gov < nodes.length && n.gov !== n.i) nodes[n.gov]!.children.push(n.i);
  for (const n of nodes) if (n.fn === 'mark') nodes[n.gov]?.marks.push(n.lemma);
  if (negators) for (const n of nodes) if (n.fn === 'advmod' && negators.has(n.lemma)) n.fn = 'neg';
  // UD: a past participle modifying a noun is a reduced passive relative ("troops stationed in Iraq").
  // (One with an object of its own is an active verb the parse hung on its subject: "NATO sent frigates to ...".)
  if (scheme === 'UD') for (const n of nodes) if (n.fn === 'acl' && n.upos === 'VERB' && hasFeat(n, 'VerbForm', 'Part') && hasFeat(n, 'Tense', 'Past') && !n.children.some((c) => nodes[c]!.fn === 'obj')) n.passive = true;
  // (UD: passive from the labels, nsubj:pass and aux:pass; a tagger's Voice=Pass on a past form is no evidence.)
  if (scheme === 'NDT') for (const n of nodes) if (hasFeat(n, 'Voice', 'Pass')) n.passive = true;
  return { nodes, scheme };
}

export function hasFeat(n: GNode, key: string, value: string): boolean {
  return n.feats.split('|').includes(`${key}=${value}`);
}

// ---- UD ----

const UD_FN: Record<string, Fn> = {
  root: 'root',
  nsubj: 'subj',
  csubj: 'subj',
  obj: 'obj',
  iobj: 'iobj',
  obl: 'obl',
  nmod: 'nmod',
  amod: 'amod',
  compound: 'compound',
  flat: 'flat',
  fixed: 'other',
  appos: 'appos',
  conj: 'conj',
  cc: 'cc',
  aux: 'aux',
  cop: 'cop',
  mark: 'mark',
  case: 'case',
  ccomp: 'comp',
  xcomp: 'xcomp',
  advcl: 'advcl',
  acl: 'acl',
  det: 'det',
  expl: 'expl',
  advmod: 'advmod',
  parataxis: 'parataxis',
  punct: 'punct',
  nummod: 'other',
  list: 'conj',
};

function fromUd(nodes: GNode[], words: readonly SyntaxWord[]): void {
  words.forEach((w, i) => {
    const [base, sub] = w.deprel.split(':') as [string, string | undefined];
    const n = nodes[i]!;
    let fn: Fn = UD_FN[base] ?? 'other';
    if (base === 'nmod' && sub === 'poss') fn = 'poss';
    if (base === 'nmod' && sub === 'desc') fn = 'compound';
    if (base === 'acl' && sub === 'relcl') fn = 'relcl';
    if (base === 'compound' && sub === 'prt') fn = 'prt';
    if (base === 'det' && sub === 'poss') fn = 'poss';
    if (base === 'obl' && sub === 'npmod') fn = 'advmod';
    if (base === 'obl' && sub === 'tmod') fn = 'advmod';
    n.fn = fn;
    if ((base === 'nsubj' || base === 'csubj') && sub === 'pass') nodes[n.gov] && (nodes[n.gov]!.passive = true);
    if (base === 'aux' && sub === 'pass') nodes[n.gov] && (nodes[n.gov]!.passive = true);
  });
  // Prepositions of obliques and noun modifiers: their case children ("out of": case + fixed).
  for (const n of nodes) {
    if (n.fn !== 'case') continue;
    let head = nodes[n.gov];
    // (A preposition the parse hung on a modifier before the phrase's head belongs to the phrase: "sanctions on
    // Rwandan minister James Kabarebe", with "minister" a modifier of the name.)
    for (let guard = 0; head && (head.fn === 'compound' || head.fn === 'flat') && head.gov > head.i && n.i < head.i && guard < 3; guard++) head = nodes[head.gov];
    if (!head) continue;
    const fixed = words.map((w, k) => ({ w, k })).filter(({ w, k }) => w.head - 1 === n.i && w.deprel === 'fixed' && k > n.i);
    const text = [n.lemma, ...fixed.map(({ k }) => nodes[k]!.lemma)].join(' ');
    head.prep = head.prep ? `${head.prep} ${text}` : text;
  }
  // Auxiliaries and copulas of a predicate, for modality and plans.
  for (const n of nodes) {
    if (n.fn === 'aux' || n.fn === 'cop') nodes[n.gov]?.aux.push(n.lemma);
  }
  // An apposition that opens with a coordinator is a conjunct ("Ana Soto and Bolivian President Luis Arce": the
  // parser's appos): the coordinator in its phrase, before its first word, says so.
  if (!nodes.some((n) => n.fn === 'appos')) return;
  const kids: number[][] = nodes.map(() => []);
  for (const n of nodes) if (n.gov >= 0 && n.gov < nodes.length && n.gov !== n.i) kids[n.gov]!.push(n.i);
  for (const n of nodes) {
    if (n.fn !== 'appos') continue;
    let first = n.i;
    const stack = [n.i];
    for (let guard = 0; stack.length > 0 && guard < nodes.length; guard++) {
      const k = stack.pop()!;
      if (k < first) first = k;
      stack.push(...kids[k]!);
    }
    if (nodes[first]?.fn === 'cc') n.fn = 'conj';
  }
}

// ---- NDT ----

/** NDT labels that name one function whatever the word: the others are decided from the word and its children. */
const NDT_FN: Record<string, Fn> = {
  FSUBJ: 'expl',
  FOBJ: 'expl',
  IOBJ: 'iobj',
  SPRED: 'pred',
  FSPRED: 'pred',
  APP: 'appos',
  FLAT: 'flat',
  KOORD: 'conj',
  'KOORD-ELL': 'conj',
  KONJ: 'cc',
  SBU: 'mark',
  PAR: 'parataxis',
  IK: 'punct',
  IP: 'punct',
  INFV: 'xcomp',
  PUTFYLL: 'obj',
};

function fromNdt(nodes: GNode[], words: readonly SyntaxWord[]): void {
  const label = words.map((w) => w.deprel);
  const kids: number[][] = nodes.map(() => []);
  nodes.forEach((n) => {
    if (n.gov >= 0 && n.gov < nodes.length) kids[n.gov]!.push(n.i);
  });
  const fn: Fn[] = nodes.map(() => 'other');
  const gov = nodes.map((n) => n.gov);
  // A bare time noun after the verb takes the object as its conjuncts ("inviterte måndag både regjeringa og X"): the
  // conjuncts are the verb's object, when it has none.
  for (const t of nodes) {
    const v = nodes[gov[t.i]!];
    if (label[t.i] !== 'ADV' || t.upos !== 'NOUN' || !hasFeat(t, 'Definite', 'Ind') || !v || (v.upos !== 'VERB' && v.upos !== 'AUX') || v.i > t.i) continue;
    if (kids[t.i]!.some((c) => label[c] === 'DET' || label[c] === 'ATR')) continue;
    const conj = kids[t.i]!.filter((c) => label[c] === 'KOORD' && c > t.i);
    if (conj.length === 0 || kids[v.i]!.some((c) => label[c] === 'DOBJ' && gov[c] === v.i)) continue;
    const first = conj[0]!;
    gov[first] = v.i;
    label[first] = 'DOBJ';
    for (const c of conj.slice(1)) gov[c] = first;
    for (const c of kids[t.i]!) if (label[c] === 'KONJ' && c > t.i && c < first) gov[c] = first;
  }

  // 1. Auxiliary chains: a finite (or infinite) auxiliary with a verb child labelled INFV hands its place to
  //    it. Walk from the top: har → blitt → angrepet; every dependent of an auxiliary but the INFV moves down.
  const contentOf = (k: number): number => {
    let cur = k;
    for (let guard = 0; guard < 6; guard++) {
      const next = kids[cur]!.find((c) => label[c] === 'INFV' && chainable(nodes[cur]!, nodes[c]!));
      if (next === undefined || !isAuxLike(nodes[cur]!)) break;
      cur = next;
    }
    return cur;
  };
  const auxChainOf = new Map<number, number[]>();
  for (const n of nodes) {
    // Only the top of a chain (its head is not an auxiliary with it as INFV).
    if (label[n.i] === 'INFV' && gov[n.i]! >= 0 && isAuxLike(nodes[gov[n.i]!]!)) continue;
    if (!isAuxLike(n)) continue;
    const content = contentOf(n.i);
    if (content === n.i) continue;
    const chain: number[] = [];
    let cur = n.i;
    while (cur !== content) {
      chain.push(cur);
      cur = kids[cur]!.find((c) => label[c] === 'INFV' && chainable(nodes[cur]!, nodes[c]!))!;
    }
    auxChainOf.set(content, chain);
  }
  for (const [content, chain] of auxChainOf) {
    const top = chain[0]!;
    const c = nodes[content]!;
    // The content verb takes the top's place.
    gov[content] = gov[top]!;
    label[content] = label[top]!;
    for (const a of chain) {
      c.aux.push(nodes[a]!.lemma);
      fn[a] = 'aux';
      gov[a] = content;
      for (const d of kids[a]!) {
        if (chain.includes(d) || d === content) continue;
        gov[d] = content;
      }
    }
    // Passive: the auxiliary right above the participle is "bli"/"verte" ("har blitt angrepet"), or "være"
    // ("har vært utplassert"; "har angrepet" is a perfect).
    const last = nodes[chain[chain.length - 1]!]!.lemma;
    if ((last === 'bli' || last === 'verte') && isParticiple(c)) c.passive = true;
    if ((last === 'være' || last === 'vere') && isParticiple(c)) c.passive ||= transitivePassive(c);
  }
  // Two subjects of one verb: one before it (before the finite auxiliary, or after it in an inverted clause) and
  // one after the verb — the second is the object the parser mislabelled ("FN har oppfordret Russland til å ...",
  // "I år har Iran støttet houthiene med våpen", "..., men X skuldar Moskva for ...").
  for (const v of nodes) {
    if (v.upos !== 'VERB' && v.upos !== 'AUX') continue;
    const subjects = nodes.filter((m) => gov[m.i] === v.i && label[m.i] === 'SUBJ');
    if (subjects.length >= 2 && subjects.some((m) => m.i < v.i)) for (const m of subjects) if (m.i > v.i) label[m.i] = 'DOBJ';
  }
  // s-passive: "ledes", "angripes", "vart angripen" (Nynorsk: vart/blei + participle is handled above).
  for (const n of nodes) {
    if (n.upos === 'VERB' && /[^s]s$/.test(n.form.toLowerCase()) && !/(ss)$/.test(n.form.toLowerCase()) && (n.feats.includes('VerbForm=Inf') || n.feats.includes('Tense=Pres') || n.feats.includes('Tense=Past'))) {
      if (n.lemma.endsWith('s') && !n.lemma.endsWith('ss')) {
        n.passive = true;
        n.lemma = n.lemma.slice(0, -1);
        if (n.lemma.endsWith('e') === false && /[^aeiouyæøå]$/.test(n.lemma)) n.lemma += 'e';
      } else if (hasFeat(n, 'Voice', 'Pass')) n.passive = true;
    }
  }
  // Recompute children after moving.
  const kids2: number[][] = nodes.map(() => []);
  nodes.forEach((n) => {
    const g = gov[n.i]!;
    if (g >= 0 && g < nodes.length) kids2[g]!.push(n.i);
  });

  // 2. Prepositions: a preposition with a PUTFYLL child hands its place (and label) to the child; chains of
  //    prepositions ("ut av") collect into one prep string. An infinitive marker "å" with its verb likewise.
  const prepOf = nodes.map(() => '');
  const isPrepHead = (k: number): boolean => (nodes[k]!.upos === 'ADP' || (nodes[k]!.upos === 'SCONJ' && label[k] !== 'SBU')) && kids2[k]!.some((c) => label[c] === 'PUTFYLL');
  const infinitiveMarker = (k: number): boolean => nodes[k]!.upos === 'PART' && nodes[k]!.lemma === 'å';
  for (const n of nodes) {
    if (!isPrepHead(n.i) || label[n.i] === 'PUTFYLL') continue; // start at the outermost preposition
    let cur = n.i;
    const preps: string[] = [];
    const chainNodes: number[] = [];
    let filler: number | undefined;
    for (let guard = 0; guard < 5; guard++) {
      preps.push(nodes[cur]!.lemma);
      chainNodes.push(cur);
      const f = kids2[cur]!.find((c) => label[c] === 'PUTFYLL');
      if (f === undefined) break;
      if (isPrepHead(f)) {
        fn[cur] = 'case';
        cur = f;
        continue;
      }
      fn[cur] = 'case';
      filler = f;
      break;
    }
    if (filler === undefined) continue;
    let target = filler;
    if (infinitiveMarker(filler)) {
      const v = kids2[filler]!.find((c) => label[c] === 'INFV');
      if (v !== undefined) {
        fn[filler] = 'mark';
        gov[filler] = v;
        target = v;
      }
    }
    gov[target] = gov[n.i]!;
    label[target] = label[n.i]!;
    prepOf[target] = preps.join(' ');
    // The prepositions hang under the noun (or verb) now.
    for (const p of chainNodes) gov[p] = target;
  }
  // "å" + verb as a plain object or subject ("prøver å angripe"): the verb is the clause, å its mark.
  for (const n of nodes) {
    if (!infinitiveMarker(n.i) || fn[n.i] === 'mark') continue;
    const v = nodes.findIndex((m) => gov[m.i] === n.i && label[m.i] === 'INFV');
    if (v < 0) continue;
    gov[v] = gov[n.i]!;
    label[v] = label[n.i]!;
    gov[n.i] = v;
    fn[n.i] = 'mark';
  }

  // 3. Labels to functions.
  for (const n of nodes) {
    const k = n.i;
    if (fn[k] === 'aux' || fn[k] === 'case' || fn[k] === 'mark') continue;
    const head = gov[k]! >= 0 ? nodes[gov[k]!] : undefined;
    const headIsVerb = !!head && (head.upos === 'VERB' || head.upos === 'AUX');
    const isVerb = n.upos === 'VERB' || n.upos === 'AUX';
    const hasMark = nodes.some((m) => gov[m.i] === k && label[m.i] === 'SBU');
    const infinitive = nodes.some((m) => gov[m.i] === k && fn[m.i] === 'mark' && m.lemma === 'å');
    switch (label[k]) {
      case 'FINV':
      case 'FRAG':
        fn[k] = gov[k]! < 0 ? 'root' : 'parataxis';
        break;
      case 'SUBJ':
      case 'PSUBJ':
        fn[k] = isVerb && hasMark ? 'comp' : 'subj';
        break;
      case 'DOBJ':
      case 'POBJ': {
        // A clause object without "at" is a clause all the same ("mener Russland har brutt avtalen"): a finite
        // verb with a subject of its own.
        const bareClause = isVerb && (n.feats.includes('VerbForm=Fin') || n.aux.length > 0) && nodes.some((m) => gov[m.i] === k && label[m.i] === 'SUBJ');
        fn[k] = isVerb && (hasMark || infinitive || bareClause) ? (infinitive ? 'xcomp' : 'comp') : 'obj';
        break;
      }
      case 'OPRED':
      case 'FOPRED':
        fn[k] = isVerb && infinitive ? 'xcomp' : 'pred';
        break;
      case 'ADV':
        if (isVerb && infinitive) fn[k] = 'xcomp';
        else if (isVerb && (hasMark || prepOf[k])) fn[k] = 'advcl';
        else if (prepOf[k]) fn[k] = headIsVerb ? 'obl' : 'nmod';
        else if (n.upos === 'ADP') fn[k] = 'prt';
        else fn[k] = 'advmod';
        break;
      case 'ATR':
        if (isVerb && (hasMark || nodes.some((m) => gov[m.i] === k && m.lemma === 'som'))) fn[k] = 'relcl';
        else if (isVerb && infinitive) fn[k] = 'acl';
        else if (prepOf[k]) fn[k] = 'nmod';
        else if (n.upos === 'ADJ' || (isVerb && isParticiple(n))) fn[k] = 'amod';
        else if (n.upos === 'PROPN' || n.upos === 'NOUN') fn[k] = 'compound';
        else fn[k] = 'other';
        break;
      case 'DET':
        fn[k] = isPossessor(n) ? 'poss' : 'det';
        break;
      default:
        fn[k] = NDT_FN[label[k]!] ?? 'other';
    }
    if (prepOf[k] && (fn[k] === 'subj' || fn[k] === 'obj')) fn[k] = headIsVerb ? 'obl' : 'nmod';
  }
  // The relative clause of a "som" clause: the verb with "som" as mark or subject.
  for (const n of nodes) {
    if (n.lemma === 'som' && (label[n.i] === 'SBU' || label[n.i] === 'SUBJ')) {
      const v = gov[n.i]!;
      if (v >= 0 && (label[v] === 'ATR' || fn[v] === 'relcl')) {
        fn[v] = 'relcl';
        fn[n.i] = label[n.i] === 'SUBJ' ? 'subj' : 'mark';
      }
    }
  }
  nodes.forEach((n, k) => {
    n.fn = fn[k]!;
    n.gov = gov[k]!;
    n.prep = prepOf[k]!;
  });
}

/** The next verb of an auxiliary chain: a verb, or after "bli"/"verte" a participle the tagger read as an adjective ("vart angripen"). */
function chainable(aux: GNode, n: GNode): boolean {
  if (n.upos === 'VERB' || n.upos === 'AUX') return true;
  return n.upos === 'ADJ' && ['bli', 'verte', 'være', 'vere'].includes(aux.lemma) && /(en|et|t|d|a|te|de|ne)$/.test(n.form.toLowerCase());
}

function isAuxLike(n: GNode): boolean {
  if (n.upos === 'AUX') return true;
  return ['ha', 'bli', 'være', 'vere', 'ville', 'skulle', 'kunne', 'måtte', 'burde', 'få', 'verte', 'vilje', 'kan', 'vil', 'skal', 'må', 'bør'].includes(n.lemma);
}

function isParticiple(n: GNode): boolean {
  return n.feats.includes('VerbForm=Part') || n.upos === 'ADJ' || (n.upos === 'VERB' && !n.feats.includes('VerbForm=Fin') && !n.feats.includes('VerbForm=Inf'));
}

/** "er angrepet" is a perfect or a state passive; with "være" the participle of a transitive verb reads as passive. */
function transitivePassive(n: GNode): boolean {
  return n.feats.includes('VerbForm=Part') || n.upos === 'ADJ';
}

/** A genitive name or noun ("Russlands", "regjeringens") or a possessive pronoun ("hans", "sin", "deres"). */
function isPossessor(n: GNode): boolean {
  if (n.upos === 'PRON' || n.upos === 'DET') return /^(hans|hennes|sin|sitt|sine|deres|dens|dets|hennar|hennes|deira|vår|våre|vårt)$/.test(n.form.toLowerCase());
  if (n.upos === 'PROPN' || n.upos === 'NOUN') return /s$/i.test(n.form) || n.feats.includes('Case=Gen');
  return false;
}
