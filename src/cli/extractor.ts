// The extractor the CLI uses (kg build, kg eval, build workers): the built-in knowledge base plus user
// files, and the tagger model shipped with the package (or one the user trained, or none). One place, so every
// entry point extracts alike.
import { createExtractor, type Extractor } from '../pipeline.js';
import { loadKnowledgeBase, type KbFile } from '../kb/index.js';
import { loadShippedSyntax, loadShippedTagger, loadTaggerFile, modelLanguages } from './model.js';
import type { Tagger } from '../ner/index.js';
import { framesWithFiles, type FrameSet, type FramesSource } from '../relations/frames.js';
import { decodeModel } from '../ner/index.js';
import type { Language } from '../types.js';

export interface CliExtractorOptions {
  /**
   * A tagger model file (`kg train ner`), used for the languages its meta names (all when it names none; the
   * shipped models for the others); false: no tagger, capitalisation rules only; default: the shipped model of
   * each language.
   */
  model?: string | false | Uint8Array;
  /** false: no syntax stage; default: the shipped syntax model of each document's language. */
  syntax?: false;
  /** Relation frames files (`--frames`): added to the shipped frames of their language. */
  frames?: FramesSource[];
}

export function createCliExtractor(userKb: KbFile[], options: CliExtractorOptions = {}): Extractor {
  const user = typeof options.model === 'string' ? loadTaggerFile(options.model) : options.model instanceof Uint8Array ? decodeModel(options.model) : undefined;
  const userLangs = user ? modelLanguages(user) : [];
  const tagger = options.model === false ? undefined : (language: Language): Tagger => (user && userLangs.includes(language) ? user : loadShippedTagger(language));
  // A tagger that uses parts of speech gets them from the shipped syntax model even when trees are off.
  const syntax = options.syntax === false ? { partOfSpeech: loadShippedSyntax } : { syntax: loadShippedSyntax };
  const files = options.frames ?? [];
  const cache = new Map<Language, FrameSet>();
  // Every file is read and checked now (an error names it before any document is read), and once.
  const frames = (language: Language) => {
    let f = cache.get(language);
    if (!f) cache.set(language, (f = framesWithFiles(language, files)));
    return f;
  };
  if (files.length > 0) for (const l of ['nb', 'nn', 'en'] as const) frames(l);
  return createExtractor(loadKnowledgeBase(userKb), { ...(tagger ? { tagger } : {}), ...syntax, frames });
}
