// The `kg` command: parses flags, calls the core, writes files and maps errors to one-line messages
// and exit codes (0 ok, 1 unexpected failure or a score below --fail-under, 2 bad input or usage).

import { Command, CommanderError, Option } from 'commander';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { KgError } from '../errors.js';
import { GENERATOR, PACKAGE_VERSION } from '../version.js';
import { LANGUAGE_CHOICES, makeDocument, type LanguageChoice } from '../pipeline.js';
import { validateKbFile, type KbFile } from '../kb/index.js';
import { createCliExtractor } from './extractor.js';
import { buildGraph } from '../graph/build.js';
import { serializeGraph } from '../graph/serialize.js';
import { layoutGraph, SIZE_BY, type SizeBy } from '../layout/index.js';
import { formatStats, graphStats } from '../graph/stats.js';
import { parseGoldFile } from '../eval/gold.js';
import { formatEvalReport, scoreGraph, sumScores, toJsonReport, type FileReport } from '../eval/score.js';
import { readDocuments, readStdin, readTextFile, writeFileAtomic } from './io.js';
import type { DocumentExtraction, GraphFile, Language } from '../types.js';
import { defaultIo, ExitCode, parseNumber, readGraph, type Io } from './common.js';
import { registerExportCommands } from './export-commands.js';
import { registerNerCommands, runNerEval } from './ner-commands.js';

function loadUserKb(paths: string[] | undefined): KbFile[] {
  return (paths ?? []).map((p) => {
    const text = readTextFile(p);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new KgError('INVALID_KB', `not valid JSON (${(e as Error).message.split('\n')[0]})`, p);
    }
    return validateKbFile(json, p);
  });
}

