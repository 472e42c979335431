// The format registry: which formats are written and read, input format detection, and text in / text out.
import { KgError } from '../errors.js';
import { graphFromFile, parseGraphFile, serializeGraph } from '../graph/serialize.js';
import type { GraphFile } from '../types.js';
import { CSV_FILE_NAMES, toCsv } from './csv.js';
import { toCypher } from './cypher.js';
import { fromGexf, toGexf } from './gexf.js';
import { fromGraphml, toGraphml } from './graphml.js';
import { toSvg, type SvgSettings } from './svg.js';
import type { ReadWarnings } from './assemble.js';
import { fromGraphologyJson } from './graphology-json.js';
import { PACKAGE_NAME } from '../version.js';

export const EXPORT_FORMATS = ['json', 'gexf', 'graphml', 'csv', 'cypher', 'svg'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const IMPORT_FORMATS = ['json', 'gexf', 'graphml'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Formats written as a folder of files rather than one file. */
export const FOLDER_FORMATS: readonly ExportFormat[] = ['csv'];

/** The usual file extension of each single-file format (for guessing a format from an output name). */
const FORMAT_EXTENSIONS: Readonly<Record<Exclude<ExportFormat, 'csv'>, readonly string[]>> = {
  json: ['.json'],
  gexf: ['.gexf'],
  graphml: ['.graphml'],
  cypher: ['.cypher', '.cql'],
  svg: ['.svg'],
};

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

function extension(path: string): string {
  const m = /(\.[^./\\]+)$/.exec(path);
  return m ? m[1].toLowerCase() : '';
}

/** The export format an output file name implies (`graph.gexf` → gexf), if any. */
export function formatFromExtension(path: string): ExportFormat | undefined {
  const ext = extension(path);
  return (Object.keys(FORMAT_EXTENSIONS) as Array<keyof typeof FORMAT_EXTENSIONS>).find((f) => FORMAT_EXTENSIONS[f].includes(ext));
}

/** Name of the root element, skipping the XML declaration, comments, processing instructions and a DOCTYPE. */
function xmlRootName(text: string): string | undefined {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    const [open, close] = text.startsWith('<?', i) ? ['<?', '?>'] : text.startsWith('<!--', i) ? ['<!--', '-->'] : text.startsWith('<!', i) ? ['<!', '>'] : [];
    if (open === undefined) break;
    let end = text.indexOf(close!, i + open.length);
    // A DOCTYPE's internal subset holds `>` of its own: skip to the `]>` that closes it.
    const bracket = text.indexOf('[', i);
    if (open === '<!' && bracket >= 0 && bracket < end) {
      const subsetEnd = /\]\s*>/g;
      subsetEnd.lastIndex = bracket;
      const m = subsetEnd.exec(text);
      end = m ? m.index + m[0].length - 1 : -1;
    }
    if (end < 0) return undefined;
    i = end + close!.length;
  }
  const m = /^<([^\s/>]+)/.exec(text.slice(i, i + 200));
  return m ? m[1].replace(/^.*:/, '') : undefined;
}

/**
 * The format of an input, from its content (a JSON object, a <gexf> or <graphml> root) and, when the
 * content does not tell, from the file extension; throws KgError naming `where` when neither does.
 */
export function detectInputFormat(text: string, where: string): ImportFormat {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  if (start.startsWith('<')) {
    const root = xmlRootName(start);
    if (root === 'gexf') return 'gexf';
    if (root === 'graphml') return 'graphml';
    const ext = extension(where);
    if (ext === '.gexf') return 'gexf';
    if (ext === '.graphml') return 'graphml';
    throw new KgError(
      'INPUT_INVALID',
      root === undefined ? 'cannot tell the format: XML without a root element' : `cannot read XML with root <${root}>: expected <gexf> or <graphml>`,
      where,
    );
  }
  const ext = extension(where);
  if (ext === '.json') return 'json';
  if (ext === '.gexf') return 'gexf';
  if (ext === '.graphml') return 'graphml';
  throw new KgError('INPUT_INVALID', 'cannot tell the format: expected a graph JSON, GEXF or GraphML file', where);
}

/**
 * A JSON graph: kg's own graph file, validated strictly; or, when the file is not kg's (its generator names
 * another program, or none), graphology's serialisation read leniently, what it lacks filled in and counted.
 */
function readJsonGraph(text: string, where: string, warnings?: ReadWarnings): GraphFile {
  try {
    return parseGraphFile(text, where);
  } catch (strict) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw strict;
    }
    const generator = (data as { attributes?: { generator?: unknown } } | null)?.attributes?.generator;
    if (typeof generator === 'string' && generator.startsWith(`${PACKAGE_NAME}@`)) throw strict;
    const file = fromGraphologyJson(data, where, warnings);
    if (!file) throw strict;
    return file;
  }
}

/** A graph from the text of any readable format (detected when not given); validated like a JSON graph file. */
export function readGraphText(text: string, where: string, format: ImportFormat = detectInputFormat(text, where), warnings?: ReadWarnings): GraphFile {
  switch (format) {
    case 'json':
      return readJsonGraph(text, where, warnings);
    case 'gexf':
      return fromGexf(text, where, warnings);
    case 'graphml':
      return fromGraphml(text, where, warnings);
  }
}

/** One file of an export: `name` is '' for single-file formats, the file name inside the folder otherwise. */
export interface ExportedFile {
  name: string;
  text: string;
}

export interface ExportOptions {
  svg?: Partial<SvgSettings>;
}

/** The graph in a format, as text: one file, or (csv) the files of a folder, in a fixed order. */
export function exportGraph(file: GraphFile, format: ExportFormat, options: ExportOptions = {}): ExportedFile[] {
  switch (format) {
    case 'json':
      // Through graphology and back: sorted, rounded and in the graph file's key order, whatever came in.
      return [{ name: '', text: serializeGraph(graphFromFile(file)) }];
    case 'gexf':
      return [{ name: '', text: toGexf(file) }];
    case 'graphml':
      return [{ name: '', text: toGraphml(file) }];
    case 'cypher':
      return [{ name: '', text: toCypher(file) }];
    case 'svg':
      return [{ name: '', text: toSvg(file, options.svg) }];
    case 'csv': {
      const csv = toCsv(file);
      return CSV_FILE_NAMES.map((name) => ({ name, text: csv[name] }));
    }
  }
}
