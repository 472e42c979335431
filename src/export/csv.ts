// CSV export: nodes.csv and edges.csv with the headers Gephi's spreadsheet import recognises, quoted per RFC 4180.
import { compareStrings } from '../graph/order.js';
import type { GraphFile } from '../types.js';
import { evidenceDocuments, flattenEvidence, joinList } from './text.js';
import { EDGE_FIELDS, extraColumns, extraText, extraValue, NODE_FIELDS } from '../graph/extra.js';

/** The two files of a CSV export, by file name. */
export interface CsvExport {
  'nodes.csv': string;
  'edges.csv': string;
}

export const CSV_FILE_NAMES = ['nodes.csv', 'edges.csv'] as const;

type Cell = string | number | boolean | undefined;

// Spreadsheets run a cell that starts with one of these as a formula (CSV injection); labels and evidence
// come from arbitrary documents, so such text cells get a leading apostrophe, the usual neutraliser.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field per RFC 4180: quoted when it holds a comma, quote, CR or LF, quotes doubled. */
export function csvField(value: Cell): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function table(header: readonly string[], rows: Cell[][]): string {
  // RFC 4180 ends every record, the last included, with CRLF.
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/** nodes.csv (Id, Label, …) and edges.csv (Source, Target, Type, Id, Label, Weight, …); evidence as text. */
export function toCsv(file: GraphFile): CsvExport {
  const nodes = [...file.nodes].sort((x, y) => compareStrings(x.key, y.key));
  const edges = [...file.edges].sort((x, y) => compareStrings(x.key, y.key));
  // Attributes kg does not know get a column each, after ours, in name order; numbers and booleans as they are,
  // lists and objects as JSON.
  const nodeExtras = extraColumns(nodes.map((n) => n.attributes), NODE_FIELDS).map((c) => c.name);
  const edgeExtras = extraColumns(edges.map((e) => e.attributes), EDGE_FIELDS).map((c) => c.name);
  const extras = (attributes: object, names: string[]): Cell[] =>
    names.map((name) => {
      const value = extraValue(attributes, name);
      return typeof value === 'number' || typeof value === 'boolean' ? value : extraText(value);
    });
  // A header that would repeat one of ours (Gephi reads `Id`, `Type`, `Weight` … by name) is marked as the extra it is.
  const headers = (ours: readonly string[], names: string[]) => {
    const taken = new Set(ours.map((h) => h.toLowerCase()));
    return names.map((name) => (taken.has(name.toLowerCase()) ? `${name} (attribute)` : name));
  };
  const NODE_HEADERS = ['Id', 'Label', 'type', 'aliases', 'mentions', 'wikidata', 'x', 'y', 'size', 'color', 'community', 'documents'];
  const EDGE_HEADERS = ['Source', 'Target', 'Type', 'Id', 'Label', 'Weight', 'relation', 'confidence', 'negated', 'hypothetical', 'evidence', 'documents'];
  return {
    'nodes.csv': table(
      [...NODE_HEADERS, ...headers(NODE_HEADERS, nodeExtras)],
      nodes.map(({ key, attributes: a }) => [
        key,
        a.label,
        a.type,
        joinList(a.aliases),
        a.mentions,
        a.wikidata,
        a.x,
        a.y,
        a.size,
        a.color,
        a.community,
        a.documents === undefined ? undefined : joinList(a.documents),
        ...extras(a, nodeExtras),
      ]),
    ),
    'edges.csv': table(
      [...EDGE_HEADERS, ...headers(EDGE_HEADERS, edgeExtras)],
      edges.map(({ key, source, target, attributes: a, undirected }) => [
        source,
        target,
        undirected ? 'Undirected' : 'Directed',
        key,
        a.label,
        a.weight,
        a.relation,
        a.confidence,
        a.negated,
        a.hypothetical,
        flattenEvidence(a.evidence),
        joinList(evidenceDocuments(a.evidence)),
        ...extras(a, edgeExtras),
      ]),
    ),
  };
}
