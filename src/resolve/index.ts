// Mentions → entities within one document: canonical names, surname → full name, role nouns
// ("alliansen", "landet"), titles ("Nato-sjefen", "forsvarsministeren"), pronouns, government phrases
// ("Iraks regjering", "regjeringen i Bagdad"), and the appositive roles that say who leads what.

import type { Entity, EntityType, Mention, Sentence, Token } from '../types.js';
import type { KnowledgeBase } from '../kb/index.js';
import { findTitle, type LanguageResources, type TitleEntry } from '../lang/index.js';
import type { NameCandidate } from '../mentions/index.js';

/** A person's office found in an appositive: "alliansens generalsekretær Jens Stoltenberg". */
export interface RoleFact {
  person: string;
  title: string;
  role: TitleEntry['role'];
  owner?: string;
  sentence: number;
  /** The title (or party code) token: the trigger of the leads / member_of relation. */
  trigger: Token;
}

export interface Resolution {
  /** Every mention with its entity key, sorted by position. */
  mentions: Mention[];
  entities: Entity[];
  roles: RoleFact[];
}

/** Lower-case ASCII slug used for entity keys of names the knowledge base does not know. */
export function slug(label: string): string {
  const s = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/gi, 'o')
    .replace(/æ/gi, 'ae')
    .replace(/å/gi, 'a')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'entity';
}

/** Mentions that refer to an entity without naming it ("regjeringen", "de"): kept out of its aliases. */
const NOT_ALIASES = new WeakSet<Mention>();

interface Ctx {
  text: string;
  sentences: Sentence[];
  kb: KnowledgeBase;
  lang: LanguageResources;
  mentions: Mention[];
}

function tokenText(tokens: Token[], s: number, e: number): string {
  let out = '';
  for (let k = s; k <= e; k++) {
    if (k > s && tokens[k]!.start > tokens[k - 1]!.end) out += ' ';
    out += tokens[k]!.text;
  }
  return out;
}

