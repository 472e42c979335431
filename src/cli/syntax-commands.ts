// Syntax commands: `kg parse` (CoNLL-U of running text or of a CoNLL file's own tokens), `kg train syntax`
// (tagger, lemmatiser and parser from treebanks) and `kg eval parse` (UPOS, lemma, UAS, LAS per label).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { KgError } from '../errors.js';
import { makeDocument, LANGUAGE_CHOICES, type LanguageChoice } from '../pipeline.js';
import { getLanguageResources } from '../lang/index.js';
import { splitSentences } from '../text/tokenize.js';
import { detectLanguage } from '../text/language.js';
import { LANGUAGES, type Language } from '../types.js';
import { fillConllu, parseConllu, writeConllu, type ConlluSentence, type TextSentence } from '../syntax/conllu.js';
import { analyseSentence, analyseWords, DEFAULT_SYNTAX_TRAIN_SETTINGS, trainSyntax, type SyntaxWord } from '../syntax/analyse.js';
import { encodeSyntaxModel, type SyntaxModel, type SyntaxScheme } from '../syntax/model.js';
import { formatParseScore, scoreParse } from '../syntax/score.js';
import { ndtToUd } from '../syntax/ndt.js';
import { parseNumber, type Io } from './common.js';
import { decodeText, languageFromPath, readTextFile, refuseOutputOverInputs, writeFileAtomic } from './io.js';
import { loadShippedSyntax, loadSyntaxFile } from './model.js';

const UD_UPOS = new Set(['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X']);

function chooseSyntax(lang: Language, modelPath: string | undefined): SyntaxModel {
  return modelPath ? loadSyntaxFile(modelPath) : loadShippedSyntax(lang);
}

function emit(io: Io, output: string | undefined, text: string, summary: string): void {
  if (output && output !== '-') {
    writeFileAtomic(output, text);
    io.err(`kg: ${summary}; wrote ${output}\n`);
  } else io.out(text);
}

/** `kg parse --conllu FILE`: the file's own sentences and words, columns 3–9 filled. */
function parseConlluFile(path: string, lang: LanguageChoice, modelPath: string | undefined): { text: string; sentences: number; words: number; scheme: string } {
  const text = readTextFile(path);
  const sentences = parseConllu(text, path);
  const language: Language = lang === 'auto' ? detectLanguage(sentences.slice(0, 200).map((s) => s.words.map((w) => w.form).join(' ')).join('\n')) : lang;
  const model = chooseSyntax(language, modelPath);
  const parsed = sentences.map((s) => analyseWords(model, s.words.map((w) => w.form)));
  const words = sentences.reduce((n, s) => n + s.words.length, 0);
  return { text: fillConllu(text, sentences, parsed), sentences: sentences.length, words, scheme: model.scheme };
}

/** `kg parse FILE`: the text split into sentences and tokens as `kg build` does, then parsed. */
function parseTextFile(path: string, lang: LanguageChoice, modelPath: string | undefined): { text: string; sentences: number; words: number; scheme: string } {
  const raw = path === '-' ? decodeText(readFileSync(0), 'stdin') : readTextFile(path);
  // (A language the file name states, "article.nb.txt", counts as `kg build` counts it, unless --lang says otherwise.)
  const named = lang === 'auto' && path !== '-' ? (languageFromPath(path) as LanguageChoice | undefined) : undefined;
  const doc = makeDocument({ id: path === '-' ? 'stdin' : path, text: raw, language: named ?? lang });
  if (doc.text.trim() === '') throw new KgError('INPUT_EMPTY', 'no text to parse', path);
  const model = chooseSyntax(doc.language, modelPath);
  const res = getLanguageResources(doc.language);
  const split = splitSentences(doc.text, { abbreviations: res.sets.abbreviations });
  const sentences: TextSentence[] = split.map((s, k) => ({
    id: String(k + 1),
    text: doc.text.slice(s.start, s.end),
    words: s.tokens.map((t, i) => ({ form: t.text, start: t.start, end: t.end, spaceAfter: i + 1 < s.tokens.length ? s.tokens[i + 1]!.start > t.end : doc.text.slice(t.end, t.end + 1).trim() === '' })),
  }));
  const parsed: SyntaxWord[][] = sentences.map((s) => analyseSentence(model, s.words.map((w) => w.form), undefined, { abbreviations: res.sets.abbreviations }));
  const words = sentences.reduce((n, s) => n + s.words.length, 0);
  return { text: writeConllu(sentences, parsed, `${model.scheme} (${doc.language})`), sentences: sentences.length, words, scheme: model.scheme };
}

