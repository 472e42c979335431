// `kg export --format html`: one self-contained HTML file, the built viewer and the graph inlined, that works from
// file:// with no network and no server, under a CSP that allows only the inlined script and style (sha256 hashes).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KgError } from '../errors.js';
import type { GraphFile } from '../types.js';
import { findPackageRoot } from './serve.js';

/** Id of the inlined graph, as the viewer looks for it (INLINE_GRAPH_ID in viewer/src/load.ts). */
const GRAPH_ELEMENT_ID = 'kg-graph-data';

export interface HtmlExportOptions {
  /** The built viewer (`vite build viewer`); defaults to `viewer/dist` of this package. */
  viewerDir?: string;
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Script text that the HTML parser leaves exactly as it is (so that its sha256 matches the CSP) and that cannot
 * end its <script> element early: `</script` and `<!--` (which would start the "double-escaped" state) get
 * their `<` written as `\x3C`, and raw NUL characters (the minifier puts them in template literals; the parser
 * would turn them into U+FFFD) as `\x00`: both escapes mean the same character in every place these can occur
 * in JavaScript (strings, templates, regular expressions, comments). Line ends become LF, as the parser would.
 */
export function escapeInlineScript(code: string): string {
  return code
    .replace(/\r\n?/g, '\n')
    .replace(/\0/g, '\\x00')
    .replace(/<(\/script|!--)/gi, '\\x3C$1');
}

/** Graph JSON that is inert inside `<script type="application/json">`: every `<` is `\u003c`, still the same JSON. */
export function escapeInlineJson(json: string): string {
  return json.replace(/</g, '\\u003c');
}

function escapeHtmlText(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** The CSP of an export: nothing but the inlined script and style, data:/blob: images, the layout's blob worker. */
export function exportCsp(scriptHash: string, styleHash: string): string {
  return [
    "default-src 'none'",
    `script-src ${scriptHash}`,
    `style-src ${styleHash}`,
    'img-src data: blob:',
    'worker-src blob:',
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The whole export as one HTML document. Reads the built viewer from disk; the graph is taken as it is. */
export function buildHtmlExport(file: GraphFile, options: HtmlExportOptions = {}): string {
  const viewerDir = options.viewerDir ?? join(findPackageRoot(), 'viewer', 'dist');
  const indexPath = join(viewerDir, 'index.html');
  if (!existsSync(indexPath)) {
    throw new KgError('INPUT_NOT_FOUND', `the viewer is not built (no index.html in ${viewerDir}): run \`npm run build\` first`, viewerDir);
  }
  let html = readFileSync(indexPath, 'utf8');

  const scripts = [...html.matchAll(/<script type="module"[^>]*\ssrc="\.\/([^"]+)"[^>]*><\/script>\s*/g)];
  const styles = [...html.matchAll(/<link rel="stylesheet"[^>]*\shref="\.\/([^"]+)"[^>]*>\s*/g)];
  if (scripts.length !== 1 || styles.length !== 1) {
    throw new KgError('UNSUPPORTED', `expected one script and one stylesheet in ${indexPath}, found ${scripts.length} and ${styles.length}`);
  }
  const js = escapeInlineScript(readFileSync(join(viewerDir, scripts[0]![1]!), 'utf8'));
  const css = readFileSync(join(viewerDir, styles[0]![1]!), 'utf8')
    .replace(/\r\n?/g, '\n')
    .replace(/\0/g, '\\0 ')
    .replace(/<\/style/gi, '<\\/style');
  if (/\bimport\s*\(|\bimport\s+[\w{*]|\.\/assets\//.test(js.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""'))) {
    // A second chunk or asset would need a server; the viewer build is configured to be a single file.
    throw new KgError('UNSUPPORTED', `the viewer script in ${viewerDir} loads other files: it cannot be inlined`);
  }
  const json = escapeInlineJson(JSON.stringify(file));

  html = html.replace(scripts[0]![0], '').replace(styles[0]![0], '');
  html = html.replace(/<!--[\s\S]*?-->\n?/, '<!-- A knowledge graph with its viewer (kg export --format html): one file, works offline from file://. -->\n');
  const name = file.attributes.name;
  const title = name !== '' ? `${escapeHtmlText(name)} · Knowledge graph` : 'Knowledge graph';
  html = html.replace(/<title>[^<]*<\/title>/, () => `<title>${title}</title>`);
  const head = [
    `<meta http-equiv="Content-Security-Policy" content="${exportCsp(sha256(js), sha256(css))}" />`,
    `<style>${css}</style>`,
    `<script type="application/json" id="${GRAPH_ELEMENT_ID}">${json}</script>`,
    `<script type="module">${js}</script>`,
  ].join('\n    ');
  // Replacer functions: `$` in the inlined text must not be read as a replacement pattern.
  html = html.replace(/<meta charset="utf-8" \/>/, (charset) => `${charset}\n    ${head}`);
  if (!html.includes(GRAPH_ELEMENT_ID)) throw new KgError('UNSUPPORTED', `unexpected markup in ${indexPath}: no <meta charset>`);
  return html;
}
