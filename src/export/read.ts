// Reading a graph from text in any format kg reads (graph JSON, graphology JSON, GEXF, GraphML), detected from the
// content: one module for the CLI and the viewer, so that both accept and refuse the same files.
import { KgError } from '../errors.js';
import { parseGraphFile } from '../graph/serialize.js';
import type { GraphFile } from '../types.js';
import type { ReadWarnings } from './assemble.js';
import { fromGexf } from './gexf.js';
import { fromGraphml } from './graphml.js';
import { fromGraphologyJson } from './graphology-json.js';
import { PACKAGE_NAME } from '../version.js';

export const IMPORT_FORMATS = ['json', 'gexf', 'graphml'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

function extension(path: string): string {
  const m = /(\.[^./\\]+)$/.exec(path);
  return m ? m[1]!.toLowerCase() : '';
}

/** Name of the root element, skipping the XML declaration, comments, processing instructions and a DOCTYPE. */
function xmlRootName(text: string): string | undefined {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
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
  return m ? m[1]!.replace(/^.*:/, '') : undefined;
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

