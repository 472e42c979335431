// A seeded corpus for the store tests, written for them: short Bokmål and English articles from sentence
// templates and names (no text from the gold articles or the treebanks).
import { writeFileSync } from 'node:fs';
import { mulberry32 } from '../../src/random.js';

const STATES_NB = ['Norge', 'Sverige', 'Danmark', 'Finland', 'Tyskland', 'Frankrike', 'Polen', 'Russland', 'Kina', 'USA', 'Ukraina', 'Tyrkia'];
const STATES_EN = ['Norway', 'Sweden', 'Denmark', 'Finland', 'Germany', 'France', 'Poland', 'Russia', 'China', 'the United States', 'Ukraine', 'Turkey'];
const PEOPLE = ['Kari Nordmann', 'Ola Hansen', 'Ingrid Berg', 'Lars Dahl', 'Maria Lind', 'Per Moe', 'Anna Holm', 'Erik Strand'];

const NB = [
  (a: string, b: string) => `${a} sender soldater til ${b}.`,
  (a: string, b: string) => `${a} innfører nye sanksjoner mot ${b}.`,
  (a: string, b: string) => `${a} og ${b} har undertegnet en avtale om handel.`,
  (a: string, b: string) => `${a} kritiserer ${b} for angrepet.`,
  (a: string, b: string) => `${a} støtter ${b} med våpen og penger.`,
  (a: string, b: string, p: string) => `Utenriksminister ${p} sier at ${a} vil forhandle med ${b}.`,
  (a: string, b: string, p: string) => `${p} møtte lederen i ${b} i går, opplyser ${a}.`,
];
const EN = [
  (a: string, b: string) => `${a} imposed new sanctions on ${b} on Monday.`,
  (a: string, b: string) => `${a} is sending troops to ${b}.`,
  (a: string, b: string) => `${a} condemned the attack by ${b}.`,
  (a: string, b: string) => `${a} and ${b} signed a trade agreement.`,
  (a: string, b: string, p: string) => `Foreign Minister ${p} said ${a} would hold talks with ${b}.`,
  (a: string, b: string) => `${a} accused ${b} of violating the ceasefire.`,
];

export interface TestDocument {
  id: string;
  text: string;
  lang: 'nb' | 'en';
  date: string;
}

/** `count` articles of three to six sentences, half Bokmål and half English, the same for the same seed. */
export function storeCorpus(count: number, seed = 7): TestDocument[] {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const docs: TestDocument[] = [];
  for (let i = 0; i < count; i++) {
    const english = i % 2 === 1;
    const states = english ? STATES_EN : STATES_NB;
    const templates = english ? EN : NB;
    const sentences: string[] = [];
    const n = 3 + Math.floor(rand() * 4);
    for (let k = 0; k < n; k++) {
      const a = pick(states);
      let b = pick(states);
      while (b === a) b = pick(states);
      const s = pick(templates)(a, b, pick(PEOPLE));
      sentences.push(s.charAt(0).toUpperCase() + s.slice(1));
    }
    const day = String(1 + (i % 28)).padStart(2, '0');
    docs.push({ id: `doc-${String(i).padStart(4, '0')}`, text: sentences.join(' '), lang: english ? 'en' : 'nb', date: `2026-03-${day}` });
  }
  return docs;
}

/** Writes the corpus as JSONL (one {"id","text","lang","date"} object a line). */
export function writeCorpus(path: string, docs: readonly TestDocument[]): void {
  writeFileSync(path, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
}