/** Resolves knowledge-base mentions and name candidates of a document into entities. */
export function resolveDocument(
  text: string,
  sentences: Sentence[],
  kbMentions: Mention[],
  candidates: { sentence: number; candidate: NameCandidate }[],
  kb: KnowledgeBase,
  lang: LanguageResources,
): Resolution {
  const ctx: Ctx = { text, sentences, kb, lang, mentions: [] };
  const labels = new Map<string, { label: string; type: EntityType; wikidata?: string }>();

  for (const m of kbMentions) {
    const entry = kb.entries.get(m.kbId!)!;
    ctx.mentions.push({ ...m, entity: entry.id });
    labels.set(entry.id, { label: entry.label, type: entry.type, ...(entry.wikidata ? { wikidata: entry.wikidata } : {}) });
  }

  resolveNames(ctx, candidates, labels);
  sortMentions(ctx.mentions);
  resolveRoleNouns(ctx);
  sortMentions(ctx.mentions);
  addGovernmentMentions(ctx);
  const roles = findRoles(ctx);
  resolveTitles(ctx, roles);
  resolvePronouns(ctx);
  sortMentions(ctx.mentions);

  const byKey = new Map<string, Mention[]>();
  for (const m of ctx.mentions) {
    const list = byKey.get(m.entity!) ?? [];
    list.push(m);
    byKey.set(m.entity!, list);
  }
  const entities: Entity[] = [];
  for (const [key, ms] of [...byKey.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const info = labels.get(key)!;
    const aliases = [...new Set(ms.filter((m) => m.form !== 'pronoun' && !NOT_ALIASES.has(m)).map((m) => m.text))].sort(compareStrings);
    entities.push({ key, label: info.label, type: info.type, aliases, ...(info.wikidata ? { wikidata: info.wikidata } : {}), mentions: ms });
  }
  return { mentions: ctx.mentions, entities, roles };
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortMentions(ms: Mention[]): void {
  ms.sort((a, b) => a.start - b.start || b.end - a.end || compareStrings(a.entity ?? '', b.entity ?? ''));
}

/** Unknown names → entities: a surname or a first part joins the unique full name that contains it. */
function resolveNames(
  ctx: Ctx,
  candidates: { sentence: number; candidate: NameCandidate }[],
  labels: Map<string, { label: string; type: EntityType; wikidata?: string }>,
): void {
  interface Item {
    sentence: number;
    c: NameCandidate;
    words: string[];
    text: string;
  }
  const items: Item[] = candidates.map(({ sentence, candidate }) => {
    const tokens = ctx.sentences[sentence]!.tokens;
    const words = tokens.slice(candidate.tokenStart, candidate.tokenEnd + 1).map((t) => t.text);
    return { sentence, c: candidate, words, text: tokenText(tokens, candidate.tokenStart, candidate.tokenEnd) };
  });
  // Full names: multi-word persons, and every other name as written.
  const fullNames = new Map<string, { words: string[]; type: EntityType; evidence: number }>();
  for (const it of items) {
    const key = it.words.join(' ');
    const prev = fullNames.get(key);
    if (!prev || it.c.evidence > prev.evidence) fullNames.set(key, { words: it.words, type: it.c.type, evidence: it.c.evidence });
  }
  const persons = [...fullNames.values()].filter((f) => f.type === 'person' && f.words.length >= 2);
  const canonical = (it: Item): { label: string; type: EntityType } => {
    let words = it.words;
    let genitive = false;
    if (words.length === 1) {
      const w = words[0]!;
      const containing = persons.filter((p) => p.words.includes(w) || (w.endsWith('s') && p.words.includes(w.slice(0, -1))));
      if (containing.length === 1 || new Set(containing.map((p) => p.words.join(' '))).size === 1) {
        genitive = !containing[0]!.words.includes(w);
        return { label: containing[0]!.words.join(' '), type: 'person', ...(genitive ? {} : {}) };
      }
    } else {
      // "Barth Eide" is part of "Espen Barth Eide".
      const key = words.join(' ');
      const containing = persons.filter((p) => p.words.length > words.length && p.words.join(' ').endsWith(` ${key}`));
      if (containing.length === 1) return { label: containing[0]!.words.join(' '), type: 'person' };
      const last = words[words.length - 1]!;
      if (last.endsWith('s') && last.length > 3) {
        const stem = [...words.slice(0, -1), last.slice(0, -1)].join(' ');
        if (fullNames.has(stem)) words = stem.split(' ');
      }
    }
    const best = fullNames.get(words.join(' ')) ?? { type: it.c.type };
    return { label: words.join(' '), type: best.type };
  };
  for (const it of items) {
    const { label, type } = canonical(it);
    const tokens = ctx.sentences[it.sentence]!.tokens;
    const first = tokens[it.c.tokenStart]!;
    const last = tokens[it.c.tokenEnd]!;
    let key = slug(label);
    const existing = labels.get(key);
    if (existing && existing.label !== label) key = `${key}-${slug(type)}`;
    const prior = labels.get(key);
    if (!prior || (prior.type === 'other' && type !== 'other')) labels.set(key, { label, type });
    ctx.mentions.push({
      start: first.start,
      end: last.end,
      text: it.text,
      type,
      source: 'pattern',
      sentence: it.sentence,
      tokenStart: it.c.tokenStart,
      tokenEnd: it.c.tokenEnd,
      form: 'name',
      entity: key,
    });
  }
  // A name's type is the best-evidenced one over the document.
  for (const m of ctx.mentions) {
    if (m.source === 'pattern') m.type = labels.get(m.entity!)!.type;
  }
}

function mentionAtToken(ctx: Ctx, sentence: number, token: number): Mention | undefined {
  return ctx.mentions.find((m) => m.sentence === sentence && m.tokenStart <= token && m.tokenEnd >= token);
}

function mentionEndingAt(ctx: Ctx, sentence: number, token: number): Mention | undefined {
  let found: Mention | undefined;
  for (const m of ctx.mentions) if (m.sentence === sentence && m.tokenEnd === token) found = m;
  return found;
}

function mentionStartingAt(ctx: Ctx, sentence: number, token: number): Mention | undefined {
  return ctx.mentions.find((m) => m.sentence === sentence && m.tokenStart === token);
}

function typeOfKey(ctx: Ctx, key: string): EntityType | undefined {
  return ctx.mentions.find((m) => m.entity === key)?.type;
}

/** "alliansen", "landet", "avtalen": the entity of that type in focus (latest before, else the most named). */
function resolveRoleNouns(ctx: Ctx): void {
  const added: Mention[] = [];
  for (const s of ctx.sentences) {
    s.tokens.forEach((tok, i) => {
      const entry = ctx.lang.roleNouns.get(tok.norm);
      if (!entry || mentionAtToken(ctx, s.index, i)) return;
      // "soldatene landet på Værnes": after a plural definite noun, "landet" is the verb.
      const prev = s.tokens[i - 1];
      if (prev && /ene$/.test(prev.norm) && entry.type === 'country') return;
      const candidates = ctx.mentions.filter((m) => m.type === entry.type && m.form !== 'demonym');
      if (candidates.length === 0) return;
      let target: string | undefined;
      const preferred = (entry.prefer ?? []).filter((id) => candidates.some((m) => m.entity === id));
      if (preferred.length > 0) target = preferred[0];
      if (!target && entry.only) return;
      if (!target) {
        const before = candidates.filter((m) => m.end <= tok.start);
        if (before.length > 0) target = before[before.length - 1]!.entity;
      }
      if (!target) {
        const counts = new Map<string, number>();
        for (const m of candidates) counts.set(m.entity!, (counts.get(m.entity!) ?? 0) + 1);
        target = [...counts.entries()].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))[0]![0];
      }
      added.push({
        start: tok.start,
        end: tok.end,
        text: tok.text,
        type: entry.type,
        source: 'coref',
        sentence: s.index,
        tokenStart: i,
        tokenEnd: i,
        form: tok.norm.endsWith('s') && !tok.norm.endsWith('ss') ? 'genitive' : 'role',
        entity: target,
      });
    });
  }
  ctx.mentions.push(...added);
}

