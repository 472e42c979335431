// The self-contained HTML export: inlined script, style and graph that cannot break out of their elements, and a CSP whose hashes match.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHtmlExport, escapeInlineJson, escapeInlineScript } from '../../src/cli/html-export.js';
import type { GraphFile } from '../../src/types.js';

const ROOT = join(import.meta.dirname, '..', '..');
const HOSTILE = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'viewer', 'hostile-graph.json'), 'utf8')) as GraphFile;

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The text of each element `tag` in `html`, the way an HTML parser ends it: at the first `</tag`. */
function elements(html: string, tag: 'script' | 'style'): string[] {
  const out: string[] = [];
  const open = new RegExp(`<${tag}\\b[^>]*>`, 'gi');
  for (let m = open.exec(html); m !== null; m = open.exec(html)) {
    const start = m.index + m[0].length;
    const end = html.toLowerCase().indexOf(`</${tag}`, start);
    out.push(html.slice(start, end));
    open.lastIndex = end;
  }
  return out;
}

describe('buildHtmlExport', () => {
  let dir: string;

  beforeAll(() => {
    // A stand-in viewer build whose script holds everything that could end an inline <script> early.
    dir = mkdtempSync(join(tmpdir(), 'kg-html-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html>\n<!-- viewer -->\n<html><head>\n<meta charset="utf-8" />\n<title>Knowledge graph</title>\n' +
        '<script type="module" crossorigin src="./assets/app.js"></script>\n<link rel="stylesheet" crossorigin href="./assets/app.css">\n' +
        '</head><body><div id="app"></div></body></html>\n',
    );
    writeFileSync(join(dir, 'assets', 'app.js'), 'const a = "</script><script>alert(1)</script>"; const b = `<!--${1}\0`; const c = /<\\/SCRIPT>/;\r\n');
    writeFileSync(join(dir, 'assets', 'app.css'), 'body::after { content: "</style><b>bold</b>"; }\n');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('inlines one script, one style and the graph, with nothing breaking out', () => {
    const html = buildHtmlExport(HOSTILE, { viewerDir: dir });
    const scripts = elements(html, 'script');
    expect(scripts).toHaveLength(2);
    expect(html).not.toContain('src="./assets');
    expect(html).not.toContain('href="./assets');
    // The graph data parses back to the file, `<` escaped.
    expect(scripts[0]).not.toContain('<');
    expect(JSON.parse(scripts[0]!)).toEqual(HOSTILE);
    // The script still means the same thing.
    expect(scripts[1]).toBe(escapeInlineScript('const a = "</script><script>alert(1)</script>"; const b = `<!--${1}\0`; const c = /<\\/SCRIPT>/;\n'));
    expect(scripts[1]).not.toMatch(/<\/script|<!--|\0|\r/i);
    expect(elements(html, 'style')[0]).toContain('<\\/style>');
    expect(html).toContain('<title>hostile &lt;script&gt;window.__pwned=1&lt;/script&gt; · Knowledge graph</title>');
  });

  it('allows exactly the inlined script and style in its CSP, and nothing remote', () => {
    const html = buildHtmlExport(HOSTILE, { viewerDir: dir });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(csp).toBeDefined();
    expect(csp).toContain(`script-src ${hash(elements(html, 'script')[1]!)}`);
    expect(csp).toContain(`style-src ${hash(elements(html, 'style')[0]!)}`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toMatch(/unsafe|https?:|\*/);
    // The policy comes before anything it governs.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  it('keeps the escapes equivalent in JavaScript', () => {
    const source = 'const s = "</script>"; const t = `<!--\0`;';
    // eslint-style check by evaluation in a separate realm is not available here: compare the decoded values.
    const decoded = escapeInlineScript(source).replace(/\\x3C/g, '<').replace(/\\x00/g, '\0');
    expect(decoded).toBe(source);
    expect(JSON.parse(escapeInlineJson('{"a":"</script>"}'))).toEqual({ a: '</script>' });
  });

  it('exports the real viewer build as one file', () => {
    const html = buildHtmlExport(HOSTILE);
    expect(elements(html, 'script')).toHaveLength(2);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet/);
  });

  it('says to build when the viewer is missing', () => {
    expect(() => buildHtmlExport(HOSTILE, { viewerDir: join(dir, 'nowhere') })).toThrow('npm run build');
  });
});
