// The tagger as the pipeline's finder of unknown names: spans from tag indices, knowledge-base mentions left to
// the knowledge base, DRV dropped, explicit cues over the tagger's type, and the tagger only for its languages.
import { describe, expect, it } from 'vitest';
import { createExtractor, makeDocument } from '../../src/pipeline.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { getLanguageResources } from '../../src/lang/index.js';
import { splitSentences } from '../../src/text/tokenize.js';
import { findKbMentions, type NameCandidate } from '../../src/mentions/index.js';
import { findTaggedCandidates, propagateNames, spansOfIndices } from '../../src/mentions/tagged.js';
import { defaultKbIndex, loadDefaultTagger, loadShippedSyntax, loadShippedTagger } from '../../src/cli/model.js';
import { partsOfSpeech } from '../../src/syntax/analyse.js';
import type { Mention } from '../../src/types.js';

const types = ['PER', 'ORG'];

describe('spansOfIndices', () => {
  it('reads B and I tags as conlleval does', () => {
    // O B-PER I-PER B-PER I-ORG O I-ORG I-ORG
    const tags = Int32Array.from([0, 1, 2, 1, 4, 0, 4, 4]);
    expect(spansOfIndices(tags, types)).toEqual([
      { type: 'PER', start: 1, end: 2 },
      { type: 'PER', start: 3, end: 3 },
      { type: 'ORG', start: 4, end: 4 },
      { type: 'ORG', start: 6, end: 7 },
    ]);
    expect(spansOfIndices(new Int32Array(0), types)).toEqual([]);
    expect(spansOfIndices(Int32Array.from([3]), types)).toEqual([{ type: 'ORG', start: 0, end: 0 }]);
  });
});

/** The sentence's parts of speech by the shipped syntax model (the shipped taggers use them). */
const posOf = (sentence: { tokens: { text: string }[] }, language: 'nb' | 'nn' | 'en' = 'nb') => partsOfSpeech(loadShippedSyntax(language), sentence.tokens.map((t) => t.text));

function candidatesOf(text: string, language: 'nb' | 'en' = 'nb') {
  const lang = getLanguageResources(language);
  const [sentence] = splitSentences(text, { abbreviations: lang.sets.abbreviations });
  const kb = findKbMentions(sentence!, defaultKbIndex());
  const words = (s: number, e: number) => sentence!.tokens.slice(s, e + 1).map((t) => t.text).join(' ');
  return {
    kb: kb.map((m) => m.text),
    candidates: findTaggedCandidates(sentence!, kb, loadShippedTagger(language), lang, undefined, posOf(sentence!, language)).map((c) => [words(c.tokenStart, c.tokenEnd), c.type, c.evidence]),
  };
}

describe('findTaggedCandidates with the shipped model', () => {
  it('finds unknown people and parties; a cue before the name types it', () => {
    const { kb, candidates } = candidatesOf('Partiet Fremtid For Alle vil ha strengere regler, sier Ola Mæland til NRK.');
    expect(kb).toEqual(['NRK']);
    expect(candidates).toEqual([
      ['Fremtid For Alle', 'organization', 2],
      ['Ola Mæland', 'person', 1],
    ]);
  });

  it('leaves names the knowledge base knows to it, and drops words derived from names (DRV)', () => {
    const { kb, candidates } = candidatesOf('Oslo-mannen ble pågrepet i Bergen.');
    expect(kb).toEqual(['Oslo', 'Bergen']);
    expect(candidates).toEqual([]);
  });

  it('a tagged name around a knowledge-base demonym overrules it', () => {
    const lang = getLanguageResources('nb');
    const [sentence] = splitSentences('Den norske kirke har fått en ny biskop.', { abbreviations: lang.sets.abbreviations });
    const kb = findKbMentions(sentence!, defaultKbIndex());
    expect(kb.map((m) => [m.text, m.form, m.kbId])).toEqual([['norske', 'demonym', 'norway']]);
    const overruled: Mention[] = [];
    const found = findTaggedCandidates(sentence!, kb, loadDefaultTagger(), lang, overruled, posOf(sentence!));
    expect(found.map((c) => [c.tokenStart, c.tokenEnd, c.type])).toEqual([[0, 2, 'organization']]);
    expect(overruled).toEqual(kb);
  });

  it('a title before a name makes it a person whatever the tagger says', () => {
    const { candidates } = candidatesOf('Forsvarsminister Bjørn Arild Gram kom til Bardufoss.');
    expect(candidates[0]).toEqual(['Bjørn Arild Gram', 'person', 2]);
  });
});

