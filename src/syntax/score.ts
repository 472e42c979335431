// Parse scores against gold trees, as the CoNLL 2018 shared task counts them on gold tokens: UPOS,
// lemma, UAS and LAS (labels compared up to their first ':') over every word, punctuation included.

import { KgError } from '../errors.js';
import type { ConlluSentence } from './conllu.js';

export interface LabelScore {
  label: string;
  gold: number;
  predicted: number;
  /** Words with this gold label whose head and label are both right. */
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ParseScore {
  sentences: number;
  words: number;
  upos: number;
  xpos: number;
  lemma: number;
  uas: number;
  las: number;
  labels: LabelScore[];
}

const base = (l: string) => {
  const i = l.indexOf(':');
  return i < 0 ? l : l.slice(0, i);
};

/** Scores `pred` against `gold` (same sentences and words, else a KgError naming `predWhere`). */
export function scoreParse(gold: readonly ConlluSentence[], pred: readonly ConlluSentence[], predWhere = 'prediction'): ParseScore {
  if (gold.length !== pred.length) throw new KgError('INPUT_INVALID', `has ${pred.length} sentences, the gold file ${gold.length}`, predWhere);
  let words = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;
  const per = new Map<string, { gold: number; predicted: number; correct: number }>();
  const entry = (l: string) => {
    let e = per.get(l);
    if (!e) per.set(l, (e = { gold: 0, predicted: 0, correct: 0 }));
    return e;
  };
  gold.forEach((g, k) => {
    const p = pred[k]!;
    if (p.words.length !== g.words.length || p.words.some((w, i) => w.form !== g.words[i]!.form)) {
      throw new KgError('INPUT_INVALID', `sentence ${k + 1} has other words than the gold file's`, `${predWhere}:${(p.words[0]?.line ?? 0) + 1}`);
    }
    g.words.forEach((gw, i) => {
      const pw = p.words[i]!;
      words++;
      if (pw.upos === gw.upos) upos++;
      if (pw.xpos === gw.xpos) xpos++;
      if (pw.lemma === gw.lemma) lemma++;
      const gl = base(gw.deprel);
      const pl = base(pw.deprel);
      entry(gl).gold++;
      entry(pl).predicted++;
      if (pw.head === gw.head) {
        uas++;
        if (pl === gl) {
          las++;
          entry(gl).correct++;
        }
      }
    });
  });
  const pct = (x: number, n: number) => (n === 0 ? 0 : (100 * x) / n);
  const labels = [...per.entries()]
    .sort((a, b) => b[1].gold - a[1].gold || (a[0] < b[0] ? -1 : 1))
    .map(([label, e]) => {
      const precision = pct(e.correct, e.predicted);
      const recall = pct(e.correct, e.gold);
      return { label, ...e, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
    });
  return { sentences: gold.length, words, upos: pct(upos, words), xpos: pct(xpos, words), lemma: pct(lemma, words), uas: pct(uas, words), las: pct(las, words), labels };
}

/** The report `kg eval parse` prints: the totals, then one row per gold label. */
export function formatParseScore(s: ParseScore): string {
  const f = (x: number) => x.toFixed(2).padStart(6);
  const lines = [
    `${s.sentences} sentences, ${s.words} words`,
    `UPOS   ${f(s.upos)}`,
    `XPOS   ${f(s.xpos)}`,
    `lemma  ${f(s.lemma)}`,
    `UAS    ${f(s.uas)}`,
    `LAS    ${f(s.las)}`,
    '',
    `${'label'.padEnd(12)} ${'gold'.padStart(6)} ${'pred'.padStart(6)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}`,
    ...s.labels.map((l) => `${l.label.padEnd(12)} ${String(l.gold).padStart(6)} ${String(l.predicted).padStart(6)} ${f(l.precision)} ${f(l.recall)} ${f(l.f1)}`),
  ];
  return `${lines.join('\n')}\n`;
}