export function registerSyntaxCommands(program: Command, io: Io): void {
  program
    .command('parse')
    .description('tag, lemmatise and parse: CoNLL-U of a text as kg tokenises it, or of a CoNLL-U/CoNLL-X file\'s own words')
    .argument('[file]', 'text file, or - for stdin')
    .option('--conllu <file>', 'parse the words of this CoNLL-U or CoNLL-X file, keeping its sentences, comments, IDs, forms and MISC')
    .addOption(new Option('--lang <lang>', 'language (auto: detected from the text)').choices(LANGUAGE_CHOICES).default('auto'))
    .option('-o, --output <file>', 'file to write (default: stdout)')
    .option('--model <file>', 'syntax model from `kg train syntax` (default: the shipped model of the language)')
    .addHelpText(
      'after',
      `
Trees are Universal Dependencies for English and NDT (Norwegian Dependency Treebank) for Bokmål and
Nynorsk; UPOS and FEATS are Universal Dependencies' in every language. The scheme is named in the
output's first comment (kg parse FILE) and by kg eval parse.

Examples:
  kg parse corpus/nato-irak-2020.nb.txt -o nato.conllu
  echo "The ministers met in Oslo." | kg parse - --lang en
  kg parse --conllu ../shared/data/ud/en_ewt-ud-dev.conllu --lang en -o dev.parsed.conllu`,
    )
    .action((file: string | undefined, opts: { conllu?: string; lang: LanguageChoice; output?: string; model?: string }) => {
      if ((file === undefined) === (opts.conllu === undefined)) {
        throw new KgError('INVALID_SETTING', 'give either a text FILE (or -) or --conllu FILE, not both and not neither');
      }
      const input = opts.conllu ?? file!;
      refuseOutputOverInputs([input], opts.output);
      const r = opts.conllu ? parseConlluFile(opts.conllu, opts.lang, opts.model) : parseTextFile(file!, opts.lang, opts.model);
      emit(io, opts.output, r.text, `parsed ${r.sentences} sentences, ${r.words} words (${r.scheme} trees)`);
    });
}

/** Treebank files named on the command line: files as given, folders as their .conllu/.conll files, sorted. */
export function treebankFiles(paths: readonly string[], pattern = /\.(conllu|conll)$/): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new KgError('INPUT_NOT_FOUND', 'no such file or folder', p);
    if (statSync(p).isDirectory()) {
      const inside = readdirSync(p).filter((f) => pattern.test(f)).sort();
      if (inside.length === 0) throw new KgError('INPUT_EMPTY', `no ${pattern.source.replace(/[\\()$]/g, '').replace(/\|/g, ', ')} files in this folder`, p);
      out.push(...inside.map((f) => join(p, f)));
    } else out.push(p);
  }
  return out;
}

function schemeOf(sentences: readonly ConlluSentence[]): SyntaxScheme {
  return sentences.every((s) => s.words.every((w) => UD_UPOS.has(w.upos))) ? 'UD' : 'NDT';
}

export interface SyntaxTrainOptions {
  train: string[];
  output: string;
  lang?: string;
  seed: number;
  tagEpochs: number;
  parseEpochs: number;
  minCount: number;
  jackknife: number;
  /** Treebanks only the parser trains on (another written standard of the language). */
  also?: string[];
  /** Sightings a parser feature of the --also trees alone needs. */
  alsoMinCount?: number;
}

