// NER commands: `kg train ner` (train or cross-validate a tagger on NorNE CoNLL, GUM or IOB2 files), `kg tag` (write predicted tags into a CoNLL
// file's column 10) and `kg eval ner` (entity-level precision, recall and F1 against gold tags).
import { Option, type Command } from 'commander';
import { KgError } from '../errors.js';
import {
  DEFAULT_TRAIN_SETTINGS,
  crossValidate,
  repeated,
  encodeModel,
  formatNerScore,
  kbTagsFor,
  parseConll,
  gumTagged,
  readGum,
  readTaggedText,
  scoreNer,
  tagSentence,
  taggedFormat,
  tagsToSpans,
  trainTagger,
  writeConllTags,
  type EpochLog,
  type NerScore,
  type TaggedSentence,
  type Tagger,
} from '../ner/index.js';
import { parseNumber, type Io } from './common.js';
import { readTextFile, refuseOutputOverInputs, writeFileAtomic } from './io.js';
import { withGazetteers } from '../ner/kb.js';
import { defaultKbIndex, loadShippedSyntax, loadShippedTagger, loadTaggerFile, writeModelFile } from './model.js';
import { runSyntaxTrain, treebankFiles } from './syntax-commands.js';
import { DEFAULT_SYNTAX_TRAIN_SETTINGS as SYNTAX_TRAIN_DEFAULTS, partsOfSpeech } from '../syntax/analyse.js';
import { LANGUAGES, type Language } from '../types.js';
import { detectLanguage } from '../text/language.js';
import { getLanguageResources, titleMatcher } from '../lang/index.js';

const pct = (x: number) => (100 * x).toFixed(2);

/** How `kg train ner` and `kg eval ner` read tagged data. */
interface ReadOptions {
  useKb: boolean;
  usePlaces: boolean;
  useNames: boolean;
  /** Parts of speech from the shipped syntax model of each file's language. */
  usePos: boolean;
  /** Type renaming (FROM → TO; TO "O" drops the type). */
  mapTypes?: ReadonlyMap<string, string>;
  /** The language of the files (else detected from each file's words). */
  lang?: Language;
}

/** The language of a file of sentences: as given, or detected from its words. */
function fileLanguage(sentences: readonly { tokens: readonly string[] }[], lang?: Language): Language {
  if (lang) return lang;
  let text = '';
  for (const s of sentences) {
    text += s.tokens.join(' ') + '\n';
    if (text.length > 20_000) break;
  }
  return detectLanguage(text);
}

/**
 * A tagged file's sentences (NorNE CoNLL, GUM, IOB2) and its language (given, or detected from its words); GUM's
 * person names lose their titles by that language's title words.
 */
function readTaggedFile(text: string, path: string, given?: Language): { sentences: TaggedSentence[]; lang: Language } {
  if (taggedFormat(text) !== 'gum') {
    const sentences = readTaggedText(text, path);
    return { sentences, lang: fileLanguage(sentences, given) };
  }
  const gum = readGum(text, path);
  const lang = fileLanguage(gum.map((s) => ({ tokens: s.words.map((w) => w.form) })), given);
  return { sentences: gumTagged(gum, titleMatcher(getLanguageResources(lang))), lang };
}

/** Reads one tagged file with the features the options ask for. */
function readTagged(path: string, options: ReadOptions): TaggedSentence[] {
  const { sentences, lang } = readTaggedFile(readTextFile(path), path, options.lang);
  if (options.mapTypes) {
    const map = options.mapTypes;
    for (const s of sentences) {
      s.tags = s.tags.map((t) => {
        if (t === 'O') return t;
        const to = map.get(t.slice(2));
        return to === undefined ? t : to === 'O' ? 'O' : `${t.slice(0, 2)}${to}`;
      });
    }
  }
  if (options.useKb) {
    const index = defaultKbIndex();
    const use = { places: options.usePlaces, names: options.useNames };
    for (const s of sentences) s.kbTags = withGazetteers(kbTagsFor(s.tokens, index), s.tokens, use);
  }
  if (options.usePos) {
    const model = loadShippedSyntax(lang);
    for (const s of sentences) s.pos = partsOfSpeech(model, s.tokens);
  }
  return sentences;
}

function readAll(paths: readonly string[], options: ReadOptions): TaggedSentence[] {
  const out: TaggedSentence[] = [];
  for (const p of treebankFiles(paths, /\.(conllu|conll|iob2|txt)$/)) for (const s of readTagged(p, options)) out.push(s);
  return out;
}

