// The statistical entity tagger (issue 3): public API of src/ner. Re-exports only.
export { NORNE_TYPES, tagList, tagsToSpans, isTag, type NorneType, type TagSpan } from './tags.js';
export { parseConll, writeConllTags, requireTags, type ConllSentence, type TaggedSentence } from './conll.js';
export { createTagger, quietForm, type Tagger, type TaggerOptions, type TaggerWordSlot, type NerModel } from './tagger.js';
export { encodeModel, decodeModel, decodeModelData } from './codec.js';
export {
  trainTagger,
  crossValidate,
  repeated,
  type CrossValidation,
  DEFAULT_TRAIN_SETTINGS,
  resolveTrainSettings,
  validateTrainSettings,
  type TrainSettings,
  type TrainResult,
  type EpochLog,
} from './train.js';
export { scoreNer, formatNerScore, type NerScore, type Prf } from './score.js';
export { kbTagsFor, tagSentence, NORNE_TO_ONTOLOGY, ontologyTypeOf } from './kb.js';
export { taggerInputs } from './kb.js';
export { readGum, readIob2, gumMentions, gumTagged, titleEnd, taggedFormat, readTaggedText, GUM_TYPES, type GumSentence, type GumSpan, type GumWord } from './corpora.js';
