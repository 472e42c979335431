// Scores the pipeline's entity finding (knowledge base + tagger, or knowledge base + capitalisation rules) on a
// CoNLL/CoNLL-U file with NorNE name= tags, before coreference: exact spans, in coarse classes both tag sets share
// (person; organisation; place = country, location, GPE_*, LOC; other = event, agreement, weapon, PROD, EVT,
// MISC). DRV, demonym adjectives and partial compounds ("Nato-sjefen") are left out on both sides.
// Sentences are grouped 20 at a time into documents (the rules use document-level capitalisation, the tagger's
// names are found again where it missed them: propagateNames, which --no-propagate leaves out).
//
//   node dist/scripts/eval-mentions.js [--no-tagger] [--no-propagate] [FILE]     (FILE: default NorNE Bokmål dev)
import { readFileSync } from 'node:fs';
import { parseConll, tagsToSpans } from '../src/ner/index.js';
import { getLanguageResources } from '../src/lang/index.js';
import { defaultKbIndex, loadDefaultTagger, loadShippedSyntax } from '../src/cli/model.js';
import { partsOfSpeech } from '../src/syntax/analyse.js';
import { capitalisationStats, findKbMentions, findNameCandidates, type NameCandidate } from '../src/mentions/index.js';
import { findTaggedCandidates, propagateNames } from '../src/mentions/tagged.js';
import type { EntityType, Mention, Sentence, Token } from '../src/types.js';
import { NORNE_DIR } from './gen-corpus.js';

const NORNE_CLASS: Record<string, string> = { PER: 'per', ORG: 'org', GPE_ORG: 'place', GPE_LOC: 'place', LOC: 'place', PROD: 'other', EVT: 'other', MISC: 'other' };
const ONTOLOGY_CLASS: Record<EntityType, string> = {
  person: 'per',
  organization: 'org',
  country: 'place',
  location: 'place',
  event: 'other',
  agreement: 'other',
  weapon: 'other',
  other: 'other',
};
const DOCUMENT = 20;

function sentenceOf(words: string[], index: number): Sentence {
  const tokens: Token[] = [];
  let pos = 0;
  words.forEach((text, i) => {
    tokens.push({ start: pos, end: pos + text.length, text, norm: text.normalize('NFC').toLowerCase().replace(/’/g, "'"), index: i });
    pos += text.length + 1;
  });
  return { index, start: 0, end: Math.max(0, pos - 1), tokens };
}

function main(): void {
  const args = process.argv.slice(2);
  const rules = args.includes('--no-tagger');
  const file = args.find((a) => !a.startsWith('--')) ?? `${NORNE_DIR}/norne-nob-dev.ud.conllu`;
  const gold = parseConll(readFileSync(file, 'utf8'), file);
  const lang = getLanguageResources('nb');
  const index = defaultKbIndex();
  const tagger = rules ? undefined : loadDefaultTagger();
  let tp = 0;
  let predicted = 0;
  let expected = 0;
  let spanTp = 0;
  for (let d = 0; d < gold.length; d += DOCUMENT) {
    const group = gold.slice(d, d + DOCUMENT).map((s, i) => sentenceOf(s.tokens, i));
    const kb = group.map((s) => findKbMentions(s, index));
    let candidates: NameCandidate[][];
    if (tagger) {
      candidates = group.map((s, i) => {
        const overruled: Mention[] = [];
        const pos = tagger.usesPos ? partsOfSpeech(loadShippedSyntax('nb'), s.tokens.map((t) => t.text)) : undefined;
        const found = findTaggedCandidates(s, kb[i]!, tagger, lang, overruled, pos);
        kb[i] = kb[i]!.filter((m) => !overruled.includes(m));
        return found;
      });
      if (!args.includes('--no-propagate')) propagateNames(group, kb, candidates);
    } else {
      const { docCapitalised, docLowercase } = capitalisationStats(group);
      candidates = group.map((s, i) => {
        const taken = new Set<number>();
        for (const m of kb[i]!) for (let k = m.tokenStart; k <= m.tokenEnd; k++) taken.add(k);
        return findNameCandidates(s, taken, lang, docCapitalised, docLowercase);
      });
    }
    group.forEach((s, i) => {
      const want = new Set(
        tagsToSpans(gold[d + i]!.tags.map((t) => t ?? 'O'))
          .filter((sp) => sp.type in NORNE_CLASS)
          .map((sp) => `${sp.start}:${sp.end - 1}:${NORNE_CLASS[sp.type]}`),
      );
      const got = new Set<string>();
      for (const m of kb[i]!) {
        const partial = m.tokenStart === m.tokenEnd && m.end < s.tokens[m.tokenStart]!.end;
        if (m.form !== 'demonym' && !partial) got.add(`${m.tokenStart}:${m.tokenEnd}:${ONTOLOGY_CLASS[m.type]}`);
      }
      for (const c of candidates[i]!) got.add(`${c.tokenStart}:${c.tokenEnd}:${ONTOLOGY_CLASS[c.type]}`);
      const wantSpans = new Set([...want].map((x) => x.slice(0, x.lastIndexOf(':'))));
      for (const x of got) {
        if (want.has(x)) tp++;
        if (wantSpans.has(x.slice(0, x.lastIndexOf(':')))) spanTp++;
      }
      predicted += got.size;
      expected += want.size;
    });
  }
  const prf = (hit: number) => {
    const p = hit / predicted;
    const r = hit / expected;
    return `P ${(100 * p).toFixed(2)}  R ${(100 * r).toFixed(2)}  F1 ${((200 * p * r) / (p + r)).toFixed(2)}`;
  };
  process.stdout.write(`${file}: ${gold.length} sentences, ${expected} gold entities; ${rules ? 'knowledge base + rules' : 'knowledge base + tagger'}\n`);
  process.stdout.write(`coarse classes  ${prf(tp)}\nspans only      ${prf(spanTp)}\n`);
}

main();
