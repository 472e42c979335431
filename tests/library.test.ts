// The library entry point (src/index.ts) as the README's "Library use" shows it: an extractor with the shipped
// tagger finds a name the knowledge base does not know, and the rules alone type it otherwise.
import { describe, expect, it } from 'vitest';
import { createExtractor, createTagger, loadKnowledgeBase, loadShippedSyntax, loadShippedTagger, makeDocument, partsOfSpeech, quietForm, taggerInputs } from '../src/index.js';

const TEXT = 'Forskere ved Institutt for lingvistiske og nordiske studier har laget en ny ordbok.';

describe('the library entry point', () => {
  it('extracts with the shipped tagger, as the README shows', () => {
    const extractor = createExtractor(loadKnowledgeBase(), { tagger: loadShippedTagger, syntax: loadShippedSyntax });
    const { entities } = extractor.extract(makeDocument({ id: 'a1', text: TEXT, language: 'nb' }));
    expect(entities.map((e) => [e.label, e.type])).toEqual([['Institutt for lingvistiske og nordiske studier', 'organization']]);
  });

  it('scores every token when asked to, with the same tags here', () => {
    const shipped = loadShippedTagger('nb');
    const full = createTagger(shipped.model, { skipQuiet: false });
    const tokens = TEXT.replace('.', ' .').split(' ');
    const inputs = taggerInputs(undefined, partsOfSpeech(loadShippedSyntax('nb'), tokens));
    expect(full.tagTokens(tokens, inputs)).toEqual(shipped.tagTokens(tokens, inputs));
    expect(tokens.filter(quietForm)).toEqual(['ved', 'for', 'lingvistiske', 'og', 'nordiske', 'studier', 'har', 'laget', 'en', 'ny', 'ordbok', '.']);
  });
});

describe('the syntax stage from the library', () => {
  it('tags and parses as the README shows', async () => {
    const { analyseWords, loadShippedSyntax } = await import('../src/index.js');
    const words = analyseWords(loadShippedSyntax('en'), ['NATO', 'trains', 'Iraqi', 'soldiers', '.']);
    expect(words[1]).toEqual({ lemma: 'train', upos: 'VERB', xpos: 'VBZ', feats: 'Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin', head: 0, deprel: 'root' });
    expect(words.map((w) => [w.head, w.deprel])).toEqual([[2, 'nsubj'], [0, 'root'], [4, 'amod'], [2, 'obj'], [2, 'punct']]);
  });
});