/**
 * "Iraks regjering", "den irakiske regjeringen", "regjeringen i Bagdad", "landets myndigheter":
 * the government noun becomes a mention of the country, so it can stand as subject or object.
 */
function addGovernmentMentions(ctx: Ctx): void {
  const added: Mention[] = [];
  for (const s of ctx.sentences) {
    const toks = s.tokens;
    toks.forEach((tok, i) => {
      if (!ctx.lang.sets.governmentNouns.has(tok.norm) && !ctx.lang.sets.forceNouns.has(tok.norm)) return;
      if (mentionAtToken(ctx, s.index, i)) return;
      const isGov = ctx.lang.sets.governmentNouns.has(tok.norm);
      let owner: Mention | undefined;
      // Genitive or demonym right before (an adjective may stand between): Iraks regjering, iranske myndigheter.
      for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
        const m = mentionEndingAt(ctx, s.index, k);
        if (m) {
          if ((m.form === 'genitive' || m.form === 'demonym') && (m.type === 'country' || m.type === 'organization')) owner = m;
          break;
        }
        if (ctx.lang.sets.prepositions.has(toks[k]!.norm) || /^[^\p{L}]+$/u.test(toks[k]!.text)) break;
      }
      // "regjeringen i Bagdad", "Regjeringen i USA": a government noun and the place it sits.
      if (!owner && isGov && toks[i + 1]?.norm === 'i') {
        const m = mentionStartingAt(ctx, s.index, i + 2);
        if (m) {
          const entry = m.kbId ? ctx.kb.entries.get(m.kbId) : undefined;
          if (m.type === 'country') owner = m;
          else if (entry?.capitalOf) {
            const country = ctx.kb.entries.get(entry.capitalOf);
            if (country) owner = { ...m, entity: country.id, type: country.type, kbId: country.id };
          }
        }
      }
      if (!owner) return;
      const gov: Mention = {
        start: tok.start,
        end: tok.end,
        text: tok.text,
        type: owner.type,
        source: 'coref',
        sentence: s.index,
        tokenStart: i,
        tokenEnd: i,
        kbId: owner.kbId,
        form: 'role',
        entity: owner.entity,
      };
      NOT_ALIASES.add(gov);
      added.push(gov);
    });
  }
  ctx.mentions.push(...added);
  sortMentions(ctx.mentions);
}

