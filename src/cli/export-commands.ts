// `kg export`, `kg render` and `kg merge`: read any supported graph format, write any export format (src/export/).
import type { Command } from 'commander';
import { join } from 'node:path';
import { KgError } from '../errors.js';
import {
  EXPORT_FORMATS,
  FOLDER_FORMATS,
  exportGraph,
  formatFromExtension,
  isExportFormat,
  readGraphText,
  type ExportFormat,
  type ExportedFile,
} from '../export/formats.js';
import { mergeGraphFiles } from '../export/merge.js';
import { DEFAULT_SVG_SETTINGS, type SvgSettings } from '../export/svg.js';
import { graphFromFile, graphToFile } from '../graph/serialize.js';
import { layoutGraph } from '../layout/index.js';
import type { GraphFile } from '../types.js';
import { GENERATOR } from '../version.js';
import { parseNumber, readGraph, type Io } from './common.js';
import { oneGraphSource } from './sources.js';
import { readTextFile, refuseOutputOverInputs, writeFileAtomic } from './io.js';

/** Any readable graph file (JSON, GEXF, GraphML; detected from content, then extension). */
function readAnyGraph(path: string, io?: Io): GraphFile {
  return readGraph(path, io ? (t) => io.err(t) : undefined);
}

/**
 * The format asked for with --format, else the one the output name implies. Checked here rather than with
 * commander's choices, so that a wrong name gets the one-line `kg: <file>: <problem>` message.
 */
function chooseFormat(given: string | undefined, output: string | undefined, where: string, fallback?: ExportFormat, names: readonly string[] = EXPORT_FORMATS): ExportFormat {
  if (given !== undefined) {
    if (!isExportFormat(given)) {
      throw new KgError('INVALID_SETTING', `unknown format "${given}". Allowed choices are ${names.join(', ')}`, where);
    }
    return given;
  }
  const implied = output !== undefined && output !== '-' ? formatFromExtension(output) : undefined;
  if (implied) return implied;
  if (fallback) return fallback;
  throw new KgError('INVALID_SETTING', `no --format given and the output name does not imply one (${names.join(', ')})`, where);
}

/**
 * Writes an export. Every file is complete before anything is written, and each is written atomically
 * (temporary file, then rename): an interrupted export leaves no truncated file. A folder format (csv)
 * is written file by file, so an interruption between its files can leave one new and one old.
 */
function writeExport(files: ExportedFile[], format: ExportFormat, output: string | undefined, where: string, io: Io): void {
  if (FOLDER_FORMATS.includes(format)) {
    if (output === undefined || output === '-') {
      throw new KgError('INVALID_SETTING', `--format ${format} writes a folder: give it with -o <folder>`, where);
    }
    for (const file of files) writeFileAtomic(join(output, file.name), file.text);
    io.err(`kg: wrote ${output.replace(/[\/]+$/, '')}/ (${format}: ${files.map((f) => f.name).join(', ')})\n`);
    return;
  }
  const [file] = files;
  if (output === undefined || output === '-') {
    io.out(file.text);
    return;
  }
  writeFileAtomic(output, file.text);
  io.err(`kg: wrote ${output} (${format})\n`);
}

const FORMAT_HELP = `output format: ${EXPORT_FORMATS.join(', ')}, html (default: from the -o extension)`;