/** `--map-types GPE_LOC=LOC,DRV=O`: a map from type to type (O drops it). */
function parseTypeMap(spec: string | undefined): Map<string, string> | undefined {
  if (spec === undefined) return undefined;
  const map = new Map<string, string>();
  for (const part of spec.split(',')) {
    const m = /^([A-Za-z][\w-]*)=([A-Za-z][\w-]*)$/.exec(part.trim());
    if (!m) throw new KgError('INVALID_SETTING', `--map-types: "${part}" is not FROM=TO (e.g. GPE_LOC=LOC,DRV=O)`);
    map.set(m[1]!, m[2]!);
  }
  return map;
}

function tagAll(tagger: Tagger, sentences: readonly { tokens: string[] }[], lang: Language): string[][] {
  const index = tagger.usesKb ? defaultKbIndex() : undefined;
  const model = tagger.usesPos ? loadShippedSyntax(lang) : undefined;
  return sentences.map((s) => tagSentence(tagger, s.tokens, index, model ? partsOfSpeech(model, s.tokens) : undefined));
}

/** The tagger for `kg tag` and `kg eval ner`: the user's file, or the shipped model of the language. */
function chooseTagger(model: string | undefined, lang: Language): Tagger {
  return model ? loadTaggerFile(model) : loadShippedTagger(lang);
}

function epochLine(e: EpochLog, epochs: number, seconds: number, withDev: boolean): string {
  const d = e.dev.overall;
  const errors = `${e.trainTokenErrors} training errors (${((100 * e.trainTokenErrors) / Math.max(1, e.trainTokens)).toFixed(2)}% of tokens)`;
  const dev = withDev ? `, dev P ${pct(d.precision)} R ${pct(d.recall)} F1 ${pct(d.f1)} (untyped F1 ${pct(e.dev.untyped.f1)})` : '';
  return `kg: epoch ${e.epoch}/${epochs}: ${errors}${dev}${e.best ? ' kept' : ''} [${seconds.toFixed(1)} s]\n`;
}

