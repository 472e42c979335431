// Table tests of the tree mechanics (src/relations/tree.ts, grammar.ts) on hand-written trees, in both schemes the
// syntax stage writes (UD for English, NDT for Norwegian): each row is a sentence we wrote, its tree, its names,
// and exactly the relations the rules must give. No parser runs here.

import { describe, expect, it } from 'vitest';
import type { Document, EntityType, Language, Mention, Sentence, SyntaxWord, Token } from '../../src/types.js';
import { extractTreeRelations } from '../../src/relations/tree.js';
import { shippedFrames, compileFrames } from '../../src/relations/frames.js';
import { getLanguageResources } from '../../src/lang/index.js';
import { buildTree } from '../../src/relations/grammar.js';
import { KgError } from '../../src/errors.js';

/** A tree row: form, lemma, UPOS, head (1-based, 0 root), deprel; optional FEATS. */
type Row = [string, string, string, number, string, string?];
/** A name: first and last token (1-based, inclusive), entity key, type. */
type Name = [number, number, string, EntityType];

function sentence(rows: Row[], start: number, index: number): { s: Sentence; text: string } {
  const tokens: Token[] = [];
  let at = start;
  rows.forEach(([form], i) => {
    tokens.push({ start: at, end: at + form.length, text: form, norm: form.toLowerCase(), index: i });
    at += form.length + 1;
  });
  const syntax: SyntaxWord[] = rows.map(([, lemma, upos, head, deprel, feats]) => ({ lemma, upos, xpos: '_', feats: feats ?? '_', head, deprel }));
  return { s: { index, start, end: at - 1, tokens, syntax }, text: rows.map((r) => r[0]).join(' ') };
}