/** Builds a graph file from inputs: the core of `kg build` and `kg eval`, without writing anything. */
export function buildGraphFile(
  inputs: { id: string; text: string; path?: string; title?: string; date?: string; url?: string; lang?: string }[],
  options: { name: string; lang: LanguageChoice; kb: KbFile[]; seed: number; layout: boolean; minConfidence: number; dropUnasserted: boolean; iterations?: number; sizeBy?: SizeBy },
): string {
  const extractor = createCliExtractor(options.kb);
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
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();

  program
    .command('build')
    .description('extract entities and relations from documents and write a graph file (GRAPH_FORMAT.md)')
    .argument('<inputs...>', 'text files, folders (every .txt/.md below), JSONL files ({"id","text",…} per line) or - for stdin')
    .option('-o, --output <file>', 'graph file to write (default: stdout)')
    .addOption(new Option('--lang <lang>', 'document language').choices(LANGUAGE_CHOICES).default('auto'))
    .option('--seed <n>', 'layout seed (same seed, same file)', parseNumber('--seed', 0, 2 ** 31 - 1, true), 42)
    .option('--no-layout', 'skip the ForceAtlas2 layout (all positions 0)')
    .option('--iterations <n>', 'ForceAtlas2 iterations (default: by graph size)', parseNumber('--iterations', 1, 100000, true))
    .addOption(new Option('--size-by <what>', 'node size from').choices(SIZE_BY).default('mentions'))
    .option('--min-confidence <x>', 'drop relations below this confidence (0..1)', parseNumber('--min-confidence', 0, 1), 0)
    .option('--drop-unasserted', 'drop negated and hypothetical relations instead of keeping them flagged')
    .option('--kb <files...>', 'extra knowledge-base JSON files (same format as src/kb/data/*.json)')
    .option('--name <name>', 'graph name (default: from the output or input file name)')
    .option('--strict', 'exit with code 2 when any document was skipped')
    .addHelpText(
      'after',
      `
Examples:
  kg build corpus/nato-irak-2020.nb.txt -o graphs/nato-irak-2020.json
  kg build some/folder/ -o graphs/folder.json
  cat article.txt | kg build - -o out.json
  kg build articles.jsonl --lang nb --min-confidence 0.7 -o out.json`,
    )
    .action((inputs: string[], opts) => {
      const { documents, skipped } = readDocuments(inputs, readStdin);
      for (const s of skipped) io.err(`kg: warning: skipped ${s.where}: ${s.reason}\n`);
      if (documents.length === 0) throw new KgError('INPUT_EMPTY', 'no readable documents', inputs.join(' '));
      const name = opts.name ?? (opts.output ? basename(opts.output).replace(/\.json$/i, '') : documents.length === 1 ? documents[0]!.id : 'graph');
      const json = buildGraphFile(documents, {
        name,
        lang: opts.lang,
        kb: loadUserKb(opts.kb),
        seed: opts.seed,
        layout: opts.layout,
        minConfidence: opts.minConfidence,
        dropUnasserted: !!opts.dropUnasserted,
        iterations: opts.iterations,
        sizeBy: opts.sizeBy,
      });
      if (opts.output && opts.output !== '-') {
        writeFileAtomic(opts.output, json);
        const file = JSON.parse(json) as GraphFile;
        io.err(`kg: wrote ${opts.output}: ${documents.length} document(s), ${file.nodes.length} entities, ${file.edges.length} relations${skipped.length ? `, ${skipped.length} skipped` : ''}\n`);
      } else {
        io.out(json);
      }
      if (opts.strict && skipped.length > 0) throw new KgError('INPUT_INVALID', `${skipped.length} document(s) skipped (--strict)`, inputs.join(' '));
    });

  registerExportCommands(program, io);

  program
    .command('stats')
    .description('counts by entity type and relation, and the top entities')
    .argument('<graph>', 'graph JSON file')
    .option('--top <n>', 'how many top entities to list', parseNumber('--top', 1, 1000, true), 10)
    .option('--json', 'print the statistics as JSON')
    .addHelpText('after', '\nExamples:\n  kg stats graphs/nato-irak-2020.json\n  kg stats graphs/nato-irak-2020.json --json --top 20')
    .action((graphPath: string, opts: { top: number; json?: boolean }) => {
      const stats = graphStats(readGraph(graphPath), { top: opts.top });
      io.out(opts.json ? `${JSON.stringify(stats, null, 2)}\n` : formatStats(stats));
    });

  program
    .command('eval')
    .description('score the extractor against gold files (rules: shared/eval/README.md)')
    .argument('<gold...>', 'gold files or folders of *.gold.json')
    .option('--json', 'print the report as JSON')
    .option('--kb <files...>', 'extra knowledge-base JSON files')
    .option('--fail-under <f1>', 'exit with code 1 when the total relation F1 is below this', parseNumber('--fail-under', 0, 1))
    .option('--save-graphs <dir>', 'also write the graph built for each gold document into this folder')
    .addHelpText('after', '\nExamples:\n  kg eval ../shared/eval/no\n  kg eval ../shared/eval/no/nato-irak-2020.gold.json --json')
    .action(async (golds: string[], opts: { json?: boolean; kb?: string[]; failUnder?: number; saveGraphs?: string }) => {
      if (golds[0] === 'ner') {
        const code = await runNerEval(golds.slice(1), io);
        if (code !== 0) throw new ExitCode(code);
        return;
      }
      const kb = loadUserKb(opts.kb);
      const reports: FileReport[] = [];
      for (const goldPath of goldFilesIn(golds)) {
        const gold = parseGoldFile(readTextFile(goldPath), goldPath);
        const docPath = goldDocumentPath(goldPath, gold.document);
        const name = basename(goldPath).replace(/\.gold\.json$/, '');
        const json = buildGraphFile([{ id: name, text: readTextFile(docPath), path: gold.document, lang: gold.language }], {
          name,
          lang: 'auto',
          kb,
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
    .description('serve the viewer for a graph file on 127.0.0.1 and print its URL')
    .argument('<graph>', 'graph JSON file')
    .option('-p, --port <port>', 'port (default: an unused one)', parseNumber('--port', 0, 65535, true), 0)
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .addHelpText('after', '\nExamples:\n  kg view graphs/nato-irak-2020.json\n  kg view graphs/nato-irak-2020.json --port 8080')
    .action(async (graphPath: string, opts: { port: number; host: string }) => {
      readGraph(graphPath); // fail early on a bad graph file
      const { serveViewer } = await import('./serve.js');
      const server = await serveViewer({ graphPath: resolve(graphPath), host: opts.host, port: opts.port });
      io.out(`kg: serving ${graphPath} at ${server.url}\n`);
      io.out('kg: press Ctrl+C to stop\n');
      await new Promise<void>((done) => {
        const stop = () => {
          void server.close().then(done);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });

  registerNerCommands(program, io);
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
    if (e instanceof KgError) {
      io.err(`kg: ${e.where ? `${e.where}: ` : ''}${e.message}\n`);
      return 2;
    }
    const msg = e instanceof Error ? e.message : String(e);
    io.err(`kg: unexpected error: ${msg.split('\n')[0]}\n`);
    if (process.env.KG_DEBUG && e instanceof Error) io.err(`${e.stack}\n`);
    return 1;
  }
}