describe('propagateNames', () => {
  const lang = getLanguageResources('nb');
  const split = (text: string) => splitSentences(text, { abbreviations: lang.sets.abbreviations });
  const spans = (found: NameCandidate[][]) => found.map((list) => list.map((c) => [c.tokenStart, c.tokenEnd, c.type]));

  it('finds names the document names elsewhere: whole names, and the surnames of people', () => {
    const sentences = split('Han møtte Lise Sand og Kongsberg Gruppen. Sand svarte. Senere kom Kongsberg Gruppen tilbake.');
    const found: NameCandidate[][] = [
      [
        { tokenStart: 2, tokenEnd: 3, genitive: false, type: 'person', evidence: 1 },
        { tokenStart: 5, tokenEnd: 6, genitive: false, type: 'organization', evidence: 1 },
      ],
      [],
      [],
    ];
    propagateNames(sentences, [[], [], []], found);
    expect(spans(found)).toEqual([
      [
        [2, 3, 'person'],
        [5, 6, 'organization'],
      ],
      [[0, 0, 'person']],
      [[2, 3, 'organization']],
    ]);
  });

  it('does not spread a one-word name found only at the start of a sentence, nor cover a mention', () => {
    const sentences = split('Sand ble fraktet bort. Bilen kjørte Sand til Oslo.');
    const found: NameCandidate[][] = [[{ tokenStart: 0, tokenEnd: 0, genitive: false, type: 'person', evidence: 1 }], []];
    propagateNames(sentences, [[], []], found);
    expect(spans(found)).toEqual([[[0, 0, 'person']], []]);
    // "Oslo" tagged a person in one sentence stays the knowledge base's city in the next.
    const other = split('Hunden heter Oslo. Oslo vant.');
    const kb = other.map((x) => findKbMentions(x, defaultKbIndex()));
    expect(kb.map((ms) => ms.map((m) => m.tokenStart))).toEqual([[2], [0]]);
    const again: NameCandidate[][] = [[{ tokenStart: 2, tokenEnd: 2, genitive: false, type: 'person', evidence: 1 }], []];
    propagateNames(other, [[], kb[1]!], again);
    expect(spans(again)).toEqual([[[2, 2, 'person']], []]);
    propagateNames(other, [[], []], again);
    expect(spans(again)).toEqual([[[2, 2, 'person']], [[0, 0, 'person']]]);
  });
});

describe('a number closing a name', () => {
  it('joins a channel or product name, not a person or a count', () => {
    expect(candidatesOf('Ifølge TV-kanalen Nyhetskanal 7 har regjeringen gått av.').candidates).toEqual([['Nyhetskanal 7', 'organization', 2]]);
    expect(candidatesOf('Saken ble omtalt av avisen Dagsnytt 18 år etter.').candidates).toEqual([['Dagsnytt', 'organization', 2]]);
  });
});

describe('weapon designations', () => {
  it('a code of capitals and digits after a weapon noun (and a naming word) is a weapon', () => {
    expect(candidatesOf('Landet har utviklet et nytt rakettsystem kalt 7Q221 i år.').candidates).toEqual([['7Q221', 'weapon', 2]]);
    expect(candidatesOf('Hæren fikk de første X-90 stridsvognene i 2019.').candidates).toContainEqual(['X-90', 'weapon', 2]);
  });
  it('without a weapon noun, or without a capital, a code is no name', () => {
    expect(candidatesOf('Flyet hadde rutenummer 7Q221 og landet klokken 1230.').candidates).toEqual([]);
    expect(candidatesOf('Missilet kalt 2019 ble vist fram.').candidates).toEqual([]);
  });
});