export function registerExportCommands(program: Command, io: Io): void {
  program
    .command('export')
    .description('convert a graph to another format (input: graph JSON, GEXF 1.1–1.3 or GraphML, detected)')
    .argument('[graph]', 'graph file: .json, .gexf or .graphml (or --store)')
    .option('-f, --format <format>', FORMAT_HELP)
    .option('--store <url>', 'export the graph of a store (SQLite file or postgres://…): the graph `kg build` gives for its documents')
    .option('--no-layout', 'with --store: skip the layout (all positions 0)')
    .option('--seed <n>', 'with --store: layout seed', parseNumber('--seed', 0, 2 ** 31 - 1, true), 42)
    .option('--name <name>', 'with --store: graph name (default: the one given to the build, else from the output file name)')
    .option('-o, --output <file>', 'file to write, or folder for csv (default: stdout)')
    .option('--keep-paths', 'html: keep the documents\' local file paths in the page (left out by default: the page is made for sharing)')
    .addHelpText(
      'after',
      `
Examples:
  kg export graphs/nato-irak-2020.json --format gexf -o graphs/nato-irak-2020.gexf
  kg export graphs/nato-irak-2020.json -o nato.graphml
  kg export edited-in-gephi.gexf -o graph.json
  kg export graphs/nato-irak-2020.json --format csv -o nato-csv/
  kg export graphs/nato-irak-2020.json --format html -o graph.html
  kg export graphs/nato-irak-2020.json --format cypher -o nato.cypher && cypher-shell -f nato.cypher
  kg export --store archive.sqlite -o archive.gexf`,
    )
    .action(async (graphArg: string | undefined, opts: { format?: string; output?: string; keepPaths?: boolean; store?: string; layout: boolean; seed: number; name?: string }) => {
      const source = oneGraphSource(graphArg, opts.store);
      const graphPath = source.graph ?? source.store!;
      // A SQLite store is a file too: an export must not replace it.
      refuseOutputOverInputs(source.graph !== undefined ? [graphPath] : /^postgres(?:ql)?:\/\//i.test(graphPath) ? [] : [graphPath.replace(/^sqlite:(\/\/)?/i, '')], opts.output);
      const load = async (): Promise<GraphFile> => {
        if (source.store === undefined) return readAnyGraph(graphPath, io);
        const { graphOfStore } = await import('./store-commands.js');
        return graphToFile(await graphOfStore(source.store, { layout: opts.layout, seed: opts.seed, ...(opts.name !== undefined ? { name: opts.name } : {}), ...(opts.output !== undefined ? { output: opts.output } : {}) }));
      };
      // The self-contained HTML page needs the built viewer, so it is made here in the CLI layer.
      if (opts.format === 'html' || (opts.format === undefined && /\.html?$/i.test(opts.output ?? ''))) {
        const file = await load();
        if (!opts.keepPaths) {
          file.attributes.documents = file.attributes.documents.map((d) => {
            const { path: _path, ...rest } = d;
            return rest;
          });
        }
        const { buildHtmlExport } = await import('./html-export.js');
        const html = buildHtmlExport(file);
        if (opts.output === undefined || opts.output === '-') io.out(html);
        else {
          writeFileAtomic(opts.output, html);
          io.err(`kg: wrote ${opts.output} (html)\n`);
        }
        return;
      }
      // (html was handled above: it is one of kg export's formats all the same.)
      const format = chooseFormat(opts.format, opts.output, graphPath, undefined, [...EXPORT_FORMATS, 'html']);
      const file = await load();
      writeExport(exportGraph(file, format), format, opts.output, graphPath, io);
    });

  program
    .command('render')
    .description('draw a laid-out graph as an SVG picture with labels and a legend of entity types')
    .argument('<graph>', 'graph file: .json, .gexf or .graphml')
    .option('-o, --output <file>', 'SVG file to write (default: stdout)')
    .option('--width <px>', 'picture width in pixels', parseNumber('--width', 200, 20000, true), DEFAULT_SVG_SETTINGS.width)
    .option('--no-labels', 'leave out node labels')
    .option('--no-edge-labels', 'leave out relation names on edges')
    .option('--no-legend', 'leave out the legend of entity types')
    .addHelpText('after', '\nExamples:\n  kg render graphs/nato-irak-2020.json -o nato.svg\n  kg render graph.gexf --width 2000 --no-edge-labels -o big.svg')
    .action((graphPath: string, opts: { output?: string; width: number; labels: boolean; edgeLabels: boolean; legend: boolean }) => {
      refuseOutputOverInputs([graphPath], opts.output);
      if (opts.output !== undefined && /\.png$/i.test(opts.output)) {
        throw new KgError(
          'UNSUPPORTED',
          'PNG is not supported (it needs a rasteriser this package does not ship): write .svg and convert it, e.g. `rsvg-convert g.svg -o g.png`',
          opts.output,
        );
      }
      const file = readAnyGraph(graphPath, io);
      const svg: Partial<SvgSettings> = { width: opts.width, nodeLabels: opts.labels, edgeLabels: opts.edgeLabels, legend: opts.legend };
      writeExport(exportGraph(file, 'svg', { svg }), 'svg', opts.output, graphPath, io);
    });

  program
    .command('merge')
    .description('merge graphs: same entity key, one node; evidence united without duplicates; weights recomputed')
    .argument('<graphs...>', 'graph files: .json, .gexf or .graphml, in any mix')
    .option('-o, --output <file>', 'file to write (default: stdout)')
    .option('-f, --format <format>', `output format: ${EXPORT_FORMATS.join(', ')} (default: from the -o extension, else json)`)
    .option('--name <name>', 'name of the merged graph (default: the first graph’s)')
    .option('--relayout', 'run the layout again on the merged graph (positions of different graphs do not fit together)')
    .option('--seed <n>', 'layout seed for --relayout', parseNumber('--seed', 0, 2 ** 31 - 1, true), 42)
    .addHelpText('after', '\nExamples:\n  kg merge a.json b.gexf -o c.json\n  kg merge graphs/*.json --relayout -o all.json')
    .action((graphPaths: string[], opts: { output?: string; format?: string; name?: string; relayout?: boolean; seed: number }) => {
      refuseOutputOverInputs(graphPaths, opts.output);
      const where = graphPaths.join(' ');
      const format = chooseFormat(opts.format, opts.output, opts.output ?? where, 'json');
      const files = graphPaths.map((p) => readAnyGraph(p, io));
      let merged = mergeGraphFiles(files, { generator: GENERATOR, ...(opts.name === undefined ? {} : { name: opts.name }) });
      if (opts.relayout) {
        const graph = graphFromFile(merged);
        layoutGraph.assign(graph, { seed: opts.seed });
        merged = graphToFile(graph);
      }
      writeExport(exportGraph(merged, format), format, opts.output, opts.output ?? where, io);
      io.err(`kg: merged ${files.length} graph(s): ${merged.nodes.length} entities, ${merged.edges.length} relations\n`);
    });
}