/** Relations of hand-written sentences, as `subject relation object` with ` (negated)`/` (hypothetical)`. */
function relationsOf(language: Language, parts: { rows: Row[]; names: Name[] }[]): string[] {
  const sentences: Sentence[] = [];
  const mentions: Mention[] = [];
  let text = '';
  parts.forEach((p, k) => {
    if (k > 0) text += ' ';
    const { s, text: t } = sentence(p.rows, text.length, k);
    text += t;
    sentences.push(s);
    for (const [a, b, entity, type] of p.names) {
      const first = s.tokens[a - 1]!;
      const last = s.tokens[b - 1]!;
      const written = text.slice(first.start, last.end);
      // (A name written with a genitive ending, "Chiles", "Chile's", is a genitive mention, as the mention finder writes it.)
      const form = /(?:'s|s)$/.test(written) && !/s$/.test(entity) ? 'genitive' : 'name';
      mentions.push({ start: first.start, end: last.end, text: written, type, source: 'kb', sentence: k, tokenStart: a - 1, tokenEnd: b - 1, form, entity });
    }
  });
  const doc: Document = { id: 'd', text, language };
  const rels = extractTreeRelations(doc, sentences, { mentions, entities: [], roles: [] }, shippedFrames(language), getLanguageResources(language), { extractor: 'tree' });
  return rels.map((r) => `${r.subject} ${r.relation} ${r.object}${r.negated ? ' (negated)' : ''}${r.hypothetical ? ' (hypothetical)' : ''}`).sort();
}

interface Case {
  name: string;
  language: Language;
  parts: { rows: Row[]; names: Name[] }[];
  expected: string[];
}

const cases: Case[] = [
  // ---- English, UD ----
  {
    name: 'active: subject and object',
    language: 'en',
    parts: [{ rows: [['Chile', 'Chile', 'PROPN', 2, 'nsubj'], ['condemned', 'condemn', 'VERB', 0, 'root'], ['Peru', 'Peru', 'PROPN', 2, 'obj'], ['.', '.', 'PUNCT', 2, 'punct']], names: [[1, 1, 'chile', 'country'], [3, 3, 'peru', 'country']] }],
    expected: ['chile criticizes peru'],
  },
  {
    name: 'passive with an agent swaps the roles',
    language: 'en',
    parts: [{ rows: [['Peru', 'Peru', 'PROPN', 3, 'nsubj:pass'], ['was', 'be', 'AUX', 3, 'aux:pass'], ['invaded', 'invade', 'VERB', 0, 'root'], ['by', 'by', 'ADP', 5, 'case'], ['Chile', 'Chile', 'PROPN', 3, 'obl']], names: [[1, 1, 'peru', 'country'], [5, 5, 'chile', 'country']] }],
    expected: ['chile attacks peru'],
  },
  {
    name: 'agentless passive: the actor stays unknown',
    language: 'en',
    parts: [{ rows: [['Peru', 'Peru', 'PROPN', 3, 'nsubj:pass'], ['was', 'be', 'AUX', 3, 'aux:pass'], ['attacked', 'attack', 'VERB', 0, 'root'], ['near', 'near', 'ADP', 5, 'case'], ['Chile', 'Chile', 'PROPN', 3, 'obl']], names: [[1, 1, 'peru', 'country'], [5, 5, 'chile', 'country']] }],
    expected: [],
  },
  {
    name: 'coordinated subjects distribute; negation is scoped to its verb',
    language: 'en',
    parts: [{ rows: [['Chile', 'Chile', 'PROPN', 4, 'nsubj'], ['and', 'and', 'CCONJ', 3, 'cc'], ['Peru', 'Peru', 'PROPN', 1, 'conj'], ['criticized', 'criticize', 'VERB', 0, 'root'], ['Bolivia', 'Bolivia', 'PROPN', 4, 'obj'], ['but', 'but', 'CCONJ', 9, 'cc'], ['did', 'do', 'AUX', 9, 'aux'], ['not', 'not', 'PART', 9, 'advmod'], ['sanction', 'sanction', 'VERB', 4, 'conj'], ['it', 'it', 'PRON', 9, 'obj']], names: [[1, 1, 'chile', 'country'], [3, 3, 'peru', 'country'], [5, 5, 'bolivia', 'country']] }],
    expected: ['chile criticizes bolivia', 'chile sanctions bolivia (negated)', 'peru criticizes bolivia', 'peru sanctions bolivia (negated)'],
  },
  {
    name: 'talks between X and Y: the parties of a mutual noun',
    language: 'en',
    parts: [{ rows: [['Talks', 'talk', 'NOUN', 6, 'nsubj'], ['between', 'between', 'ADP', 3, 'case'], ['Chile', 'Chile', 'PROPN', 1, 'nmod'], ['and', 'and', 'CCONJ', 5, 'cc'], ['Peru', 'Peru', 'PROPN', 3, 'conj'], ['resumed', 'resume', 'VERB', 0, 'root']], names: [[3, 3, 'chile', 'country'], [5, 5, 'peru', 'country']] }],
    expected: ['chile negotiates_with peru'],
  },
  {
    name: 'control: the object of "urge" withdraws, only as a demand',
    language: 'en',
    parts: [{ rows: [['Chile', 'Chile', 'PROPN', 2, 'nsubj'], ['urged', 'urge', 'VERB', 0, 'root'], ['Peru', 'Peru', 'PROPN', 2, 'obj'], ['to', 'to', 'PART', 5, 'mark'], ['withdraw', 'withdraw', 'VERB', 2, 'xcomp'], ['from', 'from', 'ADP', 7, 'case'], ['Bolivia', 'Bolivia', 'PROPN', 5, 'obl']], names: [[1, 1, 'chile', 'country'], [3, 3, 'peru', 'country'], [7, 7, 'bolivia', 'country']] }],
    expected: ['chile demands peru', 'peru withdraws_from bolivia (hypothetical)'],
  },
  {
    name: 'relative clause: the pronoun stands for the noun it modifies',
    language: 'en',
    parts: [{ rows: [['Chile', 'Chile', 'PROPN', 6, 'nsubj'], [',', ',', 'PUNCT', 4, 'punct'], ['which', 'which', 'PRON', 4, 'nsubj'], ['backs', 'back', 'VERB', 1, 'acl:relcl'], ['Bolivia', 'Bolivia', 'PROPN', 4, 'obj'], ['met', 'meet', 'VERB', 0, 'root'], ['Peru', 'Peru', 'PROPN', 6, 'obj']], names: [[1, 1, 'chile', 'country'], [5, 5, 'bolivia', 'country'], [7, 7, 'peru', 'country']] }],
    expected: ['chile meets peru', 'chile supports bolivia'],
  },
  {
    name: 'support verb: the subject of "launched" attacks',
    language: 'en',
    parts: [{ rows: [['Chile', 'Chile', 'PROPN', 2, 'nsubj'], ['launched', 'launch', 'VERB', 0, 'root'], ['an', 'a', 'DET', 4, 'det'], ['attack', 'attack', 'NOUN', 2, 'obj'], ['on', 'on', 'ADP', 6, 'case'], ['Peru', 'Peru', 'PROPN', 4, 'nmod']], names: [[1, 1, 'chile', 'country'], [6, 6, 'peru', 'country']] }],
    expected: ['chile attacks peru'],
  },
  {
    name: 'a verb that does not support: the critic of an attack is not the attacker',
    language: 'en',
    parts: [{ rows: [['Chile', 'Chile', 'PROPN', 2, 'nsubj'], ['condemned', 'condemn', 'VERB', 0, 'root'], ['the', 'the', 'DET', 4, 'det'], ['attack', 'attack', 'NOUN', 2, 'obj'], ['on', 'on', 'ADP', 6, 'case'], ['Peru', 'Peru', 'PROPN', 4, 'nmod']], names: [[1, 1, 'chile', 'country'], [6, 6, 'peru', 'country']] }],
    expected: [],
  },
  {
    name: "nominalisation: the possessor acts (\"Chile's blockade of Peru\")",
    language: 'en',
    parts: [{ rows: [["Chile's", 'Chile', 'PROPN', 2, 'nmod:poss'], ['blockade', 'blockade', 'NOUN', 5, 'nsubj'], ['of', 'of', 'ADP', 4, 'case'], ['Peru', 'Peru', 'PROPN', 2, 'nmod'], ['continues', 'continue', 'VERB', 0, 'root']], names: [[1, 1, 'chile', 'country'], [4, 4, 'peru', 'country']] }],
    expected: ['chile sanctions peru'],
  },
  {
    name: 'condition and modality: not facts',
    language: 'en',
    parts: [
      { rows: [['If', 'if', 'SCONJ', 3, 'mark'], ['Chile', 'Chile', 'PROPN', 3, 'nsubj'], ['attacks', 'attack', 'VERB', 6, 'advcl'], ['Peru', 'Peru', 'PROPN', 3, 'obj'], ['Bolivia', 'Bolivia', 'PROPN', 6, 'nsubj'], ['responds', 'respond', 'VERB', 0, 'root']], names: [[2, 2, 'chile', 'country'], [4, 4, 'peru', 'country'], [5, 5, 'bolivia', 'country']] },
      { rows: [['Bolivia', 'Bolivia', 'PROPN', 3, 'nsubj'], ['could', 'could', 'AUX', 3, 'aux'], ['leave', 'leave', 'VERB', 0, 'root'], ['Arica', 'Arica', 'PROPN', 3, 'obj']], names: [[1, 1, 'bolivia', 'country'], [4, 4, 'arica', 'location']] },
    ],
    expected: ['bolivia withdraws_from arica (hypothetical)', 'chile attacks peru (hypothetical)'],
  },
  {
    name: 'a comitative partner does what the subject does ("together with"; "sammen med" below)',
    language: 'en',
    parts: [
      { rows: [['Chile', 'Chile', 'PROPN', 2, 'nsubj'], ['condemned', 'condemn', 'VERB', 0, 'root'], ['Peru', 'Peru', 'PROPN', 2, 'obj'], ['together', 'together', 'ADV', 2, 'advmod'], ['with', 'with', 'ADP', 6, 'case'], ['Bolivia', 'Bolivia', 'PROPN', 2, 'obl']], names: [[1, 1, 'chile', 'country'], [3, 3, 'peru', 'country'], [6, 6, 'bolivia', 'country']] },
    ],
    expected: ['bolivia criticizes peru', 'chile criticizes peru'],
  },
  {
    name: 'NDT "sammen med": the partner; a threat to do something to X threatens X and does nothing',
    language: 'nb',
    parts: [
      { rows: [['Chile', 'Chile', 'PROPN', 2, 'SUBJ'], ['kritiserte', 'kritisere', 'VERB', 0, 'FINV'], ['Peru', 'Peru', 'PROPN', 2, 'DOBJ'], ['sammen', 'sammen', 'ADV', 5, 'ADV'], ['med', 'med', 'ADP', 2, 'ADV'], ['Bolivia', 'Bolivia', 'PROPN', 5, 'PUTFYLL']], names: [[1, 1, 'chile', 'country'], [3, 3, 'peru', 'country'], [6, 6, 'bolivia', 'country']] },
      { rows: [['Chile', 'Chile', 'PROPN', 2, 'SUBJ'], ['truet', 'true', 'VERB', 0, 'FINV', 'VerbForm=Fin'], ['med', 'med', 'SCONJ', 2, 'ADV'], ['å', 'å', 'PART', 3, 'PUTFYLL'], ['angripe', 'angripe', 'VERB', 4, 'INFV', 'VerbForm=Inf'], ['Peru', 'Peru', 'PROPN', 5, 'DOBJ']], names: [[1, 1, 'chile', 'country'], [6, 6, 'peru', 'country']] },
    ],
    expected: ['bolivia criticizes peru', 'chile attacks peru (hypothetical)', 'chile criticizes peru', 'chile threatens peru'],
  },
  {
    name: 'NDT: conjuncts hung on a bare time noun after the verb are its object; a second subject after the verb is its object',
    language: 'nb',
    parts: [
      { rows: [['Chile', 'Chile', 'PROPN', 2, 'SUBJ'], ['inviterte', 'invitere', 'VERB', 0, 'FINV', 'VerbForm=Fin'], ['fredag', 'fredag', 'NOUN', 2, 'ADV', 'Definite=Ind'], ['både', 'både', 'CCONJ', 5, 'KONJ'], ['Peru', 'Peru', 'PROPN', 3, 'KOORD'], ['og', 'og', 'CCONJ', 7, 'KONJ'], ['Bolivia', 'Bolivia', 'PROPN', 3, 'KOORD']], names: [[1, 1, 'chile', 'country'], [5, 5, 'peru', 'country'], [7, 7, 'bolivia', 'country']] },
      { rows: [['Chile', 'Chile', 'PROPN', 2, 'SUBJ'], ['kritiserte', 'kritisere', 'VERB', 0, 'FINV', 'VerbForm=Fin'], ['Peru', 'Peru', 'PROPN', 2, 'SUBJ']], names: [[1, 1, 'chile', 'country'], [3, 3, 'peru', 'country']] },
    ],
    expected: ['chile criticizes peru', 'chile invites bolivia', 'chile invites peru'],
  },
  {
    name: 'reported speech: the speaker is not the actor; a claim is not a fact',
    language: 'en',
    parts: [
      { rows: [['Chile', 'Chile', 'PROPN', 2, 'nsubj'], ['said', 'say', 'VERB', 0, 'root'], ['Peru', 'Peru', 'PROPN', 4, 'nsubj'], ['attacked', 'attack', 'VERB', 2, 'ccomp'], ['Bolivia', 'Bolivia', 'PROPN', 4, 'obj']], names: [[1, 1, 'chile', 'country'], [3, 3, 'peru', 'country'], [5, 5, 'bolivia', 'country']] },
      { rows: [['Chile', 'Chile', 'PROPN', 2, 'nsubj'], ['claims', 'claim', 'VERB', 0, 'root'], ['Peru', 'Peru', 'PROPN', 4, 'nsubj'], ['sanctioned', 'sanction', 'VERB', 2, 'ccomp'], ['Bolivia', 'Bolivia', 'PROPN', 4, 'obj']], names: [[1, 1, 'chile', 'country'], [3, 3, 'peru', 'country'], [5, 5, 'bolivia', 'country']] },
    ],
    expected: ['peru attacks bolivia', 'peru sanctions bolivia (hypothetical)'],
  },
  {
    name: 'titles: owner as compound name and as "of X"; a head leads, another office is membership',
    language: 'en',
    parts: [
      { rows: [['IMF', 'IMF', 'PROPN', 4, 'compound'], ['chief', 'chief', 'NOUN', 4, 'compound'], ['Ana', 'Ana', 'PROPN', 4, 'compound'], ['Lopez', 'Lopez', 'PROPN', 5, 'nsubj'], ['spoke', 'speak', 'VERB', 0, 'root']], names: [[1, 1, 'imf', 'organization'], [3, 4, 'ana-lopez', 'person']] },
      { rows: [['The', 'the', 'DET', 2, 'det'], ['ambassador', 'ambassador', 'NOUN', 7, 'nsubj'], ['of', 'of', 'ADP', 4, 'case'], ['Chile', 'Chile', 'PROPN', 2, 'nmod'], [',', ',', 'PUNCT', 6, 'punct'], ['Rosa', 'Rosa', 'PROPN', 2, 'appos'], ['left', 'leave', 'VERB', 0, 'root']], names: [[4, 4, 'chile', 'country'], [6, 6, 'rosa', 'person']] },
    ],
    expected: ['ana-lopez leads imf', 'rosa member_of chile'],
  },
  {
    name: 'places: "Lima, Peru" and "the Chilean capital Santiago"',
    language: 'en',
    parts: [
      { rows: [['Talks', 'talk', 'NOUN', 2, 'nsubj'], ['began', 'begin', 'VERB', 0, 'root'], ['in', 'in', 'ADP', 4, 'case'], ['Lima', 'Lima', 'PROPN', 2, 'obl'], [',', ',', 'PUNCT', 6, 'punct'], ['Peru', 'Peru', 'PROPN', 4, 'appos']], names: [[4, 4, 'lima', 'location'], [6, 6, 'peru', 'country']] },
      { rows: [['In', 'in', 'ADP', 5, 'case'], ['the', 'the', 'DET', 5, 'det'], ['Chilean', 'Chilean', 'ADJ', 4, 'amod'], ['capital', 'capital', 'NOUN', 5, 'compound'], ['Santiago', 'Santiago', 'PROPN', 7, 'obl'], ['it', 'it', 'PRON', 7, 'nsubj'], ['rained', 'rain', 'VERB', 0, 'root']], names: [[3, 3, 'chile', 'country'], [5, 5, 'santiago', 'location']] },
    ],
    expected: ['lima located_in peru', 'santiago located_in chile'],
  },
  {
    name: 'pronoun: "it" is the previous sentence\'s subject',
    language: 'en',
    parts: [
      { rows: [['Chile', 'Chile', 'PROPN', 2, 'nsubj'], ['met', 'meet', 'VERB', 0, 'root'], ['Peru', 'Peru', 'PROPN', 2, 'obj']], names: [[1, 1, 'chile', 'country'], [3, 3, 'peru', 'country']] },
      { rows: [['It', 'it', 'PRON', 2, 'nsubj'], ['sanctioned', 'sanction', 'VERB', 0, 'root'], ['Bolivia', 'Bolivia', 'PROPN', 2, 'obj']], names: [[3, 3, 'bolivia', 'country']] },
    ],
    expected: ['chile meets peru', 'chile sanctions bolivia'],
  },
  {
    name: 'a stand-in subject with "no": "No Chilean troops are stationed in Peru" is negated',
    language: 'en',
    parts: [{ rows: [['No', 'no', 'DET', 3, 'det'], ['Chilean', 'Chilean', 'ADJ', 3, 'amod'], ['troops', 'troop', 'NOUN', 5, 'nsubj:pass'], ['are', 'be', 'AUX', 5, 'aux:pass'], ['stationed', 'station', 'VERB', 0, 'root'], ['in', 'in', 'ADP', 7, 'case'], ['Peru', 'Peru', 'PROPN', 5, 'obl']], names: [[2, 2, 'chile', 'country'], [7, 7, 'peru', 'country']] }],
    expected: ['chile deployed_in peru (negated)'],
  },
  {
    name: 'a plural pronoun after coordinated subjects stands for all of them',
    language: 'en',
    parts: [
      { rows: [['Chile', 'Chile', 'PROPN', 4, 'nsubj'], ['and', 'and', 'CCONJ', 3, 'cc'], ['Peru', 'Peru', 'PROPN', 1, 'conj'], ['met', 'meet', 'VERB', 0, 'root']], names: [[1, 1, 'chile', 'country'], [3, 3, 'peru', 'country']] },
      { rows: [['They', 'they', 'PRON', 2, 'nsubj'], ['condemned', 'condemn', 'VERB', 0, 'root'], ['Bolivia', 'Bolivia', 'PROPN', 2, 'obj']], names: [[3, 3, 'bolivia', 'country']] },
    ],
    expected: ['chile criticizes bolivia', 'chile meets peru', 'peru criticizes bolivia'],
  },
  {
    name: '"asked X to": a demand only with the infinitive',
    language: 'en',
    parts: [
      { rows: [['Chile', 'Chile', 'PROPN', 2, 'nsubj'], ['asked', 'ask', 'VERB', 0, 'root'], ['Peru', 'Peru', 'PROPN', 2, 'obj'], ['to', 'to', 'PART', 5, 'mark'], ['leave', 'leave', 'VERB', 2, 'xcomp'], ['Arica', 'Arica', 'PROPN', 5, 'obj']], names: [[1, 1, 'chile', 'country'], [3, 3, 'peru', 'country'], [6, 6, 'arica', 'location']] },
      { rows: [['Bolivia', 'Bolivia', 'PROPN', 2, 'nsubj'], ['asked', 'ask', 'VERB', 0, 'root'], ['Chile', 'Chile', 'PROPN', 2, 'obj'], ['questions', 'question', 'NOUN', 2, 'obj']], names: [[1, 1, 'bolivia', 'country'], [3, 3, 'chile', 'country']] },
    ],
    expected: ['chile demands peru', 'peru withdraws_from arica (hypothetical)'],
  },
  {
    name: 'an office as a predicative: "was elected president of X", "elected Y president" (the object), "served as X\'s minister", negated "did not become"',
    language: 'en',
    parts: [
      { rows: [['Rosa', 'Rosa', 'PROPN', 3, 'nsubj:pass'], ['was', 'be', 'AUX', 3, 'aux:pass'], ['elected', 'elect', 'VERB', 0, 'root'], ['president', 'president', 'NOUN', 3, 'xcomp'], ['of', 'of', 'ADP', 6, 'case'], ['Peru', 'Peru', 'PROPN', 4, 'nmod']], names: [[1, 1, 'rosa', 'person'], [6, 6, 'peru', 'country']] },
      { rows: [['The', 'the', 'DET', 2, 'det'], ['Senate', 'Senate', 'PROPN', 3, 'nsubj'], ['elected', 'elect', 'VERB', 0, 'root'], ['Ana', 'Ana', 'PROPN', 3, 'obj'], ['president', 'president', 'NOUN', 3, 'xcomp'], ['of', 'of', 'ADP', 7, 'case'], ['Chile', 'Chile', 'PROPN', 5, 'nmod']], names: [[2, 2, 'senate', 'organization'], [4, 4, 'ana', 'person'], [7, 7, 'chile', 'country']] },
      { rows: [['Luis', 'Luis', 'PROPN', 2, 'nsubj'], ['served', 'serve', 'VERB', 0, 'root'], ['as', 'as', 'ADP', 6, 'case'], ["Bolivia's", 'Bolivia', 'PROPN', 6, 'nmod:poss'], ['foreign', 'foreign', 'ADJ', 6, 'amod'], ['minister', 'minister', 'NOUN', 2, 'obl']], names: [[1, 1, 'luis', 'person'], [4, 4, 'bolivia', 'country']] },
      { rows: [['Eva', 'Eva', 'PROPN', 4, 'nsubj'], ['did', 'do', 'AUX', 4, 'aux'], ['not', 'not', 'PART', 4, 'advmod'], ['become', 'become', 'VERB', 0, 'root'], ['president', 'president', 'NOUN', 4, 'xcomp'], ['of', 'of', 'ADP', 7, 'case'], ['Cuba', 'Cuba', 'PROPN', 5, 'nmod']], names: [[1, 1, 'eva', 'person'], [7, 7, 'cuba', 'country']] },
    ],
    expected: ['ana leads chile', 'eva leads cuba (negated)', 'luis member_of bolivia', 'rosa leads peru'],
  },
  {
    name: 'NDT office as a predicative: "innsatt som Xs president", "valgte Y til Xs statsminister"; "til" only after a verb that gives an office',
    language: 'nb',
    parts: [
      { rows: [['Kari', 'Kari', 'PROPN', 2, 'SUBJ'], ['ble', 'bli', 'AUX', 0, 'FINV'], ['innsatt', 'innsette', 'VERB', 2, 'INFV'], ['som', 'som', 'SCONJ', 3, 'SPRED'], ['Chiles', 'Chile', 'PROPN', 6, 'DET'], ['president', 'president', 'NOUN', 4, 'PUTFYLL']], names: [[1, 1, 'kari', 'person'], [5, 5, 'chile', 'country']] },
      { rows: [['Stortinget', 'Stortinget', 'PROPN', 2, 'SUBJ'], ['valgte', 'velge', 'VERB', 0, 'FINV'], ['Ola', 'Ola', 'PROPN', 2, 'DOBJ'], ['til', 'til', 'ADP', 2, 'ADV'], ['Perus', 'Peru', 'PROPN', 6, 'DET'], ['statsminister', 'statsminister', 'NOUN', 4, 'PUTFYLL']], names: [[1, 1, 'storting', 'organization'], [3, 3, 'ola', 'person'], [5, 5, 'peru', 'country']] },
      { rows: [['Per', 'Per', 'PROPN', 2, 'SUBJ'], ['reiste', 'reise', 'VERB', 0, 'FINV'], ['til', 'til', 'ADP', 2, 'ADV'], ['Cubas', 'Cuba', 'PROPN', 5, 'DET'], ['president', 'president', 'NOUN', 3, 'PUTFYLL']], names: [[1, 1, 'per', 'person'], [4, 4, 'cuba', 'country']] },
    ],
    expected: ['kari leads chile', 'ola leads peru'],
  },
  {
    name: 'the receiving end of a deed or stance noun: "drew criticism from X", "is under U.S. sanctions", negated "did not face"; no presence ("drew troops from")',
    language: 'en',
    parts: [
      { rows: [['Venezuela', 'Venezuela', 'PROPN', 2, 'nsubj'], ['drew', 'draw', 'VERB', 0, 'root'], ['criticism', 'criticism', 'NOUN', 2, 'obj'], ['from', 'from', 'ADP', 5, 'case'], ['Brazil', 'Brazil', 'PROPN', 3, 'nmod']], names: [[1, 1, 'venezuela', 'country'], [5, 5, 'brazil', 'country']] },
      { rows: [['Cuba', 'Cuba', 'PROPN', 5, 'nsubj'], ['is', 'be', 'AUX', 5, 'cop'], ['under', 'under', 'ADP', 5, 'case'], ['U.S.', 'U.S.', 'PROPN', 5, 'compound'], ['sanctions', 'sanction', 'NOUN', 0, 'root']], names: [[1, 1, 'cuba', 'country'], [4, 4, 'usa', 'country']] },
      { rows: [['Peru', 'Peru', 'PROPN', 4, 'nsubj'], ['did', 'do', 'AUX', 4, 'aux'], ['not', 'not', 'PART', 4, 'advmod'], ['face', 'face', 'VERB', 0, 'root'], ['sanctions', 'sanction', 'NOUN', 4, 'obj'], ['from', 'from', 'ADP', 7, 'case'], ['Chile', 'Chile', 'PROPN', 4, 'obl']], names: [[1, 1, 'peru', 'country'], [7, 7, 'chile', 'country']] },
      { rows: [['Bolivia', 'Bolivia', 'PROPN', 2, 'nsubj'], ['drew', 'draw', 'VERB', 0, 'root'], ['troops', 'troops', 'NOUN', 2, 'obj'], ['from', 'from', 'ADP', 5, 'case'], ['Ecuador', 'Ecuador', 'PROPN', 2, 'obl']], names: [[1, 1, 'bolivia', 'country'], [5, 5, 'ecuador', 'country']] },
    ],
    expected: ['brazil criticizes venezuela', 'chile sanctions peru (negated)', 'usa sanctions cuba'],
  },
  {
    name: 'NDT receiving end: "fikk kritikk fra X", "kom under angrep fra X"',
    language: 'nb',
    parts: [
      { rows: [['Venezuela', 'Venezuela', 'PROPN', 2, 'SUBJ'], ['fikk', 'få', 'VERB', 0, 'FINV'], ['kritikk', 'kritikk', 'NOUN', 2, 'DOBJ'], ['fra', 'fra', 'ADP', 3, 'ATR'], ['Brasil', 'Brasil', 'PROPN', 4, 'PUTFYLL']], names: [[1, 1, 'venezuela', 'country'], [5, 5, 'brazil', 'country']] },
      { rows: [['Colombia', 'Colombia', 'PROPN', 2, 'SUBJ'], ['kom', 'komme', 'VERB', 0, 'FINV'], ['under', 'under', 'ADP', 2, 'ADV'], ['angrep', 'angrep', 'NOUN', 3, 'PUTFYLL'], ['fra', 'fra', 'ADP', 4, 'ATR'], ['ELN', 'ELN', 'PROPN', 5, 'PUTFYLL']], names: [[1, 1, 'colombia', 'country'], [6, 6, 'eln', 'organization']] },
    ],
    expected: ['brazil criticizes venezuela', 'eln attacks colombia'],
  },
  {
    name: 'a presence noun "on" a place with its support verb: "Chile keeps a garrison on Rapa Nui"',
    language: 'en',
    parts: [{ rows: [['Chile', 'Chile', 'PROPN', 2, 'nsubj'], ['keeps', 'keep', 'VERB', 0, 'root'], ['a', 'a', 'DET', 4, 'det'], ['garrison', 'garrison', 'NOUN', 2, 'obj'], ['on', 'on', 'ADP', 6, 'case'], ['Rapa', 'Rapa', 'PROPN', 2, 'obl'], ['Nui', 'Nui', 'PROPN', 6, 'flat']], names: [[1, 1, 'chile', 'country'], [6, 7, 'rapa-nui', 'location']] }],
    expected: ['chile deployed_in rapa-nui'],
  },
  {
    name: 'a person\'s name between commas right after a title is its bearer, however the parse joined them: "X and its president, Y,"',
    language: 'en',
    parts: [{ rows: [['Peru', 'Peru', 'PROPN', 8, 'nsubj'], ['and', 'and', 'CCONJ', 4, 'cc'], ['its', 'its', 'PRON', 4, 'nmod:poss'], ['president', 'president', 'NOUN', 1, 'conj'], [',', ',', 'PUNCT', 6, 'punct'], ['Ana', 'Ana', 'PROPN', 1, 'conj'], [',', ',', 'PUNCT', 8, 'punct'], ['spoke', 'speak', 'VERB', 0, 'root']], names: [[1, 1, 'peru', 'country'], [6, 6, 'ana', 'person']] }],
    expected: ['ana leads peru'],
  },
  {
    name: 'coordinated verbs of different voice share the surface subject: "X, which controls Y and is backed by Z,"',
    language: 'en',
    parts: [{ rows: [['Chile', 'Chile', 'PROPN', 12, 'nsubj'], [',', ',', 'PUNCT', 4, 'punct'], ['which', 'which', 'PRON', 4, 'nsubj'], ['attacked', 'attack', 'VERB', 1, 'acl:relcl'], ['Bolivia', 'Bolivia', 'PROPN', 4, 'obj'], ['and', 'and', 'CCONJ', 8, 'cc'], ['is', 'be', 'AUX', 8, 'aux:pass'], ['backed', 'back', 'VERB', 4, 'conj'], ['by', 'by', 'ADP', 10, 'case'], ['Peru', 'Peru', 'PROPN', 8, 'obl'], [',', ',', 'PUNCT', 12, 'punct'], ['spoke', 'speak', 'VERB', 0, 'root']], names: [[1, 1, 'chile', 'country'], [5, 5, 'bolivia', 'country'], [10, 10, 'peru', 'country']] }],
    expected: ['chile attacks bolivia', 'peru supports chile'],
  },
  {
    name: 'a passive participle with no relation of its own names its noun\'s maker ("a proposal put forward by X"); one with a relation does not ("a group led by X")',
    language: 'en',
    parts: [
      { rows: [['Chile', 'Chile', 'PROPN', 2, 'nsubj'], ['rejected', 'reject', 'VERB', 0, 'root'], ['a', 'a', 'DET', 4, 'det'], ['proposal', 'proposal', 'NOUN', 2, 'obj'], ['put', 'put', 'VERB', 4, 'acl', 'Tense=Past|VerbForm=Part|Voice=Pass'], ['forward', 'forward', 'ADV', 5, 'advmod'], ['by', 'by', 'ADP', 8, 'case'], ['Peru', 'Peru', 'PROPN', 5, 'obl']], names: [[1, 1, 'chile', 'country'], [8, 8, 'peru', 'country']] },
      { rows: [['Bolivia', 'Bolivia', 'PROPN', 2, 'nsubj'], ['rejected', 'reject', 'VERB', 0, 'root'], ['a', 'a', 'DET', 4, 'det'], ['group', 'group', 'NOUN', 2, 'obj'], ['led', 'lead', 'VERB', 4, 'acl', 'Tense=Past|VerbForm=Part|Voice=Pass'], ['by', 'by', 'ADP', 7, 'case'], ['Cuba', 'Cuba', 'PROPN', 5, 'obl']], names: [[1, 1, 'bolivia', 'country'], [7, 7, 'cuba', 'country']] },
    ],
    expected: ['chile rejects peru'],
  },
  {
    name: '"X, whose president Y": the relative possessive owns the title',
    language: 'en',
    parts: [{ rows: [['Chile', 'Chile', 'PROPN', 7, 'nsubj'], [',', ',', 'PUNCT', 6, 'punct'], ['whose', 'whose', 'PRON', 4, 'nmod:poss'], ['president', 'president', 'NOUN', 5, 'compound'], ['Ana', 'Ana', 'PROPN', 6, 'nsubj'], ['spoke', 'speak', 'VERB', 1, 'acl:relcl'], ['won', 'win', 'VERB', 0, 'root']], names: [[1, 1, 'chile', 'country'], [5, 5, 'ana', 'person']] }],
    expected: ['ana leads chile'],
  },
  {
    name: '"WHO Director-General X criticized Y" parsed with the body as head: the titled person acts, and leads the body',
    language: 'en',
    parts: [{ rows: [['WHO', 'WHO', 'PROPN', 5, 'nsubj'], ['Director-General', 'director-general', 'ADJ', 4, 'amod'], ['Ana', 'Ana', 'PROPN', 4, 'compound'], ['Lopez', 'Lopez', 'PROPN', 1, 'nmod'], ['criticized', 'criticize', 'VERB', 0, 'root'], ['Peru', 'Peru', 'PROPN', 5, 'obj']], names: [[1, 1, 'who', 'organization'], [3, 4, 'ana-lopez', 'person'], [6, 6, 'peru', 'country']] }],
    expected: ['ana-lopez criticizes peru', 'ana-lopez leads who'],
  },
  {
    name: 'a title right before a name is the person\'s, however the parse attached them ("IMF spokesperson Ana Lopez")',
    language: 'en',
    parts: [{ rows: [['IMF', 'IMF', 'PROPN', 2, 'compound'], ['spokesperson', 'spokesperson', 'NOUN', 5, 'obl'], ['Ana', 'Ana', 'PROPN', 5, 'nsubj'], ['Lopez', 'Lopez', 'PROPN', 3, 'flat'], ['criticized', 'criticize', 'VERB', 0, 'root'], ['Peru', 'Peru', 'PROPN', 5, 'obj']], names: [[1, 1, 'imf', 'organization'], [3, 4, 'ana-lopez', 'person'], [6, 6, 'peru', 'country']] }],
    expected: ['ana-lopez criticizes peru', 'ana-lopez member_of imf'],
  },
  {
    name: 'a reduced passive relative: "Chilean troops stationed in Peru" (the noun is the participle\'s object)',
    language: 'en',
    parts: [{ rows: [['Chilean', 'Chilean', 'ADJ', 2, 'amod'], ['troops', 'troop', 'NOUN', 6, 'nsubj'], ['stationed', 'station', 'VERB', 2, 'acl', 'Tense=Past|VerbForm=Part'], ['in', 'in', 'ADP', 5, 'case'], ['Peru', 'Peru', 'PROPN', 3, 'obl'], ['returned', 'return', 'VERB', 0, 'root']], names: [[1, 1, 'chile', 'country'], [5, 5, 'peru', 'country']] }],
    expected: ['chile deployed_in peru'],
  },
  // ---- Norwegian, NDT ----
  {
    name: 'NDT verb-second with an auxiliary: the subject moves to the main verb',
    language: 'nb',
    parts: [{ rows: [['I', 'i', 'ADP', 3, 'ADV'], ['går', 'går', 'NOUN', 1, 'PUTFYLL'], ['har', 'ha', 'AUX', 0, 'FINV'], ['Chile', 'Chile', 'PROPN', 3, 'SUBJ'], ['kritisert', 'kritisere', 'VERB', 3, 'INFV'], ['Peru', 'Peru', 'PROPN', 5, 'DOBJ']], names: [[4, 4, 'chile', 'country'], [6, 6, 'peru', 'country']] }],
    expected: ['chile criticizes peru'],
  },
  {
    name: 'NDT passive with "bli" and an "av" agent; negation under the auxiliary',
    language: 'nb',
    parts: [
      { rows: [['Peru', 'Peru', 'PROPN', 2, 'SUBJ'], ['ble', 'bli', 'AUX', 0, 'FINV'], ['angrepet', 'angripe', 'VERB', 2, 'INFV', 'VerbForm=Part'], ['av', 'av', 'ADP', 3, 'ADV'], ['Chile', 'Chile', 'PROPN', 4, 'PUTFYLL']], names: [[1, 1, 'peru', 'country'], [5, 5, 'chile', 'country']] },
      { rows: [['Chile', 'Chile', 'PROPN', 2, 'SUBJ'], ['har', 'ha', 'AUX', 0, 'FINV'], ['ikke', 'ikke', 'PART', 2, 'ADV'], ['brutt', 'bryte', 'VERB', 2, 'INFV'], ['Andespakten', 'Andespakten', 'PROPN', 4, 'DOBJ']], names: [[1, 1, 'chile', 'country'], [5, 5, 'andes-pact', 'agreement']] },
    ],
    expected: ['chile attacks peru', 'chile violates andes-pact (negated)'],
  },
  {
    name: 'NDT particle and preposition chain: "trakk seg ut av"; cleft "Det var X som"',
    language: 'nb',
    parts: [{ rows: [['Det', 'det', 'PRON', 2, 'FSUBJ'], ['var', 'være', 'AUX', 0, 'FINV'], ['Chile', 'Chile', 'PROPN', 2, 'SPRED'], ['som', 'som', 'PRON', 5, 'SBU'], ['trakk', 'trekke', 'VERB', 2, 'ATR'], ['seg', 'seg', 'PRON', 5, 'DOBJ'], ['ut', 'ut', 'ADP', 5, 'ADV'], ['av', 'av', 'ADP', 7, 'PUTFYLL'], ['Mercosur', 'Mercosur', 'PROPN', 8, 'PUTFYLL']], names: [[3, 3, 'chile', 'country'], [9, 9, 'mercosur', 'organization']] }],
    expected: ['chile withdraws_from mercosur'],
  },
  {
    name: 'NDT control: "oppfordret Y til å trekke seg ut av Z"',
    language: 'nb',
    parts: [{ rows: [['Chile', 'Chile', 'PROPN', 2, 'SUBJ'], ['oppfordret', 'oppfordre', 'VERB', 0, 'FINV'], ['Peru', 'Peru', 'PROPN', 2, 'DOBJ'], ['til', 'til', 'SCONJ', 2, 'ADV'], ['å', 'å', 'PART', 4, 'PUTFYLL'], ['trekke', 'trekke', 'VERB', 5, 'INFV'], ['seg', 'seg', 'PRON', 6, 'DOBJ'], ['ut', 'ut', 'ADP', 6, 'ADV'], ['av', 'av', 'ADP', 8, 'PUTFYLL'], ['Bolivia', 'Bolivia', 'PROPN', 9, 'PUTFYLL']], names: [[1, 1, 'chile', 'country'], [3, 3, 'peru', 'country'], [10, 10, 'bolivia', 'country']] }],
    expected: ['chile demands peru', 'peru withdraws_from bolivia (hypothetical)'],
  },
  {
    name: 'NDT genitive nominalisation and a support verb: "Chiles angrep på Peru", "innførte sanksjoner mot"',
    language: 'nb',
    parts: [
      { rows: [['Chiles', 'Chile', 'PROPN', 2, 'DET'], ['angrep', 'angrep', 'NOUN', 5, 'SUBJ'], ['på', 'på', 'ADP', 2, 'ATR'], ['Peru', 'Peru', 'PROPN', 3, 'PUTFYLL'], ['fortsetter', 'fortsette', 'VERB', 0, 'FINV']], names: [[1, 1, 'chile', 'country'], [4, 4, 'peru', 'country']] },
      { rows: [['Bolivia', 'Bolivia', 'PROPN', 2, 'SUBJ'], ['innførte', 'innføre', 'VERB', 0, 'FINV'], ['sanksjoner', 'sanksjon', 'NOUN', 2, 'DOBJ'], ['mot', 'mot', 'ADP', 3, 'ATR'], ['Chile', 'Chile', 'PROPN', 4, 'PUTFYLL']], names: [[1, 1, 'bolivia', 'country'], [5, 5, 'chile', 'country']] },
    ],
    expected: ['bolivia sanctions chile', 'chile attacks peru'],
  },
  {
    name: 'NDT complement of a demand verb is not a fact; a reported clause is',
    language: 'nb',
    parts: [
      { rows: [['Chile', 'Chile', 'PROPN', 2, 'SUBJ'], ['krever', 'kreve', 'VERB', 0, 'FINV'], ['at', 'at', 'SCONJ', 5, 'SBU'], ['Peru', 'Peru', 'PROPN', 5, 'SUBJ'], ['forlater', 'forlate', 'VERB', 2, 'DOBJ'], ['Arica', 'Arica', 'PROPN', 5, 'DOBJ']], names: [[1, 1, 'chile', 'country'], [4, 4, 'peru', 'country'], [6, 6, 'arica', 'location']] },
      { rows: [['Chile', 'Chile', 'PROPN', 2, 'SUBJ'], ['sier', 'si', 'VERB', 0, 'FINV'], ['at', 'at', 'SCONJ', 5, 'SBU'], ['Peru', 'Peru', 'PROPN', 5, 'SUBJ'], ['bombet', 'bombe', 'VERB', 2, 'DOBJ'], ['Bolivia', 'Bolivia', 'PROPN', 5, 'DOBJ']], names: [[1, 1, 'chile', 'country'], [4, 4, 'peru', 'country'], [6, 6, 'bolivia', 'country']] },
    ],
    expected: ['chile demands peru', 'peru attacks bolivia', 'peru withdraws_from arica (hypothetical)'],
  },
  {
    name: 'NDT speech act coordinated after a comma inside a reported clause is the speaker\'s: "X sa at flyene fulgte reglene, og anklaget Y"',
    language: 'nb',
    parts: [
      { rows: [['Ana', 'Ana', 'PROPN', 2, 'SUBJ'], ['sa', 'si', 'VERB', 0, 'FINV'], ['at', 'at', 'SCONJ', 5, 'SBU'], ['flyene', 'fly', 'NOUN', 5, 'SUBJ'], ['fulgte', 'følge', 'VERB', 2, 'DOBJ'], ['reglene', 'regel', 'NOUN', 5, 'DOBJ'], [',', '$,', 'PUNCT', 5, 'IK'], ['og', 'og', 'CCONJ', 9, 'KONJ'], ['anklaget', 'anklage', 'VERB', 5, 'KOORD'], ['Chile', 'Chile', 'PROPN', 9, 'DOBJ']], names: [[1, 1, 'ana', 'person'], [10, 10, 'chile', 'country']] },
      // (With a subject of its own the conjunct stays in the reported clause: Peru's act, reported.)
      { rows: [['Ana', 'Ana', 'PROPN', 2, 'SUBJ'], ['sa', 'si', 'VERB', 0, 'FINV'], ['at', 'at', 'SCONJ', 5, 'SBU'], ['flyene', 'fly', 'NOUN', 5, 'SUBJ'], ['fulgte', 'følge', 'VERB', 2, 'DOBJ'], ['reglene', 'regel', 'NOUN', 5, 'DOBJ'], [',', '$,', 'PUNCT', 5, 'IK'], ['og', 'og', 'CCONJ', 9, 'KONJ'], ['Peru', 'Peru', 'PROPN', 10, 'SUBJ'], ['anklaget', 'anklage', 'VERB', 5, 'KOORD'], ['Bolivia', 'Bolivia', 'PROPN', 10, 'DOBJ']], names: [[1, 1, 'ana', 'person'], [9, 9, 'peru', 'country'], [11, 11, 'bolivia', 'country']] },
    ],
    expected: ['ana criticizes chile', 'peru criticizes bolivia'],
  },
  {
    name: 'UD speech act coordinated after a comma inside a reported clause is the speaker\'s: "X said the jets followed the rules, and accused Y"',
    language: 'en',
    parts: [
      { rows: [['Ana', 'Ana', 'PROPN', 2, 'nsubj'], ['said', 'say', 'VERB', 0, 'root'], ['the', 'the', 'DET', 4, 'det'], ['jets', 'jet', 'NOUN', 5, 'nsubj'], ['followed', 'follow', 'VERB', 2, 'ccomp'], ['rules', 'rule', 'NOUN', 5, 'obj'], [',', ',', 'PUNCT', 9, 'punct'], ['and', 'and', 'CCONJ', 9, 'cc'], ['accused', 'accuse', 'VERB', 5, 'conj'], ['Chile', 'Chile', 'PROPN', 9, 'obj']], names: [[1, 1, 'ana', 'person'], [10, 10, 'chile', 'country']] },
      // (Without the comma the parse may be right: the jets' second deed, no speech act of Ana's.)
      { rows: [['Ana', 'Ana', 'PROPN', 2, 'nsubj'], ['said', 'say', 'VERB', 0, 'root'], ['Peru', 'Peru', 'PROPN', 4, 'nsubj'], ['followed', 'follow', 'VERB', 2, 'ccomp'], ['rules', 'rule', 'NOUN', 4, 'obj'], ['and', 'and', 'CCONJ', 7, 'cc'], ['accused', 'accuse', 'VERB', 4, 'conj'], ['Chile', 'Chile', 'PROPN', 7, 'obj']], names: [[1, 1, 'ana', 'person'], [3, 3, 'peru', 'country'], [8, 8, 'chile', 'country']] },
    ],
    expected: ['ana criticizes chile', 'peru criticizes chile'],
  },
  {
    name: 'NDT support verb with its particle: "X og Y skrev under avtalen" (particle or preposition); "skrev om avtalen" is no signing',
    language: 'nb',
    parts: [
      { rows: [['Chile', 'Chile', 'PROPN', 4, 'SUBJ'], ['og', 'og', 'CCONJ', 3, 'KONJ'], ['Peru', 'Peru', 'PROPN', 1, 'KOORD'], ['skrev', 'skrive', 'VERB', 0, 'FINV'], ['under', 'under', 'ADP', 4, 'ADV'], ['avtalen', 'avtale', 'NOUN', 5, 'PUTFYLL']], names: [[1, 1, 'chile', 'country'], [3, 3, 'peru', 'country']] },
      { rows: [['Bolivia', 'Bolivia', 'PROPN', 4, 'SUBJ'], ['og', 'og', 'CCONJ', 3, 'KONJ'], ['Ecuador', 'Ecuador', 'PROPN', 1, 'KOORD'], ['skrev', 'skrive', 'VERB', 0, 'FINV'], ['under', 'under', 'ADV', 4, 'ADV'], ['avtalen', 'avtale', 'NOUN', 4, 'DOBJ']], names: [[1, 1, 'bolivia', 'country'], [3, 3, 'ecuador', 'country']] },
      { rows: [['Brasil', 'Brasil', 'PROPN', 4, 'SUBJ'], ['og', 'og', 'CCONJ', 3, 'KONJ'], ['Cuba', 'Cuba', 'PROPN', 1, 'KOORD'], ['skrev', 'skrive', 'VERB', 0, 'FINV'], ['om', 'om', 'ADP', 4, 'ADV'], ['avtalen', 'avtale', 'NOUN', 5, 'PUTFYLL']], names: [[1, 1, 'brazil', 'country'], [3, 3, 'cuba', 'country']] },
    ],
    expected: ['chile agrees_with peru', 'bolivia agrees_with ecuador'],
  },
  {
    name: 'NDT aid received from a list the parse broke after its first comma: "Chile har fått støtte fra Peru, Bolivia og Ecuador"',
    language: 'nb',
    parts: [
      { rows: [['Chile', 'Chile', 'PROPN', 2, 'SUBJ'], ['har', 'ha', 'AUX', 0, 'FINV'], ['fått', 'få', 'VERB', 2, 'INFV'], ['støtte', 'støtte', 'NOUN', 3, 'DOBJ'], ['fra', 'fra', 'ADP', 3, 'ADV'], ['Peru', 'Peru', 'PROPN', 5, 'PUTFYLL'], [',', '$,', 'PUNCT', 3, 'IK'], ['Bolivia', 'Bolivia', 'PROPN', 3, 'DOBJ'], ['og', 'og', 'CCONJ', 10, 'KONJ'], ['Ecuador', 'Ecuador', 'PROPN', 8, 'KOORD']], names: [[1, 1, 'chile', 'country'], [6, 6, 'peru', 'country'], [8, 8, 'bolivia', 'country'], [10, 10, 'ecuador', 'country']] },
      // (Something received that is no aid gives nothing: jets may be bought, "fått fly fra".)
      { rows: [['Cuba', 'Cuba', 'PROPN', 2, 'SUBJ'], ['har', 'ha', 'AUX', 0, 'FINV'], ['fått', 'få', 'VERB', 2, 'INFV'], ['fly', 'fly', 'NOUN', 3, 'DOBJ'], ['fra', 'fra', 'ADP', 3, 'ADV'], ['Haiti', 'Haiti', 'PROPN', 5, 'PUTFYLL']], names: [[1, 1, 'cuba', 'country'], [6, 6, 'haiti', 'country']] },
    ],
    expected: ['bolivia supports chile', 'ecuador supports chile', 'peru supports chile'],
  },
  {
    name: 'NDT a body\'s noun with its name hung on it takes the name in its place: "Partiet Framtid anklaget Chile"',
    language: 'nb',
    parts: [
      { rows: [['Partiet', 'parti', 'NOUN', 3, 'SUBJ'], ['Framtid', 'Framtid', 'PROPN', 1, 'FLAT'], ['anklaget', 'anklage', 'VERB', 0, 'FINV'], ['Chile', 'Chile', 'PROPN', 3, 'DOBJ']], names: [[2, 2, 'framtid', 'organization'], [4, 4, 'chile', 'country']] },
      // (A noun that is no body's appositive keeps its place.)
      { rows: [['Mannen', 'mann', 'NOUN', 3, 'SUBJ'], ['Ola', 'Ola', 'PROPN', 1, 'FLAT'], ['anklaget', 'anklage', 'VERB', 0, 'FINV'], ['Peru', 'Peru', 'PROPN', 3, 'DOBJ']], names: [[2, 2, 'ola', 'organization'], [4, 4, 'peru', 'country']] },
    ],
    expected: ['framtid criticizes chile'],
  },
  {
    name: 'NDT a deed noun in the phrase of a support verb\'s object is that verb\'s: "Chile vedtok en lov med sanksjoner mot Peru"',
    language: 'nb',
    parts: [
      { rows: [['Chile', 'Chile', 'PROPN', 2, 'SUBJ'], ['vedtok', 'vedta', 'VERB', 0, 'FINV'], ['en', 'en', 'DET', 4, 'DET'], ['lov', 'lov', 'NOUN', 2, 'DOBJ'], ['med', 'med', 'ADP', 4, 'ATR'], ['sanksjoner', 'sanksjon', 'NOUN', 5, 'PUTFYLL'], ['mot', 'mot', 'ADP', 6, 'ATR'], ['Peru', 'Peru', 'PROPN', 7, 'PUTFYLL']], names: [[1, 1, 'chile', 'country'], [8, 8, 'peru', 'country']] },
      // (A verb that is no support verb leaves the deed's actor unknown: "Bolivia leste en lov med sanksjoner mot Cuba".)
      { rows: [['Bolivia', 'Bolivia', 'PROPN', 2, 'SUBJ'], ['leste', 'lese', 'VERB', 0, 'FINV'], ['en', 'en', 'DET', 4, 'DET'], ['lov', 'lov', 'NOUN', 2, 'DOBJ'], ['med', 'med', 'ADP', 4, 'ATR'], ['sanksjoner', 'sanksjon', 'NOUN', 5, 'PUTFYLL'], ['mot', 'mot', 'ADP', 6, 'ATR'], ['Cuba', 'Cuba', 'PROPN', 7, 'PUTFYLL']], names: [[1, 1, 'bolivia', 'country'], [8, 8, 'cuba', 'country']] },
    ],
    expected: ['chile sanctions peru'],
  },
  {
    name: 'NDT title with a genitive owner; place "Chiles hovedstad Santiago"',
    language: 'nb',
    parts: [
      { rows: [['Perus', 'Peru', 'PROPN', 2, 'DET'], ['president', 'president', 'NOUN', 3, 'APP'], ['Ana', 'Ana', 'PROPN', 4, 'SUBJ'], ['talte', 'tale', 'VERB', 0, 'FINV']], names: [[1, 1, 'peru', 'country'], [3, 3, 'ana', 'person']] },
      { rows: [['Chiles', 'Chile', 'PROPN', 2, 'DET'], ['hovedstad', 'hovedstad', 'NOUN', 3, 'APP'], ['Santiago', 'Santiago', 'PROPN', 4, 'SUBJ'], ['vokser', 'vokse', 'VERB', 0, 'FINV']], names: [[1, 1, 'chile', 'country'], [3, 3, 'santiago', 'location']] },
    ],
    expected: ['ana leads peru', 'santiago located_in chile'],
  },
  {
    name: 'NDT coordinated subjects of a mutual verb relate to each other: "X og Y forhandlet"',
    language: 'nb',
    parts: [{ rows: [['Chile', 'Chile', 'PROPN', 4, 'SUBJ'], ['og', 'og', 'CCONJ', 3, 'KONJ'], ['Peru', 'Peru', 'PROPN', 1, 'KOORD'], ['forhandlet', 'forhandle', 'VERB', 0, 'FINV'], ['i', 'i', 'ADP', 4, 'ADV'], ['Lima', 'Lima', 'PROPN', 5, 'PUTFYLL']], names: [[1, 1, 'chile', 'country'], [3, 3, 'peru', 'country'], [6, 6, 'lima', 'location']] }],
    expected: ['chile negotiates_with peru'],
  },
  {
    name: 'NDT accusation: a claim of a wrong is criticism, the wrong stays a claim',
    language: 'nb',
    parts: [{ rows: [['Chile', 'Chile', 'PROPN', 2, 'SUBJ'], ['hevder', 'hevde', 'VERB', 0, 'FINV'], ['at', 'at', 'SCONJ', 5, 'SBU'], ['Peru', 'Peru', 'PROPN', 5, 'SUBJ'], ['har', 'ha', 'AUX', 2, 'DOBJ'], ['brutt', 'bryte', 'VERB', 5, 'INFV'], ['Andespakten', 'Andespakten', 'PROPN', 6, 'DOBJ']], names: [[1, 1, 'chile', 'country'], [4, 4, 'peru', 'country'], [7, 7, 'andes-pact', 'agreement']] }],
    expected: ['chile criticizes peru', 'peru violates andes-pact (hypothetical)'],
  },
  {
    name: 'NDT genitive right before a title owns it, even when the parse attached it elsewhere',
    language: 'nb',
    parts: [{ rows: [['Fredag', 'fredag', 'NOUN', 2, 'ADV'], ['talte', 'tale', 'VERB', 0, 'FINV'], ['Chiles', 'Chile', 'PROPN', 2, 'SUBJ'], ['president', 'president', 'NOUN', 5, 'APP'], ['Ana', 'Ana', 'PROPN', 2, 'SUBJ']], names: [[3, 3, 'chile', 'country'], [5, 5, 'ana', 'person']] }],
    expected: ['ana leads chile'],
  },
  {
    name: 'NDT Nynorsk passive with a participle tagged as an adjective: "vart angripen av"',
    language: 'nn',
    parts: [{ rows: [['Peru', 'Peru', 'PROPN', 2, 'SUBJ'], ['vart', 'verte', 'VERB', 0, 'FINV'], ['angripen', 'angripe', 'ADJ', 2, 'INFV'], ['av', 'av', 'ADP', 3, 'ADV'], ['Chile', 'Chile', 'PROPN', 4, 'PUTFYLL']], names: [[1, 1, 'peru', 'country'], [5, 5, 'chile', 'country']] }],
    expected: ['chile attacks peru'],
  },
  {
    name: 'NDT noun adjunct of a verb: its actor is the verb\'s subject, and it is as real as the verb',
    language: 'nb',
    parts: [{ rows: [['Chile', 'Chile', 'PROPN', 2, 'SUBJ'], ['skal', 'skulle', 'AUX', 0, 'FINV'], ['bistå', 'bistå', 'VERB', 2, 'INFV'], ['med', 'med', 'ADP', 3, 'ADV'], ['trening', 'trening', 'NOUN', 4, 'PUTFYLL'], ['av', 'av', 'ADP', 5, 'ATR'], ['Peru', 'Peru', 'PROPN', 6, 'PUTFYLL']], names: [[1, 1, 'chile', 'country'], [7, 7, 'peru', 'country']] }],
    expected: ['chile trains peru (hypothetical)'],
  },
  {
    name: 'NDT title before a name with the owner phrase after the name: "oberst Kari Dahl i Heimevernet"',
    language: 'nb',
    parts: [{ rows: [['Det', 'det', 'PRON', 2, 'SUBJ'], ['sier', 'si', 'VERB', 0, 'FINV'], ['oberst', 'oberst', 'NOUN', 4, 'ATR'], ['Kari', 'Kari', 'PROPN', 2, 'SUBJ'], ['Dahl', 'Dahl', 'PROPN', 4, 'FLAT'], ['i', 'i', 'ADP', 4, 'ATR'], ['Heimevernet', 'Heimevernet', 'PROPN', 6, 'PUTFYLL']], names: [[4, 5, 'kari-dahl', 'person'], [7, 7, 'home-guard', 'organization']] }],
    expected: ['kari-dahl member_of home-guard'],
  },
  {
    name: 'NDT means clause "svarte med å skyte raketter mot": a fact, with the weapon frame\'s target',
    language: 'nb',
    parts: [{ rows: [['Chile', 'Chile', 'PROPN', 2, 'SUBJ'], ['svarte', 'svare', 'VERB', 0, 'FINV'], ['med', 'med', 'ADP', 2, 'ADV'], ['å', 'å', 'PART', 3, 'PUTFYLL'], ['skyte', 'skyte', 'VERB', 4, 'INFV'], ['raketter', 'rakett', 'NOUN', 5, 'DOBJ'], ['mot', 'mot', 'ADP', 5, 'ADV'], ['Peru', 'Peru', 'PROPN', 7, 'PUTFYLL']], names: [[1, 1, 'chile', 'country'], [8, 8, 'peru', 'country']] }],
    expected: ['chile attacks peru'],
  },
  {
    name: 'purpose infinitive: its understood subject is the main clause\'s, and it is as real as the main clause',
    language: 'en',
    parts: [{ rows: [['Chile', 'Chile', 'PROPN', 2, 'nsubj'], ['sent', 'send', 'VERB', 0, 'root'], ['troops', 'troops', 'NOUN', 2, 'obj'], ['to', 'to', 'ADP', 5, 'case'], ['Peru', 'Peru', 'PROPN', 2, 'obl'], ['to', 'to', 'PART', 7, 'mark'], ['fight', 'fight', 'VERB', 2, 'advcl', 'VerbForm=Inf'], ['Bolivia', 'Bolivia', 'PROPN', 7, 'obj']], names: [[1, 1, 'chile', 'country'], [5, 5, 'peru', 'country'], [8, 8, 'bolivia', 'country']] }],
    expected: ['chile deployed_in peru', 'chile fights bolivia'],
  },
  {
    name: 'purpose infinitive under a plan: as unreal as its main clause',
    language: 'en',
    parts: [{ rows: [['Chile', 'Chile', 'PROPN', 3, 'nsubj'], ['will', 'will', 'AUX', 3, 'aux'], ['deploy', 'deploy', 'VERB', 0, 'root'], ['jets', 'jet', 'NOUN', 3, 'obj'], ['in', 'in', 'ADP', 8, 'mark'], ['order', 'order', 'NOUN', 5, 'fixed'], ['to', 'to', 'PART', 8, 'mark'], ['strike', 'strike', 'VERB', 3, 'advcl', 'VerbForm=Inf'], ['Bolivia', 'Bolivia', 'PROPN', 8, 'obj']], names: [[1, 1, 'chile', 'country'], [9, 9, 'bolivia', 'country']] }],
    expected: ['chile attacks bolivia (hypothetical)'],
  },
  {
    name: 'NDT "for å" of purpose: the subject of the main clause fights, as a fact',
    language: 'nb',
    parts: [{ rows: [['Chile', 'Chile', 'PROPN', 2, 'SUBJ'], ['sendte', 'sende', 'VERB', 0, 'FINV'], ['soldater', 'soldat', 'NOUN', 2, 'DOBJ'], ['for', 'for', 'SCONJ', 2, 'ADV'], ['å', 'å', 'PART', 4, 'PUTFYLL'], ['kjempe', 'kjempe', 'VERB', 5, 'INFV', 'VerbForm=Inf'], ['mot', 'mot', 'ADP', 6, 'ADV'], ['Bolivia', 'Bolivia', 'PROPN', 7, 'PUTFYLL']], names: [[1, 1, 'chile', 'country'], [8, 8, 'bolivia', 'country']] }],
    expected: ['chile fights bolivia'],
  },
  {
    name: 'NDT "for å" after a named object: the object is the doer ("anklaget Peru for å støtte"), not a purpose',
    language: 'nb',
    parts: [{ rows: [['Chile', 'Chile', 'PROPN', 2, 'SUBJ'], ['anklaget', 'anklage', 'VERB', 0, 'FINV'], ['Peru', 'Peru', 'PROPN', 2, 'DOBJ'], ['for', 'for', 'SCONJ', 2, 'ADV'], ['å', 'å', 'PART', 4, 'PUTFYLL'], ['støtte', 'støtte', 'VERB', 5, 'INFV', 'VerbForm=Inf'], ['Bolivia', 'Bolivia', 'PROPN', 6, 'DOBJ']], names: [[1, 1, 'chile', 'country'], [3, 3, 'peru', 'country'], [7, 7, 'bolivia', 'country']] }],
    expected: ['chile criticizes peru', 'peru supports bolivia (hypothetical)'],
  },
  {
    name: 'a title between its owner and its person, whatever the parse attached ("Turkish" read as an object)',
    language: 'en',
    parts: [{ rows: [['Chile', 'Chile', 'PROPN', 2, 'nsubj'], ['met', 'meet', 'VERB', 0, 'root'], ['Turkish', 'Turkish', 'ADJ', 2, 'obj'], ['Foreign', 'foreign', 'ADJ', 5, 'amod'], ['Minister', 'Minister', 'PROPN', 6, 'nmod:desc'], ['Ana', 'Ana', 'PROPN', 3, 'conj'], ['Lopez', 'Lopez', 'PROPN', 6, 'flat']], names: [[1, 1, 'chile', 'country'], [3, 3, 'turkey', 'country'], [6, 7, 'ana-lopez', 'person']] }],
    expected: ['ana-lopez member_of turkey', 'chile meets ana-lopez'],
  },
  {
    name: 'NDT clause object without "at" is a clause: the claim of a wrong stays a claim',
    language: 'nb',
    parts: [{ rows: [['Chile', 'Chile', 'PROPN', 2, 'SUBJ'], ['mener', 'mene', 'VERB', 0, 'FINV', 'Mood=Ind|Tense=Pres|VerbForm=Fin'], ['Peru', 'Peru', 'PROPN', 4, 'SUBJ'], ['har', 'ha', 'AUX', 2, 'DOBJ', 'Mood=Ind|Tense=Pres|VerbForm=Fin'], ['brutt', 'bryte', 'VERB', 4, 'INFV', 'VerbForm=Part'], ['Andespakten', 'Andespakten', 'PROPN', 5, 'DOBJ']], names: [[1, 1, 'chile', 'country'], [3, 3, 'peru', 'country'], [6, 6, 'andes-pact', 'agreement']] }],
    expected: ['chile criticizes peru', 'peru violates andes-pact (hypothetical)'],
  },
  {
    name: 'an apposition that opens with "and" is a conjunct: both subjects meet',
    language: 'en',
    parts: [{ rows: [['Ana', 'Ana', 'PROPN', 6, 'nsubj'], ['Soto', 'Soto', 'PROPN', 1, 'flat'], ['and', 'and', 'CCONJ', 4, 'cc'], ['President', 'President', 'PROPN', 5, 'nmod:desc'], ['Luis', 'Luis', 'PROPN', 1, 'appos'], ['met', 'meet', 'VERB', 0, 'root'], ['in', 'in', 'ADP', 8, 'case'], ['Lima', 'Lima', 'PROPN', 6, 'obl']], names: [[1, 2, 'ana-soto', 'person'], [5, 5, 'luis', 'person'], [8, 8, 'lima', 'location']] }],
    expected: ['ana-soto meets luis'],
  },
  {
    name: 'a conjunct hung on the last word of a name is the name\'s',
    language: 'en',
    parts: [{ rows: [['Ana', 'Ana', 'PROPN', 5, 'nsubj'], ['Soto', 'Soto', 'PROPN', 1, 'flat'], ['and', 'and', 'CCONJ', 4, 'cc'], ['Peru', 'Peru', 'PROPN', 2, 'conj'], ['condemned', 'condemn', 'VERB', 0, 'root'], ['Chile', 'Chile', 'PROPN', 5, 'obj']], names: [[1, 2, 'ana-soto', 'person'], [4, 4, 'peru', 'country'], [6, 6, 'chile', 'country']] }],
    expected: ['ana-soto criticizes chile', 'peru criticizes chile'],
  },
  {
    name: 'NDT noun subject shared by a coordinated passive support verb: "Pakten forbyr X og ble inngått mellom A og B"',
    language: 'nb',
    parts: [{ rows: [['Pakten', 'pakt', 'NOUN', 2, 'SUBJ', 'Definite=Def|Number=Sing'], ['forbyr', 'forby', 'VERB', 0, 'FINV', 'VerbForm=Fin'], ['atomvåpen', 'atomvåpen', 'NOUN', 2, 'DOBJ'], ['og', 'og', 'CCONJ', 5, 'KONJ'], ['ble', 'bli', 'AUX', 2, 'KOORD', 'VerbForm=Fin'], ['inngått', 'inngå', 'VERB', 5, 'INFV', 'VerbForm=Part'], ['mellom', 'mellom', 'ADP', 6, 'ADV'], ['Chile', 'Chile', 'PROPN', 7, 'PUTFYLL'], ['og', 'og', 'CCONJ', 10, 'KONJ'], ['Peru', 'Peru', 'PROPN', 8, 'KOORD']], names: [[8, 8, 'chile', 'country'], [10, 10, 'peru', 'country']] }],
    expected: ['chile agrees_with peru'],
  },
  {
    name: 'NDT second subject after the participle is the object ("Chile har oppfordret Peru til å ...", Peru mislabelled SUBJ)',
    language: 'nb',
    parts: [{ rows: [['Chile', 'Chile', 'PROPN', 2, 'SUBJ'], ['har', 'ha', 'AUX', 0, 'FINV', 'VerbForm=Fin'], ['oppfordret', 'oppfordre', 'VERB', 2, 'INFV', 'VerbForm=Part'], ['Peru', 'Peru', 'PROPN', 3, 'SUBJ'], ['til', 'til', 'SCONJ', 3, 'ADV'], ['å', 'å', 'PART', 5, 'PUTFYLL'], ['trekke', 'trekke', 'VERB', 6, 'INFV', 'VerbForm=Inf'], ['seg', 'seg', 'PRON', 7, 'DOBJ'], ['ut', 'ut', 'ADP', 7, 'ADV'], ['av', 'av', 'ADP', 9, 'PUTFYLL'], ['Bolivia', 'Bolivia', 'PROPN', 10, 'PUTFYLL']], names: [[1, 1, 'chile', 'country'], [4, 4, 'peru', 'country'], [11, 11, 'bolivia', 'country']] }],
    expected: ['chile demands peru', 'peru withdraws_from bolivia (hypothetical)'],
  },
  {
    name: 'NDT second subject after the participle in an inverted clause is the object ("I flere år har Chile støttet Peru", Peru mislabelled SUBJ)',
    language: 'nb',
    parts: [{ rows: [['I', 'i', 'ADP', 4, 'ADV'], ['flere', 'mange', 'ADJ', 3, 'ATR'], ['år', 'år', 'NOUN', 1, 'PUTFYLL'], ['har', 'ha', 'AUX', 0, 'FINV', 'VerbForm=Fin'], ['Chile', 'Chile', 'PROPN', 4, 'SUBJ'], ['støttet', 'støtte', 'VERB', 4, 'INFV', 'VerbForm=Part'], ['Peru', 'Peru', 'PROPN', 6, 'SUBJ']], names: [[5, 5, 'chile', 'country'], [7, 7, 'peru', 'country']] }],
    expected: ['chile supports peru'],
  },
  {
    name: 'NDT: a lower-case definite noun hung as FLAT on the subject name is the verb\'s object ("Dagen etter kritiserte Chile opprørerne")',
    language: 'nb',
    parts: [{ rows: [['Dagen', 'dag', 'NOUN', 3, 'ADV', 'Definite=Def|Number=Sing'], ['etter', 'etter', 'ADP', 1, 'ATR'], ['kritiserte', 'kritisere', 'VERB', 0, 'FINV', 'VerbForm=Fin'], ['Chile', 'Chile', 'PROPN', 3, 'SUBJ'], ['opprørerne', 'opprører', 'NOUN', 4, 'FLAT', 'Definite=Def|Number=Plur']], names: [[4, 4, 'chile', 'country'], [5, 5, 'rebels', 'organization']] }],
    expected: ['chile criticizes rebels'],
  },
  {
    name: 'NDT: a verb that has an object keeps it; a FLAT noun on its subject is left alone',
    language: 'nb',
    parts: [{ rows: [['Chile', 'Chile', 'PROPN', 2, 'SUBJ'], ['kritiserte', 'kritisere', 'VERB', 0, 'FINV', 'VerbForm=Fin'], ['Peru', 'Peru', 'PROPN', 2, 'DOBJ'], ['styrkene', 'styrke', 'NOUN', 1, 'FLAT', 'Definite=Def|Number=Plur']], names: [[1, 1, 'chile', 'country'], [3, 3, 'peru', 'country'], [4, 4, 'forces', 'organization']] }],
    expected: ['chile criticizes peru'],
  },
  {
    name: 'NDT: a name the tagger cut short climbs the flat chain to its head on the right ("Lai" tagged, "Ching-te" the head)',
    language: 'nb',
    parts: [{ rows: [['Lai', 'Lai', 'PROPN', 2, 'FLAT'], ['Ching-te', 'Ching-te', 'PROPN', 3, 'SUBJ'], ['kritiserte', 'kritisere', 'VERB', 0, 'FINV'], ['Kina', 'Kina', 'PROPN', 3, 'DOBJ']], names: [[1, 1, 'lai', 'person'], [4, 4, 'china', 'country']] }],
    expected: ['lai criticizes china'],
  },
  {
    name: 'NDT: a violation in an adverbial without its own object breaks the agreement that is the clause subject',
    language: 'nb',
    parts: [{ rows: [['Avtalen', 'avtale', 'NOUN', 2, 'SUBJ'], ['opphørte', 'opphøre', 'VERB', 0, 'FINV'], ['etter', 'etter', 'ADP', 2, 'ADV'], ['iranske', 'iransk', 'ADJ', 5, 'ATR'], ['brudd', 'brudd', 'NOUN', 3, 'PUTFYLL']], names: [[1, 1, 'accord', 'agreement'], [4, 4, 'iran', 'country']] }],
    expected: ['iran violates accord'],
  },
  {
    name: 'UD: the implicit object of a violation is the clause subject only when that is an agreement',
    language: 'en',
    parts: [
      { rows: [['The', 'the', 'DET', 2, 'det'], ['accord', 'accord', 'NOUN', 3, 'nsubj'], ['collapsed', 'collapse', 'VERB', 0, 'root'], ['after', 'after', 'ADP', 6, 'case'], ['Iranian', 'Iranian', 'ADJ', 6, 'amod'], ['violations', 'violation', 'NOUN', 3, 'obl']], names: [[2, 2, 'accord', 'agreement'], [5, 5, 'iran', 'country']] },
      { rows: [['Chile', 'Chile', 'PROPN', 2, 'nsubj'], ['protested', 'protest', 'VERB', 0, 'root'], ['after', 'after', 'ADP', 5, 'case'], ['Peruvian', 'Peruvian', 'ADJ', 5, 'amod'], ['violations', 'violation', 'NOUN', 2, 'obl']], names: [[1, 1, 'chile', 'country'], [4, 4, 'peru', 'country']] },
    ],
    expected: ['iran violates accord'],
  },
];

describe('tree mechanics on hand-written trees', () => {
  it.each(cases)('$language: $name', ({ language, parts, expected }) => {
    expect(relationsOf(language, parts)).toEqual([...expected].sort());
  });
});

describe('grammatical functions from NDT', () => {
  it('moves a preposition chain onto its noun and an auxiliary chain onto its verb', () => {
    const rows: Row[] = [['Chile', 'Chile', 'PROPN', 2, 'SUBJ'], ['har', 'ha', 'AUX', 0, 'FINV'], ['trukket', 'trekke', 'VERB', 2, 'INFV'], ['seg', 'seg', 'PRON', 3, 'DOBJ'], ['ut', 'ut', 'ADP', 3, 'ADV'], ['av', 'av', 'ADP', 5, 'PUTFYLL'], ['Mercosur', 'Mercosur', 'PROPN', 6, 'PUTFYLL']];
    const t = buildTree(rows.map(([, lemma, upos, head, deprel]) => ({ lemma, upos, xpos: '_', feats: '_', head, deprel })), rows.map((r) => r[0]));
    expect(t.scheme).toBe('NDT');
    expect(t.nodes.map((n) => `${n.form}:${n.fn}>${n.gov}${n.prep ? `(${n.prep})` : ''}`)).toEqual(['Chile:subj>2', 'har:aux>2', 'trukket:root>-1', 'seg:obj>2', 'ut:case>6', 'av:case>6', 'Mercosur:obl>2(ut av)']);
  });
});

describe('frames files', () => {
  const base = { language: 'en', version: '1', frames: [] as unknown[] };
  const frame = { lemma: 'shun', pos: 'verb', relation: 'rejects' };
  const errors: { name: string; raw: unknown; message: string }[] = [
    { name: 'an unknown key in an entry', raw: { ...base, frames: [{ ...frame, copulaSubject: true }] }, message: 'unknown key "copulaSubject"' },
    { name: 'an unknown top-level key', raw: { ...base, cues: [] }, message: 'unknown key "cues" at the top level' },
    { name: 'an unknown relation', raw: { ...base, frames: [{ ...frame, relation: 'loves' }] }, message: 'unknown relation "loves"' },
    { name: 'a bad role', raw: { ...base, frames: [{ ...frame, object: ['dobj'] }] }, message: '"object": "dobj" is not a role (subj, obj, iobj, poss, compound, support, comp:subj, head:subj, head:obj, inf:obj, obl:PREP)' },
    { name: 'a noun without an object role', raw: { ...base, frames: [{ lemma: 'snub', pos: 'noun', relation: 'rejects' }] }, message: 'a frame needs an "object" role (or "mutual": true)' },
    { name: 'a bad part of speech', raw: { ...base, frames: [{ ...frame, pos: 'adverb' }] }, message: '"pos" must be one of verb, noun, adj, got "adverb"' },
    { name: 'a subject noun list that is no list', raw: { ...base, frames: [{ ...frame, subjectNoun: 'troop' }] }, message: '"subjectNoun" must be a list of non-empty strings' },
  ];
  it.each(errors)('rejects $name, naming the file and the entry', ({ raw, message }) => {
    let caught: unknown;
    try {
      compileFrames(raw, 'my-frames.json', 'en');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(KgError);
    const e = caught as KgError;
    expect(e.message).toBe(message);
    expect(e.where).toMatch(/^my-frames\.json(: frame 1)?$/);
  });

  it('adds a user frame on top of the shipped ones, with an id naming it', () => {
    const f = compileFrames({ ...base, frames: [frame] }, 'my-frames.json', 'en', shippedFrames('en'));
    expect(f.byKey.get('verb:shun')?.map((x) => x.id)).toEqual(['en:verb:shun:rejects']);
    expect(f.frames.length).toBe(shippedFrames('en').frames.length + 1);
  });

  it('ships frames for every relation type in every language', () => {
    for (const lang of ['nb', 'nn', 'en'] as const) {
      const relations = new Set(shippedFrames(lang).frames.map((f) => f.relation));
      for (const r of ['trains', 'supports', 'negotiates_with', 'meets', 'cooperates_with', 'agrees_with', 'invites', 'deployed_in', 'withdraws_from', 'demands', 'criticizes', 'rejects', 'threatens', 'sanctions', 'violates', 'fights', 'attacks', 'expels', 'deploys', 'leads', 'member_of', 'located_in']) {
        expect(relations.has(r as never), `${lang} ${r}`).toBe(true);
      }
    }
  });
});