function titleOf(ctx: Ctx, tok: Token): { entry: TitleEntry; stem: string } | undefined {
  return findTitle(ctx.lang, tok.norm);
}

/** Appositive roles: OWNER TITLE PERSON, TITLE PERSON i OWNER, PERSON, TITLE i OWNER, PERSON (PARTY). */
function findRoles(ctx: Ctx): RoleFact[] {
  const roles: RoleFact[] = [];
  const ownerTypes = new Set<EntityType>(['country', 'organization']);
  const isOwner = (m: Mention | undefined): m is Mention => !!m && ownerTypes.has(m.type) && m.entity !== undefined;
  const ownerAfter = (s: Sentence, k: number): Mention | undefined => {
    const prep = s.tokens[k];
    if (!prep || !['i', 'for', 'ved', 'hos', 'av', 'in', 'of', 'at', 'for'].includes(prep.norm)) return undefined;
    let j = k + 1;
    if (['den', 'det', 'the'].includes(s.tokens[j]?.norm ?? '')) j++;
    const m = mentionStartingAt(ctx, s.index, j);
    return isOwner(m) ? m : undefined;
  };
  for (const s of ctx.sentences) {
    const toks = s.tokens;
    toks.forEach((tok, i) => {
      const t = titleOf(ctx, tok);
      if (t) {
        const person = mentionStartingAt(ctx, s.index, i + 1);
        if (person && person.type === 'person') {
          let owner: Mention | undefined;
          const prevM = mentionEndingAt(ctx, s.index, i - 1);
          if (isOwner(prevM) && (prevM.form === 'genitive' || prevM.form === 'demonym')) owner = prevM;
          if (!owner) {
            const inside = ctx.mentions.find((m) => m.sentence === s.index && m.tokenStart === i && m.end < tok.end);
            if (isOwner(inside)) owner = inside;
          }
          if (!owner) owner = ownerAfter(s, person.tokenEnd + 1);
          roles.push({ person: person.entity!, title: t.stem, role: t.entry.role, ...(owner ? { owner: owner.entity } : {}), sentence: s.index, trigger: tok });
        }
        // PERSON , TITLE(def) PREP OWNER: "Kevin McCarthy, lederen i Representantenes hus".
        if (toks[i - 1]?.text === ',') {
          const p = mentionEndingAt(ctx, s.index, i - 2);
          const owner = ownerAfter(s, i + 1);
          if (p && p.type === 'person' && owner) {
            roles.push({ person: p.entity!, title: t.stem, role: t.entry.role, owner: owner.entity, sentence: s.index, trigger: tok });
          }
        }
      }
      // PERSON ( PARTY ): "Espen Barth Eide (Ap)".
      if (tok.text === '(' && toks[i + 2]?.text === ')') {
        const p = mentionEndingAt(ctx, s.index, i - 1);
        const party = mentionStartingAt(ctx, s.index, i + 1);
        // "Central Única de Trabajadores (CUT)": an abbreviation of the name before it is no party code.
        const initials = p ? p.text.split(/[\s-]+/).map((w) => w.charAt(0)).join('').toUpperCase() : '';
        const isAbbreviation = !!party && party.text.toUpperCase() === initials;
        if (p && p.type === 'person' && party && party.type === 'organization' && party.tokenEnd === i + 1 && !isAbbreviation) {
          roles.push({ person: p.entity!, title: 'party', role: 'member_of', owner: party.entity, sentence: s.index, trigger: toks[i + 1]! });
        }
      }
    });
  }
  // Promote people named after a title to persons (the typing of unknown names may have missed it).
  return roles;
}

