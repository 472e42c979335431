// Real files from other tools (../shared/interop/: Gephi, Gephi Lite, yEd, yFiles, networkx, igraph, graphology's
// own test files) through `kg export`: each is read with every node kept, or refused with one line for a reason
// it states. Which ones are refused is listed exactly, so that a change in either direction shows here.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KG, kg, ROOT } from './helpers.js';

const INTEROP = join(ROOT, '..', 'shared', 'interop');
const files = existsSync(INTEROP) ? readdirSync(INTEROP).filter((f) => /\.(gexf|graphml)$/.test(f)).sort() : [];

/** Refused, and why: the two files broken on purpose (an edge to a missing node). */
const REFUSED: Record<string, RegExp> = {
  'graphology-missing_nodes.gexf': /source "2" is not a node$/,
  'graphology-missing_nodes.graphml': /target "9306289" is not a node$/,
};
/** Files with self-loops, which are kept (the options then allow them). */
const SELF_LOOPS = ['gephilite-divided-they-blog.gexf', 'gephilite-marvel.gexf', 'graphology-rio.gexf', 'graphology-yeast.gexf', 'igraph-yfiles-for-html.graphml'];

/** The count of an element's start tags outside CDATA text (one yFiles file quotes markup inside a CDATA value). */
function elements(path: string, name: string): number {
  const xml = readFileSync(path, 'utf8').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  return (xml.match(new RegExp(`<${name}[ >/]`, 'g')) ?? []).length;
}

describe('graphs written by other tools (../shared/interop)', () => {
  it('has the files', () => {
    expect(files.length).toBe(41);
  });
  it.each(files)('%s', (file) => {
    const path = join(INTEROP, file);
    const r = kg(['export', path, '-f', 'json']);
    const refused = REFUSED[file];
    if (refused) {
      expect(r.code).toBe(2);
      const lines = r.stderr.trim().split('\n').filter((l) => !l.includes(': warning: '));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(refused);
      expect(r.stdout).toBe('');
      return;
    }
    expect(r.code, r.stderr).toBe(0);
    for (const line of r.stderr.trim().split('\n').filter((l) => l)) expect(line).toMatch(/^kg: .*: warning: \d+ /);
    const graph = JSON.parse(r.stdout) as { options: { allowSelfLoops: boolean }; nodes: unknown[]; edges: Array<{ source: string; target: string }> };
    // Every node and every edge is kept: self-loops, parallel and undirected edges included.
    expect(graph.nodes.length).toBe(elements(path, 'node'));
    expect(graph.edges.length).toBe(elements(path, 'edge'));
    expect(graph.edges.some((e) => e.source === e.target)).toBe(SELF_LOOPS.includes(file));
    expect(graph.options.allowSelfLoops).toBe(SELF_LOOPS.includes(file));
    // kg stats reads it the same way.
    const stats = kg(['stats', path, '--json']);
    expect(stats.code, stats.stderr).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ nodes: graph.nodes.length, edges: graph.edges.length });
  });

  it('kg view serves every readable file, each at its own URL, with every node and edge', async () => {
    const readable = files.filter((f) => !REFUSED[f]);
    const child = spawn(process.execPath, [KG, 'view', ...readable.map((f) => join(INTEROP, f))], { cwd: ROOT });
    try {
      const urls = await new Promise<string[]>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('press Ctrl+C')) resolve([...out.matchAll(/ at (http:\/\/127\.0\.0\.1:\d+\/\S*)\n/g)].map((m) => m[1]!));
        });
        child.on('exit', (code) => reject(new Error(`kg view exited with ${code}`)));
      });
      expect(urls).toHaveLength(readable.length);
      for (const [i, url] of urls.entries()) {
        const page = new URL(url);
        const graphUrl = new URL(page.searchParams.get('graph') ?? 'graph.json', page);
        const res = await fetch(graphUrl);
        expect(res.status, url).toBe(200);
        const served = (await res.json()) as { nodes: unknown[]; edges: unknown[] };
        const path = join(INTEROP, readable[i]!);
        expect([served.nodes.length, served.edges.length], readable[i]).toEqual([elements(path, 'node'), elements(path, 'edge')]);
      }
    } finally {
      child.kill('SIGTERM');
    }
  }, 120_000);
});