describe('titles, honorifics and party codes (issue 13)', () => {
  it('a title or honorific is not part of a person name, in English or Norwegian, and makes it a person', () => {
    expect(candidatesOf('Secretary of State Maria Olvera met the delegation in Lisbon.', 'en').candidates).toEqual([['Maria Olvera', 'person', 2]]);
    expect(candidatesOf('Prime Minister Tomas Varga said the talks would resume on Monday.', 'en').candidates).toEqual([['Tomas Varga', 'person', 2]]);
    expect(candidatesOf('Utenriksminister Jonas Berge reiste til Kairo.').candidates).toEqual([['Jonas Berge', 'person', 2]]);
  });
  it('a body\'s name that goes on with "of" runs through the capitalised words after it', () => {
    expect(candidatesOf('The envoy was summoned to the Department of Foreign Affairs in Lima.', 'en').candidates.map((c) => c[0])).toContain('Department of Foreign Affairs');
  });
  it('a person\'s name ends before "of"/"fra" and a capitalised phrase: the body after it is a name of its own', () => {
    expect(candidatesOf('Opposition leader Anna Sorensen of the Green Party accused the government of lying.', 'en').candidates).toEqual([
      ['Anna Sorensen', 'person', 2],
      ['Green Party', 'organization', 2],
    ]);
  });
  it('an honorific after "and" starts the next name, and an abbreviated one before its full stop still counts', () => {
    expect(candidatesOf('Foreign Minister Ana Lindqvist and Mr. Peter Hollis arrived late.', 'en').candidates).toEqual([
      ['Ana Lindqvist', 'person', 2],
      ['Peter Hollis', 'person', 2],
    ]);
  });
  it('a one-letter party code in parentheses after a name is an organisation', () => {
    expect(candidatesOf('Forslaget fikk støtte fra Ola Brekke (V) og Siri Lunde (R).').candidates).toEqual([
      ['Ola Brekke', 'person', 2],
      ['V', 'organization', 2],
      ['Siri Lunde', 'person', 2],
      ['R', 'organization', 2],
    ]);
  });
  it('a known name inside a longer one with "of"/"for" is part of another body: the name keeps all its words', () => {
    const { kb, candidates } = candidatesOf('The Nordic Council of Ministers will meet in Reykjavik.', 'en');
    expect(kb).toEqual(['Nordic Council', 'Reykjavik']);
    expect(candidates).toEqual([['Nordic Council of Ministers', 'organization', 1]]);
    expect(candidatesOf('Ifølge Institutt for sikkerhetsstudier har landet kjøpt nye fly.').candidates).toEqual([['Institutt for sikkerhetsstudier', 'organization', 1]]);
  });
});

