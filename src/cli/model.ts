// Tagger models for the CLI: the one shipped in the package (src/ner/model/), read once and cached, and
// model files a user trained with `kg train ner`.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KgError } from '../errors.js';
import { loadKnowledgeBase } from '../kb/index.js';
import { buildAliasIndex, type AliasIndex } from '../mentions/kbindex.js';
import { decodeModel, type Tagger } from '../ner/index.js';
import { decodeSyntaxModel, type SyntaxModel } from '../syntax/model.js';
import { LANGUAGES, type Language } from '../types.js';
import { readBytes, writeFileAtomic } from './io.js';

/**
 * The shipped tagger of each language, relative to the package root: one model for Bokmål and Nynorsk, trained
 * on both NorNE treebanks, and one for English, trained on GUM's named mentions.
 */
export const NER_MODELS: Readonly<Record<Language, string>> = Object.freeze({ nb: 'src/ner/model/no.model.gz', nn: 'src/ner/model/no.model.gz', en: 'src/ner/model/en.model.gz' });
/** The shipped Norwegian model (what `loadDefaultTagger` loads). */
export const DEFAULT_MODEL = NER_MODELS.nb;

let root: string | undefined;
/** The package root: the nearest folder above this module with a package.json (works from src/ and dist/src/). */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new KgError('INPUT_NOT_FOUND', 'cannot find the package root (no package.json above the CLI)');
    dir = up;
  }
}

export function defaultModelPath(): string {
  return join(packageRoot(), DEFAULT_MODEL);
}

/** Reads a model file with `decode`; a decoding error names the file. */
function readModelFile<T>(path: string, decode: (bytes: Uint8Array) => T): T {
  const bytes = readBytes(path);
  try {
    return decode(bytes);
  } catch (e) {
    if (e instanceof KgError) throw new KgError(e.code, e.message, path);
    throw e;
  }
}

/** Reads a model file into a tagger; errors name the file. */
export function loadTaggerFile(path: string): Tagger {
  return readModelFile(path, decodeModel);
}

const shippedTaggers = new Map<string, Tagger>();
/** The tagger shipped for a language, loaded on first use and kept for the process (one object per file). */
export function loadShippedTagger(lang: Language): Tagger {
  const file = NER_MODELS[lang];
  let t = shippedTaggers.get(file);
  if (!t) shippedTaggers.set(file, (t = loadTaggerFile(join(packageRoot(), file))));
  return t;
}

/** The shipped Norwegian tagger (Bokmål and Nynorsk). */
export function loadDefaultTagger(): Tagger {
  return loadShippedTagger('nb');
}

/** The languages a user's model is for: those its meta names (`lang: "nb,nn"`), or every language. */
export function modelLanguages(tagger: Tagger): Language[] {
  const named = typeof tagger.model.meta.lang === 'string' ? tagger.model.meta.lang.split(',') : [];
  const langs = LANGUAGES.filter((l) => named.includes(l));
  return langs.length > 0 ? langs : [...LANGUAGES];
}

let defaultIndex: AliasIndex | undefined;
/** The alias index of the built-in knowledge base: the tagger's knowledge-base feature comes from it. */
export function defaultKbIndex(): AliasIndex {
  return (defaultIndex ??= buildAliasIndex(loadKnowledgeBase()));
}

/** Writes a model file atomically (temporary file, then rename). */
export function writeModelFile(path: string, bytes: Uint8Array): void {
  writeFileAtomic(path, bytes);
}

/** The tagger a build uses, as worker threads receive it, and its fingerprint for the build state. */
export interface ModelChoice {
  /** A model file, false for none (rules only), undefined for the shipped model. */
  model: string | false | undefined;
  /** sha256 of the model file, or "none". */
  hash: string;
}

/**
 * Resolves --model / --no-tagger: the model file is read and decoded here, once, so that a missing or broken
 * file is a one-line error before any document is read (workers then load a file known to be good).
 */
export function chooseModel(options: { model?: string; tagger?: boolean }): ModelChoice {
  if (options.tagger === false) {
    if (options.model !== undefined) throw new KgError('INVALID_SETTING', '--model and --no-tagger exclude each other', options.model);
    return { model: false, hash: 'none' };
  }
  const hash = createHash('sha256');
  if (options.model === undefined) {
    // The shipped models are checked by the tests: only their bytes make the fingerprint.
    for (const file of new Set(Object.values(NER_MODELS))) hash.update(readBytes(join(packageRoot(), file)));
    return { model: undefined, hash: hash.digest('hex') };
  }
  const bytes = readBytes(options.model);
  try {
    decodeModel(bytes);
  } catch (e) {
    if (e instanceof KgError) throw new KgError(e.code, e.message, options.model);
    throw e;
  }
  return { model: options.model, hash: hash.update(bytes).digest('hex') };
}

/** The shipped syntax model of each language, relative to the package root. */
export const SYNTAX_MODELS: Readonly<Record<Language, string>> = { nb: 'src/syntax/model/nb.model.gz', nn: 'src/syntax/model/nn.model.gz', en: 'src/syntax/model/en.model.gz' };

/** Reads a syntax model file; errors name the file. */
export function loadSyntaxFile(path: string): SyntaxModel {
  return readModelFile(path, decodeSyntaxModel);
}

const shippedSyntax = new Map<Language, SyntaxModel>();
/** The shipped syntax model of a language, read on first use and kept for the process. */
export function loadShippedSyntax(lang: Language): SyntaxModel {
  let m = shippedSyntax.get(lang);
  if (!m) shippedSyntax.set(lang, (m = loadSyntaxFile(join(packageRoot(), SYNTAX_MODELS[lang]))));
  return m;
}
