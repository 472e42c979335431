// Fuzzing the extractor: random and mutated inputs (seeded, so every run is the same) must never throw, must
// give evidence that points at its trigger, and must take time linear in their size (a bound per kilobyte).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createExtractor, makeDocument, type LanguageChoice } from '../../src/pipeline.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { mulberry32 } from '../../src/random.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SAMPLE = readFileSync(join(ROOT, 'corpus', 'nato-irak-2020.nb.txt'), 'utf8');
const extractor = createExtractor(loadKnowledgeBase());

// Generous for a loaded two-core CI machine: the extractor runs at about 1 ms per kilobyte unloaded.
const MS_PER_KB = 30;
const MS_FIXED = 500;

/** CPU milliseconds of this process (less disturbed by other processes than the wall clock). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Extracts a text, checks the invariants every extraction must keep, and returns the CPU time it took. */
function extractChecked(text: string, language: LanguageChoice): number {
  const doc = makeDocument({ id: 'fuzz', text, language });
  const t0 = cpuMs();
  const x = extractor.extract(doc);
  const ms = cpuMs() - t0;
  const broken: string[] = [];
  for (const r of x.relations) {
    if (r.subject === r.object) broken.push(`self-relation ${r.subject}`);
    for (const e of r.evidence) if (doc.text.slice(e.start, e.end) !== e.trigger) broken.push(`evidence ${e.start}-${e.end} is not "${e.trigger}"`);
  }
  for (const entity of x.entities) {
    for (const m of entity.mentions) if (m.start < 0 || m.end > doc.text.length || m.end < m.start) broken.push(`mention ${m.start}-${m.end}`);
  }
  expect(broken.slice(0, 3)).toEqual([]);
  return ms;
}

function expectWithinBound(text: string, ms: number): void {
  const kb = Buffer.byteLength(text) / 1024;
  expect(ms, `${kb.toFixed(0)} KB took ${ms.toFixed(0)} ms`).toBeLessThan(MS_FIXED + MS_PER_KB * kb);
}

const WORDS = [
  ...['Nato', 'Natos', 'NATO', "NATO's", 'USA', 'USAs', 'Russland', 'Ukraina', 'Irak', 'Iraks', 'Kina', 'Taiwan', 'FN', 'EU', 'INF-avtalen'],
  ...['Jens', 'Stoltenberg', 'Stoltenbergs', 'Putin', 'Erna', 'Solberg', 'von', 'der', 'al-'],
  ...['sier', 'angriper', 'støtter', 'møtte', 'samtaler', 'sanksjoner', 'mot', 'med', 'i', 'av', 'at', 'og', 'ikke', 'kan', 'vil'],
  ...['han', 'hun', 'de', 'landet', 'alliansen', 'regjeringen', 'generalsekretær', 'statsministeren', 'Nato-sjefen', 'irakiske', 'russiske'],
  ...['the', 'said', 'attacks', 'supports', 'Secretary', 'General', 'government', 'of'],
  // Names of Object.prototype members: lexicon lookups must not find them.
  ...['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'],
  ...['.', ',', ':', '«', '»', '"', '(', ')', '–', '-', '?', '!', '…', '\n', '\n\n', '12', '3.5', 'U.S.'],
];

function randomText(random: () => number, length: number): string {
  let s = '';
  while (s.length < length) {
    const r = random();
    if (r < 0.6) s += WORDS[Math.floor(random() * WORDS.length)]! + ' ';
    else if (r < 0.8) s += String.fromCodePoint(0x20 + Math.floor(random() * 0x250));
    else if (r < 0.95) {
      // Anything Unicode has, combining marks, right-to-left, astral planes and unpaired surrogates included.
      s += String.fromCharCode(Math.floor(random() * 0x10000));
    } else s += String.fromCodePoint(0x10000 + Math.floor(random() * 0x2ffff));
  }
  return s;
}