describe('the extractor with a tagger', () => {
  const kb = loadKnowledgeBase();
  const tagged = createExtractor(kb, { tagger: loadDefaultTagger(), partOfSpeech: loadShippedSyntax });
  const rules = createExtractor(kb);

  it('types in Norwegian what the capitalisation rules cannot', () => {
    // Rules: one unknown word after "Ifølge" has no type.
    const doc = makeDocument({ id: 'd', text: 'Ifølge Bellingcat har Wagner-gruppen trent soldater i Mali. Ifølge Dagens Næringsliv støtter Kongsberg Gruppen Ukraina.', language: 'nb' });
    const keys = (x: ReturnType<typeof tagged.extract>) => x.entities.map((e) => `${e.key}:${e.type}`);
    expect(keys(tagged.extract(doc))).toEqual([
      'bellingcat:organization',
      'dagens-naeringsliv:organization',
      'kongsberg-gruppen:organization',
      'mali:country',
      'ukraine:country',
      'wagner-group:organization',
    ]);
    expect(keys(rules.extract(doc))).toContain('bellingcat:other');
    expect(tagged.taggerFor('nb')).toBe(loadDefaultTagger());
    expect(tagged.taggerFor('nn')).toBe(loadDefaultTagger());
    expect(tagged.taggerFor('en')).toBeUndefined();
    expect(rules.taggerFor('nb')).toBeUndefined();
  });

  it('a credit line names no entity, with the tagger or the rules, in Norwegian and English', () => {
    const keys = (x: ReturnType<typeof tagged.extract>) => x.entities.map((e) => e.key);
    const nb = makeDocument({ id: 'c', text: 'Norge støtter Ukraina.\n\nFoto: Reuters/Ola Vik/NTB scanpix', language: 'nb' });
    expect(keys(tagged.extract(nb))).toEqual(['norway', 'ukraine']);
    expect(keys(rules.extract(nb))).toEqual(['norway', 'ukraine']);
    const en = makeDocument({ id: 'e', text: 'Kenya welcomed the plan.\n\n(Photo: Maria Olvera/Reuters)', language: 'en' });
    expect(keys(rules.extract(en))).toEqual(['kenya']);
    // The same names outside a credit line are found.
    expect(keys(rules.extract(makeDocument({ id: 'f', text: 'Reuters reported that Kenya welcomed the plan.', language: 'en' })))).toEqual(['kenya', 'reuters']);
  });

  it('a name with a demonym inside is an organisation of its own, not the country; a demonym alone stays the country', () => {
    const keys = (text: string) => tagged.extract(makeDocument({ id: 'k', text, language: 'nb' })).entities.map((e) => `${e.key}:${e.type}`);
    expect(keys('Den norske kirke har fått en ny biskop.')).toEqual(['den-norske-kirke:organization']);
    expect(keys('Norske soldater trener irakiske styrker.')).toEqual(['iraq:country', 'norway:country']);
  });

  it('finds a name again where the tagger missed it: a surname at the start of a sentence', () => {
    const people = (text: string) =>
      tagged
        .extract(makeDocument({ id: 'p', text, language: 'nb' }))
        .entities.filter((e) => e.type === 'person')
        .map((e) => [e.label, e.mentions.map((m) => m.text)]);
    // The tagger alone finds "Joe Biden", not "Biden" opening the next sentences.
    expect(people('USAs president Joe Biden besøkte Brussel fredag. Biden møtte pressen etterpå. Biden reiste hjem lørdag.')).toEqual([
      ['Joe Biden', ['Joe Biden', 'Biden', 'Biden']],
    ]);
    // A document that also writes the word in lower case keeps it a word.
    expect(people('Ola Hage talte i Oslo. Hage krever mye arbeid, og en hage er dyr.')).toEqual([['Ola Hage', ['Ola Hage']]]);
    expect(people('Ola Hage talte i Oslo. Hage krever mye arbeid.')).toEqual([['Ola Hage', ['Ola Hage', 'Hage']]]);
  });

  it('is not used for English: the rules find names there', () => {
    const doc = makeDocument({ id: 'e', text: 'Senator Jane Miller said on Monday that Congress supports Ukraine.', language: 'en' });
    expect(tagged.extract(doc)).toEqual(rules.extract(doc));
  });
});

