// Lists and evidence as text: the readable forms, their JSON twins, and recovery from files edited elsewhere.
import { describe, expect, it } from 'vitest';
import { flattenEvidence, joinList, recoverEvidence, splitList, xmlSafeJson } from '../../src/export/text.js';
import type { Evidence } from '../../src/types.js';

describe('splitList', () => {
  it.each([
    ['', []],
    ['NATO | Nato | alliansen', ['NATO', 'Nato', 'alliansen']],
    ['NATO|Nato', ['NATO', 'Nato']],
    ['["a, b", "c | d"]', ['a, b', 'c | d']],
    ['[Nato, Natos]', ['Nato', 'Natos']],
    ['one', ['one']],
    [' | a |  | b | ', ['a', 'b']],
  ])('splitList(%j) = %j', (text, list) => {
    expect(splitList(text)).toEqual(list);
  });

  it('reads back what joinList writes', () => {
    expect(splitList(joinList(['USA', "USA's", 'Washington D.C.']))).toEqual(['USA', "USA's", 'Washington D.C.']);
  });
});

const item = (document: string, sentence: string, trigger: string, extractor = 'rules'): Evidence => ({
  document,
  sentence,
  start: 0,
  end: 0,
  trigger,
  extractor,
});

describe('recoverEvidence', () => {
  it.each<[string, string, Evidence[]]>([
    ['nothing', '', []],
    ['one item', '[d1] Nato trener. «trener» (rules)', [item('d1', 'Nato trener.', 'trener')]],
    [
      'items on lines',
      '[d1] A. «a» (rules)\n[d2] B. «b» (ner)',
      [item('d1', 'A.', 'a'), item('d2', 'B.', 'b', 'ner')],
    ],
    [
      'items whose newlines became spaces',
      '[d1] A. «a» (rules) [d2] B. «b» (rules)',
      [item('d1', 'A.', 'a'), item('d2', 'B.', 'b')],
    ],
    [
      'a sentence with line breaks, brackets and guillemets',
      '[d1] Han sa «nei» [sic]\r\nog gikk. «sa» (rules)',
      [item('d1', 'Han sa «nei» [sic]\r\nog gikk.', 'sa')],
    ],
    ['free text typed in Gephi', 'seen in a report', [item('', 'seen in a report', '', 'import')]],
  ])('%s', (_name, text, evidence) => {
    expect(recoverEvidence(text)).toEqual(evidence);
  });

  it('recovers what flattenEvidence writes, offsets aside', () => {
    const evidence: Evidence[] = [
      { document: 'a', sentence: 'Sier "nei" & <b>ja</b>\nbak', start: 3, end: 7, trigger: 'Sier', extractor: 'rules' },
      { document: 'b', sentence: 'العراق 😀', start: 0, end: 6, trigger: 'العراق', extractor: 'ner' },
    ];
    expect(recoverEvidence(flattenEvidence(evidence))).toEqual(evidence.map((e) => ({ ...e, start: 0, end: 0 })));
  });
});

describe('xmlSafeJson', () => {
  it('escapes every character XML 1.0 cannot carry, so the JSON survives a trip through XML', () => {
    const value = ['\u0000\u0001\u001f', '\uD800 lone', '\uFFFE\uFFFF', 'ok 😀'];
    const text = xmlSafeJson(value);
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
