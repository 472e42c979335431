// The extractor the CLI uses (kg build, kg eval, build workers): the built-in knowledge base plus user
// files, and whatever models ship with the package. One place, so every entry point extracts alike.
import { createExtractor, type Extractor } from '../pipeline.js';
import { loadKnowledgeBase, type KbFile } from '../kb/index.js';

export function createCliExtractor(userKb: KbFile[]): Extractor {
  return createExtractor(loadKnowledgeBase(userKb));
}