function mutate(random: () => number, text: string, edits: number): string {
  let s = text;
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * s.length);
    const span = Math.floor(random() * 40);
    const r = random();
    if (r < 0.2) s = s.slice(0, at) + s.slice(at + span);
    else if (r < 0.4) s = s.slice(0, at) + s.slice(at, at + span).repeat(1 + Math.floor(random() * 5)) + s.slice(at);
    else if (r < 0.55) s = s.slice(0, at) + s.slice(at, at + span).toUpperCase() + s.slice(at + span);
    else if (r < 0.7) s = s.slice(0, at) + WORDS[Math.floor(random() * WORDS.length)]! + s.slice(at);
    else if (r < 0.85) s = s.slice(0, at) + s.slice(at, at + span).replace(/[ .,]/g, '') + s.slice(at + span);
    else s = s.slice(0, at) + String.fromCharCode(Math.floor(random() * 0x3000)) + s.slice(at);
  }
  return s;
}

describe('fuzzing the extractor', () => {
  const languages: LanguageChoice[] = ['nb', 'en', 'auto'];

  it('random text: no exception, evidence on its trigger, time within the bound', () => {
    const random = mulberry32(1);
    for (let i = 0; i < 120; i++) {
      const text = randomText(random, 1 + Math.floor(random() * 3000));
      expectWithinBound(text, extractChecked(text, languages[i % 3]!));
    }
  });

  it('random bytes read as UTF-8', () => {
    const random = mulberry32(2);
    for (let i = 0; i < 60; i++) {
      const bytes = Buffer.from(Array.from({ length: 1 + Math.floor(random() * 4000) }, () => Math.floor(random() * 256)));
      const text = bytes.toString('utf8');
      expectWithinBound(text, extractChecked(text, languages[i % 3]!));
    }
  });

  it('mutations of a real article', () => {
    const random = mulberry32(3);
    for (let i = 0; i < 60; i++) {
      const text = mutate(random, SAMPLE, 1 + Math.floor(random() * 60));
      expectWithinBound(text, extractChecked(text, languages[i % 3]!));
    }
  });
});

describe('pathological text is processed in time linear in its size', () => {
  const article = SAMPLE.replace(/\s+/g, ' ');
  const random = mulberry32(4);
  const unpunctuated = (n: number) => {
    let s = '';
    while (s.length < n) s += `${WORDS[Math.floor(random() * 50)]!.replace(/[^\p{L}-]/gu, '')} `;
    return s;
  };
  const shapes: { name: string; make: (bytes: number) => string }[] = [
    { name: 'one long line of sentences', make: (n) => article.repeat(Math.ceil(n / article.length)).slice(0, n) },
    { name: 'words without punctuation (one endless sentence)', make: unpunctuated },
    { name: 'short lines without punctuation', make: (n) => unpunctuated(n).replace(/((?:\S+ ){3})/g, '$1\n') },
    { name: 'a name repeated', make: (n) => 'Jens Stoltenberg sier han '.repeat(Math.ceil(n / 26)).slice(0, n) },
    { name: 'capitalised words only', make: (n) => unpunctuated(n).toUpperCase() },
    { name: 'random Unicode', make: (n) => randomText(random, n) },
  ];
  for (const { name, make } of shapes) {
    it(name, () => {
      // Four times the text may take a little more than four times as long (allocation, caches), never sixteen;
      // the floor absorbs timer and load noise when both runs are fast.
      const small = make(100_000);
      const large = make(400_000);
      extractChecked(small, 'nb'); // warm up
      const tSmall = extractChecked(small, 'nb');
      const tLarge = extractChecked(large, 'nb');
      expectWithinBound(large, tLarge);
      expect(tLarge, `100 KB: ${tSmall.toFixed(0)} ms, 400 KB: ${tLarge.toFixed(0)} ms`).toBeLessThan(Math.max(8 * tSmall, 1000));
    });
  }
});
