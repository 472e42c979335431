// Knowledge-base matching on made-up sentences: inflections, compounds, case rules, and unknown-name typing.
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { buildAliasIndex } from '../../src/mentions/kbindex.js';
import { findKbMentions } from '../../src/mentions/index.js';
import { splitSentences } from '../../src/text/tokenize.js';
import { getLanguageResources } from '../../src/lang/index.js';
import { createExtractor, makeDocument } from '../../src/pipeline.js';

const kb = loadKnowledgeBase();
const index = buildAliasIndex(kb);
const nb = getLanguageResources('nb');

function kbMentions(text: string): string[] {
  return splitSentences(text, { abbreviations: nb.sets.abbreviations }).flatMap((s) =>
    findKbMentions(s, index).map((m) => `${m.text}=${m.kbId}/${m.form}`),
  );
}

describe('knowledge-base matching', () => {
  const rows: [string, string, string[]][] = [
    ['genitive of an acronym', 'Natos oppdrag og USAs samtaler', ['Natos=nato/genitive', 'USAs=united-states/genitive']],
    ['genitive of a name', 'Iraks regjering', ['Iraks=iraq/genitive']],
    ['English possessive', "NATO's chief", ["NATO's=nato/genitive"]],
    ['demonym adjective, inflected', 'irakiske sikkerhetsstyrker og russiske missiler', ['irakiske=iraq/demonym', 'russiske=russia/demonym']],
    ['inhabitant noun, definite plural', 'afghanerne og russerne', ['afghanerne=afghanistan/demonym', 'russerne=russia/demonym']],
    ['hyphenated compound with a name', 'Nato-sjefen', ['Nato=nato/name']],
    ['hyphenated compound with a weapon code', 'SSC-8-missilene', ['SSC-8=ssc-8/name']],
    ['treaty compound', 'INF-avtalen', ['INF-avtalen=inf-treaty/name']],
    ['closed demonym compound', 'den amerikanskledede koalisjonen', ['amerikansk=united-states/demonym']],
    ['multi-word name, longest match', 'FNs sikkerhetsråd møttes', ['FNs sikkerhetsråd=un-security-council/name']],
    ['acronyms need their exact case: "is" is a verb', 'Det is og IS', ['IS=islamic-state/name']],
    ['party codes only between parentheses', 'Eide (Ap) sa ap', ['Ap=labour-party-norway/name']],
    ['a capitalised demonym inside a name is no demonym', 'Kari Nordmann sa', []],
    ['capital and exonym', 'i Bagdad og Brussel', ['Bagdad=baghdad/name', 'Brussel=brussels/name']],
    // "finne"/"finner" are also the verb (to find, finds): the lexicon's demonymHomographs are never demonyms.
    ['an inhabitant form that is also a verb is the verb', 'For å finne våpen finner politiet hjelp hos finnene og finnen', ['finnene=finland/demonym', 'finnen=finland/demonym']],
    ['the name Irene is not the Irish', 'Irene og irene', []],
  ];
  for (const [name, text, expected] of rows) {
    it(name, () => {
      expect(kbMentions(text)).toEqual(expected);
    });
  }
});

describe('unknown names and their types', () => {
  const extractor = createExtractor(kb);
  const typed = (text: string) =>
    extractor
      .extract(makeDocument({ id: 't', text, language: 'nb' }))
      .entities.filter((e) => !kb.get(e.key))
      .map((e) => `${e.label}/${e.type}`)
      .sort();
  it.each([
    ['title before a name → person', 'Det sier oberstløytnant Ola Hansen til avisen.', ['Ola Hansen/person']],
    ['appositive noun → organisation', 'Ifølge TV-kanalen Channel 12 skjedde det i natt.', ['Channel 12/organization']],
    ['place preposition → location', 'Soldatene landet på Værnes i går.', ['Værnes/location']],
    ['organisation suffix → organisation', 'Det opplyser Kystverket og Fiskeridirektoratet.', ['Fiskeridirektoratet/organization', 'Kystverket/organization']],
    ['a sentence-initial common word is no name', 'Tidspunktet er ikke bestemt.', []],
    ['kicker in capitals is no name', 'TETT PÅ: Et skip skyter på blink.', []],
  ])('%s', (_name, text, expected) => {
    expect(typed(text)).toEqual(expected);
  });
});