describe('findTaggedCandidates on spans a tagger gives', () => {
  /** A tagger that gives these tag indices (O 0, B-PER 1, I-PER 2, B-ORG 3, I-ORG 4) whatever the words. */
  const fixed = (indices: number[]) =>
    ({ types, usesKb: false, usesPos: false, usesPlaces: false, usesNames: false, tagIndices: () => Int32Array.from(indices) }) as unknown as Parameters<typeof findTaggedCandidates>[2];
  const spans = (text: string, indices: number[], language: 'nb' | 'en') => {
    const lang = getLanguageResources(language);
    const [sentence] = splitSentences(text, { abbreviations: lang.sets.abbreviations });
    return findTaggedCandidates(sentence!, [], fixed(indices), lang).map((c) => sentence!.tokens.slice(c.tokenStart, c.tokenEnd + 1).map((t) => t.text).join(' '));
  };
  it('a name joined by a hyphen to a lower-case word ("Rwanda-led", "Tyrkia-støttede") opening a span is no part of the name after it', () => {
    expect(spans('The Rwanda-led Regional Protection Force arrived .', [0, 3, 4, 4, 4, 0, 0], 'en')).toEqual(['Regional Protection Force']);
    expect(spans('Den Tyrkia-støttede Nasjonale Hæren rykket fram .', [0, 3, 4, 4, 0, 0, 0], 'nb')).toEqual(['Nasjonale Hæren']);
    // (A hyphenated name whose parts are capitalised is one word of the name: "Guinea-Bissau Airlines".)
    expect(spans('Guinea-Bissau Airlines flew .', [3, 4, 0, 0], 'en')).toEqual(['Guinea-Bissau Airlines']);
  });
  it('an English name ends in a capitalised word: lower-case words closing a span are the noun it modifies; a Norwegian name keeps them', () => {
    expect(spans('The Varnak Shipping firm said no .', [0, 3, 4, 4, 0, 0, 0], 'en')).toEqual(['Varnak Shipping']);
    expect(spans('Institutt for forsvarsstudier mener det .', [3, 4, 4, 0, 0, 0], 'nb')).toEqual(['Institutt for forsvarsstudier']);
  });
  it('a place opening a longer name is another body\'s name unless a ministry or office closes it (the state\'s own body)', () => {
    const withKb = (text: string, indices: number[]) => {
      const lang = getLanguageResources('en');
      const [sentence] = splitSentences(text, { abbreviations: lang.sets.abbreviations });
      return findTaggedCandidates(sentence!, findKbMentions(sentence!, defaultKbIndex()), fixed(indices), lang).map((c) => sentence!.tokens.slice(c.tokenStart, c.tokenEnd + 1).map((t) => t.text).join(' '));
    };
    expect(withKb('The head of the Kenya Ports Authority spoke .', [0, 0, 0, 0, 3, 4, 4, 0, 0])).toEqual(['Kenya Ports Authority']);
    // (The ministry is the state's: no body named "Ukraine Defence Ministry".)
    expect(withKb('The Ukraine Defence Ministry said no .', [0, 3, 4, 4, 0, 0, 0])).not.toContain('Ukraine Defence Ministry');
  });
  it('a sentence\'s first word that is a body\'s appositive noun ("Opposisjonspartiet", "The group") is no word of the name after it', () => {
    expect(spans('Opposisjonspartiet Framtid anklaget regjeringen .', [3, 4, 0, 0, 0], 'nb')).toEqual(['Framtid']);
    expect(spans('Selskapet Nordvind Kraft svarte .', [3, 4, 4, 0, 0], 'nb')).toEqual(['Nordvind Kraft']);
    // (Another first word stays the name's: "Forsvarets Forskningsinstitutt"; so does the noun inside the sentence.)
    expect(spans('Forsvarets Forskningsinstitutt svarte .', [3, 4, 0, 0], 'nb')).toEqual(['Forsvarets Forskningsinstitutt']);
    expect(spans('Han møtte Partiet Framtid .', [0, 0, 3, 4, 0], 'nb')).toEqual(['Partiet Framtid']);
  });
  it('a month and a day number are a date, not a name, however the tagger tags them; a month word with a name after it is kept', () => {
    // LIMA , Dec 3 ( Reuters ) - Peru ...
    expect(spans('LIMA, Dec 3 (Reuters) - Peru voted.', [0, 0, 3, 4, 0, 3, 0, 0, 0, 0, 0], 'en')).toEqual(['Reuters']);
    expect(spans('The vote of Nov. 30 was close.', [0, 0, 0, 3, 4, 0, 0, 0], 'en')).toEqual([]);
    expect(spans('Talks ended on December 12.', [0, 0, 0, 3, 4, 0], 'en')).toEqual([]);
    expect(spans('Jan Kowalski met Jan 4 delegates.', [1, 2, 0, 1, 0, 0, 0], 'en')).toEqual(['Jan Kowalski']);
  });
});

describe('abbreviations as the tagger reads them', () => {
  it('an abbreviation or initial with its dot is one word to the tagger, and its tag runs on over the dot', () => {
    const seen: string[][] = [];
    // O 0, B-PER 1, I-PER 2, B-ORG 3, I-ORG 4: "Dr." "J." "Ruto" as one person, the rest O.
    const tagger = {
      types,
      usesKb: false,
      usesPos: false,
      usesPlaces: false,
      usesNames: false,
      tagIndices: (words: readonly string[]) => {
        seen.push([...words]);
        return Int32Array.from(words.map((_, i) => (i === 1 ? 1 : i === 2 || i === 3 ? 2 : 0)));
      },
    } as unknown as Parameters<typeof findTaggedCandidates>[2];
    const lang = getLanguageResources('en');
    const [sentence] = splitSentences('Then Dr. J. Ruto spoke.', { abbreviations: lang.sets.abbreviations });
    const found = findTaggedCandidates(sentence!, [], tagger, lang).map((c) => sentence!.tokens.slice(c.tokenStart, c.tokenEnd + 1).map((t) => t.text).join(' '));
    expect(seen).toEqual([['Then', 'Dr.', 'J.', 'Ruto', 'spoke', '.']]);
    expect(found).toEqual(['J . Ruto']);
  });
});