export function registerNerCommands(program: Command, io: Io): void {
  program
    .command('train')
    .description('train a model: `kg train ner` (entity tagger, from NorNE CoNLL, GUM or IOB2 files) or `kg train syntax` (tagger, lemmatiser and parser, from treebanks)')
    .argument('<what>', 'what to train: ner or syntax')
    .requiredOption('--train <files...>', 'training data, files or folders: ner: CoNLL with name= tags in column 10, GUM CoNLL-U (entity layer), or IOB2; syntax: CoNLL-U or NDT')
    .option('--also <files...>', 'more training data: ner: data that cross-validation never holds out (another language, another corpus); syntax: treebanks of the same scheme that only the parser trains on (another written standard: Nynorsk for Bokmål)')
    .option('--repeat <n>', 'ner: every --train sentence counts n times in each epoch (weighs it against --also data; never held out twice)', parseNumber('--repeat', 1, 20, true), 1)
    .option('--dev <file>', 'ner: development data, scored after every epoch (and used to choose the epoch with --select-on-dev)')
    .option('-o, --output <file>', 'model file to write (gzip); not with --cv')
    .option('--cv <k>', 'ner: k-fold cross-validation on --train (with --also added to every fold\'s training part): mean held-out F1 per epoch, no model written', parseNumber('--cv', 2, 20, true))
    .option('--lang <lang>', `the language the model is for (${LANGUAGES.join(', ')}; ner: several as nb,nn), recorded in the model`)
    .option('--seed <n>', 'shuffling seed (same data and seed, same model bytes)', parseNumber('--seed', 0, 2 ** 31 - 1, true))
    .option('--epochs <n>', 'ner: passes over the training data (the last is kept)', parseNumber('--epochs', 1, 1000, true), DEFAULT_TRAIN_SETTINGS.epochs)
    .option('--select-on-dev', 'ner: keep the epoch with the best --dev F1 instead of the last (the dev score is then no test)')
    .option('--pos', 'ner: use parts of speech from the shipped syntax model of each file\'s language as a feature')
    .option('--map-types <map>', 'ner: rename entity types, FROM=TO,... (TO = O drops a type), e.g. GPE_LOC=LOC,GPE_ORG=LOC,DRV=O')
    .option('--tag-epochs <n>', 'syntax: passes of the part-of-speech tagger', parseNumber('--tag-epochs', 1, 100, true), SYNTAX_TRAIN_DEFAULTS.tagEpochs)
    .option('--parse-epochs <n>', 'syntax: passes of the parser', parseNumber('--parse-epochs', 1, 100, true), SYNTAX_TRAIN_DEFAULTS.parseEpochs)
    .option('--jackknife <k>', 'syntax: train the parser on tags from k jackknifed taggers (0: gold tags)', parseNumber('--jackknife', 0, 20, true), SYNTAX_TRAIN_DEFAULTS.jackknife)
    .option('--also-min-count <n>', `syntax: sightings a parser feature seen only in the --also treebanks needs to get a weight (default: ${SYNTAX_TRAIN_DEFAULTS.alsoMinCount})`, parseNumber('--also-min-count', 1, 1000, true))
    .option('--dropout <x>', 'ner: share of features hidden from each update (0 to 0.9)', parseNumber('--dropout', 0, 0.9), DEFAULT_TRAIN_SETTINGS.dropout)
    .option('--min-count <n>', 'leave out features seen fewer times in the training data', parseNumber('--min-count', 1, 1000, true))
    .option('--prune <x>', 'ner: drop features whose weights are all at most this (absolute)', parseNumber('--prune', 0, 1000), DEFAULT_TRAIN_SETTINGS.prune)
    .addOption(new Option('--no-kb', 'ner: do not use the knowledge-base feature'))
    .addOption(new Option('--no-names', 'ner: do not use the list of given names (src/kb/data/given-names.json) in the knowledge-base feature'))
    .addOption(new Option('--no-places', 'ner: do not use the gazetteer of towns and cities (src/kb/data/places.json) in the knowledge-base feature'))
    .addHelpText(
      'after',
      `
Examples:
  kg train ner --cv 5 --train norne-nob-train.ndt.conll --also norne-nno-train.ndt.conll --pos
  kg train ner --lang nb,nn --pos --train norne-nob-train.ndt.conll --also norne-nno-train.ndt.conll --epochs 18 -o src/ner/model/no.model.gz
  kg train ner --lang en --pos --train ../shared/data/gum/train -o en.model.gz
  kg train syntax --lang nb --train ../shared/data/norne/norne-nob-train.ndt.conll -o src/syntax/model/nb.model.gz
  kg train syntax --lang en --train ../shared/data/ud/en_ewt-ud-train.conllu ../shared/data/gum/train -o src/syntax/model/en.model.gz`,
    )
    .action(
      (
        what: string,
        raw: { train: string[]; also?: string[]; dev?: string; output?: string; cv?: number; lang?: string; seed?: number; epochs: number; selectOnDev?: boolean; pos?: boolean; mapTypes?: string; tagEpochs: number; parseEpochs: number; jackknife: number; dropout: number; minCount?: number; alsoMinCount?: number; prune: number; kb: boolean; places: boolean; names: boolean; repeat: number },
      ) => {
        if (what === 'syntax') {
          if (raw.output === undefined) throw new KgError('INVALID_SETTING', 'kg train syntax needs -o FILE (the model file to write)');
          runSyntaxTrain({ ...raw, output: raw.output, seed: raw.seed ?? SYNTAX_TRAIN_DEFAULTS.seed, minCount: raw.minCount ?? SYNTAX_TRAIN_DEFAULTS.minCount }, io);
          return;
        }
        if (what !== 'ner') throw new KgError('INVALID_SETTING', `unknown model "${what}": \`kg train ner\` and \`kg train syntax\` exist`);
        runNerTrain(raw, io);
      },
    );

  program
    .command('tag')
    .description('tag a CoNLL/CoNLL-U file: writes name=B-XXX/I-XXX/O into column 10, every other byte kept')
    .requiredOption('--conllu <file>', 'CoNLL-X or CoNLL-U file to tag')
    .option('-o, --output <file>', 'file to write (default: stdout)')
    .option('--model <file>', 'model file from `kg train ner` (default: the shipped model of the language)')
    .addOption(new Option('--lang <lang>', 'the language of the file, which picks the shipped model (auto: detected from its words)').choices(['auto', ...LANGUAGES]).default('auto'))
    .addHelpText('after', '\nExamples:\n  kg tag --conllu in.conllu -o tagged.conllu\n  kg tag --conllu en.conllu --lang en > tagged.conllu\n  kg tag --conllu in.conllu --model my.model.gz > tagged.conllu')
    .action((opts: { conllu: string; output?: string; model?: string; lang: 'auto' | Language }) => {
      refuseOutputOverInputs([opts.conllu], opts.output);
      const text = readTextFile(opts.conllu);
      const sentences = parseConll(text, opts.conllu);
      const lang = opts.lang === 'auto' ? fileLanguage(sentences) : opts.lang;
      const tags = tagAll(chooseTagger(opts.model, lang), sentences, lang);
      const out = writeConllTags(text, tags, opts.conllu);
      if (opts.output && opts.output !== '-') {
        writeFileAtomic(opts.output, out);
        const entities = tags.reduce((n, t) => n + tagsToSpans(t).length, 0);
        const tokens = sentences.reduce((n, s) => n + s.tokens.length, 0);
        io.err(`kg: tagged ${sentences.length} sentences, ${tokens} tokens, ${entities} entities; wrote ${opts.output}\n`);
      } else {
        io.out(out);
      }
    });
}

