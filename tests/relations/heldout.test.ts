// Relation quality on text the frames were not written from: news articles and one-construction passages written
// for this purpose (tests/fixtures/relations/), scored by `kg eval` with the rules of shared/eval/README.md. The
// floors are the figures measured when the tree relations landed, less a small margin: a change that loses
// relations on unseen text fails here. (The targets of the issue are higher; README, "Relations".)

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kg, ROOT } from '../cli/helpers.js';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'relations');

interface Report {
  total: { relations: { scores: { precision: number; recall: number; f1: number } }; forbiddenHits: number };
}

function evaluate(golds: string[]): Report {
  const r = kg(['eval', ...golds, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

/** The gold files of one language in a folder of mixed languages (the text's name says the language). */
function goldsOf(dir: string, lang: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(`.${lang}.txt`))
    .sort()
    .map((f) => join(dir, f.replace(`.${lang}.txt`, '.gold.json')));
}


/** Relation F1 per language at least its floor, and at most the forbidden relations asserted when first scored. */
function noWorseThanFirstScored(set: string, floors: Readonly<Record<string, readonly [number, number]>>): void {
  it.each(Object.entries(floors))('%s: relation F1 and forbidden relations no worse than when first scored', (lang, [floor, forbidden]) => {
    const rep = evaluate(goldsOf(join(FIXTURES, set), lang));
    expect(rep.total.relations.scores.f1).toBeGreaterThanOrEqual(floor);
    expect(rep.total.forbiddenHits).toBeLessThanOrEqual(forbidden);
  });
}

describe('relations on unseen news articles (tests/fixtures/relations/heldout)', () => {
  const floors = { nb: 0.79, nn: 0.72, en: 0.74 } as const;
  it.each(Object.entries(floors))('%s: relation F1 ≥ %s, no forbidden relation', (lang, floor) => {
    const rep = evaluate(goldsOf(join(FIXTURES, 'heldout'), lang));
    expect(rep.total.relations.scores.f1).toBeGreaterThanOrEqual(floor);
    expect(rep.total.forbiddenHits).toBe(0);
  });
});

describe('relations on one-construction passages (tests/fixtures/relations/constructions)', () => {
  const floors = { nb: 0.81, nn: 0.79, en: 0.82 } as const;
  it.each(Object.entries(floors))('%s: relation F1 ≥ %s, no forbidden relation', (lang, floor) => {
    const rep = evaluate([join(FIXTURES, 'constructions', lang)]);
    expect(rep.total.relations.scores.f1).toBeGreaterThanOrEqual(floor);
    expect(rep.total.forbiddenHits).toBe(0);
  });
});

describe('relations on a second set of news articles, written blind on 2026-12-04 (tests/fixtures/relations/unseen)', () => {
  // Scored once before anything was read (nb 0.532, nn 0.406, en 0.289 with 3 forbidden relations); its misses
  // have been read since, so it is development text now (README, "Relations").
  const floors = { nb: 0.64, nn: 0.53, en: 0.52 } as const;
  it.each(Object.entries(floors))('%s: relation F1 ≥ %s, no forbidden relation', (lang, floor) => {
    const rep = evaluate(goldsOf(join(FIXTURES, 'unseen'), lang));
    expect(rep.total.relations.scores.f1).toBeGreaterThanOrEqual(floor);
    expect(rep.total.forbiddenHits).toBe(0);
  });
});

describe('relations on a third set of news articles, written blind and scored once on 2026-12-04 (tests/fixtures/relations/unseen-2)', () => {
  // Not read by anyone working on the extractor when these floors were first set (nb 6 forbidden relations then;
  // none since 2026-12-07), so the check is that they do not come back.
  const floors = { nb: [0.55, 0], nn: [0.45, 0], en: [0.6, 0] } as const;
  noWorseThanFirstScored('unseen-2', floors);
});

describe('relations on a fourth set of news articles, written blind on 2026-12-04 (tests/fixtures/relations/unseen-3)', () => {
  // Scored once at the start of the next session before anything was read (nb 0.571 with 1 forbidden relation,
  // nn 0.538, en 0.508); its misses have been read since, so it is development text now.
  const floors = { nb: 0.72, nn: 0.64, en: 0.75 } as const;
  it.each(Object.entries(floors))('%s: relation F1 ≥ %s, no forbidden relation', (lang, floor) => {
    const rep = evaluate(goldsOf(join(FIXTURES, 'unseen-3'), lang));
    expect(rep.total.relations.scores.f1).toBeGreaterThanOrEqual(floor);
    expect(rep.total.forbiddenHits).toBe(0);
  });
});

describe('relations on a fifth set of news articles, written blind on 2026-12-04 (tests/fixtures/relations/unseen-4)', () => {
  // Scored blind twice (nb 0.511, nn 0.618, en 0.433, then en 0.459); its misses were read on 2026-12-05, so it
  // is development text now.
  const floors = { nb: 0.6, nn: 0.76, en: 0.56 } as const;
  it.each(Object.entries(floors))('%s: relation F1 ≥ %s, no forbidden relation', (lang, floor) => {
    const rep = evaluate(goldsOf(join(FIXTURES, 'unseen-4'), lang));
    expect(rep.total.relations.scores.f1).toBeGreaterThanOrEqual(floor);
    expect(rep.total.forbiddenHits).toBe(0);
  });
});

describe('relations on a sixth set of news articles, written blind on 2026-12-05 (tests/fixtures/relations/unseen-5)', () => {
  // Scored once by nobody who had read it (nb 0.610, nn 0.623, en 0.571, no forbidden relation); its misses were
  // read on 2026-12-05 and 2026-12-07, so it is development text now.
  const floors = { nb: 0.65, nn: 0.68, en: 0.64 } as const;
  it.each(Object.entries(floors))('%s: relation F1 ≥ %s, no forbidden relation', (lang, floor) => {
    const rep = evaluate(goldsOf(join(FIXTURES, 'unseen-5'), lang));
    expect(rep.total.relations.scores.f1).toBeGreaterThanOrEqual(floor);
    expect(rep.total.forbiddenHits).toBe(0);
  });
});

describe('relations on a seventh set of news articles, written blind on 2026-12-07 (tests/fixtures/relations/unseen-6)', () => {
  // Scored once by nobody who had read it (nb 0.488 with 2 forbidden relations, nn 0.384, en 0.364); its misses were
  // read on 2026-12-07 (nb 0.512 with no forbidden relation, nn 0.427, en 0.388 after that).
  const floors = { nb: [0.49, 0], nn: [0.4, 0], en: [0.36, 0] } as const;
  noWorseThanFirstScored('unseen-6', floors);
});

describe('relations on an eighth set of news articles, written blind on 2026-12-07 (tests/fixtures/relations/unseen-7)', () => {
  // Scored once by nobody who had read it (nb 0.569, nn 0.562, en 0.419, no forbidden relation); its misses were read
  // on 2026-12-07 (nb 0.610, nn 0.562, en 0.442 after that).
  const floors = { nb: 0.58, nn: 0.53, en: 0.41 } as const;
  it.each(Object.entries(floors))('%s: relation F1 ≥ %s, no forbidden relation', (lang, floor) => {
    const rep = evaluate(goldsOf(join(FIXTURES, 'unseen-7'), lang));
    expect(rep.total.relations.scores.f1).toBeGreaterThanOrEqual(floor);
    expect(rep.total.forbiddenHits).toBe(0);
  });
});

describe('relations on a ninth set of news articles, written blind on 2026-12-07 (tests/fixtures/relations/unseen-8)', () => {
  // Scored once at the end of the session it was written in by nobody who had read it (nb 0.682, nn 0.721, en 0.583,
  // no forbidden relation; the code at that session's start scored nb 0.672, nn 0.762, en 0.574); only its Nynorsk
  // false positives have been read since.
  const floors = { nb: 0.65, nn: 0.69, en: 0.55 } as const;
  it.each(Object.entries(floors))('%s: relation F1 ≥ %s, no forbidden relation', (lang, floor) => {
    const rep = evaluate(goldsOf(join(FIXTURES, 'unseen-8'), lang));
    expect(rep.total.relations.scores.f1).toBeGreaterThanOrEqual(floor);
    expect(rep.total.forbiddenHits).toBe(0);
  });
});

describe('relations on a tenth set of news articles, written blind on 2026-12-07 (tests/fixtures/relations/unseen-9)', () => {
  // Scored once at the end of the session it was written in by nobody who had read it (nb 0.682, nn 0.645, en 0.600,
  // no forbidden relation; the code at that session's start scored nb 0.682, nn 0.645, en 0.576). Read since; the
  // fifth session's mechanisms brought it to nb 0.747, nn 0.765, en 0.716.
  const floors = { nb: 0.72, nn: 0.74, en: 0.69 } as const;
  it.each(Object.entries(floors))('%s: relation F1 ≥ %s, no forbidden relation', (lang, floor) => {
    const rep = evaluate(goldsOf(join(FIXTURES, 'unseen-9'), lang));
    expect(rep.total.relations.scores.f1).toBeGreaterThanOrEqual(floor);
    expect(rep.total.forbiddenHits).toBe(0);
  });
});

describe('relations on an eleventh set of news articles, written blind on 2026-12-07 (tests/fixtures/relations/unseen-10)', () => {
  // Scored once in the fifth session of 2026-12-07 by nobody who had read it (nb 0.723, nn 0.571, en 0.295, no
  // forbidden relation; the code at that session's start scored exactly the same). Its misses were read afterwards.
  const floors = { nb: 0.7, nn: 0.55, en: 0.4 } as const;
  it.each(Object.entries(floors))('%s: relation F1 ≥ %s, no forbidden relation', (lang, floor) => {
    const rep = evaluate(goldsOf(join(FIXTURES, 'unseen-10'), lang));
    expect(rep.total.relations.scores.f1).toBeGreaterThanOrEqual(floor);
    expect(rep.total.forbiddenHits).toBe(0);
  });
});

describe('relations on a twelfth set of news articles, written blind on 2026-12-07 (tests/fixtures/relations/unseen-11)', () => {
  // Scored in the sixth session of 2026-12-07 by nobody who had read it (nb 0.598, nn 0.516, en 0.667, the same as
  // the code at that session's start). Four forbidden relations are asserted (nb 1, nn 1, en 2): a known defect, and
  // there may be no more. Read in the seventh session (its misses were analysed there), so no longer blind.
  const floors = { nb: [0.58, 1], nn: [0.5, 1], en: [0.65, 2] } as const;
  noWorseThanFirstScored('unseen-11', floors);
});

describe('relations on a thirteenth set of news articles, written blind on 2026-12-07 (tests/fixtures/relations/unseen-12)', () => {
  // Scored in the seventh session of 2026-12-07 by nobody who had read it: nb 0.725, nn 0.543, en 0.458 at that
  // session's start; nb 0.700, nn 0.563, en 0.458 at its end (the new Bokmål parser, the Norwegian verb repairs). One
  // forbidden relation is asserted (en): a known defect. Read in the first session of 2026-12-08.
  const floors = { nb: [0.68, 0], nn: [0.54, 0], en: [0.44, 1] } as const;
  noWorseThanFirstScored('unseen-12', floors);
});

describe('relations on a fourteenth set of news articles, written blind on 2026-12-08 (tests/fixtures/relations/unseen-13)', () => {
  // Scored in the first session of 2026-12-08 by nobody who had read it: nb 0.619, nn 0.594, en 0.592 at that
  // session's start (commit ce39dcd), no forbidden relation.
  const floors = { nb: [0.6, 0], nn: [0.57, 0], en: [0.57, 0] } as const;
  noWorseThanFirstScored('unseen-13', floors);
});
