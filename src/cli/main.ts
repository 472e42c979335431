// The `kg` command: parses flags, calls the core, writes files and maps errors to one-line messages
// and exit codes (0 ok, 1 unexpected failure or a score below --fail-under, 2 bad input or usage).

import { Command, CommanderError, Option } from 'commander';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileSystemError, KgError } from '../errors.js';
import { GENERATOR, PACKAGE_VERSION } from '../version.js';
import { LANGUAGE_CHOICES, makeDocument, type LanguageChoice } from '../pipeline.js';
import { validateKbFile, type KbFile } from '../kb/index.js';
import { createCliExtractor } from './extractor.js';
import { refuseOutputOverInputs } from './io.js';
import { buildGraph, GraphAccumulator, type DocumentContribution } from '../graph/build.js';
import { checkState, readState, stateHeaderLine, stateLine, type RecordedSettings, type StateHeader } from '../graph/update.js';
import { graphToFile, parseGraphFile, serializeGraph } from '../graph/serialize.js';
import { layoutGraph, SIZE_BY, type SizeBy } from '../layout/index.js';
import { formatStats, graphStats } from '../graph/stats.js';
import { parseGoldFile } from '../eval/gold.js';
import { formatEvalReport, scoreGraph, sumScores, toJsonReport, type FileReport } from '../eval/score.js';
import {
  inputBytes,
  LineSpool,
  readDocumentStream,
  readLines,
  readTextFile,
  stdinChunks,
  STDIN_FORMATS,
  temporaryPathBeside,
  writeFileAtomic,
  type SkippedInput,
  type StdinFormat,
} from './io.js';
import { defaultJobs, extractors, type ExtractionResult } from './worker.js';
import { Progress } from './progress.js';
import type { DocumentExtraction, DocumentMeta, GraphFile, Language } from '../types.js';
import { defaultIo, ExitCode, parseNumber, readGraph, readGraphJson, type Io } from './common.js';
import { detectInputFormat, readGraphText } from '../export/formats.js';
import { registerExportCommands } from './export-commands.js';
import { registerNerCommands, runNerEval } from './ner-commands.js';
import { registerSyntaxCommands, runParseEval } from './syntax-commands.js';
import { chooseModel } from './model.js';
import { registerStoreCommands } from './store-commands.js';
import { oneGraphSource } from './sources.js';

function loadUserKb(paths: string[] | undefined): KbFile[] {
  return loadUserKbWithHashes(paths).files;
}

/** The user's knowledge-base files, and the sha256 of each (an update must use the same ones). */
function loadUserKbWithHashes(paths: string[] | undefined): { files: KbFile[]; hashes: string[] } {
  const hashes: string[] = [];
  const files = (paths ?? []).map((p) => {
    const text = readTextFile(p);
    hashes.push(createHash('sha256').update(text).digest('hex'));
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new KgError('INVALID_KB', `not valid JSON (${(e as Error).message.split('\n')[0]})`, p);
    }
    return validateKbFile(json, p);
  });
  return { files, hashes };
}

/** The build state of a graph file lives beside it: graphs/x.json → graphs/x.json.kgstate. */
export function statePathOf(graphPath: string): string {
  return `${graphPath}.kgstate`;
}

export interface BuildCommandOptions {
  store?: string;
  queueOnly?: boolean;
  lease?: number;
  output?: string;
  update?: string;
  lang: LanguageChoice;
  seed: number;
  layout: boolean;
  syntax: boolean;
  frames?: string[];
  iterations?: number;
  sizeBy: SizeBy;
  minConfidence: number;
  dropUnasserted?: boolean;
  kb?: string[];
  name?: string;
  strict?: boolean;
  jobs?: number;
  quiet?: boolean;
  state: boolean;
  stdinFormat: StdinFormat;
  model?: string;
  tagger: boolean;
}