interface NerTrainOptions {
  train: string[];
  also?: string[];
  dev?: string;
  output?: string;
  cv?: number;
  lang?: string;
  seed?: number;
  epochs: number;
  selectOnDev?: boolean;
  pos?: boolean;
  mapTypes?: string;
  dropout: number;
  minCount?: number;
  prune: number;
  kb: boolean;
  places: boolean;
  names: boolean;
  repeat: number;
}

/** The languages of `--lang` for a NER model: one or several, comma-separated. */
function nerLanguages(spec: string | undefined): Language[] {
  if (spec === undefined) return [];
  const langs = spec.split(',').map((l) => l.trim());
  for (const l of langs) if (!(LANGUAGES as readonly string[]).includes(l)) throw new KgError('INVALID_SETTING', `--lang: unknown language "${l}" (expected ${LANGUAGES.join(', ')}, or several as nb,nn)`);
  return langs as Language[];
}

function runNerTrain(raw: NerTrainOptions, io: Io): void {
  if (raw.cv !== undefined && raw.output !== undefined) throw new KgError('INVALID_SETTING', '--cv measures and writes no model: leave out -o');
  if (raw.cv === undefined && raw.output === undefined) throw new KgError('INVALID_SETTING', 'kg train ner needs -o FILE (the model file to write), or --cv K to cross-validate');
  if (raw.selectOnDev && raw.dev === undefined) throw new KgError('INVALID_SETTING', '--select-on-dev needs --dev FILE');
  const langs = nerLanguages(raw.lang);
  const read: ReadOptions = { useKb: raw.kb, usePlaces: raw.kb && raw.places, useNames: raw.kb && raw.names, usePos: raw.pos === true, ...(raw.mapTypes !== undefined ? { mapTypes: parseTypeMap(raw.mapTypes)! } : {}) };
  const train = readAll(raw.train, langs.length === 1 ? { ...read, lang: langs[0]! } : read);
  const also = raw.also ? readAll(raw.also, read) : [];
  const dev = raw.dev !== undefined ? readTagged(raw.dev, langs.length === 1 ? { ...read, lang: langs[0]! } : read) : [];
  const settings = {
    seed: raw.seed ?? DEFAULT_TRAIN_SETTINGS.seed,
    epochs: raw.epochs,
    dropout: raw.dropout,
    minCount: raw.minCount ?? DEFAULT_TRAIN_SETTINGS.minCount,
    prune: raw.prune,
    useKb: raw.kb,
    usePlaces: raw.kb && raw.places,
    useNames: raw.kb && raw.names,
    usePos: raw.pos === true,
    selectOnDev: raw.selectOnDev === true,
    lang: langs.join(','),
  };
  const tokens = (xs: readonly TaggedSentence[]) => xs.reduce((n, s) => n + s.tokens.length, 0);
  const started = performance.now();
  if (raw.cv !== undefined) {
    const k = raw.cv;
    io.err(`kg: ${k}-fold cross-validation on ${train.length} sentences (${tokens(train)} tokens)${also.length ? `, ${also.length} more sentences in every training part` : ''}\n`);
    const cv = crossValidate(train, k, {
      ...settings,
      extra: also,
      repeat: raw.repeat,
      onFold: (fold, f1) => {
        const best = f1.indexOf(Math.max(...f1)) + 1;
        io.err(`kg: fold ${fold}/${k}: held-out F1 ${pct(f1[f1.length - 1]!)} after epoch ${f1.length}, best ${pct(f1[best - 1]!)} at epoch ${best} [${((performance.now() - started) / 1000).toFixed(1)} s]\n`);
      },
    });
    io.out(cv.meanF1.map((f, e) => `epoch ${e + 1}\tmean held-out F1 ${pct(f)}${e + 1 === cv.bestEpoch ? '\tbest' : ''}\n`).join(''));
    io.err(`kg: best mean held-out F1 ${pct(cv.meanF1[cv.bestEpoch - 1]!)} at epoch ${cv.bestEpoch} of ${settings.epochs} (${k} folds) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    return;
  }
  const output = raw.output!;
  refuseOutputOverInputs([...raw.train, ...(raw.also ?? []), ...(raw.dev !== undefined ? [raw.dev] : [])], output);
  io.err(`kg: training on ${train.length + also.length} sentences (${tokens(train) + tokens(also)} tokens)${dev.length ? `, scoring ${dev.length} dev sentences after each epoch` : ''}\n`);
  let last = started;
  const result = trainTagger([...repeated(train, raw.repeat), ...also], dev, {
    ...settings,
    onEpoch: (e) => {
      const now = performance.now();
      io.err(epochLine(e, settings.epochs, (now - last) / 1000, dev.length > 0));
      last = now;
    },
  });
  const bytes = encodeModel(result.tagger);
  writeModelFile(output, bytes);
  const d = result.dev.overall;
  const devPart = dev.length ? `: dev P ${pct(d.precision)} R ${pct(d.recall)} F1 ${pct(d.f1)} (untyped F1 ${pct(result.dev.untyped.f1)})` : '';
  io.err(`kg: kept epoch ${result.bestEpoch}${devPart}; ${result.features} features; wrote ${output} (${(bytes.length / 1e6).toFixed(2)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

/** `kg eval ner GOLD [PRED]`: scores PRED (or the model's tags for GOLD) against GOLD; returns the exit code. */
export async function runNerEval(args: string[], io: Io, options: { json?: boolean; model?: string; lang?: 'auto' | Language; types?: string } = {}): Promise<number> {
  if (args.length < 1 || args.length > 2) {
    throw new KgError('INVALID_SETTING', `usage: kg eval ner GOLD [PRED] (got ${args.length} file arguments)`);
  }
  const [goldPath, predPath] = args as [string, string | undefined];
  // GUM's person names without their titles, as training reads them.
  const { sentences: gold, lang } = readTaggedFile(readTextFile(goldPath), goldPath, !options.lang || options.lang === 'auto' ? undefined : options.lang);
  let pred: string[][];
  if (predPath !== undefined) {
    const p = readTaggedText(readTextFile(predPath), predPath);
    if (p.length !== gold.length) {
      throw new KgError('INPUT_INVALID', `has ${p.length} sentences, the gold file ${gold.length}`, predPath);
    }
    p.forEach((s, k) => {
      const g = gold[k]!;
      if (s.tokens.length !== g.tokens.length || s.tokens.some((t, i) => t !== g.tokens[i])) {
        throw new KgError('INPUT_INVALID', `sentence ${k + 1} has other tokens than the gold file's`, predPath);
      }
    });
    pred = p.map((s) => s.tags);
  } else {
    pred = tagAll(chooseTagger(options.model, lang), gold, lang);
  }
  let goldTags = gold.map((s) => s.tags);
  if (options.types !== undefined) {
    const keep = new Set(options.types.split(',').map((t) => t.trim()).filter((t) => t !== ''));
    if (keep.size === 0) throw new KgError('INVALID_SETTING', '--types: name at least one type, e.g. PER,ORG,LOC');
    // NorNE's GPE_LOC and GPE_ORG are places and bodies named by a place: LOC where only LOC is scored.
    const gpe = keep.has('LOC') && !keep.has('GPE_LOC') && !keep.has('GPE_ORG');
    const only = (tags: string[]) =>
      tags.map((t) => {
        if (t === 'O') return t;
        const type = gpe && (t.endsWith('-GPE_LOC') || t.endsWith('-GPE_ORG')) ? 'LOC' : t.slice(2);
        return keep.has(type) ? `${t.slice(0, 2)}${type}` : 'O';
      });
    goldTags = goldTags.map(only);
    pred = pred.map(only);
  }
  const score: NerScore = scoreNer(goldTags, pred);
  io.out(options.json ? `${JSON.stringify(score, null, 2)}\n` : formatNerScore(score));
  return 0;
}
