// Entity-level scoring as conlleval counts it: an entity is correct when its span and type both match
// exactly; also untyped span scores (span only), per type and overall.

import { KgError } from '../errors.js';
import { NORNE_TYPES, tagsToSpans } from './tags.js';

/** Counts and precision/recall/F1 (fractions 0..1; 0 when undefined, as conlleval prints them). */
export interface Prf {
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface NerScore {
  sentences: number;
  tokens: number;
  /** Share of tokens whose tag is exactly right. */
  tokenAccuracy: number;
  /** Per entity type, in NorNE's order and then alphabetically for other types. */
  byType: { type: string; score: Prf }[];
  /** Exact span and type. */
  overall: Prf;
  /** Exact span, any type. */
  untyped: Prf;
}

function prf(gold: number, predicted: number, correct: number): Prf {
  const precision = predicted > 0 ? correct / predicted : 0;
  const recall = gold > 0 ? correct / gold : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { gold, predicted, correct, precision, recall, f1 };
}

function typeOrder(a: string, b: string): number {
  const ia = (NORNE_TYPES as readonly string[]).indexOf(a);
  const ib = (NORNE_TYPES as readonly string[]).indexOf(b);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Scores predicted tag sequences against gold ones (same sentences, same token counts). */
export function scoreNer(gold: readonly (readonly string[])[], pred: readonly (readonly string[])[]): NerScore {
  if (gold.length !== pred.length) {
    throw new KgError('INPUT_INVALID', `gold has ${gold.length} sentences, the prediction ${pred.length}`);
  }
  const counts = new Map<string, { gold: number; predicted: number; correct: number }>();
  const count = (type: string) => {
    let c = counts.get(type);
    if (!c) counts.set(type, (c = { gold: 0, predicted: 0, correct: 0 }));
    return c;
  };
  let tokens = 0;
  let tokenCorrect = 0;
  let untypedCorrect = 0;
  for (let s = 0; s < gold.length; s++) {
    const g = gold[s]!;
    const p = pred[s]!;
    if (g.length !== p.length) {
      throw new KgError('INPUT_INVALID', `sentence ${s + 1}: gold has ${g.length} tokens, the prediction ${p.length}`);
    }
    tokens += g.length;
    for (let i = 0; i < g.length; i++) if (g[i] === p[i]) tokenCorrect++;
    const gs = tagsToSpans(g);
    const ps = tagsToSpans(p);
    const goldKeys = new Map<string, string>();
    for (const span of gs) {
      count(span.type).gold++;
      goldKeys.set(`${span.start}:${span.end}`, span.type);
    }
    for (const span of ps) {
      const c = count(span.type);
      c.predicted++;
      const goldType = goldKeys.get(`${span.start}:${span.end}`);
      if (goldType !== undefined) {
        untypedCorrect++;
        if (goldType === span.type) c.correct++;
      }
    }
  }
  const types = [...counts.keys()].sort(typeOrder);
  let G = 0;
  let P = 0;
  let C = 0;
  const byType = types.map((type) => {
    const c = counts.get(type)!;
    G += c.gold;
    P += c.predicted;
    C += c.correct;
    return { type, score: prf(c.gold, c.predicted, c.correct) };
  });
  return {
    sentences: gold.length,
    tokens,
    tokenAccuracy: tokens > 0 ? tokenCorrect / tokens : 0,
    byType,
    overall: prf(G, P, C),
    untyped: prf(G, P, untypedCorrect),
  };
}

const pct = (x: number) => (100 * x).toFixed(2).padStart(7);

/** A plain-text table: per type, overall (typed) and untyped spans, with precision, recall and F1 in %. */
export function formatNerScore(score: NerScore): string {
  const rows: [string, Prf][] = [...score.byType.map((t) => [t.type, t.score] as [string, Prf]), ['overall', score.overall], ['untyped', score.untyped]];
  const width = Math.max(8, ...rows.map(([name]) => name.length));
  const line = (name: string, p: Prf) =>
    `${name.padEnd(width)} ${String(p.gold).padStart(6)} ${String(p.predicted).padStart(6)} ${String(p.correct).padStart(7)} ${pct(p.precision)} ${pct(p.recall)} ${pct(p.f1)}\n`;
  let out = `${score.sentences} sentences, ${score.tokens} tokens, token accuracy ${(100 * score.tokenAccuracy).toFixed(2)}%\n`;
  out += `${'type'.padEnd(width)} ${'gold'.padStart(6)} ${'pred'.padStart(6)} ${'correct'.padStart(7)} ${'prec%'.padStart(7)} ${'rec%'.padStart(7)} ${'F1%'.padStart(7)}\n`;
  for (const [name, p] of rows.slice(0, -2)) out += line(name, p);
  out += `${'-'.repeat(width + 43)}\n`;
  out += line('overall', score.overall);
  out += line('untyped', score.untyped);
  return out;
}
