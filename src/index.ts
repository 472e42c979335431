// The public library API: every stage, callable without the CLI. Re-exports only.
export * from './types.js';
export { KgError, InvalidSettingError, type KgErrorCode } from './errors.js';
export { GENERATOR, PACKAGE_NAME, PACKAGE_VERSION } from './version.js';
export {
  createExtractor,
  makeDocument,
  documentMeta,
  DEFAULT_EXTRACT_SETTINGS,
  resolveExtractSettings,
  validateExtractSettings,
  LANGUAGE_CHOICES,
  type Extractor,
  type ExtractSettings,
  type LanguageChoice,
} from './pipeline.js';
export { createTagger, decodeModel, quietForm, type Tagger, type TaggerOptions, type NerModel } from './ner/index.js';
export { taggerInputs, tagSentence } from './ner/kb.js';
export { loadShippedTagger, loadTaggerFile, loadShippedSyntax, loadSyntaxFile } from './cli/model.js';
export { analyseWords, partsOfSpeech, trainSyntax, DEFAULT_SYNTAX_TRAIN_SETTINGS, type SyntaxTrainSettings } from './syntax/analyse.js';
export { encodeSyntaxModel, decodeSyntaxModel, SYNTAX_SCHEMES, type SyntaxModel, type SyntaxScheme } from './syntax/model.js';
export { parseConllu, fillConllu, writeConllu, type ConlluSentence, type ConlluWord } from './syntax/conllu.js';
export { scoreParse, formatParseScore, type ParseScore } from './syntax/score.js';
export { splitSentences } from './text/tokenize.js';
export { detectLanguage } from './text/language.js';
export { getLanguageResources, type LanguageResources } from './lang/index.js';
export { shippedFrames, framesWithFiles, type Frame, type FrameSet, type FramesSource } from './relations/frames.js';
export { loadKnowledgeBase, validateKbFile, KNOWLEDGE_BASE_VERSION, type KbEntry, type KbFile, type KnowledgeBase } from './kb/index.js';
export { buildGraph, type KnowledgeGraph, type BuildOptions } from './graph/build.js';
export { serializeGraph, parseGraphFile, graphFromFile, graphToFile } from './graph/serialize.js';
export { graphStats, formatStats, type GraphStats } from './graph/stats.js';
export { layoutGraph, computeLayout, DEFAULT_LAYOUT_SETTINGS, resolveLayoutSettings, validateLayoutSettings, type LayoutSettings } from './layout/index.js';
export { toGexf } from './export/gexf.js';
export { parseGoldFile, type GoldFile } from './eval/gold.js';
export { scoreGraph, sumScores, formatEvalReport, toJsonReport, type FileScore, type TotalScore } from './eval/score.js';
