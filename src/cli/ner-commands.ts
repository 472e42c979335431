// NER commands: `kg train ner` (train a tagger on CoNLL files), `kg tag` (write predicted tags into a CoNLL
// file's column 10) and `kg eval ner` (entity-level precision, recall and F1 against gold tags).
import { Option, type Command } from 'commander';
import { KgError } from '../errors.js';
import {
  DEFAULT_TRAIN_SETTINGS,
  encodeModel,
  formatNerScore,
  kbTagsFor,
  parseConll,
  requireTags,
  scoreNer,
  tagSentence,
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
import { defaultKbIndex, loadDefaultTagger, loadTaggerFile, writeModelFile } from './model.js';
import { runSyntaxTrain } from './syntax-commands.js';
import { DEFAULT_SYNTAX_TRAIN_SETTINGS as SYNTAX_TRAIN_DEFAULTS } from '../syntax/analyse.js';
import { LANGUAGES } from '../types.js';

const pct = (x: number) => (100 * x).toFixed(2);

function readTagged(path: string, useKb: boolean): TaggedSentence[] {
  const sentences = requireTags(parseConll(readTextFile(path), path), path);
  if (useKb) {
    const index = defaultKbIndex();
    for (const s of sentences) s.kbTags = kbTagsFor(s.tokens, index);
  }
  return sentences;
}

function tagAll(tagger: Tagger, sentences: readonly { tokens: string[] }[]): string[][] {
  const index = tagger.usesKb ? defaultKbIndex() : undefined;
  return sentences.map((s) => tagSentence(tagger, s.tokens, index));
}

function epochLine(e: EpochLog, epochs: number, seconds: number): string {
  const d = e.dev.overall;
  const errors = `${e.trainTokenErrors} training errors (${((100 * e.trainTokenErrors) / Math.max(1, e.trainTokens)).toFixed(2)}% of tokens)`;
  return `kg: epoch ${e.epoch}/${epochs}: ${errors}, dev P ${pct(d.precision)} R ${pct(d.recall)} F1 ${pct(d.f1)} (untyped F1 ${pct(e.dev.untyped.f1)})${e.best ? ' best' : ''} [${seconds.toFixed(1)} s]\n`;
}

export function registerNerCommands(program: Command, io: Io): void {
  program
    .command('train')
    .description('train a model: `kg train ner` (entity tagger, CoNLL files with name= tags) or `kg train syntax` (tagger, lemmatiser and parser, from treebanks)')
    .argument('<what>', 'what to train: ner or syntax')
    .requiredOption('--train <files...>', 'training data: ner: one CoNLL file with name=B-XXX/I-XXX/O in column 10; syntax: CoNLL-U or NDT files or folders of them')
    .option('--dev <file>', 'ner: development data, the epoch with the best typed entity F1 on it is kept')
    .requiredOption('-o, --output <file>', 'model file to write (gzip)')
    .option('--lang <lang>', `syntax: the language the model is for (${LANGUAGES.join(', ')})`)
    .option('--seed <n>', 'shuffling seed (same data and seed, same model bytes)', parseNumber('--seed', 0, 2 ** 31 - 1, true))
    .option('--epochs <n>', 'ner: passes over the training data', parseNumber('--epochs', 1, 1000, true), DEFAULT_TRAIN_SETTINGS.epochs)
    .option('--tag-epochs <n>', 'syntax: passes of the part-of-speech tagger', parseNumber('--tag-epochs', 1, 100, true), SYNTAX_TRAIN_DEFAULTS.tagEpochs)
    .option('--parse-epochs <n>', 'syntax: passes of the parser', parseNumber('--parse-epochs', 1, 100, true), SYNTAX_TRAIN_DEFAULTS.parseEpochs)
    .option('--jackknife <k>', 'syntax: train the parser on tags from k jackknifed taggers (0: gold tags)', parseNumber('--jackknife', 0, 20, true), SYNTAX_TRAIN_DEFAULTS.jackknife)
    .option('--dropout <x>', 'ner: share of features hidden from each update (0 to 0.9)', parseNumber('--dropout', 0, 0.9), DEFAULT_TRAIN_SETTINGS.dropout)
    .option('--min-count <n>', 'leave out features seen fewer times in the training data', parseNumber('--min-count', 1, 1000, true))
    .option('--prune <x>', 'ner: drop features whose weights are all at most this (absolute)', parseNumber('--prune', 0, 1000), DEFAULT_TRAIN_SETTINGS.prune)
    .addOption(new Option('--no-kb', 'ner: do not use the knowledge-base feature'))
    .addHelpText(
      'after',
      `
Examples:
  kg train ner --train norne-nob-train.ndt.conll --dev norne-nob-dev.ud.conllu -o src/ner/model/norne-nb.model.gz
  kg train ner --train mine.conllu --dev mine-dev.conllu -o mine.model.gz --epochs 30 --seed 7
  kg train syntax --lang nb --train ../shared/data/norne/norne-nob-train.ndt.conll -o src/syntax/model/nb.model.gz
  kg train syntax --lang en --train ../shared/data/ud/en_ewt-ud-train.conllu ../shared/data/gum/train -o src/syntax/model/en.model.gz`,
    )
    .action((what: string, raw: { train: string[]; dev?: string; output: string; lang?: string; seed?: number; epochs: number; tagEpochs: number; parseEpochs: number; jackknife: number; dropout: number; minCount?: number; prune: number; kb: boolean }) => {
      if (what === 'syntax') {
        runSyntaxTrain({ ...raw, seed: raw.seed ?? SYNTAX_TRAIN_DEFAULTS.seed, minCount: raw.minCount ?? SYNTAX_TRAIN_DEFAULTS.minCount }, io);
        return;
      }
      if (what !== 'ner') throw new KgError('INVALID_SETTING', `unknown model "${what}": \`kg train ner\` and \`kg train syntax\` exist`);
      if (raw.train.length !== 1) throw new KgError('INVALID_SETTING', `kg train ner takes one --train file, got ${raw.train.length}`);
      if (raw.dev === undefined) throw new KgError('INVALID_SETTING', 'kg train ner needs --dev FILE (the epoch with the best dev F1 is kept)');
      const opts = { ...raw, train: raw.train[0]!, dev: raw.dev, seed: raw.seed ?? DEFAULT_TRAIN_SETTINGS.seed, minCount: raw.minCount ?? DEFAULT_TRAIN_SETTINGS.minCount };
      const train = readTagged(opts.train, opts.kb);
      const dev = readTagged(opts.dev, opts.kb);
      const tokens = train.reduce((n, s) => n + s.tokens.length, 0);
      io.err(`kg: training on ${train.length} sentences (${tokens} tokens), selecting on ${dev.length} dev sentences\n`);
      const started = performance.now();
      let last = started;
      const result = trainTagger(train, dev, {
        seed: opts.seed,
        epochs: opts.epochs,
        dropout: opts.dropout,
        minCount: opts.minCount,
        prune: opts.prune,
        useKb: opts.kb,
        onEpoch: (e) => {
          const now = performance.now();
          io.err(epochLine(e, opts.epochs, (now - last) / 1000));
          last = now;
        },
      });
      const bytes = encodeModel(result.tagger);
      writeModelFile(opts.output, bytes);
      const d = result.dev.overall;
      io.err(
        `kg: kept epoch ${result.bestEpoch}: dev P ${pct(d.precision)} R ${pct(d.recall)} F1 ${pct(d.f1)} (untyped F1 ${pct(result.dev.untyped.f1)}); ` +
          `${result.features} features; wrote ${opts.output} (${(bytes.length / 1e6).toFixed(2)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
      );
    });

  program
    .command('tag')
    .description('tag a CoNLL/CoNLL-U file: writes name=B-XXX/I-XXX/O into column 10, every other byte kept')
    .requiredOption('--conllu <file>', 'CoNLL-X or CoNLL-U file to tag')
    .option('-o, --output <file>', 'file to write (default: stdout)')
    .option('--model <file>', 'model file from `kg train ner` (default: the shipped NorNE model)')
    .addHelpText('after', '\nExamples:\n  kg tag --conllu in.conllu -o tagged.conllu\n  kg tag --conllu in.conllu --model my.model.gz > tagged.conllu')
    .action((opts: { conllu: string; output?: string; model?: string }) => {
      refuseOutputOverInputs([opts.conllu], opts.output);
      const text = readTextFile(opts.conllu);
      const sentences = parseConll(text, opts.conllu);
      const tagger = opts.model ? loadTaggerFile(opts.model) : loadDefaultTagger();
      const tags = tagAll(tagger, sentences);
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

/** `kg eval ner GOLD [PRED]`: scores PRED (or the default model's tags for GOLD) against GOLD; returns the exit code. */
export async function runNerEval(args: string[], io: Io, options: { json?: boolean; model?: string } = {}): Promise<number> {
  if (args.length < 1 || args.length > 2) {
    throw new KgError('INVALID_SETTING', `usage: kg eval ner GOLD [PRED] (got ${args.length} file arguments)`);
  }
  const [goldPath, predPath] = args as [string, string | undefined];
  const gold = requireTags(parseConll(readTextFile(goldPath), goldPath), goldPath);
  let pred: string[][];
  if (predPath !== undefined) {
    const p = requireTags(parseConll(readTextFile(predPath), predPath), predPath);
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
    const tagger = options.model ? loadTaggerFile(options.model) : loadDefaultTagger();
    pred = tagAll(tagger, gold);
  }
  const score: NerScore = scoreNer(
    gold.map((s) => s.tags),
    pred,
  );
  io.out(options.json ? `${JSON.stringify(score, null, 2)}\n` : formatNerScore(score));
  return 0;
}