/** `kg train syntax`: reads every treebank file, trains, writes the model file. */
export function runSyntaxTrain(opts: SyntaxTrainOptions, io: Io): void {
  if (!opts.lang || !(LANGUAGES as readonly string[]).includes(opts.lang)) {
    throw new KgError('INVALID_SETTING', `kg train syntax needs --lang ${LANGUAGES.join('|')}${opts.lang ? `, got "${opts.lang}"` : ''}`);
  }
  refuseOutputOverInputs([...opts.train, ...(opts.also ?? [])], opts.output);
  const read = (paths: string[]) => {
    const files = treebankFiles(paths);
    const sentences: ConlluSentence[] = [];
    for (const f of files) {
      const inFile = parseConllu(readTextFile(f), f);
      for (const [k, s] of inFile.entries()) {
        const bad = s.words.find((w) => w.head < 0 || w.deprel === '_');
        if (bad) throw new KgError('INPUT_INVALID', `sentence ${k + 1}: a word without HEAD or DEPREL: not a treebank`, `${f}:${bad.line + 1}`);
      }
      sentences.push(...inFile);
    }
    return { files, sentences };
  };
  const { files, sentences } = read(opts.train);
  const also = opts.also && opts.also.length > 0 ? read(opts.also) : undefined;
  const scheme = schemeOf(sentences);
  if (also && schemeOf(also.sentences) !== scheme) {
    throw new KgError('INVALID_SETTING', `--also treebanks must have the scheme of --train (${scheme} trees), got ${schemeOf(also.sentences)} trees`);
  }
  const words = sentences.reduce((n, s) => n + s.words.length, 0);
  io.err(`kg: training ${opts.lang} syntax (${scheme} trees) on ${sentences.length} sentences, ${words} words from ${files.length} file(s)\n`);
  if (also) io.err(`kg: the parser also trains on ${also.sentences.length} sentences from ${also.files.length} file(s) (--also; not the tagger or lemmatiser)\n`);
  const started = performance.now();
  const model = trainSyntax(sentences, {
    language: opts.lang,
    scheme,
    seed: opts.seed,
    tagEpochs: opts.tagEpochs,
    parseEpochs: opts.parseEpochs,
    minCount: opts.minCount,
    jackknife: opts.jackknife,
    ...(also ? { parserAlso: also.sentences, alsoMinCount: opts.alsoMinCount ?? DEFAULT_SYNTAX_TRAIN_SETTINGS.alsoMinCount } : {}),
    onProgress: (m) => io.err(`kg: ${m} [${((performance.now() - started) / 1000).toFixed(0)} s]\n`),
  });
  const bytes = encodeSyntaxModel(model);
  writeFileAtomic(opts.output, bytes);
  io.err(`kg: wrote ${opts.output} (${(bytes.length / 1e6).toFixed(2)} MB) in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
}


/** `kg eval parse GOLD [PRED]`: scores PRED, or the model's parse of GOLD's words, against GOLD. */
export function runParseEval(args: string[], io: Io, options: { json?: boolean; model?: string; lang?: LanguageChoice }): number {
  if (args.length < 1 || args.length > 2) throw new KgError('INVALID_SETTING', `usage: kg eval parse GOLD [PRED] (got ${args.length} file arguments)`);
  const [goldPath, predPath] = args as [string, string | undefined];
  const gold = parseConllu(readTextFile(goldPath), goldPath);
  let pred: ConlluSentence[];
  let scheme = schemeOf(gold);
  if (predPath !== undefined) pred = parseConllu(readTextFile(predPath), predPath);
  else {
    const r = parseConlluFile(goldPath, options.lang ?? 'auto', options.model);
    pred = parseConllu(r.text, goldPath);
    scheme = r.scheme as SyntaxScheme;
  }
  // NDT files carry NDT's tags in column 4: their UPOS is the NDT-to-UD mapping of the gold annotation.
  const goldScheme = schemeOf(gold);
  if (goldScheme === 'NDT') {
    for (const s of gold) {
      const ud = ndtToUd(s.words.map((w) => ({ form: w.form, lemma: w.lemma, pos: w.xpos, feats: w.feats, head: w.head, deprel: w.deprel })));
      s.words.forEach((w, i) => (w.upos = ud.upos[i]!));
    }
  }
  const score = scoreParse(gold, pred, predPath ?? goldPath);
  const note = goldScheme === 'NDT' ? ' (gold UPOS: the NDT-to-UD mapping of the gold tags)' : '';
  io.out(options.json ? `${JSON.stringify({ scheme, goldUpos: goldScheme === 'NDT' ? 'mapped from NDT' : 'as given', ...score }, null, 2)}\n` : `scheme: ${scheme}${note}\n${formatParseScore(score)}`);
  return 0;
}
