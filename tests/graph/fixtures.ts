// Two hand-made extractions (Norwegian and English) that overlap in entities and relations: the shared input of the graph, layout and export tests.
import type { DocumentExtraction, Entity, EntityType, Evidence, Mention, Relation } from '../../src/types.js';

export const TEXT_A =
  'Natos generalsekretær Jens Stoltenberg sier at Nato skal fortsette treningsoppdraget i Irak. ' +
  'Nato skal ikke støtte Irak med kampstyrker. ' +
  'Iraks regjering ønsker at Natos trening fortsetter.';

export const TEXT_B =
  'NATO will continue its training mission in Iraq, the alliance said. ' +
  "The United States supports NATO's mission in Iraq. " +
  'NATO supports Iraq. ' +
  'Washington might withdraw from Iraq. ' +
  'The US did not criticize NATO.';

function sentences(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  const re = /[^.]+\./g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + (m[0].length - m[0].trimStart().length);
    spans.push({ start, end: m.index + m[0].length });
  }
  return spans;
}

/** Mentions found in order: each surface form is searched for after the previous one. */
function mentions(text: string, type: EntityType, entity: string, surfaces: string[]): Mention[] {
  const spans = sentences(text);
  let from = 0;
  return surfaces.map((surface) => {
    const start = text.indexOf(surface, from);
    if (start < 0) throw new Error(`fixture: "${surface}" not found after ${from}`);
    from = start + surface.length;
    const sentence = spans.findIndex((s) => start >= s.start && start < s.end);
    return {
      start,
      end: start + surface.length,
      text: surface,
      type,
      source: 'kb',
      sentence,
      tokenStart: 0,
      tokenEnd: 0,
      form: surface.endsWith('s') && type !== 'country' ? 'genitive' : 'name',
      entity,
    };
  });
}

/** Evidence for the `nth` occurrence of `trigger` in `text`, with the sentence it is in. */
export function evidence(document: string, text: string, trigger: string, nth = 0, extractor = 'rules'): Evidence {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(trigger, start + 1);
  if (start < 0) throw new Error(`fixture: trigger "${trigger}" #${nth} not found`);
  const sentence = sentences(text).find((s) => start >= s.start && start < s.end)!;
  return { document, sentence: text.slice(sentence.start, sentence.end), start, end: start + trigger.length, trigger, extractor };
}

function entity(
  text: string,
  key: string,
  label: string,
  type: EntityType,
  aliases: string[],
  surfaces: string[],
  wikidata?: string,
): Entity {
  return { key, label, type, aliases, mentions: mentions(text, type, key, surfaces), ...(wikidata ? { wikidata } : {}) };
}

function relation(
  subject: string,
  rel: Relation['relation'],
  object: string,
  confidence: number,
  evidenceItems: Evidence[],
  flags: { negated?: boolean; hypothetical?: boolean } = {},
): Relation {
  return {
    subject,
    relation: rel,
    object,
    confidence,
    negated: flags.negated ?? false,
    hypothetical: flags.hypothetical ?? false,
    evidence: evidenceItems,
  };
}

const A = 'a-nato-irak';
const B = 'b-nato-iraq';

export const EXTRACTION_A: DocumentExtraction = {
  document: { id: A, language: 'nb', path: 'corpus/a-nato-irak.nb.txt', title: 'Nato fortsetter i Irak', date: '2020-02-13' },
  entities: [
    entity(TEXT_A, 'nato', 'NATO', 'organization', ['Nato', 'Natos'], ['Natos', 'Nato', 'Nato', 'Natos']),
    entity(TEXT_A, 'iraq', 'Iraq', 'country', ['Irak', 'Iraks'], ['Irak', 'Irak', 'Iraks'], 'Q796'),
    entity(TEXT_A, 'jens-stoltenberg', 'Jens Stoltenberg', 'person', ['Jens Stoltenberg'], ['Jens Stoltenberg']),
  ],
  relations: [
    relation('jens-stoltenberg', 'leads', 'nato', 0.95, [evidence(A, TEXT_A, 'generalsekretær')]),
    relation('nato', 'trains', 'iraq', 0.8, [evidence(A, TEXT_A, 'treningsoppdraget'), evidence(A, TEXT_A, 'trening', 1)]),
    relation('nato', 'supports', 'iraq', 0.7, [evidence(A, TEXT_A, 'støtte')], { negated: true }),
    // A self-loop and a relation to something that is not an entity: both must be dropped.
    relation('iraq', 'located_in', 'iraq', 0.5, [evidence(A, TEXT_A, 'Irak')]),
    relation('nato', 'deployed_in', 'baghdad', 0.5, [evidence(A, TEXT_A, 'Irak')]),
  ],
};

export const EXTRACTION_B: DocumentExtraction = {
  document: { id: B, language: 'en', path: 'corpus/b-nato-iraq.en.txt', title: 'NATO continues in Iraq' },
  entities: [
    entity(
      TEXT_B,
      'united-states',
      'United States',
      'country',
      ['The United States', 'US', 'Washington'],
      ['United States', 'Washington', 'US'],
      'Q30',
    ),
    entity(
      TEXT_B,
      'nato',
      'North Atlantic Treaty Organization',
      'organization',
      ['NATO', "NATO's", 'alliance'],
      ['NATO', 'alliance', "NATO's", 'NATO', 'NATO'],
      'Q7184',
    ),
    entity(TEXT_B, 'iraq', 'Republic of Iraq', 'country', ['Iraq'], ['Iraq', 'Iraq', 'Iraq', 'Iraq'], 'Q796'),
  ],
  relations: [
    // Listed out of order and with a duplicate, to check sorting and de-duplication of evidence.
    relation('nato', 'trains', 'iraq', 0.9, [evidence(B, TEXT_B, 'training mission'), evidence(B, TEXT_B, 'training mission')]),
    relation('united-states', 'supports', 'nato', 0.8, [evidence(B, TEXT_B, 'supports')]),
    relation('nato', 'supports', 'iraq', 0.85, [evidence(B, TEXT_B, 'supports', 1)]),
    relation('united-states', 'withdraws_from', 'iraq', 0.6, [evidence(B, TEXT_B, 'withdraw')], { hypothetical: true }),
    relation('united-states', 'criticizes', 'nato', 0.5, [evidence(B, TEXT_B, 'criticize')], { negated: true }),
  ],
};

/** In the "wrong" order on purpose: the builder must not depend on it. */
export const EXTRACTIONS: DocumentExtraction[] = [EXTRACTION_B, EXTRACTION_A];

export const BUILD_OPTIONS = { name: 'small-graph', generator: 'kg-builder@0.0.0-test' };