/** Joins lines into chunks of about a megabyte, so a large file is written in few system calls. */
function* chunked(lines: Iterable<string>): Generator<string> {
  let chunk = '';
  for (const line of lines) {
    chunk += `${line}\n`;
    if (chunk.length >= 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

interface PreviousBuild {
  name: string;
  documents: DocumentMeta[];
  header: StateHeader;
  statePath: string;
}

/** The graph to update and its build state, checked against each other before any work is done. */
async function loadForUpdate(graphPath: string, io: Io): Promise<PreviousBuild> {
  const graph = readGraphJson(graphPath);
  const statePath = statePathOf(graphPath);
  if (!existsSync(statePath)) {
    throw new KgError('INPUT_NOT_FOUND', `no build state beside the graph (${statePath}): build the graph once with \`kg build … -o ${graphPath}\``, graphPath);
  }
  const checked = await checkState(readLines(statePath), statePath, graph.attributes.documents);
  if ('mismatch' in checked) throw new KgError('INVALID_GRAPH', `the build state does not match the graph (${checked.mismatch}): rebuild the graph`, statePath);
  if (checked.header.generator !== GENERATOR) {
    io.err(`kg: warning: ${graphPath} was built by ${checked.header.generator}; documents extracted by different versions may differ (rebuild for a consistent graph)\n`);
  }
  return { name: graph.attributes.name, documents: graph.attributes.documents, header: checked.header, statePath };
}

/** The extraction settings of a build: given now, or (for an update) the recorded ones where not given now. */
export function resolveBuildSettings(opts: BuildCommandOptions, command: Command, recorded: RecordedSettings | undefined) {
  // An update extracts like the build it continues: settings not given now are the recorded ones.
  const given = (option: string) => command.getOptionValueSource(option) === 'cli';
  const lang = (recorded && !given('lang') ? recorded.lang : opts.lang) as LanguageChoice;
  const minConfidence = recorded && !given('minConfidence') ? recorded.minConfidence : opts.minConfidence;
  const dropUnasserted = recorded && !given('dropUnasserted') ? recorded.dropUnasserted : !!opts.dropUnasserted;
  const kb = loadUserKbWithHashes(opts.kb);
  // The tagger too; a recorded model file cannot be found from its hash, so only "none" carries over by itself.
  const model = chooseModel(recorded?.model === 'none' && !given('model') && !given('tagger') ? { tagger: false } : opts);
  // Frames files and the syntax stage change what is extracted too; like --kb, they are given again on an update.
  const syntax = recorded && !given('syntax') ? recorded.syntax !== false : opts.syntax;
  const frameHashes = (opts.frames ?? []).map((p) => createHash('sha256').update(readTextFile(p)).digest('hex'));
  const settings: RecordedSettings = {
    lang,
    minConfidence,
    dropUnasserted,
    kb: kb.hashes,
    model: model.hash,
    ...(frameHashes.length > 0 ? { frames: frameHashes } : {}),
    ...(syntax === false ? { syntax: false as const } : {}),
  };
  return { lang, minConfidence, dropUnasserted, kb, model, syntax, settings };
}

/**
 * `kg build`: streams the inputs through the extractors (worker threads for --jobs > 1), merges results in input
 * order into the graph (adding, replacing or skipping by hash when updating), then lays out and writes the graph
 * and its build state. Memory holds the graph and the document ids, not the documents or what each contributed:
 * that goes to a temporary file and becomes the build state, in id order.
 */
async function runBuild(inputs: string[], opts: BuildCommandOptions, command: Command, io: Io): Promise<void> {
  const started = performance.now();
  if (opts.store !== undefined) {
    if (opts.update !== undefined) throw new KgError('INVALID_SETTING', '--store and --update exclude each other: a store is updated by building into it again', opts.store);
    if (opts.output !== undefined) throw new KgError('INVALID_SETTING', '--store keeps the graph in the store: write a file from it with `kg export --store URL -o FILE`', opts.output);
    const { settings, kb, model } = resolveBuildSettings(opts, command, undefined);
    const { runStoreBuild } = await import('./store-commands.js');
    const lease = opts.lease !== undefined ? { lease: opts.lease * 1000 } : {};
    await runStoreBuild(inputs, opts.store, { settings, kb: kb.files, frames: opts.frames ?? [], model: model.model }, { ...opts, ...lease }, io);
    return;
  }
  for (const [option, name] of [[opts.queueOnly, '--queue-only'], [opts.lease, '--lease']] as const) {
    if (option !== undefined) throw new KgError('INVALID_SETTING', `${name} goes with --store`, name);
  }
  const previous = opts.update ? await loadForUpdate(opts.update, io) : undefined;

  const { lang, minConfidence, dropUnasserted, kb, model, syntax, settings } = resolveBuildSettings(opts, command, previous?.header.settings);
  const recorded = previous?.header.settings;
  if (recorded && JSON.stringify(settings) !== JSON.stringify(recorded)) {
    throw new KgError(
      'INVALID_SETTING',
      `the graph was built with other extraction settings (${JSON.stringify(recorded)}, now ${JSON.stringify(settings)}): update with the same --lang, --min-confidence, --drop-unasserted, --kb and --frames files, tagger model (--model, --no-tagger) and --no-syntax, or rebuild`,
      opts.update,
    );
  }

  const output = opts.output ?? opts.update;
  refuseOutputOverInputs(inputs, output);
  const toFile = output !== undefined && output !== '-';
  // A folder is no graph file: said before any work, so that nothing (graph, build state) is left beside it.
  if (toFile && (/[\\/]$/.test(output) || (existsSync(output) && statSync(output).isDirectory()))) {
    throw new KgError('INVALID_SETTING', `is a folder: -o names the graph file to write, e.g. ${join(output, 'graph.json')}`, output);
  }
  const accumulator = new GraphAccumulator();
  const oldHashes = new Map(previous?.documents.map((d) => [d.id, d.hash]));
  const replaced = new Set<string>();
  const refreshed = new Map<string, DocumentMeta>();
  const spool = toFile && opts.state ? new LineSpool(temporaryPathBeside(output, 'state')) : undefined;
  const keep = (c: DocumentContribution) => {
    accumulator.add(c);
    spool?.put(c.document.id, stateLine(c));
  };

  const jobs = opts.jobs ?? defaultJobs();
  const pool = extractors(jobs, { kb: kb.files, model: model.model, ...(syntax === false ? { syntax: false as const } : {}), ...(opts.frames ? { frames: opts.frames } : {}), settings: { minConfidence, keepNonAsserted: !dropUnasserted } });
  const progress =
    !opts.quiet && io === defaultIo && process.stderr.isTTY ? new Progress({ write: io.err, totalBytes: inputBytes(inputs) }) : undefined;
  const counts = { added: 0, replaced: 0, unchanged: 0, skipped: 0, documents: 0, bytes: 0 };
  const warn = (s: SkippedInput) => {
    counts.skipped++;
    progress?.done();
    io.err(`kg: warning: skipped ${s.where}: ${s.reason}\n`);
  };

  // Results are taken in input order (a window of documents is in flight), so warnings, and everything else,
  // come out the same whatever the number of jobs.
  type Item = { skipped: SkippedInput; bytes: number } | { id: string; where: string; bytes: number; result: Promise<ExtractionResult> };
  const queue: Item[] = [];
  let inFlight = 0;
  const window = Math.max(2, jobs * 4);
  const takeFirst = async () => {
    const item = queue.shift()!;
    counts.bytes += item.bytes;
    if ('skipped' in item) {
      warn(item.skipped);
      return;
    }
    inFlight--;
    const r = await item.result;
    counts.documents++;
    if (r.kind === 'failed') {
      warn({ where: item.where, reason: `extraction failed: ${r.message}` });
    } else if (r.kind === 'unchanged') {
      refreshed.set(item.id, r.document);
      counts.unchanged++;
    } else {
      keep(r.contribution);
      if (oldHashes.has(item.id)) {
        replaced.add(item.id);
        counts.replaced++;
      } else counts.added++;
    }
    progress?.update(counts.documents, counts.bytes);
  };

  let onlyId: string | undefined;
  try {
    try {
      const seen = new Map<string, string>();
      let seq = 0;
      for await (const event of readDocumentStream(inputs, { stdin: stdinChunks, stdinFormat: opts.stdinFormat })) {
        if (event.kind === 'skipped') {
          queue.push({ skipped: event.skipped, bytes: event.bytes });
        } else {
          const { document, where, bytes } = event;
          const first = seen.get(document.id);
          if (first !== undefined) {
            queue.push({ skipped: { where, reason: `duplicate document id "${document.id}" (also in ${first})` }, bytes });
          } else {
            seen.set(document.id, where);
            onlyId = seen.size === 1 ? document.id : undefined;
            const knownHash = oldHashes.get(document.id);
            const result = pool.run({ seq: seq++, document, lang, ...(knownHash !== undefined ? { knownHash } : {}) });
            result.catch(() => undefined); // awaited in order by takeFirst; a failure must not count as unhandled meanwhile
            queue.push({ id: document.id, where, bytes, result });
            inFlight++;
          }
        }
        while (queue.length > 0 && ('skipped' in queue[0]! || inFlight >= window)) await takeFirst();
      }
      pool.end();
      while (queue.length > 0) await takeFirst();
    } finally {
      await pool.close();
    }

    // The documents of the graph being updated that were not replaced: what they contributed comes from its state.
    if (previous) {
      progress?.note(`reading ${previous.documents.length - replaced.size} documents from the build state`);
      for await (const item of readState(readLines(previous.statePath), previous.statePath)) {
        if (item.kind !== 'document' || replaced.has(item.contribution.document.id)) continue;
        const meta = refreshed.get(item.contribution.document.id);
        keep(meta ? { ...item.contribution, document: meta } : item.contribution);
      }
    }
    if (accumulator.size === 0) throw new KgError('INPUT_EMPTY', 'no readable documents', inputs.join(' '));

    const name = opts.name ?? previous?.name ?? (toFile ? basename(output).replace(/\.json$/i, '') : (onlyId ?? 'graph'));
    progress?.note(`merging ${accumulator.size} documents`);
    const graph = accumulator.toGraph({ name, generator: GENERATOR });
    if (opts.layout) {
      progress?.note(`laying out ${graph.order} nodes and ${graph.size} edges`);
      layoutGraph.assign(graph, { seed: opts.seed, ...(opts.iterations ? { iterations: opts.iterations } : {}), sizeBy: opts.sizeBy });
    }
    progress?.note('writing');
    const json = serializeGraph(graph);
    const totals = `${accumulator.size} document(s)${
      previous ? ` (${counts.added} new, ${counts.replaced} changed, ${counts.unchanged} unchanged)` : ''
    }, ${graph.order} entities, ${graph.size} relations${counts.skipped ? `, ${counts.skipped} skipped` : ''}`;
    if (toFile) {
      // The graph first: a graph that could not be written leaves no build state behind either.
      writeFileAtomic(output, json);
      if (spool) writeFileAtomic(statePathOf(output), chunked([stateHeaderLine({ kgState: 1, generator: GENERATOR, settings }), ...spool.sortedLines()]));
      progress?.done();
      if (!opts.quiet) io.err(`kg: ${previous ? 'updated' : 'wrote'} ${output}: ${totals}\n`);
    } else {
      progress?.done();
      io.out(json);
      if (!opts.quiet) io.err(`kg: built ${totals} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    }
  } catch (e) {
    progress?.done();
    throw e;
  } finally {
    spool?.close();
  }
  if (opts.strict && counts.skipped > 0) throw new KgError('INPUT_INVALID', `${counts.skipped} document(s) skipped (--strict)`, inputs.join(' '));
}

/** True when the text is a graph file as kg writes it (strictly valid). */
function isOwnGraphFile(text: string, where: string): boolean {
  try {
    parseGraphFile(text, where);
    return true;
  } catch {
    return false;
  }
}

/** Builds a graph file from inputs: the core of `kg build` and `kg eval`, without writing anything. */
export function buildGraphFile(
  inputs: { id: string; text: string; path?: string; title?: string; date?: string; url?: string; lang?: string }[],
  options: { name: string; lang: LanguageChoice; kb: KbFile[]; model?: string | false; syntax?: false; frames?: string[]; seed: number; layout: boolean; minConfidence: number; dropUnasserted: boolean; iterations?: number; sizeBy?: SizeBy },
): string {
  const extractor = createCliExtractor(options.kb, { model: options.model, ...(options.syntax === false ? { syntax: false as const } : {}), ...(options.frames ? { frames: options.frames } : {}) });
  const extractions: DocumentExtraction[] = inputs.map((raw) => {
    const lang = options.lang !== 'auto' ? options.lang : ((LANGUAGE_CHOICES as readonly string[]).includes(raw.lang ?? '') ? (raw.lang as Language) : 'auto');
    const doc = makeDocument({ ...raw, language: lang });
    return extractor.extract(doc, { minConfidence: options.minConfidence, keepNonAsserted: !options.dropUnasserted });
  });
  const graph = buildGraph(extractions, { name: options.name, generator: GENERATOR });
  if (options.layout) {
    layoutGraph.assign(graph, { seed: options.seed, ...(options.iterations ? { iterations: options.iterations } : {}), ...(options.sizeBy ? { sizeBy: options.sizeBy } : {}) });
  }
  return serializeGraph(graph);
}

function goldFilesIn(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new KgError('INPUT_NOT_FOUND', 'no such file or directory', p);
    if (statSync(p).isDirectory()) {
      const files = readdirSync(p).filter((f) => f.endsWith('.gold.json')).sort();
      if (files.length === 0) throw new KgError('INPUT_EMPTY', 'no *.gold.json files in this folder', p);
      out.push(...files.map((f) => join(p, f)));
    } else out.push(p);
  }
  return out;
}

/** A gold file's `document` is relative to the shared folder that holds eval/: look upwards for it. */
function goldDocumentPath(goldPath: string, document: string): string {
  let dir = dirname(resolve(goldPath));
  for (let i = 0; i < 4; i++) {
    const candidate = resolve(dir, document);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new KgError('INPUT_NOT_FOUND', `gold document "${document}" not found next to the gold folder`, goldPath);
}

export function createProgram(io: Io = defaultIo): Command {
  const program = new Command();
  program
    .name('kg')
    .description('Build knowledge graphs from news text: entities, typed relations with evidence, layout, viewer and exports.')
    .version(PACKAGE_VERSION, '-V, --version')
    // Option and argument errors in the style of every other error, on one line: `kg: <what> (see --help)`.
    .configureOutput({
      writeOut: io.out,
      writeErr: io.err,
      outputError: (text, write) => write(`kg: ${text.trim().replace(/^error: /, '')} (see --help)\n`),
    })
    .exitOverride();

  program
    .command('build')
    .description('extract entities and relations from documents and write a graph file (GRAPH_FORMAT.md)')
    .argument('<inputs...>', 'text files, folders (every .txt/.md/.jsonl below), JSONL files ({"id","text",…} per line) or - for stdin')
    .option('-o, --output <file>', 'graph file to write (default: stdout; with --update: the graph updated)')
    .option('--update <graph>', 'add the inputs to this graph: new documents are added, changed ones replaced, unchanged ones skipped')
    .option('--store <url>', 'build into a graph store instead of a file: a SQLite file path, or postgres://… (documents already there with the same text are skipped; more machines can help with `kg work --store URL`)')
    .option('--queue-only', 'with --store: queue the documents and leave their extraction to `kg work`')
    .option('--lease <seconds>', 'with --store: a document goes back to the queue when its worker is silent this long (default 60)', parseNumber('--lease', 1, 86400))
    .addOption(new Option('--lang <lang>', 'document language').choices(LANGUAGE_CHOICES).default('auto'))
    .option('--seed <n>', 'layout seed (same seed, same file)', parseNumber('--seed', 0, 2 ** 31 - 1, true), 42)
    .option('--no-layout', 'skip the ForceAtlas2 layout (all positions 0)')
    .option('--iterations <n>', 'ForceAtlas2 iterations (default: by graph size)', parseNumber('--iterations', 1, 100000, true))
    .addOption(new Option('--size-by <what>', 'node size from').choices(SIZE_BY).default('mentions'))
    .option('--min-confidence <x>', 'drop relations below this confidence (0..1)', parseNumber('--min-confidence', 0, 1), 0)
    .option('--drop-unasserted', 'drop negated and hypothetical relations instead of keeping them flagged')
    .option('--kb <files...>', 'extra knowledge-base JSON files (same format as src/kb/data/*.json)')
    .option('--model <file>', 'NER tagger model that finds names (from `kg train ner`), for the languages it was trained for (default: the shipped model of each language)')
    .option('--no-tagger', 'find names the knowledge base does not know by capitalisation rules only, without the tagger')
    .option('--no-syntax', 'skip the syntax stage (no trees: relations then come from the older word-order rules)')
    .option('--frames <files...>', 'extra relation frames JSON files (same format as src/lang/*/frames.json), added to the shipped ones')
    .option('--name <name>', 'graph name (default: from the output or input file name)')
    .option('-j, --jobs <n>', `documents extracted in parallel, in worker threads (default: the number of cores, ${defaultJobs()} here)`, parseNumber('--jobs', 1, 256, true))
    .addOption(new Option('--stdin-format <format>', 'what - reads: one text document, or JSONL').choices(STDIN_FORMATS).default('text'))
    .option('--no-state', 'do not write the build state (graph.json.kgstate) that --update needs')
    .option('-q, --quiet', 'no progress and no summary (warnings are still printed)')
    .option('--strict', 'exit with code 2 when any document was skipped (the graph is still written)')
    .addHelpText(
      'after',
      `
Examples:
  kg build corpus/nato-irak-2020.nb.txt -o graphs/nato-irak-2020.json
  kg build some/folder/ -o graphs/folder.json
  cat article.txt | kg build - -o out.json
  kg build articles.jsonl --lang nb --min-confidence 0.7 -o out.json
  kg build archive/ --jobs 4 -o graphs/archive.json
  kg build --update graphs/archive.json today/
  kg build archive/ --store archive.sqlite --jobs 4
  kg build archive/ --store postgres://kg@localhost/archive`,
    )
    .action((inputs: string[], opts: BuildCommandOptions, command: Command) => runBuild(inputs, opts, command, io));

  registerExportCommands(program, io);

  program
    .command('stats')
    .description('counts by entity type and relation, and the top entities')
    .argument('[graph]', 'graph file: JSON, GEXF or GraphML (or --store)')
    .option('--store <url>', 'the graph of a store (SQLite file or postgres://…) instead of a file')
    .option('--top <n>', 'how many top entities to list', parseNumber('--top', 1, 1000, true), 10)
    .option('--json', 'print the statistics as JSON')
    .addHelpText('after', '\nExamples:\n  kg stats graphs/nato-irak-2020.json\n  kg stats graphs/nato-irak-2020.json --json --top 20\n  kg stats --store archive.sqlite')
    .action(async (graphPath: string | undefined, opts: { top: number; json?: boolean; store?: string }) => {
      const source = oneGraphSource(graphPath, opts.store);
      const file = source.store !== undefined ? graphToFile(await (await import('./store-commands.js')).graphOfStore(source.store, { layout: false })) : readGraph(source.graph, (t) => io.err(t));
      const stats = graphStats(file, { top: opts.top });
      io.out(opts.json ? `${JSON.stringify(stats, null, 2)}\n` : formatStats(stats));
    });

  program
    .command('eval')
    .description('score the extractor against gold files (rules: shared/eval/README.md)')
    .argument('<gold...>', 'gold files or folders of *.gold.json')
    .option('--json', 'print the report as JSON')
    .option('--kb <files...>', 'extra knowledge-base JSON files')
    .option('--model <file>', 'NER tagger model (default: the shipped one); with `eval ner`: the model to score')
    .option('--no-tagger', 'score the capitalisation rules alone, without the tagger')
    .option('--fail-under <f1>', 'exit with code 1 when the total relation F1 is below this', parseNumber('--fail-under', 0, 1))
    .option('--save-graphs <dir>', 'also write the graph built for each gold document into this folder')
    .option('--no-syntax', 'score without the syntax stage (relations from the older word-order rules)')
    .option('--frames <files...>', 'extra relation frames JSON files')
    .option('--syntax-model <file>', 'with `eval parse`: the syntax model to score (default: the shipped one of --lang)')
    .addOption(new Option('--lang <lang>', 'with `eval parse` and `eval ner`: the language of GOLD, which picks the shipped model (auto: detected)').choices(LANGUAGE_CHOICES).default('auto'))
    .option('--types <list>', 'with `eval ner`: score only these types, e.g. PER,ORG,LOC (others count as O; GPE_LOC and GPE_ORG count as LOC when only LOC is named)')
    .addHelpText(
      'after',
      [
        '',
        'kg eval parse GOLD [PRED] scores the syntax stage: UPOS, XPOS, lemma, UAS and LAS (labels up to their first',
        '":"), every word counted, and P/R/F1 per label. Without PRED, the model of --lang parses GOLD\'s words first.',
        '',
        'kg eval ner GOLD [PRED] scores a NER tagger instead: entity-level precision, recall and F1 per type and',
        'overall (exact span and type, as conlleval counts), and untyped span F1, on a CoNLL-U file with name= tags.',
        'Without PRED, the tagger (--model, default the shipped one) tags GOLD first.',
        '',
        'Examples:',
        '  kg eval ../shared/eval/no',
        '  kg eval ../shared/eval/no --no-tagger           (the capitalisation rules alone, for comparison)',
        '  kg eval ../shared/eval/no/nato-irak-2020.gold.json --json',
        '  kg eval ner ../shared/data/norne/norne-nob-dev.ud.conllu',
        '  kg eval ner gold.conllu predicted.conllu --json',
        '  kg eval parse ../shared/data/ud/en_ewt-ud-dev.conllu --lang en',
      ].join('\n'),
    )
    .action(async (golds: string[], opts: { json?: boolean; kb?: string[]; model?: string; tagger: boolean; syntax: boolean; frames?: string[]; failUnder?: number; saveGraphs?: string; syntaxModel?: string; lang: LanguageChoice; types?: string }) => {
      if (golds[0] === 'parse') {
        runParseEval(golds.slice(1), io, { ...(opts.json ? { json: true } : {}), ...(opts.syntaxModel !== undefined ? { model: opts.syntaxModel } : {}), lang: opts.lang });
        return;
      }
      if (golds[0] === 'ner') {
        const code = await runNerEval(golds.slice(1), io, { ...(opts.json ? { json: true } : {}), ...(opts.model !== undefined ? { model: opts.model } : {}), lang: opts.lang, ...(opts.types !== undefined ? { types: opts.types } : {}) });
        if (code !== 0) throw new ExitCode(code);
        return;
      }
      const kb = loadUserKb(opts.kb);
      const model = chooseModel(opts).model;
      const reports: FileReport[] = [];
      for (const goldPath of goldFilesIn(golds)) {
        const gold = parseGoldFile(readTextFile(goldPath), goldPath);
        const docPath = goldDocumentPath(goldPath, gold.document);
        const name = basename(goldPath).replace(/\.gold\.json$/, '');
        const json = buildGraphFile([{ id: name, text: readTextFile(docPath), path: gold.document, lang: gold.language }], {
          name,
          lang: 'auto',
          kb,
          model,
          ...(opts.syntax === false ? { syntax: false as const } : {}),
          ...(opts.frames ? { frames: opts.frames } : {}),
          seed: 42,
          layout: false,
          minConfidence: 0,
          dropUnasserted: false,
        });
        if (opts.saveGraphs) writeFileAtomic(join(opts.saveGraphs, `${name}.json`), json);
        reports.push({ name, score: scoreGraph(JSON.parse(json) as GraphFile, gold) });
      }
      const total = sumScores(reports.map((r) => r.score));
      io.out(opts.json ? `${JSON.stringify(toJsonReport(reports, total), null, 2)}\n` : formatEvalReport(reports, total));
      if (opts.failUnder !== undefined && total.relations.scores.f1 < opts.failUnder) {
        io.err(`kg: relation F1 ${total.relations.scores.f1.toFixed(3)} is below --fail-under ${opts.failUnder}\n`);
        throw new ExitCode(1);
      }
    });

  program
    .command('view')
    .description('serve the viewer for graph files on 127.0.0.1 and print their URLs')
    .argument('[graphs...]', 'graph files: JSON, GEXF or GraphML (or --store); the first opens at the URL, each at its own ?graph= URL')
    .option('--store <url>', 'explore a graph store (SQLite file or postgres://…): the page asks the store for what it shows')
    .option('-p, --port <port>', 'port (default: an unused one)', parseNumber('--port', 0, 65535, true), 0)
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .addHelpText(
      'after',
      '\nExamples:\n  kg view graphs/nato-irak-2020.json\n  kg view graphs/nato-irak-2020.json --port 8080\n  kg view a.json b.gexf c.graphml   (one URL per graph)\n  kg view --store archive.sqlite',
    )
    .action(async (graphArgs: string[], opts: { port: number; host: string; store?: string }) => {
      if (graphArgs.length > 1 && opts.store !== undefined) throw new KgError('INVALID_SETTING', 'give graph files or --store, not both', graphArgs[0]);
      const source = oneGraphSource(graphArgs[0], opts.store);
      const waitForStop = () =>
        new Promise<void>((done) => {
          process.once('SIGINT', done);
          process.once('SIGTERM', done);
        });
      if (source.store !== undefined) {
        const [{ GraphStore }, { StoreQueries }, { serveViewer }] = await Promise.all([import('../store/index.js'), import('../store/query.js'), import('./serve.js')]);
        const store = await GraphStore.open(source.store, { create: false });
        try {
          const server = await serveViewer({ store: new StoreQueries(store), host: opts.host, port: opts.port });
          io.out(`kg: serving ${store.where} at ${server.url}\n`);
          io.out('kg: press Ctrl+C to stop\n');
          await waitForStop();
          await server.close();
        } finally {
          await store.close();
        }
        return;
      }
      // Every graph is read first: a bad one stops the command before anything is served, and what was adapted is said.
      const served = graphArgs.map((graphPath) => {
        readGraph(graphPath, (t) => io.err(t));
        const text = readTextFile(graphPath);
        // kg's own JSON is served as it is; any other graph (GEXF, GraphML, another program's JSON) as kg reads it.
        const own = detectInputFormat(text, graphPath) === 'json' && isOwnGraphFile(text, graphPath);
        return { graphPath, ...(own ? {} : { toJson: (t: string) => JSON.stringify(readGraphText(t, graphPath)) }) };
      });
      const names = new Set<string>();
      const named = served.map((g) => {
        const stem = basename(g.graphPath).replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '-').replace(/^[.-]+/, '') || 'graph';
        let name = `${stem}.json`;
        for (let n = 2; names.has(name); n++) name = `${stem}-${n}.json`;
        names.add(name);
        return { name, path: resolve(g.graphPath), ...(g.toJson ? { toJson: g.toJson } : {}) };
      });
      const first = served[0]!;
      const { serveViewer } = await import('./serve.js');
      const server = await serveViewer({
        graphPath: resolve(first.graphPath),
        host: opts.host,
        port: opts.port,
        ...(first.toJson ? { toJson: first.toJson } : {}),
        ...(named.length > 1 ? { graphs: named } : {}),
      });
      io.out(`kg: serving ${first.graphPath} at ${server.url}\n`);
      for (let i = 1; i < named.length; i++) io.out(`kg: serving ${served[i]!.graphPath} at ${server.url}?graph=graphs/${encodeURIComponent(named[i]!.name)}\n`);
      io.out('kg: press Ctrl+C to stop\n');
      await waitForStop();
      await server.close();
    });

  registerNerCommands(program, io);
  registerSyntaxCommands(program, io);
  registerStoreCommands(program, io);
  return program;
}

/** Runs the CLI with argv (process.argv shape) and returns the exit code. */
export async function run(argv: string[], io: Io = defaultIo): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof ExitCode) return e.code;
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    const error = e instanceof KgError ? e : fileSystemError(e);
    if (error) {
      io.err(`kg: ${error.where ? `${error.where}: ` : ''}${error.message}\n`);
      return 2;
    }
    const msg = e instanceof Error ? e.message : String(e);
    io.err(`kg: unexpected error: ${msg.split('\n')[0]}\n`);
    if (process.env.KG_DEBUG && e instanceof Error) io.err(`${e.stack}\n`);
    return 1;
  }
}
