// The format registry: which formats are written and read, input format detection, and text in / text out.
import { graphFromFile, serializeGraph } from '../graph/serialize.js';
import type { GraphFile } from '../types.js';
import { CSV_FILE_NAMES, toCsv } from './csv.js';
export { detectInputFormat, IMPORT_FORMATS, readGraphText, type ImportFormat } from './read.js';
import { toCypher } from './cypher.js';
import { toGexf } from './gexf.js';
import { toGraphml } from './graphml.js';
import { toSvg, type SvgSettings } from './svg.js';

export const EXPORT_FORMATS = ['json', 'gexf', 'graphml', 'csv', 'cypher', 'svg'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];


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