/** "Nato-sjefen" → NATO's named leader; "forsvarsministeren" → the person last introduced with that title. */
function resolveTitles(ctx: Ctx, roles: RoleFact[]): void {
  const added: Mention[] = [];
  const removed = new Set<Mention>();
  for (const s of ctx.sentences) {
    s.tokens.forEach((tok, i) => {
      const t = titleOf(ctx, tok);
      if (!t) return;
      const definite = tok.norm !== t.stem && !tok.norm.endsWith(`-${t.stem}`);
      const next = mentionStartingAt(ctx, s.index, i + 1);
      if (next && next.type === 'person') return; // an appositive title, handled by findRoles
      const inside = ctx.mentions.find((m) => m.sentence === s.index && m.tokenStart === i && m.start === tok.start && m.end < tok.end);
      let person: string | undefined;
      if (inside && inside.entity) {
        const r = roles.find((x) => x.owner === inside.entity && x.role === t.entry.role && x.role === 'leads');
        person = r?.person;
        if (person) removed.add(inside);
      } else if (definite && !mentionAtToken(ctx, s.index, i) && !ctx.lang.sets.prepositions.has(s.tokens[i - 1]?.norm ?? '')) {
        // A definite title as the topic of its clause ("Forsvarsministeren påpeker …") continues the person
        // last introduced with it; inside a prepositional phrase ("et møte med utenriksministeren") it rarely does.
        const before = roles.filter((x) => x.title === t.stem && (x.sentence < s.index || (x.sentence === s.index && x.trigger.start < tok.start)));
        person = before[before.length - 1]?.person;
      }
      if (!person) return;
      added.push({
        start: tok.start,
        end: tok.end,
        text: tok.text,
        type: 'person',
        source: 'coref',
        sentence: s.index,
        tokenStart: i,
        tokenEnd: i,
        form: tok.norm.endsWith('s') ? 'genitive' : 'role',
        entity: person,
      });
    });
  }
  ctx.mentions = ctx.mentions.filter((m) => !removed.has(m));
  ctx.mentions.push(...added);
  sortMentions(ctx.mentions);
}

/** han/hun → the latest person; de/dem → the latest group named by a demonym (ukrainske soldater). */
function resolvePronouns(ctx: Ctx): void {
  const added: Mention[] = [];
  const pronouns = ctx.lang.lexicon.pronouns;
  for (const s of ctx.sentences) {
    s.tokens.forEach((tok, i) => {
      const kind = pronouns[tok.norm];
      if (!kind || mentionAtToken(ctx, s.index, i)) return;
      const window = ctx.mentions.filter((m) => m.end <= tok.start && m.sentence >= s.index - 2);
      let target: Mention | undefined;
      if (kind.startsWith('person')) {
        target = [...window].reverse().find((m) => m.type === 'person');
      } else if (kind.startsWith('plural')) {
        target = [...window].reverse().find((m) => {
          if (m.form !== 'demonym') return false;
          const next = ctx.sentences[m.sentence]!.tokens[m.tokenEnd + 1];
          if (!next || ctx.lang.sets.verbForms.has(next.norm)) return false;
          return ctx.lang.sets.forceNouns.has(next.norm) || (next.norm.length >= 5 && /(?:er|ene)$/.test(next.norm));
        });
      }
      if (!target) return;
      const pronoun: Mention = {
        start: tok.start,
        end: tok.end,
        text: tok.text,
        type: target.type,
        source: 'coref',
        sentence: s.index,
        tokenStart: i,
        tokenEnd: i,
        form: kind.endsWith('genitive') ? 'genitive' : 'pronoun',
        entity: target.entity,
      };
      NOT_ALIASES.add(pronoun);
      added.push(pronoun);
    });
  }
  ctx.mentions.push(...added);
  void typeOfKey;
}
