// The public library API: every stage, callable without the CLI. Re-exports only.
export * from './types.js';
export { KgError, InvalidSettingError } from './errors.js';
export { GENERATOR, PACKAGE_NAME, PACKAGE_VERSION } from './version.js';
export { createExtractor, makeDocument, documentMeta, DEFAULT_EXTRACT_SETTINGS, resolveExtractSettings, validateExtractSettings, LANGUAGE_CHOICES, } from './pipeline.js';
export { splitSentences } from './text/tokenize.js';
export { detectLanguage } from './text/language.js';
export { getLanguageResources } from './lang/index.js';
export { loadKnowledgeBase, validateKbFile, KNOWLEDGE_BASE_VERSION } from './kb/index.js';
export { buildGraph } from './graph/build.js';
export { serializeGraph, parseGraphFile, graphFromFile, graphToFile } from './graph/serialize.js';
export { graphStats, formatStats } from './graph/stats.js';
export { layoutGraph, computeLayout, DEFAULT_LAYOUT_SETTINGS, resolveLayoutSettings, validateLayoutSettings } from './layout/index.js';
export { toGexf } from './export/gexf.js';
export { parseGoldFile } from './eval/gold.js';
export { scoreGraph, sumScores, formatEvalReport, toJsonReport } from './eval/score.js';
